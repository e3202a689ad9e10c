package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.TickSizes;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;
import org.marginlab.engine.whatif.AccountOutcome;
import org.marginlab.engine.whatif.ShockScope;

/**
 * The one function from a {@link Draft} to its {@link Evaluation}, shared by the app (once per
 * edit) and {@code marginlab calc}: parse every field, build the account, evaluate it at the
 * shocked marks with {@link MarginEngine#DEFAULT}, work out the liquidated state and total equity
 * (spec workspace-and-cli.md §4, {@link AccountOutcome}), and apply the pending what-ifs as
 * transfers ({@link PendingTransfers}) to show the account after them.
 *
 * <p>The result depends only on the draft and, for inputs that are invalid right now, on the
 * previous evaluation: a position whose text does not parse takes part with its last valid
 * inputs (marked stale), so that typing in one field does not make every cross figure jump. A
 * position whose text did not change (the same {@link PositionDraft} on the same venue) is not
 * parsed again. Nothing here throws on bad input.
 *
 * <p>Thread-safe (no mutable state).
 */
public final class Evaluator {
    /** Lowest shock, a fraction (−90 %). */
    public static final BigDecimal MIN_SHOCK = new BigDecimal("-0.9");
    /** Highest shock, a fraction (+200 %). */
    public static final BigDecimal MAX_SHOCK = new BigDecimal("2");

    private final DecimalInput decimals;
    private final PositionParser parser;
    private final PendingTransfers transfers;

    /** @param locale  the locale numbers are typed in, not null */
    public Evaluator(Locale locale) {
        this.decimals = new DecimalInput(Objects.requireNonNull(locale, "locale"));
        this.parser = new PositionParser(decimals);
        this.transfers = new PendingTransfers(decimals, new Formats(locale));
    }

    /** @return the parser of typed positions this evaluator uses */
    public PositionParser parser() {
        return parser;
    }

