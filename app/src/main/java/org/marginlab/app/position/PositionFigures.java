package org.marginlab.app.position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;

/**
 * The display text of one position's figures, formatted lazily (only when a view reads one) from
 * the last slice shown: its {@link PositionResult} and the account figures a cross position
 * shows. Rounding is for display only, always with an explicit {@link RoundingMode}.
 */
final class PositionFigures {
    /**
     * Display rounding of liquidation and bankruptcy prices: half-up, as the venues publish them
     * (Binance shows the FAQ's 26,316.8933 as 26,316.89, vector {@code binance-faq-cross-btcusdt};
     * rounding toward the mark would show 26,316.90).
     */
    static final RoundingMode PRICE_ROUNDING = RoundingMode.HALF_UP;

    /** What the texts are formatted from. */
    private record Shown(PositionResult result, AccountRisk account, String currency, int decimals, BigDecimal shock,
            boolean crossLiquidated, PositionRisk after) {
    }

    private final Formats formats;
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(this, "shown");
    private final Map<Figure, StringBinding> figures = new EnumMap<>(Figure.class);
    private final StringBinding summary;
    private final StringBinding liquidationNote;
    private final StringBinding whatIfLiquidation;
    private final StringBinding whatIfMarginRatio;
    private final StringBinding whatIfLeverage;
    private final StringBinding whatIfMargin;
    private final StringBinding liquidationAfter;
    private final StringBinding shockedMark;

    PositionFigures(Formats formats) {
        this(formats, new org.marginlab.app.ui.HiddenFigures(), "");
    }

    /**
     * @param formats  the number formats, not null
     * @param hidden   the figures a lesson hides (they show "?"), not null
     * @param id       the position's id, the owner of its figures in {@code hidden}
     */
    PositionFigures(Formats formats, org.marginlab.app.ui.HiddenFigures hidden, String id) {
        this.formats = formats;
        for (Figure f : Figure.values()) {
            StringBinding text = Bindings.createStringBinding(() -> format(f, shown.get()), shown);
            String engineId = engineId(f);
            figures.put(f, engineId == null ? text : hidden.mask(id, engineId, text));
        }
        summary = text(v -> {
            Position p = v.result().used();
            return p == null ? "" : p.side().id() + " " + formats.editable(p.quantity(), 12) + " " + p.symbol() + " @ "
                    + formats.editable(p.entryPrice(), 12);
        }, "");
        liquidationNote = text(v -> {
            PositionRisk r = v.result().risk();
            if (v.result().liquidated()) {
                return "Liquidated: at the mark the figures are at, the position is at or beyond its liquidation price"
                        + (r.marginMode() == MarginMode.CROSS ? " (the cross account is liquidated)." : "; its margin is lost.");
            }
            if (r.liquidationPrice() == null) {
                return v.result().used().side() == Side.SHORT
                        ? "No liquidation price: the margin covers the position however far the price rises."
                        : "No liquidation price: the margin covers the position even if the price falls to zero.";
            }
            BigDecimal tick = v.result().tickSize();
            return Figure.LIQUIDATION_PRICE.explanation() + (tick == null
                    ? " Shown rounded to the nearest cent, as the venue displays it."
                    : " Shown on the instrument's tick (" + tick.stripTrailingZeros().toPlainString() + "), rounded toward "
                            + "the entry, so it is never later than the true price.");
        }, Figure.LIQUIDATION_PRICE.explanation());
        whatIfLiquidation = hidden.mask(id, "liquidationPrice", whatIf(r -> priceOrNone(r.liquidationPrice())));
        whatIfMarginRatio = hidden.mask(id, "marginRatio",
                whatIf(r -> r.marginRatio() == null ? "n/a" : formats.percent(r.marginRatio())));
        whatIfLeverage = hidden.mask(id, "effectiveLeverage",
                whatIf(r -> r.effectiveLeverage() == null ? "n/a" : formats.leverage(r.effectiveLeverage())));
        whatIfMargin = hidden.mask(id, "isolatedMargin",
                whatIf(r -> r.isolatedMargin() == null ? "—" : amountPlain(r.isolatedMargin())));
        shockedMark = text(v -> formats.price(v.result().shockedMark(), PRICE_ROUNDING), "—");
        liquidationAfter = hidden.mask(id, "liquidationPrice", text(v -> {
            String now = priceOrNone(v.result().risk().liquidationPrice());
            if (v.after() == null || java.util.Objects.equals(v.after().liquidationPrice(), v.result().risk().liquidationPrice())) {
                return now;
            }
            return now + " → " + priceOrNone(v.after().liquidationPrice());
        }, "—"));
    }

