package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.sizing.MexcCalculations;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.BitmexRules;
import org.marginlab.engine.venue.MexcRules;
import org.marginlab.engine.venue.MexcRules.MexcRiskLevels;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code mexc} (spec venues-v2.md §3): every {@code venues_v2.json} case of the venue, with each
 * case's own tolerance; then behaviour worked by hand.
 */
public class MexcVectorsTest {
    /** The venues_v2.json cases this class runs. */
    public static final List<String> CASES = List.of(
            "mexc-usdtm-initial-margin-doc",
            "mexc-coinm-initial-margin-doc",
            "mexc-fees-funding-pnl-doc",
            "mexc-isolated-short-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules MEXC = Venues.byId(MexcRules.ID);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final Maintenance MMR_04 = new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void casesAreEveryMexcCaseOfTheFile() {
        List<String> ids = new ArrayList<>();
        for (Case c : Vectors.v2Cases()) {
            if (MexcRules.ID.equals(c.node().path("venue").asText())) {
                ids.add(c.id());
            }
        }
        assertThat(CASES).containsExactlyElementsOf(ids);
    }

    private static Position imPosition(Case c, ContractType type, String symbol) {
        JsonNode in = c.inputs();
        return Position.builder().id("p").symbol(symbol).contract(type).side(Side.LONG).quantity(dec(in, "contracts"))
                .contractSize(dec(in, "contract_size")).entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage"))
                .maintenance(MMR_04).build();
    }

