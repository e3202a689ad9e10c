package org.marginlab.app.course;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.model.Draft;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.explain.Explainer;

/**
 * A lesson figure's value as the app shows it, from the app's one {@link Evaluation}: prices as
 * the views show them (on the tick toward the entry where the tick is known), a cross position's
 * margin ratio and margin balance the account's, total equity per spec §4. Ratios (margin ratio,
 * ROE, distance to liquidation) are in <b>percent</b>, as the app shows them: a prediction, an
 * {@code expected} and an absolute tolerance of a ratio are percentages too. Pure; no toolkit.
 */
public final class LessonFigures {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LessonFigures() {
    }

    /**
     * Evaluates a step's account as the app does.
     *
     * @param state   the step's workspace, not null
     * @param shock   the step's shock in percent, or null
     * @param locale  the locale the draft's numbers are written in, not null
     * @return the evaluation, never null
     */
    public static Evaluation evaluate(Workspace state, BigDecimal shock, Locale locale) {
        Formats formats = new Formats(locale);
        Draft d = new Drafts(formats).of(state).withShock(shock == null ? "" : formats.exact(shock), null);
        return new Evaluator(locale).evaluate(d, null);
    }

    /**
     * @param f  a figure
     * @return whether the app shows it as a percentage (and predictions of it are in percent)
     */
    public static boolean isPercent(Figure f) {
        return f == Figure.MARGIN_RATIO || f == Figure.ROE || f == Figure.DISTANCE_TO_LIQUIDATION
                || f == Figure.ACCOUNT_MARGIN_RATIO;
    }

    /**
     * The answer to a question about a figure: its value at full precision, in the unit the
     * prediction is typed in (percent for ratios).
     *
     * @param e    the step's evaluation, not null
     * @param ref  the figure, not null
     * @return the value, or null when the figure does not exist there (no liquidation price, an
     *         unknown or invalid position, an account that cannot be evaluated)
     */
    public static BigDecimal answer(Evaluation e, FigureRef ref) {
        BigDecimal v = raw(e, ref);
        return v == null ? null : isPercent(ref.figure()) ? v.multiply(HUNDRED) : v;
    }

    private static BigDecimal raw(Evaluation e, FigureRef ref) {
        if (e.risk() == null) {
            return null;
        }
        Figure f = ref.figure();
        if (ref.isAccount()) {
            return f == Figure.TOTAL_EQUITY ? e.totalEquity() : Explainer.accountValue(e.risk(), f);
        }
        PositionResult r = e.position(ref.positionId());
        if (r == null || r.risk() == null || r.stale()) {
            return null;
        }
        PositionRisk risk = r.risk();
        boolean cross = risk.marginMode() == MarginMode.CROSS;
        if (cross && f == Figure.MARGIN_RATIO) {
            return e.risk().marginRatio();
        }
        if (cross && f == Figure.MARGIN_BALANCE && risk.marginBalance() == null) {
            return e.risk().marginBalance();
        }
        BigDecimal v = Explainer.positionValue(risk, f);
        return f == Figure.LIQUIDATION_PRICE || f == Figure.BANKRUPTCY_PRICE ? r.shownPrice(v) : v;
    }

    /**
     * Formats a value of a figure as the app shows it.
     *
     * @param e        the evaluation it is from (currency, decimals), not null
     * @param ref      the figure, not null
     * @param value    a value in the figure's prediction unit ({@link #answer}), or null
     * @param formats  the number formats, not null
     * @return e.g. {@code 57,228.92 USDT}, {@code 45.20 %}, {@code 12.5x}; {@code none} for null
     */
    public static String format(Evaluation e, FigureRef ref, BigDecimal value, Formats formats) {
        if (value == null) {
            return "none";
        }
        Figure f = ref.figure();
        String ccy = e.currency() == null ? "" : e.currency();
        if (isPercent(f)) {
            return formats.percent(value.movePointLeft(2));
        }
        if (f == Figure.EFFECTIVE_LEVERAGE) {
            return formats.leverage(value);
        }
        if (f == Figure.LIQUIDATION_PRICE || f == Figure.BANKRUPTCY_PRICE) {
            PositionResult r = e.position(ref.positionId());
            boolean inverse = r != null && r.used() != null && r.used().contract() == ContractType.INVERSE;
            return formats.price(value, RoundingMode.HALF_UP) + " " + (inverse ? "USD" : ccy);
        }
        return formats.amount(value, ccy, e.amountDecimals());
    }

    /**
     * Formats a value without its unit, as a number the student would type.
     *
     * @param ref      the figure, not null
     * @param value    a value in the prediction unit, not null
     * @param formats  the number formats, not null
     * @return e.g. {@code 57,228.92} or {@code 45.2}
     */
    public static String number(FigureRef ref, BigDecimal value, Formats formats) {
        Figure f = ref.figure();
        if (f == Figure.LIQUIDATION_PRICE || f == Figure.BANKRUPTCY_PRICE) {
            return formats.price(value, RoundingMode.HALF_UP);
        }
        return formats.amount(value, "", 2).strip();
    }

    /**
     * An absolute difference from an answer (a prediction's error, a tolerance) with as many
     * decimals as the answer is shown with, rounded half-up: {@code 28.92} beside 57,228.92.
     *
     * @param ref      the figure
     * @param answer   the answer, in the figure's unit, not null
     * @param diff     the difference, same unit, not null
     * @param formats  the number format in use
     * @return the difference formatted, with " %" for a ratio
     */
    public static String difference(FigureRef ref, BigDecimal answer, BigDecimal diff, Formats formats) {
        String shown = number(ref, answer, formats);
        char sep = java.text.DecimalFormatSymbols.getInstance(formats.locale()).getDecimalSeparator();
        int at = shown.lastIndexOf(sep);
        int decimals = 0;
        if (at >= 0) {
            while (at + 1 + decimals < shown.length() && Character.isDigit(shown.charAt(at + 1 + decimals))) {
                decimals++;
            }
        }
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(formats.locale());
        nf.setMinimumFractionDigits(decimals);
        nf.setMaximumFractionDigits(decimals);
        nf.setRoundingMode(RoundingMode.HALF_UP);
        return nf.format(diff) + (isPercent(ref.figure()) ? " %" : "");
    }
}
