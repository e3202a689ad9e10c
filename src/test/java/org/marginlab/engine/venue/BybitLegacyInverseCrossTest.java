package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ValidationException;

/**
 * {@link BybitLegacyInverseCross}: the legacy Bybit inverse cross equations with the taker fee
 * (spec margin-formulas.md §2.3), on the help page's example — balance 0.5 BTC, no order
 * margin, 10,000 contracts of 1 USD @ 8,000, MMR 0.5 %, taker 0.075 % — and its short mirror.
 * Every value by hand.
 */
class BybitLegacyInverseCrossTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final BigDecimal Q = new BigDecimal("10000");
    private static final BigDecimal EP = new BigDecimal("8000");
    private static final BigDecimal BALANCE = new BigDecimal("0.5");
    private static final BigDecimal MMR = new BigDecimal("0.005");
    private static final BigDecimal TAKER = new BigDecimal("0.00075");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void test_bankruptcyLong_docExample() {
        // 1.00075·10,000/(10,000/8,000 + (0.5 − 0)) = 10,007.5/1.75 = 5718.571428571428…; doc prints 5,718.57
        BigDecimal bp = BybitLegacyInverseCross.bankruptcyPriceLong(Q, EP, BALANCE, BigDecimal.ZERO, TAKER);
        assertThat(bp).isCloseTo(dec("5718.571428571428571428571429"), within(TIGHT));
        assertThat(bp).isCloseTo(dec("5718.57"), within(dec("0.005")));
    }

    @Test
    void test_liquidationLong_withTheDocsPrintedBankruptcyPrice() {
        // R = 0.5 − 0 − 1.25·0.005 − 10,000·0.00075/5,718.57 = 0.49375 − 0.001311516… = 0.492438483…;
        // LP = 10,000/(1.25 + R) = 5739.08352908144431725440526…
        BigDecimal lp = BybitLegacyInverseCross.liquidationPriceLong(Q, EP, BALANCE, BigDecimal.ZERO, MMR, TAKER,
                dec("5718.57"));
        assertThat(lp).isCloseTo(dec("5739.083529081444317254405266"), within(TIGHT));
        // the doc prints 5,739.50: 0.42 above the solution of its own equation
        assertThat(lp).isCloseTo(dec("5739.50"), within(dec("0.5")));
        assertThat(dec("5739.50").subtract(lp)).isCloseTo(dec("0.42"), within(dec("0.005")));
    }

    @Test
    void test_liquidationLong_withTheExactBankruptcyPrice() {
        // BP = 5718.571428…: 7.5/BP = 0.0013115144…, LP = 5739.08352800231541841062297…
        BigDecimal lp = BybitLegacyInverseCross.liquidationPriceLong(Q, EP, BALANCE, BigDecimal.ZERO, MMR, TAKER);
        assertThat(lp).isCloseTo(dec("5739.083528002315418410622968"), within(TIGHT));
    }

    @Test
    void test_liquidationLong_satisfiesTheDocsEquation() {
        // Q·(1/EP − 1/LP) + (balance − order margin − Q/EP·MMR − Q·taker/BP) = 0
        BigDecimal bp = dec("5718.57");
        BigDecimal lp = BybitLegacyInverseCross.liquidationPriceLong(Q, EP, BALANCE, BigDecimal.ZERO, MMR, TAKER, bp);
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal lhs = Q.multiply(BigDecimal.ONE.divide(EP, mc).subtract(BigDecimal.ONE.divide(lp, mc)));
        BigDecimal r = BALANCE.subtract(Q.divide(EP, mc).multiply(MMR)).subtract(Q.multiply(TAKER).divide(bp, mc));
        assertThat(lhs.add(r)).isCloseTo(BigDecimal.ZERO, within(dec("1e-28")));
    }

    @Test
    void test_orderMarginReducesTheAvailableBalance() {
        // order margin 0.1: BP = 10,007.5/(1.25 + 0.4) = 6065.1515…; R = 0.4 − 0.00625 − 7.5/BP;
        // LP = 10,000/(1.25 + R) = 6088.2302896301035078997…
        assertThat(BybitLegacyInverseCross.bankruptcyPriceLong(Q, EP, BALANCE, dec("0.1"), TAKER))
                .isCloseTo(dec("6065.151515151515151515151515"), within(TIGHT));
        assertThat(BybitLegacyInverseCross.liquidationPriceLong(Q, EP, BALANCE, dec("0.1"), MMR, TAKER))
                .isCloseTo(dec("6088.230289630103507899737357"), within(TIGHT));
    }

    @Test
    void test_short_mirror() {
        // BP = 0.99925·10,000/(1.25 − 0.5) = 9,992.5/0.75 = 13323.333…;
        // R = 0.49375 − 7.5/13,323.333… = 0.493187077808…; LP = 10,000/(1.25 − R) = 13213.3050411469492…
        assertThat(BybitLegacyInverseCross.bankruptcyPriceShort(Q, EP, BALANCE, BigDecimal.ZERO, TAKER))
                .isCloseTo(dec("13323.33333333333333333333333"), within(TIGHT));
        assertThat(BybitLegacyInverseCross.liquidationPriceShort(Q, EP, BALANCE, BigDecimal.ZERO, MMR, TAKER))
                .isCloseTo(dec("13213.30504114694925794994597"), within(TIGHT));
    }

    @Test
    void test_short_coveredByTheBalance_hasNoPrices() {
        // balance 1.5 > Q/EP = 1.25: Q/EP − available < 0 → no bankruptcy price; R = 1.5 − 0.00625 − … > 1.25 → no LP
        assertThat(BybitLegacyInverseCross.bankruptcyPriceShort(Q, EP, dec("1.5"), BigDecimal.ZERO, TAKER)).isNull();
        assertThat(BybitLegacyInverseCross.liquidationPriceShort(Q, EP, dec("1.5"), BigDecimal.ZERO, MMR, TAKER))
                .isNull();
        assertThat(BybitLegacyInverseCross.liquidationPriceShort(Q, EP, dec("1.5"), BigDecimal.ZERO, MMR, TAKER,
                dec("100000"))).isNull();
    }

    @Test
    void test_invalidArguments_rejectedWithFieldNames() {
        assertThatThrownBy(() -> BybitLegacyInverseCross.bankruptcyPriceLong(Q, EP, dec("-1"), BigDecimal.ZERO,
                TAKER)).isInstanceOf(ValidationException.class).hasMessage("balance: must be ≥ 0 (got -1)");
        assertThatThrownBy(() -> BybitLegacyInverseCross.bankruptcyPriceLong(BigDecimal.ZERO, EP, BALANCE,
                BigDecimal.ZERO, TAKER)).isInstanceOf(ValidationException.class)
                .hasMessage("contracts: must be > 0 (got 0)");
        assertThatThrownBy(() -> BybitLegacyInverseCross.liquidationPriceLong(Q, EP, BALANCE, BigDecimal.ZERO,
                BigDecimal.ONE, TAKER)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("mmr: must be < 1");
        assertThatThrownBy(() -> BybitLegacyInverseCross.liquidationPriceLong(Q, EP, BALANCE, BigDecimal.ZERO, MMR,
                TAKER, BigDecimal.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessage("bankruptcyPrice: must be > 0 (got 0)");
    }
}
