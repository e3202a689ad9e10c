package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;

/**
 * Bybit, rule-set ids {@code bybit-linear} (USDT perpetual) and {@code bybit-inverse}.
 *
 * <p>Bybit values the maintenance margin at the <em>entry</em> value, unlike Binance (spec
 * margin-formulas.md §11): {@code MM = PV·MMR − deduction} with {@code PV = Q·entry} (linear,
 * USDT) or {@code Q/entry} (inverse, coin), the risk-limit tier looked up by {@code PV} (§2.4).
 * <ul>
 *   <li>Linear isolated (§2.1, help "Liquidation Price (USDT Contract)"):
 *       {@code LP = entry − s·(IM − MM + extra)/Q}; with {@code IM + extra} = the isolated
 *       margin {@code iWB}, {@code LP = entry − s·(iWB − MM)/Q}. Cross (§2.5, "total sustainable
 *       loss = available balance + IM − MM"): {@code iWB} becomes the cross wallet less the
 *       other positions' maintenance margin plus their unrealized PnL.</li>
 *   <li>Inverse isolated (§2.3, UTA 2024-09): {@code LP = Q / (Q/entry + s·(iWB − MM))}; none
 *       when the denominator is ≤ 0 (a short whose margin covers any rise).</li>
 *   <li>Bankruptcy price: the same with {@code MM = 0} ({@code BP_long = entry·(1 − IMR)} for
 *       a position with only its initial margin, §2.2).</li>
 *   <li>Margin ratio {@code MM / margin balance} (UTA "account MM rate", §2.5), with the MM at
 *       entry value as above, so that it reaches 100 % exactly at the liquidation price.</li>
 *   <li>Fees: v1 leaves the estimated fee to close out of the formula (the 2026 UTA revision adds
 *       it; live Bybit prices differ by about {@code taker·BP}, §2.1). Max removable margin:
 *       Bybit publishes no formula; the Binance rule is used.</li>
 * </ul>
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class BybitRules extends BaseVenue {
    /** Id of the USDT-perpetual rule set. */
    public static final String LINEAR_ID = "bybit-linear";
    /** Id of the inverse rule set. */
    public static final String INVERSE_ID = "bybit-inverse";

    private static final MathContext FLOOR = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext CEILING = new MathContext(34, RoundingMode.CEILING);

    private BybitRules(String id, String name, String currency, ContractType type, List<String> presets) {
        super(id, name, currency, Set.of(type), presets);
    }

    /** @return the USDT-perpetual rules ({@code bybit-linear}) */
    public static BybitRules linear() {
        return new BybitRules(LINEAR_ID, "Bybit USDT Perpetual", "USDT", ContractType.LINEAR,
                presetsOf(LINEAR_ID));
    }

    /** @return the inverse rules ({@code bybit-inverse}) */
    public static BybitRules inverse() {
        return new BybitRules(INVERSE_ID, "Bybit Inverse", "coin", ContractType.INVERSE,
                presetsOf(INVERSE_ID));
    }

    /** Tiers §2.4, liquidation §2.1 (linear) or §2.3 (inverse), cross and ratio §2.5, what-if §2.6 of margin-formulas.md. */
    @Override
    Sources sources() {
        return id().equals(LINEAR_ID)
                ? new Sources("margin-formulas.md §2.4", "margin-formulas.md §2.1", "margin-formulas.md §2.5",
                        "margin-formulas.md §2.6", "margin-formulas.md §2.5")
                : new Sources("margin-formulas.md §2.4", "margin-formulas.md §2.3", "margin-formulas.md §2.5",
                        "margin-formulas.md §2.6", "margin-formulas.md §2.5");
    }

    /** @return 0.00055 (0.055 %, Bybit's regular derivatives taker rate); not used in v1 liquidation */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return new BigDecimal("0.00055");
    }

    @Override
    boolean maintenanceAtEntry() {
        return true;
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        if (legs.size() != 1) {
            throw new ValidationException("marginMode", "hedged legs are not supported on " + id(), legs.size());
        }
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        BigDecimal entry = e.position.entryPrice();
        BigDecimal entryValue = e.notional(entry);
        MaintenanceTier tier = leg.schedule().lookup(entryValue);
        // templates L-E / I-E (FixedRequirement): W + s·B·(P − EP) = MM at the entry value
        return FixedRequirement.liquidation(e, wallet, tier.maintenanceMargin(entryValue), tier, cited().liquidation(),
                null);
    }
}
