package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.tiers.TierRefresh.Outcome;
import org.marginlab.app.tiers.TierRefresh.Status;
import org.marginlab.app.tiers.TierRefresh.Target;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTables;

/**
 * View-model of Help → Update tier tables: the venues' symbols to refresh (ticked by default: those
 * with a bundled or installed table and those the open workspace uses), Fetch (on a background
 * thread, one symbol after another, with progress), the status of each symbol (updated, new,
 * unchanged, offline, refused) and the table of what changed, the import of a saved Binance file,
 * Apply (store, then install: the open workspace then re-evaluates through the callback) and Cancel
 * (nothing changes; a fetch under way is dropped).
 *
 * <p>Nothing is fetched until {@link #fetch()} is called; nothing is stored or installed until
 * {@link #apply}. Commands and properties on the JavaFX thread (the {@code fx} executor delivers
 * the background results there).
 */
public final class TierRefreshViewModel {
    /** A venue's symbol the user can tick. */
    public static final class TargetRow {
        private final Target target;
        private final String venueName;
        private final BooleanProperty selected;

        TargetRow(Target target, String venueName, boolean selected) {
            this.target = target;
            this.venueName = venueName;
            this.selected = new SimpleBooleanProperty(this, "selected", selected);
        }

        /** @return the venue's symbol */
        public Target target() {
            return target;
        }

        /** @return the venue's name as shown */
        public String venueName() {
            return venueName;
        }

        /** @return whether Fetch asks for it */
        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    /**
     * One line of the status list.
     *
     * @param target  the venue's symbol (the Binance file: {@code binance-usdm/FILE})
     * @param status  what was found
     * @param text    the line shown
     */
    public record StatusRow(Target target, Status status, String text) {
    }

    /**
     * One row of the table of what changed: a tier whose MMR, cap or max leverage (or floor or
     * maintenance amount) differs, shown before → after.
     *
     * @param venue      the venue id
     * @param symbol     the symbol
     * @param tier       the tier's number ({@code 3 (new)}, {@code 3 (gone)})
     * @param mmrBefore  MMR in use, e.g. {@code 0.5 %}, or {@code —}
     * @param mmrAfter   fetched MMR
     * @param capBefore  cap in use, {@code ∞} when open-ended, or {@code —}
     * @param capAfter   fetched cap
     * @param maxBefore  max leverage in use, e.g. {@code 100×}, or {@code —}
     * @param maxAfter   fetched max leverage
     */
    public record ChangeRow(String venue, String symbol, String tier, String mmrBefore, String mmrAfter,
            String capBefore, String capAfter, String maxBefore, String maxAfter) {
    }

    private final TierRefresh refresh;
    private final TierStore store;
    private final Executor background;
    private final Executor fx;
    private final Locale locale;
    private final ObservableList<TargetRow> targets = FXCollections.observableArrayList();
    private final ObservableList<StatusRow> statuses = FXCollections.observableArrayList();
    private final ObservableList<ChangeRow> changes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** The latest outcome of each venue's symbol, in the order they came. */
    private final Map<Target, Outcome> outcomes = new LinkedHashMap<>();
    /** Increased by every fetch, import and cancel: a result of an older one is dropped. */
    private long run;

    /**
     * @param refresh     the fetching and storing, not null
     * @param store       where Apply stores, not null
     * @param targets     the venues' symbols offered ({@link #targetsFor}), not null
     * @param background  runs the network and file work, not null (a daemon thread in the app)
     * @param fx          hands results to the JavaFX thread, not null ({@code Platform::runLater})
     * @param locale      the number format of the table of what changed, not null
     */
    public TierRefreshViewModel(TierRefresh refresh, TierStore store, List<TargetRow> targets, Executor background,
            Executor fx, Locale locale) {
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.store = Objects.requireNonNull(store, "store");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.targets.setAll(targets);
    }

    /**
     * The view-model the app opens: the venues' sources, the default HTTP limits, the stored tables
     * under the data folder, the workspace's venue and symbols.
     *
     * @param sources           the venues' sources ({@link TierSources#defaults()} in the app), not null
     * @param today             the date a fetched table is dated with, not null
     * @param dataFolder        the data folder, not null
     * @param workspaceVenue    the open workspace's venue id, or null
     * @param workspaceSymbols  the symbols its positions use, not null
     * @param background        runs the network and file work, not null
     * @param fx                hands results to the JavaFX thread, not null
     * @param locale            the number format, not null
     * @return the view-model, nothing fetched yet
     */
    public static TierRefreshViewModel forApp(List<VenueSource> sources, java.util.function.Supplier<java.time.LocalDate> today,
            Path dataFolder, String workspaceVenue, Collection<String> workspaceSymbols, Executor background, Executor fx,
            Locale locale) {
        return new TierRefreshViewModel(new TierRefresh(sources, new JsonHttp(), today), new TierStore(dataFolder),
                targetsFor(sources, workspaceVenue, workspaceSymbols), background, fx, locale);
    }

