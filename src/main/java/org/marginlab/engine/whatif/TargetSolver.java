package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * Inverse solvers on one isolated position: the isolated margin or the leverage that puts the
 * liquidation price at a target, and the mark price at which the margin ratio reaches a level.
 *
 * <p><b>The liquidation condition.</b> On every venue the engine liquidates an isolated position
 * at the mark price {@code P} where its margin balance meets its maintenance requirement:
 * {@code W + uPnL(P) = req(P)}, with {@code W} the isolated margin, {@code uPnL(P)} the PnL at
 * {@code P} and {@code req(P)} the maintenance margin plus any close fee, each as the venue
 * values it ({@link VenueRules#valueAtMark}). Solved for the wallet term this is a closed form:
 * <pre>{@code W(P) = req(P) − uPnL(P)}</pre>
 * which for the venue families reads (spec margin-formulas.md §1.1, §1.7, §2.1, §2.3, §3, §6;
 * {@code s} = +1 long, −1 short; {@code B = Q·CS} base units, {@code F = Q·CS} quote):
 * <ul>
 *   <li>Binance USDⓈ-M, generic, Hyperliquid, OKX/Gate (maintenance at {@code P}, with the
 *       tier {@code k} of {@code B·P}): {@code W = B·P·(MMR_k + fee) − cum_k − s·B·(P − EP)},
 *       {@code fee} the taker rate on OKX/Gate, else 0;</li>
 *   <li>Binance COIN-M, generic inverse (tier of {@code F/P}):
 *       {@code W = F·MMR_k/P − cum_k − s·F·(1/EP − 1/P)};</li>
 *   <li>Bybit (maintenance at the entry value): {@code W = MM_entry − s·B·(P − EP)} linear,
 *       {@code W = MM_entry − s·F·(1/EP − 1/P)} inverse.</li>
 * </ul>
 * {@code W(P)} is strictly monotone on the loss side (it grows as {@code P} moves away from the
 * mark in the adverse direction), because the maintenance rate plus fee is below 1; so each
 * target has exactly one margin, and the maintenance margin's continuity across tiers makes the
 * tier of the target's notional the tier the engine's own re-tiering settles on. For linear
 * contracts the result is exact; inverse ones carry the {@link MathContext#DECIMAL128} rounding
 * of the notional and PnL divisions (relative error about 1e-33).
 *
 * <p><b>The margin ratio</b> is solved by bisection on the mark price between the mark and the
 * liquidation price (see {@link #markPriceAtMarginRatio}).
 *
 * <p>Depends on a {@link VenueRules} given to the constructor (no global state). Immutable and
 * thread-safe.
 */
public final class TargetSolver {
    /**
     * Relative price tolerance of {@link #markPriceAtMarginRatio}: the bisection stops when the
     * bracket is narrower than {@code 1e-24·P}.
     */
    public static final BigDecimal PRICE_TOLERANCE = new BigDecimal("1e-24");
    /** Iteration limit of the bisection (about 80 are needed from a bracket as wide as the price). */
    public static final int MAX_ITERATIONS = 200;

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final MathContext DOWN = new MathContext(34, RoundingMode.DOWN);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final MathContext SHOW = new MathContext(8, RoundingMode.HALF_EVEN);

    private final VenueRules venue;

    /**
     * @param venue  the venue whose rules define liquidation and the margin ratio, not null
     * @throws ValidationException ({@code venue}) if it is missing
     */
    public TargetSolver(VenueRules venue) {
        this.venue = Checks.notNull(venue, "venue");
    }

    /** @return the venue's rules; never null */
    public VenueRules venue() {
        return venue;
    }

    /**
     * The isolated margin (isolated wallet balance) that puts the position's liquidation price
     * at a target: {@code W(target)} from the class doc. Everything else about the position
     * (size, entry, mark, leverage, tiers) is kept; its current isolated margin is replaced.
     * Evaluating the engine with the result ({@link Position#withIsolatedMargin}) gives a
     * liquidation price equal to the target up to the engine's last-digit rounding.
     *
     * <p>Example (Binance USDⓈ-M, flat MMR 0.5 %, cum 0): 1 BTC long at 20,000, target 19,000:
     * {@code W = 1·19000·0.005 − 0 − (19000 − 20000) = 95 + 1000 = 1,095} USDT.
     *
     * @param position                an isolated position, not null
     * @param targetLiquidationPrice  the wanted liquidation price, quote per base, &gt; 0, below
     *                                the mark for a long and above it for a short, not null
     * @return the isolated margin, settlement currency (quote linear, coin inverse), ≥ 0; exact
     *         for linear, {@link MathContext#DECIMAL128} for inverse; never null
     * @throws ValidationException ({@code marginMode}) if the position is cross;
     *         ({@code targetLiquidationPrice}) if it is missing or not positive, on the wrong side
     *         of the mark, or unreachable because it would need a negative margin (the message
     *         names the liquidation price at zero margin, the reachable bound); as
     *         {@link MarginEngine#evaluate(Position, VenueRules)} if the position breaks a venue
     *         rule
     */
    public BigDecimal isolatedMarginFor(Position position, BigDecimal targetLiquidationPrice) {
        requireIsolated(position, "the solver finds an isolated margin");
        Checks.positive(targetLiquidationPrice, "targetLiquidationPrice");
        MarginEngine.DEFAULT.evaluate(position, venue);
        requireLossSide(position, targetLiquidationPrice);
        BigDecimal wallet = walletAt(position, venue.schedule(position), targetLiquidationPrice);
        if (wallet.signum() < 0) {
            throw unreachable(position, targetLiquidationPrice, "would need a negative isolated margin");
        }
        return wallet;
    }

    /**
     * The leverage that puts the liquidation price at a target when the isolated margin is the
     * initial margin at entry ({@code IM = N_entry/lev}, {@code N_entry = Q·CS·EP} linear,
     * {@code Q·CS/EP} inverse): {@code lev = N_entry / W(target)}. The position's leverage and
     * isolated margin are replaced; the rest is kept. Venues take whole-number leverage: rounding
     * the result down moves the liquidation price away from the mark (the safe side).
     *
     * <p>Example (Binance USDⓈ-M, flat MMR 0.5 %): 1 BTC long at 20,000, target 19,000: margin
     * 1,095 as in {@link #isolatedMarginFor}, {@code lev = 20000/1095 = 18.2648…}.
     *
     * @param position                an isolated position, not null (its leverage and isolated
     *                                margin are ignored)
     * @param targetLiquidationPrice  the wanted liquidation price, quote per base, &gt; 0, below
     *                                the mark for a long and above it for a short, not null
     * @return the leverage, &gt; 0, rounded down to 34 significant digits, ≤ the max leverage of
     *         the position's tier; never null
     * @throws ValidationException ({@code marginMode}) if the position is cross;
     *         ({@code targetLiquidationPrice}) if it is missing or not positive, on the wrong side
     *         of the mark, unreachable with a positive margin, or needs a leverage above the
     *         tier's max leverage; ({@code contract}, {@code symbol}) if the venue does not cover
     *         the position
     */
    public BigDecimal leverageFor(Position position, BigDecimal targetLiquidationPrice) {
        requireIsolated(position, "the solver finds the leverage of an isolated position");
        Checks.positive(targetLiquidationPrice, "targetLiquidationPrice");
        requireLossSide(position, targetLiquidationPrice);
        TierTable schedule = venue.schedule(position);
        venue.valueAtMark(position, schedule);
        BigDecimal wallet = walletAt(position, schedule, targetLiquidationPrice);
        if (wallet.signum() <= 0) {
            throw unreachable(position, targetLiquidationPrice, "would need an initial margin ≤ 0 (no leverage reaches it)");
        }
        BigDecimal size = position.quantity().multiply(position.contractSize());
        BigDecimal entryNotional = !position.contract().isInverse()
                ? size.multiply(position.entryPrice())
                : size.divide(position.entryPrice(), MC);
        BigDecimal leverage = entryNotional.divide(wallet, DOWN);
        Position candidate = position.toBuilder().leverage(leverage).isolatedMargin(null).build();
        BigDecimal max = venue.maxLeverage(candidate, schedule);
        if (max != null && leverage.compareTo(max) > 0) {
            throw new ValidationException("targetLiquidationPrice",
                    "needs leverage " + show(leverage) + "x, above the max leverage " + show(max)
                            + "x of the tier; choose a target further from the mark",
                    targetLiquidationPrice);
        }
        return leverage;
    }

    /**
     * The mark price at which the position's margin ratio reaches a level, everything else
     * (isolated margin, entry, size, tiers) fixed, e.g. 0.8 for Binance's warning level.
     *
     * <p>The ratio is the venue's ({@link VenueRules#marginRatioDefinition()}):
     * <ul>
     *   <li>{@code MM/marginBalance}: {@code ratio(P) = req(P) / (W + uPnL(P))}, rising to 1 at
     *       the liquidation price; reachable levels are {@code [current ratio, 1]};</li>
     *   <li>{@code equity/(MM + fees)} (OKX): {@code ratio(P) = (W + uPnL(P)) / req(P)}, falling to
     *       1; reachable levels are {@code [1, current ratio]}.</li>
     * </ul>
     * Solved by bisection on the price between the mark (level not reached) and the engine's
     * liquidation price (reached), at most {@value #MAX_ITERATIONS} halvings, until the bracket
     * is narrower than {@link #PRICE_TOLERANCE}{@code ·P}. The returned end is the one on the
     * liquidation side, where the ratio has reached the level; the price within the tolerance
     * toward the mark has not. Within a tier the ratio is a ratio of two affine functions of
     * {@code P} (of {@code 1/P} inverse) and is monotone on this interval whenever the ratio
     * exceeds the tier's MMR, i.e. for any position with an effective leverage above about 1;
     * the answer is then unique. The level equal to the current ratio returns the mark; the
     * level 1 returns the liquidation price.
     *
     * @param position     an isolated position, not null
     * @param marginRatio  the level, a fraction (0.8 = 80 %), &gt; 0, in the reachable range, not null
     * @return the mark price, quote per base, &gt; 0, between the mark and the liquidation price;
     *         never null
     * @throws ValidationException ({@code marginMode}) if the position is cross;
     *         ({@code marginRatio}) if it is missing or not positive, outside the reachable range
     *         (the message names the range), or if the position has no liquidation price, is
     *         already liquidated or has no defined ratio; as
     *         {@link MarginEngine#evaluate(Position, VenueRules)} if the position breaks a venue
     *         rule
     */
    public BigDecimal markPriceAtMarginRatio(Position position, BigDecimal marginRatio) {
        requireIsolated(position, "a cross position's margin ratio is the account's");
        Checks.positive(marginRatio, "marginRatio");
        PositionRisk now = MarginEngine.DEFAULT.evaluate(position, venue);
        boolean rising = venue.marginRatioDefinition() == MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE;
        if (now.liquidated()) {
            throw new ValidationException("marginRatio",
                    "cannot be reached: the position is already at or past liquidation at the mark", marginRatio);
        }
        BigDecimal current = now.marginRatio();
        if (current == null) {
            throw new ValidationException("marginRatio",
                    "is undefined for this position (no maintenance requirement)", marginRatio);
        }
        BigDecimal liquidation = now.liquidationPrice();
        if (liquidation == null) {
            throw new ValidationException("marginRatio", "cannot be reached: the position has no liquidation price, "
                    + "so its margin ratio never reaches the liquidation threshold 1", marginRatio);
        }
        BigDecimal low = rising ? current : BigDecimal.ONE;
        BigDecimal high = rising ? BigDecimal.ONE : current;
        if (marginRatio.compareTo(low) < 0 || marginRatio.compareTo(high) > 0) {
            throw new ValidationException("marginRatio",
                    "must be between " + (rising ? "the current margin ratio " + show(current) + " and 1 (liquidation)"
                            : "1 (liquidation) and the current margin ratio " + show(current))
                            + " for " + venue.marginRatioDefinition().id(),
                    marginRatio);
        }
        if (marginRatio.compareTo(current) == 0) {
            return position.markPrice();
        }
        if (marginRatio.compareTo(BigDecimal.ONE) == 0) {
            return liquidation;
        }
        TierTable schedule = venue.schedule(position);
        BigDecimal wallet = now.isolatedMargin();
        BigDecimal notReached = position.markPrice();
        BigDecimal reached = liquidation;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            if (reached.subtract(notReached).abs().compareTo(PRICE_TOLERANCE.multiply(reached)) <= 0) {
                break;
            }
            BigDecimal mid = notReached.add(reached).multiply(HALF).round(MC);
            if (mid.compareTo(notReached) == 0 || mid.compareTo(reached) == 0) {
                break;
            }
            if (hasReached(position, schedule, wallet, mid, marginRatio, rising)) {
                reached = mid;
            } else {
                notReached = mid;
            }
        }
        return reached;
    }

    /**
     * Whether the ratio at mark {@code price} has reached {@code level}, without dividing:
     * {@code req − level·equity ≥ 0} (rising ratio) or {@code level·req − equity ≥ 0} (falling).
     */
    private boolean hasReached(Position position, TierTable schedule, BigDecimal wallet, BigDecimal price,
            BigDecimal level, boolean rising) {
        MarkValuation v = venue.valueAtMark(position.withMarkPrice(price), schedule);
        BigDecimal equity = wallet.add(v.unrealizedPnl());
        BigDecimal requirement = v.maintenanceRequirement();
        BigDecimal gap = rising ? requirement.subtract(level.multiply(equity)) : level.multiply(requirement).subtract(equity);
        return gap.signum() >= 0;
    }

    /** {@code W(P) = req(P) − uPnL(P)}: the isolated margin whose liquidation price is {@code P}. */
    private BigDecimal walletAt(Position position, TierTable schedule, BigDecimal price) {
        MarkValuation v = venue.valueAtMark(position.withMarkPrice(price), schedule);
        return v.maintenanceRequirement().subtract(v.unrealizedPnl());
    }

    private static void requireIsolated(Position position, String why) {
        Checks.notNull(position, "position");
        if (position.marginMode() != MarginMode.ISOLATED) {
            throw new ValidationException("marginMode", "must be isolated: " + why, position.marginMode().id());
        }
    }

    /** A liquidation price lies below the mark for a long and above it for a short. */
    private static void requireLossSide(Position position, BigDecimal target) {
        BigDecimal mark = position.markPrice();
        boolean isLong = position.side() == Side.LONG;
        int cmp = target.compareTo(mark);
        if (isLong ? cmp >= 0 : cmp <= 0) {
            throw new ValidationException("targetLiquidationPrice",
                    "must be " + (isLong ? "below" : "above") + " the mark price " + mark.stripTrailingZeros().toPlainString()
                            + " for a " + position.side().id(),
                    target);
        }
    }

    /** The target needs a margin that cannot exist; names the bound: the liquidation price at zero margin. */
    private ValidationException unreachable(Position position, BigDecimal target, String why) {
        boolean isLong = position.side() == Side.LONG;
        BigDecimal bound;
        try {
            bound = MarginEngine.DEFAULT.evaluate(position.withIsolatedMargin(BigDecimal.ZERO), venue).liquidationPrice();
        } catch (ValidationException e) {
            bound = null; // e.g. leverageFor's placeholder leverage is above the tier's max: name no bound
        }
        String rule = "is unreachable: it " + why;
        if (bound != null) {
            rule += "; a " + position.side().id() + "'s target must be " + (isLong ? "below " : "above ") + show(bound)
                    + ", the liquidation price with zero isolated margin";
        }
        return new ValidationException("targetLiquidationPrice", rule, target);
    }

    private static String show(BigDecimal value) {
        return value.round(SHOW).stripTrailingZeros().toPlainString();
    }
}
