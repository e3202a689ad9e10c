package org.marginlab.app.explain;

import java.math.BigDecimal;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.ExprText;

/**
 * A formula typeset natively from the engine's {@link Expr} tree: stacked fractions with a rule,
 * subscripts smaller and lowered, {@code ·} and {@code −}, {@code |x|}, {@code min(…)},
 * {@code ⌈x⌉}, brackets that grow with what they enclose, single-letter symbols in italics and
 * multi-letter ones upright ({@code MMR}, {@code TMM₁}). Either the symbols or the values
 * (rounded to {@link DerivationFormats#DIGITS} significant digits, as
 * {@link ExprText#readable}) are shown. Styled by CSS (classes {@code formula},
 * {@code formula-italic}, {@code formula-sub}, {@code formula-rule}), so it follows the theme.
 *
 * <p>Its accessible text and {@link #text()} are the plain form ({@link ExprText#symbolic} or
 * {@link ExprText#readable}), which screen readers read and tests look up.
 */
public final class FormulaView extends HBox {
    private final String text;
    private final boolean values;

    /**
     * @param lhs     the symbol on the left of "=", or null for none
     * @param e       the formula, not null
     * @param values  whether to show the values rather than the symbols
     */
    public FormulaView(String lhs, Expr e, boolean values) {
        this.values = values;
        String plain = values ? ExprText.readable(e, DerivationFormats.DIGITS) : ExprText.symbolic(e);
        this.text = lhs == null ? plain : lhs + " = " + plain;
        getStyleClass().add("formula");
        setAlignment(Pos.CENTER_LEFT);
        setFillHeight(false);
        if (lhs != null) {
            getChildren().addAll(symbol(lhs), op(" = "));
        }
        getChildren().add(node(e, 0));
        setAccessibleText(text);
        setMinWidth(USE_PREF_SIZE);
    }

    /** @return the formula as plain text, as its accessible text */
    public String text() {
        return text;
    }

    private Node node(Expr e, int outer) {
        if (e instanceof Expr.Num n) {
            return number(n.value(), outer);
        }
        if (e instanceof Expr.Sym y) {
            return values ? number(y.value(), outer) : symbol(y.symbol());
        }
        Expr.Op op = (Expr.Op) e;
        List<Expr> a = op.args();
        int p = precedence(e);
        Node out = switch (op.kind()) {
            case ADD -> sum(a);
            case SUB -> row(node(a.get(0), p), op(" − "), node(a.get(1), p + 1));
            case MUL -> joined(a, "·", p);
            case DIV -> fraction(node(a.get(0), 0), node(a.get(1), 0));
            case NEG -> row(op("−"), node(a.get(0), p));
            case ABS -> fenced("|", joined(a, ", ", 0), "|");
            case MIN -> row(word("min"), fenced("(", joined(a, ", ", 0), ")"));
            case MAX -> row(word("max"), fenced("(", joined(a, ", ", 0), ")"));
            case CEILING -> fenced("⌈", node(a.get(0), 0), "⌉");
            case FLOOR -> fenced("⌊", node(a.get(0), 0), "⌋");
            case SQRT -> radical(node(a.get(0), 0));
        };
        return p < outer ? fenced("(", out, ")") : out;
    }

    /** The precedence as {@link ExprText} uses it: a sum 1, a product 2, a negation 3, a leaf or function 4; a fraction typesets as a leaf. */
    private static int precedence(Expr e) {
        if (e instanceof Expr.Op op) {
            return switch (op.kind()) {
                case ADD, SUB -> 1;
                case MUL -> 2;
                case NEG -> 3;
                case DIV, ABS, MIN, MAX, CEILING, FLOOR, SQRT -> 4;
            };
        }
        return 4;
    }

    /** A sum, a negated term written as "− term" (as {@link ExprText} writes it). */
    private Node sum(List<Expr> args) {
        HBox box = row(node(args.get(0), 1));
        for (int i = 1; i < args.size(); i++) {
            Expr t = args.get(i);
            if (t instanceof Expr.Op o && o.kind() == Expr.Kind.NEG) {
                box.getChildren().addAll(op(" − "), node(o.args().get(0), 2));
            } else {
                box.getChildren().addAll(op(" + "), node(t, 1));
            }
        }
        return box;
    }

