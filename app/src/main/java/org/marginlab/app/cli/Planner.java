package org.marginlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.marginlab.app.planner.Numbers;
import org.marginlab.app.planner.PlanInputs;
import org.marginlab.app.tiers.TierStore;
import org.marginlab.app.workspace.Autosave;
import org.marginlab.app.workspace.Decimals;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.venue.VenueRules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import picocli.CommandLine.Model.CommandSpec;

/**
 * What the planner commands ({@code size}, {@code ladder}, {@code cost}, {@code max-open}) share:
 * option parsing that names the option in every error ({@code --entry: must be > 0 (got 0)}),
 * engine errors renamed to the option the user typed, the venue's default taker rate, the tier
 * tables (as {@code calc}: the app's stored tables unless {@code --bundled-tiers}), one JSON
 * document at full precision, and display helpers for the tables.
 */
final class Planner {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The digits kept by a division that the engine does not do (hours / interval). */
    static final MathContext MC = MathContext.DECIMAL128;

    private Planner() {
    }

    // ------------------------------------------------------------------------------- parsing

    /** A decimal option, or null when absent. */
    static BigDecimal decimal(String text, String option) {
        return text == null ? null : Decimals.parse(text, option);
    }

    /** A required decimal option &gt; 0. */
    static BigDecimal positive(String text, String option) {
        return PlanInputs.positive(Numbers.PLAIN, text, option);
    }

    /** A decimal option ≥ 0. */
    static BigDecimal notNegative(String text, String option) {
        return PlanInputs.notNegative(Numbers.PLAIN, text, option);
    }

    /** A fee or funding rate: a fraction in (−1, 1), as {@code Costs} requires. */
    static BigDecimal rate(String text, String option) {
        if (text == null) {
            return null;
        }
        BigDecimal v = Decimals.parse(text, option);
        if (v.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException(option, "must be between -1 and 1 (a fraction, 0.0005 = 0.05 %)", v);
        }
        return v;
    }

    static Side side(String text) {
        return PlanInputs.side(text, "--side");
    }

    /** Linear or inverse (the planner's arithmetic covers these two). */
    static ContractType contract(String text) {
        return PlanInputs.contract(text, "--contract");
    }

    static VenueRules venue(String id) {
        return PlanInputs.venue(id, "--venue");
    }

    /**
     * Re-throws an engine error under the option the user typed: {@code entryPrice} → {@code --entry}.
     *
     * @param e        the engine's error
     * @param renames  pairs: engine field, option
     * @return the renamed error (the original if its field is not listed), to throw
     */
    static ValidationException renamed(ValidationException e, String... renames) {
        return PlanInputs.renamed(e, renames);
    }

    // ---------------------------------------------------------------------------- venue data

    /**
     * The taker fee rate: the option, else the venue's default; a venue without one (its default
     * is 0: MarginLab has no sourced rate) needs the option.
     */
    static BigDecimal takerFee(BigDecimal given, VenueRules venue, String option) {
        return PlanInputs.takerFee(given, venue, option);
    }

    /**
     * Whether the venue reserves the fee to close in the position margin (spec venues-v2.md §10.1,
     * §10.2; today Bybit UTA on every contract and Phemex USDT-M), as the rule set itself says
     * ({@link VenueRules#feeToClose}); PlannerCommandsTest checks it against the engine's figures.
     */
    static boolean reservesFeeToClose(VenueRules venue, ContractType contract) {
        if (!venue.contractTypes().contains(contract)) {
            return false;
        }
        // asked of the rule set itself (VenueRules.feeToClose), with any position of the contract type
        Position probe = Position.builder().id("probe").symbol(contract.isInverse() ? "BTCUSD" : "BTCUSDT")
                .contract(contract).side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(BigDecimal.TEN).leverage(BigDecimal.TEN).build();
        return venue.feeToClose(probe) != null;
    }

    /**
     * Installs the tier tables the app stored (Help → Update tier tables) in front of the bundled
     * ones (every command that evaluates: calc and the planner commands give the app's figures), or
     * none with {@code bundledOnly}; exactly those (cleared first: the tests run commands in-process).
     *
     * @return warnings about stored tables that could not be read; never null
     */
    static List<String> installTiers(boolean bundledOnly) {
        InstalledTiers.clear();
        if (bundledOnly) {
            return List.of();
        }
        TierStore.Loaded stored = new TierStore(Autosave.defaultFolder()).load();
        InstalledTiers.installAll(stored.tables());
        return stored.problems();
    }

    // -------------------------------------------------------------------------------- output

    /**
     * Writes one JSON document: numbers at full precision (trailing zeros dropped, never an
     * exponent), strings, booleans, null, nested maps and lists, as {@code calc --json}.
     */
    static void writeJson(Map<String, ?> fields, Writer out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(WorkspaceFile.prettyPrinter());
            value(g, fields);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    /** Prints the text to standard output and the warnings to standard error, after everything is computed. */
    static void print(CommandSpec spec, String text, List<String> stderrWarnings) {
        PrintWriter err = spec.commandLine().getErr();
        for (String w : stderrWarnings) {
            err.println("warning: " + w);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    /** A quantity for people: at most 8 decimals, rounded toward zero, no trailing zeros. */
    static String quantity(BigDecimal q) {
        return Display.plain(q.setScale(Math.min(8, Math.max(0, q.scale())), RoundingMode.DOWN));
    }

    /** A fee or funding rate as a percentage, exact: {@code 0.00055 → 0.055%}. */
    static String ratePercent(BigDecimal rate) {
        return Display.plain(rate.movePointRight(2)) + "%";
    }

    /** A price for people, half-up ({@link Display#price}), or {@code none}. */
    static String price(BigDecimal p) {
        return p == null ? "none" : Display.price(p, RoundingMode.HALF_UP);
    }

    /** An amount for people, or {@code -}. */
    static String amount(BigDecimal a, ContractType settlement) {
        return a == null ? "-" : Display.amount(a, settlement);
    }

    /** {@code label} padded to {@code width}, then the value. */
    static String line(String label, int width, String value) {
        return label + " ".repeat(Math.max(1, width - label.length())) + value;
    }
}
