package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.TierTable;

/**
 * BitMEX risk limits of one instrument (spec venues-v2.md §1.4, [A]; BitMEX "Risk Limits
 * Examples"): "at each step, the maintenance and initial margin are raised by the base
 * maintenance margin".
 * <pre>
 * k     = 0                                    if V ≤ baseRiskLimit
 * k     = ceil((V − baseRiskLimit) / riskStep)  otherwise
 * MMR_k = baseMmr + k·stepIncrement             IMR_k = baseImr + k·stepIncrement
 * </pre>
 * {@code V} is the position value (settlement currency: XBT for XBTUSD), or the chosen risk
 * limit when the user names one; the step's rates apply to the whole position (no deduction).
 * {@code stepIncrement} is the base maintenance margin on BitMEX's pages; it is a separate
 * parameter so that a table whose increment differs can be stated.
 *
 * <p>These parameters change over time (§12.1: XBTUSD base MM 0.50 % → 0.45 % on 2020-04-17,
 * → 0.40 % on 2020-05-05; risk step 100 → 150 XBT on 2021-08-31): they are data, to be dated
 * with the table they build. Units: amounts in the settlement currency, rates fractions.
 * Immutable and thread-safe.
 *
 * @param baseRiskLimit  the first step's limit, &gt; 0 (XBTUSD 2019 page: 200 XBT)
 * @param riskStep       the value each further step adds, &gt; 0 (150 XBT)
 * @param baseMmr        the maintenance margin rate of step 0, in [0, 1) (0.005)
 * @param baseImr        the initial margin rate of step 0, in (0, 1] (0.01)
 * @param stepIncrement  the rate each step adds to both, ≥ 0 (0.005)
 */
public record BitmexRiskLimits(BigDecimal baseRiskLimit, BigDecimal riskStep, BigDecimal baseMmr, BigDecimal baseImr,
        BigDecimal stepIncrement) {

    /**
     * @throws ValidationException naming the first missing or out-of-range parameter
     */
    public BitmexRiskLimits {
        Checks.positive(baseRiskLimit, "baseRiskLimit");
        Checks.positive(riskStep, "riskStep");
        Checks.fraction(baseMmr, "baseMmr");
        Checks.positive(baseImr, "baseImr");
        if (baseImr.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException("baseImr", "must be ≤ 1", baseImr);
        }
        Checks.notNegative(stepIncrement, "stepIncrement");
    }

    /**
     * One risk-limit step.
     *
     * @param steps      {@code k}, ≥ 0
     * @param riskLimit  the step's limit {@code baseRiskLimit + k·riskStep}, settlement currency
     * @param mmr        {@code MMR_k}, a fraction
     * @param imr        {@code IMR_k}, a fraction
     */
    public record Step(int steps, BigDecimal riskLimit, BigDecimal mmr, BigDecimal imr) {
        /**
         * @param positionValue  position value, settlement currency, not null
         * @return {@code V·MMR_k}: the maintenance margin on the whole position
         */
        public BigDecimal maintenanceMargin(BigDecimal positionValue) {
            return positionValue.multiply(mmr);
        }

        /**
         * @param positionValue  position value, settlement currency, not null
         * @return {@code V·IMR_k}: the step's minimum initial margin
         */
        public BigDecimal initialMargin(BigDecimal positionValue) {
            return positionValue.multiply(imr);
        }
    }

    /**
     * The step in force for a position value and an optional chosen risk limit: the step of the
     * chosen limit when given (BitMEX applies the chosen limit's rates), else the smallest step
     * that covers the value (spec §1.4: "MarginLab should take the smallest step that covers
     * {@code V} unless the workspace names one").
     *
     * @param positionValue    the position value (plus open-order value), settlement currency, ≥ 0, not null
     * @param chosenRiskLimit  the user's risk limit, &gt; 0, or null
     * @return the step, never null
     * @throws ValidationException ({@code positionValue}) if missing or negative;
     *         ({@code riskLimit}) if the value exceeds the chosen limit, which BitMEX rejects
     */
    public Step step(BigDecimal positionValue, BigDecimal chosenRiskLimit) {
        Checks.notNegative(positionValue, "positionValue");
        Checks.positiveOrNull(chosenRiskLimit, "riskLimit");
        if (chosenRiskLimit != null && positionValue.compareTo(chosenRiskLimit) > 0) {
            throw new ValidationException("riskLimit", "must be ≥ the position value " + positionValue.toPlainString()
                    + " (BitMEX rejects orders that would exceed the chosen risk limit)", chosenRiskLimit);
        }
        BigDecimal key = chosenRiskLimit != null ? chosenRiskLimit : positionValue;
        int k = 0;
        if (key.compareTo(baseRiskLimit) > 0) {
            BigDecimal steps = key.subtract(baseRiskLimit).divide(riskStep, 0, RoundingMode.CEILING);
            if (steps.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new ValidationException(chosenRiskLimit != null ? "riskLimit" : "positionValue",
                        "must be within 2^31 − 1 risk steps of the base risk limit", key);
            }
            k = steps.intValue();
        }
        return step(k);
    }

    /**
     * @param k  the step index, ≥ 0
     * @return step {@code k}
     */
    public Step step(int k) {
        if (k < 0) {
            throw new ValidationException("steps", "must be ≥ 0", k);
        }
        BigDecimal kk = BigDecimal.valueOf(k);
        BigDecimal raise = kk.multiply(stepIncrement);
        return new Step(k, baseRiskLimit.add(kk.multiply(riskStep)), baseMmr.add(raise), baseImr.add(raise));
    }

    /**
     * The steps {@code 0..lastStep} as a tier table for positions ({@code tiers}): row {@code k}
     * from the previous limit (0 for the first) to its own limit, maintenance rate
     * {@code MMR_k}, max leverage {@code 1/IMR_k}. The maintenance amounts are those of the
     * table recurrence; {@code bitmex} does not use them (whole-position rates) and treats a
     * value equal to a limit as inside that limit's step.
     *
     * @param lastStep  the highest step, ≥ 0
     * @param source    provenance of the parameters, may be null
     * @param asOf      the date they apply from, ISO {@code yyyy-MM-dd}, may be null
     * @return the table, never null
     * @throws ValidationException if a step's maintenance rate reaches 1 or its initial rate exceeds 1
     */
    public TierTable tierTable(int lastStep, String source, String asOf) {
        if (lastStep < 0) {
            throw new ValidationException("lastStep", "must be ≥ 0", lastStep);
        }
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> caps = new ArrayList<>();
        List<BigDecimal> mmrs = new ArrayList<>();
        List<BigDecimal> maxLeverages = new ArrayList<>();
        BigDecimal floor = BigDecimal.ZERO;
        for (int k = 0; k <= lastStep; k++) {
            Step s = step(k);
            if (s.imr().compareTo(BigDecimal.ONE) > 0) {
                throw new ValidationException("lastStep", "must keep the initial margin rate ≤ 1 (step " + k + ": "
                        + s.imr().toPlainString() + ")", lastStep);
            }
            floors.add(floor);
            caps.add(s.riskLimit());
            mmrs.add(s.mmr());
            maxLeverages.add(BigDecimal.ONE.divide(s.imr(), MathContext.DECIMAL128));
            floor = s.riskLimit();
        }
        return TierTable.ofMarginalRates(floors, caps, mmrs, maxLeverages, source, asOf);
    }
}
