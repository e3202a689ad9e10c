package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.transfer.Transfer.MarginTransfer;
import org.marginlab.engine.transfer.Transfer.ModeSwitch;
import org.marginlab.engine.transfer.Transfers;

/**
 * The edits a user makes, as pure functions from the current {@link Draft} and its
 * {@link Evaluation} to the next draft. Edits that move money — applying a margin what-if,
 * switching a position's mode, and a change of leverage, quantity or entry price of a position
 * whose margin follows its leverage — are transfers between the cross wallet and the position
 * ({@link Transfers}, spec workspace-and-cli.md §4): the wallet and the margin change together,
 * total equity at unchanged marks does not, and a transfer beyond the account's bound is refused
 * with a message naming the bound and its value. Typing a wallet or an isolated margin sets the
 * account up (a deposit, not a transfer).
 */
public final class DraftEdits {

    /**
     * The outcome of an edit.
     *
     * @param draft    the next draft (the same one when refused)
     * @param notice   what happened, for the status line (e.g. what a mode switch moved and how
     *                 the other positions' liquidation prices changed), or empty
     * @param refused  whether the edit was refused (then {@code notice} says why)
     */
    public record Edit(Draft draft, String notice, boolean refused) {
        static Edit done(Draft d) {
            return new Edit(d, "", false);
        }
    }

    private final Formats formats;
    private final Drafts drafts;
    private final PositionParser parser;

    /**
     * @param formats  how numbers are written into fields and messages, not null
     * @param parser   how typed positions are read, not null
     */
    public DraftEdits(Formats formats, PositionParser parser) {
        this.formats = formats;
        this.drafts = new Drafts(formats);
        this.parser = parser;
    }

    /**
     * Types into a position field. For a position whose margin follows its leverage, a new
     * leverage, quantity, entry price or contract size moves the difference of initial margin
     * between the cross wallet and the position; if the account cannot fund it (or the venue does
     * not let it go), only the text changes and the evaluation marks the field with the bound.
     * Typing an isolated margin makes it the user's own (it no longer follows the leverage).
     *
     * @param e      the current evaluation, not null
     * @param id     the position's id
     * @param field  the field (not the margin change)
     * @param text   the typed text
     * @return the edit, never null
     */
    public Edit text(Evaluation e, String id, InputField field, String text) {
        PositionDraft p = e.draft().position(id).withText(field, text);
        if (field == InputField.ISOLATED_MARGIN) {
            return Edit.done(e.draft().withPosition(p.withMarginLinked(false)));
        }
        boolean sizes = field == InputField.LEVERAGE || field == InputField.QUANTITY || field == InputField.ENTRY_PRICE
                || field == InputField.CONTRACT_SIZE || field == InputField.TAKER_FEE_RATE;
        return sizes ? change(e, p) : Edit.done(e.draft().withPosition(p));
    }

    /**
     * Replaces a position's draft (e.g. another contract type). For a position whose margin
     * follows its leverage, the new initial margin at entry moves from or to the cross wallet as
     * for {@link #text}.
     *
     * @param e     the current evaluation, not null
     * @param next  the position's new draft (same id), not null
     * @return the edit, never null
     */
    public Edit change(Evaluation e, PositionDraft next) {
        Draft d = e.draft();
        String id = next.id();
        PositionDraft p = next;
        if (!p.marginLinked() || p.mode() != MarginMode.ISOLATED || e.venue() == null) {
            return Edit.done(d.withPosition(p));
        }
        Position now = parser.parse(p.withText(InputField.ISOLATED_MARGIN, ""), e.venue()).position();
        PositionResult r = e.position(id);
        Account entered = e.entered();
        if (now == null || entered == null || r.used() == null || !contains(entered, id)
                || now.contract() != r.used().contract()) {
            return Edit.done(d.withPosition(p));
        }
        BigDecimal held = heldMargin(d.position(id), r.used(), e.venue());
        BigDecimal need = LinkedMargin.of(now, e.venue());
        BigDecimal delta = need.subtract(held);
        if (delta.signum() == 0) {
            return Edit.done(d.withPosition(p.withText(InputField.ISOLATED_MARGIN, formats.exact(need))));
        }
        try {
            Account resized = entered.with(now.withIsolatedMargin(held));
            Account moved = Transfers.apply(resized, MarginEngine.DEFAULT.evaluate(resized), new MarginTransfer(id, delta));
            return Edit.done(d.withWalletText(formats.exact(moved.walletBalance()))
                    .withPosition(p.withText(InputField.ISOLATED_MARGIN, formats.exact(need))));
        } catch (ValidationException ex) {
            // refused: the margin stays as it is, and the evaluation says which bound stopped it
            return Edit.done(d.withPosition(p.withText(InputField.ISOLATED_MARGIN, formats.exact(held))));
        }
    }

