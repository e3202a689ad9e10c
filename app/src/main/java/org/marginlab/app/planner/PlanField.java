package org.marginlab.app.planner;

import java.util.Locale;

/**
 * The planner's inputs. The planning functions name a field by its command-line option (the
 * command line prints {@code --entry: must be > 0 (got 0)}), or for an input only the tab has
 * ({@code --distance}, {@code --available}, {@code --exit}, {@code --pnl}) a name of the same form;
 * the Planner tab shows the same rule at the field with its label ({@code Entry price must be > 0
 * (got 0)}) and, in a rule that names another field ({@code needs --mmr}), that field's label.
 */
public enum PlanField {
    BALANCE("--balance", "Account size"),
    RISK("--risk", "Risk"),
    ENTRY("--entry", "Entry price"),
    STOP("--stop", "Stop price"),
    LEVERAGE("--leverage", "Leverage"),
    SIDE("--side", "Side"),
    MODE("--mode", "Margin mode"),
    VENUE("--venue", "Venue"),
    SYMBOL("--symbol", "Symbol"),
    CONTRACT("--contract", "Contract"),
    CONTRACT_SIZE("--contract-size", "Contract size"),
    MMR("--mmr", "Maintenance margin rate"),
    MAINTENANCE_AMOUNT("--maintenance-amount", "Maintenance amount"),
    MAX_LEVERAGE("--max-leverage", "Max leverage"),
    TAKER_FEE("--taker-fee", "Taker fee rate"),
    /** The planner tab's distance of the liquidation price beyond the stop, % of the stop. */
    DISTANCE("--distance", "Distance beyond the stop"),
    /** Max open: the available balance (the command's {@code --balance}). */
    AVAILABLE("--available", "Available balance"),
    /** Max open: the order price (the command's {@code --price}). */
    PRICE("--price", "Order price"),
    MARK("--mark", "Mark price"),
    ROE("--roe", "Target ROE"),
    PNL("--pnl", "Target PnL"),
    EXIT("--exit", "Exit price");

    private final String option;
    private final String label;

    PlanField(String option, String label) {
        this.option = option;
        this.label = label;
    }

    /**
     * @return the planning functions' name for it, e.g. {@code --entry} (the command line's option
     *         where it has one)
     */
    public String option() {
        return option;
    }

    /** @return what the tab calls it, e.g. {@code Entry price} */
    public String label() {
        return label;
    }

    /** @return the node id of the tab's input, e.g. {@code planEntry} */
    public String nodeId() {
        StringBuilder b = new StringBuilder("plan");
        for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /**
     * @param option  a field name a planning function used, e.g. {@code --entry}
     * @return the field, or null for none
     */
    public static PlanField byOption(String option) {
        for (PlanField f : values()) {
            if (f.option.equals(option)) {
                return f;
            }
        }
        return null;
    }

    /**
     * A rule in the tab's words: every option it names replaced by the field's label in lower
     * case ({@code needs --mmr} → {@code needs maintenance margin rate}).
     */
    public static String inWords(String rule) {
        String r = rule;
        // longest options first: --maintenance-amount before --mmr, --max-leverage before --leverage
        PlanField[] byLength = values().clone();
        java.util.Arrays.sort(byLength, (a, b) -> b.option.length() - a.option.length());
        for (PlanField f : byLength) {
            r = r.replace(f.option, "the " + f.label.toLowerCase(Locale.ROOT));
        }
        return r;
    }
}