    /**
     * Evaluates a draft.
     *
     * @param draft     the draft, not null
     * @param previous  the evaluation shown until now (for last valid inputs and unchanged
     *                  positions), or null
     * @return the evaluation, never null
     */
    public Evaluation evaluate(Draft draft, Evaluation previous) {
        VenueRules venue;
        FieldError venueError = null;
        try {
            venue = Venues.resolve(draft.venueId(), draft.asOf());
        } catch (ValidationException e) {
            venue = null;
            // an asOf before the venue's first rules is the asOf's error, not the venue's
            boolean asOf = "asOf".equals(e.field());
            venueError = new FieldError(null, asOf ? "asOf" : "Venue", e.rule(),
                    asOf ? String.valueOf(draft.asOf()) : draft.venueId());
        }
        FieldError walletError = walletError(draft.walletText());
        BigDecimal wallet = walletError == null ? decimals.parse(draft.walletText())
                : previous != null ? previous.wallet() : BigDecimal.ZERO;
        FieldError shockError = shockError(draft.shockText());
        BigDecimal shock = shockError == null ? shockOf(draft.shockText())
                : previous != null ? previous.shock() : BigDecimal.ZERO;
        ReplayOverlay replay = draft.replay();
        if (replay != null) {
            shock = BigDecimal.ZERO; // a replay moves the marks itself: the shock waits until it is closed
        }
        ShockScope scope = ShockScope.of(draft.shockSymbol());

        int n = draft.positions().size();
        List<PositionParser.Parsed> parsed = new ArrayList<>(n);
        List<Position> used = new ArrayList<>(n);
        List<Map<InputField, FieldError>> errors = new ArrayList<>(n);
        List<FieldError> problems = new ArrayList<>(n);
        StringBuilder problem = new StringBuilder();
        if (venueError != null) {
            problem.append(venueError.pathMessage("workspace").replace("workspace.venue", "venue")
                    .replace("workspace.asof", "asOf"));
        }
        Map<String, PositionResult> before = null; // by id, built only when the positions are not those of the previous evaluation, in order
        boolean sameVenue = previous != null && previous.draft().venueId().equals(draft.venueId());
        ContractType type = null;
        for (int i = 0; i < n; i++) {
            PositionDraft d = draft.positions().get(i);
            PositionResult old = null;
            if (previous != null) {
                if (i < previous.positions().size() && previous.positions().get(i).id().equals(d.id())) {
                    old = previous.positions().get(i);
                } else {
                    if (before == null) {
                        before = byId(previous);
                    }
                    old = before.get(d.id());
                }
            }
            PositionParser.Parsed p;
            if (venue == null) {
                p = new PositionParser.Parsed(null, Map.of(), null, null);
            } else if (old != null && sameVenue && (old.draft() == d || old.draft().equals(d))) {
                p = old.parsed();
            } else {
                p = parser.parse(d, venue);
            }
            // the parse's own map (kept for the next edit) until something is added: copied then (writable)
            Map<InputField, FieldError> errs = p.errors();
            FieldError prob = p.problem();
            Position now = p.position();
            boolean otherContract = now != null && type != null && now.contract() != type;
            if (now != null && !otherContract && d.marginLinked() && d.mode() == MarginMode.ISOLATED
                    && now.isolatedMargin() != null && now.isolatedMargin().compareTo(LinkedMargin.of(now, venue)) != 0) {
                // a leverage change whose margin transfer was refused: the position keeps the margin it
                // holds (its figures are true of the account), and the field says which bound stopped it
                errs = copy(errs);
                errs.put(InputField.LEVERAGE, null);
            }
            Position u = now != null ? now : old != null && sameVenue ? old.used() : null;
            if (u != null && replay != null) {
                u = u.withMarkPrice(replay.markOf(u.id(), u.symbol(), u.markPrice()));
            }
            if (u != null) {
                if (type == null) {
                    type = u.contract();
                } else if (u.contract() != type) {
                    prob = new FieldError(null, "Contract", "must be " + type.id()
                            + " like the workspace's other positions: all positions share one settlement currency",
                            u.contract().id());
                    u = null;
                }
            }
            parsed.add(p);
            used.add(u);
            errors.add(errs);
            problems.add(prob);
        }

        Account entered = null;
        Account shocked = null;
        org.marginlab.engine.Valuations valuations = null;
        AccountRisk risk = null;
        AccountOutcome outcome = null;
        List<Position> included = new ArrayList<>(n);
        for (Position u : used) {
            if (u != null) {
                included.add(u);
            }
        }
        if (venue != null) {
            try {
                // derived from the previous entered account: the ids are checked once, not at every keystroke
                entered = (previous != null && previous.entered() != null ? previous.entered().derive(venue, wallet, included)
                        : Account.of(venue, wallet, included)).withOpenedAtDefault(draft.asOf());
                shocked = sameShock(previous, scope, shock) ? reshock(previous, entered, scope, shock)
                        : scope.apply(entered, shock);
                MarginEngine.Evaluated evaluated = MarginEngine.DEFAULT.evaluateReusing(shocked,
                        previous == null ? null : previous.valuations());
                risk = evaluated.risk();
                valuations = evaluated.valuations();
                outcome = AccountOutcome.of(entered, scope, shock, risk);
            } catch (ValidationException e) {
                append(problem, e.getMessage());
                entered = null;
                shocked = null;
                risk = null;
                outcome = null;
                valuations = null;
            }
        }
        // transfers are bounded at the typed marks: evaluated apart only under a shock, and only when
        // something needs a bound (an isolated position's max addable margin, a what-if, a refused leverage)
        AccountRisk enteredRisk = risk == null ? null : shock.signum() == 0 ? risk : null;
        if (entered != null && risk != null && shock.signum() != 0 && needsBounds(draft, included, errors)) {
            enteredRisk = MarginEngine.DEFAULT.evaluate(entered);
        }

        if (risk != null) {
            // a refused what-if adds its error to its position's map
            for (PendingTransfer t : draft.pending()) {
                int i = draft.indexOf(t.positionId());
                if (i >= 0) {
                    writable(errors, i, parsed.get(i));
                }
            }
        }
        PendingTransfers.Applied applied = risk == null ? PendingTransfers.Applied.NONE
                : transfers.apply(draft, entered, enteredRisk, errors, scope, shock);

        List<PositionResult> results = new ArrayList<>(n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            PositionDraft d = draft.positions().get(i);
            Map<InputField, FieldError> errs = errors.get(i);
            Position u = used.get(i);
            PositionRisk r = null;
            boolean liquidated = false;
            BigDecimal shockedMark = null;
            BigDecimal maxAddable = null;
            if (u != null && risk != null) {
                r = risk.positions().get(k);
                // a position the replay liquidated stays so, whatever the venue's threshold at its frozen mark
                liquidated = outcome.liquidated(k) || replay != null && replay.frozen().containsKey(u.id());
                shockedMark = shocked.positions().get(k).markPrice();
                if (u.marginMode() == MarginMode.ISOLATED) {
                    maxAddable = org.marginlab.engine.transfer.Transfers.maxAddableMargin(enteredRisk);
                }
                k++;
            }
            if (errs.containsKey(InputField.LEVERAGE) && errs.get(InputField.LEVERAGE) == null) {
                errs = writable(errors, i, parsed.get(i));
                errs.put(InputField.LEVERAGE, transfers.refusedLeverage(d, parsed.get(i).position(), entered, enteredRisk));
            }
            boolean stale = parsed.get(i).position() == null;
            results.add(new PositionResult(d, parsed.get(i), errs, problems.get(i), u,
                    stale || u == null, r, liquidated, shockedMark, maxAddable, applied.whatIf(d.id()),
                    u == null || venue == null ? null : TickSizes.of(venue.id(), u).orElse(null),
                    r == null ? null : new LazyCosts(u, r, shockedMark, liquidated, venue)));
            if (problems.get(i) != null && problem.length() == 0) {
                append(problem, problems.get(i).pathMessage(d.id()));
            }
        }
        if (walletError != null) {
            append(problem, walletError.message());
        }
        String currency = currency(venue, included, type);
        int decimalsShown = type == ContractType.INVERSE ? 8 : 2;
        LinkedHashSet<String> symbols = new LinkedHashSet<>();
        for (Position p : included) {
            symbols.add(p.symbol());
        }
        return new Evaluation(draft, venue, venueError, wallet, walletError, shock, shockError, scope, results,
                entered, shocked, risk, outcome, applied.entered(), applied.risk(), applied.outcome(),
                applied.errors(), problem.toString(), currency, decimalsShown, new ArrayList<>(symbols), valuations);
    }

