package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.marginlab.engine.replay.PricePath;

/**
 * The price paths bundled for the replay: <b>synthetic</b>, made up to teach (not market data).
 * Their single source is the repository's {@code assets/paths/*.csv} ({@link PathCsv} format,
 * each opening with {@code # synthetic: …} comment lines); the app's build copies them into the
 * module under {@value #RESOURCE_FOLDER} (see {@code app/pom.xml}). Every path starts at
 * 2026-01-05T00:00:00Z with BTCUSDT 60,000, ETHUSDT 3,000 and SOLUSDT 150.
 */
public final class BundledPaths {
    /** The resource folder of the bundled paths inside module {@code org.marginlab.app}. */
    public static final String RESOURCE_FOLDER = "/org/marginlab/app/paths/";
    /** A 12 % wick down at minute 33 of 120 and a recovery above the start (one point a minute). */
    public static final String WICK_DOWN_12 = "wick-down-12";
    /** A 15 % wick up at minute 43 of 120, then back to +2 % (one point a minute). */
    public static final String WICK_UP_15 = "wick-up-15";
    /** A straight 30 % fall over 14 days, one point an hour (337 points). */
    public static final String SLOW_BLEED_30 = "slow-bleed-30";

    private static final List<String> IDS = List.of(WICK_DOWN_12, WICK_UP_15, SLOW_BLEED_30);

    private BundledPaths() {
    }

    /** @return the ids of the bundled paths, in menu order; unmodifiable */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * @param id  one of {@link #ids()}
     * @return its title for menus, labelled synthetic
     */
    public static String title(String id) {
        return switch (id) {
            case WICK_DOWN_12 -> "Wick down 12 % (2 h, synthetic)";
            case WICK_UP_15 -> "Wick up 15 % (2 h, synthetic)";
            case SLOW_BLEED_30 -> "Slow bleed −30 % (14 days, synthetic)";
            default -> id;
        };
    }

    /**
     * Reads a bundled path (a module resource: call it off the JavaFX thread like any read).
     *
     * @param id  one of {@link #ids()}, e.g. {@value #WICK_DOWN_12}; not null
     * @return the path, never null
     * @throws IllegalArgumentException if no bundled path has that id
     * @throws IllegalStateException if the bundled file is missing or broken (a packaging error;
     *         tests guard against it)
     */
    public static PricePath open(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no bundled price path named " + id + "; known: " + IDS);
        }
        try (InputStream in = BundledPaths.class.getResourceAsStream(RESOURCE_FOLDER + id + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("bundled price path " + id + " is missing from the module");
            }
            return PathCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | PathCsv.PathCsvException e) {
            throw new IllegalStateException("bundled price path " + id + " is broken: " + e.getMessage(), e);
        }
    }
}
