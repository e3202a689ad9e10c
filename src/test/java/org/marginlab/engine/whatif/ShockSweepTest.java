package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.whatif.CompareFixtures.d;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;

/** The two-way walk and its equity curve, on the course example (see {@link LiquidationCascadeTest}). */
class ShockSweepTest {

    private static ShockSweep course(boolean cross) {
        var v = MarginComparison.variants(CompareFixtures.course(), IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        return ShockSweep.of(cross ? v.cross() : v.isolated(), ShockScope.ALL, LiquidationCascade.DEFAULT, d("-0.9"),
                d("2"));
    }

    @Test
    void queriesPickTheWalkOfTheShocksSign() {
        ShockSweep iso = course(false);
        assertThat(iso.eventsAt(d("-0.1"))).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        assertThat(iso.eventsAt(d("0.5"))).isEmpty();
        assertThat(iso.accountAt(d("-0.25")).positions()).extracting(p -> p.id()).containsExactly("sol-long");
        // equity: 3,300 at 0; at +10 % all gain 10 % of 21,000
        assertThat(iso.equityAt(0)).isCloseTo(3300.0, within(1e-9));
        assertThat(iso.equityAt(0.1)).isCloseTo(5400.0, within(1e-9));
    }

    @Test
    void curveDropsVerticallyAtEachLiquidation_andIsSortedByShock() {
        ShockSweep cross = course(true);
        List<EquityPoint> curve = cross.curve(-0.3, 0.2, 51);
        assertThat(curve).isSortedAccordingTo((a, b) -> Double.compare(a.shock(), b.shock()));
        double x = -3198.0 / 20898.0;
        List<EquityPoint> at = curve.stream().filter(p -> Math.abs(p.shock() - x) < 1e-12).toList();
        // three closes at one shock: after (0), then the three steps up to before (MM = 102·(1 + x) = 86.39)
        assertThat(at).hasSize(6);
        assertThat(at.get(0).equity()).isCloseTo(0.0, within(1e-9));
        assertThat(at.get(at.size() - 1).equity()).isCloseTo(102 * (1 + x), within(1e-9));
        // left of the crossing the account is gone
        assertThat(curve.get(0).equity()).isCloseTo(0.0, within(1e-9));
        assertThat(cross.markers(-0.3, 0.2)).hasSize(3);
    }

    @Test
    void curveRejectsARangeOutsideTheWalks() {
        ShockSweep iso = course(false);
        assertThatThrownBy(() -> iso.curve(-0.95, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> iso.curve(0.1, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShockSweep.of(CompareFixtures.course(), ShockScope.ALL, LiquidationCascade.DEFAULT,
                d("0.1"), d("2"))).hasMessageStartingWith("shock:");
    }
}
