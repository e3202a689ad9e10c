package org.marginlab.app.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.Draft;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.ReplayOverlay;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.engine.replay.PathReplay;
import org.marginlab.engine.replay.PricePath;
import org.marginlab.engine.replay.ReplayFrame;
import org.marginlab.engine.replay.ReplaySide;

/**
 * View-model of the price-path replay: loads a path (a CSV file or a bundled one), replays the
 * workspace along it once ({@link PathReplay}, on the {@code worker}), and shows one point of it
 * at a time as a transient view of the draft ({@link ReplayOverlay}: never saved, no undo step,
 * no unsaved mark), so the Positions, Isolated-vs-cross and Charts tabs follow the replayed marks
 * and the liquidated positions. Scrubbing and playing only look a frame up and publish it.
 *
 * <p><b>Playing.</b> {@link #play} and {@link #pause} only set {@link #playingProperty()}; a
 * {@link ReplayClock}, made with this view-model by the app (not by a view), moves the position
 * on while it plays and pauses it at the end, so Play works from the Replay tab and from the
 * lesson navigator's replay strip alike.
 *
 * <p><b>Following the document.</b> An edit of the document while a replay is shown replays the
 * new document (same path, same point); a new or opened workspace (a draft without the replay)
 * closes it. {@link #close} shows the document's own marks again.
 *
 * <p>Not thread-safe: use it on the JavaFX thread; only reading the path and replaying run on
 * the worker ({@link LatestOnly}).
 */
public final class ReplayViewModel {
    private final AccountViewModel account;
    private final LatestOnly<ReplayShown> loader;
    private final ReadOnlyObjectWrapper<ReplayShown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyIntegerWrapper points = new ReadOnlyIntegerWrapper(this, "points", 0);
    private final ObjectProperty<ReplaySpeed> speed = new SimpleObjectProperty<>(this, "speed", ReplaySpeed.X1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<ReplayChartData> chart = new ReadOnlyObjectWrapper<>(this, "chart",
            ReplayChartData.EMPTY);
    private final ReplayFigures figures = new ReplayFigures();
    private final ObservableList<EventMarker> markers = FXCollections.observableArrayList();
    /** What the last request loads, to replay it again when the document changes. */
    private Supplier<PricePath> source;
    private String sourceId;
    private String sourceTitle;
    /** The document the shown replay was built from. */
    private Draft replayedDocument;
    /** Whether this view-model is putting its own overlay into the draft (its evaluation is not a document change). */
    private boolean applying;

    /**
     * @param account  the account whose draft the replay moves, not null
     * @param worker   reads and replays off the JavaFX thread, not null ({@code Runnable::run} in tests)
     * @param fx       hands the result back to the JavaFX thread, not null
     */
    public ReplayViewModel(AccountViewModel account, Executor worker, Executor fx) {
        this.account = Objects.requireNonNull(account, "account");
        this.loader = new LatestOnly<>(worker, fx);
        position.addListener((o, a, b) -> showIndex((int) Math.floor(b.doubleValue() + 1e-9)));
        account.evaluationProperty().addListener((o, a, b) -> documentChanged(b));
    }

    // ---- loading ------------------------------------------------------------------------------

    /**
     * Loads a bundled path ({@link org.marginlab.app.workspace.BundledPaths}) and replays the
     * workspace along it; the lesson navigator calls it with a step's {@code replay} id.
     *
     * @param id  a bundled path's id, e.g. {@code wick-down-12}; not null
     */
    public void loadBundled(String id) {
        Objects.requireNonNull(id, "id");
        if (!org.marginlab.app.workspace.BundledPaths.ids().contains(id)) {
            problem.set("No bundled price path is named " + id + "; known: "
                    + String.join(", ", org.marginlab.app.workspace.BundledPaths.ids()) + ".");
            return;
        }
        start(id, org.marginlab.app.workspace.BundledPaths.title(id),
                () -> org.marginlab.app.workspace.BundledPaths.open(id), 0);
    }

    /**
     * Reads a price-path CSV file ({@link org.marginlab.app.workspace.PathCsv}) off the JavaFX
     * thread and replays the workspace along it; a broken file's message names the line and field.
     *
     * @param csv  the file, not null
     */
    public void load(Path csv) {
        Objects.requireNonNull(csv, "csv");
        String name = String.valueOf(csv.getFileName());
        start(name, name, () -> {
            try {
                return org.marginlab.app.workspace.PathCsv.read(csv);
            } catch (org.marginlab.app.workspace.PathCsv.PathCsvException e) {
                throw new PathProblem(name + ": " + e.getMessage());
            }
        }, 0);
    }

    /** A path that cannot be read; its message is shown as is. */
    private static final class PathProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PathProblem(String message) {
            super(message, null, false, false);
        }
    }

    private void start(String id, String label, Supplier<PricePath> read, int keepIndex) {
        pause();
        Draft document = account.evaluation().draft().withReplay(null);
        Locale locale = account.locale();
        busy.set(true);
        problem.set("");
        loader.submit(() -> ReplayJob.run(id, label, read, document, locale), s -> {
            busy.set(false);
            source = read;
            sourceId = id;
            sourceTitle = label;
            replayedDocument = document;
            show(s, keepIndex);
        }, e -> {
            busy.set(false);
            problem.set(e instanceof PathProblem || e instanceof ReplayJob.WorkspaceProblem ? e.getMessage()
                    : "The price path could not be replayed: " + e.getMessage());
        });
    }

