package org.marginlab.engine.derivation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The written forms of an {@link Expr}: symbolic (symbols), substituted (the user's numbers, in
 * full or rounded for reading), and LaTeX of either. The exact substituted form is plain
 * arithmetic that any expression evaluator reads ({@code *}, {@code /}, {@code -},
 * {@code ABS()}, {@code MIN()}, {@code MAX()}, numbers in plain notation): the honesty test
 * re-evaluates it with an independent evaluator.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExprText {
    /** Symbols written in LaTeX other than as upright letters with a subscript. */
    private static final Map<String, String> LATEX_SYMBOLS = Map.of(
            "sigma", "\\sigma",
            "Delta", "\\Delta",
            "s", "s",
            "P", "P",
            "W", "W",
            "k", "k");

    private ExprText() {
    }

    /**
     * @param e  a formula, not null
     * @return the formula in symbols, e.g. {@code (W + cum − s·B·EP) / (B·(MMR + f) − s·B)}
     */
    public static String symbolic(Expr e) {
        return plain(e, Mode.SYMBOLS, 0);
    }

    /**
     * @param e  a formula, not null
     * @return the formula with every value in full, in evaluator syntax, e.g.
     *         {@code (1000 + 0 - 1*0.5*30000) / (0.5*0.004 - 1*0.5)}
     */
    public static String substituted(Expr e) {
        return plain(e, Mode.EXACT, 0);
    }

    /**
     * @param e       a formula, not null
     * @param digits  significant digits of each value, &gt; 0
     * @return the formula with every value rounded to {@code digits} significant digits
     *         ({@link RoundingMode#HALF_EVEN}) for reading, in the symbolic form's notation
     */
    public static String readable(Expr e, int digits) {
        return plain(e, new Mode(false, false, new MathContext(digits, RoundingMode.HALF_EVEN)), 0);
    }

    /**
     * @param e  a formula, not null
     * @return the symbolic form as LaTeX ({@code \frac}, {@code \cdot}, subscripts)
     */
    public static String latex(Expr e) {
        return tex(e, null, 0);
    }

    /**
     * @param e       a formula, not null
     * @param digits  significant digits of each value, &gt; 0
     * @return the substituted form as LaTeX, values rounded as {@link #readable}
     */
    public static String latexValues(Expr e, int digits) {
        return tex(e, new MathContext(digits, RoundingMode.HALF_EVEN), 0);
    }

    /**
     * @param symbol  a symbol in the plain notation ({@code TMM_1}, {@code MMR}, {@code sigma})
     * @return it in LaTeX ({@code \mathrm{TMM}_{1}}, {@code \mathrm{MMR}}, {@code \sigma})
     */
    public static String latexSymbol(String symbol) {
        int u = symbol.indexOf('_');
        String base = u < 0 ? symbol : symbol.substring(0, u);
        String sub = u < 0 ? null : symbol.substring(u + 1);
        String b = LATEX_SYMBOLS.getOrDefault(base, base.length() == 1 ? base : "\\mathrm{" + base + "}");
        return sub == null ? b : b + "_{" + (LATEX_SYMBOLS.containsKey(sub) ? LATEX_SYMBOLS.get(sub) : "\\mathrm{" + sub.replace("_", "\\_") + "}") + "}";
    }

    /**
     * @param value   a value, not null
     * @param digits  significant digits, &gt; 0
     * @return the value rounded to {@code digits} significant digits, plain notation, no
     *         trailing zeros
     */
    public static String number(BigDecimal value, int digits) {
        return plainNumber(value.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    private record Mode(boolean symbols, boolean exact, MathContext round) {
        static final Mode SYMBOLS = new Mode(true, false, null);
        static final Mode EXACT = new Mode(false, true, null);
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Op op) {
            return switch (op.kind()) {
                case ADD, SUB -> 1;
                case MUL, DIV -> 2;
                case NEG -> 3;
                case ABS, MIN, MAX, CEILING, FLOOR, SQRT -> 4;
            };
        }
        if (e instanceof Expr.Num n && n.value().signum() < 0) {
            return 3;
        }
        return 4;
    }

    private static String plain(Expr e, Mode mode, int outer) {
        String s;
        if (e instanceof Expr.Num n) {
            s = number(n.value(), mode);
            return n.value().signum() < 0 && outer > 0 ? "(" + s + ")" : s;
        } else if (e instanceof Expr.Sym y) {
            if (mode.symbols) {
                return y.symbol();
            }
            s = number(y.value(), mode);
            return y.value().signum() < 0 && outer > 0 ? "(" + s + ")" : s;
        } else {
            Expr.Op op = (Expr.Op) e;
            String minus = mode.exact ? " - " : " − ";
            String times = mode.exact ? "*" : "·";
            List<Expr> a = op.args();
            s = switch (op.kind()) {
                case ADD -> addPlain(a, mode, minus);
                case SUB -> plain(a.get(0), mode, 1) + minus + plain(a.get(1), mode, 2);
                case MUL -> join(a, times, mode, 2, 2);
                case DIV -> plain(a.get(0), mode, 2) + " / " + plain(a.get(1), mode, 3);
                case NEG -> (mode.exact ? "-" : "−") + plain(a.get(0), mode, 3);
                case ABS -> mode.exact ? "ABS(" + plain(a.get(0), mode, 0) + ")" : "|" + plain(a.get(0), mode, 0) + "|";
                case MIN -> (mode.exact ? "MIN(" : "min(") + join(a, ", ", mode, 0, 0) + ")";
                case MAX -> (mode.exact ? "MAX(" : "max(") + join(a, ", ", mode, 0, 0) + ")";
                case CEILING -> mode.exact ? "CEILING(" + plain(a.get(0), mode, 0) + ")" : "⌈" + plain(a.get(0), mode, 0) + "⌉";
                case FLOOR -> mode.exact ? "FLOOR(" + plain(a.get(0), mode, 0) + ")" : "⌊" + plain(a.get(0), mode, 0) + "⌋";
                case SQRT -> (mode.exact ? "SQRT(" : "√(") + plain(a.get(0), mode, 0) + ")";
            };
        }
        return precedence(e) < outer || (outer == 3 && precedence(e) < 4 && e instanceof Expr.Op)
                ? "(" + s + ")" : s;
    }

    private static boolean negated(Expr e) {
        return e instanceof Expr.Op o && o.kind() == Expr.Kind.NEG;
    }

    private static String addPlain(List<Expr> args, Mode mode, String minus) {
        StringBuilder b = new StringBuilder(plain(args.get(0), mode, 1));
        for (int i = 1; i < args.size(); i++) {
            Expr t = args.get(i);
            b.append(negated(t) ? minus + plain(((Expr.Op) t).args().get(0), mode, 2) : " + " + plain(t, mode, 1));
        }
        return b.toString();
    }

    private static String join(List<Expr> args, String sep, Mode mode, int firstOuter, int outer) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(plain(args.get(i), mode, i == 0 ? firstOuter : Math.max(outer, firstOuter)));
        }
        return b.toString();
    }

    private static String number(BigDecimal v, Mode mode) {
        if (mode.exact) {
            return v.toPlainString();
        }
        String s = plainNumber(mode.round == null ? v : v.round(mode.round));
        return s.replace('-', '−');
    }

    private static String plainNumber(BigDecimal v) {
        BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String tex(Expr e, MathContext values, int outer) {
        String s;
        if (e instanceof Expr.Num n) {
            s = texNumber(n.value(), values);
            return n.value().signum() < 0 && outer > 0 ? "\\left(" + s + "\\right)" : s;
        } else if (e instanceof Expr.Sym y) {
            if (values == null) {
                return latexSymbol(y.symbol());
            }
            s = texNumber(y.value(), values);
            return y.value().signum() < 0 && outer > 0 ? "\\left(" + s + "\\right)" : s;
        }
        Expr.Op op = (Expr.Op) e;
        List<Expr> a = op.args();
        s = switch (op.kind()) {
            case ADD -> {
                StringBuilder b = new StringBuilder(tex(a.get(0), values, 1));
                for (int i = 1; i < a.size(); i++) {
                    Expr t = a.get(i);
                    b.append(negated(t) ? " - " + tex(((Expr.Op) t).args().get(0), values, 2) : " + " + tex(t, values, 1));
                }
                yield b.toString();
            }
            case SUB -> tex(a.get(0), values, 1) + " - " + tex(a.get(1), values, 2);
            case MUL -> texJoin(a, " \\cdot ", values, 2);
            case DIV -> "\\frac{" + tex(a.get(0), values, 0) + "}{" + tex(a.get(1), values, 0) + "}";
            case NEG -> "-" + tex(a.get(0), values, 3);
            case ABS -> "\\left|" + tex(a.get(0), values, 0) + "\\right|";
            case MIN -> "\\min\\left(" + texJoin(a, ", ", values, 0) + "\\right)";
            case MAX -> "\\max\\left(" + texJoin(a, ", ", values, 0) + "\\right)";
            case CEILING -> "\\left\\lceil " + tex(a.get(0), values, 0) + "\\right\\rceil";
            case FLOOR -> "\\left\\lfloor " + tex(a.get(0), values, 0) + "\\right\\rfloor";
            case SQRT -> "\\sqrt{" + tex(a.get(0), values, 0) + "}";
        };
        int p = op.kind() == Expr.Kind.DIV ? 4 : precedence(e);
        return p < outer ? "\\left(" + s + "\\right)" : s;
    }

    private static String texJoin(List<Expr> args, String sep, MathContext values, int outer) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(tex(args.get(i), values, outer));
        }
        return b.toString();
    }

    private static String texNumber(BigDecimal v, MathContext values) {
        return plainNumber(values == null ? v : v.round(values));
    }
}
