package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.Ladder;
import org.marginlab.engine.sizing.LadderStep;
import org.marginlab.engine.sizing.PlannedFill;
import org.marginlab.engine.venue.VenueRules;

/**
 * The scale-in ladder's input rules, shared by {@code marginlab ladder} and the Planner tab's
 * ladder (plain Java, no JavaFX): what a typed fill must be, and where an engine error about a
 * step of the ladder belongs. Both accept and refuse the same fills; the command line words a
 * refusal with its options ({@code --fill: QTY and PRICE must be > 0 (fill 2) (got 0@5)}), the app
 * with the row's cell ({@code fill 2: price must be > 0 (got -1)}), both from the {@link Invalid}
 * thrown here.
 *
 * <p>A fill is a price, quote per base, &gt; 0, and either a quantity (base units, or contracts for
 * an inverse contract) or an amount in quote (USDT; USD for inverse), &gt; 0 ({@link PlannedFill}).
 */
public final class LadderInput {

    /** The part of a fill a rule is about. */
    public enum Part {
        PRICE("price"), QUANTITY("quantity"), AMOUNT("amount"), LEVERAGE("leverage"), INSTRUMENT("instrument");

        private final String word;

        Part(String word) {
            this.word = word;
        }

        /** @return the part as the app names it, e.g. {@code price} */
        public String word() {
            return word;
        }
    }

    /** The kind of rule a typed fill broke (the command line words each its own way). */
    public enum Kind {
        /** Nothing typed where a value is needed. */
        REQUIRED,
        /** Not a decimal number. */
        NOT_A_NUMBER,
        /** A number ≤ 0. */
        NOT_POSITIVE,
        /** A quantity and an amount both given. */
        BOTH,
        /** The position after the fill breaks a venue rule (the engine's). */
        VENUE
    }

    /**
     * A fill that breaks a rule.
     */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final int fill;
        private final Part part;
        private final Kind kind;
        private final String rule;
        private final String typed;

        Invalid(int fill, Part part, Kind kind, String rule, String typed) {
            super("fill " + fill + ": " + part.word() + " " + rule + " (got " + (typed == null ? "nothing" : typed) + ")");
            this.fill = fill;
            this.part = part;
            this.kind = kind;
            this.rule = rule;
            this.typed = typed;
        }

        /** @return the fill's number, from 1 */
        public int fill() {
            return fill;
        }

        /** @return which part of the fill (or the position after it) breaks the rule */
        public Part part() {
            return part;
        }

        /** @return the kind of rule */
        public Kind kind() {
            return kind;
        }

        /** @return the rule, e.g. {@code must be > 0} */
        public String rule() {
            return rule;
        }

        /** @return the offending value as typed (or as the engine states it), or null when nothing was typed */
        public String typed() {
            return typed;
        }
    }

    private final Function<String, BigDecimal> numbers;

    /**
     * @param numbers  reads a typed number: the command line's plain decimal, the app's locale
     *                 format; throws an {@link IllegalArgumentException} whose message (or
     *                 {@link ValidationException#rule()}) is the rule broken
     */
    public LadderInput(Function<String, BigDecimal> numbers) {
        this.numbers = numbers;
    }

    /**
     * Reads one typed fill.
     *
     * @param number    the fill's number, from 1
     * @param price     the typed price, quote per base
     * @param quantity  the typed quantity, or null/blank when an amount is given
     * @param amount    the typed amount in quote, or null/blank when a quantity is given
     * @return the planned fill; never null
     * @throws Invalid naming the fill, the part, the rule and the text
     */
    public PlannedFill fill(int number, String price, String quantity, String amount) {
        boolean hasQuantity = quantity != null && !quantity.isBlank();
        boolean hasAmount = amount != null && !amount.isBlank();
        if (hasQuantity && hasAmount) {
            throw new Invalid(number, Part.AMOUNT, Kind.BOTH, "must be left empty when a quantity is given", amount.strip());
        }
        if (!hasQuantity && !hasAmount) {
            throw new Invalid(number, Part.QUANTITY, Kind.REQUIRED, "is required (or an amount in quote)", null);
        }
        Part sizePart = hasAmount ? Part.AMOUNT : Part.QUANTITY;
        String sizeText = hasAmount ? amount : quantity;
        // both read before either is checked: a fill whose numbers do not read is refused as such
        BigDecimal size = number(number, sizePart, sizeText);
        BigDecimal p = number(number, Part.PRICE, price);
        positive(number, sizePart, size, sizeText);
        positive(number, Part.PRICE, p, price);
        return hasAmount ? PlannedFill.ofAmount(p, size) : PlannedFill.ofQuantity(p, size);
    }

    private BigDecimal number(int number, Part part, String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid(number, part, Kind.REQUIRED, "is required", null);
        }
        try {
            return numbers.apply(text);
        } catch (ValidationException e) {
            throw new Invalid(number, part, Kind.NOT_A_NUMBER, e.rule(), text.strip());
        } catch (IllegalArgumentException e) {
            throw new Invalid(number, part, Kind.NOT_A_NUMBER, e.getMessage(), text.strip());
        }
    }

    private static void positive(int number, Part part, BigDecimal v, String text) {
        if (v.signum() <= 0) {
            throw new Invalid(number, part, Kind.NOT_POSITIVE, "must be > 0", text.strip());
        }
    }

    /**
     * Plans the ladder ({@link Ladder#plan}) and puts an engine error about one step on that fill:
     * {@code fills[1].leverage: must be ≤ 100x…} becomes fill 2's {@link Part#LEVERAGE}; a position
     * above the tier table's last cap ({@code fills[i].quantity}) the fill's {@link Part#QUANTITY}
     * (with the engine's quantity as the value); any other step error the fill's
     * {@link Part#INSTRUMENT}.
     *
     * @param venue     the rules, not null
     * @param template  the position to build (instrument, side, leverage, mode), not null
     * @param wallet    the cross wallet for a cross template, settlement currency; null when isolated
     * @param fills     the fills in order, at least one
     * @return one step per fill; never null
     * @throws Invalid when a step breaks a venue rule
     * @throws ValidationException for an error not about one step (as the engine throws it)
     */
    public static List<LadderStep> plan(VenueRules venue, Position template, BigDecimal wallet, List<PlannedFill> fills) {
        try {
            return new Ladder(venue).plan(template, wallet, new ArrayList<>(fills));
        } catch (ValidationException e) {
            int index = stepOf(e);
            if (index < 0) {
                throw e;
            }
            Part part = e.field().equals("leverage") ? Part.LEVERAGE
                    : e.field().equals("quantity") ? Part.QUANTITY : Part.INSTRUMENT;
            String rule = part == Part.QUANTITY ? "of the position after it (" + e.value() + ") " + e.rule() : e.rule();
            Invalid r = new Invalid(index + 1, part, Kind.VENUE, rule, e.value());
            r.initCause(e);
            throw r;
        }
    }

    /**
     * @param e  an error of {@link Ladder#plan}
     * @return the 0-based step it is located in ({@code fills[i]…}), or −1
     */
    public static int stepOf(ValidationException e) {
        String path = e.path();
        if (!path.startsWith("fills[")) {
            return -1;
        }
        return Integer.parseInt(path.substring("fills[".length(), path.indexOf(']')));
    }
}
