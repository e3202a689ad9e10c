package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.Costs;
import org.marginlab.engine.sizing.StopLossSizer;
import org.marginlab.engine.sizing.TradeMath;

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
 * never fill); the margin and the fee to open exceed the balance.
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
        BigDecimal wallet = Planner.positive(balance, "--balance");
        BigDecimal entryPrice = Planner.positive(entry, "--entry");
        BigDecimal stopPrice = Planner.positive(stop, "--stop");
        BigDecimal lev = Planner.positive(leverage, "--leverage");
        MarginMode marginMode = marginMode(mode);
        Side s = side == null ? inferSide(entryPrice, stopPrice) : Planner.side(side);
        BigDecimal riskAmount = riskAmount(risk, wallet);
        InstrumentOptions.Parsed inst = instrument.parse();
        BigDecimal taker = Planner.takerFee(inst.takerFeeGiven(), inst.venue(), "--taker-fee");
        List<String> tierWarnings = Planner.installTiers(instrument.bundledTiers);

        ContractType contract = inst.contract();
        BigDecimal cs = inst.contractSize();
        BigDecimal quantity;
        try {
            quantity = StopLossSizer.quantityForRisk(contract, s, cs, entryPrice, stopPrice, riskAmount);
        } catch (ValidationException e) {
            throw Planner.renamed(e, "stopPrice", "--stop", "entryPrice", "--entry", "riskAmount", "--risk");
        }
        Position position;
        PositionRisk r;
        try {
            position = inst.template(s, lev, marginMode).quantity(quantity).entryPrice(entryPrice).markPrice(entryPrice)
                    .build();
            if (marginMode == MarginMode.ISOLATED) {
                position = position.withIsolatedMargin(inst.venue().defaultIsolatedMargin(position));
            }
            MarginEngine.DEFAULT.check(position, inst.venue());
            BigDecimal crossWallet = marginMode == MarginMode.CROSS ? wallet : BigDecimal.ZERO;
            r = MarginEngine.DEFAULT.evaluate(Account.of(inst.venue(), crossWallet, List.of(position))).positions().get(0);
        } catch (ValidationException e) {
            ValidationException bare = e.path().isEmpty() || e.path().equals("positions[0]")
                    ? new ValidationException(e.field(), e.rule(), e.value()) : e;
            if (bare.field().equals("quantity")) {
                // the quantity is the risk's: a notional above the table's last tier
                throw new ValidationException("--risk", "sizes a quantity of " + quantity.stripTrailingZeros().toPlainString()
                        + ", which " + bare.rule(), risk);
            }
            if (bare.field().equals("leverage")) {
                throw new ValidationException("--leverage", bare.rule() + " at the sized quantity "
                        + quantity.stripTrailingZeros().toPlainString(), bare.value());
            }
            throw InstrumentOptions.renamed(bare);
        }

        BigDecimal feeToOpen = Costs.fee(contract, quantity, cs, entryPrice, taker);
        BigDecimal feeToClose = Costs.fee(contract, quantity, cs, stopPrice, taker);
        BigDecimal lossAtStop = TradeMath.pnl(contract, s, quantity, cs, entryPrice, stopPrice).negate();
        BigDecimal lossWithFees = lossAtStop.add(feeToOpen).add(feeToClose);
        BigDecimal lp = r.liquidationPrice();
        boolean beforeStop = lp != null && s.signDecimal().multiply(lp.subtract(stopPrice)).signum() >= 0;
        BigDecimal margin = marginMode == MarginMode.ISOLATED ? r.isolatedMargin() : r.initialMargin();

        List<String> warnings = new ArrayList<>();
        if (beforeStop) {
            warnings.add("liquidation at " + Planner.price(lp) + " comes before the stop at " + Planner.price(stopPrice)
                    + ": lower the leverage or move the stop");
        }
        if (margin.add(feeToOpen).compareTo(wallet) > 0) {
            warnings.add((marginMode == MarginMode.ISOLATED ? "the isolated margin" : "the initial margin")
                    + " and the fee to open, " + Planner.amount(margin.add(feeToOpen), contract)
                    + ", exceed the balance " + Planner.amount(wallet, contract) + ": raise the leverage or widen the stop");
        }

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("venue", inst.venue().id());
            f.put("ruleSet", inst.venue().ruleSetId());
            f.put("symbol", inst.symbol());
            f.put("contract", contract.id());
            f.put("side", s.id());
            f.put("marginMode", marginMode.id());
            f.put("leverage", lev);
            f.put("balance", wallet);
            f.put("riskAmount", riskAmount);
            f.put("entryPrice", entryPrice);
            f.put("stopPrice", stopPrice);
            f.put("quantity", quantity);
            f.put("notional", r.notional());
            f.put("initialMargin", r.initialMargin());
            f.put("isolatedMargin", marginMode == MarginMode.ISOLATED ? r.isolatedMargin() : null);
            f.put("liquidationPrice", lp);
            f.put("bankruptcyPrice", r.bankruptcyPrice());
            f.put("distanceToLiquidation", r.distanceToLiquidation());
            f.put("takerFeeRate", taker);
            f.put("feeToOpen", feeToOpen);
            f.put("feeToClose", feeToClose);
            f.put("feeToCloseReserved", r.feeToClose());
            f.put("lossAtStop", lossAtStop);
            f.put("lossAtStopWithFees", lossWithFees);
            f.put("liquidatedBeforeStop", beforeStop);
            f.put("warnings", warnings);
            Planner.writeJson(f, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            int k = 22;
            w.println((inst.symbol() == null ? "(--mmr " + Display.plain(inst.maintenance().mmr()) + ")" : inst.symbol())
                    + " " + s.id() + ", " + marginMode.id() + ", " + Display.plain(lev) + "x on " + inst.venue().ruleSetId());
            w.println(Planner.line("risk", k, Planner.amount(riskAmount, contract) + " ("
                    + Display.percent(riskAmount.divide(wallet, Planner.MC)) + " of " + Planner.amount(wallet, contract) + ")"));
            w.println(Planner.line("quantity", k, Planner.quantity(quantity) + " (before fees)"));
            w.println(Planner.line("notional", k, Planner.amount(r.notional(), contract)));
            w.println(Planner.line("initial margin", k, Planner.amount(r.initialMargin(), contract)));
            if (marginMode == MarginMode.ISOLATED) {
                w.println(Planner.line("isolated margin", k, Planner.amount(r.isolatedMargin(), contract)));
            }
            w.println(Planner.line("liquidation price", k, Planner.price(lp)));
            w.println(Planner.line("bankruptcy price", k, Planner.price(r.bankruptcyPrice())));
            w.println(Planner.line("fee to open", k, Planner.amount(feeToOpen, contract) + " (taker "
                    + Planner.ratePercent(taker) + ", at the entry)"));
            w.println(Planner.line("fee to close", k, Planner.amount(feeToClose, contract) + " (at the stop)"));
            if (r.feeToClose() != null) {
                w.println(Planner.line("fee to close reserved", k, Planner.amount(r.feeToClose(), contract)
                        + " (in the margin, at the bankruptcy price)"));
            }
            w.println(Planner.line("loss at the stop", k, Planner.amount(lossAtStop, contract)));
            w.println(Planner.line("loss with fees", k, Planner.amount(lossWithFees, contract)));
            for (String warning : warnings) {
                w.println("warning: " + warning);
            }
            w.flush();
        }
        Planner.print(spec, text.toString(), tierWarnings);
        return MarginLabCommand.OK;
    }

    private static MarginMode marginMode(String text) {
        try {
            return MarginMode.parse(text);
        } catch (ValidationException e) {
            throw new ValidationException("--mode", e.rule(), e.value());
        }
    }

    private static Side inferSide(BigDecimal entryPrice, BigDecimal stopPrice) {
        int c = stopPrice.compareTo(entryPrice);
        if (c == 0) {
            throw new ValidationException("--stop", "must differ from the entry price "
                    + entryPrice.stripTrailingZeros().toPlainString(), stopPrice);
        }
        return c < 0 ? Side.LONG : Side.SHORT;
    }

    /** {@code 1%} of the balance, or an amount; &gt; 0 and ≤ the balance. */
    private static BigDecimal riskAmount(String text, BigDecimal wallet) {
        String t = text.strip();
        BigDecimal amount;
        if (t.endsWith("%")) {
            BigDecimal pct;
            try {
                pct = Decimals.parse(t.substring(0, t.length() - 1), "--risk");
            } catch (ValidationException e) {
                throw new ValidationException("--risk", "must be a percentage (1%) or an amount (100)", text);
            }
            if (pct.signum() <= 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new ValidationException("--risk", "must be > 0% and ≤ 100% of the balance", text);
            }
            amount = wallet.multiply(pct).movePointLeft(2);
        } else {
            try {
                amount = Decimals.parse(t, "--risk");
            } catch (ValidationException e) {
                throw new ValidationException("--risk", "must be a percentage (1%) or an amount (100)", text);
            }
            if (amount.signum() <= 0) {
                throw new ValidationException("--risk", "must be > 0", text);
            }
            if (amount.compareTo(wallet) > 0) {
                throw new ValidationException("--risk", "must be ≤ the balance " + wallet.stripTrailingZeros().toPlainString(),
                        text);
            }
        }
        return amount;
    }
}