    /**
     * The venues' symbols the dialog offers: each source's usual symbols, the symbols with an
     * installed table, and those the workspace uses on its venue. Ticked: those with a bundled or
     * installed table, and those the workspace uses.
     *
     * @param sources          the venues' sources, not null
     * @param workspaceVenue   the open workspace's venue id, or null
     * @param workspaceSymbols the symbols its positions use, not null
     * @return the rows, grouped by venue in the sources' order
     */
    public static List<TargetRow> targetsFor(List<VenueSource> sources, String workspaceVenue,
            Collection<String> workspaceSymbols) {
        List<TargetRow> out = new ArrayList<>();
        for (VenueSource s : sources) {
            Set<String> used = new LinkedHashSet<>();
            if (s.venueId().equals(workspaceVenue)) {
                for (String sym : workspaceSymbols) {
                    String u = sym == null ? "" : sym.strip().toUpperCase(Locale.ROOT);
                    if (u.matches("[A-Z0-9]{2,30}")) {
                        used.add(u);
                    }
                }
            }
            Set<String> installed = new LinkedHashSet<>(InstalledTiers.symbols(s.venueId()));
            Set<String> all = new LinkedHashSet<>(s.defaultSymbols());
            all.addAll(installed);
            all.addAll(used);
            for (String sym : all) {
                boolean tick = used.contains(sym) || installed.contains(sym)
                        || TierTables.bundled(s.venueId(), sym).isPresent();
                out.add(new TargetRow(new Target(s.venueId(), sym), s.displayName(), tick));
            }
        }
        return out;
    }

    /** Fetches the ticked symbols, one after another, off the JavaFX thread. Does nothing while busy. */
    public void fetch() {
        if (busy.get()) {
            return;
        }
        List<Target> chosen = new ArrayList<>();
        for (TargetRow r : targets) {
            if (r.selectedProperty().get()) {
                chosen.add(r.target());
            }
        }
        if (chosen.isEmpty()) {
            message.set("Tick at least one venue's symbol to fetch.");
            return;
        }
        long mine = ++run;
        busy.set(true);
        progress.set(0);
        message.set("");
        progressText.set("Fetching 1 of " + chosen.size() + "…");
        submit(() -> {
            Map<String, Outcome> unreachable = new LinkedHashMap<>();
            for (int i = 0; i < chosen.size(); i++) {
                Target t = chosen.get(i);
                Outcome o;
                Outcome down = unreachable.get(t.venueId());
                if (down != null) {
                    // the venue did not answer a moment ago: not asked again (each try would wait for the timeout)
                    o = new Outcome(t, down.venue(), Status.OFFLINE, down.venue() + " " + t.symbol()
                            + ": offline — not asked, " + down.venue() + " did not answer for " + down.target().symbol(),
                            down.before(), null, List.of());
                } else {
                    o = refresh.fetch(t);
                    if (o.status() == Status.OFFLINE) {
                        unreachable.put(t.venueId(), o);
                    }
                }
                int done = i + 1;
                Outcome result = o;
                fx.execute(() -> {
                    if (mine != run) {
                        return;
                    }
                    show(List.of(result));
                    progress.set((double) done / chosen.size());
                    progressText.set(done < chosen.size() ? "Fetching " + (done + 1) + " of " + chosen.size() + "…" : "");
                    if (done == chosen.size()) {
                        busy.set(false);
                        summarize();
                    }
                });
            }
        }, mine);
    }

    /**
     * Imports a file saved from Binance's {@code GET /fapi/v1/leverageBracket}, off the JavaFX
     * thread; its symbols join the statuses and the table of what changed.
     *
     * @param file  the file the user chose, not null
     */
    public void importBinance(Path file) {
        if (busy.get()) {
            return;
        }
        long mine = ++run;
        busy.set(true);
        progress.set(-1);
        message.set("");
        progressText.set("Reading " + file.getFileName() + "…");
        submit(() -> {
            List<Outcome> result = refresh.importBinance(file);
            fx.execute(() -> {
                if (mine != run) {
                    return;
                }
                show(result);
                busy.set(false);
                progressText.set("");
                progress.set(1);
                summarize();
            });
        }, mine);
    }

    /**
     * Stores the updated and new tables and installs them, off the JavaFX thread; then
     * {@code done} gets what was done, on the JavaFX thread (the app re-evaluates the workspace and
     * says what changed). If nothing could be stored, the dialog says why and {@code done} is not
     * called.
     *
     * @param done  takes what was stored, not null
     */
    public void apply(Consumer<TierRefresh.Applied> done) {
        if (busy.get() || !canApply.get()) {
            return;
        }
        List<Outcome> chosen = new ArrayList<>(outcomes.values());
        long mine = ++run;
        busy.set(true);
        progress.set(-1);
        progressText.set("Storing…");
        submit(() -> {
            TierRefresh.Applied applied = TierRefresh.apply(chosen, store);
            fx.execute(() -> {
                busy.set(false);
                progressText.set("");
                if (mine != run) {
                    // cancelled while storing: what was stored is stored and installed; say so
                    done.accept(applied);
                    return;
                }
                if (applied.stored().isEmpty()) {
                    message.set("Nothing was stored: " + String.join("; ", applied.failures()));
                    return;
                }
                canApply.set(false);
                done.accept(applied);
            });
        }, mine);
    }

