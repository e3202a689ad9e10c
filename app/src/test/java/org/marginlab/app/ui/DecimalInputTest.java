package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.app.workspace.Decimals;

class DecimalInputTest {
    private final DecimalInput us = new DecimalInput(Locale.US);
    private final DecimalInput de = new DecimalInput(Locale.GERMANY);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "60000|60000", "0.5|0.5", "  59000.25 |59000.25", "12,345.67|12345.67", "-5|-5", ".5|0.5",
            "60000.00|60000.00", "1 000|1000", "−3|-3"})
    void parse_us_exact(String typed, String expected) {
        assertThat(us.parse(typed)).isEqualByComparingTo(new BigDecimal(expected));
        assertThat(us.parse(typed).scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0,5|0.5", "12.345,67|12345.67", "60000|60000"})
    void parse_german_exact(String typed, String expected) {
        assertThat(de.parse(typed)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|must be a number", "1.2.3|must be a number", "60000 USDT|must be a number without a unit", "20x|must be a number without a unit",
            "5e4|must not use exponent notation", "5.9E+4|must not use exponent notation",
            "NaN|must be a number", "Infinity|must be a number", "--1|must be a number",
            "1,5|must be a number (use '.' for decimals)", "12 34|must be a number",
            "1234567890123456789012345678901|must have at most 30 digits before and 30 after the decimal point"})
    void parse_rejectsWithTheRule(String typed, String rule) {
        assertThatThrownBy(() -> us.parse(typed)).isInstanceOf(DecimalInput.InputException.class).hasMessage(rule);
    }

    /**
     * Issue "Nothing lost, nothing frozen": one set of limits. The window refused a
     * 19-significant-digit quantity that a workspace file and the command line accept; now each
     * of these is accepted or refused by both, by the same rule (digits before and after the point).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234567890.123456789|true", "0.1234567890123456789012345|true",
            "123456789012345678901234567890|true", "1234567890123456789012345678901|false",
            "0.123456789012345678901234567890|true", "0.1234567890123456789012345678901|false",
            "123456789012345678901234567890.123456789012345678901234567890|true"})
    void theWindowAndTheFile_acceptAndRefuseTheSameNumbers(String typed, boolean accepted) {
        boolean window;
        try {
            assertThat(us.parse(typed)).isEqualByComparingTo(new BigDecimal(typed));
            window = true;
        } catch (DecimalInput.InputException e) {
            assertThat(e).hasMessage("must have at most 30 digits before and 30 after the decimal point");
            window = false;
        }
        boolean file;
        try {
            org.marginlab.app.workspace.Decimals.parse(typed, "quantity");
            file = true;
        } catch (org.marginlab.engine.ValidationException e) {
            assertThat(e).hasMessageStartingWith("quantity: must have at most 30 digits before and 30 after the decimal point");
            file = false;
        }
        assertThat(window).as("the window accepts " + typed).isEqualTo(accepted);
        assertThat(file).as("the file accepts " + typed).isEqualTo(accepted);
    }

    @org.junit.jupiter.api.Test
    void parse_german_rejectsDotAsDecimal() {
        assertThatThrownBy(() -> de.parse("0.5")).hasMessage("must be a number (use ',' for decimals)");
    }

    @org.junit.jupiter.api.Test
    void parse_swiss_takesTheKeyboardApostropheAsGrouping() {
        DecimalInput ch = new DecimalInput(java.util.Locale.forLanguageTag("de-CH"));
        assertThat(ch.parse("58'500.25")).isEqualByComparingTo("58500.25");
        assertThat(ch.parse("58\u2019500.25")).isEqualByComparingTo("58500.25");
        assertThatThrownBy(() -> ch.parse("5'85")).hasMessage("must be a number");
        // elsewhere an apostrophe is no separator
        assertThatThrownBy(() -> us.parse("58'500")).hasMessage("must be a number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '"})
    void parse_emptyIsRequired(String typed) {
        assertThatThrownBy(() -> us.parse(typed)).hasMessage("is required");
        assertThatThrownBy(() -> us.parse(null)).hasMessage("is required");
    }

    /** The digit limits are declared in ui (which uses no other app package) and must stay the file's. */
    @Test
    void digitLimitsAreTheWorkspaceFilesLimits() {
        assertThat(DecimalInput.MAX_INTEGER_DIGITS).isEqualTo(Decimals.MAX_INTEGER_DIGITS);
        assertThat(DecimalInput.MAX_FRACTION_DIGITS).isEqualTo(Decimals.MAX_FRACTION_DIGITS);
    }
}
