package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginlab.engine.whatif.CompareFixtures.d;
import static org.marginlab.engine.whatif.CompareFixtures.position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.MarginComparison.Variants;

/** The isolated and cross variants of an account, worked by hand (spec margin-formulas.md §1.1). */
class MarginComparisonTest {

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void faqCross_crossSideIsTheAccountItself_andShowsTheFaqLiquidationPrices() {
        Variants v = MarginComparison.variants(CompareFixtures.faqCross(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        // all cross: no isolated margin to add, the wallet is the FAQ's WB
        assertThat(v.crossWallet()).isEqualByComparingTo("1535443.01");
        AccountRisk cross = MarginComparison.evaluate(v, ShockScope.ALL, BigDecimal.ZERO).cross();
        assertThat(cents(cross.position("btc-long").liquidationPrice())).isEqualByComparingTo("26316.89");
        assertThat(cents(cross.position("eth-long").liquidationPrice())).isEqualByComparingTo("1153.26");
    }

    @Test
    void faqCross_isolatedSideGivesEachPositionItsInitialMargin() {
        Variants v = MarginComparison.variants(CompareFixtures.faqCross(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        // IM = Q·EP/10: BTC 109.488·32,481.98/10 = 355,638.702624; ETH 3,683.979·1,456.84/10 = 536,696.796636
        assertThat(v.isolatedMargins()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("355638.702624"), d("536696.796636"));
        assertThat(v.isolatedTotalMargin()).isEqualByComparingTo("892335.49926");
        // the free wallet is what the margins leave of WB: 1,535,443.01 − 892,335.49926
        assertThat(v.isolated().walletBalance()).isEqualByComparingTo("643107.51074");
        AccountRisk iso = MarginComparison.evaluate(v, ShockScope.ALL, BigDecimal.ZERO).isolated();
        // BTC: LP = (355,638.702624 + 16,300 − 109.488·32,481.98)/(109.488·(0.025 − 1)) = 29,830.674…
        PositionRisk btc = iso.position("btc-long");
        assertThat(btc.marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(cents(btc.liquidationPrice())).isEqualByComparingTo("29830.67");
        // MR = MM/MB = 71,200.811444/(355,638.702624 + 109.488·(31,967.27 − 32,481.98)) = 71,200.81/299,284.13
        assertThat(btc.marginRatio().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.2379");
        // ETH: LP = (536,696.796636 + 135,365 − 3,683.979·1,456.84)/(3,683.979·(0.1 − 1)) = 1,416.01, above
        // the mark 1,335.18: on its own initial margin the ETH long would already be liquidated
        PositionRisk eth = iso.position("eth-long");
        assertThat(cents(eth.liquidationPrice())).isEqualByComparingTo("1416.01");
        assertThat(eth.liquidated()).isTrue();
    }

    @Test
    void isolatedPosition_crossWalletIsWorkspaceWalletPlusItsMargin() {
        Variants v = MarginComparison.variants(CompareFixtures.btcLongIsolated(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        assertThat(v.isolatedMargins()).usingElementComparator(BigDecimal::compareTo).containsExactly(d("1500"));
        assertThat(v.crossWallet()).isEqualByComparingTo("11500");
        assertThat(v.isolated().walletBalance()).isEqualByComparingTo("10000");
        MarginComparison.Evaluation e = MarginComparison.evaluate(v, ShockScope.ALL, BigDecimal.ZERO);
        // isolated: (1,500 − 30,000)/(0.5·(0.004 − 1)) = 28,500/0.498 = 57,228.9157
        assertThat(cents(e.isolated().position("btc-long").liquidationPrice())).isEqualByComparingTo("57228.92");
        // cross: (11,500 − 30,000)/(0.5·(0.004 − 1)) = 18,500/0.498 = 37,148.5944
        assertThat(cents(e.cross().position("btc-long").liquidationPrice())).isEqualByComparingTo("37148.59");
        // both sides start from the same equity: 10,000 + 1,500 + 0.5·(59,000 − 60,000) = 11,000
        assertThat(e.isolated().totalEquity()).isEqualByComparingTo("11000");
        assertThat(e.cross().totalEquity()).isEqualByComparingTo("11000");
    }

    @Test
    void sameCapital_crossWalletIsTheIsolatedMarginOnly_soOnePositionHasTheIsolatedPrice() {
        Variants v = MarginComparison.variants(CompareFixtures.btcLongIsolated(), IsolatedSplit.AS_ENTERED,
                CrossWallet.SAME_CAPITAL_AS_ISOLATED);
        assertThat(v.crossWallet()).isEqualByComparingTo("1500");
        assertThat(v.isolated().walletBalance()).isEqualByComparingTo("0");
        // a lone cross position whose wallet is its margin liquidates where the isolated one does
        assertThat(cents(MarginComparison.evaluate(v, ShockScope.ALL, BigDecimal.ZERO).cross().position("btc-long")
                .liquidationPrice())).isEqualByComparingTo("57228.92");
    }

    @Test
    void proportionalSplit_sharesTheSameTotalByInitialMargin() {
        // BTC 0.5 @ 60,000 20x isolated 1,500 (IM 1,500); ETH 2 @ 3,000 5x isolated 900 (IM 1,200)
        Account account = Account.of("binance-usdm", d("10000"), List.of(
                position("btc-long", "BTCUSDT", Side.LONG, "0.5", "60000", "20").isolatedMargin(d("1500")).build(),
                position("eth-long", "ETHUSDT", Side.LONG, "2", "3000", "5").isolatedMargin(d("900")).build()));
        Variants asEntered = MarginComparison.variants(account, IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        Variants proportional = MarginComparison.variants(account, IsolatedSplit.PROPORTIONAL_TO_INITIAL_MARGIN,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        assertThat(asEntered.isolatedTotalMargin()).isEqualByComparingTo("2400");
        assertThat(proportional.isolatedTotalMargin()).isEqualByComparingTo("2400");
        // 2,400·1,500/2,700 = 1,333.33…; 2,400·1,200/2,700 = 1,066.66…
        assertThat(proportional.isolatedMargins().get(0).setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("1333.333333");
        assertThat(proportional.isolatedMargins().get(1).setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("1066.666667");
        // BTC's isolated LP moves: (30,000 − 1,333.33…)/0.498 = 57,563.5877
        assertThat(cents(MarginComparison.evaluate(proportional, ShockScope.ALL, BigDecimal.ZERO).isolated()
                .position("btc-long").liquidationPrice())).isEqualByComparingTo("57563.59");
        // the cross wallet: 10,000 + 1,500 + 900 either way
        assertThat(proportional.crossWallet()).isEqualByComparingTo("12400");
    }

    @Test
    void variantsChangeOnlyMarginMode_andKeepOrderAndIds() {
        Variants v = MarginComparison.variants(CompareFixtures.course(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        assertThat(v.isolated().positions()).extracting(p -> p.id()).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(v.cross().positions()).allSatisfy(p -> {
            assertThat(p.marginMode()).isEqualTo(MarginMode.CROSS);
            assertThat(p.isolatedMargin()).isNull();
        });
        assertThat(v.cross().positions().get(2).maintenance()).isEqualTo(v.entered().positions().get(2).maintenance());
        // 500 + 600 + 1,200 + 1,000
        assertThat(v.crossWallet()).isEqualByComparingTo("3300");
    }

    @Test
    void shockMovesTheMarksOfBothSides() {
        Variants v = MarginComparison.variants(CompareFixtures.btcLongIsolated(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        MarginComparison.Evaluation e = MarginComparison.evaluate(v, ShockScope.ALL, d("-0.02"));
        // mark 59,000·0.98 = 57,820: PnL 0.5·(57,820 − 60,000) = −1,090
        assertThat(e.isolated().position("btc-long").unrealizedPnl()).isEqualByComparingTo("-1090");
        assertThat(e.cross().unrealizedPnl()).isEqualByComparingTo("-1090");
    }

    @Test
    void missingOptionsAreRejectedByName() {
        Account a = CompareFixtures.course();
        assertThatThrownBy(() -> MarginComparison.variants(a, null, CrossWallet.SAME_CAPITAL_AS_ISOLATED))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("split:");
        assertThatThrownBy(() -> MarginComparison.variants(a, IsolatedSplit.AS_ENTERED, null))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("crossWallet:");
    }

    @Test
    void aPositionBreakingAVenueRuleIsNamedByIndex() {
        Account a = Account.of("binance-usdm", d("100"), List.of(
                position("a", "BTCUSDT", Side.LONG, "0.1", "60000", "10").build(),
                position("b", "BTCUSDT", Side.LONG, "0.1", "60000", "200").build()));
        assertThatThrownBy(() -> MarginComparison.variants(a, IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("positions[1].leverage:");
    }
}
