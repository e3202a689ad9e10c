package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.ExprText;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.Venues;

/** Derivations of the Binance FAQ's worked cross example (margin-formulas.md §1.1). */
class ExplainerTest {
    private static Position btc() {
        return Position.builder().id("btc-long").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("109.488"))
                .entryPrice(new BigDecimal("32481.98")).markPrice(new BigDecimal("31967.27")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(new BigDecimal("0.025"), new BigDecimal("16300")))
                .build();
    }

    private static Position eth() {
        return Position.builder().id("eth-long").symbol("ETHUSDT").side(Side.LONG).quantity(new BigDecimal("3683.979"))
                .entryPrice(new BigDecimal("1456.84")).markPrice(new BigDecimal("1335.18")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(new BigDecimal("0.1"), new BigDecimal("135365")))
                .build();
    }

    private static Account faq() {
        return Account.of(Venues.byId("binance-usdm"), new BigDecimal("1535443.01"), List.of(btc(), eth()));
    }

    @Test
    void liquidationPrice_faqCross_showsTheOthersTermsAndTheSubstitutedEquation() {
        Derivation d = Explainer.explain(faq(), "btc-long", Figure.LIQUIDATION_PRICE);
        AccountRisk risk = MarginEngine.DEFAULT.evaluate(faq());

        Honesty.check(d, risk.position("btc-long").liquidationPrice(), "faq btc");
        assertThat(d.value()).isBetween(new BigDecimal("26316.885"), new BigDecimal("26316.895"));
        List<String> symbols = d.steps().stream().map(Step::symbol).toList();
        assertThat(symbols).contains("MM_eth-long", "UPNL_eth-long", "TMM_1", "UPNL_1", "W", "P_1", "P");
        Step tmm1 = d.steps().stream().filter(s -> "TMM_1".equals(s.symbol())).findFirst().orElseThrow();
        // FAQ: TMM1 = 3683.979 × 1335.18 × 10 % − 135,365 = 356,512.508122
        assertThat(tmm1.value()).isEqualByComparingTo("356512.508122");
        Step upnl1 = d.steps().stream().filter(s -> "UPNL_1".equals(s.symbol())).findFirst().orElseThrow();
        // FAQ: UPNL1 = 3683.979 × (1335.18 − 1456.84) = −448,192.88514
        assertThat(upnl1.value()).isEqualByComparingTo("-448192.88514");
        Step solve = d.steps().stream().filter(s -> "P_1".equals(s.symbol())).findFirst().orElseThrow();
        assertThat(ExprText.symbolic(solve.formula())).isEqualTo("(W + cum − s·B·EP) / (B·MMR − s·B)");
        assertThat(ExprText.readable(solve.formula(), 10)).isEqualTo(
                "(730737.6167 + 16300 − 1·109.488·32481.98) / (109.488·0.025 − 1·109.488)");
        assertThat(d.steps().get(d.steps().size() - 1).source()).isEqualTo("margin-formulas.md §1.1");
    }

    @Test
    void derivation_endsAtEveryFigureOfBothPositions_andTheAccount() {
        Account a = faq();
        AccountRisk risk = MarginEngine.DEFAULT.evaluate(a);
        for (String id : List.of("btc-long", "eth-long")) {
            for (Figure f : Figure.values()) {
                if (f.isAccount() || f == Figure.WALLET_TERM) {
                    continue;
                }
                Derivation d = Explainer.explain(a, id, f);
                Honesty.check(d, Explainer.positionValue(risk.position(id), f), id + " " + f.id());
            }
        }
        for (Figure f : Figure.values()) {
            if (f.isAccount()) {
                Honesty.check(Explainer.explain(a, null, f), Explainer.accountValue(risk, f), "account " + f.id());
            }
        }
    }

    @Test
    void explain_unknownPosition_isRefusedByName() {
        assertThatThrownBy(() -> Explainer.explain(faq(), "nope", Figure.NOTIONAL))
                .isInstanceOf(ValidationException.class).hasMessageContaining("positionId");
    }

    @Test
    void evaluation_withoutExplain_recordsNothing() {
        assertThat(Trace.active()).isNull();
        Explainer.explain(faq(), "btc-long", Figure.LIQUIDATION_PRICE);
        assertThat(Trace.active()).isNull();
    }
}
