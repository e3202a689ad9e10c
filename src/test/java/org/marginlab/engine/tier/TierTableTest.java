package org.marginlab.engine.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ValidationException;

/**
 * {@link TierTable}: lookup with the floor inclusive and the cap exclusive, and the validation
 * of a table (spec margin-formulas.md §0, §1.2).
 */
class TierTableTest {

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static MaintenanceTier tier(String floor, String cap, String maxLeverage, String mmr, String amount) {
        return MaintenanceTier.of(dec(floor), cap == null ? null : dec(cap), maxLeverage == null ? null : dec(maxLeverage),
                dec(mmr), dec(amount));
    }

    /**
     * First three BTCUSDT brackets (spec §1.2): [0, 50000) 0.4 % cum 0; [50000, 600000) 0.5 %
     * cum 0 + 50000·0.001 = 50; [600000, 3000000) 0.65 % cum 50 + 600000·0.0015 = 950.
     */
    private static List<MaintenanceTier> threeBrackets() {
        return new ArrayList<>(List.of(
                tier("0", "50000", "125", "0.004", "0"),
                tier("50000", "600000", "100", "0.005", "50"),
                tier("600000", "3000000", "75", "0.0065", "950")));
    }

    private static TierTable table() {
        return TierTable.of(threeBrackets(), "test", "2024-10-24");
    }

    @Test
    void test_lookup_zeroNotional_firstTier() {
        assertThat(table().lookup(BigDecimal.ZERO).mmr()).isEqualByComparingTo("0.004");
    }

    @Test
    void test_lookup_justBelowCap_staysInTier() {
        assertThat(table().lookup(dec("49999.99999999")).mmr()).isEqualByComparingTo("0.004");
        assertThat(table().indexOf(dec("599999.99"))).isEqualTo(1);
    }

    @Test
    void test_lookup_exactlyAtBoundary_floorInclusiveCapExclusive() {
        MaintenanceTier t = table().lookup(dec("50000"));
        assertThat(t.floor()).isEqualByComparingTo("50000");
        assertThat(t.mmr()).isEqualByComparingTo("0.005");
        assertThat(t.maintenanceAmount()).isEqualByComparingTo("50");
        assertThat(table().indexOf(dec("600000"))).isEqualTo(2);
        assertThat(table().indexOf(dec("600000.000"))).isEqualTo(2);
    }

    @Test
    void test_lookup_beyondLastCap_usesLastTier() {
        MaintenanceTier t = table().lookup(dec("5000000"));
        assertThat(t.mmr()).isEqualByComparingTo("0.0065");
        assertThat(table().indexOf(dec("3000000"))).isEqualTo(2);
    }

    @Test
    void test_maintenanceMargin_continuousAtBoundary() {
        // at 50000: tier 2 gives 50000·0.005 − 50 = 200 = tier 1's 50000·0.004 − 0
        assertThat(table().maintenanceMargin(dec("50000"))).isEqualByComparingTo("200");
        // at 600000: 600000·0.0065 − 950 = 2950 = 600000·0.005 − 50
        assertThat(table().maintenanceMargin(dec("600000"))).isEqualByComparingTo("2950");
        // inside: 100000·0.005 − 50 = 450
        assertThat(table().maintenanceMargin(dec("100000"))).isEqualByComparingTo("450");
    }

    @Test
    void test_contains_floorInclusiveCapExclusive() {
        MaintenanceTier t = tier("50000", "600000", "100", "0.005", "50");
        assertThat(t.contains(dec("50000"))).isTrue();
        assertThat(t.contains(dec("599999.999"))).isTrue();
        assertThat(t.contains(dec("600000"))).isFalse();
        assertThat(t.contains(dec("49999.999"))).isFalse();
    }