    private void show(ReplayShown s, int keepIndex) {
        shown.set(s);
        int n = s.replay().frames().size();
        points.set(n);
        title.set(s.title());
        note.set(s.note());
        markers.setAll(s.markers());
        chart.set(s.chart());
        loaded.set(true);
        int i = Math.min(keepIndex, n - 1);
        if (position.get() == i) {
            showIndex(i); // the position did not move but the replay is new
        } else {
            position.set(i);
        }
    }

    // ---- showing a point ----------------------------------------------------------------------

    private void showIndex(int i) {
        ReplayShown s = shown.get();
        if (s == null) {
            return;
        }
        int k = Math.max(0, Math.min(i, s.replay().frames().size() - 1));
        index.set(k);
        ReplayFrame f = s.replay().frame(k);
        figures.show(s, k, account.locale());
        ReplayOverlay overlay = new ReplayOverlay(s.id() + " · " + figures.time().get(), f.marks(), f.account().liquidated());
        applying = true;
        try {
            account.edit("replay", d -> d.withReplay(overlay));
        } finally {
            applying = false;
        }
    }

    private void documentChanged(Evaluation e) {
        if (applying || !loaded.get()) {
            return;
        }
        Draft d = e.draft();
        if (d.replay() == null) {
            clear(); // a new or opened workspace: the replay belongs to the one before
        } else if (replayedDocument != null && !d.sameDocument(replayedDocument) && source != null) {
            start(sourceId, sourceTitle, source, index.get());
        }
    }

    // ---- playing ------------------------------------------------------------------------------

    /** Starts playing from the current point (from the start when at the end). */
    public void play() {
        if (!loaded.get()) {
            return;
        }
        if (index.get() >= points.get() - 1) {
            position.set(0);
        }
        playing.set(true);
    }

    /** Stops playing; the current point stays shown. */
    public void pause() {
        playing.set(false);
    }

    /** Plays when paused, pauses when playing. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Steps one point back or forward (the arrow keys). @param delta  −1 or +1 */
    public void step(int delta) {
        if (loaded.get()) {
            pause();
            position.set(Math.max(0, Math.min(points.get() - 1, index.get() + delta)));
        }
    }

    /** Closes the replay: the workspace's own marks are shown again. */
    public void close() {
        loader.cancel();
        busy.set(false);
        boolean wasShown = account.evaluation().draft().replay() != null;
        clear();
        if (wasShown) {
            applying = true;
            try {
                account.edit("replay", d -> d.withReplay(null));
            } finally {
                applying = false;
            }
        }
    }

    private void clear() {
        pause();
        loaded.set(false);
        shown.set(null);
        source = null;
        replayedDocument = null;
        markers.clear();
        chart.set(ReplayChartData.EMPTY);
        points.set(0);
        title.set("");
        figures.clear();
        note.set("");
    }

    // ---- properties -----------------------------------------------------------------------------

    /** @return the scrubbed position in points, 0 … points − 1 (the timeline's slider binds to it); writable */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** @return the point shown, the last at or before the position */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** @return how many points the path has (0 without a replay) */
    public ReadOnlyIntegerProperty pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** @return the playback speed; writable */
    public ObjectProperty<ReplaySpeed> speedProperty() {
        return speed;
    }

    /** @return whether it plays */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** @return whether a replay is shown */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** @return whether a path is being read or replayed */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return the path's title (a bundled one labelled synthetic) */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** @return the time of the point shown, UTC */
    public ReadOnlyStringProperty timeProperty() {
        return figures.time();
    }

    /** @return the marks of the point shown, {@code BTCUSDT 52,800.00 · …} */
    public ReadOnlyStringProperty marksProperty() {
        return figures.marks();
    }

    /** @return the all-isolated side's equity at the point shown */
    public ReadOnlyStringProperty isolatedEquityProperty() {
        return figures.isolatedEquity();
    }

    /** @return the all-cross side's equity at the point shown */
    public ReadOnlyStringProperty crossEquityProperty() {
        return figures.crossEquity();
    }

    /** @return the positions each side has lost by the point shown, in words */
    public ReadOnlyStringProperty liquidatedSoFarProperty() {
        return figures.liquidatedSoFar();
    }

    /** @return how many positions each side has lost by the point shown, {@code isolated: 1 liquidated · cross: none} */
    public ReadOnlyStringProperty liquidatedCountsProperty() {
        return figures.liquidatedCounts();
    }

    /** @return why the last load failed (naming the line and field of a broken file), or empty */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return what to know about the path and the workspace (symbols it does not move), or empty */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** @return the liquidation markers of the isolated and the cross side, in time order */
    public ObservableList<EventMarker> markers() {
        return markers;
    }

    /** @return the chart's lines and dots */
    public ReadOnlyObjectProperty<ReplayChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** @return the chart's cursor: the point shown's x in the chart's unit */
    public ReadOnlyObjectProperty<Double> cursorProperty() {
        return figures.cursor();
    }

    /** @return the replay shown, or null */
    public PathReplay replay() {
        ReplayShown s = shown.get();
        return s == null ? null : s.replay();
    }

    /** @return the markers of one side, for tests and the timeline's rows */
    public List<EventMarker> markers(ReplaySide side) {
        return markers.stream().filter(m -> m.side() == side).toList();
    }
}