    /** Terms joined by a separator; a term of lower precedence than {@code inner} is bracketed, as is a negative number. */
    private Node joined(List<Expr> args, String sep, int inner) {
        HBox box = row();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                box.getChildren().add(op(sep));
            }
            box.getChildren().add(node(args.get(i), inner));
        }
        return box;
    }

    private Node number(BigDecimal v, int outer) {
        String s = ExprText.number(v, DerivationFormats.DIGITS).replace('-', '−');
        Label l = label(s, "formula-number");
        return v.signum() < 0 && outer > 0 ? fenced("(", l, ")") : l;
    }

    /** A symbol: base italic when a single letter, upright otherwise; the subscript smaller and lowered. */
    static Node symbol(String symbol) {
        int u = symbol.indexOf('_');
        String base = u < 0 ? symbol : symbol.substring(0, u);
        String sub = u < 0 ? null : symbol.substring(u + 1);
        if (base.equals("sigma")) {
            base = "σ";
        }
        Label b = label(base, base.length() == 1 ? "formula-italic" : "formula-upright");
        if (sub == null) {
            return b;
        }
        Label s = label(sub, sub.length() == 1 && Character.isLetter(sub.charAt(0)) ? "formula-italic" : "formula-upright");
        s.getStyleClass().add("formula-sub");
        s.setTranslateY(4);
        HBox box = new HBox(b, s);
        box.setAlignment(Pos.BASELINE_LEFT);
        box.setMinWidth(USE_PREF_SIZE);
        return box;
    }

    private static Node fraction(Node num, Node den) {
        Region rule = new Region();
        rule.getStyleClass().add("formula-rule");
        rule.setMinHeight(1);
        rule.setPrefHeight(1);
        rule.setMaxHeight(1);
        rule.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(1, num, rule, den);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("formula-fraction");
        box.setMinWidth(USE_PREF_SIZE);
        box.setMinHeight(USE_PREF_SIZE);
        return box;
    }

    /** A square root: the radical sign, growing with the radicand, and a rule over the radicand. */
    private static Node radical(Node inner) {
        Region rule = new Region();
        rule.getStyleClass().add("formula-rule");
        rule.setMinHeight(1);
        rule.setPrefHeight(1);
        rule.setMaxHeight(1);
        rule.setMaxWidth(Double.MAX_VALUE);
        VBox under = new VBox(1, rule, inner);
        under.setMinWidth(USE_PREF_SIZE);
        Label sign = label("√", "formula-fence");
        sign.scaleYProperty().bind(Bindings.createDoubleBinding(() -> {
            double h = sign.getLayoutBounds().getHeight();
            return h <= 0 ? 1 : Math.max(1, under.getHeight() / h);
        }, under.heightProperty(), sign.layoutBoundsProperty()));
        return row(sign, under);
    }

    /** Brackets that grow with the content's height. */
    private static Node fenced(String open, Node inner, String close) {
        Label o = label(open, "formula-fence");
        Label c = label(close, "formula-fence");
        if (inner instanceof Region r) {
            for (Label f : List.of(o, c)) {
                f.scaleYProperty().bind(Bindings.createDoubleBinding(() -> {
                    double h = f.getLayoutBounds().getHeight();
                    return h <= 0 ? 1 : Math.max(1, r.getHeight() / h);
                }, r.heightProperty(), f.layoutBoundsProperty()));
            }
        }
        return row(o, inner, c);
    }

    private static HBox row(Node... children) {
        HBox box = new HBox(children);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setFillHeight(false);
        box.setMinWidth(USE_PREF_SIZE);
        return box;
    }

    private static Label op(String s) {
        return label(s, "formula-operator");
    }

    private static Label word(String s) {
        return label(s, "formula-upright");
    }

    private static Label label(String s, String style) {
        Label l = new Label(s);
        l.getStyleClass().add(style);
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }
}
