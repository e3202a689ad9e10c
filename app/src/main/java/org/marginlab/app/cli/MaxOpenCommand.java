package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.planner.MaxOpenPlan;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.MaxOpen;
import org.marginlab.engine.sizing.OrderCost;
import org.marginlab.engine.sizing.OrderMath;
import org.marginlab.engine.venue.VenueRules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab max-open --balance AMOUNT --price PRICE --leverage X --side long|short
 * [--mark PRICE] [--venue ID --symbol SYMBOL] [--bundled-tiers] [--json]}: the largest linear
 * order the available balance allows ({@link OrderMath#maxOpen}, spec margin-formulas.md §1.4, the
 * community-reported Binance rule [C]): {@code Q = balance / (P/lev + max(0, s·(P − M)))}, with the
 * open loss of a buy above the mark or a sell below it. With {@code --symbol} the notional is also
 * capped by the venue's tier table at the leverage. Fees are not included. The computation is
 * {@link MaxOpenPlan} (the Planner tab calls the same).
 */
@Command(name = "max-open",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Max order size for an available balance and a leverage (linear), and its cost to open.",
        usageHelpAutoWidth = true)
final class MaxOpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--balance", required = true, paramLabel = "AMOUNT",
            description = "Available balance for the order, quote (e.g. USDT).")
    String balance;

    @Option(names = "--price", required = true, paramLabel = "PRICE",
            description = "Order price (limit price; for a market order the price the venue assumes), quote per base.")
    String price;

    @Option(names = "--leverage", required = true, paramLabel = "X", description = "Leverage, e.g. 10.")
    String leverage;

    @Option(names = "--side", required = true, paramLabel = "long|short", description = "Buy (long) or sell (short).")
    String side;

    @Option(names = "--mark", paramLabel = "PRICE", description = "Mark price (default: the order price).")
    String mark;

    @Option(names = "--venue", paramLabel = "ID", defaultValue = "binance-usdm",
            description = "Rule set whose tier table caps the notional with --symbol (default: ${DEFAULT-VALUE}).")
    String venue;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Instrument: caps the notional by the venue's tier table at the leverage. Without it, no cap.")
    String symbol;

    @Option(names = "--bundled-tiers",
            description = "Use only the tier tables bundled with MarginLab, not those stored by Help > Update tier tables.")
    boolean bundledTiers;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        BigDecimal available = Planner.notNegative(balance, "--balance");
        BigDecimal orderPrice = Planner.positive(price, "--price");
        BigDecimal lev = Planner.positive(leverage, "--leverage");
        Side s = Planner.side(side);
        BigDecimal markPrice = mark == null ? orderPrice : Planner.positive(mark, "--mark");
        VenueRules rules = Planner.venue(venue);
        if (!rules.contractTypes().contains(ContractType.LINEAR)) {
            throw new ValidationException("--venue", "must have linear contracts (max-open is linear)", venue);
        }
        List<String> tierWarnings = Planner.installTiers(bundledTiers);
        MaxOpenPlan plan = MaxOpenPlan.compute(s, available, orderPrice, markPrice, lev, rules, symbol);
        MaxOpen max = plan.max();
        OrderCost cost = plan.cost();
        String limit = max.limit() == MaxOpen.Limit.BALANCE ? "balance" : "tierNotionalCap";

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("venue", rules.id());
            f.put("symbol", symbol == null ? null : symbol.strip());
            f.put("side", s.id());
            f.put("availableBalance", available);
            f.put("orderPrice", orderPrice);
            f.put("markPrice", markPrice);
            f.put("leverage", lev);
            f.put("quantity", max.quantity());
            f.put("notional", max.notional());
            f.put("limit", limit);
            f.put("initialMargin", cost == null ? BigDecimal.ZERO : cost.initialMargin());
            f.put("openLoss", cost == null ? BigDecimal.ZERO : cost.openLoss());
            f.put("cost", cost == null ? BigDecimal.ZERO : cost.cost());
            Planner.writeJson(f, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            int k = 16;
            w.println(Planner.line("max quantity", k, Planner.quantity(max.quantity())
                    + (max.limit() == MaxOpen.Limit.BALANCE ? " (limited by the balance)"
                            : " (limited by " + symbol.strip() + "'s tier cap at " + Display.plain(lev) + "x)")));
            w.println(Planner.line("notional", k, Display.amount(max.notional(), ContractType.LINEAR)));
            if (cost != null) {
                w.println(Planner.line("initial margin", k, Display.amount(cost.initialMargin(), ContractType.LINEAR)));
                w.println(Planner.line("open loss", k, Display.amount(cost.openLoss(), ContractType.LINEAR)));
                w.println(Planner.line("cost to open", k, Display.amount(cost.cost(), ContractType.LINEAR)
                        + " (fees not included)"));
            }
            w.flush();
        }
        Planner.print(spec, text.toString(), tierWarnings);
        return MarginLabCommand.OK;
    }
}
