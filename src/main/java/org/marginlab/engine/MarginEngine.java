package org.marginlab.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.transfer.Transfer;
import org.marginlab.engine.transfer.Transfers;
import org.marginlab.engine.venue.CrossContext;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * The margin engine's entry point: immutable inputs in, one evaluation, immutable results out.
 *
 * <p>Evaluating an account is O(N) in its positions: every position is valued at its mark once,
 * the cross totals are summed once, and each cross position sees the totals less its own terms
 * (and, on venues where a hedged long and short share one liquidation price, less its hedge
 * legs' terms). Venue-specific formulas live in the account's {@link VenueRules}. All positions
 * of an account share one contract type, so that its amounts share one settlement currency.
 *
 * <p>Stateless, immutable and thread-safe; use {@link #DEFAULT}.
 */
public final class MarginEngine {
    /** The shared instance. */
    public static final MarginEngine DEFAULT = new MarginEngine();

    private MarginEngine() {
    }

    /**
     * Evaluates every position of an account and the cross account.
     *
     * @param account  the account, not null
     * @return the results, never null
     * @throws ValidationException naming {@code positions[i].field} when a position breaks a
     *         venue rule (leverage above the tier's max, unsupported contract type, no tier table
     *         for the symbol)
     */
    public AccountRisk evaluate(Account account) {
        return evaluate(account, null, null);
    }

    /**
     * An account's evaluation and each position's valuation, to reuse in the next one.
     *
     * @param risk        the evaluation, as {@link #evaluate(Account)} gives it
     * @param valuations  what it worked out per position ({@link Valuations})
     */
    public record Evaluated(AccountRisk risk, Valuations valuations) {
    }

    /**
     * Evaluates an account as {@link #evaluate(Account)} does, taking over the schedule, the
     * leverage check, the valuation at the mark and the terms of the position alone (ROE, fee to
     * close, max leverage) of every position that is the same instance as in {@code previous} (on
     * the same rule set and schedule), instead of working them out again; what depends on the rest
     * of the account (cross wallet, liquidation and bankruptcy prices, margin ratio, effective
     * leverage, distance) is worked out as always for a cross position. An isolated position's
     * figures depend on nothing else (its own margin, its own liquidation and bankruptcy prices):
     * its whole {@link PositionRisk} is taken over. The result is equal, value and scale, to
     * {@link #evaluate(Account)}'s. For a caller that evaluates an account again after each edit
     * of it (the app, once per keystroke). A position whose derivation is being recorded
     * ({@link org.marginlab.engine.derivation.Trace}) is always evaluated in full.
     *
     * @param account   the account, not null
     * @param previous  the valuations of the previous evaluation of this account, or null
     * @return the evaluation and this evaluation's valuations; never null
     * @throws ValidationException as {@link #evaluate(Account)}
     */
    public Evaluated evaluateReusing(Account account, Valuations previous) {
        Valuations next = new Valuations(account.venue(), account.positions().size());
        AccountRisk risk = evaluate(account, previous, next);
        return new Evaluated(risk, next);
    }

    private AccountRisk evaluate(Account account, Valuations previous, Valuations next) {
        VenueRules rules = account.venue();
        List<Position> positions = account.positions();
        int n = positions.size();
        TierTable[] schedules = new TierTable[n];
        MarkValuation[] marks = new MarkValuation[n];
        PositionRisk[] befores = null; // the earlier results of the positions whose valuation was taken over
        BigDecimal crossRequirement = BigDecimal.ZERO;
        BigDecimal crossMm = BigDecimal.ZERO;
        BigDecimal crossFees = BigDecimal.ZERO;
        BigDecimal crossUpnl = BigDecimal.ZERO;
        BigDecimal crossIm = BigDecimal.ZERO;
        BigDecimal crossNotional = BigDecimal.ZERO;
        BigDecimal allUpnl = BigDecimal.ZERO;
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        boolean anyCross = false;
        ContractType contract = n == 0 ? null : positions.get(0).contract();
        Map<String, Members> hedgeGroups = rules.sharesLiquidationPriceAcrossHedge() ? new HashMap<>() : null;
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            try {
                if (p.contract() != contract) {
                    throw new ValidationException("contract",
                            "must match the workspace's other positions (" + contract.id() + ")", p.contract().id());
                }
                schedules[i] = rules.schedule(p);
                int reused = previous == null || org.marginlab.engine.derivation.Trace.of(p) != null ? -1
                        : previous.reusable(rules, i, p, schedules[i]);
                if (reused >= 0) {
                    marks[i] = previous.mark(reused); // the same instance passed the same schedule's leverage bound
                    if (befores == null) {
                        befores = new PositionRisk[n];
                    }
                    befores[i] = previous.risk(reused);
                } else {
                    checkLeverage(rules, p, schedules[i]);
                    marks[i] = rules.valueAtMark(p, schedules[i]);
                }
            } catch (ValidationException e) {
                throw e.within("positions[" + i + "]");
            }
            allUpnl = allUpnl.add(marks[i].unrealizedPnl());
            if (p.marginMode() == MarginMode.CROSS) {
                anyCross = true;
                crossMm = crossMm.add(marks[i].maintenanceMargin());
                crossFees = crossFees.add(marks[i].closeFee());
                if (hedgeGroups == null) {
                    crossRequirement = crossRequirement.add(marks[i].maintenanceRequirement());
                    crossUpnl = crossUpnl.add(marks[i].unrealizedPnl());
                } else {
                    // summed per symbol (each group's terms are needed apart), the account's from those
                    hedgeGroups.computeIfAbsent(p.symbol(), k -> new Members()).add(i, marks[i]);
                }
                crossIm = crossIm.add(marks[i].initialMarginAtMark());
                crossNotional = crossNotional.add(marks[i].notional());
            }
        }
        if (hedgeGroups != null) {
            // exact sums: the same value and scale in any grouping (both start from ZERO)
            for (Members m : hedgeGroups.values()) {
                crossRequirement = crossRequirement.add(m.requirement);
                crossUpnl = crossUpnl.add(m.upnl);
            }
        }
        BigDecimal wallet = account.walletBalance();
        BigDecimal marginBalance = wallet.add(crossUpnl);
        BigDecimal marginRatio = null;
        if (anyCross) {
            marginRatio = rules.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                    ? (crossRequirement.signum() > 0 ? marginBalance.divide(crossRequirement, MathContext.DECIMAL128) : null)
                    : (marginBalance.signum() > 0 ? crossRequirement.divide(marginBalance, MathContext.DECIMAL128) : null);
        }
        boolean crossLiquidated = anyCross && marginBalance.compareTo(crossRequirement) <= 0;

        List<PositionRisk> results = new ArrayList<>(n);
        // the members of a hedge group see the same rest of the account: one context per group
        Map<String, CrossContext> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            CrossContext cross = null;
            if (p.marginMode() == MarginMode.CROSS) {
                Members members = hedgeGroups == null ? null : hedgeGroups.get(p.symbol());
                if (members != null && members.size > 1) {
                    cross = groups.get(p.symbol());
                    if (cross == null) {
                        cross = new CrossContext(wallet, crossRequirement.subtract(members.requirement),
                                crossUpnl.subtract(members.upnl), marginBalance, crossLiquidated,
                                members.hedgeGroup(positions, schedules), crossNotional);
                        groups.put(p.symbol(), cross);
                    }
                } else {
                    cross = new CrossContext(wallet, crossRequirement.subtract(marks[i].maintenanceRequirement()),
                            crossUpnl.subtract(marks[i].unrealizedPnl()), marginBalance, crossLiquidated, null, crossNotional);
                }
                org.marginlab.engine.derivation.Trace t = org.marginlab.engine.derivation.Trace.of(p);
                if (t != null) {
                    java.util.Set<Integer> skip = members != null && members.size > 1 ? members.set() : java.util.Set.of(i);
                    AccountSteps.others(t, rules.crossMarginSource(), positions, marks, i, skip, cross.otherMaintenanceMargin(),
                            cross.otherUnrealizedPnl());
                }
            }
            PositionRisk r;
            PositionRisk before = befores == null ? null : befores[i];
            try {
                // an isolated position's figures are its own alone: taken over whole when its valuation is
                r = cross == null && before != null ? before : rules.evaluate(p, schedules[i], marks[i], cross, before);
            } catch (ValidationException e) {
                throw e.within("positions[" + i + "]");
            }
            results.add(r);
            if (next != null) {
                next.put(p, schedules[i], marks[i], r, befores != null && befores[i] != null);
            }
            if (cross == null) {
                // the margin the position's own evaluation holds (stated, else the venue's default)
                isolatedMargins = isolatedMargins.add(r.isolatedMargin());
            }
        }
        BigDecimal available = marginBalance.subtract(crossIm).max(BigDecimal.ZERO);
        BigDecimal totalEquity = wallet.add(isolatedMargins).add(allUpnl);
        AccountRisk risk = new AccountRisk(rules.id(), wallet, crossUpnl, marginBalance, crossIm, crossMm.add(crossFees),
                marginRatio, rules.marginRatioDefinition(), available, totalEquity, results);
        org.marginlab.engine.derivation.Trace t = org.marginlab.engine.derivation.Trace.active();
        if (t != null) {
            AccountSteps.account(t, rules.crossMarginSource(), risk, positions, marks);
        } else if (org.marginlab.engine.derivation.Trace.watching()) {
            org.marginlab.engine.derivation.Trace.evaluated(account);
        }
        return risk;
    }

    /**
     * Evaluates a single position on its own (an isolated position, or a cross position alone
     * in an account with an empty cross wallet).
     *
     * @param position  the position, not null
     * @param venue     the venue's rules, not null
     * @return the result, never null
     * @throws ValidationException as {@link #evaluate(Account)}, without the {@code positions[i]} prefix
     */
    public PositionRisk evaluate(Position position, VenueRules venue) {
        try {
            return evaluate(Account.of(venue, BigDecimal.ZERO, List.of(position))).positions().get(0);
        } catch (ValidationException e) {
            throw unwrap(e);
        }
    }

    /**
     * Evaluates a what-if margin change with the same engine: the change is the margin transfer
     * of spec workspace-and-cli.md §4 ({@link Transfers#apply} with a
     * {@link Transfer.MarginTransfer}), so money moves from the cross wallet to the position
     * ({@code W −= delta}, {@code isolatedMargin += delta}), the account's total equity is
     * unchanged at the current marks, and the same bounds apply: an add at most
     * {@link Transfers#maxAddableMargin}, a removal at most the position's
     * {@code maxRemovableMargin}. The account is evaluated once before and once after (only once
     * when the delta is 0).
     *
     * @param account  the account, not null
     * @param change   the change to one isolated position, not null
     * @return before and after, with the whole account after the transfer; never null
     * @throws ValidationException ({@code positionId}) if no position has the id;
     *         ({@code marginDelta}) if the position is cross or the delta breaks its bound, the
     *         message naming the bound and its value, e.g.
     *         {@code marginDelta: must be ≤ maxAddableMargin 10000 (got 20000)}; not located
     *         in the position (the caller locates it, e.g. {@code positions[0]}); as
     *         {@link #evaluate(Account)} otherwise
     */
    public WhatIf whatIf(Account account, MarginChange change) {
        AccountRisk before = evaluate(account);
        PositionRisk beforePosition = before.position(change.positionId());
        Account moved;
        try {
            moved = Transfers.apply(account, before, new Transfer.MarginTransfer(change.positionId(), change.delta()));
        } catch (ValidationException e) {
            if (!e.path().equals(change.positionId())) {
                throw e;
            }
            ValidationException bare = new ValidationException(e.field(), e.rule(), e.value());
            bare.setStackTrace(e.getStackTrace());
            throw bare;
        }
        AccountRisk after = moved == account ? before : evaluate(moved);
        return new WhatIf(change, beforePosition, after.position(change.positionId()), after);
    }

    /**
     * Checks a position against a venue's rules without evaluating an account: the venue covers
     * its contract type, a maintenance schedule applies (explicit tiers, override, or a bundled
     * table for the symbol) and its leverage is within the tier's max leverage. An account built
     * of positions that pass evaluates without a {@link ValidationException} unless they mix
     * contract types.
     *
     * @param position  the position, not null
     * @param venue     the venue's rules, not null
     * @throws ValidationException naming the field ({@code contract}, {@code symbol} or
     *         {@code leverage}) and the rule
     */
    public void check(Position position, VenueRules venue) {
        TierTable schedule = venue.schedule(position);
        MarkValuation mark = venue.valueAtMark(position, schedule);
        checkLastCap(position, schedule, mark.notional());
        checkLeverage(venue, position, schedule);
    }

    /**
     * A position above the last tier's cap of a capped table is one the venue would not accept,
     * or one the table (a partial capture) does not describe: its figures would use the last
     * tier's rate and understate the maintenance margin, so it is refused.
     */
    private static void checkLastCap(Position p, TierTable schedule, BigDecimal notional) {
        MaintenanceTier last = schedule.tiers().get(schedule.tiers().size() - 1);
        if (last.cap() != null && notional.compareTo(last.cap()) > 0) {
            throw new ValidationException("quantity", "gives a notional of " + notional.stripTrailingZeros().toPlainString()
                    + " at the mark, above the last tier of " + p.symbol() + "'s table (cap "
                    + last.cap().stripTrailingZeros().toPlainString() + "); the table has no tier for it", p.quantity());
        }
    }

    /**
     * The cross positions of one symbol (account indexes, in order) and the sums of their
     * maintenance requirements and unrealized PnL, each started from {@code ZERO}.
     */
    private static final class Members {
        int[] indexes = new int[4];
        int size;
        BigDecimal requirement = BigDecimal.ZERO;
        BigDecimal upnl = BigDecimal.ZERO;

        void add(int i, MarkValuation mark) {
            if (size == indexes.length) {
                indexes = java.util.Arrays.copyOf(indexes, size * 2);
            }
            indexes[size++] = i;
            requirement = requirement.add(mark.maintenanceRequirement());
            upnl = upnl.add(mark.unrealizedPnl());
        }

        java.util.Set<Integer> set() {
            java.util.Set<Integer> set = new java.util.HashSet<>();
            for (int k = 0; k < size; k++) {
                set.add(indexes[k]);
            }
            return set;
        }

        /** The group of these positions, with their schedules, in account order. */
        CrossContext.HedgeGroup hedgeGroup(List<Position> positions, TierTable[] schedules) {
            List<CrossContext.HedgeLeg> legs = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                legs.add(new CrossContext.HedgeLeg(positions.get(indexes[k]), schedules[indexes[k]]));
            }
            return new CrossContext.HedgeGroup(legs);
        }
    }

    private static void checkLeverage(VenueRules rules, Position p, TierTable schedule) {
        BigDecimal max = rules.maxLeverage(p, schedule);
        if (max != null && p.leverage().compareTo(max) > 0) {
            throw new ValidationException("leverage",
                    "must be ≤ " + max.stripTrailingZeros().toPlainString() + "x, the max leverage of the tier", p.leverage());
        }
    }

    private static ValidationException unwrap(ValidationException e) {
        String path = e.path();
        if (path.startsWith("positions[0]")) {
            String rest = path.substring("positions[0]".length());
            ValidationException bare = new ValidationException(e.field(), e.rule(), e.value());
            return rest.startsWith(".") ? bare.within(rest.substring(1)) : bare;
        }
        return e;
    }
}
