package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.transfer.Transfer;
import org.marginlab.engine.transfer.Transfers;
import org.marginlab.engine.venue.Venues;

/** Derivations of what-if figures: the transfer's steps, then the figure after it. */
class WhatIfExplainerTest {
    /** 0.2 BTC long at 60,000, 10x, isolated with its initial margin 1,200; wallet 10,000. */
    private static Account account() {
        Position p = Position.builder().id("btc-long").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("0.2"))
                .entryPrice(new BigDecimal("60000")).markPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.ISOLATED).isolatedMargin(new BigDecimal("1200")).build();
        return Account.of(Venues.byId("binance-usdm"), new BigDecimal("10000"), List.of(p));
    }

    @Test
    void addMargin_movesTheWallet_thenTheLiquidationPriceUsesTheNewMargin() {
        Derivation d = WhatIfExplainer.explain(account(), List.of(new Transfer.MarginTransfer("btc-long",
                new BigDecimal("500"))), "btc-long", Figure.LIQUIDATION_PRICE);
        // WB_1 = 10,000 − 500 = 9,500; M = 1,200 + 500 = 1,700
        Step wallet = d.steps().stream().filter(s -> "WB_1".equals(s.symbol())).findFirst().orElseThrow();
        assertThat(wallet.value()).isEqualByComparingTo("9500");
        Step margin = d.steps().stream().filter(s -> "M_btc-long".equals(s.symbol())).findFirst().orElseThrow();
        assertThat(margin.value()).isEqualByComparingTo("1700");
        // tier 1 of BTCUSDT at notional 12,000 (MMR 0.4 %, amount 0):
        // P = (1,700 − 0.2·60,000) / (0.2·0.004 − 0.2) = −10,300 / −0.1992 = 51,706.827309…
        assertThat(d.value()).isBetween(new BigDecimal("51706.8273"), new BigDecimal("51706.8274"));
        Account after = Transfers.apply(account(), MarginEngine.DEFAULT.evaluate(account()),
                new Transfer.MarginTransfer("btc-long", new BigDecimal("500")));
        Honesty.check(d, MarginEngine.DEFAULT.evaluate(after).position("btc-long").liquidationPrice(), "add 500");
        assertThat(d.steps().get(0).note()).contains("500", "from the cross wallet to btc-long");
    }

    @Test
    void totalEquity_isUnchangedByTheTransfer_andItsStepsSayWhy() {
        Derivation before = Explainer.explain(account(), null, Figure.TOTAL_EQUITY);
        Derivation after = WhatIfExplainer.explain(account(), List.of(new Transfer.MarginTransfer("btc-long",
                new BigDecimal("500"))), null, Figure.TOTAL_EQUITY);
        // 10,000 + 1,200 + 0 before; 9,500 + 1,700 + 0 after
        assertThat(before.value()).isEqualByComparingTo("11200");
        assertThat(after.value()).isEqualByComparingTo("11200");
        for (Step s : after.steps()) {
            if (s.formula() != null) {
                Honesty.checkStep(s, "equity after");
            }
        }
    }

    @Test
    void aTransferBeyondItsBound_isRefusedWithTheBound() {
        assertThatThrownBy(() -> WhatIfExplainer.explain(account(), List.of(new Transfer.MarginTransfer("btc-long",
                new BigDecimal("20000"))), "btc-long", Figure.LIQUIDATION_PRICE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxAddableMargin");
    }
}