    /**
     * Makes a position the last step of a planned scale-in ladder (the Planner's "Use as position"):
     * the given side, leverage, quantity and entry price and, isolated, the margin following the
     * leverage ({@link LinkedMargin}): the difference to the margin it holds moves from or to the
     * cross wallet as for {@link #change}, and the whole edit is refused, nothing changed, when the
     * account cannot move it ({@link Transfers}, spec workspace-and-cli.md §4).
     *
     * @param e  the current evaluation, not null
     * @param id  the position's id
     * @param side  the side, not null
     * @param leverage  the leverage, as text to type into its field (the workspace's number format)
     * @param quantity  the quantity, as text to type
     * @param entryPrice  the entry price, as text to type
     * @return the edit; refused (its notice says why) when the inputs or the transfer are refused
     */
    public Edit adopt(Evaluation e, String id, org.marginlab.engine.Side side, String leverage, String quantity,
            String entryPrice) {
        Draft d = e.draft();
        PositionDraft p = d.position(id);
        PositionDraft next = p.withSide(side).withText(InputField.LEVERAGE, leverage)
                .withText(InputField.QUANTITY, quantity).withText(InputField.ENTRY_PRICE, entryPrice);
        PositionResult r = e.position(id);
        PositionParser.Parsed parsed = e.venue() == null ? null
                : parser.parse(next.withText(InputField.ISOLATED_MARGIN, ""), e.venue());
        if (parsed == null || parsed.position() == null) {
            String why = parsed == null ? "the venue is unknown" : parsed.errors().values().stream()
                    .filter(java.util.Objects::nonNull).map(FieldError::message).findFirst()
                    .orElse(parsed.problem() == null ? "its inputs would be invalid" : parsed.problem().message());
            return new Edit(d, "Cannot use the ladder as " + id + ": " + why, true);
        }
        if (e.entered() == null || r.used() == null || !contains(e.entered(), id)) {
            return new Edit(d, "Cannot use the ladder as " + id + " while its inputs are invalid: " + firstError(r), true);
        }
        if (p.mode() != MarginMode.ISOLATED) {
            return new Edit(d.withPosition(next), id + " is now the ladder's position.", false);
        }
        BigDecimal held = heldMargin(p, r.used(), e.venue());
        BigDecimal need = LinkedMargin.of(parsed.position(), e.venue());
        Account moved = e.entered();
        try {
            Account resized = moved.with(parsed.position().withIsolatedMargin(held));
            moved = need.compareTo(held) == 0 ? moved : Transfers.apply(resized, MarginEngine.DEFAULT.evaluate(resized),
                    new MarginTransfer(id, need.subtract(held)));
        } catch (ValidationException ex) {
            return new Edit(d, "Cannot use the ladder as " + id + ": " + ex.getMessage(), true);
        }
        return new Edit(d.withWalletText(formats.exact(moved.walletBalance())).withPosition(next.withText(
                InputField.ISOLATED_MARGIN, formats.exact(need)).withMarginLinked(true)), id + " is now the ladder's position, "
                + "isolated with " + money(e, need) + " (wallet " + money(e, e.entered().walletBalance()) + " → "
                + money(e, moved.walletBalance()) + ").", false);
    }

