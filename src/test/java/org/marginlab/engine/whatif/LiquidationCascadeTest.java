package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.whatif.CompareFixtures.d;
import static org.marginlab.engine.whatif.CompareFixtures.position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;

/**
 * The cascade on accounts worked by hand. Isolated shocks are {@code LP/mark − 1}; cross shocks
 * solve {@code W + Σ s·Q·(mark·(1 + x) − EP) = Σ (Q·mark·(1 + x)·MMR − cum)} (spec
 * margin-formulas.md §1.1, §1.3).
 */
class LiquidationCascadeTest {
    private static final BigDecimal DOWN = d("-0.9");
    private static final BigDecimal UP = d("2");
    /** Solved cross shocks are rounded to 15 decimals: compare to 1e-13. */
    private static final BigDecimal SHOCK_TOL = d("1e-13");

    private static BigDecimal ratio(String a, String b) {
        return d(a).divide(d(b), MathContext.DECIMAL128);
    }

    private static Account courseCross() {
        return MarginComparison.variants(CompareFixtures.course(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS).cross();
    }

    @Test
    void isolatedPositionsGoOneByOneAtTheirOwnLiquidationPrices() {
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(CompareFixtures.course(), ShockScope.ALL, DOWN);
        // BTC: LP = (600 − 12,000)/(0.2·(0.004 − 1)) = 11,400/0.1992 = 57,228.9157 → 57,228.9157/60,000 − 1
        // ETH: LP = 4,800/1.992 = 2,409.6386 → −19.68 %;  SOL: LP = 2,000/19.8 = 101.0101 → −32.66 %
        assertThat(r.events()).extracting(LiquidationEvent::positionId).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(r.events().get(0).shock()).isCloseTo(ratio("11400", "11952").subtract(BigDecimal.ONE), within(SHOCK_TOL));
        assertThat(r.events().get(1).shock()).isCloseTo(ratio("4800", "5976").subtract(BigDecimal.ONE), within(SHOCK_TOL));
        assertThat(r.events().get(2).shock()).isCloseTo(ratio("2000", "2970").subtract(BigDecimal.ONE), within(SHOCK_TOL));
        assertThat(r.events().get(0).markPrice().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("57228.92");
        // default fee: the venue keeps the maintenance margin, so each loses its whole margin
        assertThat(r.events()).extracting(LiquidationEvent::loss).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("600"), d("1200"), d("1000"));
        assertThat(r.events()).allSatisfy(e -> {
            assertThat(e.marginMode()).isEqualTo(MarginMode.ISOLATED);
            assertThat(e.crossWalletAfter()).isEqualByComparingTo("500");
        });
        assertThat(r.events()).extracting(LiquidationEvent::accountGone).containsExactly(false, false, true);
        assertThat(r.allClosedAt()).isEqualByComparingTo(r.events().get(2).shock());
        assertThat(r.crossGoneAt()).isNull();
    }

    @Test
    void crossAccountGoesAllAtOnceWithTheDefaultFee() {
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(courseCross(), ShockScope.ALL, DOWN);
        // W = 3,300; Σ Q·mark = 21,000; Σ MM = (48 + 24 + 30)(1 + x) = 102(1 + x):
        // 3,300 + 21,000x = 102 + 102x → x = −3,198/20,898 = −15.30 %
        BigDecimal expected = ratio("-3198", "20898");
        assertThat(r.events()).hasSize(3).allSatisfy(e -> assertThat(e.shock()).isCloseTo(expected, within(SHOCK_TOL)));
        // largest loss first: BTC 12,000x, ETH 6,000x, SOL 3,000x
        assertThat(r.events()).extracting(LiquidationEvent::positionId).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(r.crossGoneAt()).isEqualByComparingTo(r.events().get(0).shock());
        assertThat(r.allClosedAt()).isEqualByComparingTo(r.crossGoneAt());
        assertThat(r.events().get(2).crossWalletAfter()).isEqualByComparingTo("0");
        assertThat(r.events().get(2).accountGone()).isTrue();
        // the whole wallet is lost
        BigDecimal lost = r.events().stream().map(LiquidationEvent::loss).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lost).isCloseTo(d("3300"), within(d("1e-9")));
        // BTC's close: PnL 0.2·(60,000·(1 + x) − 60,000) = 12,000x = −1,836.35; fee its MM 0.2·mark·0.4 %
        LiquidationEvent btc = r.events().get(0);
        assertThat(btc.realizedPnl()).isCloseTo(d("12000").multiply(expected), within(d("1e-9")));
        assertThat(btc.fee()).isCloseTo(d("48").multiply(BigDecimal.ONE.add(expected)), within(d("1e-9")));
        assertThat(btc.crossWalletAfter()).isCloseTo(d("3300").add(btc.realizedPnl()).subtract(btc.fee()), within(d("1e-20")));
    }

