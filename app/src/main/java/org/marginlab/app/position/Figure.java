package org.marginlab.app.position;

/**
 * The figures the results panel shows, each with its label and a one-sentence explanation
 * (the tooltip). Order is display order.
 */
public enum Figure {
    MARK_PRICE("Mark price",
            "The mark price the figures are computed at: the typed mark, moved by the price shock when one is set."),
    LIQUIDATION_PRICE("Liquidation price",
            "The mark price at which the position's margin balance falls to its maintenance margin and the venue liquidates it."),
    BANKRUPTCY_PRICE("Bankruptcy price",
            "The mark price at which the position's margin balance is zero: every unit of margin is lost."),
    MARGIN_RATIO("Margin ratio",
            "Maintenance margin divided by margin balance; the venue liquidates at 100 % and warns above 80 %."),
    DISTANCE_TO_LIQUIDATION("Distance to liquidation",
            "How far the mark price may move against the position, as a share of the mark, before liquidation."),
    LIQUIDATION_PROBABILITY("Probability of liquidation",
            org.marginlab.engine.sizing.LiquidationProbability.ASSUMPTIONS + " σ: the annualised volatility, the symbol's "
                    + "row of MarginLab's dated table (one past year's realized volatility) or the one typed under Costs; "
                    + "the horizon is typed there too (24 h by default)."),
    NOTIONAL("Notional",
            "Quantity times mark price: the position's value, which picks its maintenance tier."),
    INITIAL_MARGIN("Initial margin",
            "Notional at the entry price divided by leverage: the margin needed to open the position."),
    MAINTENANCE_MARGIN("Maintenance margin",
            "Notional times the tier's maintenance margin rate, minus its maintenance amount: the least margin the position must keep."),
    MMR("Maintenance margin rate",
            "The tier's maintenance margin rate (MMR) and maintenance amount, looked up by the notional at the mark."),
    MARGIN_BALANCE("Margin balance",
            "Isolated margin plus unrealized PnL: what the position would have left if closed at the mark."),
    UNREALIZED_PNL("Unrealized PnL",
            "Profit or loss at the mark price: quantity times (mark − entry), sign reversed for a short."),
    ROE("ROE",
            "Return on equity: unrealized PnL divided by the initial margin."),
    EFFECTIVE_LEVERAGE("Effective leverage",
            "Notional divided by margin balance: the leverage the position really runs at after PnL and added margin."),
    MAX_REMOVABLE_MARGIN("Max removable margin",
            "The most isolated margin the venue lets you withdraw now: no more than keeps the maintenance margin and the initial margin at the mark covered."),
    MAX_ADDABLE_MARGIN("Max addable margin",
            "The most isolated margin you can add now: the cross wallet's available balance, which every added margin comes out of."),
    FEE_TO_OPEN("Fee to open",
            "The trading fee to open: quantity × entry price × the taker rate (inverse: contracts × contract size ÷ entry × "
                    + "the rate), with the maker fee below it when a maker rate is given (spec venues-v2.md §10.1). The rate "
                    + "is the position's, else the venue's default, marked (venue). In the PnL and the break-even, not in "
                    + "the margin."),
    FEE_TO_CLOSE("Fee to close",
            "The taker fee to close now, valued at the mark (§10.1). Paid on closing: in the break-even price, not in the "
                    + "liquidation price (unless the venue reserves it, see below)."),
    RESERVED_FEE_TO_CLOSE("Reserved fee to close",
            "The fee to close this venue holds back in the position's margin, valued at the bankruptcy price from the entry "
                    + "at the leverage (Bybit UTA, Phemex; §10.1, §10.2). It is already part of the margin, the liquidation "
                    + "and the bankruptcy price."),
    LIQUIDATION_FEE("Liquidation fee",
            "What a liquidation would charge: the value at the liquidation price × the liquidation fee rate (§10.1). "
                    + "KuCoin (from 2025-05-22) puts it into the liquidation price; elsewhere it is only a cost."),
    PROJECTED_FUNDING("Projected funding",
            "Funding over the holding time: quantity × mark × the funding rate per interval × (hours held ÷ interval), "
                    + "shown as intervals × rate (hours held); a positive rate makes longs pay shorts (§10.1). A "
                    + "projection at today's rate and mark; it does not move the liquidation price (funding paid reaches the margin only when it is paid, §10.2)."),
    BREAK_EVEN_PRICE("Break-even price",
            "The exit price at which the PnL pays the taker fees to open and to close and the projected funding (§10.3): "
                    + "a long without funding breaks even at entry × (1 + fee) ÷ (1 − fee). \"No positive price\": the funding "
                    + "received covers any loss, or the funding paid exceeds any gain.");

    /** @return whether the figure belongs to the results' Costs group */
    public boolean cost() {
        return compareTo(FEE_TO_OPEN) >= 0;
    }

    private final String label;
    private final String explanation;

    Figure(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** @return the label shown beside the figure; never null */
    public String label() {
        return label;
    }

    /** @return one sentence that explains the figure; never null */
    public String explanation() {
        return explanation;
    }
}
