package org.marginlab.app.cli;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

import picocli.CommandLine.Option;

/**
 * The venue and instrument options of {@code size} and {@code ladder}: which rule set evaluates the
 * planned position and with which maintenance schedule (the venue's tier table for the symbol, or
 * an explicit {@code --mmr}), as the fields of a workspace position (spec workspace-and-cli.md §1).
 */
final class InstrumentOptions {
    /** The symbol of a planned position that names none (its schedule is {@code --mmr}). */
    static final String NO_SYMBOL = "CUSTOM";

    @Option(names = "--venue", paramLabel = "ID", defaultValue = "binance-usdm",
            description = "Rule set, as in a workspace (e.g. bybit-linear, okx, kucoin@2025-05-22; default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Instrument; selects the venue's tier table (e.g. BTCUSDT). Required without --mmr.")
    String symbol;

    @Option(names = "--contract", paramLabel = "linear|inverse", defaultValue = "linear",
            description = "Contract type (default: ${DEFAULT-VALUE}): linear settles in quote, inverse in coin.")
    String contract;

    @Option(names = "--contract-size", paramLabel = "SIZE", defaultValue = "1",
            description = "Base units per unit of quantity (linear) or quote per contract (inverse, e.g. 100); default ${DEFAULT-VALUE}.")
    String contractSize;

    @Option(names = "--mmr", paramLabel = "FRACTION",
            description = "Maintenance margin rate overriding the tier table, e.g. 0.004 = 0.4 %%.")
    String mmr;

    @Option(names = "--maintenance-amount", paramLabel = "AMOUNT",
            description = "Maintenance amount (Binance cum) with --mmr, settlement currency; default 0.")
    String maintenanceAmount;

    @Option(names = "--max-leverage", paramLabel = "X",
            description = "The asset's max leverage, where the venue or --mmr needs one (e.g. hyperliquid).")
    String maxLeverage;

    @Option(names = "--taker-fee", paramLabel = "RATE",
            description = "Taker fee rate, a fraction (0.0005 = 0.05 %%); default: the venue's.")
    String takerFee;

    @Option(names = "--bundled-tiers",
            description = "Use only the tier tables bundled with MarginLab, not those stored by Help > Update tier tables.")
    boolean bundledTiers;

    /** The parsed options, checked by name. */
    record Parsed(VenueRules venue, String symbol, ContractType contract, BigDecimal contractSize,
            Maintenance maintenance, BigDecimal maxLeverage, BigDecimal takerFeeGiven) {

        /**
         * A position template: the instrument, the side, leverage and mode; quantity and prices 1
         * (to be replaced).
         */
        Position.Builder template(Side side, BigDecimal leverage, MarginMode mode) {
            return Position.builder().id("plan").symbol(symbol == null ? NO_SYMBOL : symbol).contract(contract)
                    .contractSize(contractSize).side(side).quantity(BigDecimal.ONE).entryPrice(BigDecimal.ONE)
                    .leverage(leverage).marginMode(mode).maintenance(maintenance).maxLeverage(maxLeverage)
                    .takerFeeRate(takerFeeGiven);
        }
    }

    Parsed parse() {
        VenueRules rules = Planner.venue(venue);
        ContractType type = Planner.contract(contract);
        BigDecimal size = Planner.positive(contractSize, "--contract-size");
        Maintenance maintenance = null;
        if (mmr != null) {
            BigDecimal rate = Planner.notNegative(mmr, "--mmr");
            if (rate.compareTo(BigDecimal.ONE) >= 0) {
                throw new ValidationException("--mmr", "must be < 1 (a fraction, 0.005 = 0.5 %)", rate);
            }
            BigDecimal amount = maintenanceAmount == null ? BigDecimal.ZERO
                    : Planner.notNegative(maintenanceAmount, "--maintenance-amount");
            maintenance = new Maintenance(rate, amount);
        } else if (maintenanceAmount != null) {
            throw new ValidationException("--maintenance-amount", "needs --mmr (it overrides the tier table with it)",
                    maintenanceAmount);
        } else if (symbol == null || symbol.isBlank()) {
            throw new ValidationException("--symbol", "is required without --mmr (it selects the venue's tier table)",
                    symbol == null ? null : "'" + symbol + "'");
        }
        BigDecimal maxLev = maxLeverage == null ? null : Planner.positive(maxLeverage, "--max-leverage");
        BigDecimal taker = null;
        if (takerFee != null) {
            taker = Planner.notNegative(takerFee, "--taker-fee");
            if (taker.compareTo(BigDecimal.ONE) >= 0) {
                throw new ValidationException("--taker-fee", "must be < 1 (a fraction, 0.0005 = 0.05 %)", taker);
            }
        }
        if (!rules.contractTypes().contains(type)) {
            throw new ValidationException("--contract", "must be "
                    + String.join(" or ", rules.contractTypes().stream().map(ContractType::id).sorted().toList())
                    + " on " + rules.id(), type.id());
        }
        return new Parsed(rules, symbol == null || symbol.isBlank() ? null : symbol.strip(), type, size, maintenance,
                maxLev, taker);
    }

    /** An engine rule in the command line's words: a workspace's {@code tiers or maintenance} is {@code --mmr}. */
    static String cliRule(String rule) {
        return rule.replace("give tiers or maintenance", "give --mmr");
    }

    /** An engine error about the planned position under the option the user typed, in its words. */
    static ValidationException renamed(ValidationException e) {
        ValidationException r = Planner.renamed(e, RENAMES);
        return r == e && r.rule().equals(cliRule(r.rule())) ? e
                : new ValidationException(r.field(), cliRule(r.rule()), r.value());
    }

    /**
     * Engine field → option, for errors about the planned position ({@code symbol: has no bundled
     * tier table} → {@code --symbol: …}).
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
}
