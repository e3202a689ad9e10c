package org.marginlab.app.ui;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * The inputs a lesson step locks in instructor mode, by key: {@code positionId.field}
 * ({@code btc-long.leverage}, fields as the workspace file names them), {@code walletBalance},
 * {@code venue}, or {@code *} for every input. A locked input is disabled and says why. Empty
 * outside instructor mode. FX thread only.
 */
public final class LockedInputs {
    /** The tooltip of a locked input. */
    public static final String TIP = "Locked by the lesson step";
    /** The key that locks every input. */
    public static final String ALL = "*";

    private static final String SAVED_TIP = "marginlab.lockedInputs.tip";

    private final ObservableSet<String> keys = FXCollections.observableSet(new HashSet<>());
    /** One read-only view, kept: listeners added to it live as long as this object. */
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(keys);

    /** @return the locked keys, read-only */
    public ObservableSet<String> keys() {
        return readOnly;
    }

    /** @param locked  the keys to lock from now on, not null */
    public void set(Collection<String> locked) {
        Set<String> next = new HashSet<>(locked);
        keys.retainAll(next);
        keys.addAll(next);
    }

    /**
     * @param key  an input's key
     * @return true while it is locked (named, or everything is)
     */
    public BooleanBinding locked(String key) {
        return Bindings.createBooleanBinding(() -> keys.contains(key) || keys.contains(ALL), keys);
    }

    /**
     * Disables an input while it is locked, with the tooltip {@value #TIP}; its own tooltip comes
     * back when it is unlocked. An input already disabled for another reason stays so.
     *
     * @param control  the input, not null
     * @param key      its key, e.g. {@code btc-long.leverage}
     */
    public void install(Control control, String key) {
        BooleanBinding locked = locked(key);
        control.getProperties().put("marginlab.lockedInputs.binding", locked); // kept as long as the control
        locked.addListener((o, was, now) -> apply(control, now));
        apply(control, locked.get());
    }

    private static void apply(Control control, boolean locked) {
        boolean was = control.getProperties().containsKey(SAVED_TIP);
        if (locked && !was) {
            control.getProperties().put(SAVED_TIP, control.getTooltip() == null ? SAVED_TIP : control.getTooltip());
            control.setTooltip(new Tooltip(TIP));
            control.setDisable(true);
        } else if (!locked && was) {
            Object saved = control.getProperties().remove(SAVED_TIP);
            control.setTooltip(saved instanceof Tooltip t ? t : null);
            control.setDisable(false);
        }
    }
}
