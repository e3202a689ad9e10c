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
            "The most isolated margin you can add now: the cross wallet's available balance, which every added margin comes out of.");

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
