package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * Invalid inputs fail with a {@link ValidationException} whose message names the field, the
 * rule and the value, e.g. {@code positions[0].leverage: must be > 0 (got -5)} (spec
 * workspace-and-cli.md §1, §2).
 */
class ValidationTest {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BINANCE = Venues.byId("binance-usdm");

    /** A valid 0.5 BTCUSDT long @ 60000, 20x (bundled tiers). */
    private static Position.Builder valid() {
        return Position.builder().id("p").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("0.5"))
                .entryPrice(new BigDecimal("60000")).leverage(new BigDecimal("20"));
    }

    @Test
    void test_build_validPosition_hasDefaults() {
        Position p = valid().build();
        assertThat(p.markPrice()).isEqualByComparingTo("60000");
        assertThat(p.marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(p.contract()).isEqualTo(ContractType.LINEAR);
        assertThat(p.contractSize()).isEqualByComparingTo("1");
        assertThat(p.isolatedMargin()).isNull();
    }

    @Test
    void test_build_quantityZero() {
        assertThatThrownBy(() -> valid().quantity(BigDecimal.ZERO).build()).isInstanceOf(ValidationException.class)
                .hasMessage("quantity: must be > 0 (got 0)");
    }

    @Test
    void test_build_quantityNegative() {
        assertThatThrownBy(() -> valid().quantity(new BigDecimal("-0.5")).build())
                .isInstanceOf(ValidationException.class).hasMessage("quantity: must be > 0 (got -0.5)");
    }

    @Test
    void test_build_quantityMissing() {
        assertThatThrownBy(() -> valid().quantity(null).build()).isInstanceOf(ValidationException.class)
                .hasMessage("quantity: is required (got nothing)");
    }

    @Test
    void test_build_entryPriceZero() {
        assertThatThrownBy(() -> valid().entryPrice(BigDecimal.ZERO).build()).isInstanceOf(ValidationException.class)
                .hasMessage("entryPrice: must be > 0 (got 0)");
    }

    @Test
    void test_build_markPriceNegative() {
        assertThatThrownBy(() -> valid().markPrice(new BigDecimal("-1")).build())
                .isInstanceOf(ValidationException.class).hasMessage("markPrice: must be > 0 (got -1)");
    }

    @Test
    void test_build_leverageNegative_messageNamesFieldRuleAndValue() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> valid().leverage(new BigDecimal("-5")).build());
        assertThat(e).hasMessage("leverage: must be > 0 (got -5)");
        assertThat(e.field()).isEqualTo("leverage");
        assertThat(e.rule()).isEqualTo("must be > 0");
        assertThat(e.value()).isEqualTo("-5");
        assertThat(e.path()).isEmpty();
    }

    @Test
    void test_within_leverageNegative_prefixesThePath() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> valid().leverage(new BigDecimal("-5")).build());
        assertThat(e.within("positions[0]")).hasMessage("positions[0].leverage: must be > 0 (got -5)");
    }

    @Test
    void test_build_isolatedMarginNegative() {
        assertThatThrownBy(() -> valid().isolatedMargin(new BigDecimal("-1")).build())
                .isInstanceOf(ValidationException.class).hasMessage("isolatedMargin: must be ≥ 0 (got -1)");
    }

    @Test
    void test_build_blankSymbol() {
        assertThatThrownBy(() -> valid().symbol(" ").build()).isInstanceOf(ValidationException.class)
                .hasMessage("symbol: must not be empty (got  )");
    }

    @Test
    void test_maintenance_mmrOfOneRejected() {
        assertThatThrownBy(() -> new Maintenance(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class)
                .hasMessage("maintenance.mmr: must be < 1 (a fraction, 0.005 = 0.5 %) (got 1)");
    }

    @Test
    void test_evaluateAccount_leverageAboveTierMax_prefixedWithPosition() {
        // 0.5·60000 = 30000 < 50000: BTCUSDT bracket 1, max 125x
        Account account = Account.of(BINANCE, BigDecimal.ZERO, List.of(valid().leverage(new BigDecimal("150")).build()));
        assertThatThrownBy(() -> ENGINE.evaluate(account)).isInstanceOf(ValidationException.class)
                .hasMessage("positions[0].leverage: must be ≤ 125x, the max leverage of the tier (got 150)");
    }

    @Test
    void test_evaluateAccount_secondPositionInvalid_namesItsIndex() {
        Position ok = valid().id("a").build();
        Position bad = valid().id("b").leverage(new BigDecimal("150")).build();
        Account account = Account.of(BINANCE, BigDecimal.ZERO, List.of(ok, bad));
        assertThatThrownBy(() -> ENGINE.evaluate(account)).isInstanceOf(ValidationException.class)
                .hasMessage("positions[1].leverage: must be ≤ 125x, the max leverage of the tier (got 150)");
    }

    @Test
    void test_evaluatePosition_leverageAboveTierMax_withoutPrefix() {
        Position p = valid().leverage(new BigDecimal("150")).build();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> ENGINE.evaluate(p, BINANCE));
        assertThat(e).hasMessage("leverage: must be ≤ 125x, the max leverage of the tier (got 150)");
        assertThat(e.path()).isEmpty();
    }

    @Test
    void test_evaluatePosition_leverageAtTierMax_accepted() {
        assertThat(ENGINE.evaluate(valid().leverage(new BigDecimal("125")).build(), BINANCE).maxLeverage())
                .isEqualByComparingTo("125");
    }

    @Test
    void test_evaluatePosition_statedMaxLeverageCapsTheTier() {
        Position p = valid().leverage(new BigDecimal("60")).maxLeverage(new BigDecimal("50")).build();
        assertThatThrownBy(() -> ENGINE.evaluate(p, BINANCE)).isInstanceOf(ValidationException.class)
                .hasMessage("leverage: must be ≤ 50x, the max leverage of the tier (got 60)");
    }

    @Test
    void test_accountOf_unknownVenue() {
        // every rule set of margin-formulas.md and venues-v2.md §0.3, in display order
        assertThatThrownBy(() -> Account.of("no-such-venue", BigDecimal.ZERO, List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("venue: must be one of binance-usdm, binance-coinm, bybit-linear, bybit-inverse, bybit-uta, "
                        + "okx, gate, bitget, kucoin, mexc, bitmex, phemex, kraken-futures, deribit, dydx-v4, hyperliquid, "
                        + "generic (got no-such-venue)");
    }

    @Test
    void test_accountOf_negativeWallet() {
        assertThatThrownBy(() -> Account.of(BINANCE, new BigDecimal("-1"), List.of()))
                .isInstanceOf(ValidationException.class).hasMessage("walletBalance: must be ≥ 0 (got -1)");
    }

    @Test
    void test_evaluate_unknownSymbolWithoutTiers() {
        Position p = valid().symbol("ADAUSDT").build();
        assertThatThrownBy(() -> ENGINE.evaluate(Account.of(BINANCE, BigDecimal.ZERO, List.of(p))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positions[0].symbol: has no bundled tier table on binance-usdm"
                        + " (bundled: BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT, DOGEUSDT); give tiers or maintenance (got ADAUSDT)");
    }

    @Test
    void test_evaluate_unknownSymbolWithMaintenanceOverride_accepted() {
        Position p = valid().symbol("ADAUSDT").maintenance(new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO))
                .build();
        // MM = 0.5·60000·0.01 − 0 = 300
        assertThat(ENGINE.evaluate(p, BINANCE).maintenanceMargin()).isEqualByComparingTo("300");
    }

    @Test
    void test_accountOf_duplicatePositionIds() {
        List<Position> twice = List.of(valid().id("a").build(), valid().id("a").build());
        assertThatThrownBy(() -> Account.of(BINANCE, BigDecimal.ZERO, twice)).isInstanceOf(ValidationException.class)
                .hasMessage("positions[1].id: must be unique within the workspace (got a)");
    }

    @Test
    void test_accountDerive_checksIdsThatAreNotItsOwn() {
        Account a = Account.of(BINANCE, BigDecimal.ONE, List.of(valid().id("a").build(), valid().id("b").build()));
        // the same ids in the same order: a new account at other marks and wallet
        Account moved = a.derive(BINANCE, BigDecimal.TEN, List.of(valid().id("a").markPrice(new BigDecimal("59000")).build(),
                valid().id("b").build()));
        assertThat(moved.walletBalance()).isEqualByComparingTo("10");
        assertThat(moved.positions().get(0).markPrice()).isEqualByComparingTo("59000");
        // other ids, or the same ids in another order or count, are checked as by Account.of
        List<Position> twice = List.of(valid().id("a").build(), valid().id("a").build());
        assertThatThrownBy(() -> a.derive(BINANCE, BigDecimal.ONE, twice)).isInstanceOf(ValidationException.class)
                .hasMessage("positions[1].id: must be unique within the workspace (got a)");
        List<Position> three = List.of(valid().id("a").build(), valid().id("b").build(), valid().id("b").build());
        assertThatThrownBy(() -> a.derive(BINANCE, BigDecimal.ONE, three)).isInstanceOf(ValidationException.class)
                .hasMessage("positions[2].id: must be unique within the workspace (got b)");
        assertThat(a.derive(BINANCE, BigDecimal.ONE, List.of(valid().id("b").build(), valid().id("a").build()))
                .positions()).extracting(Position::id).containsExactly("b", "a");
        assertThatThrownBy(() -> a.derive(BINANCE, new BigDecimal("-1"), a.positions()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void test_evaluate_inverseContractOnBinanceUsdm() {
        Position p = valid().contract(ContractType.INVERSE).contractSize(new BigDecimal("100")).build();
        assertThatThrownBy(() -> ENGINE.evaluate(Account.of(BINANCE, BigDecimal.ZERO, List.of(p))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positions[0].contract: must be linear on binance-usdm"
                        + " (got inverse)");
    }

    @Test
    void test_parse_sideModeContract_rejectUnknownText() {
        assertThatThrownBy(() -> Side.parse("flat")).hasMessage("side: must be long or short (got flat)");
        assertThatThrownBy(() -> MarginMode.parse("portfolio"))
                .hasMessage("marginMode: must be isolated or cross (got portfolio)");
        assertThatThrownBy(() -> ContractType.parse("option"))
                .hasMessage("contract: must be linear, inverse or quanto (got option)");
    }

    @Test
    void test_marginChange_blankId() {
        assertThatThrownBy(() -> new MarginChange(" ", BigDecimal.ONE)).isInstanceOf(ValidationException.class)
                .hasMessage("positionId: must not be empty (got  )");
    }

    @Test
    void test_accountPosition_unknownId() {
        Account account = Account.of(BINANCE, BigDecimal.ZERO, List.of(valid().build()));
        assertThatThrownBy(() -> account.position("nope")).isInstanceOf(ValidationException.class)
                .hasMessage("positionId: must name a position of the workspace (got nope)");
    }

    @Test
    void aHugeValue_isCutInTheMessage_soTheMessageStaysOneShortLine() {
        String pasted = "9".repeat(5_000_000);
        ValidationException e = new ValidationException("quantity", "must be a decimal number", pasted);
        assertThat(e.getMessage()).isEqualTo("quantity: must be a decimal number (got " + "9".repeat(60)
                + "… (5000000 characters))");
        assertThat(e.value()).hasSize(60 + "… (5000000 characters)".length());
        assertThat(new ValidationException("quantity", "must be > 0", "-5").getMessage())
                .isEqualTo("quantity: must be > 0 (got -5)");
    }
}
