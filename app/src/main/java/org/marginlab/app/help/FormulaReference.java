package org.marginlab.app.help;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The formula reference of Help: for each venue's rule set, the formulas MarginLab computes with
 * and where each comes from (the venue document, and the section of the project's spec
 * {@code margin-formulas.md}, or {@code venues-v2.md} for the v2 venues ({@link FormulaReferenceV2}),
 * that records it). The same formulas as the rule sets' Javadoc.
 *
 * <p>Symbols: {@code s} = +1 long, −1 short; {@code Q} = quantity (× contract size); {@code WB}
 * = the position's margin (isolated) or the cross wallet; {@code TMM1}, {@code UPNL1} = the
 * other cross positions' maintenance margin and unrealized PnL (0 when isolated); {@code MMR},
 * {@code cum} = the tier's maintenance margin rate and maintenance amount.
 *
 * <p>Immutable.
 */
public final class FormulaReference {
    /**
     * One formula.
     *
     * @param figure   the figure, in the field's standard term
     * @param formula  the formula in symbols
     * @param source   the venue document and spec section it comes from
     */
    public record Entry(String figure, String formula, String source) {
    }

    /** Symbols used in every venue's formulas. */
    public static final List<String> SYMBOLS = List.of(
            "s = +1 long, −1 short; Q = quantity × contract size; entry, mark = entry and mark price",
            "WB = the isolated margin (isolated) or the cross wallet (cross)",
            "TMM1, UPNL1 = the other cross positions' maintenance margin and unrealized PnL at their marks (0 when isolated)",
            "MMR, cum = the tier's maintenance margin rate and maintenance amount; the tier is re-checked at the liquidation price");

