package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.planner.Instrument;
import org.marginlab.app.planner.Numbers;
import org.marginlab.app.planner.SizeFromRisk;
import org.marginlab.app.planner.SizeInputs;
import org.marginlab.app.planner.SizePlan;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.sizing.StopLossSizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab size --balance AMOUNT --risk PCT%|AMOUNT --entry PRICE --stop PRICE --leverage X
 * [--side long|short] [--mode isolated|cross] [venue options] [--json]}: the position size whose
 * loss at the stop is the risk, evaluated on the venue.
 *
 * <p>The quantity is {@link StopLossSizer#quantityForRisk}: linear {@code risk/(CS·|entry − stop|)},
 * inverse {@code risk·entry·stop/(CS·|stop − entry|)}, <b>before fees</b> (the textbook position
 * size; 1 % of 10,000 with a 2,000 stop is 0.05). The fees are then shown beside it: the fee to open
 * at the entry and the fee to close at the stop, both at the taker rate, and the loss at the stop
 * with them ({@code lossAtStopWithFees}), which is larger than the risk (102.95 instead of 100 in
 * the example). The side is the one the stop implies (stop below the entry: long) unless given.
 *
 * <p>The sized position is evaluated by the engine at mark = entry: isolated with the venue's
 * default margin ({@code VenueRules.defaultIsolatedMargin}), or cross on a wallet of the balance.
 * The venue's tier at the sized notional bounds the leverage, and a notional above a capped table's
 * last tier is refused. Warnings: the liquidation price comes at or before the stop (the stop would
 * never fill); the margin and the fee to open exceed the balance. The computation and its checks
 * are {@link SizeFromRisk} (the Planner tab calls the same); this command reads the options and
 * prints.
 */
@Command(name = "size",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Position size from the balance, the risk, the entry and the stop; its margin, liquidation price, "
                + "fees and loss at the stop.",
        usageHelpAutoWidth = true)
final class SizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--balance", "--account"}, required = true, paramLabel = "AMOUNT",
            description = "Account size (wallet balance), settlement currency (quote for linear, coin for inverse).")
    String balance;

    @Option(names = "--risk", required = true, paramLabel = "PCT%|AMOUNT",
            description = "The loss accepted at the stop: a percentage of the balance (1%%) or an amount (100).")
    String risk;

    @Option(names = "--entry", required = true, paramLabel = "PRICE", description = "Entry price, quote per base.")
    String entry;

    @Option(names = "--stop", required = true, paramLabel = "PRICE",
            description = "Stop price, quote per base: below the entry for a long, above for a short.")
    String stop;

    @Option(names = "--leverage", required = true, paramLabel = "X", description = "Leverage, e.g. 10.")
    String leverage;

    @Option(names = "--side", paramLabel = "long|short",
            description = "Position side; default: long if the stop is below the entry, short if above.")
    String side;

    @Option(names = "--mode", paramLabel = "isolated|cross", defaultValue = "isolated",
            description = "Margin mode (default: ${DEFAULT-VALUE}); cross uses the balance as the cross wallet.")
    String mode;

    @Mixin
    InstrumentOptions instrument;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        SizeInputs in = SizeInputs.parse(Numbers.PLAIN, new SizeInputs.Texts(balance, risk, entry, stop, leverage, side, mode),
                () -> Planner.venue(instrument.venue), instrument.texts());
        List<String> tierWarnings = Planner.installTiers(instrument.bundledTiers);
        SizePlan plan = SizeFromRisk.plan(in);

        Instrument inst = in.instrument();
        ContractType contract = inst.contract();
        MarginMode marginMode = in.mode();
        Side s = in.side();
        BigDecimal wallet = in.balance();
        BigDecimal riskAmount = in.riskAmount();
        BigDecimal taker = in.takerFee();
        PositionRisk r = plan.risk();
        BigDecimal lp = r.liquidationPrice();
        List<String> warnings = plan.warnings().stream()
                .map(w -> w.message(Planner::price, a -> Planner.amount(a, contract))).toList();

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("venue", inst.venue().id());
            f.put("ruleSet", inst.venue().ruleSetId());
            f.put("symbol", inst.symbol());
            f.put("contract", contract.id());
            f.put("side", s.id());
            f.put("marginMode", marginMode.id());
            f.put("leverage", in.leverage());
            f.put("balance", wallet);
            f.put("riskAmount", riskAmount);
            f.put("entryPrice", in.entryPrice());
            f.put("stopPrice", in.stopPrice());
            f.put("quantity", plan.quantity());
            f.put("notional", r.notional());
            f.put("initialMargin", r.initialMargin());
            f.put("isolatedMargin", marginMode == MarginMode.ISOLATED ? r.isolatedMargin() : null);
            f.put("liquidationPrice", lp);
            f.put("bankruptcyPrice", r.bankruptcyPrice());
            f.put("distanceToLiquidation", r.distanceToLiquidation());
            f.put("takerFeeRate", taker);
            f.put("feeToOpen", plan.feeToOpen());
            f.put("feeToClose", plan.feeToClose());
            f.put("feeToCloseReserved", r.feeToClose());
            f.put("lossAtStop", plan.lossAtStop());
            f.put("lossAtStopWithFees", plan.lossWithFees());
            f.put("liquidatedBeforeStop", plan.liquidatedBeforeStop());
            f.put("warnings", warnings);
            Planner.writeJson(f, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            int k = 22;
            w.println((inst.symbol() == null ? "(--mmr " + Display.plain(inst.maintenance().mmr()) + ")" : inst.symbol())
                     + " " + s.id() + ", " + marginMode.id() + ", " + Display.plain(in.leverage()) + "x on " + inst.venue().ruleSetId());
            w.println(Planner.line("risk", k, Planner.amount(riskAmount, contract) + " ("
                    + Display.percent(riskAmount.divide(wallet, Planner.MC)) + " of " + Planner.amount(wallet, contract) + ")"));
            w.println(Planner.line("quantity", k, Planner.quantity(plan.quantity()) + " (before fees)"));
            w.println(Planner.line("notional", k, Planner.amount(r.notional(), contract)));
            w.println(Planner.line("initial margin", k, Planner.amount(r.initialMargin(), contract)));
            if (marginMode == MarginMode.ISOLATED) {
                w.println(Planner.line("isolated margin", k, Planner.amount(r.isolatedMargin(), contract)));
            }
            w.println(Planner.line("liquidation price", k, Planner.price(lp)));
            w.println(Planner.line("bankruptcy price", k, Planner.price(r.bankruptcyPrice())));
            w.println(Planner.line("fee to open", k, Planner.amount(plan.feeToOpen(), contract) + " (taker "
                    + Planner.ratePercent(taker) + ", at the entry)"));
            w.println(Planner.line("fee to close", k, Planner.amount(plan.feeToClose(), contract) + " (at the stop)"));
            if (r.feeToClose() != null) {
                w.println(Planner.line("fee to close reserved", k, Planner.amount(r.feeToClose(), contract)
                        + " (in the margin, at the bankruptcy price)"));
            }
            w.println(Planner.line("loss at the stop", k, Planner.amount(plan.lossAtStop(), contract)));
            w.println(Planner.line("loss with fees", k, Planner.amount(plan.lossWithFees(), contract)));
            for (String warning : warnings) {
                w.println("warning: " + warning);
            }
            w.flush();
        }
        Planner.print(spec, text.toString(), tierWarnings);
        return MarginLabCommand.OK;
    }
}