    @Test
    void noFee_showsAPartialCascadeThatPullsTheOthersIn() {
        CascadeResult r = new LiquidationCascade(BigDecimal.ZERO).simulate(courseCross(), ShockScope.ALL, DOWN);
        // 1) x1 = −3,198/20,898 = −15.3029 %: BTC closed, W1 = 3,300 + 12,000·x1 = 1,463.652
        // 2) W1 + 9,000x = 54(1 + x) → x2 = (54 − W1)/8,946 = −15.7573 %: ETH closed, W2 = W1 + 6,000·x2 = 518.211
        // 3) W2 + 3,000x = 30(1 + x) → x3 = (30 − W2)/2,970 = −16.4381 %: SOL closed, W3 = W2 + 3,000·x3 = 25.069
        assertThat(r.events()).extracting(LiquidationEvent::positionId).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(r.events().get(0).shock()).isCloseTo(d("-0.1530289979902383"), within(SHOCK_TOL));
        assertThat(r.events().get(1).shock()).isCloseTo(d("-0.1575734433397206"), within(SHOCK_TOL));
        assertThat(r.events().get(2).shock()).isCloseTo(d("-0.1643809306662683"), within(SHOCK_TOL));
        assertThat(r.events().get(0).crossWalletAfter()).isCloseTo(d("1463.652024117140"), within(d("1e-9")));
        assertThat(r.events().get(1).crossWalletAfter()).isCloseTo(d("518.211364078817"), within(d("1e-9")));
        assertThat(r.events().get(2).crossWalletAfter()).isCloseTo(d("25.068572080012"), within(d("1e-9")));
        assertThat(r.events()).allSatisfy(e -> assertThat(e.fee()).isEqualByComparingTo("0"));

        // after BTC's close, at −15.5 %, ETH's cross LP is pulled in: with SOL at 126.75 (MM 25.35, PnL −465),
        // LP = (1,463.652 − 25.35 − 465 − 6,000)/(2·0.004 − 2) = 2,523.44
        BigDecimal shock = d("-0.155");
        assertThat(r.eventsAt(shock)).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        Account rest = r.accountAt(shock);
        assertThat(rest.positions()).extracting(p -> p.id()).containsExactly("eth-long", "sol-long");
        assertThat(rest.walletBalance()).isCloseTo(d("1463.652024117140"), within(d("1e-9")));
        BigDecimal ethLp = MarginEngine.DEFAULT.evaluate(ShockScope.ALL.apply(rest, shock)).position("eth-long")
                .liquidationPrice();
        assertThat(ethLp.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("2523.44");
    }

    @Test
    void noFee_isolatedPositionReturnsItsMaintenanceMargin() {
        CascadeResult r = new LiquidationCascade(BigDecimal.ZERO).simulate(CompareFixtures.course(), ShockScope.ALL, DOWN);
        // BTC at LP 57,228.9157: MM = 0.2·57,228.9157·0.4 % = 45.783; loss = 600 − 45.783 = 554.217
        assertThat(r.events().get(0).loss()).isCloseTo(d("554.2168674698795"), within(d("1e-9")));
        assertThat(r.returnedAt(DOWN)).isPositive();
    }

    @Test
    void oneSymbolShock_movesOnlyThatSymbol_butCrossClosesTheOthersToo() {
        CascadeResult iso = LiquidationCascade.DEFAULT.simulate(CompareFixtures.course(), ShockScope.of("BTCUSDT"), DOWN);
        assertThat(iso.events()).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        assertThat(iso.allClosedAt()).isNull();

        CascadeResult cross = LiquidationCascade.DEFAULT.simulate(courseCross(), ShockScope.of("BTCUSDT"), DOWN);
        // 3,300 + 12,000x = 48(1 + x) + 24 + 30 → x = −3,198/11,952 = −26.76 %; ETH and SOL (PnL 0, ties
        // in account order) go with it
        assertThat(cross.events()).extracting(LiquidationEvent::positionId).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(cross.events().get(0).shock()).isCloseTo(ratio("-3198", "11952"), within(SHOCK_TOL));
        assertThat(cross.events().get(1).markPrice()).isEqualByComparingTo("3000");
        assertThat(cross.events().get(1).realizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void faq_isolatedEthIsAlreadyLiquidated_andCrossGoesAtSevenPointSevenPercent() {
        var v = MarginComparison.variants(CompareFixtures.faqCross(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        CascadeResult isoDown = LiquidationCascade.DEFAULT.simulate(v.isolated(), ShockScope.ALL, DOWN);
        // ETH at its initial margin is past its LP 1,416.01 already (shock 0); BTC at 29,830.67/31,967.27 − 1
        assertThat(isoDown.events()).extracting(LiquidationEvent::positionId).containsExactly("eth-long", "btc-long");
        assertThat(isoDown.events().get(0).shock()).isEqualByComparingTo("0");
        assertThat(isoDown.events().get(1).shock()).isCloseTo(d("-0.06683698389910243"), within(SHOCK_TOL));
        CascadeResult isoUp = LiquidationCascade.DEFAULT.simulate(v.isolated(), ShockScope.ALL, UP);
        assertThat(isoUp.events()).extracting(LiquidationEvent::positionId).containsExactly("eth-long");

        CascadeResult crossDown = LiquidationCascade.DEFAULT.simulate(v.cross(), ShockScope.ALL, DOWN);
        // WB − ΣQ·EP + Σcum + ΣQ·mark·u = ΣQ·mark·MMR·u:
        // u = (1,535,443.01 − 3,556,389.02624 − 5,366,967.96636 + 151,665)/(447,713.31 − 8,418,754.25) → x = −7.694 %
        assertThat(crossDown.events()).hasSize(2)
                .allSatisfy(e -> assertThat(e.shock()).isCloseTo(d("-0.07694211146396294"), within(SHOCK_TOL)));
        // ETH's loss there (−826,654) is larger than BTC's (−325,654): ETH first
        assertThat(crossDown.events()).extracting(LiquidationEvent::positionId).containsExactly("eth-long", "btc-long");
        assertThat(LiquidationCascade.DEFAULT.simulate(v.cross(), ShockScope.ALL, UP).events()).isEmpty();
    }

    @Test
    void aShortIsHitOnTheWayUp() {
        // ETH short 2 @ 3,000 10x isolated 600: LP = (600 + 6,000)/(2·0.004 + 2) = 3,286.85 → +9.56 %
        Account a = Account.of("binance-usdm", d("0"), List.of(
                position("eth-short", "ETHUSDT", Side.SHORT, "2", "3000", "10").isolatedMargin(d("600")).build()));
        assertThat(LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, DOWN).events()).isEmpty();
        CascadeResult up = LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, UP);
        assertThat(up.events()).singleElement().satisfies(e -> {
            assertThat(e.shock()).isCloseTo(ratio("6600", "6024").subtract(BigDecimal.ONE), within(SHOCK_TOL));
            assertThat(e.side()).isEqualTo(Side.SHORT);
        });
        // a target short of it reaches nothing
        assertThat(LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, d("0.09")).events()).isEmpty();
    }

    @Test
    void inverseIsolated_shockFromTheCoinMarginedLiquidationPrice() {
        // LP = F·(MMR + 1)/(W + F/EP) = 10,000·1.004/(0.01 + 0.2) = 47,809.52 → 47,809.52/51,000 − 1 = −6.256 %
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(CompareFixtures.coinmLong(), ShockScope.ALL, DOWN);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.shock()).isCloseTo(d("-0.06255835667600373"), within(SHOCK_TOL));
            assertThat(e.loss()).isEqualByComparingTo("0.01");
        });
    }

    @Test
    void inverseCross_crossingIsTheSinglePositionsCrossLiquidationPrice() {
        // cross, wallet 0.02 BTC: LP = 10,000·1.004/(0.02 + 0.2) = 45,636.36 → −10.517 %
        Account a = Account.of("binance-coinm", d("0.02"), List.of(CompareFixtures.coinmLong().positions().get(0)
                .toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build()));
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, DOWN);
        assertThat(r.events()).singleElement()
                .satisfies(e -> assertThat(e.shock()).isCloseTo(d("-0.1051693404634581"), within(SHOCK_TOL)));
        assertThat(r.crossGoneAt()).isNotNull();
    }

    @Test
    void linearCross_crossesTierBoundariesOnTheWay() {
        // 100 BTC long @ 60,000 (notional 6M, tier 4: 1 %, 11,450), wallet 3.5M. At tier 3 (0.65 %, 950):
        // LP = (3,500,000 + 950 − 6,000,000)/(100·(0.0065 − 1)) = 25,154.00 (notional 2.5M, inside tier 3)
        Account a = Account.of("binance-usdm", d("3500000"), List.of(
                position("whale", "BTCUSDT", Side.LONG, "100", "60000", "2").marginMode(MarginMode.CROSS).build()));
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, DOWN);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.shock()).isCloseTo(d("-0.5807666498909579"), within(SHOCK_TOL));
            assertThat(e.markPrice().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("25154.00");
        });
    }

    @Test
    void equityAlongThePath_exactAndFast() {
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(CompareFixtures.course(), ShockScope.ALL, DOWN);
        // at −20 %: BTC and ETH are gone (their margins lost); 500 free + SOL 1,000 + 20·(120 − 150) = 900
        assertThat(r.equityAt(d("-0.2"))).isEqualByComparingTo("900");
        assertThat(r.equityAt(-0.2)).isCloseTo(900.0, within(1e-9));
        // at 0 nothing is closed: 500 + 2,800
        assertThat(r.equityAt(BigDecimal.ZERO)).isEqualByComparingTo("3300");
        // just before BTC's close its equity is its maintenance margin 45.78 on top of the others'
        assertThat(r.equityBefore(0) - r.equityAfter(0)).isCloseTo(45.783132530120, within(1e-9));
        assertThatThrownBy(() -> r.equityAt(d("0.1"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("shock:");
    }

    @Test
    void invalidInputsAreRejectedByName() {
        Account a = CompareFixtures.course();
        assertThatThrownBy(() -> LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("shock: must not be 0");
        assertThatThrownBy(() -> LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, d("-1")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("shock: must be > −1");
        assertThatThrownBy(() -> new LiquidationCascade(d("1.5"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("liquidationFeeShare:");
        assertThatThrownBy(() -> new LiquidationCascade(d("-0.1"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("liquidationFeeShare:");
        Account mixed = Account.of("generic", d("1"), List.of(
                position("a", "BTCUSD", Side.LONG, "1", "100", "2").maintenance(new Maintenance(d("0.01"), d("0"))).build(),
                position("b", "BTCUSD", Side.LONG, "1", "100", "2").contract(ContractType.INVERSE)
                        .maintenance(new Maintenance(d("0.01"), d("0"))).build()));
        assertThatThrownBy(() -> LiquidationCascade.DEFAULT.simulate(mixed, ShockScope.ALL, DOWN))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("positions[1].contract:");
    }

    @Test
    void emptyAccountHasNoEvents() {
        CascadeResult r = LiquidationCascade.DEFAULT.simulate(Account.of("binance-usdm", d("100"), List.of()),
                ShockScope.ALL, DOWN);
        assertThat(r.events()).isEmpty();
        assertThat(r.allClosedAt()).isNull();
        assertThat(r.equityAt(-0.5)).isEqualTo(100.0);
    }
}
