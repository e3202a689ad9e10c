package org.marginlab.app.help;

import java.util.List;
import java.util.Map;

import org.marginlab.app.help.FormulaReference.Entry;

/**
 * The formula reference of the nine rule sets of spec {@code venues-v2.md}, as their Javadoc
 * states them. Sources name the venue document and the spec section; where the spec marks a
 * reading as uncertain (its §14 open questions) the entry says so and what MarginLab follows.
 *
 * <p>Symbols beyond {@link FormulaReference#SYMBOLS}: {@code M} = the margin backing the position
 * (isolated margin, or the venue's cross share); {@code N} = an inverse position's face value in
 * USD ({@code Q·CS}); {@code k} = value per unit of quantity per unit of price (1 linear, the
 * quanto multiplier); {@code ded} = the tier's maintenance deduction (offset, mmAmount).
 */
final class FormulaReferenceV2 {
    private FormulaReferenceV2() {
    }

    /** Entries by rule-set id. */
    static final Map<String, List<Entry>> BY_VENUE = Map.of(
            "bitmex", List.of(
                    new Entry("Initial and maintenance margin", "IMR = max(1/leverage, IMR_k), MMR = MMR_k of the risk-limit "
                            + "step k; IM = V·IMR, MM = V·MMR on the value at entry, whole position, no deduction",
                            "BitMEX \"Risk Limits\"; spec venues-v2 §1.3, §1.4 (MM at the entry value: a [C] support reply, followed)"),
                    new Entry("Risk-limit step", "k = 0 if V ≤ base risk limit, else ceil((V − base)/step); MMR_k = base MM·(1 + k), "
                            + "IMR_k = base IM + k·base MM; V at the mark",
                            "BitMEX \"Risk Limits Examples\"; spec venues-v2 §1.4 (mark or entry not stated: uncertain, §14 #13; mark followed)"),
                    new Entry("Liquidation price (inverse)", "LP = N / (N/entry + s·(M − MM)); bankruptcy price: MM = 0",
                            "BitMEX \"Liquidation\"; spec venues-v2 §1.3, template I-E"),
                    new Entry("Liquidation price (linear, quanto)", "LP = entry − s·(M − MM)/(k·Q), k = 1 (linear) or the quanto "
                            + "multiplier; bankruptcy price: MM = 0", "spec venues-v2 §1.3, §1.5, template L-E"),
                    new Entry("Liquidation price (cross)", "as isolated with M − MM = WB + UPNL1 − Σ MM of all cross positions",
                            "derived from the shared wallet; spec venues-v2 §1.3"),
                    new Entry("Average entry price", "per fill lot/price in satoshis, floored (long) or rounded (short) to 8 "
                            + "decimals; entry = lot / (Σ satoshi values / contracts)", "BitMEX support article; spec venues-v2 §1.6"),
                    new Entry("Fees and funding", "left out of the liquidation price; includeFundingReserve adds the funding rate "
                            + "to MMR", "[C] support reply, sign disputed: uncertain (spec venues-v2 §14 #12); left out by default")),
            "kucoin", List.of(
                    new Entry("Liquidation price (kucoin@2021-01-01, isolated)", "USDT-M: LP = entry − s·(M − MM)/Q, "
                            + "MM = Q·entry·MMR (a funding rate r moves LP by s·entry·r); coin-M: LP = N / (N/entry + s·(M − MM))",
                            "KuCoin \"How to Calculate the Liquidation Price\"; spec venues-v2 §2.3, templates L-E, I-E"),
                    new Entry("Liquidation price (kucoin@2025-05-22, isolated)", "USDT-M: LP = (Q·entry − s·(M + ded)) / "
                            + "(Q·(1 − s·(MMR + LFR))); coin-M: LP = N·(1 + s·(MMR + LFR)) / (N/entry + s·(M + ded))",
                            "KuCoin announcement 2025-05-20 (from 04:00 UTC on 2025-05-22); spec venues-v2 §2.4, derived; coin-M by "
                            + "analogy: uncertain (§14 #3); LFR is not published per contract: an input (§14 #4)"),
                    new Entry("Risk rate (cross)", "(Σ MM + MM of open orders + expected closing fees) / (total cross margin − "
                            + "expected opening fees); liquidation at ≥ 100 %", "KuCoin \"Risk Rate of Cross Margin Mode\"; spec venues-v2 §2.5"),
                    new Entry("Liquidation price (cross, reference)", "AMR = total cross margin / Σ |mark value|; "
                            + "LP = mark·(1 − s·AMR) / (1 − s·(MMR + taker)); inverse LP = mark·(1 + s·(MMR + taker)) / (1 + s·AMR)",
                            "KuCoin \"Liquidation Price in Cross Margin Mode\"; spec venues-v2 §2.5 (the inverse formula as printed "
                            + "is inconsistent: uncertain, §14 #2; the reading that matches the linear one followed)")),
            "mexc", List.of(
                    new Entry("Initial margin", "USDT-M: Q·entry / leverage; coin-M: Q·CS / (leverage·entry)",
                            "MEXC \"Margins & PNL Calculations\"; spec venues-v2 §3.3"),
                    new Entry("Liquidation price (isolated)", "LP = entry − s·(M − MM)/Q, MM = Q·entry·MMR; coin-M: "
                            + "LP = N / (N/entry + s·(M − MM)) (derived)", "MEXC \"Liquidation in Futures\"; spec venues-v2 §3.3 "
                            + "(the liquidation fees of the condition are not in the documented formula: left out, §14 #5)"),
                    new Entry("Liquidation price (cross)", "as isolated with M − MM = WB + UPNL1 − Σ MM (MM at entry)",
                            "derived; MEXC's cross formula not found (spec venues-v2 §3.3)"),
                    new Entry("Fees and funding", "fee = price·Q·rate; funding = rate·fair price·Q, paid by longs when positive; "
                            + "realized PnL = closing PnL + funding − fees", "MEXC calculation guide; spec venues-v2 §3.3"),
                    new Entry("Risk tiers", "MMR_L = base MMR + (L − 1)·increment, IMR likewise, level by volume",
                            "[C] our reading of the API fields (spec venues-v2 §3.3, §14 #6)")),
            "bitget", List.of(
                    new Entry("Liquidation price (isolated)", "LP = (Q·entry − s·(M + offset)) / (Q·(1 − s·(MMR + taker)))",
                            "Bitget \"Estimated liquidation price\"; spec venues-v2 §4.2, template L-P"),
                    new Entry("Maintenance margin", "bitget@0000-01-01 and @2025-09-29: value·(MMR + fee) at the rate of the tier "
                            + "that holds the whole value; bitget@2025-11-10 (positions opened from 08:00 UTC that day): each slice "
                            + "at its tier rate, value·(MMR + fee) − offset", "Bitget notices 2025-11-07/10; spec venues-v2 §4.2, §12"),
                    new Entry("Initial margin and ROE", "from 2025-09-29 Q·mark / leverage (before: Q·entry / leverage); ROE = "
                            + "unrealized PnL / that margin", "Bitget 2025-09-29 update; spec venues-v2 §4.2 (the isolated margin in "
                            + "the liquidation price stays the posted margin: uncertain, §14 #7)"),
                    new Entry("Margin rate", "(position margin + unrealized PnL) / (Q·mark); liquidation when ≤ MMR",
                            "Bitget \"Position Tier\"; spec venues-v2 §4.2"),
                    new Entry("Liquidation price (cross)", "as isolated with M = wallet + UPNL1 − Σ other MM",
                            "derived (the one-way formula was not found: spec venues-v2 §14 #8)")),
            "phemex", List.of(
                    new Entry("Position margin", "M = Q·entry / leverage + fee to close; fee to close = Q·BP·taker, "
                            + "BP = entry·(1 − s/leverage)", "Phemex API (assignedPosBalance); spec venues-v2 §5.2, §10.1, §13"),
                    new Entry("Liquidation price (USDT-M)", "LP = (Q·entry − s·(M + mmAmount)) / (Q·(1 − s·(MMR + taker)))",
                            "Phemex \"Liq. Price for USDT-M\"; spec venues-v2 §5.2, template L-P"),
                    new Entry("Bankruptcy price", "the same with MMR = mmAmount = 0 and the taker fee kept (the reserve pays it): "
                            + "entry·(1 − s/leverage) with the default margin", "spec venues-v2 §10.3"),
                    new Entry("Liquidation price (inverse)", "LP = N / (N/entry + s·(M − MM)), MM at entry, no fee (2020 text)",
                            "Phemex \"How are Liquidation Prices calculated?\"; spec venues-v2 §5.2, template I-E"),
                    new Entry("Order cost", "valueToCost = IMR + taker + taker·b, b = 1 ∓ IMR (bankruptcy value per unit)",
                            "Phemex API samples; spec venues-v2 §5.2")),
            "kraken-futures", List.of(
                    new Entry("Maintenance margin", "each level's rate on the slice of the position inside it: MM = Σ slice·MMR",
                            "Kraken \"Inverse Futures Margin Schedule\"; spec venues-v2 §6.2"),
                    new Entry("Liquidation price (inverse)", "MM at the liquidation price: LP = (N·(1 + s·MMR_k) − s·D_k) / "
                            + "(N/entry + s·M), D_k the slices' deduction in contracts; mmValuation entry: LP = N / (N/entry + s·(M − MM))",
                            "Kraken \"Equity Protection Process\"; spec venues-v2 §6.2 (sources disagree where MM is valued: "
                            + "uncertain, §14 #1; the EPP page followed)"),
                    new Entry("Liquidation price (linear)", "LP = (Q·entry − s·M) / (Q·(1 − s·MMR))",
                            "derived (Kraken's multi-collateral formula not found); spec venues-v2 §6.2"),
                    new Entry("Unrealized PnL", "inverse: s·size·(1/entry − 1/mark); linear: s·Q·(mark − entry)",
                            "Kraken \"Calculation of profit and loss\"; spec venues-v2 §6.2")),
            "deribit", List.of(
                    new Entry("Margin rates", "IMR = a_IM + b·S, MMR = a_MM + b·S, S = size in base units, on the index price",
                            "Deribit \"Linear Perpetual\"; spec venues-v2 §7.2"),
                    new Entry("Liquidation price (linear)", "LP = (S·entry − s·E) / (S·(1 − s·MMR(S))), E = equity; every "
                            + "position is cross (account-level margin)", "derived; spec venues-v2 §7.2"),
                    new Entry("Liquidation price (inverse)", "LP = 1/x, x the root of b·N²·x² + (a + s)·N·x − (E + s·N/entry) = 0 "
                            + "on the adverse side of the entry", "derived; spec venues-v2 §7.2 (current inverse parameters not "
                            + "found: legacy parameters with an asOf only, §14 #15)")),
            "dydx-v4", List.of(
                    new Entry("Margin fractions", "IMF grows with open interest between the caps; MMF = base IMF × maintenance "
                            + "fraction; IM rounded up to a quote quantum, MM ppm rounded down",
                            "dydxprotocol v4-chain liquidity_tier.go, lib.go; spec venues-v2 §8.2"),
                    new Entry("Liquidation price", "isolated p' = (e − S·p) / (|S|·MMF − S); cross p' = (e − S·p − MM of the "
                            + "others) / (|S|·MMF − S); e the equity at the oracle price p",
                            "dYdX v4 docs \"Liquidations\"; spec venues-v2 §8.2 (the per-market user leverage of newer code "
                            + "is not implemented: §14 #16)")),
            "bybit-uta", List.of(
                    new Entry("Fee to close", "FTC = Q·BP·taker, BP = entry·(1 − s/leverage); position margin = IM + FTC",
                            "Bybit \"Position Margin\"; spec venues-v2 §9.2, §10.1"),
                    new Entry("Liquidation price (USDT, isolated)", "LP = entry − s·(M − MM)/Q, MM = Q·entry·MMR − ded; the fee "
                            + "to close is in both M and MM and cancels", "spec venues-v2 §9.2, template L-E (the 2026 USDT text "
                            + "was not retrieved: §14 #11)"),
                    new Entry("ROI", "unrealized PnL / (IM + FTC)", "Bybit \"FAQ — P&L Calculation\"; spec venues-v2 §9.2"),
                    new Entry("USDC initial margin", "IM = Q·mark / leverage; the entry resets to the mark at each 8-hour "
                            + "settlement", "Bybit \"Initial Margin Calculation (USDC)\"; spec venues-v2 §9.2"),
                    new Entry("Liquidation price (inverse, bybit-uta@2026-05-27)", "LP = N·(1 + s·MMR) / (N/entry + s·M + ded), "
                            + "M = IM + extra/(1 + s·taker)", "Bybit UTA isolated liquidation price, 2026 revision; spec venues-v2 "
                            + "§9.2, template I-P (position value at the mark vs the entry in the formula: uncertain, §14 #9; "
                            + "the formula followed)"),
                    new Entry("Liquidation price (inverse, bybit-uta@2024-09-10)", "LP = N / (N/entry + s·(IM + extra − MM))",
                            "2024-09 revision; spec venues-v2 §9.2, template I-E (added margin put inside the denominator: §14 #10)")));
}