    /** The Explain figure id of a figure of this view, or null for one a lesson cannot hide. */
    private static String engineId(Figure f) {
        try {
            return org.marginlab.engine.derivation.Figure.valueOf(f.name()).id();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Shows a new slice; every text that a view reads is formatted again on its next read.
     *
     * @param currency  the position's settlement currency (the view-model works it out once)
     */
    void show(PositionResult r, Evaluation e, String currency) {
        PositionRisk after = null;
        if (e.hasAfter() && r.risk() != null) {
            for (PositionRisk a : e.afterRisk().positions()) {
                if (a.positionId().equals(r.id())) {
                    after = a;
                    break;
                }
            }
        }
        shown.set(r.risk() == null ? null : new Shown(r, e.risk(), currency, e.amountDecimals(), e.shock(),
                e.crossLiquidated(), after));
    }

    StringExpression figure(Figure f) {
        return figures.get(f);
    }

    StringExpression summary() {
        return summary;
    }

    StringExpression liquidationNote() {
        return liquidationNote;
    }

    StringExpression whatIfLiquidation() {
        return whatIfLiquidation;
    }

    StringExpression whatIfMarginRatio() {
        return whatIfMarginRatio;
    }

    StringExpression whatIfLeverage() {
        return whatIfLeverage;
    }

    /** @return the liquidation price, with "→ after" when a pending what-if moves it */
    StringExpression liquidationAfter() {
        return liquidationAfter;
    }

    /** @return the mark the figures are at, as a price without unit (for the table) */
    StringExpression shockedMark() {
        return shockedMark;
    }

    StringExpression whatIfMargin() {
        return whatIfMargin;
    }

    private StringBinding text(Function<Shown, String> f, String none) {
        return Bindings.createStringBinding(() -> shown.get() == null ? none : f.apply(shown.get()), shown);
    }

    /** Before → after for the pending what-ifs; "—" for a cross position; empty without figures. */
    private StringBinding whatIf(Function<PositionRisk, String> f) {
        return Bindings.createStringBinding(() -> {
            Shown v = shown.get();
            if (v == null) {
                return "";
            }
            PositionRisk before = v.result().risk();
            if (before.marginMode() == MarginMode.CROSS) {
                return "—";
            }
            PositionResult.WhatIfResult w = v.result().whatIf();
            PositionRisk after = w == null || w.after() == null ? before : w.after();
            return f.apply(before) + " → " + f.apply(after);
        }, shown);
    }

    private String amountPlain(BigDecimal amount) {
        Shown v = shown.get();
        return v.decimals() == 2 ? formats.price(amount, RoundingMode.HALF_UP) : formats.amount(amount, "", v.decimals()).strip();
    }

    /** A liquidation or bankruptcy price of the shown position, as {@link PositionResult#shownPrice} shows it. */
    private String priceOrNone(BigDecimal price) {
        Shown v = shown.get();
        BigDecimal p = v == null ? price : v.result().shownPrice(price);
        return p == null ? "none" : formats.price(p, PRICE_ROUNDING);
    }

    /** Formats one figure from the last slice; called only when a view reads it. */
    private String format(Figure f, Shown v) {
        if (v == null) {
            return "—";
        }
        PositionRisk r = v.result().risk();
        String ccy = v.currency();
        int d = v.decimals();
        boolean cross = r.marginMode() == MarginMode.CROSS;
        Position p = v.result().used();
        String quote = p.contract() == ContractType.INVERSE ? "USD" : ccy;
        BigDecimal ratio = cross ? v.account().marginRatio() : r.marginRatio();
        if (f.cost() || f == Figure.LIQUIDATION_PROBABILITY) {
            return CostFigures.format(f, v.result(), ccy, quote, d, formats);
        }
        switch (f) {
            case MARK_PRICE:
                return formats.price(v.result().shockedMark(), PRICE_ROUNDING) + " " + quote
                        + (v.result().shockedMark().compareTo(p.markPrice()) == 0 ? ""
                                : " (" + formats.percent(v.shock()) + ")");
            case LIQUIDATION_PRICE:
                return r.liquidationPrice() == null ? "none"
                        : formats.price(v.result().shownPrice(r.liquidationPrice()), PRICE_ROUNDING) + " " + quote;
            case BANKRUPTCY_PRICE:
                return r.bankruptcyPrice() == null ? "none"
                        : formats.price(v.result().shownPrice(r.bankruptcyPrice()), PRICE_ROUNDING) + " " + quote;
            case MARGIN_RATIO:
                if (v.result().liquidated()) {
                    return "liquidated";
                }
                return ratio == null ? "n/a (margin balance ≤ 0)" : formats.percent(ratio) + (cross ? " (account)" : "");
            case DISTANCE_TO_LIQUIDATION:
                return v.result().liquidated() ? "liquidated"
                        : r.distanceToLiquidation() == null ? "none" : formats.percent(r.distanceToLiquidation());
            case NOTIONAL:
                return formats.amount(r.notional(), ccy, d);
            case INITIAL_MARGIN:
                return formats.amount(r.initialMargin(), ccy, d);
            case MAINTENANCE_MARGIN:
                return formats.amount(r.maintenanceMargin(), ccy, d);
            case MMR:
                return formats.percent(r.mmr()) + " − " + formats.amount(r.maintenanceAmount(), ccy, d);
            case MARGIN_BALANCE:
                return r.marginBalance() != null ? formats.amount(r.marginBalance(), ccy, d)
                        : v.account() != null ? formats.amount(v.account().marginBalance(), ccy, d) + " (account)" : "—";
            case UNREALIZED_PNL:
                return formats.amount(r.unrealizedPnl(), ccy, d);
            case ROE:
                return formats.percent(r.roe());
            case EFFECTIVE_LEVERAGE:
                return r.effectiveLeverage() == null ? "n/a (margin balance ≤ 0)" : formats.leverage(r.effectiveLeverage());
            case MAX_REMOVABLE_MARGIN:
                return formats.amount(r.maxRemovableMargin(), ccy, d);
            case MAX_ADDABLE_MARGIN:
                return v.result().maxAddableMargin() == null ? "— (cross)"
                        : formats.amount(v.result().maxAddableMargin(), ccy, d);
            default:
                throw new IllegalArgumentException(f.name());
        }
    }
}
