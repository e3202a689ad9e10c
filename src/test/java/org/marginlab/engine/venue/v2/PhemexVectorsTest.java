package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.venue.MarkSweep;
import org.marginlab.engine.venue.PhemexRules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code phemex} (spec venues-v2.md §5): every {@code venues_v2.json} case of the venue (the
 * isolated short through the engine, the order-cost figures through {@link PhemexRules}'s
 * helpers); then the long mirror, the inverse I-E rule, 1x positions and the margin level, by
 * hand.
 */
class PhemexVectorsTest {
    static final List<String> CASES = List.of(
            "phemex-value-to-cost-linear-doc",
            "phemex-value-to-cost-inverse-doc",
            "phemex-poscost-xemusdt-doc",
            "phemex-usdtm-isolated-short-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules PHEMEX = Venues.byId("phemex");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static VenueRules venueOf(Case c) {
        JsonNode asOf = c.node().get("as_of");
        return Venues.resolve(c.node().get("venue").asText(), asOf == null ? null : Instant.parse(asOf.asText()));
    }

    private static void check(Case c, String field, BigDecimal actual) {
        Vectors.assertWithin(c.id() + " " + field, actual, dec(c.expected(), field), c.tolerance());
    }

    @Test
    void cases_areEveryPhemexCaseOfTheFile() {
        assertThat(Vectors.v2Cases().stream().filter(c -> c.node().path("venue").asText().equals("phemex"))
                .map(Case::id)).containsExactlyInAnyOrderElementsOf(CASES);
    }

    @Test
    void valueToCost_linear_doc() {
        Case c = Vectors.v2Case("phemex-value-to-cost-linear-doc");
        JsonNode in = c.inputs();
        check(c, "buy_value_to_cost", PhemexRules.valueToCost(ContractType.LINEAR, Side.LONG, dec(in, "imr"),
                dec(in, "taker_fee_rate")));
        check(c, "sell_value_to_cost", PhemexRules.valueToCost(ContractType.LINEAR, Side.SHORT, dec(in, "imr"),
                dec(in, "taker_fee_rate")));
    }

    @Test
    void valueToCost_inverse_doc() {
        Case c = Vectors.v2Case("phemex-value-to-cost-inverse-doc");
        JsonNode in = c.inputs();
        check(c, "buy_value_to_cost", PhemexRules.valueToCost(ContractType.INVERSE, Side.LONG, dec(in, "imr"),
                dec(in, "taker_fee_rate")));
        check(c, "sell_value_to_cost", PhemexRules.valueToCost(ContractType.INVERSE, Side.SHORT, dec(in, "imr"),
                dec(in, "taker_fee_rate")));
    }

    @Test
    void posCost_xemusdt_doc() {
        Case c = Vectors.v2Case("phemex-poscost-xemusdt-doc");
        JsonNode in = c.inputs();
        check(c, "pos_cost", PhemexRules.posCost(ContractType.LINEAR, Side.LONG, dec(in, "position_value"),
                dec(in, "imr"), dec(in, "taker_fee_rate")));
        check(c, "open_fee", PhemexRules.openFee(dec(in, "position_value"), dec(in, "taker_fee_rate")));
    }

    private static Position usdtm(JsonNode in, Side side) {
        return Position.builder().symbol("XEMUSDT").side(side).quantity(dec(in, "size"))
                .contractSize(dec(in, "contract_size")).entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage"))
                .maintenance(new Maintenance(dec(in, "mmr"), dec(in, "mm_amount"))).takerFeeRate(dec(in, "taker_fee_rate"))
                .build();
    }

    @Test
    void usdtmIsolatedShort_derived() {
        Case c = Vectors.v2Case("phemex-usdtm-isolated-short-derived");
        // no isolatedMargin: the default is IM at entry + the fee to close (assignedPosBalance, §13)
        PositionRisk r = ENGINE.evaluate(usdtm(c.inputs(), Side.SHORT), venueOf(c));
        check(c, "close_fee", r.feeToClose());
        check(c, "assigned_position_balance", r.isolatedMargin());
        check(c, "liquidation_price", r.liquidationPrice());
        check(c, "bankruptcy_price", r.bankruptcyPrice());
    }

    @Test
    void usdtmIsolatedLong_byHand() {
        Position p = usdtm(Vectors.v2Case("phemex-usdtm-isolated-short-derived").inputs(), Side.LONG);
        PositionRisk r = ENGINE.evaluate(p, PHEMEX);
        // close fee 72·0.9·0.0006 = 0.03888; APB 7.23888
        assertThat(r.feeToClose()).isEqualByComparingTo("0.03888");
        assertThat(r.isolatedMargin()).isEqualByComparingTo("7.23888");
        // LP = (72 − 7.23888)/(1 − 0.0006 − 0.01)/30 = 2.18183141297756215888…
        assertThat(r.liquidationPrice()).isCloseTo(d("2.181831412977562158884172225591267"), within(d("1e-30")));
        // BP = (72 − 7.23888)/(30·0.9994) = 2.16 = EP·(1 − 1/lev)
        assertThat(r.bankruptcyPrice()).isCloseTo(d("2.16"), within(d("1e-30")));
    }

