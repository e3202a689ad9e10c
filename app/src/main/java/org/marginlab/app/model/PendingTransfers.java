package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.transfer.Transfer.MarginTransfer;
import org.marginlab.engine.transfer.Transfer.ModeSwitch;
import org.marginlab.engine.transfer.Transfer;
import org.marginlab.engine.transfer.Transfers;
import org.marginlab.engine.whatif.AccountOutcome;
import org.marginlab.engine.whatif.ShockScope;

/**
 * Applies a draft's pending what-ifs, in order, as transfers between the cross wallet and the
 * positions ({@link Transfers}, spec workspace-and-cli.md §4): each one is bounded by the account
 * as the ones before it left it, at the typed marks; the account after all of them is then
 * evaluated at the shock. A refused what-if changes nothing and says why, naming the bound and
 * its value. Used by {@link Evaluator} only.
 */
final class PendingTransfers {

    /**
     * What the pending what-ifs did.
     *
     * @param entered  the account after them at the typed marks, or null when none moved money
     * @param risk     its evaluation at the shock, or null
     * @param outcome  its liquidated state and total equity, or null
     * @param whatIfs  the margin what-if of each position that has one, by id
     * @param errors   why what-ifs were refused, in order (path messages)
     */
    record Applied(Account entered, AccountRisk risk, AccountOutcome outcome,
            Map<String, PositionResult.WhatIfResult> whatIfs, List<PendingError> errors) {
        static final Applied NONE = new Applied(null, null, null, Map.of(), List.of());

        PositionResult.WhatIfResult whatIf(String id) {
            return whatIfs.get(id);
        }
    }

    private final DecimalInput decimals;
    private final Formats formats;

    PendingTransfers(DecimalInput decimals, Formats formats) {
        this.decimals = decimals;
        this.formats = formats;
    }

    /**
     * @param errors  per position (draft order), the input errors; a refused margin what-if is
     *                added under {@link InputField#MARGIN_DELTA}
     */
    Applied apply(Draft draft, Account entered, AccountRisk enteredRisk, List<Map<InputField, FieldError>> errors,
            ShockScope scope, BigDecimal shock) {
        if (draft.pending().isEmpty() || entered == null) {
            return Applied.NONE;
        }
        Account acc = entered;
        AccountRisk accRisk = enteredRisk;
        boolean moved = false;
        Map<String, BigDecimal> deltas = new HashMap<>();
        Map<String, FieldError> refused = new HashMap<>();
        List<PendingError> messages = new ArrayList<>();
        for (PendingTransfer t : draft.pending()) {
            int i = draft.indexOf(t.positionId());
            if (i < 0 || !contains(acc, t.positionId())) {
                continue;
            }
            String typed = t.text().strip();
            Transfer transfer;
            try {
                transfer = parse(t);
            } catch (ValidationException e) {
                FieldError fe = error(t, e.rule(), typed);
                refuse(t, fe, errors.get(i), refused, messages);
                continue;
            }
            if (transfer == null) {
                deltas.putIfAbsent(t.positionId(), BigDecimal.ZERO);
                continue;
            }
            try {
                acc = Transfers.apply(acc, accRisk, transfer);
                accRisk = MarginEngine.DEFAULT.evaluate(acc);
                moved = true;
                if (transfer instanceof MarginTransfer) {
                    deltas.merge(t.positionId(), ((MarginTransfer) transfer).amount(), BigDecimal::add);
                }
            } catch (ValidationException e) {
                refuse(t, error(t, e.rule(), typed), errors.get(i), refused, messages);
            }
        }
        AccountRisk afterRisk = null;
        AccountOutcome afterOutcome = null;
        if (moved) {
            afterRisk = MarginEngine.DEFAULT.evaluate(scope.apply(acc, shock));
            afterOutcome = AccountOutcome.of(acc, scope, shock, afterRisk);
        }
        Map<String, PositionResult.WhatIfResult> whatIfs = new HashMap<>();
        for (PendingTransfer t : draft.pending()) {
            if (t.kind() != PendingTransfer.Kind.MARGIN || whatIfs.containsKey(t.positionId())) {
                continue;
            }
            FieldError fe = refused.get(t.positionId());
            BigDecimal delta = deltas.get(t.positionId());
            boolean after = fe == null && delta != null && delta.signum() != 0 && afterRisk != null
                    && contains(acc, t.positionId());
            whatIfs.put(t.positionId(), new PositionResult.WhatIfResult(fe == null ? delta : null,
                    after ? afterRisk.position(t.positionId()) : null, fe));
        }
        return new Applied(moved ? acc : null, afterRisk, afterOutcome, whatIfs, messages);
    }

