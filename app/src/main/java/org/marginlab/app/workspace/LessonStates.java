package org.marginlab.app.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonException;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.StepEdit;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.transfer.Transfer;
import org.marginlab.engine.transfer.Transfers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The authored account of every step of a lesson: a pure function of the workspace (no
 * toolkit, no I/O). Step n starts from its {@code state}, else from step n−1's authored account
 * (step 1: the workspace's top level), and applies its {@code edits} in order. An edit of
 * {@code marginMode}, {@code isolatedMargin} or (of an isolated position) {@code leverage} is a
 * transfer of spec workspace-and-cli.md §4, made by the engine's {@link Transfers} (money is
 * conserved); any other position field is set as the file would state it and read back with the
 * file's rules; {@code walletBalance} and {@code venue} set the account's.
 *
 * <p>The shock is not part of the state: it is a view of it, as in the app.
 */
public final class LessonStates {
    private LessonStates() {
    }

    /**
     * @param lessonWorkspace  a workspace with a lesson, not null
     * @return the workspace of each step, in order: the lesson's name, {@code asOf} and lesson
     *         with the step's venue, wallet and positions
     * @throws LessonException naming the step's edit ({@code lesson.steps[1].edits[0]}) that
     *         cannot apply: an unknown position, an invalid value, a transfer out of its bound
     * @throws IllegalArgumentException if the workspace has no lesson
     */
    public static List<Workspace> of(Workspace lessonWorkspace) {
        Lesson lesson = lessonWorkspace.lesson();
        if (lesson == null) {
            throw new IllegalArgumentException("the workspace has no lesson");
        }
        List<Workspace> states = new ArrayList<>(lesson.steps().size());
        Workspace previous = lessonWorkspace;
        for (int i = 0; i < lesson.steps().size(); i++) {
            previous = step(previous, lesson.steps().get(i), "lesson.steps[" + i + "]");
            states.add(previous);
        }
        return states;
    }

    private static Workspace step(Workspace previous, LessonStep step, String at) {
        Workspace w = previous;
        if (step.state() != null) {
            try {
                w = new Workspace(previous.name(), step.state().venueId(), step.state().walletBalance(),
                        step.state().positions(), previous.asOf(), previous.lesson());
            } catch (ValidationException e) {
                throw new LessonException(at + ".state", e.getMessage());
            }
        }
        for (int k = 0; k < step.edits().size(); k++) {
            String path = at + ".edits[" + k + "]";
            StepEdit edit = step.edits().get(k);
            try {
                w = apply(w, edit, path);
            } catch (ValidationException e) {
                throw new LessonException(path, e.getMessage());
            } catch (WorkspaceException e) {
                throw new LessonException(path, e.getMessage());
            }
        }
        return w;
    }

    private static Workspace apply(Workspace w, StepEdit edit, String path) throws WorkspaceException {
        if (edit.isAccount()) {
            if (edit.field().equals("venue")) {
                return w.withVenueId(edit.value().strip());
            }
            BigDecimal wallet = Decimals.parse(edit.value(), "walletBalance");
            if (wallet.signum() < 0) {
                throw new ValidationException("walletBalance", "must be ≥ 0", wallet);
            }
            return w.withWalletBalance(wallet);
        }
        String id = edit.positionId();
        if (w.positions().stream().noneMatch(p -> p.id().equals(id))) {
            throw new LessonException(path + ".position", "unknown position \"" + id + "\" (positions: " + ids(w) + ")");
        }
        Position p = w.position(id);
        switch (edit.field()) {
            case "marginMode": {
                MarginMode to = MarginMode.parse(edit.value());
                return to == p.marginMode() ? w : transfer(w, new Transfer.ModeSwitch(id, to, null));
            }
            case "isolatedMargin": {
                BigDecimal margin = Decimals.parse(edit.value(), "isolatedMargin");
                if (p.marginMode() != MarginMode.ISOLATED) {
                    throw new ValidationException("isolatedMargin", "applies to isolated positions only", margin)
                            .within(id);
                }
                BigDecimal now = risk(w).positions().get(w.positions().indexOf(p)).isolatedMargin();
                BigDecimal delta = margin.subtract(now);
                return delta.signum() == 0 ? w : transfer(w, new Transfer.MarginTransfer(id, delta));
            }
            case "leverage":
                if (p.marginMode() == MarginMode.ISOLATED) {
                    return transfer(w, new Transfer.LeverageChange(id, Decimals.parse(edit.value(), "leverage")));
                }
                return w.withPosition(field(p, edit));
            default:
                return w.withPosition(field(p, edit));
        }
    }

    /** A field set as the file would state it, read back with the file's rules. */
    private static Position field(Position p, StepEdit edit) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        WorkspaceMapping.position(o, p);
        o.put(edit.field(), edit.value());
        try {
            return new WorkspaceMapping(WorkspaceMigrations.STANDARD).position(o, p.id());
        } catch (ValidationException e) {
            throw e.path().isEmpty() ? e.within(p.id()) : e;
        }
    }

    private static AccountRisk risk(Workspace w) {
        return MarginEngine.DEFAULT.evaluate(account(w));
    }

    private static Account account(Workspace w) {
        return Account.of(w.rules(), w.walletBalance(), w.positions());
    }

    private static Workspace transfer(Workspace w, Transfer t) {
        Account after = Transfers.apply(account(w), t);
        return w.withPosition(after.position(t.positionId())).withWalletBalance(after.walletBalance());
    }

    /** @return the workspace's position ids, comma-separated, for messages */
    static String ids(Workspace w) {
        return w.positions().isEmpty() ? "none" : w.positions().stream().map(Position::id).collect(Collectors.joining(", "));
    }
}