    @Test
    void statedMargin_isTheAssignedPositionBalance() {
        // the plain contract default (IM only, 7.2) would give (72 + 7.2)/1.0106/30 = 2.61231 (§13)
        Position p = usdtm(Vectors.v2Case("phemex-usdtm-isolated-short-derived").inputs(), Side.SHORT).toBuilder()
                .isolatedMargin(d("7.2")).build();
        assertThat(ENGINE.evaluate(p, PHEMEX).liquidationPrice())
                .isCloseTo(d("79.2").divide(d("30.318"), java.math.MathContext.DECIMAL128), within(d("1e-30")));
    }

    private static Position inverse(Side side, String leverage) {
        return Position.builder().symbol("BTCUSD").contract(ContractType.INVERSE).side(side).quantity(d("1000"))
                .entryPrice(d("50000")).leverage(d(leverage)).maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO))
                .build();
    }

    @Test
    void inverse_isIeWithoutFee() {
        // 1,000 USD @ 50,000, 10x, MMR 0.5 %: value 0.02 BTC, IM 0.002, MM at entry 0.0001
        PositionRisk l = ENGINE.evaluate(inverse(Side.LONG, "10"), PHEMEX);
        // LP = 1,000/(0.02 + 0.002 − 0.0001) = 45662.100456621004566…; BP 1,000/0.022
        assertThat(l.liquidationPrice()).isCloseTo(d("45662.10045662100456621004566210046"), within(d("1e-25")));
        assertThat(l.bankruptcyPrice()).isCloseTo(d("45454.54545454545454545454545454545"), within(d("1e-25")));
        assertThat(l.feeToClose()).isNull();
        assertThat(l.isolatedMargin()).isEqualByComparingTo("0.002");
        assertThat(l.maintenanceMargin()).isEqualByComparingTo("0.0001");
        PositionRisk s = ENGINE.evaluate(inverse(Side.SHORT, "10"), PHEMEX);
        // 1,000/(0.02 − 0.002 + 0.0001) = 55248.618784530386740…; BP 1,000/0.018
        assertThat(s.liquidationPrice()).isCloseTo(d("55248.61878453038674033149171270718"), within(d("1e-25")));
        assertThat(s.bankruptcyPrice()).isCloseTo(d("55555.55555555555555555555555555556"), within(d("1e-25")));
        // at the liquidation price the position is liquidated
        assertThat(ENGINE.evaluate(inverse(Side.LONG, "10").withMarkPrice(l.liquidationPrice()), PHEMEX).liquidated())
                .isTrue();
    }

    @Test
    void markSweep_valuesTheInverseMaintenanceAtTheEntry() {
        MarkSweep sweep = MarkSweep.of(PHEMEX, inverse(Side.LONG, "10"));
        // MM at entry 0.0001 whatever the mark; no fee on inverse
        assertThat(sweep.maintenanceRequirement(40000)).isCloseTo(0.0001, within(1e-15));
        assertThat(sweep.maintenanceRequirement(60000)).isCloseTo(0.0001, within(1e-15));
    }

    @Test
    void oneX_linearLongNone_inverseShortFinite() {
        // USDT-M 1x long: APB = 72 + 72·0·0.0006 = 72; LP = (72 − 72)/… = 0 → none
        Position p = usdtm(Vectors.v2Case("phemex-usdtm-isolated-short-derived").inputs(), Side.LONG).toBuilder()
                .leverage(BigDecimal.ONE).build();
        assertThat(ENGINE.evaluate(p, PHEMEX).liquidationPrice()).isNull();
        // inverse 1x short (I-E): LP = EP/m = 10,000,000
        assertThat(ENGINE.evaluate(inverse(Side.SHORT, "1"), PHEMEX).liquidationPrice())
                .isCloseTo(d("10000000"), within(d("1e-24")));
    }

    @Test
    void marginLevel_isEquityOverMaintenance() {
        assertThat(PHEMEX.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES);
        PositionRisk r = ENGINE.evaluate(usdtm(Vectors.v2Case("phemex-usdtm-isolated-short-derived").inputs(),
                Side.SHORT), PHEMEX);
        // mark = entry: equity 7.24752; MM 0.72 + fee 72·0.0006 = 0.0432 → 7.24752/0.7632 = 9.49622641509433962…
        assertThat(r.marginRatio()).isCloseTo(d("9.496226415094339622641509433962264"), within(d("1e-30")));
    }

    @Test
    void helpers_validateTheirInputs() {
        assertThatThrownBy(() -> PhemexRules.valueToCost(null, Side.LONG, d("0.1"), d("0.0006")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("contract: is required");
        assertThatThrownBy(() -> PhemexRules.valueToCost(ContractType.LINEAR, Side.LONG, d("1.5"), d("0.0006")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("imr: must be ≤ 1");
        // 1x: IMR 1 is valid: linear buy 1 + 0.0006 + 0.0006·0
        assertThat(PhemexRules.valueToCost(ContractType.LINEAR, Side.LONG, BigDecimal.ONE, d("0.0006")))
                .isEqualByComparingTo("1.0006");
    }
}
