package org.marginlab.app.tiers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;

/**
 * The work of Help → Update tier tables, without the toolkit: fetch a venue's symbol and compare
 * it with the table in use ({@link #fetch}), import a saved Binance brackets file
 * ({@link #importBinance}), then store and install what the user applies ({@link #apply}). A fetch
 * or import changes nothing; only {@code apply} writes files and installs tables.
 *
 * <p>Blocking (network and files): call it off the JavaFX thread. Thread-safe.
 */
public final class TierRefresh {
    /** The rule set of Binance's USDⓈ-M brackets, imported from a file. */
    public static final String BINANCE_USDM = "binance-usdm";

    /**
     * A venue's symbol.
     *
     * @param venueId  rule-set id, e.g. {@code bybit-linear}
     * @param symbol   MarginLab's symbol, e.g. {@code BTCUSDT}
     */
    public record Target(String venueId, String symbol) {
        /** @return {@code venueId/SYMBOL}, as {@link InstalledTiers#key} */
        public String key() {
            return InstalledTiers.key(venueId, symbol);
        }
    }

    /** What a fetch or import found. */
    public enum Status {
        /** The fetched table differs from the one in use. */
        UPDATED,
        /** There was no table in use (neither installed nor bundled). */
        NEW,
        /** The fetched table is the one in use. */
        UNCHANGED,
        /** The venue could not be reached. */
        OFFLINE,
        /** The answer (or file) was refused. */
        REFUSED
    }

    /**
     * The result for one venue's symbol.
     *
     * @param target   the venue's symbol
     * @param venue    the venue's name as shown
     * @param status   what was found
     * @param message  one line for the user
     * @param before   the table in use (installed or bundled), or null
     * @param after    the fetched table, or null when it failed
     * @param changes  the tiers that differ (empty unless updated or new)
     */
    public record Outcome(Target target, String venue, Status status, String message, TierTable before,
            TierTable after, List<TierChange> changes) {
        /** @return whether Apply would store and install it */
        public boolean applicable() {
            return status == Status.UPDATED || status == Status.NEW;
        }
    }

    /**
     * What {@link #apply} did.
     *
     * @param stored    the tables stored and installed
     * @param notes     remarks (a stored file that could not be read was replaced, its last version kept)
     * @param failures  tables that could not be stored (and were not installed), one line each
     */
    public record Applied(List<Target> stored, List<String> notes, List<String> failures) {
    }

    private final List<VenueSource> sources;
    private final JsonHttp http;
    private final Supplier<LocalDate> today;

    /**
     * @param sources  the venues' sources ({@link TierSources#defaults()}), not null
     * @param http     the HTTP client, not null
     * @param today    today's date (the {@code asOf} of a fetched table), not null
     */
    public TierRefresh(List<VenueSource> sources, JsonHttp http, Supplier<LocalDate> today) {
        this.sources = List.copyOf(sources);
        this.http = Objects.requireNonNull(http, "http");
        this.today = Objects.requireNonNull(today, "today");
    }

    /** @return the sources, in the dialog's order */
    public List<VenueSource> sources() {
        return sources;
    }

    /**
     * The table a venue's symbol uses now: the installed one, else the bundled one.
     *
     * @param venueId  rule-set id
     * @param symbol   symbol
     * @return the table, or null if there is none
     */
    public static TierTable current(String venueId, String symbol) {
        return InstalledTiers.lookup(venueId, symbol).or(() -> TierTables.bundled(venueId, symbol)).orElse(null);
    }

    /**
     * Fetches a venue's symbol and compares it with the table in use. Never throws for the network
     * or the answer: a failure is an {@link Status#OFFLINE} or {@link Status#REFUSED} outcome.
     *
     * @param target  the venue's symbol; the venue must have a source
     * @return the outcome, never null
     */
    public Outcome fetch(Target target) {
        VenueSource source = TierSources.of(sources, target.venueId()).orElseThrow(
                () -> new IllegalArgumentException("no source for " + target.venueId()));
        String symbol = target.symbol().strip().toUpperCase(Locale.ROOT);
        String who = source.displayName() + " " + symbol;
        TierTable after;
        try {
            after = source.fetch(symbol, http, today.get().toString());
        } catch (FetchFailure f) {
            return failed(target, source.displayName(), who, f);
        } catch (RuntimeException e) {
            // a bug reading a hostile answer must not take the dialog down: it refuses, and says so
            return new Outcome(target, source.displayName(), Status.REFUSED, who + ": refused, nothing changed — "
                    + "the answer of " + source.host() + " could not be read (" + e.getClass().getSimpleName() + ")",
                    current(target.venueId(), symbol), null, List.of());
        }
        return compared(new Target(target.venueId(), symbol), source.displayName(), after);
    }