    /** Stops waiting for a fetch or import under way: its results are dropped and nothing changes. */
    public void cancel() {
        run++;
        busy.set(false);
        progressText.set("");
    }

    /**
     * @param applied  what {@link #apply} stored
     * @return one line for the main window: what is now used, where it is stored, and any problem
     */
    public String summary(TierRefresh.Applied applied) {
        StringBuilder b = new StringBuilder();
        if (!applied.stored().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Target t : applied.stored()) {
                Outcome o = outcomes.get(t);
                String asOf = o == null || o.after() == null ? null : o.after().asOf();
                names.add(t.venueId() + " " + t.symbol() + (asOf == null ? "" : " (as of " + asOf + ")"));
            }
            b.append("Tier tables updated: ").append(String.join(", ", names)).append(". Stored in ")
                    .append(store.root()).append("; the workspace uses them now.");
        }
        for (String n : applied.notes()) {
            b.append(' ').append(n).append('.');
        }
        for (String f : applied.failures()) {
            b.append(' ').append(f).append('.');
        }
        return b.toString().strip();
    }

    private void submit(Runnable work, long mine) {
        try {
            background.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    fx.execute(() -> {
                        if (mine == run) {
                            busy.set(false);
                            progressText.set("");
                            message.set("The refresh stopped on an unexpected error (" + e.getClass().getSimpleName()
                                    + "); nothing was changed.");
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            busy.set(false);
            progressText.set("");
            message.set("The refresh cannot run now (the application is closing).");
        }
    }

    private void show(List<Outcome> result) {
        for (Outcome o : result) {
            outcomes.remove(o.target());
            outcomes.put(o.target(), o);
        }
        List<StatusRow> rows = new ArrayList<>();
        List<ChangeRow> changed = new ArrayList<>();
        boolean applicable = false;
        for (Outcome o : outcomes.values()) {
            rows.add(new StatusRow(o.target(), o.status(), o.message()));
            applicable |= o.applicable();
            if (o.applicable()) {
                for (TierChange c : o.changes()) {
                    changed.add(row(c));
                }
            }
        }
        statuses.setAll(rows);
        changes.setAll(changed);
        canApply.set(applicable);
    }

    private void summarize() {
        int apply = 0;
        int problems = 0;
        for (Outcome o : outcomes.values()) {
            if (o.applicable()) {
                apply++;
            } else if (o.status() == Status.OFFLINE || o.status() == Status.REFUSED) {
                problems++;
            }
        }
        message.set(apply == 0 ? "Nothing to apply: the tables in use stay as they are."
                : apply + " table" + (apply == 1 ? "" : "s") + " to apply. Apply stores " + (apply == 1 ? "it" : "them")
                        + " in " + store.root() + " and the workspace uses " + (apply == 1 ? "it" : "them") + " at once."
                        + (problems == 0 ? "" : " The others stay as they are."));
    }

    private ChangeRow row(TierChange c) {
        MaintenanceTier b = c.before();
        MaintenanceTier a = c.after();
        String tier = c.tier() + (b == null ? " (new)" : a == null ? " (gone)" : "");
        return new ChangeRow(c.venueId(), c.symbol(), tier, b == null ? "—" : percent(b.mmr()),
                a == null ? "—" : percent(a.mmr()), b == null ? "—" : cap(b.cap()), a == null ? "—" : cap(a.cap()),
                b == null ? "—" : leverage(b.maxLeverage()), a == null ? "—" : leverage(a.maxLeverage()));
    }

    private String percent(BigDecimal rate) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(4);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(rate.movePointRight(2)) + " %";
    }

    private String cap(BigDecimal cap) {
        if (cap == null) {
            return "∞";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(cap);
    }

    private String leverage(BigDecimal lev) {
        if (lev == null) {
            return "no limit";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(lev) + "×";
    }

    /** @return the venues' symbols offered, with their ticks */
    public ObservableList<TargetRow> targets() {
        return targets;
    }

    /** @return one line per venue's symbol fetched or imported, in the order they came */
    public ObservableList<StatusRow> statuses() {
        return statuses;
    }

    /** @return the tiers that Apply would change, before → after */
    public ObservableList<ChangeRow> changes() {
        return changes;
    }

    /** @return whether a fetch, import or store is under way */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return the share of the fetch done (0 … 1), or −1 while it cannot be known */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return what is under way ({@code Fetching 2 of 4…}), or empty */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** @return whether there is an updated or new table to apply */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** @return one line about the whole: what Apply would do, or why nothing */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
