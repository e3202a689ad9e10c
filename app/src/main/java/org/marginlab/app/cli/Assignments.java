package org.marginlab.app.cli;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.ValidationException;

/**
 * Parses repeated {@code ID=VALUE} options such as {@code --add-margin btc-long=500}.
 */
final class Assignments {
    private Assignments() {
    }

    /**
     * @param option  the option's name for messages, e.g. {@code --mark}
     * @param what    what the value is, e.g. {@code PRICE}
     * @param specs   the raw option values, may be null
     * @return position id → value, in the order given; never null
     * @throws ValidationException naming the option if a value is not {@code ID=DECIMAL} or an
     *         id repeats
     */
    static Map<String, BigDecimal> parse(String option, String what, List<String> specs) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (specs == null) {
            return result;
        }
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new ValidationException(option, "must be ID=" + what, spec);
            }
            String id = spec.substring(0, eq).strip();
            String number = spec.substring(eq + 1);
            BigDecimal value;
            try {
                value = Decimals.parse(number, option);
            } catch (ValidationException e) {
                throw new ValidationException(option, what + " " + e.rule(), spec);
            }
            if (result.put(id, value) != null) {
                throw new ValidationException(option, "must name each position at most once", spec);
            }
        }
        return result;
    }

    /**
     * Parses repeated {@code --mode ID=isolated[:MARGIN]|cross} options.
     *
     * @param option  the option's name for messages
     * @param specs   the raw option values, may be null
     * @return position id → {@code isolated}, {@code isolated:MARGIN} or {@code cross}, in the
     *         order given; never null
     * @throws ValidationException naming the option if a value is not of that form or an id repeats
     */
    static Map<String, String> parseModes(String option, List<String> specs) {
        Map<String, String> result = new LinkedHashMap<>();
        if (specs == null) {
            return result;
        }
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new ValidationException(option, "must be ID=isolated[:MARGIN] or ID=cross", spec);
            }
            String id = spec.substring(0, eq).strip();
            String mode = spec.substring(eq + 1).strip();
            if (mode.startsWith("isolated:")) {
                BigDecimal margin;
                try {
                    margin = Decimals.parse(mode.substring("isolated:".length()), option);
                } catch (ValidationException e) {
                    throw new ValidationException(option, "MARGIN " + e.rule(), spec);
                }
                if (margin.signum() <= 0) {
                    throw new ValidationException(option, "MARGIN must be > 0", spec);
                }
                mode = "isolated:" + margin.toPlainString();
            } else if (!mode.equals("isolated") && !mode.equals("cross")) {
                throw new ValidationException(option, "must be ID=isolated[:MARGIN] or ID=cross", spec);
            }
            if (result.put(id, mode) != null) {
                throw new ValidationException(option, "must name each position at most once", spec);
            }
        }
        return result;
    }
}
