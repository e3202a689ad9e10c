package org.marginlab.app.tiers;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The venues whose tier tables can be refreshed from a public endpoint, one {@link VenueSource}
 * each. Adding a venue is one {@code VenueSource} subclass and one line in {@link #create}.
 *
 * <p>Binance is not here: its brackets endpoint needs a signed request, so its tables are imported
 * from a file the user saved ({@link BinanceBrackets}).
 */
public final class TierSources {
    /**
     * System property that points every source at one base URL instead of the venues' own hosts
     * (tests and demos against a local server serving the recorded answers).
     */
    public static final String BASE_URL_PROPERTY = "marginlab.tiers.baseUrl";

    private TierSources() {
    }

    /**
     * @return every source at the venue's own host, or at the base URL of
     *         {@value #BASE_URL_PROPERTY} if it is set
     */
    public static List<VenueSource> defaults() {
        String override = System.getProperty(BASE_URL_PROPERTY);
        return create(override == null || override.isBlank() ? null : URI.create(override.strip()));
    }

    /**
     * @param base  the base URL every source asks, or null for each venue's own host
     * @return every source, in the order the dialog lists them
     */
    public static List<VenueSource> create(URI base) {
        return List.of(
                new BybitSource(BybitSource.Category.LINEAR, base),
                new BybitSource(BybitSource.Category.INVERSE, base),
                new BybitSource(BybitSource.Category.UTA, base),
                new OkxSource(base),
                new GateSource(base),
                new HyperliquidSource(base),
                new BitgetSource(base),
                new KucoinSource(base));
    }

    /**
     * @param sources  the sources, not null
     * @param venueId  a rule-set id
     * @return the source of that venue, or empty
     */
    public static Optional<VenueSource> of(List<VenueSource> sources, String venueId) {
        return sources.stream().filter(s -> s.venueId().equals(venueId)).findFirst();
    }
}