    /** Whether the previous evaluation shocked its marks by the same shock in the same scope (a shock other than 0). */
    private static boolean sameShock(Evaluation previous, ShockScope scope, BigDecimal shock) {
        return previous != null && previous.entered() != null && previous.shocked() != null && shock.signum() != 0
                && previous.scope().equals(scope) && previous.shock().compareTo(shock) == 0
                && previous.shock().scale() == shock.scale();
    }

    /**
     * The entered account at the shock, as {@link ShockScope#apply(Account, BigDecimal)} gives it,
     * taking over the previous evaluation's shocked instance of every position that is the same
     * entered instance (the same shock of the same position is the same position), so that the
     * engine can reuse its valuation ({@link org.marginlab.engine.Valuations}).
     */
    private static Account reshock(Evaluation previous, Account entered, ShockScope scope, BigDecimal shock) {
        java.util.IdentityHashMap<Position, Position> before = new java.util.IdentityHashMap<>(previous.entered().positions().size() * 2);
        for (int i = 0; i < previous.entered().positions().size(); i++) {
            before.put(previous.entered().positions().get(i), previous.shocked().positions().get(i));
        }
        List<Position> moved = new ArrayList<>(entered.positions().size());
        for (Position p : entered.positions()) {
            Position s = before.get(p);
            moved.add(s != null ? s : scope.apply(p, shock));
        }
        return entered.derive(entered.venue(), entered.walletBalance(), moved);
    }

    private static boolean needsBounds(Draft draft, List<Position> included, List<Map<InputField, FieldError>> errors) {
        if (!draft.pending().isEmpty()) {
            return true;
        }
        for (Position p : included) {
            if (p.marginMode() == MarginMode.ISOLATED) {
                return true;
            }
        }
        for (Map<InputField, FieldError> e : errors) {
            if (e.containsKey(InputField.LEVERAGE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Position {@code i}'s error map, made a writable copy first when it is still its parse's own
     * (a parse is kept for the next edit and must not change).
     */
    private static Map<InputField, FieldError> writable(List<Map<InputField, FieldError>> errors, int i,
            PositionParser.Parsed parse) {
        Map<InputField, FieldError> m = errors.get(i);
        if (m == parse.errors() || !(m instanceof EnumMap)) {
            m = copy(m);
            errors.set(i, m);
        }
        return m;
    }

    private static Map<InputField, FieldError> copy(Map<InputField, FieldError> m) {
        Map<InputField, FieldError> c = new EnumMap<>(InputField.class);
        c.putAll(m);
        return c;
    }

    private static Map<String, PositionResult> byId(Evaluation e) {
        Map<String, PositionResult> m = new HashMap<>();
        for (PositionResult r : e.positions()) {
            m.put(r.id(), r);
        }
        return m;
    }

    private static String currency(VenueRules venue, List<Position> included, ContractType type) {
        if (venue == null) {
            return "";
        }
        return type == ContractType.INVERSE && !included.isEmpty() ? venue.settlementCurrency(included.get(0))
                : venue.settlementCurrency();
    }

    private static void append(StringBuilder sb, String message) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(message);
    }

    private FieldError walletError(String typed) {
        try {
            BigDecimal w = decimals.parse(typed);
            return w.signum() < 0 ? new FieldError(null, "Wallet balance", "must be ≥ 0", typed.strip()) : null;
        } catch (DecimalInput.InputException e) {
            return new FieldError(null, "Wallet balance", e.getMessage(), typed.isBlank() ? null : typed.strip());
        }
    }

    private BigDecimal shockOf(String typed) {
        return typed.isBlank() ? BigDecimal.ZERO : decimals.parse(typed).movePointLeft(2);
    }

    private FieldError shockError(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        BigDecimal fraction;
        try {
            fraction = decimals.parse(typed).movePointLeft(2);
        } catch (DecimalInput.InputException e) {
            return new FieldError(null, "Shock", e.getMessage(), typed.strip());
        }
        if (fraction.compareTo(MIN_SHOCK) < 0 || fraction.compareTo(MAX_SHOCK) > 0) {
            return new FieldError(null, "Shock", "must be between −90 % and +200 %", typed.strip());
        }
        return null;
    }
}
