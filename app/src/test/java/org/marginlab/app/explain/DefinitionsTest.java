package org.marginlab.app.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.explain.Explainer;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;

/** Every symbol the engine's steps use on the bundled samples has a definition. */
class DefinitionsTest {

    @Test
    void everySymbolOfEveryFigureOfEverySample_isDefined() {
        int checked = 0;
        for (String sample : Samples.names()) {
            AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
            account.load(Samples.open(sample));
            var shocked = account.evaluation().shocked();
            if (shocked == null) {
                continue;
            }
            for (Figure f : Figure.values()) {
                List<String> ids = f.isAccount() ? java.util.Collections.singletonList(null)
                        : shocked.positions().stream().map(org.marginlab.engine.Position::id).toList();
                for (String id : ids) {
                    Derivation d = Explainer.explain(shocked, id, f);
                    for (Step s : DerivationFormats.allSteps(d)) {
                        if (s.symbol() != null) {
                            assertThat(Definitions.of(s.symbol())).as(sample + " " + f.id() + " " + s.symbol()).isNotEmpty();
                            assertThat(Definitions.of(s)).as(sample + " " + s.term()).isNotEmpty();
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void positionSubscript_isDefinedByItsBase_andTermsGetSubscriptDigits() {
        assertThat(Definitions.of("MM_eth-long")).startsWith("MM — maintenance margin").endsWith("Here of eth-long.");
        assertThat(Definitions.of("P_2")).startsWith("Pₖ — a solve of the liquidation equation");
        assertThat(Definitions.of("cum")).contains("maintenance amount: the tier's fixed deduction");
        assertThat(ExplainPane.subscripts("Re-check at P_12, leg 1")).isEqualTo("Re-check at P₁₂, leg 1");
    }
}
