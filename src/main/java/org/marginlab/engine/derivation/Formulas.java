package org.marginlab.engine.derivation;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.tier.MaintenanceTier;

/**
 * The contract-type formulas every venue shares (spec margin-formulas.md §0), as {@link Expr}s
 * with a position's numbers: the recording sites build their steps from these. Internal to the
 * engine.
 */
public final class Formulas {
    /** The spec section of the contract-type arithmetic. */
    public static final String CONTRACTS = "margin-formulas.md §0";

    private Formulas() {
    }

    /** @return {@code s}, the side's sign */
    public static Expr side(Position p) {
        return Expr.sym("s", p.side().signDecimal());
    }

    /** @return {@code B = Q·CS} (linear, base units) or {@code F = Q·CS} (inverse, quote) */
    public static Expr size(Position p) {
        return Expr.sym(p.contract() == ContractType.INVERSE ? "F" : "B", p.quantity().multiply(p.contractSize()));
    }

    /** @return the size as its own step: {@code Q·CS} */
    public static Step sizeStep(Position p, String unit) {
        boolean inverse = p.contract() == ContractType.INVERSE;
        return Step.of(inverse ? "Face value" : "Size", inverse ? "F" : "B",
                Expr.mul(Expr.sym("Q", p.quantity()), Expr.sym("CS", p.contractSize())),
                p.quantity().multiply(p.contractSize()), unit, CONTRACTS);
    }

    /**
     * @param p        the position
     * @param price    the price, as a symbol ({@code mark}, {@code EP}, {@code P})
     * @return the notional at the price: {@code B·price} or {@code F / price}
     */
    public static Expr notional(Position p, Expr price) {
        return p.contract() == ContractType.INVERSE ? Expr.div(size(p), price) : Expr.mul(size(p), price);
    }

    /** @return the unrealized PnL at a price: {@code s·B·(price − EP)} or {@code s·F·(1/EP − 1/price)} */
    public static Expr pnl(Position p, Expr price) {
        Expr ep = Expr.sym("EP", p.entryPrice());
        if (p.contract() == ContractType.INVERSE) {
            return Expr.mul(side(p), size(p), Expr.sub(Expr.div(Expr.num(1), ep), Expr.div(Expr.num(1), price)));
        }
        return Expr.mul(side(p), size(p), Expr.sub(price, ep));
    }

    /** @return the mark as a symbol */
    public static Expr mark(Position p) {
        return Expr.sym("mark", p.markPrice());
    }

    /** @return the entry price as a symbol */
    public static Expr entry(Position p) {
        return Expr.sym("EP", p.entryPrice());
    }

    /** @return {@code N·MMR − cum} of a tier at a notional given as an expression */
    public static Expr maintenance(MaintenanceTier tier, Expr notional) {
        Expr mm = Expr.mul(notional, Expr.sym("MMR", tier.mmr()));
        return tier.maintenanceAmount().signum() == 0 ? mm : Expr.sub(mm, Expr.sym("cum", tier.maintenanceAmount()));
    }

    /**
     * @param tier    a tier
     * @param index   its index in the table, 0-based
     * @param symbol  the table's symbol
     * @return a sentence naming the tier, its bounds, rate and amount
     */
    public static String tierNote(MaintenanceTier tier, int index, String symbol) {
        String lo = tier.floor() == null ? "0" : plain(tier.floor());
        String hi = tier.cap() == null ? "∞" : plain(tier.cap());
        return "Tier " + (index + 1) + " of " + symbol + " (notional " + lo + " to " + hi + "): MMR "
                + plain(tier.mmr().movePointRight(2)) + " %, maintenance amount " + plain(tier.maintenanceAmount())
                + (tier.maxLeverage() == null ? "" : ", max leverage " + plain(tier.maxLeverage()) + "x");
    }

    /** @return a value in plain notation without trailing zeros */
    public static String plain(BigDecimal v) {
        BigDecimal s = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    /** @return the settlement unit of amounts: the quote currency (linear) or the coin (inverse) */
    public static String amountUnit(Position p, String settlementCurrency) {
        return settlementCurrency;
    }
}
