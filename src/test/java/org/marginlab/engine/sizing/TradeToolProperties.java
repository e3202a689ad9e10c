package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of the sizing tools that follow from their definitions, checked with exact
 * arithmetic (no division) where possible.
 */
class TradeToolProperties {
    private static final BigDecimal NEAR = new BigDecimal("1e-30");

    @Property(tries = 500)
    void maxOpenCostsAtMostTheBalanceAndNoLess(@ForAll Side side,
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal balance,
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal price,
            @ForAll @BigRange(min = "0.8", max = "1.2") @Scale(4) BigDecimal markFactor,
            @ForAll @BigRange(min = "1", max = "125") @Scale(0) BigDecimal leverage) {
        BigDecimal mark = price.multiply(markFactor);
        MaxOpen max = OrderMath.maxOpen(side, balance, price, mark, leverage, null);
        assertThat(max.limit()).isEqualTo(MaxOpen.Limit.BALANCE);
        assertThat(max.quantity()).isNotNegative();
        assertThat(max.notional()).isEqualByComparingTo(max.quantity().multiply(price));
        // cost·lev = Q·(P + lev·openLoss/unit), exact: ≤ balance·lev, and within 1e-30 of it
        BigDecimal lossPerUnit = side.signDecimal().multiply(price.subtract(mark)).max(BigDecimal.ZERO);
        BigDecimal costTimesLev = max.quantity().multiply(price.add(leverage.multiply(lossPerUnit)));
        BigDecimal budget = balance.multiply(leverage);
        assertThat(costTimesLev).isLessThanOrEqualTo(budget);
        assertThat(costTimesLev).isGreaterThanOrEqualTo(budget.subtract(budget.multiply(NEAR)));
    }

    @Property(tries = 500)
    void lossAtTheStopIsTheRisk(@ForAll ContractType contract, @ForAll Side side,
            @ForAll @BigRange(min = "1", max = "100000") @Scale(2) BigDecimal entry,
            @ForAll @BigRange(min = "0.001", max = "0.5") @Scale(4) BigDecimal stopDistance,
            @ForAll @BigRange(min = "0.0001", max = "100000") @Scale(4) BigDecimal risk,
            @ForAll @BigRange(min = "0.001", max = "100") @Scale(3) BigDecimal contractSize) {
        BigDecimal stop = entry.multiply(BigDecimal.ONE.subtract(side.signDecimal().multiply(stopDistance)));
        BigDecimal q = StopLossSizer.quantityForRisk(contract, side, contractSize, entry, stop, risk);
        // loss = Q·CS·|Δ| (linear) or Q·CS·|Δ|/(entry·stop) (inverse); compared without dividing
        BigDecimal move = q.multiply(contractSize).multiply(entry.subtract(stop).abs());
        BigDecimal budget = !contract.isInverse() ? risk : risk.multiply(entry).multiply(stop);
        assertThat(move).isLessThanOrEqualTo(budget);
        assertThat(move).isGreaterThanOrEqualTo(budget.subtract(budget.multiply(NEAR)));
    }
}