    /** The transfer a pending what-if asks for, or null for a margin change of 0. */
    private Transfer parse(PendingTransfer t) {
        String typed = t.text().strip();
        if (t.kind() == PendingTransfer.Kind.MARGIN) {
            if (typed.isEmpty()) {
                return null;
            }
            BigDecimal delta;
            try {
                delta = decimals.parse(typed);
            } catch (DecimalInput.InputException e) {
                throw new ValidationException("marginDelta", e.getMessage(), typed);
            }
            return delta.signum() == 0 ? null : new MarginTransfer(t.positionId(), delta);
        }
        String mode = typed.toLowerCase(Locale.ROOT);
        if (mode.equals("cross")) {
            return new ModeSwitch(t.positionId(), MarginMode.CROSS, null);
        }
        if (mode.equals("isolated")) {
            return new ModeSwitch(t.positionId(), MarginMode.ISOLATED, null);
        }
        if (mode.startsWith("isolated:")) {
            String amount = typed.substring("isolated:".length());
            BigDecimal margin;
            try {
                margin = decimals.parse(amount);
            } catch (DecimalInput.InputException e) {
                throw new ValidationException("marginMode", "MARGIN " + e.getMessage(), typed);
            }
            if (margin.signum() <= 0) {
                throw new ValidationException("marginMode", "MARGIN must be > 0", typed);
            }
            return new ModeSwitch(t.positionId(), MarginMode.ISOLATED, margin);
        }
        throw new ValidationException("marginMode", "must be isolated, isolated:MARGIN or cross", typed);
    }

    private static FieldError error(PendingTransfer t, String rule, String typed) {
        return t.kind() == PendingTransfer.Kind.MARGIN
                ? new FieldError(InputField.MARGIN_DELTA, InputField.MARGIN_DELTA.label(), rule, typed)
                : new FieldError(null, "Margin mode", rule, typed);
    }

    private static void refuse(PendingTransfer t, FieldError fe, Map<InputField, FieldError> errs,
            Map<String, FieldError> refused, List<PendingError> messages) {
        if (t.kind() == PendingTransfer.Kind.MARGIN) {
            errs.put(InputField.MARGIN_DELTA, fe);
            refused.put(t.positionId(), fe);
            messages.add(new PendingError(t.positionId(), "marginDelta", fe.rule(), fe.got()));
        } else {
            messages.add(new PendingError(t.positionId(), "marginMode", fe.rule(), fe.got()));
        }
    }

    private static boolean contains(Account acc, String id) {
        for (Position p : acc.positions()) {
            if (p.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a leverage change of a position whose margin follows its leverage was refused: the
     * margin it needs at the new leverage is out of the account's reach.
     *
     * @param d        the typed position
     * @param now      the position as typed (new leverage, the margin it still holds), or null
     * @param entered  the account at the typed marks, or null
     * @param risk     its evaluation, or null
     * @return the error on the leverage field, never null
     */
    FieldError refusedLeverage(PositionDraft d, Position now, Account entered, AccountRisk risk) {
        String typed = d.text(InputField.LEVERAGE).strip();
        if (now == null || entered == null || risk == null) {
            return new FieldError(InputField.LEVERAGE, InputField.LEVERAGE.label(),
                    "needs a margin the account cannot move now", typed);
        }
        BigDecimal need = LinkedMargin.of(now, entered.venue());
        BigDecimal delta = need.subtract(now.isolatedMargin());
        String bound;
        if (delta.signum() > 0) {
            bound = "needs an isolated margin of " + plain(need) + ", " + plain(delta) + " more than it holds; maxAddableMargin is "
                    + plain(Transfers.maxAddableMargin(risk));
        } else {
            BigDecimal removable;
            try {
                Account probe = entered.positions().stream().anyMatch(p -> p.id().equals(now.id()))
                        ? entered.with(now) : entered;
                removable = MarginEngine.DEFAULT.evaluate(probe).position(now.id()).maxRemovableMargin();
            } catch (ValidationException e) {
                removable = BigDecimal.ZERO;
            }
            bound = "would release " + plain(delta.negate()) + " of isolated margin, more than maxRemovableMargin "
                    + plain(removable);
        }
        return new FieldError(InputField.LEVERAGE, InputField.LEVERAGE.label(), bound, typed);
    }

    private String plain(BigDecimal v) {
        return formats.editable(v, 8);
    }
}
