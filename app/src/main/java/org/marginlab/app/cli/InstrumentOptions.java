package org.marginlab.app.cli;

import java.math.BigDecimal;

import org.marginlab.app.planner.Instrument;
import org.marginlab.app.planner.Numbers;
import org.marginlab.app.planner.SizeInputs;
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
    static final String NO_SYMBOL = Instrument.NO_SYMBOL;

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

    /** The parsed options, checked by name ({@link Instrument#parse}, the planner's rules). */
    record Parsed(VenueRules venue, String symbol, ContractType contract, BigDecimal contractSize,
            Maintenance maintenance, BigDecimal maxLeverage, BigDecimal takerFeeGiven) {

        static Parsed of(Instrument i) {
            return new Parsed(i.venue(), i.symbol(), i.contract(), i.contractSize(), i.maintenance(), i.maxLeverage(),
                    i.takerFeeGiven());
        }

        /**
         * A position template: the instrument, the side, leverage and mode; quantity and prices 1
         * (to be replaced).
         */
        Position.Builder template(Side side, BigDecimal leverage, MarginMode mode) {
            return new Instrument(venue, symbol, contract, contractSize, maintenance, maxLeverage, takerFeeGiven)
                    .template(side, leverage, mode);
        }
    }

    Parsed parse() {
        VenueRules rules = Planner.venue(venue);
        SizeInputs.InstrumentTexts t = texts();
        return Parsed.of(Instrument.parse(Numbers.PLAIN, rules, t.symbol(), t.contract(), t.contractSize(), t.mmr(),
                t.maintenanceAmount(), t.maxLeverage(), t.takerFee()));
    }

    /** The typed instrument options, as the planner reads them. */
    SizeInputs.InstrumentTexts texts() {
        return new SizeInputs.InstrumentTexts(symbol, contract, contractSize, mmr, maintenanceAmount, maxLeverage, takerFee);
    }

    /** An engine rule in the command line's words: a workspace's {@code tiers or maintenance} is {@code --mmr}. */
    static String cliRule(String rule) {
        return Instrument.plannerRule(rule);
    }

    /** An engine error about the planned position under the option the user typed, in its words. */
    static ValidationException renamed(ValidationException e) {
        return Instrument.renamed(e);
    }

    /**
     * Engine field → option, for errors about the planned position ({@code symbol: has no bundled
     * tier table} → {@code --symbol: …}).
     */
    static final String[] RENAMES = Instrument.renames();
}