    /**
     * Switches a position isolated ↔ cross as a transfer: to isolated it takes its initial margin
     * at entry out of the cross wallet (refused when the account's available balance without it
     * cannot fund that); to cross its isolated margin goes back to the wallet.
     *
     * @param e   the current evaluation, not null
     * @param id  the position's id
     * @return the edit; its notice says what moved and how the other positions' liquidation
     *         prices changed
     */
    public Edit toggleMode(Evaluation e, String id) {
        Draft d = e.draft();
        PositionDraft p = d.position(id);
        MarginMode to = p.mode() == MarginMode.ISOLATED ? MarginMode.CROSS : MarginMode.ISOLATED;
        PositionResult r = e.position(id);
        if (e.entered() == null || r.used() == null || !contains(e.entered(), id) || r.parsed().position() == null
                || r.stale()) {
            return new Edit(d, "Cannot switch " + id + " to " + to.id() + " while its inputs are invalid: "
                    + firstError(r), true);
        }
        Account entered = e.entered();
        Account moved;
        try {
            moved = Transfers.apply(entered, enteredRisk(e), new ModeSwitch(id, to, to == MarginMode.ISOLATED
                    ? LinkedMargin.of(r.used(), e.venue()) : null));
        } catch (ValidationException ex) {
            return new Edit(d, "Cannot switch " + id + " to " + to.id() + ": " + ex.getMessage(), true);
        }
        Position after = find(moved, id);
        PositionDraft next = p.withMode(to).withText(InputField.ISOLATED_MARGIN,
                to == MarginMode.ISOLATED ? formats.exact(after.isolatedMargin()) : "").withMarginLinked(true);
        Draft nd = d.withWalletText(formats.exact(moved.walletBalance())).withPosition(next)
                .withMarginDeltaText(id, "");
        BigDecimal amount = to == MarginMode.ISOLATED ? after.isolatedMargin()
                : LinkedMargin.held(r.used(), e.venue());
        String what = to == MarginMode.ISOLATED
                ? id + " is now isolated with " + money(e, amount) + " from the cross wallet"
                : id + " is now cross; its " + money(e, amount) + " of isolated margin went back to the cross wallet";
        return new Edit(nd, what + " (wallet " + money(e, entered.walletBalance()) + " → "
                + money(e, moved.walletBalance()) + ")." + liquidationChanges(e, moved, id), false);
    }

    /**
     * Commits a position's margin what-if as a transfer: the wallet gives (or takes back) the
     * amount, the margin becomes the user's own, and the what-if returns to 0.
     *
     * @param e   the current evaluation, not null
     * @param id  the position's id
     * @return the edit; refused while the what-if is refused or zero
     */
    public Edit applyWhatIf(Evaluation e, String id) {
        Draft d = e.draft();
        PositionResult r = e.position(id);
        PositionResult.WhatIfResult w = r.whatIf();
        if (w == null || w.error() != null || w.delta() == null || w.delta().signum() == 0 || e.entered() == null) {
            return new Edit(d, w != null && w.error() != null ? w.error().message() : "", true);
        }
        Account moved;
        try {
            moved = Transfers.apply(e.entered(), enteredRisk(e), new MarginTransfer(id, w.delta()));
        } catch (ValidationException ex) {
            return new Edit(d, ex.getMessage(), true);
        }
        Position after = find(moved, id);
        PositionDraft next = d.position(id).withText(InputField.ISOLATED_MARGIN, formats.exact(after.isolatedMargin()))
                .withMarginLinked(false);
        Draft nd = d.withWalletText(formats.exact(moved.walletBalance())).withPosition(next).withMarginDeltaText(id, "");
        String verb = w.delta().signum() > 0 ? "Moved " + money(e, w.delta()) + " from the cross wallet to " + id
                : "Moved " + money(e, w.delta().negate()) + " from " + id + " back to the cross wallet";
        return new Edit(nd, verb + "." + liquidationChanges(e, moved, id), false);
    }

