package org.marginlab.app.explain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Step;

/**
 * What each symbol of the engine's derivation steps means, one or two sentences in the field's
 * terms (the symbols of {@code ValuationSteps}, {@code EvaluationSteps}, {@code SolverSteps},
 * {@code BaseVenue}, {@code AccountSteps} and {@code Formulas}). A symbol with a subscript that
 * names a position ({@code MM_eth-long}) or a count ({@code P_2}) is defined by its base.
 *
 * <p>Stateless and thread-safe.
 */
public final class Definitions {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("Q", "Q — quantity: the position's size as typed, in base units (linear) or contracts."),
            Map.entry("CS", "CS — contract size: base units per unit of quantity (linear, usually 1), or the USD value "
                    + "of one contract (inverse)."),
            Map.entry("B", "B — size in base units: quantity times contract size."),
            Map.entry("F", "F — face value: an inverse position's size in USD, contracts times contract size."),
            Map.entry("s", "s — side: +1 for a long, −1 for a short; it turns a price move into a gain or a loss."),
            Map.entry("mark", "mark — mark price: the venue's fair price, at which PnL, margin ratio and liquidation "
                    + "are judged (moved by the price shock when one is set)."),
            Map.entry("EP", "EP — entry price: the average price at which the position was opened."),
            Map.entry("lev", "lev — leverage: the multiple chosen; initial margin is the entry notional divided by it."),
            Map.entry("N", "N — notional: quantity times price, the position's value; the notional at the mark picks "
                    + "the maintenance tier."),
            Map.entry("N_EP", "N_EP — notional at the entry price: the value some venues tier and margin by."),
            Map.entry("N_P", "N_P — notional at a solved liquidation price, used to re-check which tier applies there."),
            Map.entry("IM", "IM — initial margin: the entry notional divided by the leverage, the margin needed to open."),
            Map.entry("IM_mark", "IM_mark — initial margin at the mark: the mark notional divided by the leverage; "
                    + "margin above it (and above the maintenance margin) may be removed."),
            Map.entry("IM_cross", "IM_cross — initial margin of the cross positions at their marks: what the "
                    + "available balance must leave in the account."),
            Map.entry("MMR", "MMR — maintenance margin rate: the tier's fraction of notional the position must keep "
                    + "as margin."),
            Map.entry("cum", "cum — maintenance amount: the tier's fixed deduction, so that maintenance margin is "
                    + "continuous across tiers (Binance's \"cum\", Bybit's deduction)."),
            Map.entry("MM", "MM — maintenance margin: notional times MMR minus the maintenance amount, the least margin "
                    + "the position must keep before the venue liquidates it."),
            Map.entry("fee", "fee — fee to close in the requirement: the taker fee to close that this venue adds to "
                    + "the maintenance requirement."),
            Map.entry("f", "f — fee rate: the fee to close (or liquidation fee) as a fraction of notional, added to "
                    + "the MMR in the liquidation equation by the venues that reserve it."),
            Map.entry("FTC", "FTC — fee to close: the taker fee to close the position, as this venue reserves it."),
            Map.entry("UPNL", "UPNL — unrealized PnL: side times size times (mark − entry); positive is a gain."),
            Map.entry("ROE", "ROE — return on equity: unrealized PnL divided by the initial margin."),
            Map.entry("M_iso", "M_iso — isolated margin: the margin set aside for this position (stated, or the "
                    + "initial margin by default); a liquidation costs at most this."),
            Map.entry("MB", "MB — margin balance: isolated margin plus unrealized PnL, what the position would keep "
                    + "if closed at the mark."),
            Map.entry("MR", "MR — margin ratio: maintenance margin over margin balance; the venue liquidates at 100 %."),
            Map.entry("WB", "WB — wallet balance: the cross wallet, the money not set aside as isolated margin."),
            Map.entry("W", "W — wallet term of the liquidation equation: the margin the position can lose (its isolated "
                    + "margin, or for a cross position the wallet less the other cross positions' maintenance, plus "
                    + "their unrealized PnL)."),
            Map.entry("TMM", "TMM — total maintenance margin: the sum of the cross positions' maintenance requirements."),
            Map.entry("TMM_1", "TMM₁ — maintenance of the other cross positions: the sum of the maintenance "
                    + "requirements of every cross position but this one (Binance's TMM1)."),
            Map.entry("UPNL_1", "UPNL₁ — unrealized PnL of the other cross positions: the sum over every cross "
                    + "position but this one (Binance's UPNL1)."),
            Map.entry("P", "P — liquidation price: the mark at which the margin balance falls to the maintenance "
                    + "margin, solved from the liquidation equation at the tier in force there."),
            Map.entry("P_k", "Pₖ — a solve of the liquidation equation with the tier assumed; if the price lands in "
                    + "another tier the equation is solved again with that tier."),
            Map.entry("P_t", "Pₜ — the liquidation equation solved at one tier, to find the tier whose price lies "
                    + "within its own bounds."),
            Map.entry("P_bk", "P_bk — bankruptcy price: the mark at which the margin balance is zero."),
            Map.entry("P_shown", "P_shown — the price rounded to the instrument's tick toward the entry, as shown."),
            Map.entry("tick", "tick — the instrument's price step: prices are shown as whole multiples of it."),
            Map.entry("L_eff", "L_eff — effective leverage: notional divided by margin balance, the leverage the "
                    + "position really runs at."),
            Map.entry("AMR", "AMR — allocated margin ratio (KuCoin cross): the total cross margin divided by the sum "
                    + "of the cross positions' notionals, so each position is allotted margin in proportion to its size."),
            Map.entry("sum_N", "ΣN — the sum of the notionals of every cross position at its mark."),
            Map.entry("C", "C — cushion: the wallet term less the fixed maintenance requirement, what the position can "
                    + "lose before liquidation."),
            Map.entry("m", "m — the price move the cushion absorbs: the cushion divided by the size."),
            Map.entry("D", "D — the denominator of the inverse liquidation equation."),
            Map.entry("U", "U — the numerator of the inverse liquidation equation (Kraken); as a cap in dYdX's open-"
                    + "interest scaling, the upper open-interest cap."),
            Map.entry("amount", "amount — the tier's maintenance amount, the fixed deduction that keeps maintenance "
                    + "margin continuous across tiers."),
            Map.entry("a", "a — the base maintenance margin rate of a size-dependent schedule (Deribit)."),
            Map.entry("b", "b — the slope of a size-dependent maintenance rate: the rate grows by b per unit of size "
                    + "(Deribit)."),
            Map.entry("b_IM", "b_IM — the slope of a size-dependent initial margin rate (Deribit)."),
            Map.entry("S", "S — the position's size in the coin, which the size-dependent rates grow with."),
            Map.entry("IMR", "IMR — initial margin rate: the fraction of the notional held as initial margin."),
            Map.entry("ded", "ded — a fixed deduction from the maintenance margin of a size-dependent schedule "
                    + "(Deribit)."),
            Map.entry("IMF", "IMF — initial margin fraction (dYdX): the base fraction of the notional held as "
                    + "initial margin."),
            Map.entry("IMF_eff", "IMF_eff — effective initial margin fraction: the base IMF raised with the market's "
                    + "open interest between the lower and upper caps, at most 1."),
            Map.entry("OI", "OI — the market's open interest (notional), which scales dYdX's initial margin fraction."),
            Map.entry("L", "L — the lower open-interest cap, below which the IMF is not scaled."),
            Map.entry("floor", "floor — the lowest notional of a tier; where the requirement jumps at a tier boundary, "
                    + "liquidation comes at the boundary."),
            Map.entry("r", "r — an extra maintenance rate the venue adds (here the funding rate reserved in the "
                    + "maintenance margin, as the venue's rule states)."),
            Map.entry("Delta", "Δ — the amount a what-if moves: from the cross wallet to the position's isolated margin "
                    + "(positive) or back (negative)."),
            Map.entry("K", "K — margin to keep (Hyperliquid): what must stay in an isolated position when margin is "
                    + "removed, the initial margin at the mark and at least 10 % of the notional."),
            Map.entry("R", "R — removable before the floor: isolated margin less what must stay (the larger of the "
                    + "maintenance requirement and the initial margin at the mark, less PnL)."),
            Map.entry("R_max", "R_max — max removable margin: the removable amount, never below zero."),
            Map.entry("d", "d — distance to liquidation: |mark − liquidation price| over the mark."),
            Map.entry("MB_cross", "MB_cross — cross margin balance: the cross wallet plus the cross positions' "
                    + "unrealized PnL."),
            Map.entry("MR_cross", "MR_cross — cross margin ratio: the cross positions' maintenance over the cross "
                    + "margin balance."),
            Map.entry("AB", "AB — available balance: the cross margin balance less the cross initial margin, at least 0."),
            Map.entry("E", "E — total equity: the cross wallet, every isolated margin and every unrealized PnL."),
            Map.entry("M", "M — a position's margin in the account's sums."),
            Map.entry("base", "base — the initial margin the ROE is measured against."),
            Map.entry("sigma", "σ — annualised volatility of the mark price."));

    private Definitions() {
    }

    /**
     * @param symbol  a symbol in the engine's plain notation ({@code MM_eth-long}, {@code P_2}), not null
     * @return its definition, or empty when none is known
     */
    public static String of(String symbol) {
        String d = SYMBOLS.get(symbol);
        if (d != null) {
            return d;
        }
        int u = symbol.indexOf('_');
        if (u > 0) {
            String base = symbol.substring(0, u);
            String sub = symbol.substring(u + 1);
            if (base.equals("P") && sub.startsWith("t")) {
                return SYMBOLS.get("P_t");
            }
            if (base.equals("P") && sub.chars().allMatch(Character::isDigit)) {
                return SYMBOLS.get("P_k");
            }
            String b = SYMBOLS.get(base);
            if (b != null) {
                return b + (sub.isEmpty() ? "" : " Here of " + sub + ".");
            }
        }
        return "";
    }

    /**
     * @param step  a step, not null
     * @return the definitions the step needs: its result's symbol first, then each symbol of its
     *         formula once, in order; empty ones left out
     */
    public static List<String> of(Step step) {
        Set<String> symbols = new LinkedHashSet<>();
        if (step.symbol() != null) {
            symbols.add(step.symbol());
        }
        if (step.formula() != null) {
            collect(step.formula(), symbols);
        }
        List<String> out = new ArrayList<>();
        for (String s : symbols) {
            String d = of(s);
            if (!d.isEmpty() && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Sym y) {
            out.add(y.symbol());
        } else if (e instanceof Expr.Op op) {
            for (Expr a : op.args()) {
                collect(a, out);
            }
        }
    }
}
