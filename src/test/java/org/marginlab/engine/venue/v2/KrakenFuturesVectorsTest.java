package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.VenueParameters.MmValuation;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.sizing.KrakenFuturesPnl;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.KrakenFuturesRules;
import org.marginlab.engine.venue.KrakenFuturesRules.MarginLevel;
import org.marginlab.engine.venue.MarkSweep;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code kraken-futures} (spec venues-v2.md §6): every {@code venues_v2.json} case of the venue,
 * with each case's own tolerance; then behaviour worked by hand. The default inverse template
 * I-P against the option {@code mmValuation: "entry"} (I-E) is an open question (spec §14 #1).
 */
public class KrakenFuturesVectorsTest {
    /** The venues_v2.json cases this class runs. */
    public static final List<String> CASES = List.of(
            "kraken-pnl-inverse-doc",
            "kraken-pnl-linear-doc",
            "kraken-inverse-sliced-margin-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules KRAKEN = Venues.byId(KrakenFuturesRules.ID);
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TIGHT = new BigDecimal("1e-25");
    private static final Maintenance ONE_PERCENT = new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Bitcoin-Dollar levels I and II of the schedule (contracts): 2 %/1 %, 4 %/2 %. */
    private static List<MarginLevel> levels() {
        return List.of(new MarginLevel(BigDecimal.ZERO, d("500000"), d("0.02"), d("0.01")),
                new MarginLevel(d("500000"), d("1000000"), d("0.04"), d("0.02")));
    }

    @Test
    void casesAreEveryKrakenCaseOfTheFile() {
        List<String> ids = new ArrayList<>();
        for (Case c : Vectors.v2Cases()) {
            if (KrakenFuturesRules.ID.equals(c.node().path("venue").asText())) {
                ids.add(c.id());
            }
        }
        assertThat(CASES).containsExactlyElementsOf(ids);
    }

    @Test
    void pnlInverse() {
        Case c = Vectors.v2Case("kraken-pnl-inverse-doc");
        JsonNode in = c.inputs();
        BigDecimal expected = dec(c.expected(), "pnl");
        Vectors.assertWithin(c.id() + " helper", KrakenFuturesPnl.pnl(ContractType.INVERSE, Side.LONG,
                dec(in, "contracts"), dec(in, "contract_size"), dec(in, "entry_price"), dec(in, "exit_price")), expected,
                c.tolerance());
        Position p = Position.builder().id("eth").symbol("PI_ETHUSD").contract(ContractType.INVERSE).side(Side.LONG)
                .quantity(dec(in, "contracts")).contractSize(dec(in, "contract_size")).entryPrice(dec(in, "entry_price"))
                .markPrice(dec(in, "exit_price")).leverage(d("10")).maintenance(ONE_PERCENT).build();
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(p)))
                .positions().get(0);
        Vectors.assertWithin(c.id() + " engine", r.unrealizedPnl(), expected, c.tolerance());
    }

    @Test
    void pnlLinear() {
        Case c = Vectors.v2Case("kraken-pnl-linear-doc");
        JsonNode in = c.inputs();
        BigDecimal expected = dec(c.expected(), "pnl");
        Vectors.assertWithin(c.id() + " helper", KrakenFuturesPnl.pnl(ContractType.LINEAR, Side.LONG,
                dec(in, "quantity"), BigDecimal.ONE, dec(in, "entry_price"), dec(in, "exit_price")), expected,
                c.tolerance());
        Position p = Position.builder().id("btc").symbol("PF_XBTUSD").side(Side.LONG).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "entry_price")).markPrice(dec(in, "exit_price")).leverage(d("10"))
                .maintenance(ONE_PERCENT).build();
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(p)))
                .positions().get(0);
        Vectors.assertWithin(c.id() + " engine", r.unrealizedPnl(), expected, c.tolerance());
    }

    @Test
    void inverseSlicedMargin() {
        Case c = Vectors.v2Case("kraken-inverse-sliced-margin-derived");
        JsonNode in = c.inputs();
        List<MarginLevel> levels = new ArrayList<>();
        for (JsonNode l : in.get("levels")) {
            levels.add(new MarginLevel(l.get(0).decimalValue(), l.get(1).decimalValue(), l.get(2).decimalValue(),
                    l.get(3).decimalValue()));
        }
        KrakenFuturesRules.SlicedMargin sliced = KrakenFuturesRules.slicedMargin(ContractType.INVERSE, levels,
                dec(in, "contracts"), BigDecimal.ONE, dec(in, "entry_price"));
        Vectors.assertWithin(c.id() + " initial_margin", sliced.initialMargin(), dec(c.expected(), "initial_margin"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " maintenance_margin", sliced.maintenanceMargin(),
                dec(c.expected(), "maintenance_margin"), c.tolerance());
        // the engine's maintenance margin with the levels as a table, at mark = entry, both valuations
        TierTable table = KrakenFuturesRules.tierTable(levels, "kraken inverse schedule", null);
        for (VenueParameters v : List.of(VenueParameters.NONE,
                VenueParameters.builder().mmValuation(MmValuation.ENTRY).build())) {
            Position p = Position.builder().id("xbt").symbol("PI_XBTUSD").contract(ContractType.INVERSE).side(Side.LONG)
                    .quantity(dec(in, "contracts")).entryPrice(dec(in, "entry_price")).leverage(d("10")).tiers(table)
                    .venueParameters(v).build();
            PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(p)))
                    .positions().get(0);
            Vectors.assertWithin(c.id() + " engine maintenance_margin " + v.mmValuation(), r.maintenanceMargin(),
                    dec(c.expected(), "maintenance_margin"), c.tolerance());
        }
    }

    // ---- behaviour worked by hand ----

    private static Position.Builder inverse(Side side, String contracts, String lev) {
        return Position.builder().id("xbt").symbol("PI_XBTUSD").contract(ContractType.INVERSE).side(side)
                .quantity(d(contracts)).entryPrice(d("50000")).leverage(d(lev))
                .tiers(KrakenFuturesRules.tierTable(levels(), null, null));
    }

    @Test
    @DisplayName("inverse I-P by default, I-E as the option (uncertain: spec §14 #1)")
    void inverseLiquidation_ipDefault_ieOption() {
        // N = 1,000,000 (level II: m = 2 %, D = 500,000·1 % = 5,000), EP 50,000, 10x: M = 2
        // I-P long:  LP = (N·1.02 − 5,000)/(20 + 2) = 1,015,000/22
        PositionRisk ip = ENGINE.evaluate(inverse(Side.LONG, "1000000", "10").build(), KRAKEN);
        assertThat(ip.liquidationPrice()).isCloseTo(d("1015000").divide(d("22"), MC), within(TIGHT));
        // I-E long:  MM_E = (20,000 − 5,000)/50,000 = 0.3; LP = N/(20 + 2 − 0.3) = 1,000,000/21.7
        PositionRisk ie = ENGINE.evaluate(inverse(Side.LONG, "1000000", "10")
                .venueParameters(VenueParameters.builder().mmValuation(MmValuation.ENTRY).build()).build(), KRAKEN);
        assertThat(ie.liquidationPrice()).isCloseTo(d("1000000").divide(d("21.7"), MC), within(TIGHT));
        // I-P short: LP = (N·0.98 + 5,000)/(20 − 2) = 985,000/18
        PositionRisk ipShort = ENGINE.evaluate(inverse(Side.SHORT, "1000000", "10").build(), KRAKEN);
        assertThat(ipShort.liquidationPrice()).isCloseTo(d("985000").divide(d("18"), MC), within(TIGHT));
        // both: BP = N/(N/EP + M) = 1,000,000/22
        assertThat(ip.bankruptcyPrice()).isCloseTo(d("1000000").divide(d("22"), MC), within(TIGHT));
    }

    @Test
    void inverseMaintenance_movesWithTheMarkUnderIP_notUnderIE() {
        // at mark 40,000: I-P MM = 15,000/40,000 = 0.375; I-E stays 15,000/50,000 = 0.3
        Position.Builder b = inverse(Side.LONG, "1000000", "10").markPrice(d("40000"));
        assertThat(ENGINE.evaluate(b.build(), KRAKEN).maintenanceMargin()).isEqualByComparingTo("0.375");
        assertThat(ENGINE.evaluate(b.venueParameters(VenueParameters.builder().mmValuation(MmValuation.ENTRY).build())
                .build(), KRAKEN).maintenanceMargin()).isEqualByComparingTo("0.3");
        // the chart sweep values such a position exactly as the engine does
        MarkSweep sweep = MarkSweep.of(KRAKEN, inverse(Side.LONG, "1000000", "10").build());
        assertThat(sweep.maintenanceMargin(40000)).isCloseTo(0.375, within(1e-12));
        assertThat(sweep.tierBoundaries()).isEmpty();
    }

    @Test
    void oneTimesInverseShort_noneUnderIP_entryOverMmrUnderIE() {
        // 100,000 contracts (level I, m = 1 %, D = 0), 1x: M = N/EP = 2
        assertThat(ENGINE.evaluate(inverse(Side.SHORT, "100000", "1").build(), KRAKEN).liquidationPrice()).isNull();
        PositionRisk ie = ENGINE.evaluate(inverse(Side.SHORT, "100000", "1")
                .venueParameters(VenueParameters.builder().mmValuation(MmValuation.ENTRY).build()).build(), KRAKEN);
        assertThat(ie.liquidationPrice()).isEqualByComparingTo("5000000");
    }

    @Test
    void linear_isLPWithNoFee_andOneTimesLongHasNone() {
        // 1 @40,000, 10x: M = 4,000; LP = (40,000 − 4,000)/(1 − 0.01) = 36,000/0.99
        Position.Builder b = Position.builder().id("btc").symbol("PF_XBTUSD").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("40000")).leverage(d("10")).maintenance(ONE_PERCENT);
        assertThat(ENGINE.evaluate(b.build(), KRAKEN).liquidationPrice())
                .isCloseTo(d("36000").divide(d("0.99"), MC), within(TIGHT));
        assertThat(ENGINE.evaluate(b.leverage(BigDecimal.ONE).build(), KRAKEN).liquidationPrice()).isNull();
        // the option: L-E with MM at entry 400: LP = 40,000 − (40,000 − 400) = 400 at 1x
        assertThat(ENGINE.evaluate(b.venueParameters(VenueParameters.builder().mmValuation(MmValuation.ENTRY).build())
                .build(), KRAKEN).liquidationPrice()).isEqualByComparingTo("400");
    }

    @Test
    void slicedMargin_linear_andValidation() {
        // linear levels in USD: value 2 × 40,000 = 80,000: 50,000·2 % + 30,000·4 % = 2,200 IM; 500 + 600 = 1,100 MM
        List<MarginLevel> usd = List.of(new MarginLevel(BigDecimal.ZERO, d("50000"), d("0.02"), d("0.01")),
                new MarginLevel(d("50000"), null, d("0.04"), d("0.02")));
        KrakenFuturesRules.SlicedMargin m = KrakenFuturesRules.slicedMargin(ContractType.LINEAR, usd, d("2"),
                BigDecimal.ONE, d("40000"));
        assertThat(m.initialMargin()).isEqualByComparingTo("2200");
        assertThat(m.maintenanceMargin()).isEqualByComparingTo("1100");
        assertThatThrownBy(() -> KrakenFuturesRules.slicedMargin(ContractType.INVERSE,
                List.of(new MarginLevel(d("10"), null, d("0.02"), d("0.01"))), d("1"), d("1"), d("1")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("levels[0].floor: must be 0");
    }

    @Test
    void versions_partialLiquidationChangeIsNotAVersion() {
        assertThat(Venues.resolve(KrakenFuturesRules.ID, Instant.parse("2026-03-27T00:00:00Z")).ruleSetId())
                .isEqualTo("kraken-futures@0000-01-01");
        assertThatThrownBy(() -> Venues.resolve("kraken-futures@2026-03-26", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("known: kraken-futures@0000-01-01");
    }
}
