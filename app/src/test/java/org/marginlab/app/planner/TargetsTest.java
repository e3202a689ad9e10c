package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.sizing.ExitOutcome;
import org.marginlab.engine.venue.Venues;

/** Targets and max open on the README plan: long 0.05 from 60,000 at 10x (margin 300), stop 58,000. */
class TargetsTest {
    private static final BigDecimal Q = new BigDecimal("0.05");
    private static final BigDecimal EP = new BigDecimal("60000");
    private static final BigDecimal TEN = BigDecimal.TEN;

    @Test
    void atAnExit() {
        // exit 64,000: PnL 0.05 · 4000 = 200; ROE 200/300 = 0.666…; reward : risk 200 : 100 = 2
        ExitOutcome o = Targets.atExit(ContractType.LINEAR, Side.LONG, Q, BigDecimal.ONE, EP, new BigDecimal("64000"), TEN);
        assertThat(o.pnl()).isEqualByComparingTo("200");
        assertThat(o.roe()).isEqualByComparingTo("0.6666666666666666666666666666666667");
        assertThat(Targets.rewardToRisk(ContractType.LINEAR, Side.LONG, Q, BigDecimal.ONE, EP, new BigDecimal("58000"),
                new BigDecimal("64000"))).isEqualByComparingTo("2");
        // an exit below the entry is no reward
        assertThat(Targets.rewardToRisk(ContractType.LINEAR, Side.LONG, Q, BigDecimal.ONE, EP, new BigDecimal("58000"),
                new BigDecimal("59000"))).isNull();
    }

    @Test
    void exitForATarget() {
        // ROE 100 %: 60000 · (1 + 1/10) = 66,000; PnL 150 = ROE 150/300 = 0.5: 60000 · 1.05 = 63,000
        assertThat(Targets.exitForRoe(ContractType.LINEAR, Side.LONG, EP, TEN, BigDecimal.ONE)).isEqualByComparingTo("66000");
        assertThat(Targets.exitForPnl(ContractType.LINEAR, Side.LONG, Q, BigDecimal.ONE, EP, TEN, new BigDecimal("150")))
                .isEqualByComparingTo("63000");
        // a short: PnL 150 at 60000 · (1 − 0.05) = 57,000
        assertThat(Targets.exitForPnl(ContractType.LINEAR, Side.SHORT, Q, BigDecimal.ONE, EP, TEN, new BigDecimal("150")))
                .isEqualByComparingTo("57000");
        // a loss of 3,000 is the whole notional: no positive price
        assertThatThrownBy(() -> Targets.exitForPnl(ContractType.LINEAR, Side.LONG, Q, BigDecimal.ONE, EP, TEN,
                new BigDecimal("-3000"))).hasMessageStartingWith("--pnl: is not reached at any positive price");
        assertThatThrownBy(() -> Targets.exitForRoe(ContractType.LINEAR, Side.LONG, EP, TEN, new BigDecimal("-10")))
                .hasMessageStartingWith("--roe: must be > -10");
    }

    @Test
    void maxOpen() {
        // 1,000 at 10x at 50,000 = mark: 1000 · 10/50000 = 0.2; 125x with BTCUSDT: bracket 1's cap 50,000 ⇒ 1 BTC
        MaxOpenPlan p = MaxOpenPlan.compute(Side.LONG, new BigDecimal("1000"), new BigDecimal("50000"),
                new BigDecimal("50000"), TEN, Venues.byId("binance-usdm"), null);
        assertThat(p.max().quantity()).isEqualByComparingTo("0.2");
        assertThat(p.cost().initialMargin()).isEqualByComparingTo("1000");
        assertThat(p.cappedByTier()).isFalse();
        MaxOpenPlan capped = MaxOpenPlan.compute(Side.LONG, new BigDecimal("1000"), new BigDecimal("50000"),
                new BigDecimal("50000"), new BigDecimal("125"), Venues.byId("binance-usdm"), "BTCUSDT");
        assertThat(capped.max().quantity()).isEqualByComparingTo("1");
        assertThat(capped.cappedByTier()).isTrue();
        assertThatThrownBy(() -> MaxOpenPlan.compute(Side.LONG, BigDecimal.ONE, EP, EP, TEN, Venues.byId("binance-coinm"),
                null)).hasMessage("--venue: must have linear contracts (max-open is linear) (got binance-coinm)");
    }
}