    /**
     * "Margin from leverage": sets an isolated position's margin back to its initial margin at
     * entry (a transfer of the difference) and makes it follow the leverage again.
     *
     * @param e   the current evaluation, not null
     * @param id  the position's id
     * @return the edit; refused when the account cannot fund it or the venue does not let it go
     */
    public Edit linkMargin(Evaluation e, String id) {
        Draft d = e.draft();
        PositionDraft p = d.position(id);
        PositionResult r = e.position(id);
        Position now = r.parsed().position();
        if (p.mode() != MarginMode.ISOLATED || now == null || e.entered() == null || !contains(e.entered(), id)) {
            return new Edit(d, "Margin from leverage needs an isolated position with valid inputs.", true);
        }
        BigDecimal need = LinkedMargin.of(now, e.venue());
        BigDecimal delta = need.subtract(LinkedMargin.held(now, e.venue()));
        Account moved = e.entered();
        if (delta.signum() != 0) {
            try {
                moved = Transfers.apply(e.entered(), enteredRisk(e), new MarginTransfer(id, delta));
            } catch (ValidationException ex) {
                return new Edit(d, "Cannot set " + id + "'s margin from its leverage: " + ex.getMessage(), true);
            }
        }
        Draft nd = d.withWalletText(formats.exact(moved.walletBalance()))
                .withPosition(p.withText(InputField.ISOLATED_MARGIN, formats.exact(need)).withMarginLinked(true));
        return new Edit(nd, delta.signum() == 0 ? "" : id + "'s margin follows its leverage again: "
                + money(e, delta.abs()) + (delta.signum() > 0 ? " from" : " back to") + " the cross wallet.", false);
    }

    /**
     * A venue change: every position is re-checked under the new venue's rules. A position of a
     * contract type the venue does not have takes one it has; no money moves: an isolated margin
     * that followed the leverage but differs from the new venue's default isolated margin (Phemex
     * and Bybit UTA add the fee to close) is kept as it is and stops following, so the editor
     * offers "Margin from leverage" to move the difference.
     *
     * @param e      the current evaluation, not null
     * @param rules  the new venue's rules, not null
     * @return the edit
     */
    public Edit changeVenue(Evaluation e, VenueRules rules) {
        Draft d = e.draft();
        if (e.venue() != null && e.venue().id().equals(rules.id())) {
            // the same venue picked again (the box lists the latest versions): keep the version the
            // workspace names or its asOf picks; Edit → Rules as of… changes that
            return new Edit(d, "", true);
        }
        List<PositionDraft> ps = new ArrayList<>(d.positions().size());
        for (PositionDraft p : d.positions()) {
            PositionDraft q = rules.contractTypes().contains(p.contract()) ? p
                    : p.withContract(rules.contractTypes().contains(ContractType.LINEAR) ? ContractType.LINEAR
                            : ContractType.INVERSE);
            if (q.mode() == MarginMode.ISOLATED && q.marginLinked()) {
                Position now = parser.parse(q, rules).position();
                if (now != null && now.isolatedMargin() != null
                        && now.isolatedMargin().compareTo(LinkedMargin.of(now, rules)) != 0) {
                    q = q.withMarginLinked(false);
                }
            }
            ps.add(q);
        }
        return Edit.done(d.withVenueId(rules.id()).withPositions(ps));
    }

    /**
     * Adds a fresh default position (see {@link Drafts#newPosition}) at the end.
     *
     * @param e  the current evaluation, not null
     * @return the edit
     */
    public Edit addPosition(Evaluation e) {
        Draft d = e.draft();
        if (e.venue() == null) {
            return new Edit(d, "Choose a known venue first.", true);
        }
        List<PositionDraft> ps = new ArrayList<>(d.positions());
        ps.add(drafts.newPosition(e.venue(), uniqueId(d, "position")));
        return Edit.done(d.withPositions(ps));
    }

