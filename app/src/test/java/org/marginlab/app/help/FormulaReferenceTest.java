package org.marginlab.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

class FormulaReferenceTest {

    @Test
    void everyVenue_hasItsLiquidationPriceWithASource() {
        for (VenueRules v : Venues.all()) {
            assertThat(FormulaReference.of(v.id())).as(v.id()).isPresent();
            assertThat(FormulaReference.of(v.id()).get()).as(v.id())
                    .anySatisfy(e -> assertThat(e.figure()).startsWith("Liquidation price"))
                    .allSatisfy(e -> assertThat(e.source()).as(v.id() + " " + e.figure()).containsAnyOf("spec §", "spec venues-v2 §"));
        }
    }

    @Test
    void versionsReadAsTheirDates() {
        assertThat(HelpWindow.versionText(Venues.byId("binance-usdm"))).isEqualTo("binance-usdm@0000-01-01 (first known rules)");
    }

    @Test
    void anUnknownVenue_hasNone() {
        assertThat(FormulaReference.of("kraken")).isEmpty();
    }
}
