package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.model.PositionCosts;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.Costs;
import org.marginlab.engine.sizing.TradeMath;
import org.marginlab.engine.venue.VenueRules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab cost --side long|short --qty QTY --entry PRICE [--exit PRICE] [--venue ID]
 * [--taker-fee RATE] [--maker-fee RATE] [--open taker|maker] [--close taker|maker] [--leverage X]
 * [--funding-rate RATE] [--funding-interval-hours H] [--hours H] [--contract linear|inverse]
 * [--contract-size SIZE] [--json]}: the costs of a trade (spec venues-v2.md §10, {@link Costs}).
 *
 * <ul>
 *   <li>Fee to open at the entry and fee to close at the exit (the entry when no exit is given):
 *       linear {@code Q·CS·P·f}, inverse {@code Q·CS/P·f}, at the taker or maker rate.</li>
 *   <li>Where the venue reserves the fee to close in the margin (Bybit UTA, Phemex USDT-M) and a
 *       leverage is given: that reserve, {@code feeToCloseReserved}, valued at the bankruptcy price
 *       from the entry at the leverage ({@link Costs#feeToClose}, taker rate).</li>
 *   <li>Funding: {@code n = hours/interval} payments of {@link Costs#fundingPayment}
 *       ({@code s·Q·CS·P·r} linear, {@code s·Q·CS/P·r} inverse) valued at the entry price: paid when
 *       positive, received when negative (a positive rate: longs pay shorts). {@code n} is not
 *       rounded: it is a projection, and the real count depends on the funding times crossed.</li>
 *   <li>Break-even price ({@link Costs#breakEvenPrice}): the exit where PnL − fees − funding = 0,
 *       with and without the projected funding; long without funding
 *       {@code EP·(1 + f_open)/(1 − f_close)}.</li>
 * </ul>
 * The taker rate defaults to the venue's; MarginLab has no sourced maker rates, so
 * {@code --open maker} or {@code --close maker} needs {@code --maker-fee}.
 */
@Command(name = "cost",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Trading costs: fees to open and close, projected funding, break-even price.",
        usageHelpAutoWidth = true)
final class CostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--side", required = true, paramLabel = "long|short", description = "Position side.")
    String side;

    @Option(names = "--qty", required = true, paramLabel = "QTY",
            description = "Quantity: base units (linear) or contracts (inverse).")
    String qty;

    @Option(names = "--entry", required = true, paramLabel = "PRICE", description = "Entry price, quote per base.")
    String entry;

    @Option(names = "--exit", paramLabel = "PRICE",
            description = "Exit price, quote per base; values the fee to close and the PnL (default: the entry).")
    String exit;

    @Option(names = "--venue", paramLabel = "ID", defaultValue = "binance-usdm",
            description = "Rule set whose default taker rate applies (default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--contract", paramLabel = "linear|inverse", defaultValue = "linear",
            description = "Contract type (default: ${DEFAULT-VALUE}).")
    String contract;

    @Option(names = "--contract-size", paramLabel = "SIZE", defaultValue = "1",
            description = "Base units per unit (linear) or quote per contract (inverse); default ${DEFAULT-VALUE}.")
    String contractSize;

    @Option(names = "--taker-fee", paramLabel = "RATE",
            description = "Taker fee rate, a fraction (0.0005 = 0.05 %%); default: the venue's.")
    String takerFee;

    @Option(names = "--maker-fee", paramLabel = "RATE",
            description = "Maker fee rate, a fraction; negative for a rebate. No default.")
    String makerFee;

    @Option(names = "--open", paramLabel = "taker|maker", defaultValue = "taker",
            description = "The rate of the opening fill (default: ${DEFAULT-VALUE}).")
    String open;

    @Option(names = "--close", paramLabel = "taker|maker", defaultValue = "taker",
            description = "The rate of the closing fill (default: ${DEFAULT-VALUE}).")
    String close;

    @Option(names = "--leverage", paramLabel = "X",
            description = "Leverage; values the fee to close a venue reserves in the margin (Bybit UTA, Phemex).")
    String leverage;

    @Option(names = "--funding-rate", paramLabel = "RATE",
            description = "Funding rate per interval, a fraction; positive: longs pay (default 0).")
    String fundingRate;

    @Option(names = "--funding-interval-hours", paramLabel = "H",
            description = "Hours between funding payments (default: the venue's, as the app's: 1 on kraken-futures, "
                    + "dydx-v4 and hyperliquid, else 8).")
    String fundingInterval;

    @Option(names = "--hours", paramLabel = "H", defaultValue = "0",
            description = "Hours the position is held, for the projected funding (default: ${DEFAULT-VALUE}).")
    String hours;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Side s = Planner.side(side);
        BigDecimal quantity = Planner.positive(qty, "--qty");
        BigDecimal entryPrice = Planner.positive(entry, "--entry");
        BigDecimal exitPrice = exit == null ? null : Planner.positive(exit, "--exit");
        VenueRules rules = Planner.venue(venue);
        ContractType type = Planner.contract(contract);
        BigDecimal cs = Planner.positive(contractSize, "--contract-size");
        BigDecimal taker = Planner.rate(takerFee, "--taker-fee");
        BigDecimal maker = Planner.rate(makerFee, "--maker-fee");
        boolean openMaker = liquidity(open, "--open");
        boolean closeMaker = liquidity(close, "--close");
        BigDecimal lev = leverage == null ? null : Planner.positive(leverage, "--leverage");
        BigDecimal funding = fundingRate == null ? BigDecimal.ZERO : Planner.rate(fundingRate, "--funding-rate");
        BigDecimal interval = fundingInterval == null ? PositionCosts.defaultFundingIntervalHours(rules)
                : Planner.positive(fundingInterval, "--funding-interval-hours");
        BigDecimal held = Planner.notNegative(hours, "--hours");
        if ((openMaker || closeMaker) && maker == null) {
            throw new ValidationException("--maker-fee", "is required with " + (openMaker ? "--open" : "--close")
                    + " maker: MarginLab has no default maker rate (give it, e.g. 0.0002 = 0.02 %)", null);
        }
        if (!openMaker || !closeMaker || (lev != null && Planner.reservesFeeToClose(rules, type))) {
            taker = Planner.takerFee(taker, rules, "--taker-fee");
        }
        BigDecimal openRate = openMaker ? maker : taker;
        BigDecimal closeRate = closeMaker ? maker : taker;
        BigDecimal closePrice = exitPrice == null ? entryPrice : exitPrice;

        BigDecimal feeToOpen = Costs.fee(type, quantity, cs, entryPrice, openRate);
        BigDecimal feeToClose = Costs.fee(type, quantity, cs, closePrice, closeRate);
        BigDecimal reserved = lev != null && Planner.reservesFeeToClose(rules, type)
                ? Costs.feeToClose(type, s, quantity, cs, entryPrice, lev, taker) : null;
        BigDecimal intervals = held.divide(interval, Planner.MC);
        BigDecimal perInterval = Costs.fundingPayment(type, s, quantity, cs, entryPrice, funding);
        BigDecimal fundingPaid = perInterval.multiply(intervals);
        BigDecimal breakEvenFees;
        BigDecimal breakEven;
        try {
            breakEvenFees = Costs.breakEvenPrice(type, s, quantity, cs, entryPrice, openRate, closeRate, BigDecimal.ZERO);
            breakEven = Costs.breakEvenPrice(type, s, quantity, cs, entryPrice, openRate, closeRate, fundingPaid);
        } catch (ValidationException e) {
            if (e.field().equals("fundingPaid")) {
                throw new ValidationException("--funding-rate", "with --hours " + held.stripTrailingZeros().toPlainString()
                        + " projects funding of " + fundingPaid.stripTrailingZeros().toPlainString() + ", which "
                        + e.rule(), fundingRate);
            }
            throw Planner.renamed(e, "closeFeeRate", closeMaker ? "--maker-fee" : "--taker-fee",
                    "openFeeRate", openMaker ? "--maker-fee" : "--taker-fee");
        }
        BigDecimal pnl = exitPrice == null ? null : TradeMath.pnl(type, s, quantity, cs, entryPrice, exitPrice);
        BigDecimal net = pnl == null ? null : pnl.subtract(feeToOpen).subtract(feeToClose).subtract(fundingPaid);

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("venue", rules.id());
            f.put("contract", type.id());
            f.put("side", s.id());
            f.put("quantity", quantity);
            f.put("entryPrice", entryPrice);
            f.put("exitPrice", exitPrice);
            f.put("openFeeRate", openRate);
            f.put("closeFeeRate", closeRate);
            f.put("feeToOpen", feeToOpen);
            f.put("feeToClose", feeToClose);
            f.put("feeToCloseReserved", reserved);
            f.put("fundingRate", funding);
            f.put("fundingIntervalHours", interval);
            f.put("hoursHeld", held);
            f.put("fundingIntervals", intervals);
            f.put("fundingPaid", fundingPaid);
            f.put("breakEvenPriceWithoutFunding", breakEvenFees);
            f.put("breakEvenPrice", breakEven);
            f.put("pnl", pnl);
            f.put("netPnl", net);
            Planner.writeJson(f, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            int k = 25;
            w.println(Planner.quantity(quantity) + " " + s.id() + " " + type.id() + " at " + Planner.price(entryPrice)
                    + (exitPrice == null ? "" : ", exit " + Planner.price(exitPrice)) + " on " + rules.id());
            w.println(Planner.line("fee to open", k, Planner.amount(feeToOpen, type) + " ("
                    + (openMaker ? "maker " : "taker ") + Planner.ratePercent(openRate) + ")"));
            w.println(Planner.line("fee to close", k, Planner.amount(feeToClose, type) + " ("
                    + (closeMaker ? "maker " : "taker ") + Planner.ratePercent(closeRate)
                    + (exitPrice == null ? ", at the entry price)" : ", at the exit)")));
            if (reserved != null) {
                w.println(Planner.line("fee to close reserved", k, Planner.amount(reserved, type)
                        + " (in the margin, at the bankruptcy price)"));
            } else if (lev == null && Planner.reservesFeeToClose(rules, type)) {
                w.println(Planner.line("fee to close reserved", k, "- (" + rules.id()
                        + " reserves it in the margin; give --leverage to value it)"));
            }
            if (funding.signum() == 0 || held.signum() == 0) {
                w.println(Planner.line("funding", k, "none" + (funding.signum() == 0 && held.signum() == 0
                        ? " (give --funding-rate and --hours to project it)"
                        : funding.signum() == 0 ? " (give --funding-rate to project it)" : " (give --hours to project it)")));
            } else {
                w.println(Planner.line("funding", k, Planner.amount(fundingPaid.abs(), type)
                        + (fundingPaid.signum() > 0 ? " paid" : " received")
                        + " (" + Display.plain(intervals.setScale(Math.min(4, Math.max(0, intervals.scale())),
                                RoundingMode.HALF_UP)) + " x " + Planner.ratePercent(funding) + " every "
                        + Display.plain(interval) + " h, " + Display.plain(held) + " h held)"));
            }
            w.println(Planner.line("break-even (fees)", k, Planner.price(breakEvenFees)));
            w.println(Planner.line("break-even (+ funding)", k, Planner.price(breakEven)));
            if (pnl != null) {
                w.println(Planner.line("PnL at the exit", k, Planner.amount(pnl, type)));
                w.println(Planner.line("net of fees and funding", k, Planner.amount(net, type)));
            }
            w.flush();
        }
        Planner.print(spec, text.toString(), List.of());
        return MarginLabCommand.OK;
    }

    /** {@code taker} → false, {@code maker} → true. */
    private static boolean liquidity(String text, String option) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("maker")) {
            return true;
        }
        if (t.equals("taker")) {
            return false;
        }
        throw new ValidationException(option, "must be taker or maker", text);
    }
}