    @Test
    void test_of_metadata() {
        TierTable t = table();
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.source()).isEqualTo("test");
        assertThat(t.asOf()).isEqualTo("2024-10-24");
        assertThat(t.tiers()).hasSize(3);
        assertThatThrownBy(() -> t.tiers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void test_of_maintenanceAmountBreaksRecurrence_namesTierAndExpectedValue() {
        List<MaintenanceTier> tiers = threeBrackets();
        // expected cum of tier 2: 50 + 600000·(0.0065 − 0.005) = 950
        tiers.set(2, tier("600000", "3000000", "75", "0.0065", "951"));
        assertThatThrownBy(() -> TierTable.of(tiers, null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("tiers[2].maintenanceAmount: must be 950 = previous amount + floor·(mmr − previous mmr)"
                        + " (got 951)");
    }

    @Test
    void test_of_maintenanceAmountWithinTolerance_accepted() {
        List<MaintenanceTier> tiers = threeBrackets();
        tiers.set(1, tier("50000", "600000", "100", "0.005", "50.000000001"));
        tiers.set(2, tier("600000", "3000000", "75", "0.0065", "950.000000001"));
        assertThat(TierTable.of(tiers, null, null).size()).isEqualTo(3);
    }

    @Test
    void test_of_gapBetweenTiers_rejected() {
        List<MaintenanceTier> tiers = threeBrackets();
        tiers.set(1, tier("60000", "600000", "100", "0.005", "60"));
        assertThatThrownBy(() -> TierTable.of(tiers, null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("tiers[1].floor: must equal the previous tier's cap 50000 (contiguous) (got 60000)");
    }

    @Test
    void test_of_firstFloorNotZero_rejected() {
        List<MaintenanceTier> tiers = List.of(tier("10", "50000", "125", "0.004", "0"));
        assertThatThrownBy(() -> TierTable.of(tiers, null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("tiers[0].floor: first tier must start at 0 (got 10)");
    }

    @Test
    void test_of_firstAmountNotZero_rejected() {
        List<MaintenanceTier> tiers = List.of(tier("0", "50000", "125", "0.004", "5"));
        assertThatThrownBy(() -> TierTable.of(tiers, null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("tiers[0].maintenanceAmount: must be 0 in the first tier (got 5)");
    }

    @Test
    void test_of_openEndedTierNotLast_rejected() {
        List<MaintenanceTier> tiers = List.of(tier("0", null, null, "0.004", "0"),
                tier("50000", null, null, "0.005", "50"));
        assertThatThrownBy(() -> TierTable.of(tiers, null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("tiers[0].cap: only the last tier may be open-ended (got none)");
    }

    @Test
    void test_of_empty_rejected() {
        assertThatThrownBy(() -> TierTable.of(List.of(), null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("tiers: must contain at least one tier (got [])");
    }

    @Test
    void test_tierOf_capNotAboveFloor_rejected() {
        assertThatThrownBy(() -> tier("50000", "50000", null, "0.005", "50")).isInstanceOf(ValidationException.class)
                .hasMessage("cap: must be > floor 50000 (got 50000)");
    }

    @Test
    void test_ofMarginalRates_derivesAmountsByRecurrence() {
        // Bybit-style inverse tiers (spec §2.4): 0–10 1 %, 10–20 2 %, 20–30 3 %;
        // cum = 0, 0 + 10·0.01 = 0.1, 0.1 + 20·0.01 = 0.3; MM(25) = 25·0.03 − 0.3 = 0.45
        TierTable t = TierTable.ofMarginalRates(List.of(dec("0"), dec("10"), dec("20")),
                Arrays.asList(dec("10"), dec("20"), dec("30")), List.of(dec("0.01"), dec("0.02"), dec("0.03")),
                Arrays.asList(null, null, null), null, null);
        assertThat(t.tiers().get(1).maintenanceAmount()).isEqualByComparingTo("0.1");
        assertThat(t.tiers().get(2).maintenanceAmount()).isEqualByComparingTo("0.3");
        assertThat(t.maintenanceMargin(dec("25"))).isEqualByComparingTo("0.45");
    }

    @Test
    void test_ofMarginalRates_lengthMismatch_rejected() {
        assertThatThrownBy(() -> TierTable.ofMarginalRates(List.of(dec("0"), dec("10")), Arrays.asList(dec("10")),
                List.of(dec("0.01"), dec("0.02")), Arrays.asList(null, null), null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("tiers: floors, caps, rates and leverages must have the same length (got 2)");
    }

    @Test
    void test_flat_oneOpenEndedTier() {
        TierTable t = TierTable.flat(dec("0.025"), dec("16300"), null);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.lookup(dec("1e12")).mmr()).isEqualByComparingTo("0.025");
        // 3,500,032.458·0.025 − 16,300 = 71,200.81145 (FAQ BTC MM, spec §1.1)
        assertThat(t.maintenanceMargin(dec("3500032.458"))).isEqualByComparingTo("71200.81145");
        assertThat(t.tiers().get(0).cap()).isNull();
    }

    @Test
    void test_equals_comparesTiersByValue() {
        assertThat(table()).isEqualTo(TierTable.of(threeBrackets(), "other source", null));
        assertThat(table().hashCode()).isEqualTo(TierTable.of(threeBrackets(), null, null).hashCode());
        assertThat(tier("0", "50000", "125", "0.004", "0")).isEqualTo(tier("0.0", "50000.00", "125", "0.0040", "0"));
    }
}