    private static final Map<String, List<Entry>> BY_VENUE = Map.of(
            "binance-usdm", List.of(
                    new Entry("Initial margin", "IM = Q·entry / leverage", "Binance \"Leverage & Margin\"; spec §1.2, §1.4"),
                    new Entry("Maintenance margin", "MM = Q·mark·MMR − cum (bracket of the notional)", "Binance \"Leverage & Margin\"; spec §1.2"),
                    new Entry("Liquidation price", "LP = (WB − TMM1 + UPNL1 + cum − s·Q·entry) / (Q·MMR − s·Q)",
                            "Binance FAQ \"How to Calculate Liquidation Price of USD-M Futures Contracts\"; spec §1.1"),
                    new Entry("Bankruptcy price", "BP = entry − s·(WB − TMM1 + UPNL1) / Q (the same with MMR = cum = 0)",
                            "derived (Binance publishes none); spec §1.1"),
                    new Entry("Margin ratio", "MM / margin balance; liquidation at ≥ 100 %", "Binance FAQ \"Liquidation Protocols\"; spec §1.3"),
                    new Entry("Max removable margin", "max(0, min(WB − MM, WB + uPnL − Q·mark / leverage))",
                            "Binance FAQ \"How to Adjust Margin Balance\"; spec §1.6")),
            "binance-coinm", List.of(
                    new Entry("Notional (coin)", "N = Q·CS / mark", "Binance COIN-M FAQ; spec §1.7"),
                    new Entry("Initial margin (coin)", "IM = Q·CS / (entry·leverage)", "spec §1.7"),
                    new Entry("Maintenance margin (coin)", "MM = N·MMR − cum", "spec §1.7"),
                    new Entry("Liquidation price", "LP = Q·CS·(MMR + s) / (WB − TMM1 + UPNL1 + cum + s·Q·CS / entry)",
                            "Binance FAQ \"How to Calculate Liquidation Price of COIN-M Futures Contracts\"; spec §1.7"),
                    new Entry("Bankruptcy price", "the same with MMR = cum = 0", "derived; spec §1.7"),
                    new Entry("Unrealized PnL (coin)", "s·Q·CS·(1/entry − 1/mark)", "spec §1.7")),
            "bybit-linear", List.of(
                    new Entry("Maintenance margin", "MM = Q·entry·MMR − deduction (at the entry value, risk-limit tier of it)",
                            "Bybit help \"Risk Limit\"; spec §2.4, §11"),
                    new Entry("Liquidation price (isolated)", "LP = entry − s·(WB − MM) / Q",
                            "Bybit help \"Liquidation Price (USDT Contract)\"; spec §2.1"),
                    new Entry("Liquidation price (cross)", "as isolated, WB = cross wallet − TMM1 + UPNL1",
                            "Bybit \"total sustainable loss\"; spec §2.5"),
                    new Entry("Bankruptcy price", "the same with MM = 0", "spec §2.2"),
                    new Entry("Margin ratio", "MM / margin balance; liquidation at ≥ 100 %", "Bybit UTA account MM rate; spec §2.5"),
                    new Entry("Fee to close", "left out of the liquidation price (live prices differ by about taker·BP)",
                            "spec §2.1")),
            "bybit-inverse", List.of(
                    new Entry("Maintenance margin (coin)", "MM = (Q / entry)·MMR − deduction", "spec §2.3, §2.4"),
                    new Entry("Liquidation price (isolated)", "LP = Q / (Q / entry + s·(WB − MM)); none when the denominator ≤ 0",
                            "Bybit UTA inverse, 2024-09; spec §2.3"),
                    new Entry("Bankruptcy price", "the same with MM = 0", "spec §2.2"),
                    new Entry("Margin ratio", "MM / margin balance; liquidation at ≥ 100 %", "spec §2.5")),
            "okx", List.of(
                    new Entry("Liquidation price", "LP = (Q·entry − s·(WB + cum)) / (Q·(1 − s·(MMR + taker)))",
                            "OKX help \"Isolated margin mode\"; spec §3"),
                    new Entry("Bankruptcy price", "BP = entry − s·WB / Q", "spec §3"),
                    new Entry("Margin ratio", "equity / (maintenance margin + fees); liquidation at ≤ 100 %", "OKX help; spec §3, §11"),
                    new Entry("Maintenance", "no bundled tiers: give a maintenance rate (or tiers) per position", "spec §3")),
            "gate", List.of(
                    new Entry("Liquidation price", "LP = (Q·entry − s·(WB + cum)) / (Q·(1 − s·(MMR + taker)))",
                            "Gate help 27724 \"liquidation price, bankruptcy price\"; spec §4"),
                    new Entry("Bankruptcy price", "BP = entry − s·WB / Q", "spec §4"),
                    new Entry("Margin ratio", "(maintenance margin + fee) / margin balance; liquidation at ≥ 100 % (Gate publishes none)",
                            "spec §4, §11"),
                    new Entry("Maintenance", "no bundled tiers: give a maintenance rate (or tiers) per position", "spec §4")),
            "hyperliquid", List.of(
                    new Entry("Maintenance margin rate", "MMR = 1 / (2·max leverage); MM = notional·MMR − deduction",
                            "Hyperliquid docs \"Margin tiers\"; spec §6"),
                    new Entry("Liquidation price", "LP = entry − s·(margin − Q·entry·MMR) / Q / (1 − s·MMR)",
                            "Hyperliquid docs \"Liquidations\"; spec §6"),
                    new Entry("Margin ratio", "MM / account value; liquidation when equity < MM", "spec §6"),
                    new Entry("Removing isolated margin", "the margin left ≥ max(initial margin at the mark, 10 % of the position value)",
                            "Hyperliquid docs \"Margining\"; spec §6")),
            "generic", List.of(
                    new Entry("Maintenance margin", "MM = notional·MMR − amount (the position's own rate)", "Binance form; spec §1.2"),
                    new Entry("Liquidation price", "the Binance form: LP = (WB − TMM1 + UPNL1 + cum − s·Q·entry) / (Q·MMR − s·Q)",
                            "spec §1.1; covers textbook examples and dYdX v4 (spec §7: MMR = MMF, amount 0)"),
                    new Entry("Margin ratio", "MM / margin balance; liquidation at ≥ 100 %", "spec §1.3")));

    private FormulaReference() {
    }

    /**
     * @param venueId  a rule-set id, e.g. {@code binance-usdm}
     * @return its formulas with their sources, or empty for an unknown id
     */
    public static Optional<List<Entry>> of(String venueId) {
        List<Entry> v1 = BY_VENUE.get(venueId);
        return Optional.ofNullable(v1 != null ? v1 : FormulaReferenceV2.BY_VENUE.get(venueId));
    }
}
