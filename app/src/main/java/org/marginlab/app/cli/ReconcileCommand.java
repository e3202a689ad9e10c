package org.marginlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.workspace.Decimals;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.explain.Reconciler;
import org.marginlab.engine.explain.Reconciliation;
import org.marginlab.engine.explain.Reconciliation.Cause;
import org.marginlab.engine.explain.Reconciliation.FigureCheck;
import org.marginlab.engine.explain.Reconciliation.VenueFigures;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab reconcile [FILE|-] --position ID --venue-liquidation-price P
 * [--venue-margin-ratio PERCENT] [--venue-maintenance-margin AMOUNT] [--venue-margin-balance AMOUNT]
 * [--venue-last-price PRICE] [--json]}: why the venue shows a different liquidation price
 * ({@link Reconciler}).
 *
 * <p>The workspace is read and evaluated exactly as {@code calc} reads it (the same
 * {@link Drafts} and {@link Evaluator}, the app's stored tier tables unless
 * {@code --bundled-tiers}); the account reconciled is the evaluation's account at the typed marks.
 * Text output: the verdict, a line with both figures and the gap, one line per cause
 * ({@code explains} or {@code does not}) and one per other figure given. {@code --json}: one
 * document, every amount at full precision. Exit 2 with one line on standard error on bad input
 * (unknown position, P ≤ 0, an unreadable file or an invalid workspace), as {@code calc}.
 */
@Command(name = "reconcile",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Why the venue shows a different liquidation price: each cause tried, sized and said.",
        usageHelpAutoWidth = true)
final class ReconcileCommand implements Callable<Integer> {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    @Spec
    CommandSpec spec;

