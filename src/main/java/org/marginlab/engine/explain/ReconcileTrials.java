package org.marginlab.engine.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.explain.Reconciliation.Cause;
import org.marginlab.engine.explain.Reconciliation.VenueFigures;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/** The causes {@link Reconciler} tries, each an account changed through the public API (see its Javadoc). */
final class ReconcileTrials {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal FALLBACK_TAKER = new BigDecimal("0.0005");

    private final Account account;
    private final Position p;
    private final PositionRisk r;
    private final AccountRisk base;
    private final VenueFigures venue;
    private final BigDecimal target;
    private final BigDecimal tick;
    private final ReconcileText t;
    private final boolean cross;
    private final String id;
    /** Whether MarginLab's own figure is already within one tick of the venue's: then nothing is a cause. */
    private final boolean withinTick;

    /** A change of the account, with its id, size and sentence (given the figure it yields). */
    private record Trial(String id, UnaryOperator<Account> change, BigDecimal size, String unit, String what) {
    }

    ReconcileTrials(Account account, Position p, PositionRisk r, AccountRisk base, VenueFigures venue, BigDecimal tick,
            ReconcileText t) {
        this.account = account;
        this.p = p;
        this.r = r;
        this.base = base;
        this.venue = venue;
        this.target = venue.liquidationPrice();
        this.tick = tick;
        this.t = t;
        this.cross = p.marginMode() == MarginMode.CROSS;
        this.id = p.id();
        BigDecimal ours = r.liquidationPrice();
        this.withinTick = ours != null && target.subtract(ours).abs().compareTo(tick) < 0;
    }

    static boolean isSolved(String id) {
        return id.equals("funding") || id.equals("crossWallet") || id.equals("isolatedMargin");
    }

