package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.venue.Venues;

/**
 * Every case of {@code venues_v2.json} (spec venues-v2.md §15: 39 cases) is run by exactly one
 * test class of this package, so a new or renamed case shows up as a failing diff, never as a
 * case silently skipped; and every venue the file names is a registered rule set.
 */
class VenuesV2CoverageTest {

    private static List<String> runByTheClasses() {
        List<String> all = new ArrayList<>();
        all.addAll(BitmexVectorsTest.CASES);
        all.addAll(KucoinVectorsTest.CASES);
        all.addAll(MexcVectorsTest.CASES);
        all.addAll(BitgetVectorsTest.CASES);
        all.addAll(PhemexVectorsTest.CASES);
        all.addAll(KrakenFuturesVectorsTest.CASES);
        all.addAll(DeribitVectorsTest.CASES);
        all.addAll(DydxV4VectorsTest.CASES);
        all.addAll(BybitUtaVectorsTest.CASES);
        all.addAll(GeneralVectorsTest.CASES);
        return all;
    }

    @Test
    void everyCaseOfTheFileIsRunExactlyOnce() {
        List<String> inFile = Vectors.v2Cases().stream().map(Vectors.Case::id).toList();
        assertThat(inFile).hasSize(39).doesNotHaveDuplicates();
        assertThat(runByTheClasses()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inFile);
    }

    @Test
    void everyVenueTheFileNamesIsARegisteredRuleSet() {
        for (Vectors.Case c : Vectors.v2Cases()) {
            if (c.node().hasNonNull("venue")) {
                String venue = c.node().get("venue").asText();
                assertThat(Venues.versions(venue)).as("%s names venue %s", c.id(), venue).isNotEmpty();
            }
        }
    }
}
