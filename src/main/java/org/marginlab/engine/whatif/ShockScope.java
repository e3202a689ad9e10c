package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * Which mark prices a price shock moves: every position's ({@link #ALL}, a uniform shock) or
 * only the positions on one symbol. A shock is a fraction {@code x} (−0.1 = 10 % down): a moved
 * mark becomes {@code mark·(1 + x)}, exactly (no rounding); entry prices, sizes and margins are
 * kept. A shock is data: {@link #apply(Account, BigDecimal)} gives new inputs that the same
 * {@link org.marginlab.engine.MarginEngine} evaluates.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol  the symbol whose marks move (compared exactly), or null for every symbol
 */
public record ShockScope(String symbol) {
    /** The uniform shock: every mark moves by the same fraction. */
    public static final ShockScope ALL = new ShockScope(null);

    /**
     * @throws ValidationException ({@code shockSymbol}) if the symbol is given but blank
     */
    public ShockScope {
        if (symbol != null && symbol.isBlank()) {
            throw new ValidationException("shockSymbol", "must not be blank (use ALL for every symbol)", symbol);
        }
    }

    /**
     * @param symbol  a symbol, or null (or blank) for every symbol
     * @return the scope of that symbol, or {@link #ALL}; never null
     */
    public static ShockScope of(String symbol) {
        return symbol == null || symbol.isBlank() ? ALL : new ShockScope(symbol);
    }

    /** @return whether every mark moves (a uniform shock) */
    public boolean isAll() {
        return symbol == null;
    }

    /**
     * @param position  a position, not null
     * @return whether this scope moves the position's mark
     */
    public boolean moves(Position position) {
        return symbol == null || symbol.equals(position.symbol());
    }

    /**
     * The position with its mark shocked, if this scope moves it.
     *
     * @param position  the position, not null
     * @param shock     the shock, a fraction &gt; −1 (−0.1 = 10 % down), not null
     * @return {@code position} with mark {@code mark·(1 + shock)}, or {@code position} itself
     *         when the scope does not move it or the shock is 0; never null
     * @throws ValidationException ({@code shock}) if the shock is missing or ≤ −1 (a mark must
     *         stay &gt; 0)
     */
    public Position apply(Position position, BigDecimal shock) {
        checkShock(shock);
        if (shock.signum() == 0 || !moves(position)) {
            return position;
        }
        return position.withMarkPrice(position.markPrice().multiply(BigDecimal.ONE.add(shock)));
    }

    /**
     * The account with the marks this scope moves shocked; wallet and everything else kept.
     *
     * @param account  the account, not null
     * @param shock    the shock, a fraction &gt; −1, not null
     * @return the shocked account (the same instance when the shock is 0); never null
     * @throws ValidationException ({@code shock}) if the shock is missing or ≤ −1
     */
    public Account apply(Account account, BigDecimal shock) {
        checkShock(shock);
        if (shock.signum() == 0) {
            return account;
        }
        List<Position> moved = new ArrayList<>(account.positions().size());
        for (Position p : account.positions()) {
            moved.add(apply(p, shock));
        }
        return account.derive(account.venue(), account.walletBalance(), moved);
    }

    /**
     * @param shock  a shock fraction
     * @return the shock
     * @throws ValidationException ({@code shock}) unless it is present and &gt; −1
     */
    static BigDecimal checkShock(BigDecimal shock) {
        Checks.notNull(shock, "shock");
        if (shock.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new ValidationException("shock", "must be > −1 (−100 %): a mark price must stay > 0", shock);
        }
        return shock;
    }

    @Override
    public String toString() {
        return symbol == null ? "all symbols" : symbol;
    }
}
