package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;

/**
 * OKX and Gate.io USDT-margined (linear) perpetuals, rule-set ids {@code okx} and {@code gate}.
 *
 * <p>Both include a close fee at the liquidation price: liquidation when equity reaches
 * maintenance margin plus taker fee on the position value (spec margin-formulas.md §3, §4;
 * Gate help 27724 "liquidation-price-bankruptcy-price", as implemented by freqtrade):
 * {@code LP = (entry − s·WB/Q) / (1 − s·(MMR + taker))}, generalised with the tier's maintenance
 * amount to {@code LP = (Q·entry − s·(WB + cum)) / (Q·(1 − s·(MMR + taker)))} and the tier
 * re-checked at {@code Q·LP}. {@code WB} is the isolated margin, or for cross the wallet less
 * the other positions' requirements plus their unrealized PnL. Bankruptcy price: no maintenance
 * and no fee, {@code entry − s·WB/Q}.
 *
 * <p>Margin ratio: OKX reports {@code equity / (maintenance margin + fees)}, which falls toward
 * 100 % as risk grows, liquidation at ≤ 100 % (OKX help "Isolated margin mode", §3, §11). Gate
 * publishes no ratio in the sources; {@code gate} reports the Binance-style
 * {@code (maintenance margin + fee) / margin balance}, liquidation at ≥ 100 %. Neither bundles
 * a tier table yet (presets would come from an {@code okx} or {@code gate} tier folder): positions
 * give {@code tiers} or {@code maintenance}. Taker fee: the
 * position's {@code takerFeeRate}, else 0.05 % (both venues' regular-tier taker rate). Max
 * removable margin: the Binance rule.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class OkxGateRules extends BaseVenue {
    /** Id of the OKX rule set. */
    public static final String OKX_ID = "okx";
    /** Id of the Gate.io rule set. */
    public static final String GATE_ID = "gate";

    private final MarginRatioDefinition ratioDefinition;

    private OkxGateRules(String id, String name, MarginRatioDefinition ratioDefinition) {
        super(id, name, "USDT", Set.of(ContractType.LINEAR), presetsOf(id));
        this.ratioDefinition = ratioDefinition;
    }

    /** @return the OKX rules */
    public static OkxGateRules okx() {
        return new OkxGateRules(OKX_ID, "OKX", MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES);
    }

    /** @return the Gate.io rules */
    public static OkxGateRules gate() {
        return new OkxGateRules(GATE_ID, "Gate.io", MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE);
    }

    /** OKX margin-formulas.md §3, Gate §4. */
    @Override
    Sources sources() {
        return id().equals(OKX_ID) ? Sources.all("margin-formulas.md §3") : Sources.all("margin-formulas.md §4");
    }

    @Override
    public MarginRatioDefinition marginRatioDefinition() {
        return ratioDefinition;
    }

    /** @return 0.0005 (0.05 %) */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return new BigDecimal("0.0005");
    }

    @Override
    BigDecimal closeFeeRate(Position position) {
        return takerFeeRate(position);
    }
}
