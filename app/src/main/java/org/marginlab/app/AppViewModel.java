package org.marginlab.app;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * View-model of the main window: the workspace's name, the window title and the position being
 * edited. A plain class without {@code javafx.scene} types.
 */
public final class AppViewModel {
    /** The window title's prefix; the title is {@code MarginLab — <workspace name>}. */
    public static final String APP_NAME = "MarginLab";

    private final ReadOnlyStringWrapper workspaceName = new ReadOnlyStringWrapper(this, "workspaceName");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final PositionViewModel position;

    /**
     * @param name      the workspace's name, not null
     * @param venue     the workspace's venue rules, not null
     * @param position  the position to edit (isolated), not null
     * @param locale    the locale numbers are typed and shown in, not null
     */
    public AppViewModel(String name, VenueRules venue, Position position, Locale locale) {
        workspaceName.set(Objects.requireNonNull(name, "name"));
        title.bind(Bindings.concat(APP_NAME, " — ", workspaceName));
        this.position = new PositionViewModel(MarginEngine.DEFAULT, venue, locale);
        this.position.load(position);
    }

    /**
     * Opens a workspace for editing: its first isolated position (the editor of this version
     * edits one isolated position).
     *
     * @param workspace  the workspace, not null
     * @param locale     the display locale, not null
     * @return the model, never null
     * @throws org.marginlab.engine.ValidationException ({@code positions}) if the workspace has no
     *         isolated position, or ({@code venue}) if its venue is unknown
     */
    public static AppViewModel of(Workspace workspace, Locale locale) {
        Position isolated = workspace.positions().stream()
                .filter(p -> p.marginMode() == MarginMode.ISOLATED).findFirst()
                .orElseThrow(() -> new ValidationException("positions", "must include an isolated position",
                        workspace.positions().size() + " positions"));
        return new AppViewModel(workspace.name(), Venues.byId(workspace.venueId()), isolated, locale);
    }

    /**
     * The bundled sample {@code assets/samples/btc-long-isolated.marginlab}: a Binance BTCUSDT
     * long, 0.5 BTC at 60,000, mark 59,000, 20x, isolated margin 1,500.
     *
     * @param locale  the display locale, not null
     * @return the model, never null
     */
    public static AppViewModel openSample(Locale locale) {
        return of(Samples.open(Samples.BTC_LONG_ISOLATED), locale);
    }

    /** @return the workspace's name */
    public ReadOnlyStringProperty workspaceNameProperty() {
        return workspaceName.getReadOnlyProperty();
    }

    /** @return {@code MarginLab — <workspace name>} */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** @return the position editor's view-model; never null */
    public PositionViewModel position() {
        return position;
    }
}
