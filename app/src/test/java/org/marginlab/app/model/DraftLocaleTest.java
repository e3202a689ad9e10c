package org.marginlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;

class DraftLocaleTest {
    private final DraftLocale germanToEnglish = new DraftLocale(new DecimalInput(Locale.GERMANY), new Formats(Locale.US));
    private final DraftLocale englishToSwiss = new DraftLocale(new DecimalInput(Locale.US),
            new Formats(Locale.forLanguageTag("de-CH")));

    @Test
    void aNumberKeepsItsValue_inTheNewFormat() {
        assertThat(germanToEnglish.number("58.500")).isEqualTo("58500");
        assertThat(germanToEnglish.number("0,005")).isEqualTo("0.005");
        assertThat(germanToEnglish.number("−1.234,50")).isEqualTo("-1234.50");
        assertThat(englishToSwiss.number("1,234.5")).isEqualTo("1234.5");
    }

    @Test
    void textThatIsNoNumber_staysAsTyped() {
        assertThat(germanToEnglish.number("58.5")).isEqualTo("58.5");
        assertThat(germanToEnglish.number("")).isEmpty();
        assertThat(germanToEnglish.number("abc")).isEqualTo("abc");
    }

    @Test
    void theWholeDraft_walletShockAndWhatIfsIncluded() {
        Draft d = new Draft("W", "binance-usdm", "1.000,5", List.of(), "−17,5", null,
                List.of(new PendingTransfer("a", PendingTransfer.Kind.MARGIN, "250,25"),
                        new PendingTransfer("b", PendingTransfer.Kind.MODE, "isolated:1.000"),
                        new PendingTransfer("c", PendingTransfer.Kind.MODE, "cross")));
        Draft e = germanToEnglish.convert(d);
        assertThat(e.walletText()).isEqualTo("1000.5");
        assertThat(e.shockText()).isEqualTo("-17.5");
        assertThat(e.pending()).extracting(PendingTransfer::text).containsExactly("250.25", "isolated:1000", "cross");
    }
}
