package org.marginlab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.Account;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.whatif.LiquidationCascade;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * The comparison's words ({@link ComparisonProse}, {@link ComparisonSentences}), without a
 * toolkit: figures given by hand, and the course sample's walks (three longs, wallet 500;
 * isolated margins BTC 600, ETH 1,200, SOL 1,000; worked in
 * {@link ComparisonViewModelTest#courseSample_cascadeOrderFollowsTheShock()}). Expected texts
 * are written out by hand; negative numbers carry the minus sign U+2212.
 */
class ComparisonProseTest {
    private final CompareText text = new CompareText(Locale.US);
    private final ComparisonProse prose = new ComparisonProse(text);

    private static Position position(String id, String symbol) {
        return Position.builder().id(id).symbol(symbol).side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(new BigDecimal("100")).leverage(BigDecimal.TEN).build();
    }

    private static LiquidationEvent event(String shock, String id, MarginMode mode, String mark, String pnl, String fee,
            String loss, String walletAfter, boolean gone) {
        return new LiquidationEvent(new BigDecimal(shock), id, "BTCUSDT", Side.LONG, mode, new BigDecimal(mark),
                new BigDecimal(pnl), new BigDecimal(fee), new BigDecimal(loss), new BigDecimal(walletAfter), gone);
    }

    @Test
    void move_namesTheShockedSymbolOrTheOnlyOneOrMarketWide() {
        List<Position> btcOnly = List.of(position("a", "BTCUSDT"), position("b", "BTCUSDT"));
        List<Position> two = List.of(position("a", "BTCUSDT"), position("b", "ETHUSDT"));
        // −0.0975 → 9.75 % → 9.8 half-up; the magnitude has no sign, the direction is the word
        assertThat(prose.move(new BigDecimal("-0.0975"), ShockScope.ALL, btcOnly)).isEqualTo("a 9.8 % BTCUSDT drop");
        assertThat(prose.move(new BigDecimal("0.8"), ShockScope.ALL, two)).isEqualTo("an 80.0 % market-wide rise");
        assertThat(prose.move(new BigDecimal("0.125"), ShockScope.of("ETHUSDT"), two)).isEqualTo("a 12.5 % ETHUSDT rise");
        assertThat(prose.move(new BigDecimal("-0.11"), ShockScope.ALL, two)).isEqualTo("an 11.0 % market-wide drop");
    }

    @Test
    void tableWords_labelAndLiquidatedCells() {
        assertThat(prose.position(position("btc-long", "BTCUSDT"))).isEqualTo("btc-long (BTCUSDT long)");
        assertThat(prose.liquidated(event("-0.0455", "btc-long", MarginMode.ISOLATED, "57228.92", "0", "0", "600", "500",
                false))).isEqualTo("liq. −4.6 %");
        // already past liquidation at the marks as entered: closed at shock 0
        assertThat(prose.liquidated(event("0", "eth-long", MarginMode.ISOLATED, "1335.18", "0", "0", "100", "0", false)))
                .isEqualTo("liq. now");
    }

    @Test
    void accountLines_writeTheGivenFigures() {
        assertThat(prose.shockDescription(new BigDecimal("-0.1"), ShockScope.ALL)).isEqualTo("Shock −10.0 % on every mark");
        assertThat(prose.shockDescription(new BigDecimal("0.05"), ShockScope.of("BTCUSDT"))).isEqualTo("Shock +5.0 % on BTCUSDT");
        assertThat(prose.isolatedCapital(new BigDecimal("2400"), 2, new BigDecimal("10000")))
                .isEqualTo("Margin at risk: 2,400.00 USDT (2 positions); free wallet 10,000.00 USDT, never touched.");
        assertThat(prose.crossCapital(new BigDecimal("1500"), 1)).isEqualTo("Shared wallet: 1,500.00 USDT (1 position).");
        assertThat(prose.equity(new BigDecimal("-0.2"), new BigDecimal("900"))).isEqualTo("Equity at −20.0 %: 900.00 USDT");
        assertThat(prose.problem("quantity must be > 0")).isEqualTo("The comparison cannot be computed: quantity must be > 0");
    }

    @Test
    void amountsFollowTheCurrencySetOnTheSharedFormats() {
        text.currency("BTC", 8);
        assertThat(prose.crossCapital(new BigDecimal("0.01"), 1)).isEqualTo("Shared wallet: 0.01000000 BTC (1 position).");
        assertThat(prose.equityAxis()).isEqualTo("Equity (BTC)");
    }

    @Test
    void marginRatio_saysNotApplicableWithoutARatio() {
        assertThat(text.marginRatio(new BigDecimal("0.4149"), BigDecimal.TEN)).isEqualTo("41.49 %");
        assertThat(text.marginRatio(null, BigDecimal.ZERO)).isEqualTo("n/a (balance ≤ 0)");
        assertThat(text.marginRatio(null, BigDecimal.ONE)).isEqualTo("n/a");
        assertThat(text.marginRatio(null, null)).isEqualTo("n/a");
    }

    @Test
    void cascadeItems_numberTheEventsAndSayWhatEachCost() {
        LiquidationEvent isolated = event("-0.046", "btc-long", MarginMode.ISOLATED, "57228.92", "-552", "48", "600", "500",
                false);
        List<CascadeItem> iso = new CascadeItems(text).isolated(List.of(isolated));
        assertThat(iso).containsExactly(new CascadeItem(1, "btc-long", "1. −4.6 %  btc-long at 57,228.92",
                "BTCUSDT long: loses 600.00 USDT of margin; nothing else is touched", false));

        LiquidationEvent first = event("-0.153", "btc-long", MarginMode.CROSS, "50820", "-1800", "50", "1850", "1450", false);
        LiquidationEvent last = event("-0.153", "eth-long", MarginMode.CROSS, "2541", "-1400", "50", "1450", "0", true);
        List<CascadeItem> cross = new CascadeItems(text).cross(List.of(first, last));
        assertThat(cross).extracting(CascadeItem::headline).containsExactly("1. −15.3 %  btc-long at 50,820.00",
                "2. −15.3 %  eth-long at 2,541.00");
        assertThat(cross).extracting(CascadeItem::detail).containsExactly(
                "BTCUSDT long: PnL −1,800.00 USDT, fee 50.00 USDT → wallet 1,450.00 USDT",
                "BTCUSDT long: PnL −1,400.00 USDT, fee 50.00 USDT → wallet 0.00 USDT; the account is gone");
        assertThat(cross.get(1).accountGone()).isTrue();
        assertThat(cross.get(1).order()).isEqualTo(2);
    }

    @Test
    void chartAndOptionLabels() {
        assertThat(prose.shockAxis(ShockScope.ALL)).isEqualTo("Shock of every mark (%)");
        assertThat(prose.shockAxis(ShockScope.of("SOLUSDT"))).isEqualTo("Shock of SOLUSDT (%)");
        assertThat(prose.equityAxis()).isEqualTo("Equity (USDT)");
        assertThat(prose.chartShock(new BigDecimal("-0.07"), ShockScope.ALL)).isEqualTo("now −7.0 % on every mark");
        assertThat(prose.marker(event("-0.046", "btc-long", MarginMode.ISOLATED, "57228.92", "0", "0", "600", "500", false),
                "isolated")).isEqualTo("btc-long liquidated (isolated) at −4.6 %");
        assertThat(ComparisonProse.label(IsolatedSplit.AS_ENTERED)).isEqualTo("margins as entered");
        assertThat(ComparisonProse.label(IsolatedSplit.PROPORTIONAL_TO_INITIAL_MARGIN))
                .isEqualTo("proportional to initial margin");
        assertThat(ComparisonProse.label(CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS)).isEqualTo("wallet + isolated margins");
        assertThat(ComparisonProse.label(CrossWallet.SAME_CAPITAL_AS_ISOLATED)).isEqualTo("isolated margins only");
        assertThat(ComparisonViewModel.FEE_CHOICES).extracting(ComparisonViewModel.FeeChoice::label).containsExactly(
                "the maintenance margin (default)", "half the maintenance margin", "none");
    }

    @Test
    void courseSample_sentencesOutcomesAndEnds() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        Account entered = account.evaluationProperty().get().entered();
        MarginComparison.Variants v = MarginComparison.variants(entered, IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        LiquidationCascade cascade = new LiquidationCascade(BigDecimal.ONE);
        ShockSweep iso = ShockSweep.of(v.isolated(), ShockScope.ALL, cascade, AccountViewModel.MIN_SHOCK,
                AccountViewModel.MAX_SHOCK);
        ShockSweep cross = ShockSweep.of(v.cross(), ShockScope.ALL, cascade, AccountViewModel.MIN_SHOCK,
                AccountViewModel.MAX_SHOCK);
        List<Position> ps = entered.positions();

        // cross: the wallet 500 + 600 + 1,200 + 1,000 = 3,300 at the marks as entered, all gone at −15.3 %;
        // isolated BTC goes at −4.6 % losing its 600; SOL only at 101.01/150 − 1 = −32.7 %, losing its 1,000
        Map<String, String> sentences = new ComparisonSentences(text, prose).sentences(v, iso, cross, ShockScope.ALL,
                new BigDecimal("3300"));
        assertThat(sentences).hasSize(3);
        assertThat(sentences.get("btc-long")).isEqualTo("In cross, a 15.3 % market-wide drop liquidates the whole account "
                + "(3,300.00 USDT); isolated, it goes earlier, at a 4.6 % market-wide drop, but costs only the 600.00 USDT "
                + "on this position.");
        assertThat(sentences.get("sol-long")).isEqualTo("In cross, a 15.3 % market-wide drop liquidates the whole account "
                + "(3,300.00 USDT); isolated, that drop costs nothing yet: it goes only at a 32.7 % market-wide drop and "
                + "then loses its 1,000.00 USDT.");

        assertThat(prose.isolatedAllGoneAt(iso, ShockScope.ALL, ps)).isEqualTo("All liquidated at a 32.7 % market-wide drop.");
        assertThat(prose.crossAccountGoesAt(cross, ShockScope.ALL, ps))
                .isEqualTo("Whole account goes at a 15.3 % market-wide drop.");

        BigDecimal zero = BigDecimal.ZERO;
        assertThat(prose.isolatedOutcome(zero, iso.eventsAt(zero), iso))
                .isEqualTo("Nothing liquidated at 0.0 %; next: btc-long at −4.6 %.");
        BigDecimal up = new BigDecimal("0.05");
        assertThat(prose.crossOutcome(up, cross.eventsAt(up), cross)).isEqualTo("Nothing liquidated at +5.0 %; none up to +200 %.");
        // −20 %: isolated BTC and ETH lose their margins, 600 + 1,200; the cross closes take the whole wallet, 3,300
        BigDecimal down = new BigDecimal("-0.2");
        assertThat(prose.isolatedOutcome(down, iso.eventsAt(down), iso))
                .isEqualTo("Liquidated at −20.0 %: btc-long, eth-long (−1,800.00 USDT).");
        assertThat(prose.crossOutcome(down, cross.eventsAt(down), cross))
                .isEqualTo("Cascade at −20.0 %: btc-long → eth-long → sol-long (−3,300.00 USDT).");
    }

    /** An outcome names three positions at most, then how many more: the ordered list below names them all. */
    @Test
    void anOutcomeNamesThreePositions_thenHowManyMore() {
        List<LiquidationEvent> five = new java.util.ArrayList<>();
        for (String id : List.of("p0", "p3", "p6", "p9", "p12")) {
            five.add(event("-0.05", id, MarginMode.ISOLATED, "57000", "-600", "0", "600", "10000", false));
        }
        assertThat(ComparisonProse.named(five, ", ", " and ")).isEqualTo("p0, p3, p6 and 2 more");
        assertThat(ComparisonProse.named(five, " → ", " → ")).isEqualTo("p0 → p3 → p6 → 2 more");
        assertThat(ComparisonProse.named(five.subList(0, 3), ", ", " and ")).isEqualTo("p0, p3, p6");
        assertThat(ComparisonProse.named(five.subList(0, 1), " → ", " → ")).isEqualTo("p0");
    }
}
