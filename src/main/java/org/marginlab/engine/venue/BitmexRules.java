package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;

/**
 * BitMEX, rule-set id {@code bitmex} (spec venues-v2.md §1): inverse (XBTUSD), linear (USDT)
 * and quanto contracts, one version {@code bitmex@0000-01-01}.
 *
 * <p>Units and signs (§1.2): {@code s} = +1 long, −1 short. Inverse: quantity in USD contracts
 * of {@code contractSize} USD, face {@code N = Q·CS}, position value {@code V = N/P} in XBT.
 * Linear: quantity × contract size in base units, {@code V = Q·CS·P} in USDT. Quanto
 * ({@code contract: "quanto"}): {@code contractSize} is the multiplier {@code k} (XBT per 1 USD of
 * price per contract), {@code V = k·Q·P} in XBT, linear in the price (§1.5). Amounts are kept at
 * full precision; BitMEX's integer satoshis are a display matter (§1.7).
 *
 * <p>Margins and liquidation (§1.3, [B] formulas; entry valuation from [C] sources):
 * <ul>
 *   <li>{@code IMR = max(1/lev, IMR_k)}, {@code MMR = MMR_k} of the risk-limit step {@code k};
 *       {@code MM = V_E·MMR} with {@code V_E} the value at the <em>entry</em>, on the whole
 *       position (no deduction). BitMEX's own pages do not name the price; the support reply
 *       and the reverse-engineered calculation ([C], §1.1) put it on the entry value: followed.
 *       The leverage check keeps {@code 1/lev ≥ IMR_k}, so the initial margin is
 *       {@code V_E/lev}.</li>
 *   <li>Isolated: inverse template I-E, {@code LP = N/(N/EP + s·(M − MM_E))}; linear and quanto
 *       template L-E, {@code LP = EP − s·(M − MM_E)/(k·Q)}; {@code M} the isolated margin, by
 *       default the initial margin (then {@code LP_long = EP/(1 + IMR − MMR)} inverse,
 *       {@code EP·(1 − s·(IMR − MMR))} linear). Bankruptcy price: the same with {@code MM = 0}.
 *       A 1x linear long keeps {@code LP = MMR·EP}; a 1x inverse short {@code LP = EP/MMR}.</li>
 *   <li>Cross (derived): the whole balance backs the cross positions; with MM fixed at entry
 *       {@code LP_i = EP_i − s_i·(WB + Σ_{j≠i} UPNL_j − Σ_j MM_j)/(k_i·Q_i)}, others at their
 *       mark; inverse: I-E with the same bracket.</li>
 *   <li>Risk-limit step (§1.4, [A]): from the position's tier table (bundled, or its
 *       {@code tiers}; {@link BitmexRiskLimits#tierTable} builds one from the instrument's base
 *       risk limit and step), the step that covers the chosen {@code riskLimit}, else the
 *       smallest that covers the position value <em>at the mark</em>. Uncertain (spec §14 #13):
 *       whether BitMEX measures that value at the mark or the entry is not found; followed: the
 *       mark (the API's {@code markValue}). Open-order value is not modelled.</li>
 *   <li>Fees and funding (§1.3, §10.2): excluded by default — the exit-fee reserve of the [C]
 *       support reply appears on both sides and cancels. Option {@code includeFundingReserve}
 *       ([C]): {@code MMR = MMR_k + fundingRate}. Uncertain (spec §14 #12): the funding term's
 *       sign is disputed in the source thread; followed: the rate added as given (positive when
 *       longs pay), for either side, as spec §13 words it.</li>
 *   <li>Margin ratio: {@code MM / margin balance}; liquidation when equity ≤ MM.</li>
 * </ul>
 *
 * <p>Dated changes (§12.1): the 2020-04-17 and 2020-05-05 base-MM cuts, the 2021-08-31 risk-step
 * change, the 2024-03-19 futures base MM and the 2025-06-12 USDT-perpetual rates are parameter
 * changes — tier data, not formulas — so they are expressed by the dated tier table a position
 * uses, and this rule set has a single version. Uncertain (not found, §1.7): the rounding
 * direction of BitMEX's displayed liquidation price.
 *
 * <p>Helpers: {@link org.marginlab.engine.sizing.BitmexAverageEntry#averageEntryPrice} (§1.6 rounding, [A]) and {@link BitmexRiskLimits}
 * (§1.4). Stateless, immutable and thread-safe.
 */
public final class BitmexRules extends RiskLimitVenue {
    /** Rule-set id. */
    public static final String ID = "bitmex";
    /** Digits of an XBT amount: satoshis. */

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public BitmexRules() {
        super(ID, "BitMEX", "USDT", Set.of(ContractType.INVERSE, ContractType.LINEAR, ContractType.QUANTO), presetsOf(ID));
    }

    /** Risk-limit steps venues-v2.md §1.4, margins and liquidation §1.3. */
    @Override
    Sources sources() {
        return new Sources("venues-v2.md §1.4", "venues-v2.md §1.3", "venues-v2.md §1.3", "venues-v2.md §1.3",
                "venues-v2.md §1.3");
    }

    /** @return {@code XBT} for quanto (settled in XBT), else as {@link VenueRules#settlementCurrency(Position)} */
    @Override
    public String settlementCurrency(Position position) {
        return position.contract() == ContractType.QUANTO ? "XBT" : super.settlementCurrency(position);
    }

    @Override
    String uncertainReading() {
        return " Uncertain reading (venues-v2.md §14 #13): whether the risk-limit value is at the mark or the entry; "
                + "followed: the mark. Uncertain reading (§14 #12): fees and funding are excluded from the liquidation "
                + "price unless the funding reserve option is on.";
    }

    /** The position value at the mark (§1.4, spec §14 #13). */
    @Override
    BigDecimal stepKey(Exposure e) {
        return e.notional(e.position.markPrice());
    }

    /** The [C] funding reserve: {@code fundingRate} when {@code includeFundingReserve}, else 0. */
    @Override
    BigDecimal extraMaintenanceRate(Position p) {
        return p.venueParameters().includeFundingReserve() ? p.venueParameters().fundingRateOrZero() : BigDecimal.ZERO;
    }


}