    List<Cause> all() {
        List<Cause> out = new ArrayList<>();
        List<Trial> singles = new ArrayList<>();
        Trial tier = bestTier();
        if (tier != null) {
            singles.add(tier);
        } else {
            out.add(none("tier", "The position's maintenance schedule has a single tier and no preset table to take "
                    + "another from: no other tier to try."));
        }
        Trial fee = closeFee();
        if (fee != null) {
            singles.add(fee);
        }
        Trial liq = liquidationFee();
        if (liq != null) {
            singles.add(liq);
        }
        if (cross) {
            Trial others = otherPositions();
            if (others != null) {
                singles.add(others);
            } else {
                out.add(none("otherPositions", "No other cross position shares the wallet; a position held only at "
                        + "the venue would show as a different wallet (crossWallet)."));
            }
        }
        singles.add(new Trial("priceBasis", a -> map(a, q -> q.withMarkPrice(q.entryPrice())), null, null,
                "Valuing every position at its entry price instead of its mark"));
        if (venue.lastPrice() != null) {
            singles.add(new Trial("priceBasis", a -> a.with(a.position(id).withMarkPrice(venue.lastPrice())),
                    venue.lastPrice(), "quote", "The last price " + t.price(venue.lastPrice()) + " instead of the mark "
                            + t.price(p.markPrice())));
        }
        for (Trial x : singles) {
            out.add(tried(x));
        }
        out.addAll(solved());
        out.addAll(ruleSetDates());
        out.add(tickRounding());
        // pairs when no single rule explains it (a solved amount always fits a small gap, so it does not count here)
        if (out.stream().noneMatch(c -> c.explains() && !isSolved(c.id()))) {
            List<Trial> pairs = new ArrayList<>();
            for (int i = 0; i < singles.size(); i++) {
                for (int j = i + 1; j < singles.size(); j++) {
                    Trial a = singles.get(i);
                    Trial b = singles.get(j);
                    if (!a.id().equals(b.id())) {
                        pairs.add(new Trial(a.id() + "+" + b.id(), x -> b.change().apply(a.change().apply(x)), null,
                                null, a.what() + ", and " + lowerFirst(b.what())));
                    }
                }
            }
            for (Trial x : pairs) {
                Cause c = tried(x);
                if (c.explains()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Account map(Account a, UnaryOperator<Position> f) {
        List<Position> ps = new ArrayList<>(a.positions().size());
        for (Position q : a.positions()) {
            ps.add(f.apply(q));
        }
        return Account.of(a.venue(), a.walletBalance(), ps);
    }

    private Cause none(String causeId, String sentence) {
        return new Cause(causeId, null, null, false, null, null, sentence, Map.of());
    }

    /** The evaluation of a changed account, or null when the engine refuses it. */
    private AccountRisk eval(Account a) {
        try {
            return MarginEngine.DEFAULT.evaluate(a);
        } catch (ValidationException | ArithmeticException e) {
            return null;
        }
    }

    private Cause tried(Trial x) {
        Account a;
        try {
            a = x.change().apply(account);
        } catch (ValidationException e) {
            return none(x.id(), x.what() + " cannot be evaluated: " + e.getMessage() + ".");
        }
        AccountRisk risk = eval(a);
        PositionRisk pr = risk == null ? null : risk.position(id);
        BigDecimal fig = pr == null ? null : pr.liquidationPrice();
        if (fig == null) {
            return new Cause(x.id(), null, null, false, x.size(), x.unit(), x.what() + (risk == null
                    ? " is refused by the venue's rules." : " gives no liquidation price."),
                    risk == null ? Map.of() : Reconciler.others(a.position(id), pr, risk));
        }
        BigDecimal gt = target.subtract(fig).divide(tick, MathContext.DECIMAL64);
        Map<String, BigDecimal> figs = Reconciler.others(a.position(id), pr, risk);
        if (r.liquidationPrice() != null && fig.compareTo(r.liquidationPrice()) == 0) {
            return new Cause(x.id(), fig, gt, false, x.size(), x.unit(), x.what() + " gives the same "
                    + t.price(fig) + " as yours: not a cause here.", figs);
        }
        boolean explains = gt.abs().compareTo(BigDecimal.ONE) < 0 && !withinTick;
        boolean rounded = explains && gt.abs().compareTo(HALF) > 0;
        String causeId = rounded ? x.id() + "+tickRounding" : x.id();
        String s = x.what() + " gives " + t.price(fig) + (explains
                ? (rounded ? ", which the venue's rounding to its tick " + ReconcileText.plain(tick) + " makes "
                        + t.price(target) + "." : ": the venue's number.")
                : ", " + ReconcileText.ticks(gt) + " ticks from the venue's " + t.price(target) + ": does not explain it.");
        return new Cause(causeId, fig, gt, explains, x.size(), x.unit(), s, figs);
    }

    /** The tier of the position's table (or the venue's preset, under an override) nearest to the venue's number. */
    private Trial bestTier() {
        VenueRules v = account.venue();
        TierTable table = p.tiers() != null ? p.tiers()
                : p.maintenance() != null ? v.presetTiers(p.symbol()).orElse(null) : safeSchedule(v);
        if (table == null) {
            return null;
        }
        MaintenanceTier current = r.liquidationTier();
        Trial best = null;
        BigDecimal bestGap = null;
        List<MaintenanceTier> tiers = table.tiers();
        int now = current == null ? -1 : tiers.indexOf(current);
        for (int i = 0; i < tiers.size(); i++) {
            MaintenanceTier tier = tiers.get(i);
            if (current != null && tier.mmr().compareTo(current.mmr()) == 0
                    && tier.maintenanceAmount().compareTo(current.maintenanceAmount()) == 0) {
                continue;
            }
            Maintenance m = new Maintenance(tier.mmr(), tier.maintenanceAmount());
            UnaryOperator<Account> change = a -> a.with(a.position(id).toBuilder().tiers(null).maintenance(m).build());
            AccountRisk risk = eval(change.apply(account));
            BigDecimal fig = risk == null ? null : risk.position(id).liquidationPrice();
            if (fig == null) {
                continue;
            }
            BigDecimal g = target.subtract(fig).abs();
            if (bestGap == null || g.compareTo(bestGap) < 0) {
                bestGap = g;
                String which = now >= 0 && i == now + 1 ? "the next tier: "
                        : now >= 0 && i == now - 1 ? "the previous tier: " : "";
                best = new Trial("tier", change, tier.mmr(), "fraction", "Tier " + (i + 1) + " of " + tiers.size() + " ("
                        + which + "MMR " + ReconcileText.percent(tier.mmr()) + ", maintenance amount "
                        + t.amount(tier.maintenanceAmount()) + ") instead of "
                        + (current == null ? "yours" : "MMR " + ReconcileText.percent(current.mmr())));
            }
        }
        return best;
    }

    private TierTable safeSchedule(VenueRules v) {
        try {
            return v.schedule(p);
        } catch (ValidationException e) {
            return null;
        }
    }

    private BigDecimal takerRate() {
        BigDecimal f = p.takerFeeRate() != null ? p.takerFeeRate() : account.venue().defaultTakerFeeRate();
        return f == null || f.signum() == 0 ? FALLBACK_TAKER : f;
    }

    /** The margin the position's liquidation price rests on in {@code a}: the cross wallet, or its isolated margin. */
    private BigDecimal margin(Account a) {
        if (cross) {
            return a.walletBalance();
        }
        BigDecimal m = a.position(id).isolatedMargin();
        return m != null ? m : r.isolatedMargin();
    }

    private Account withMargin(Account a, BigDecimal m) {
        return cross ? Account.of(a.venue(), m, a.positions()) : a.with(a.position(id).withIsolatedMargin(m));
    }

    private Trial closeFee() {
        BigDecimal reserved;
        try {
            reserved = account.venue().feeToClose(p);
        } catch (ValidationException e) {
            reserved = null;
        }
        if (reserved != null) {
            BigDecimal ftc = reserved;
            return new Trial("closeFee", a -> withMargin(a, margin(a).add(ftc)), ftc.negate(), t.currencyCode(),
                    "Without the fee to close the rules reserve, " + t.amount(ftc) + ",");
        }
        BigDecimal f = takerRate();
        BigDecimal q = p.quantity().multiply(p.contractSize());
        BigDecimal ftc = p.contract().isInverse() ? q.divide(p.entryPrice(), MathContext.DECIMAL128).multiply(f)
                : q.multiply(p.entryPrice()).multiply(f);
        return new Trial("closeFee", a -> withMargin(a, margin(a).subtract(ftc)), ftc, t.currencyCode(),
                "Reserving a fee to close of " + t.amount(ftc) + " (taker " + ReconcileText.percent(f)
                        + " of the notional at entry) from the margin");
    }

    private Trial liquidationFee() {
        MaintenanceTier tier = r.liquidationTier();
        BigDecimal f = takerRate();
        if (tier == null && p.maintenance() == null) {
            return null;
        }
        BigDecimal q = p.quantity().multiply(p.contractSize());
        BigDecimal amountAtVenue = p.contract().isInverse() ? q.divide(target, MathContext.DECIMAL128).multiply(f)
                : q.multiply(target).multiply(f);
        return new Trial("liquidationFee", a -> {
            Position now = a.position(id);
            BigDecimal mmr = now.maintenance() != null ? now.maintenance().mmr() : tier.mmr();
            BigDecimal amt = now.maintenance() != null ? now.maintenance().maintenanceAmount() : tier.maintenanceAmount();
            return a.with(now.toBuilder().tiers(null).maintenance(new Maintenance(mmr.add(f), amt)).build());
        }, amountAtVenue, t.currencyCode(), "A liquidation fee of " + ReconcileText.percent(f)
                + " of the notional at the liquidation price (" + t.amount(amountAtVenue) + " at " + t.price(target)
                + ") counted with the maintenance margin");
    }

    private Trial otherPositions() {
        List<String> others = account.positions().stream()
                .filter(q -> q.marginMode() == MarginMode.CROSS && !q.id().equals(id)).map(Position::id).toList();
        if (others.isEmpty()) {
            return null;
        }
        return new Trial("otherPositions", a -> Account.of(a.venue(), a.walletBalance(), a.positions().stream()
                .filter(q -> q.marginMode() != MarginMode.CROSS || q.id().equals(id)).toList()),
                BigDecimal.valueOf(others.size()), "positions", "Without your other cross position"
                        + (others.size() == 1 ? "" : "s") + " (" + String.join(", ", others) + ")");
    }

    private List<Cause> ruleSetDates() {
        VenueRules now = account.venue();
        List<Cause> out = new ArrayList<>();
        for (VenueRules v : Venues.versions(now.id())) {
            if (!v.ruleSetId().equals(now.ruleSetId())) {
                out.add(tried(new Trial("ruleSetDate", a -> Account.of(v, a.walletBalance(), a.positions()), null, null,
                        "The rule set " + v.ruleSetId() + " instead of " + now.ruleSetId())));
            }
        }
        if (out.isEmpty()) {
            out.add(none("ruleSetDate", now.displayName() + " has one rule set (" + now.ruleSetId()
                    + "): no other date to try."));
        }
        return out;
    }

    private Cause tickRounding() {
        BigDecimal ours = r.liquidationPrice();
        if (ours == null) {
            return none("tickRounding", "MarginLab gives no liquidation price to round.");
        }
        boolean up = target.compareTo(ours) > 0;
        BigDecimal fig = ours.divide(tick, 0, up ? RoundingMode.CEILING : RoundingMode.FLOOR).multiply(tick);
        BigDecimal gt = target.subtract(fig).divide(tick, MathContext.DECIMAL64);
        boolean explains = gt.abs().compareTo(HALF) < 0;
        String s = "MarginLab's " + ours.round(new MathContext(12)).stripTrailingZeros().toPlainString() + " rounded "
                + (up ? "up" : "down") + " to the tick " + ReconcileText.plain(tick) + " is " + t.price(fig)
                + (explains ? ": the venue shows its number at its tick." : ", " + ReconcileText.ticks(gt)
                        + " ticks from the venue's " + t.price(target) + ": rounding alone does not explain it.");
        return new Cause("tickRounding", fig, gt, explains, fig.subtract(ours), "quote", s, Map.of());
    }

    /** funding and crossWallet / isolatedMargin: one solve of the margin, two bounds. */
    private List<Cause> solved() {
        BigDecimal m = margin(account);
        BigDecimal hi = m.add(m.max(r.notional()).multiply(BigDecimal.valueOf(2)));
        boolean long_ = p.side() == Side.LONG;
        BigDecimal solution = Reconciler.solve(x -> {
            AccountRisk risk = eval(withMargin(account, x));
            return risk == null ? null : risk.position(id).liquidationPrice();
        }, hi, target, tick, long_);
        String walletId = cross ? "crossWallet" : "isolatedMargin";
        String words = cross ? "wallet" : "isolated margin";
        if (solution == null) {
            String s = "No " + words + " from 0 to " + t.amount(hi) + " gives " + t.price(target) + ".";
            return List.of(none("funding", "No funding amount gives " + t.price(target)
                    + ": no margin ≥ 0 reaches it."), none(walletId, s));
        }
        Account a = withMargin(account, solution);
        AccountRisk risk = eval(a);
        BigDecimal fig = risk == null ? null : risk.position(id).liquidationPrice();
        BigDecimal gt = fig == null ? null : target.subtract(fig).divide(tick, MathContext.DECIMAL64);
        boolean hits = gt != null && gt.abs().compareTo(BigDecimal.ONE) < 0 && !withinTick;
        Map<String, BigDecimal> others = risk == null ? Map.of() : Reconciler.others(a.position(id), risk.position(id), risk);
        BigDecimal diff = m.subtract(solution); // > 0: less margin than yours

        BigDecimal notional = r.notional();
        BigDecimal share = notional.signum() == 0 ? null : diff.divide(notional, MathContext.DECIMAL64);
        boolean fundingOk = hits && share != null && share.abs().compareTo(Reconciler.FUNDING_BOUND) <= 0;
        String paid = diff.signum() >= 0 ? "paid" : "received";
        String sizeText = t.amount(diff.abs()) + " (" + ReconcileText.percent(share == null ? BigDecimal.ZERO : share.abs())
                + " of the notional " + t.amount(notional) + ", about "
                + (share == null ? "0" : share.abs().divide(Reconciler.FUNDING_RATE, 0, RoundingMode.HALF_UP).toPlainString())
                + " intervals at " + ReconcileText.percent(Reconciler.FUNDING_RATE) + ")";
        String fundingSentence = fundingOk
                ? "Funding " + paid + " since entry of " + sizeText + " gives exactly " + t.price(target)
                        + ": check the position's funding history."
                : "Funding " + paid + " would have to be " + sizeText + ", beyond the bound of "
                        + ReconcileText.percent(Reconciler.FUNDING_BOUND) + " of the notional: funding does not explain it.";
        Cause funding = new Cause("funding", fig, gt, fundingOk, diff, t.currencyCode(), fundingSentence, others);

        BigDecimal bound = m.multiply(Reconciler.WALLET_BOUND);
        boolean walletOk = hits && solution.signum() >= 0 && diff.abs().compareTo(bound) <= 0 && m.signum() > 0;
        String lower = diff.signum() >= 0 ? "lower" : "higher";
        String walletSentence = (cross ? "A wallet " : "An isolated margin ") + t.amount(diff.abs()) + " " + lower
                + " than yours (" + t.amount(solution) + " instead of " + t.amount(m) + ") gives exactly " + t.price(target)
                + (walletOk ? ": check for funding paid or " + (cross ? "another position." : "margin added or removed.")
                        : ", but that is more than " + ReconcileText.percent(Reconciler.WALLET_BOUND)
                                + " of yours: the " + words + " does not explain it.");
        Cause wallet = new Cause(walletId, fig, gt, walletOk, diff, t.currencyCode(), walletSentence, others);
        return List.of(funding, wallet);
    }
}
