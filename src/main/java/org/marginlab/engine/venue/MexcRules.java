package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * MEXC futures, rule-set id {@code mexc} (spec venues-v2.md §3): USDT-M (linear) and coin-M
 * (inverse), isolated and cross, one version {@code mexc@0000-01-01} (no dated change found).
 *
 * <p>Units (§3.2): USDT-M quantity in contracts × {@code contractSize} base units, prices and
 * amounts in USDT; coin-M contracts of {@code contractSize} USD, amounts in the coin. "Fair
 * price" is the mark price. {@code s} = +1 long, −1 short.
 *
 * <ul>
 *   <li>Initial margin [A]: USDT-M {@code EP·contracts·size/lev}; coin-M
 *       {@code contracts·size/(lev·EP)} ({@link #initialMargin}).</li>
 *   <li>Maintenance margin at the <em>entry</em>: {@code MM = EP·size·MMR} (MEXC blog
 *       "Liquidation in Futures"), the level rate on the whole position; the level is the one
 *       covering the chosen {@code riskLimit}, else the entry value.</li>
 *   <li>Isolated liquidation [B]: template L-E, {@code LP_long = (MM − PM + EP·size)/size},
 *       {@code LP_short = (EP·size − MM + PM)/size} with {@code PM} the position margin
 *       ("commission excluded"). Coin-M: not found; template I-E by analogy (derived).
 *       Bankruptcy price: the same with {@code MM = 0}.</li>
 *   <li>Cross: not found in detail (the blog section was cut off); the shared-wallet form with MM
 *       at entry, as BitMEX §1.3 (derived): {@code M} = cross wallet − the other positions' MM
 *       + their unrealized PnL.</li>
 *   <li>Uncertain (spec §14 #5): MEXC's liquidation condition adds "liquidation fees" whose rate
 *       and place in the price are not published; the documented LP excludes them; followed:
 *       excluded.</li>
 *   <li>Margin ratio {@code MM / margin balance}: liquidation at a margin rate ≥ 100 %.</li>
 * </ul>
 * Helpers: {@link #initialMargin}, fees, funding and PnL §3.3 ({@link #tradingFee},
 * {@link #fundingFee}, {@link #closingPnl}, {@link #totalRealizedPnl}), and the [C] risk levels
 * ({@link MexcRiskLevels}). Stateless, immutable and thread-safe.
 */
public final class MexcRules extends RiskLimitVenue {
    /** Rule-set id. */
    public static final String ID = "mexc";

    @Override
    String uncertainReading() {
        return " Uncertain reading (venues-v2.md §14 #6): the tiers are our reading of riskBaseVol/riskIncr*, not "
                + "ccxt's. Uncertain reading (§14 #5): MEXC's liquidation fees are excluded from the liquidation price.";
    }

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public MexcRules() {
        super(ID, "MEXC", "USDT", Set.of(ContractType.LINEAR, ContractType.INVERSE), presetsOf(ID));
    }

    /** venues-v2.md §3.3. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §3.3");
    }

    /** The position value at entry: MEXC values MM on the open value. */
    @Override
    BigDecimal stepKey(Exposure e) {
        return e.notional(e.position.entryPrice());
    }






    /**
     * MEXC's risk levels as read from the contract-detail API (§3.3 risk tiers, <b>[C]</b>).
     * Uncertain (spec §14 #6): our reading of {@code riskBaseVol}/{@code riskIncr*} differs from
     * ccxt's parser (which ignores {@code riskBaseVol}); followed: ours — level 1 up to
     * {@code riskBaseVol}, one level per further {@code riskIncrVol}, up to
     * {@code riskLevelLimit}; {@code MMR_L = maintenanceMarginRate + (L − 1)·riskIncrMmr},
     * {@code IMR_L = initialMarginRate + (L − 1)·riskIncrImr}; the level rate applies to the whole
     * position; volume in contracts ({@code riskLimitType = BY_VOLUME}) or value
     * ({@code BY_VALUE}), as the API states.
     *
     * @param maintenanceMarginRate  level-1 MMR, in [0, 1)
     * @param initialMarginRate      level-1 IMR, in (0, 1]
     * @param riskBaseVol            the volume of level 1, &gt; 0
     * @param riskIncrVol            the volume each further level adds, &gt; 0
     * @param riskIncrMmr            the MMR each level adds, ≥ 0
     * @param riskIncrImr            the IMR each level adds, ≥ 0
     * @param riskLevelLimit         the highest level, ≥ 1
     */
    public record MexcRiskLevels(BigDecimal maintenanceMarginRate, BigDecimal initialMarginRate, BigDecimal riskBaseVol,
            BigDecimal riskIncrVol, BigDecimal riskIncrMmr, BigDecimal riskIncrImr, int riskLevelLimit) {

        /** @throws ValidationException naming the first missing or out-of-range parameter */
        public MexcRiskLevels {
            Checks.fraction(maintenanceMarginRate, "maintenanceMarginRate");
            Checks.positive(initialMarginRate, "initialMarginRate");
            Checks.positive(riskBaseVol, "riskBaseVol");
            Checks.positive(riskIncrVol, "riskIncrVol");
            Checks.notNegative(riskIncrMmr, "riskIncrMmr");
            Checks.notNegative(riskIncrImr, "riskIncrImr");
            if (riskLevelLimit < 1) {
                throw new ValidationException("riskLevelLimit", "must be ≥ 1", riskLevelLimit);
            }
        }

        /**
         * One level.
         *
         * @param level  {@code L}, from 1
         * @param mmr    {@code MMR_L}
         * @param imr    {@code IMR_L}
         */
        public record Level(int level, BigDecimal mmr, BigDecimal imr) {
        }

        /**
         * @param volume  the position volume (contracts, or value for {@code BY_VALUE}), ≥ 0, not null
         * @return the level that covers it: 1 up to {@code riskBaseVol} inclusive, then
         *         {@code 1 + ceil((volume − riskBaseVol)/riskIncrVol)}; never null
         * @throws ValidationException ({@code volume}) if it is beyond the highest level
         */
        public Level level(BigDecimal volume) {
            Checks.notNegative(volume, "volume");
            int level = 1;
            if (volume.compareTo(riskBaseVol) > 0) {
                BigDecimal extra = volume.subtract(riskBaseVol).divide(riskIncrVol, 0, RoundingMode.CEILING);
                if (extra.compareTo(BigDecimal.valueOf(riskLevelLimit - 1L)) > 0) {
                    throw new ValidationException("volume", "must be ≤ " + riskBaseVol.add(riskIncrVol.multiply(
                            BigDecimal.valueOf(riskLevelLimit - 1L))).toPlainString() + ", the limit of level "
                            + riskLevelLimit + " (the highest)", volume);
                }
                level += extra.intValue();
            }
            BigDecimal steps = BigDecimal.valueOf(level - 1L);
            return new Level(level, maintenanceMarginRate.add(steps.multiply(riskIncrMmr)),
                    initialMarginRate.add(steps.multiply(riskIncrImr)));
        }
    }
}
