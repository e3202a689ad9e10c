package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.engine.Position;
import org.marginlab.engine.tier.TierTable;

/**
 * What a cross position sees of the rest of its account (spec margin-formulas.md §1.1).
 *
 * @param walletBalance             the cross wallet balance {@code WB}
 * @param otherMaintenanceMargin    {@code TMM1}: Σ maintenance requirement (margin plus any
 *                                  close fee) of the other cross positions at their marks,
 *                                  excluding the position's hedge group
 * @param otherUnrealizedPnl        {@code UPNL1}: Σ unrealized PnL of those positions
 * @param accountMarginBalance      the cross account's margin balance
 * @param accountLiquidated         whether the cross account is at or past liquidation
 * @param hedgeGroup                the cross positions on the same symbol that share this
 *                                  position's liquidation price (Binance hedge mode), this one
 *                                  included; null when the position stands alone
 * @param crossNotional             Σ notional at the mark of every cross position of the
 *                                  account, this one included ({@code Σ|MV_i|}, the denominator
 *                                  of KuCoin's allocated margin ratio, venues-v2.md §2.5)
 */
public record CrossContext(
        BigDecimal walletBalance,
        BigDecimal otherMaintenanceMargin,
        BigDecimal otherUnrealizedPnl,
        BigDecimal accountMarginBalance,
        boolean accountLiquidated,
        HedgeGroup hedgeGroup,
        BigDecimal crossNotional) {

    /**
     * A position of a hedge group.
     *
     * @param position  the position
     * @param schedule  its maintenance schedule
     */
    public record HedgeLeg(Position position, TierTable schedule) {
    }

    /**
     * The cross positions of one symbol that share one liquidation price. Every member sees the
     * same wallet term, so the group's price is solved once, by the first member evaluated, and
     * reused by the others: an account evaluation stays O(N) however many positions share a
     * symbol. A group belongs to one evaluation and is not thread-safe.
     */
    public static final class HedgeGroup {
        private final List<HedgeLeg> legs;
        private java.util.IdentityHashMap<Position, Integer> index;
        private int next;
        private Object solved;

        /** @param legs  the members, in account order; copied */
        public HedgeGroup(List<HedgeLeg> legs) {
            this.legs = List.copyOf(legs);
        }

        /** @return the members, in account order */
        public List<HedgeLeg> legs() {
            return legs;
        }

        /**
         * @param position  a member
         * @return its index in {@link #legs()}
         */
        public int indexOf(Position position) {
            // the engine asks for the members in account order, which is the legs' order: no map then
            if (next < legs.size() && legs.get(next).position() == position) {
                return next++;
            }
            if (index == null) {
                index = new java.util.IdentityHashMap<>(legs.size() * 2);
                for (int i = 0; i < legs.size(); i++) {
                    index.put(legs.get(i).position(), i);
                }
            }
            Integer i = index.get(position);
            if (i == null) {
                throw new IllegalArgumentException("not a member of the hedge group: " + position.id());
            }
            next = i + 1;
            return i;
        }

        Object solved() {
            return solved;
        }

        void solved(Object value) {
            solved = value;
        }
    }
}
