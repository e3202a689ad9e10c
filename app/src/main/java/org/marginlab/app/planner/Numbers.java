package org.marginlab.app.planner;

import java.math.BigDecimal;

import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.ValidationException;

/**
 * How the planner reads a typed number: the command line reads plain decimals ({@code 60000.5},
 * {@link Decimals#parse}), the app the numbers of the chosen number format ({@code 60.000,5} in
 * German, {@link DecimalInput}). Everything after the number is read is the same function for both.
 */
@FunctionalInterface
public interface Numbers {

    /** Plain decimals, as the command line and workspace files write them. */
    Numbers PLAIN = Decimals::parse;

    /**
     * @param text   the typed text, may be null
     * @param field  the field's name for the error, not null
     * @return the exact value, never null
     * @throws ValidationException ({@code field}) if the text is missing or not a number
     */
    BigDecimal parse(String text, String field);

    /**
     * @param input  the app's number reader for the chosen format, not null
     * @return numbers as the user types them in the app, with the reader's rules as the errors
     */
    static Numbers typed(DecimalInput input) {
        return (text, field) -> {
            try {
                return input.parse(text);
            } catch (DecimalInput.InputException e) {
                String got = text == null || text.isBlank() ? null : text.strip();
                throw new ValidationException(field, e.getMessage(), got);
            }
        };
    }
}
