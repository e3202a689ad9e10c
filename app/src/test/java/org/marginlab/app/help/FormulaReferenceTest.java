package org.marginlab.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.RuleSetText;
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
    void everyEntryIsForARegisteredVenue() {
        for (String id : FormulaReferenceV2.BY_VENUE.keySet()) {
            assertThat(Venues.versions(id)).as(id).isNotEmpty();
        }
    }

    @Test
    void datedVersionsReadAsTheirDates() {
        assertThat(RuleSetText.describe(Venues.byId("kucoin@2025-05-22")))
                .isEqualTo("kucoin@2025-05-22 (from 2025-05-22 04:00 UTC)");
        assertThat(RuleSetText.describe(Venues.byId("bitget@2025-11-10")))
                .isEqualTo("bitget@2025-11-10 (from 2025-11-10 08:00 UTC, for positions opened from then)");
        assertThat(RuleSetText.describe(Venues.byId("bitget@2025-09-29"))).isEqualTo("bitget@2025-09-29 (from 2025-09-29)");
    }

    @Test
    void versionsReadAsTheirDates() {
        assertThat(RuleSetText.describe(Venues.byId("binance-usdm"))).isEqualTo("binance-usdm@0000-01-01 (first known rules)");
    }

    @Test
    void anUnknownVenue_hasNone() {
        assertThat(FormulaReference.of("kraken")).isEmpty();
    }
}