    /**
     * @param d   the draft, not null
     * @param id  a position id
     * @return the draft with a copy of that position, under a new id, right below it
     */
    public Draft duplicate(Draft d, String id) {
        List<PositionDraft> ps = new ArrayList<>(d.positions());
        int i = d.indexOf(id);
        ps.add(i + 1, d.position(id).withId(uniqueId(d, id + "-copy")));
        return d.withPositions(ps);
    }

    /**
     * @param d   the draft, not null
     * @param id  a position id
     * @return the draft without it
     */
    public Draft remove(Draft d, String id) {
        List<PositionDraft> ps = new ArrayList<>(d.positions());
        ps.remove(d.indexOf(id));
        return d.withPositions(ps);
    }

    /**
     * @param d          the draft, not null
     * @param id         a position id
     * @param direction  −1 (up) or +1 (down)
     * @return the draft with the position moved, or the same draft at an end
     */
    public Draft move(Draft d, String id, int direction) {
        int i = d.indexOf(id);
        int j = i + direction;
        if (i < 0 || j < 0 || j >= d.positions().size()) {
            return d;
        }
        List<PositionDraft> ps = new ArrayList<>(d.positions());
        ps.add(j, ps.remove(i));
        return d.withPositions(ps);
    }

    /** @return a new id {@code base}, {@code base-2}, … that no position of the draft has */
    static String uniqueId(Draft d, String base) {
        Set<String> ids = new HashSet<>();
        for (PositionDraft p : d.positions()) {
            ids.add(p.id());
        }
        if (!ids.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!ids.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    /** The account's evaluation at the typed marks (transfers are bounded there, not at a shock). */
    private static AccountRisk enteredRisk(Evaluation e) {
        return e.shock().signum() == 0 && e.risk() != null ? e.risk() : MarginEngine.DEFAULT.evaluate(e.entered());
    }

    private BigDecimal heldMargin(PositionDraft d, Position used, VenueRules venue) {
        BigDecimal typed = parser.tryParse(d.text(InputField.ISOLATED_MARGIN));
        return typed != null && !d.text(InputField.ISOLATED_MARGIN).isBlank() ? typed : LinkedMargin.held(used, venue);
    }

    private String liquidationChanges(Evaluation e, Account moved, String id) {
        if (e.risk() == null) {
            return "";
        }
        AccountRisk after = MarginEngine.DEFAULT.evaluate(e.scope().apply(moved, e.shock()));
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (PositionRisk before : e.risk().positions()) {
            PositionRisk now = after.position(before.positionId());
            if (java.util.Objects.equals(before.liquidationPrice(), now.liquidationPrice())
                    || before.liquidationPrice() != null && now.liquidationPrice() != null
                    && before.liquidationPrice().compareTo(now.liquidationPrice()) == 0) {
                continue;
            }
            if (shown == 5) {
                sb.append(", …");
                break;
            }
            sb.append(shown == 0 ? " Liquidation price: " : ", ").append(before.positionId()).append(' ')
                    .append(price(e, before.positionId(), before.liquidationPrice())).append(" → ")
                    .append(price(e, before.positionId(), now.liquidationPrice()));
            shown++;
        }
        return shown == 0 ? "" : sb.append('.').toString();
    }

    /** A liquidation price as the position's views show it ({@link PositionResult#shownPrice}). */
    private String price(Evaluation e, String id, BigDecimal p) {
        BigDecimal shown = e.position(id).shownPrice(p);
        return shown == null ? "none" : formats.price(shown, java.math.RoundingMode.HALF_UP);
    }

    private String money(Evaluation e, BigDecimal amount) {
        return formats.amount(amount, e.currency(), e.amountDecimals());
    }

    private static String firstError(PositionResult r) {
        for (FieldError fe : r.errors().values()) {
            if (fe != null) {
                return fe.message();
            }
        }
        return r.problem() == null ? "fix the highlighted field" : r.problem().message();
    }

    private static boolean contains(Account a, String id) {
        return find(a, id) != null;
    }

    private static Position find(Account a, String id) {
        for (Position p : a.positions()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
