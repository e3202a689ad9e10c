package org.marginlab.app.ui;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The figures a lesson hides until the student predicts or reveals them, by key:
 * {@code positionId.figureId} ({@code btc-long.liquidationPrice}) or {@code account.figureId}
 * ({@code account.totalEquity}), figure ids being the Explain figures' ids. Views show
 * {@value #MASK} in their place. Empty outside a lesson. FX thread only.
 */
public final class HiddenFigures {
    /** What a hidden figure shows. */
    public static final String MASK = "?";
    /** The tooltip of a hidden figure. */
    public static final String TIP = "Hidden by the lesson: predict it, then reveal";
    /** The owner of the account's figures in a key. */
    public static final String ACCOUNT = "account";

    private static final String SAVED_TIP = "marginlab.hiddenFigures.tip";

    private final ObservableSet<String> keys = FXCollections.observableSet(new HashSet<>());
    /** One read-only view, kept: listeners added to it live as long as this object. */
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(keys);

    /** @return the hidden keys, observable and read-only for views */
    public ObservableSet<String> keys() {
        return readOnly;
    }

    /**
     * @param hidden  the keys to hide from now on, not null
     */
    public void set(Collection<String> hidden) {
        Set<String> next = new HashSet<>(hidden);
        keys.retainAll(next);
        keys.addAll(next);
    }

    /**
     * @param owner     a position id or {@value #ACCOUNT}
     * @param figureId  an Explain figure id, e.g. {@code liquidationPrice}
     * @return whether it is hidden now
     */
    public boolean hidden(String owner, String figureId) {
        return keys.contains(owner + "." + figureId);
    }

    /**
     * @param owner     a position id or {@value #ACCOUNT}
     * @param figureId  an Explain figure id
     * @param text      the figure's display text, not null
     * @return {@code text}, or {@value #MASK} while the figure is hidden
     */
    public StringBinding mask(String owner, String figureId, ObservableValue<String> text) {
        String key = owner + "." + figureId;
        return Bindings.createStringBinding(() -> keys.contains(key) ? MASK : text.getValue(), keys, text);
    }

    /**
     * @param figureId  an Explain figure id
     * @return true while that figure of any position (or of the account) is hidden
     */
    public BooleanBinding anyHidden(String figureId) {
        return Bindings.createBooleanBinding(() -> keys.stream().anyMatch(k -> k.endsWith("." + figureId)), keys);
    }

    /**
     * Makes a figure's label explain itself while it shows {@value #MASK}: its tooltip becomes
     * {@value #TIP}, and its own comes back when the figure does.
     *
     * @param label  a figure's label, not null
     */
    public static void tooltipFollows(Label label) {
        label.textProperty().addListener((o, was, now) -> {
            boolean masked = MASK.equals(now);
            boolean wasMasked = MASK.equals(was);
            if (masked && !wasMasked) {
                label.getProperties().put(SAVED_TIP, label.getTooltip() == null ? SAVED_TIP : label.getTooltip());
                label.setTooltip(new Tooltip(TIP));
            } else if (!masked && wasMasked) {
                Object saved = label.getProperties().remove(SAVED_TIP);
                label.setTooltip(saved instanceof Tooltip t ? t : null);
            }
        });
    }
}
