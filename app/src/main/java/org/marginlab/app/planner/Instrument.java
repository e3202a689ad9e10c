package org.marginlab.app.planner;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * What a planned position is evaluated with: the venue's rules and the instrument (symbol,
 * contract type and size, the maintenance schedule: the venue's tier table for the symbol or an
 * explicit rate), as the fields of a workspace position (spec workspace-and-cli.md §1).
 *
 * @param venue          the rule set, not null
 * @param symbol         the symbol, or null when the maintenance is given
 * @param contract       linear or inverse, not null
 * @param contractSize   base units per unit (linear) or quote per contract (inverse), &gt; 0
 * @param maintenance    the maintenance override, or null for the symbol's tier table
 * @param maxLeverage    the asset's max leverage where the venue or the override needs one, or null
 * @param takerFeeGiven  the taker fee rate typed, or null for the venue's
 */
public record Instrument(VenueRules venue, String symbol, ContractType contract, BigDecimal contractSize,
        Maintenance maintenance, BigDecimal maxLeverage, BigDecimal takerFeeGiven) {

    /** The symbol of a planned position that names none (its schedule is the maintenance override). */
    public static final String NO_SYMBOL = "CUSTOM";

    /**
     * Engine field → planner field, for errors about the planned position ({@code symbol: has no
     * bundled tier table} → {@code --symbol: …}).
     */
    static final String[] RENAMES = {
        "symbol", "--symbol",
        "contract", "--contract",
        "contractSize", "--contract-size",
        "maintenance.mmr", "--mmr",
        "maintenance.maintenanceAmount", "--maintenance-amount",
        "maxLeverage", "--max-leverage",
        "takerFeeRate", "--taker-fee",
        "leverage", "--leverage",
        "venue", "--venue",
    };

    /** @return a copy of {@link #RENAMES}: pairs of engine field, planner field */
    public static String[] renames() {
        return RENAMES.clone();
    }

    /**
     * Reads the instrument's fields (the typed texts, null where not given), in the order the
     * command line checks them.
     *
     * @param venue  the rule set, not null
     * @throws ValidationException naming the field ({@code --contract}, {@code --contract-size},
     *         {@code --mmr}, {@code --maintenance-amount}, {@code --symbol}, {@code --max-leverage},
     *         {@code --taker-fee}) and the rule
     */
    public static Instrument parse(Numbers numbers, VenueRules venue, String symbol, String contract,
            String contractSize, String mmr, String maintenanceAmount, String maxLeverage, String takerFee) {
        ContractType type = PlanInputs.contract(contract, "--contract");
        BigDecimal size = PlanInputs.positive(numbers, contractSize, "--contract-size");
        Maintenance maintenance = null;
        if (given(mmr)) {
            BigDecimal rate = PlanInputs.notNegative(numbers, mmr, "--mmr");
            if (rate.compareTo(BigDecimal.ONE) >= 0) {
                throw new ValidationException("--mmr", "must be < 1 (a fraction, 0.005 = 0.5 %)", rate);
            }
            BigDecimal amount = !given(maintenanceAmount) ? BigDecimal.ZERO
                    : PlanInputs.notNegative(numbers, maintenanceAmount, "--maintenance-amount");
            maintenance = new Maintenance(rate, amount);
        } else if (given(maintenanceAmount)) {
            throw new ValidationException("--maintenance-amount", "needs --mmr (it overrides the tier table with it)",
                    maintenanceAmount);
        } else if (symbol == null || symbol.isBlank()) {
            throw new ValidationException("--symbol", "is required without --mmr (it selects the venue's tier table)",
                    symbol == null ? null : "'" + symbol + "'");
        }
        BigDecimal maxLev = !given(maxLeverage) ? null : PlanInputs.positive(numbers, maxLeverage, "--max-leverage");
        BigDecimal taker = null;
        if (given(takerFee)) {
            taker = PlanInputs.notNegative(numbers, takerFee, "--taker-fee");
            if (taker.compareTo(BigDecimal.ONE) >= 0) {
                throw new ValidationException("--taker-fee", "must be < 1 (a fraction, 0.0005 = 0.05 %)", taker);
            }
        }
        if (!venue.contractTypes().contains(type)) {
            throw new ValidationException("--contract", "must be "
                    + String.join(" or ", venue.contractTypes().stream().map(ContractType::id).sorted().toList())
                    + " on " + venue.id(), type.id());
        }
        return new Instrument(venue, symbol == null || symbol.isBlank() ? null : symbol.strip(), type, size, maintenance,
                maxLev, taker);
    }

    /** Whether an optional field was given (the tab passes null for an empty one). */
    private static boolean given(String text) {
        return text != null;
    }

    /**
     * A position template: the instrument, the side, leverage and mode; quantity and prices 1
     * (to be replaced).
     */
    public Position.Builder template(Side side, BigDecimal leverage, MarginMode mode) {
        return Position.builder().id("plan").symbol(symbol == null ? NO_SYMBOL : symbol).contract(contract)
                .contractSize(contractSize).side(side).quantity(BigDecimal.ONE).entryPrice(BigDecimal.ONE)
                .leverage(leverage).marginMode(mode).maintenance(maintenance).maxLeverage(maxLeverage)
                .takerFeeRate(takerFeeGiven);
    }

    /** An engine rule in the planner's words: a workspace's {@code tiers or maintenance} is {@code --mmr}. */
    public static String plannerRule(String rule) {
        return rule.replace("give tiers or maintenance", "give --mmr");
    }

    /** An engine error about the planned position under the planner's field, in its words. */
    public static ValidationException renamed(ValidationException e) {
        ValidationException r = PlanInputs.renamed(e, RENAMES);
        return r == e && r.rule().equals(plannerRule(r.rule())) ? e
                : new ValidationException(r.field(), plannerRule(r.rule()), r.value());
    }
}