    @Test
    void usdtmInitialMargin() {
        Case c = Vectors.v2Case("mexc-usdtm-initial-margin-doc");
        JsonNode in = c.inputs();
        BigDecimal expected = dec(c.expected(), "initial_margin");
        Vectors.assertWithin(c.id() + " helper", MexcCalculations.initialMargin(ContractType.LINEAR, dec(in, "contracts"),
                dec(in, "contract_size"), dec(in, "entry_price"), dec(in, "leverage")), expected, c.tolerance());
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO,
                List.of(imPosition(c, ContractType.LINEAR, "BTC_USDT")))).positions().get(0);
        Vectors.assertWithin(c.id() + " engine", r.initialMargin(), expected, c.tolerance());
    }

    @Test
    void coinmInitialMargin() {
        Case c = Vectors.v2Case("mexc-coinm-initial-margin-doc");
        JsonNode in = c.inputs();
        BigDecimal expected = dec(c.expected(), "initial_margin");
        Vectors.assertWithin(c.id() + " helper", MexcCalculations.initialMargin(ContractType.INVERSE, dec(in, "contracts"),
                dec(in, "contract_size"), dec(in, "entry_price"), dec(in, "leverage")), expected, c.tolerance());
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO,
                List.of(imPosition(c, ContractType.INVERSE, "BTC_USD")))).positions().get(0);
        Vectors.assertWithin(c.id() + " engine", r.initialMargin(), expected, c.tolerance());
    }

    @Test
    void feesFundingAndClosingPnl() {
        Case c = Vectors.v2Case("mexc-fees-funding-pnl-doc");
        JsonNode fee = c.inputs().get("taker_fee");
        JsonNode funding = c.inputs().get("funding");
        JsonNode closing = c.inputs().get("closing_pnl");
        JsonNode ex = c.expected();
        BigDecimal takerFee = MexcCalculations.tradingFee(ContractType.LINEAR, dec(fee, "contracts"), dec(fee, "contract_size"),
                dec(fee, "fill_price"), dec(fee, "fee_rate"));
        Vectors.assertWithin(c.id() + " taker_fee", takerFee, dec(ex, "taker_fee"), c.tolerance());
        BigDecimal fundingPaid = MexcCalculations.fundingFee(ContractType.LINEAR, Side.LONG, dec(funding, "contracts"),
                dec(funding, "contract_size"), dec(funding, "fair_price"), dec(funding, "funding_rate"));
        Vectors.assertWithin(c.id() + " funding_fee_paid_by_long", fundingPaid, dec(ex, "funding_fee_paid_by_long"),
                c.tolerance());
        BigDecimal pnl = MexcCalculations.closingPnl(ContractType.LINEAR, Side.LONG, dec(closing, "contracts"),
                dec(closing, "contract_size"), dec(closing, "entry_price"), dec(closing, "close_price"));
        Vectors.assertWithin(c.id() + " closing_pnl", pnl, dec(ex, "closing_pnl"), c.tolerance());
        // the short receives what the long pays; total realized PnL = 1,000 − 3 − 6 − 6 = 985
        assertThat(MexcCalculations.fundingFee(ContractType.LINEAR, Side.SHORT, dec(funding, "contracts"),
                dec(funding, "contract_size"), dec(funding, "fair_price"), dec(funding, "funding_rate")))
                .isEqualByComparingTo("-3");
        assertThat(MexcCalculations.totalRealizedPnl(pnl, fundingPaid, takerFee, takerFee)).isEqualByComparingTo("985");
    }

    @Test
    @DisplayName("isolated short, liquidation fees excluded (uncertain: spec §14 #5)")
    void isolatedShort() {
        Case c = Vectors.v2Case("mexc-isolated-short-derived");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        Position p = Position.builder().id("eth").symbol("ETH_USDT").side(Side.SHORT).quantity(dec(in, "contracts"))
                .contractSize(dec(in, "contract_size")).entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage"))
                .maintenance(new Maintenance(dec(in, "mmr"), BigDecimal.ZERO)).build();
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(p)))
                .positions().get(0);
        Vectors.assertWithin(c.id() + " position_margin", r.isolatedMargin(), dec(ex, "position_margin"), c.tolerance());
        Vectors.assertWithin(c.id() + " maintenance_margin", r.maintenanceMargin(), dec(ex, "maintenance_margin"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " liquidation_price", r.liquidationPrice(), dec(ex, "liquidation_price"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " bankruptcy_price", r.bankruptcyPrice(), dec(ex, "bankruptcy_price"),
                c.tolerance());
    }

    // ---- behaviour worked by hand ----

    @Test
    void coinmIsolatedLong_isTemplateIE() {
        // 100 × 100 USD at 50,000, 125x: M = 0.0016, MM_E = 0.2·0.4 % = 0.0008;
        // LP = 10,000/(0.2 + 0.0008) = 10,000/0.2008; BP = 10,000/0.2016
        Position p = Position.builder().id("btc").symbol("BTC_USD").contract(ContractType.INVERSE).side(Side.LONG)
                .quantity(d("100")).contractSize(d("100")).entryPrice(d("50000")).leverage(d("125")).maintenance(MMR_04)
                .build();
        PositionRisk r = ENGINE.evaluate(p, MEXC);
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("0.0008");
        assertThat(r.liquidationPrice()).isCloseTo(d("10000").divide(d("0.2008"), MC), org.assertj.core.api.Assertions.within(d("1e-25")));
        assertThat(r.bankruptcyPrice()).isCloseTo(d("10000").divide(d("0.2016"), MC), org.assertj.core.api.Assertions.within(d("1e-25")));
    }

    @Test
    void crossSingle_usesTheWholeWalletWithMmAtEntry() {
        // long 10 @100, wallet 500, MM_E = 1,000·0.4 % = 4; LP = 100 − (500 − 4)/10 = 50.4 (mark 90 does not move it)
        Position p = Position.builder().id("x").symbol("X_USDT").side(Side.LONG).quantity(d("10")).entryPrice(d("100"))
                .markPrice(d("90")).leverage(d("5")).marginMode(MarginMode.CROSS).maintenance(MMR_04).build();
        PositionRisk r = ENGINE.evaluate(Account.of(MEXC, d("500"), List.of(p))).positions().get(0);
        assertThat(r.liquidationPrice()).isEqualByComparingTo("50.4");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("4");
    }

    @Test
    void oneTimesLinearLong_liquidatesAtMmrTimesEntry() {
        // L-E 1x long: LP = 0.004·3,000 = 12
        PositionRisk r = ENGINE.evaluate(Position.builder().id("x").symbol("X_USDT").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("3000")).leverage(d("1")).maintenance(MMR_04).build(), MEXC);
        assertThat(r.liquidationPrice()).isEqualByComparingTo("12");
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void levelKey_isTheEntryValueOrTheChosenRiskLimit_notTheMark() {
        // levels [0, 10,000) 0.4 %, [10,000, ∞) 0.6 %; long 1 @9,000 marked 11,000
        TierTable table = TierTable.ofMarginalRates(List.of(BigDecimal.ZERO, d("10000")), Arrays.asList(d("10000"), null),
                List.of(d("0.004"), d("0.006")), Arrays.asList(null, null), "test", null);
        Position.Builder b = Position.builder().id("x").symbol("X_USDT").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("9000")).markPrice(d("11000")).leverage(d("10")).tiers(table);
        // MEXC: entry value 9,000 → 0.4 %, MM = 36 on the whole position (no deduction)
        assertThat(ENGINE.evaluate(b.build(), MEXC).maintenanceMargin()).isEqualByComparingTo("36");
        // BitMEX with the same table keys on the mark value 11,000 → 0.6 %: 54
        assertThat(ENGINE.evaluate(b.build(), Venues.byId(BitmexRules.ID)).maintenanceMargin()).isEqualByComparingTo("54");
        // a chosen risk limit of 20,000 selects the second level: 0.6 % of 9,000 = 54
        PositionRisk chosen = ENGINE.evaluate(b.venueParameters(VenueParameters.builder().riskLimit(d("20000")).build())
                .build(), MEXC);
        assertThat(chosen.mmr()).isEqualByComparingTo("0.006");
        assertThat(chosen.maintenanceMargin()).isEqualByComparingTo("54");
    }

    @Test
    @DisplayName("risk levels from the API parameters (uncertain: spec §14 #6, [C])")
    void riskLevels() {
        MexcRiskLevels levels = new MexcRiskLevels(d("0.004"), d("0.008"), d("100000"), d("100000"), d("0.002"),
                d("0.004"), 5);
        assertThat(levels.level(d("100000")).level()).isEqualTo(1);
        MexcRiskLevels.Level two = levels.level(d("100001"));
        assertThat(two.level()).isEqualTo(2);
        assertThat(two.mmr()).isEqualByComparingTo("0.006");
        assertThat(two.imr()).isEqualByComparingTo("0.012");
        assertThat(levels.level(d("500000")).level()).isEqualTo(5);
        assertThatThrownBy(() -> levels.level(d("500001"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("volume: must be ≤ 500000, the limit of level 5");
    }

    @Test
    void versions_andValidation() {
        assertThat(Venues.versions(MexcRules.ID)).extracting(VenueRules::ruleSetId).containsExactly("mexc@0000-01-01");
        assertThatThrownBy(() -> ENGINE.evaluate(Position.builder().id("x").symbol("NOPE").side(Side.LONG)
                .quantity(d("1")).entryPrice(d("1")).leverage(d("1")).build(), MEXC))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("symbol: has no bundled tier table on mexc");
        assertThatThrownBy(() -> MexcCalculations.tradingFee(ContractType.LINEAR, d("1"), d("1"), d("1"), d("1")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("feeRate: must be between -1 and 1");
    }
}
