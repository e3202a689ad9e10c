package org.marginlab.app.planner;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * The planner's input rules, shared by {@code marginlab size}/{@code max-open}/{@code target} and
 * the Planner tab: each names the field it reads ({@code --entry: must be > 0 (got 0)}; the tab
 * shows the same rule at its field, {@link PlanField}).
 */
public final class PlanInputs {
    private PlanInputs() {
    }

    /** A decimal &gt; 0. */
    public static BigDecimal positive(Numbers numbers, String text, String field) {
        BigDecimal v = numbers.parse(text, field);
        if (v.signum() <= 0) {
            throw new ValidationException(field, "must be > 0", v);
        }
        return v;
    }

    /** A decimal ≥ 0. */
    public static BigDecimal notNegative(Numbers numbers, String text, String field) {
        BigDecimal v = numbers.parse(text, field);
        if (v.signum() < 0) {
            throw new ValidationException(field, "must be ≥ 0", v);
        }
        return v;
    }

    /** {@code long} or {@code short}. */
    public static Side side(String text, String field) {
        try {
            return Side.parse(text);
        } catch (ValidationException e) {
            throw new ValidationException(field, e.rule(), e.value());
        }
    }

    /** {@code isolated} or {@code cross}. */
    public static MarginMode marginMode(String text, String field) {
        try {
            return MarginMode.parse(text);
        } catch (ValidationException e) {
            throw new ValidationException(field, e.rule(), e.value());
        }
    }

    /** Linear or inverse (the planner's arithmetic covers these two). */
    public static ContractType contract(String text, String field) {
        ContractType type;
        try {
            type = ContractType.parse(text);
        } catch (ValidationException e) {
            throw new ValidationException(field, "must be linear or inverse", e.value());
        }
        if (type == ContractType.QUANTO) {
            throw new ValidationException(field, "must be linear or inverse", text);
        }
        return type;
    }

    /** A rule set by id, e.g. {@code binance-usdm} or {@code kucoin@2025-05-22}. */
    public static VenueRules venue(String id, String field) {
        try {
            return Venues.byId(id);
        } catch (ValidationException e) {
            throw new ValidationException(field, e.rule(), e.value());
        }
    }

    /**
     * The side a stop implies: below the entry a long, above it a short.
     *
     * @throws ValidationException ({@code stopField}) if the stop equals the entry
     */
    public static Side sideOfStop(BigDecimal entryPrice, BigDecimal stopPrice, String stopField) {
        int c = stopPrice.compareTo(entryPrice);
        if (c == 0) {
            throw new ValidationException(stopField, "must differ from the entry price "
                    + entryPrice.stripTrailingZeros().toPlainString(), stopPrice);
        }
        return c < 0 ? Side.LONG : Side.SHORT;
    }

    /**
     * The risk: {@code 1%} of the balance, or an amount ({@code 100}); &gt; 0 and ≤ the balance.
     *
     * @param text     the typed risk, not null
     * @param balance  the account size, &gt; 0
     * @return the risk amount, settlement currency
     */
    public static BigDecimal riskAmount(Numbers numbers, String text, BigDecimal balance, String field) {
        String t = text == null ? "" : text.strip();
        BigDecimal amount;
        if (t.endsWith("%")) {
            BigDecimal pct;
            try {
                pct = numbers.parse(t.substring(0, t.length() - 1).strip(), field);
            } catch (ValidationException e) {
                throw new ValidationException(field, "must be a percentage (1%) or an amount (100)", text);
            }
            if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new ValidationException(field, "must be > 0% and ≤ 100% of the balance", text);
            }
            amount = balance.multiply(pct).movePointLeft(2);
        } else {
            try {
                amount = numbers.parse(t, field);
            } catch (ValidationException e) {
                throw new ValidationException(field, "must be a percentage (1%) or an amount (100)",
                        text == null || text.isBlank() ? null : text);
            }
            if (amount.signum() <= 0) {
                throw new ValidationException(field, "must be > 0", text);
            }
            if (amount.compareTo(balance) > 0) {
                throw new ValidationException(field, "must be ≤ the balance " + balance.stripTrailingZeros().toPlainString(),
                        text);
            }
        }
        return amount;
    }

    /**
     * The taker fee rate: the given one, else the venue's default; a venue without one (its
     * default is 0: MarginLab has no sourced rate) needs it given.
     */
    public static BigDecimal takerFee(BigDecimal given, VenueRules venue, String field) {
        if (given != null) {
            return given;
        }
        BigDecimal d = venue.defaultTakerFeeRate();
        if (d == null || d.signum() <= 0) {
            throw new ValidationException(field, "is required on " + venue.id()
                    + ": MarginLab has no default taker rate for it (give the rate, e.g. 0.0005 = 0.05 %)", null);
        }
        return d;
    }

    /**
     * Re-throws an engine error under the field the user typed: {@code entryPrice} → {@code --entry}.
     *
     * @param e        the engine's error
     * @param renames  pairs: engine field, planner field
     * @return the renamed error (the original if its field is not listed), to throw
     */
    public static ValidationException renamed(ValidationException e, String... renames) {
        for (int i = 0; i + 1 < renames.length; i += 2) {
            if (e.field().equals(renames[i])) {
                ValidationException r = new ValidationException(renames[i + 1], e.rule(), e.value());
                r.setStackTrace(e.getStackTrace());
                return r;
            }
        }
        return e;
    }
}
