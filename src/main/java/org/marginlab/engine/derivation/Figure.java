package org.marginlab.engine.derivation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures a derivation can explain: those of {@code PositionRisk} and {@code AccountRisk}
 * (a what-if's figures are those of the account after its transfer). Each names the figures its
 * derivation builds on, so that a derivation lists every step from the inputs to the figure.
 */
public enum Figure {
    /** Notional at the mark, settlement currency. */
    NOTIONAL("notional", "Notional"),
    /** Initial margin at entry, settlement currency. */
    INITIAL_MARGIN("initialMargin", "Initial margin"),
    /** The maintenance tier and its margin at the mark, settlement currency. */
    MAINTENANCE_MARGIN("maintenanceMargin", "Maintenance margin"),
    /** Unrealized PnL at the mark, settlement currency; positive is a gain. */
    UNREALIZED_PNL("unrealizedPnl", "Unrealized PnL"),
    /** Unrealized PnL over the initial margin, a fraction. */
    ROE("roe", "ROE"),
    /** Isolated margin (stated, or the venue's default), settlement currency. */
    ISOLATED_MARGIN("isolatedMargin", "Isolated margin"),
    /** Isolated margin plus unrealized PnL, settlement currency. */
    MARGIN_BALANCE("marginBalance", "Margin balance"),
    /** The venue's margin ratio, a fraction. */
    MARGIN_RATIO("marginRatio", "Margin ratio"),
    /** The wallet term {@code W} of the liquidation equation, settlement currency. */
    WALLET_TERM("walletTerm", "Wallet term"),
    /** Liquidation price, quote per base. */
    LIQUIDATION_PRICE("liquidationPrice", "Liquidation price"),
    /** Bankruptcy price, quote per base. */
    BANKRUPTCY_PRICE("bankruptcyPrice", "Bankruptcy price"),
    /** Notional over the margin balance. */
    EFFECTIVE_LEVERAGE("effectiveLeverage", "Effective leverage"),
    /** Margin that may be removed now, settlement currency. */
    MAX_REMOVABLE_MARGIN("maxRemovableMargin", "Max removable margin"),
    /** |mark − liquidation price| / mark, a fraction. */
    DISTANCE_TO_LIQUIDATION("distanceToLiquidation", "Distance to liquidation"),
    /** The cross account's margin balance, settlement currency. */
    ACCOUNT_MARGIN_BALANCE("accountMarginBalance", "Cross margin balance"),
    /** The cross account's margin ratio, a fraction. */
    ACCOUNT_MARGIN_RATIO("accountMarginRatio", "Cross margin ratio"),
    /** Cross margin balance less the cross initial margin, floored at 0. */
    AVAILABLE_BALANCE("availableBalance", "Available balance"),
    /** Wallet plus isolated margins plus every unrealized PnL. */
    TOTAL_EQUITY("totalEquity", "Total equity");

    private final String id;
    private final String term;

    Figure(String id, String term) {
        this.id = id;
        this.term = term;
    }

    /** @return the name used on the command line and in JSON ({@code liquidationPrice}) */
    public String id() {
        return id;
    }

    /** @return the field's standard term ({@code Liquidation price}) */
    public String term() {
        return term;
    }

    /** @return whether this is a figure of the account rather than of one position */
    public boolean isAccount() {
        return ordinal() >= ACCOUNT_MARGIN_BALANCE.ordinal();
    }

    /** @return whether the figure is a price (shown rounded to the venue's tick) */
    public boolean isPrice() {
        return this == LIQUIDATION_PRICE || this == BANKRUPTCY_PRICE;
    }

    /**
     * @return the figures whose steps come first in this figure's derivation, in order (each
     *         with its own, recursively, without repeats)
     */
    public List<Figure> uses() {
        return switch (this) {
            case NOTIONAL, UNREALIZED_PNL, ACCOUNT_MARGIN_BALANCE -> List.of();
            case INITIAL_MARGIN, MAINTENANCE_MARGIN -> List.of(NOTIONAL);
            case ISOLATED_MARGIN -> List.of(INITIAL_MARGIN);
            case ROE -> List.of(UNREALIZED_PNL, INITIAL_MARGIN);
            case MARGIN_BALANCE -> List.of(ISOLATED_MARGIN, UNREALIZED_PNL);
            case MARGIN_RATIO -> List.of(MAINTENANCE_MARGIN, MARGIN_BALANCE);
            case WALLET_TERM -> List.of(ISOLATED_MARGIN);
            case LIQUIDATION_PRICE, BANKRUPTCY_PRICE -> List.of(WALLET_TERM);
            case EFFECTIVE_LEVERAGE -> List.of(NOTIONAL, MARGIN_BALANCE, ACCOUNT_MARGIN_BALANCE);
            case MAX_REMOVABLE_MARGIN -> List.of(MAINTENANCE_MARGIN, MARGIN_BALANCE, INITIAL_MARGIN);
            case DISTANCE_TO_LIQUIDATION -> List.of(LIQUIDATION_PRICE);
            case ACCOUNT_MARGIN_RATIO -> List.of(ACCOUNT_MARGIN_BALANCE);
            case AVAILABLE_BALANCE -> List.of(ACCOUNT_MARGIN_BALANCE);
            case TOTAL_EQUITY -> List.of();
        };
    }

    /**
     * @param id  a figure's {@link #id()} (case-insensitive; dashes and underscores ignored)
     * @return the figure, or empty
     */
    public static Optional<Figure> byId(String id) {
        String key = id.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (Figure f : values()) {
            if (f.id.toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
