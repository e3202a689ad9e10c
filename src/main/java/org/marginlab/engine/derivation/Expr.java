package org.marginlab.engine.derivation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A formula of one derivation step, as a tree, so that its symbolic form, its form with the
 * user's numbers substituted, its LaTeX and its typeset form all come from one value and cannot
 * disagree. Leaves are numbers ({@link Num}) and named quantities with their values
 * ({@link Sym}); inner nodes are the operations the engine's rules use.
 *
 * <p>Immutable. Build with the static factories; render with {@link ExprText}.
 */
public sealed interface Expr permits Expr.Num, Expr.Sym, Expr.Op {

    /**
     * A number written as itself in both forms (a side's ±1, a constant).
     *
     * @param value  the number, not null
     */
    record Num(BigDecimal value) implements Expr {
    }

    /**
     * A named quantity: written as its symbol in the symbolic form and as its value in the
     * substituted one.
     *
     * @param symbol  the symbol, in the project's plain notation: letters and digits, an
     *                underscore before a subscript ({@code EP}, {@code TMM_1}, {@code MMR},
     *                {@code cum}); Greek letters as words ({@code sigma})
     * @param value   its value, not null
     */
    record Sym(String symbol, BigDecimal value) implements Expr {
    }

    /**
     * An operation.
     *
     * @param kind  the operation
     * @param args  its operands in order: two for {@link Kind#SUB} and {@link Kind#DIV}, one for
     *              {@link Kind#NEG}, {@link Kind#ABS}, {@link Kind#CEILING}, {@link Kind#FLOOR} and {@link Kind#SQRT}, one or more otherwise
     */
    record Op(Kind kind, List<Expr> args) implements Expr {
        public Op {
            args = List.copyOf(args);
        }
    }

    /** The operations. */
    enum Kind {
        /** Sum of one or more terms. */
        ADD,
        /** Difference of two terms. */
        SUB,
        /** Product of one or more factors. */
        MUL,
        /** Quotient of two terms. */
        DIV,
        /** Negation. */
        NEG,
        /** Absolute value. */
        ABS,
        /** Least of one or more terms. */
        MIN,
        /** Greatest of one or more terms. */
        MAX,
        /** The least whole number not below the term. */
        CEILING,
        /** The greatest whole number not above the term. */
        FLOOR,
        /** The non-negative square root of the term (Deribit's size-dependent rate, a quadratic in 1/P). */
        SQRT
    }

    /** @return a number leaf */
    static Expr num(BigDecimal value) {
        return new Num(value);
    }

    /** @return a number leaf */
    static Expr num(long value) {
        return new Num(BigDecimal.valueOf(value));
    }

    /** @return a named quantity */
    static Expr sym(String symbol, BigDecimal value) {
        return new Sym(symbol, value);
    }

    /** @return the sum of the terms */
    static Expr add(Expr... terms) {
        return new Op(Kind.ADD, List.of(terms));
    }

    /** @return the sum of the terms, or 0 when there are none */
    static Expr sum(List<Expr> terms) {
        return terms.isEmpty() ? num(0) : terms.size() == 1 ? terms.get(0) : new Op(Kind.ADD, terms);
    }

    /** @return {@code a − b} */
    static Expr sub(Expr a, Expr b) {
        return new Op(Kind.SUB, List.of(a, b));
    }

    /** @return the product of the factors */
    static Expr mul(Expr... factors) {
        return new Op(Kind.MUL, List.of(factors));
    }

    /** @return {@code a / b} */
    static Expr div(Expr a, Expr b) {
        return new Op(Kind.DIV, List.of(a, b));
    }

    /** @return {@code −a} */
    static Expr neg(Expr a) {
        return new Op(Kind.NEG, List.of(a));
    }

    /** @return {@code |a|} */
    static Expr abs(Expr a) {
        return new Op(Kind.ABS, List.of(a));
    }

    /** @return the least of the terms */
    static Expr min(Expr... terms) {
        return new Op(Kind.MIN, List.of(terms));
    }

    /** @return {@code ⌈a⌉} */
    static Expr ceiling(Expr a) {
        return new Op(Kind.CEILING, List.of(a));
    }

    /** @return {@code ⌊a⌋} */
    static Expr floor(Expr a) {
        return new Op(Kind.FLOOR, List.of(a));
    }

    /** @return {@code √a} */
    static Expr sqrt(Expr a) {
        return new Op(Kind.SQRT, List.of(a));
    }

    /** @return the greatest of the terms */
    static Expr max(Expr... terms) {
        return new Op(Kind.MAX, List.of(terms));
    }
}
