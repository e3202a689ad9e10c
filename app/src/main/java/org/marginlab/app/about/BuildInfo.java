package org.marginlab.app.about;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * What this build is: its version, when it was built, the Java and JavaFX it runs on, and the
 * capture date ("as of") of every tier table bundled with the engine. Shown by
 * {@code marginlab --version} and the About dialog.
 *
 * <p>The version and build time come from {@code build-info.properties}, which the build
 * filters ({@code app/pom.xml}); the version falls back to the module descriptor's, then to
 * {@code dev} (running from an IDE).
 */
public final class BuildInfo {
    private static final String RESOURCE = "build-info.properties";
    private static final DateTimeFormatter DISPLAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * One bundled tier table.
     *
     * @param venueId    rule-set id, e.g. {@code binance-usdm}
     * @param venueName  the venue's display name
     * @param symbol     instrument, e.g. {@code BTCUSDT}
     * @param asOf       the table's capture date ({@code yyyy-MM-dd}), or {@code unknown}
     */
    public record TierTableDate(String venueId, String venueName, String symbol, String asOf) {
        /** Checks the components. */
        public TierTableDate {
            Objects.requireNonNull(venueId, "venueId");
            Objects.requireNonNull(venueName, "venueName");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    private static volatile Properties properties;

    private BuildInfo() {
    }

    /** @return the app's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev}; never null */
    public static String version() {
        String v = properties().getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("${")) {
            return v.strip();
        }
        ModuleDescriptor descriptor = BuildInfo.class.getModule().getDescriptor();
        Optional<String> fromModule = descriptor == null ? Optional.empty() : descriptor.rawVersion();
        return fromModule.orElse("dev");
    }

    /** @return when this build was made, or empty when not built by Maven (an IDE run) */
    public static Optional<Instant> buildTime() {
        String t = properties().getProperty("build.timestamp");
        if (t == null || t.isBlank() || t.startsWith("${")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** @return the build time as {@code yyyy-MM-dd HH:mm UTC}, or {@code unknown}; never null */
    public static String buildDate() {
        return buildTime().map(DISPLAY_TIME::format).orElse("unknown");
    }

    /** @return e.g. {@code Java 17.0.15 (Debian), JavaFX 21.0.8}; never null */
    public static String runtime() {
        String java = "Java " + System.getProperty("java.version")
                + optional(System.getProperty("java.vendor"), " (", ")");
        String fx = ModuleLayer.boot().findModule("javafx.base")
                .flatMap(m -> Optional.ofNullable(m.getDescriptor()))
                .flatMap(ModuleDescriptor::rawVersion)
                .or(() -> Optional.ofNullable(System.getProperty("javafx.runtime.version")))
                .map(v -> ", JavaFX " + v)
                .orElse("");
        return java + fx;
    }

    /**
     * Reads every bundled tier table of the engine (a few small files; not for the start-up
     * path).
     *
     * @return one entry per venue and preset symbol, in the engine's display order; never null
     */
    public static List<TierTableDate> tierTables() {
        List<TierTableDate> out = new ArrayList<>();
        for (VenueRules venue : Venues.all()) {
            for (String symbol : venue.presetSymbols()) {
                String asOf = venue.presetTiers(symbol).map(TierTable::asOf).orElse(null);
                out.add(new TierTableDate(venue.id(), venue.displayName(), symbol,
                        asOf == null || asOf.isBlank() ? "unknown" : asOf));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The text of {@code marginlab --version}: version, build date, runtime and the date of
     * every bundled tier table, one item per line.
     *
     * @return the lines, never null
     */
    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("MarginLab " + version());
        lines.add("Built: " + buildDate());
        lines.add("Runtime: " + runtime());
        List<TierTableDate> tables = tierTables();
        lines.add("Bundled tier tables (as of):");
        int idWidth = tables.stream().mapToInt(t -> t.venueId().length()).max().orElse(0);
        int symbolWidth = tables.stream().mapToInt(t -> t.symbol().length()).max().orElse(0);
        for (TierTableDate t : tables) {
            lines.add(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-" + symbolWidth + "s  %s",
                    t.venueId(), t.symbol(), t.asOf()));
        }
        if (tables.isEmpty()) {
            lines.add("  none");
        }
        return List.copyOf(lines);
    }

    private static Properties properties() {
        Properties p = properties;
        if (p == null) {
            p = new Properties();
            try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // no build information: the fallbacks apply
            }
            properties = p;
        }
        return p;
    }

    private static String optional(String value, String before, String after) {
        return value == null || value.isBlank() ? "" : before + value + after;
    }
}