    /**
     * Reads a file saved from Binance's {@code GET /fapi/v1/leverageBracket} and compares every
     * symbol in it with the table in use. Its tables are dated with the file's last-modified date.
     *
     * @param file  the file, not null
     * @return one outcome per symbol, or one {@link Status#REFUSED} outcome naming the file and why
     */
    public List<Outcome> importBinance(Path file) {
        String name = String.valueOf(file.getFileName());
        Target whole = new Target(BINANCE_USDM, "FILE");
        try {
            byte[] bytes;
            String asOf;
            try {
                bytes = TierStore.readImport(file);
                asOf = TierStore.modifiedDate(file);
            } catch (IOException e) {
                throw FetchFailure.refused("cannot read it (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()) + ")");
            }
            var json = http.parse(bytes, "the file");
            Map<String, TierTable> tables = BinanceBrackets.parse(json, "Binance GET /fapi/v1/leverageBracket, saved as "
                    + name + " (imported " + today.get() + "; asOf is the file's date)", asOf);
            List<Outcome> out = new ArrayList<>();
            for (Map.Entry<String, TierTable> e : tables.entrySet()) {
                out.add(compared(new Target(BINANCE_USDM, e.getKey()), "Binance USDⓈ-M (file " + name + ")", e.getValue()));
            }
            return out;
        } catch (FetchFailure f) {
            return List.of(new Outcome(whole, "Binance USDⓈ-M", Status.REFUSED, "Binance file " + name
                    + ": refused, nothing changed — " + f.getMessage(), null, null, List.of()));
        } catch (RuntimeException e) {
            return List.of(new Outcome(whole, "Binance USDⓈ-M", Status.REFUSED, "Binance file " + name
                    + ": refused, nothing changed — it could not be read (" + e.getClass().getSimpleName() + ")", null,
                    null, List.of()));
        }
    }

    /**
     * Stores the applicable outcomes' tables, then installs those that were stored: from then on
     * the venues use them, and the next start (and {@code marginlab calc}) loads them.
     *
     * @param outcomes  the outcomes (others than {@link Outcome#applicable()} are skipped), not null
     * @param store     where to store, not null
     * @return what was stored, noted and not stored, never null
     */
    public static Applied apply(List<Outcome> outcomes, TierStore store) {
        Map<String, TierTable> installed = new LinkedHashMap<>();
        List<Target> stored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.applicable()) {
                continue;
            }
            Target t = o.target();
            try {
                String note = store.save(t.venueId(), t.symbol(), o.after());
                if (note != null) {
                    notes.add(t.venueId() + " " + t.symbol() + ": " + note);
                }
                installed.put(t.key(), o.after());
                stored.add(t);
            } catch (IOException | RuntimeException e) {
                failures.add(t.venueId() + " " + t.symbol() + ": not stored, so not used ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        if (!installed.isEmpty()) {
            InstalledTiers.installAll(installed);
        }
        return new Applied(List.copyOf(stored), List.copyOf(notes), List.copyOf(failures));
    }

    private static Outcome compared(Target target, String venue, TierTable after) {
        TierTable before = current(target.venueId(), target.symbol());
        String who = venue + " " + target.symbol();
        List<TierChange> changes = TierChange.between(target.venueId(), target.symbol(), before, after);
        if (before == null) {
            return new Outcome(target, venue, Status.NEW, who + ": new, " + after.size() + " tier"
                    + (after.size() == 1 ? "" : "s") + " (no table before)", null, after, changes);
        }
        if (changes.isEmpty()) {
            return new Outcome(target, venue, Status.UNCHANGED, who + ": unchanged (" + after.size() + " tier"
                    + (after.size() == 1 ? "" : "s") + ")", before, after, changes);
        }
        return new Outcome(target, venue, Status.UPDATED, who + ": updated, " + changes.size() + " of "
                + Math.max(before.size(), after.size()) + " tiers changed", before, after, changes);
    }

    private static Outcome failed(Target target, String venue, String who, FetchFailure f) {
        TierTable before = current(target.venueId(), target.symbol());
        if (f.kind() == FetchFailure.Kind.OFFLINE) {
            return new Outcome(target, venue, Status.OFFLINE, who + ": offline — " + f.getMessage(), before, null,
                    List.of());
        }
        return new Outcome(target, venue, Status.REFUSED, who + ": refused, nothing changed — " + f.getMessage(), before,
                null, List.of());
    }
}