    @ParentCommand
    MarginLabCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "The workspace file (*.marginlab), or - for standard input (the default).")
    String file;

    @Option(names = "--position", required = true, paramLabel = "ID", description = "The position to reconcile.")
    String position;

    @Option(names = "--venue-liquidation-price", required = true, paramLabel = "P",
            description = "The liquidation price the venue shows, as shown (its last digit is the tick when the "
                    + "instrument's is unknown).")
    String venueLiquidationPrice;

    @Option(names = "--venue-margin-ratio", paramLabel = "PERCENT",
            description = "The venue's margin ratio in percent, e.g. 2.35 (cross: the account's).")
    String venueMarginRatio;

    @Option(names = "--venue-maintenance-margin", paramLabel = "AMOUNT",
            description = "The venue's maintenance margin (cross: the account's).")
    String venueMaintenanceMargin;

    @Option(names = "--venue-margin-balance", paramLabel = "AMOUNT",
            description = "The venue's margin balance (cross: the account's).")
    String venueMarginBalance;

    @Option(names = "--venue-last-price", paramLabel = "PRICE",
            description = "The venue's last price, tried as the price basis.")
    String venueLastPrice;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Evaluate with the rule-set versions in force at INSTANT, as calc.")
    String asOf;

    @Option(names = "--bundled-tiers", description = "Use only the bundled tier tables, as calc.")
    boolean bundledTiers;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws WorkspaceException {
        VenueFigures venue = venueFigures();
        CliWorkspace input = CliWorkspace.read(parent, file, asOf, bundledTiers);
        requirePosition(input.workspace());
        // the same refusals as calc's (the venue's rules located as positions[i].field, an invalid
        // position named by its field, an invalid wallet, an account that cannot be evaluated)
        Evaluation evaluation = input.evaluate();
        if (evaluation.entered() == null) {
            throw new ValidationException("workspace", evaluation.problem().isEmpty() ? "cannot be evaluated"
                    : evaluation.problem(), null);
        }
        Reconciliation r = Reconciler.reconcile(evaluation.entered(), position, venue);

        StringWriter text = new StringWriter();
        if (json) {
            writeJson(r, text);
        } else {
            writeText(r, new PrintWriter(text));
        }
        input.printWarnings(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return MarginLabCommand.OK;
    }

    private VenueFigures venueFigures() {
        BigDecimal lp = Decimals.parse(venueLiquidationPrice, "--venue-liquidation-price");
        if (lp.signum() <= 0) {
            throw new ValidationException("--venue-liquidation-price", "P must be > 0", venueLiquidationPrice);
        }
        BigDecimal ratio = null;
        if (venueMarginRatio != null) {
            String t = venueMarginRatio.strip();
            t = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
            ratio = Decimals.parse(t, "--venue-margin-ratio").movePointLeft(2);
            if (ratio.signum() < 0) {
                throw new ValidationException("--venue-margin-ratio", "PERCENT must be ≥ 0", venueMarginRatio);
            }
        }
        BigDecimal mm = venueMaintenanceMargin == null ? null
                : Decimals.parse(venueMaintenanceMargin, "--venue-maintenance-margin");
        if (mm != null && mm.signum() < 0) {
            throw new ValidationException("--venue-maintenance-margin", "AMOUNT must be ≥ 0", venueMaintenanceMargin);
        }
        BigDecimal mb = venueMarginBalance == null ? null : Decimals.parse(venueMarginBalance, "--venue-margin-balance");
        BigDecimal last = venueLastPrice == null ? null : Decimals.parse(venueLastPrice, "--venue-last-price");
        if (last != null && last.signum() <= 0) {
            throw new ValidationException("--venue-last-price", "PRICE must be > 0", venueLastPrice);
        }
        return new VenueFigures(lp, ratio, mm, mb, last);
    }

    private void requirePosition(Workspace workspace) {
        for (Position p : workspace.positions()) {
            if (p.id().equals(position)) {
                return;
            }
        }
        List<String> ids = workspace.positions().stream().map(Position::id).toList();
        throw new ValidationException("--position", ids.isEmpty() ? "ID must name a position, but the workspace has none"
                : "ID must be one of " + String.join(", ", ids), position);
    }

    static void writeText(Reconciliation r, PrintWriter out) {
        out.println(r.verdict());
        out.println("MarginLab " + (r.ours() == null ? "none" : Display.price(r.ours(), java.math.RoundingMode.HALF_UP))
                + ", venue " + r.venue().liquidationPrice().toPlainString()
                + (r.gap() == null ? "" : ", gap " + grouped(r.gap(), Math.max(2, r.tick().stripTrailingZeros().scale())) + " = "
                        + grouped(r.gapTicks(), 1) + " ticks")
                + " (tick " + r.tick().stripTrailingZeros().toPlainString() + ", "
                + (r.tickSource().equals("instrument") ? "the instrument's" : "the typed number's last digit") + "; "
                + r.positionId() + ", " + r.ruleSet() + ")");
        for (Cause c : r.causes()) {
            out.println((c.explains() ? "explains  " : "does not  ") + c.id() + ": " + c.sentence());
        }
        for (FigureCheck f : r.figures()) {
            out.println((f.matches() || !f.explainedBy().isEmpty() ? "explains  " : "does not  ") + f.name() + ": "
                    + f.sentence());
        }
        out.flush();
    }

    /** {@code ,} grouping, {@code .} decimals, half-up, whatever the locale (as {@link Display}). */
    private static String grouped(BigDecimal v, int decimals) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(v.setScale(decimals, java.math.RoundingMode.HALF_UP));
    }

    static void writeJson(Reconciliation r, Writer out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(WorkspaceFile.prettyPrinter());
            g.writeStartObject();
            g.writeStringField("positionId", r.positionId());
            g.writeStringField("ruleSet", r.ruleSet());
            g.writeStringField("currency", r.currency());
            CalcReport.number(g, "liquidationPrice", r.ours());
            g.writeObjectFieldStart("venue");
            CalcReport.number(g, "liquidationPrice", r.venue().liquidationPrice());
            CalcReport.number(g, "marginRatio", r.venue().marginRatio());
            CalcReport.number(g, "maintenanceMargin", r.venue().maintenanceMargin());
            CalcReport.number(g, "marginBalance", r.venue().marginBalance());
            CalcReport.number(g, "lastPrice", r.venue().lastPrice());
            g.writeEndObject();
            CalcReport.number(g, "gap", r.gap());
            CalcReport.number(g, "gapTicks", r.gapTicks());
            CalcReport.number(g, "tick", r.tick());
            g.writeStringField("tickSource", r.tickSource());
            g.writeBooleanField("explained", r.explained());
            g.writeStringField("verdict", r.verdict());
            g.writeArrayFieldStart("causes");
            for (Cause c : r.causes()) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                CalcReport.number(g, "liquidationPrice", c.figure());
                CalcReport.number(g, "gapTicks", c.gapTicks());
                g.writeBooleanField("explains", c.explains());
                CalcReport.number(g, "size", c.size());
                g.writeStringField("sizeUnit", c.sizeUnit());
                g.writeStringField("sentence", c.sentence());
                g.writeObjectFieldStart("others");
                for (Map.Entry<String, BigDecimal> e : c.others().entrySet()) {
                    CalcReport.number(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("figures");
            for (FigureCheck f : r.figures()) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                CalcReport.number(g, "ours", f.ours());
                CalcReport.number(g, "venue", f.venue());
                CalcReport.number(g, "tolerance", f.tolerance());
                g.writeBooleanField("matches", f.matches());
                g.writeArrayFieldStart("explainedBy");
                for (String id : f.explainedBy()) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeStringField("sentence", f.sentence());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
