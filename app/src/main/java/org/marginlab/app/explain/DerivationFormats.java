package org.marginlab.app.explain;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.ExprText;
import org.marginlab.engine.derivation.Step;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * The written forms of a {@link Derivation}: plain text, Markdown, LaTeX and JSON. The Explain
 * panel's Copy menu and {@code marginlab explain} both use them, so both print the same.
 * Values are rounded for reading only ({@link #value(Step)}: as the app shows that kind of
 * figure, explicit {@link RoundingMode}); JSON carries every value at full precision and the
 * exact substituted formula.
 *
 * <p>Plain Java, no JavaFX. Immutable and thread-safe.
 */
public final class DerivationFormats {
    /** Significant digits of each value in the readable substituted formula. */
    public static final int DIGITS = 10;
    /** Currencies whose amounts the app shows with 2 decimals (others, coins, with 8). */
    private static final Set<String> CASH = Set.of("USDT", "USD", "USDC", "BUSD", "FDUSD");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final Formats formats;

    /** @param formats  the number formats (the app's locale; {@link Locale#ROOT} on the command line), not null */
    public DerivationFormats(Formats formats) {
        this.formats = java.util.Objects.requireNonNull(formats, "formats");
    }

    /** @return the formats of the command line (grouping with commas, a point for decimals) */
    public static DerivationFormats root() {
        return new DerivationFormats(new Formats(Locale.ROOT));
    }

    /**
     * A step's value as the app shows that kind of figure: a price ({@link #isPrice}) to at least
     * 5 significant digits, half-up ({@code 26,316.89 USDT}); an amount of a cash currency
     * to 2 decimals and of a coin to 8, half-up; a ratio or count (no unit) to
     * {@link #DIGITS} significant digits, half-even, plain.
     *
     * @param step  a step, not null
     * @return the text, or empty for a step without a value
     */
    public String value(Step step) {
        if (step.value() == null) {
            return "";
        }
        return isPrice(step.symbol()) ? price(step.value(), step.unit()) : value(step.value(), step.unit());
    }

    /**
     * @param symbol  a step's symbol, or null
     * @return whether it names a price (the engine's unit of a linear price is the settlement
     *         currency, so the symbol tells a price from an amount): {@code P}, {@code P_1},
     *         {@code P_bk}, {@code P_shown}, {@code EP}, {@code mark}, {@code tick}
     */
    static boolean isPrice(String symbol) {
        return symbol != null && (symbol.equals("P") || symbol.startsWith("P_") || symbol.equals("EP")
                || symbol.equals("mark") || symbol.equals("tick"));
    }

    private String price(BigDecimal v, String unit) {
        return formats.price(v, RoundingMode.HALF_UP) + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * @param v     a value, not null
     * @param unit  its unit as a {@link Step} gives it
     * @return the value formatted as {@link #value(Step)} does
     */
    public String value(BigDecimal v, String unit) {
        if (unit.isEmpty()) {
            return ExprText.number(v, DIGITS);
        }
        if (unit.contains(" per ")) {
            return price(v, unit);
        }
        if (!CASH.contains(unit) && !unit.matches("[A-Z]{2,6}")) {
            // a count in units such as "base units" or "contracts": as many decimals as it has
            return formats.editable(v, 12) + " " + unit;
        }
        return formats.amount(v, unit, CASH.contains(unit) ? 2 : 8);
    }

    /**
     * @param d  a derivation
     * @return the figure's value as the results show it (a price after its tick rounding), or
     *         "none" when the figure does not exist
     */
    public String figureValue(Derivation d) {
        if (d.value() == null) {
            return "none";
        }
        Step last = d.shown() != null ? d.shown() : d.steps().isEmpty() ? null : d.steps().get(d.steps().size() - 1);
        BigDecimal v = d.shown() != null ? d.shown().value() : d.value();
        String unit = last == null ? "" : last.unit();
        if (unit.isEmpty() && d.figure().id().matches("roe|marginRatio|distanceToLiquidation|accountMarginRatio")) {
            return formats.percent(v);
        }
        if (unit.isEmpty() && d.figure().id().equals("effectiveLeverage")) {
            return formats.leverage(v);
        }
        return d.figure().isPrice() ? price(v, unit) : value(v, unit);
    }

    /** @return the steps in display order: the derivation's, then the display rounding if any */
    public static List<Step> allSteps(Derivation d) {
        List<Step> out = new ArrayList<>(d.steps());
        if (d.shown() != null) {
            out.add(d.shown());
        }
        return out;
    }

    /** @return a one-line title: "Liquidation price of btc-long = 26,316.89 USDT per BTC (binance-usdm@…)" */
    public String title(Derivation d) {
        return d.figure().term() + (d.positionId() == null ? " of the account" : " of " + d.positionId()) + " = "
                + figureValue(d) + " (" + d.ruleSet() + ")";
    }

    /**
     * Plain text: the title, then one block a step ("1. term", "   symbol = symbolic",
     * "   = substituted", "   = value", "   source; note").
     *
     * @param d  a derivation, not null
     * @return the text, ending with a line break
     */
    public String text(Derivation d) {
        StringBuilder b = new StringBuilder(title(d)).append('\n');
        int i = 1;
        for (Step s : allSteps(d)) {
            b.append('\n').append(i++).append(". ").append(s.term()).append('\n');
            if (s.formula() != null) {
                b.append("   ").append(s.symbol()).append(" = ").append(ExprText.symbolic(s.formula())).append('\n');
                b.append("   = ").append(ExprText.readable(s.formula(), DIGITS)).append('\n');
            }
            if (s.value() != null) {
                b.append("   = ").append(value(s)).append('\n');
            }
            b.append("   ").append(s.source());
            if (!s.note().isEmpty()) {
                b.append("; ").append(s.note());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * Markdown: a heading, then a numbered list, one item a step:
     * {@code **term** `symbol = symbolic` = readable = value unit — *source*, note}.
     *
     * @param d  a derivation, not null
     * @return the Markdown, ending with a line break
     */
    public String markdown(Derivation d) {
        StringBuilder b = new StringBuilder("### ").append(title(d)).append("\n\n");
        int i = 1;
        for (Step s : allSteps(d)) {
            b.append(i++).append(". **").append(s.term()).append("**");
            if (s.formula() != null) {
                b.append(" `").append(s.symbol()).append(" = ").append(ExprText.symbolic(s.formula())).append("` = ")
                        .append(ExprText.readable(s.formula(), DIGITS));
            }
            if (s.value() != null) {
                b.append(" = ").append(value(s));
            }
            b.append(" — *").append(s.source()).append('*');
            if (!s.note().isEmpty()) {
                b.append(", ").append(s.note());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * LaTeX: an {@code align*} block, one line a step:
     * {@code \text{term} && symbol &= symbolic = substituted = value \\}; a step without a
     * formula is its term and note as text.
     *
     * @param d  a derivation, not null
     * @return the LaTeX, ending with a line break
     */
    public String latex(Derivation d) {
        StringBuilder b = new StringBuilder("% ").append(title(d)).append('\n').append("\\begin{align*}\n");
        List<Step> steps = allSteps(d);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            b.append("  \\text{").append(tex(s.term())).append("} && ");
            if (s.formula() != null) {
                b.append(ExprText.latexSymbol(s.symbol())).append(" &= ").append(ExprText.latex(s.formula()))
                        .append(" = ").append(ExprText.latexValues(s.formula(), DIGITS));
                if (s.value() != null) {
                    b.append(" = ").append(ExprText.number(s.value(), DIGITS));
                    if (!s.unit().isEmpty()) {
                        b.append("\\ \\text{").append(tex(s.unit())).append('}');
                    }
                }
            } else {
                b.append("&\\text{").append(tex(s.note())).append('}');
            }
            b.append(i == steps.size() - 1 ? "\n" : " \\\\\n");
        }
        return b.append("\\end{align*}\n").toString();
    }

    /**
     * JSON: {@code positionId}, {@code figure}, {@code ruleSet}, {@code value} (full precision,
     * null when the figure does not exist), {@code shown}, and {@code steps}, each with
     * {@code term, symbol, formula, substituted} (exact, evaluator syntax), {@code readable,
     * latex, value, unit, source, note}; null where a step has none.
     *
     * @param d  a derivation, not null
     * @return the JSON document, pretty-printed, ending with a line break
     */
    public String json(Derivation d) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeStringField("positionId", d.positionId());
            g.writeStringField("figure", d.figure().id());
            g.writeStringField("term", d.figure().term());
            g.writeStringField("ruleSet", d.ruleSet());
            number(g, "value", d.value());
            number(g, "shown", d.shown() == null ? null : d.shown().value());
            g.writeArrayFieldStart("steps");
            for (Step s : allSteps(d)) {
                g.writeStartObject();
                g.writeStringField("term", s.term());
                g.writeStringField("symbol", s.symbol());
                g.writeStringField("formula", s.formula() == null ? null : ExprText.symbolic(s.formula()));
                g.writeStringField("substituted", s.formula() == null ? null : ExprText.substituted(s.formula()));
                g.writeStringField("readable", s.formula() == null ? null : ExprText.readable(s.formula(), DIGITS));
                g.writeStringField("latex", s.formula() == null ? null : ExprText.latex(s.formula()));
                number(g, "value", s.value());
                g.writeStringField("unit", s.unit());
                g.writeStringField("source", s.source());
                g.writeStringField("note", s.note());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static void number(JsonGenerator g, String name, BigDecimal v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    /** Escapes LaTeX's special characters in text. */
    static String tex(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '%', '$', '&', '#', '_' -> b.append('\\').append(c);
                case '^' -> b.append("\\^{}");
                case '~' -> b.append("\\~{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
