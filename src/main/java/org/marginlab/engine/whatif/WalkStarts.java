package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.Position;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.VenueRules;

/**
 * What a {@link LiquidationCascade} walk worked out for each position alone, kept with its
 * {@link CascadeResult} so that the walk of an edited account can take it over for every position
 * it still holds as the same instance ({@link LiquidationCascade#simulate(org.marginlab.engine.Account,
 * ShockScope, BigDecimal, CascadeResult)}).
 *
 * <p>A position's share of a walk depends only on the position, its maintenance schedule, the
 * venue, the scope, the target and the fee: an isolated position's liquidation event on the path
 * (its own liquidation price, rule 1 of {@link LiquidationCascade}), and a cross position's first
 * tier piece on the walk with its affine coefficients (two venue valuations inside the piece).
 * Everything that depends on the rest of the account (the cross crossings, their exact
 * confirmation, the closes) is worked out again by every walk. A share is taken over only when
 * the earlier walk had the same venue instance, scope, target and fee (value and scale) and the
 * venue gives the position the same schedule instance (a tier table the user refreshed, or a
 * schedule the venue makes at each call, is never taken over), so the result is the same, value
 * and scale, as a walk without it.
 *
 * <p>Thread-safe: immutable but for the lookup by instance, made on first use and published
 * through a volatile field (two threads that both need it may both make it: the same map).
 */
final class WalkStarts {

    /** One position's share of a walk. */
    sealed interface Start permits Isolated, Cross {
        /** @return the schedule the share was worked out with */
        TierTable schedule();
    }

    /**
     * An isolated position's share.
     *
     * @param schedule  its maintenance schedule
     * @param event     its liquidation on the path, or null if none (its index is the walk's own)
     */
    record Isolated(TierTable schedule, LiquidationCascade.Tagged event) implements Start {
    }

    /**
     * A cross position's first piece on the walk: its PnL is {@code p + q·u} and its requirement
     * {@code r + t·u} on tier piece {@code piece}, up to {@code nextBreak} (null: none); {@code c}
     * its notional per unit of {@code u} (null for a position the scope does not move, whose
     * {@code p} and {@code r} are its PnL and requirement at the mark).
     */
    record Cross(TierTable schedule, BigDecimal c, int piece, BigDecimal nextBreak, BigDecimal p, BigDecimal q,
            BigDecimal r, BigDecimal t) implements Start {
    }

    private final VenueRules venue;
    private final ShockScope scope;
    private final BigDecimal target;
    private final BigDecimal feeShare;
    private final List<Position> positions;
    private final Start[] starts;
    private volatile Map<Position, Integer> byInstance;

    WalkStarts(VenueRules venue, ShockScope scope, BigDecimal target, BigDecimal feeShare, List<Position> positions,
            Start[] starts) {
        this.venue = venue;
        this.scope = scope;
        this.target = target;
        this.feeShare = feeShare;
        this.positions = positions;
        this.starts = starts;
    }

    /**
     * @return {@code previous}'s shares if they may be taken over by a walk of {@code venue} with
     *         that scope, target and fee, else null
     */
    static WalkStarts usable(CascadeResult previous, VenueRules venue, ShockScope scope, BigDecimal target,
            BigDecimal feeShare) {
        WalkStarts s = previous == null ? null : previous.starts();
        return s != null && s.venue == venue && s.scope.equals(scope) && s.target.equals(target)
                && s.feeShare.equals(feeShare) ? s : null;
    }

    /**
     * @param index     the position's index in the account walked now
     * @param position  the position, not null
     * @return the share of that same instance in the earlier walk (looked up at the same index
     *         first), or null if it held no such instance
     */
    Start of(int index, Position position) {
        if (index < positions.size() && positions.get(index) == position) {
            return starts[index];
        }
        Map<Position, Integer> indexes = byInstance;
        if (indexes == null) {
            indexes = new IdentityHashMap<>(positions.size() * 2);
            for (int i = 0; i < positions.size(); i++) {
                indexes.put(positions.get(i), i);
            }
            byInstance = indexes;
        }
        Integer k = indexes.get(position);
        return k == null ? null : starts[k];
    }
}
