package org.marginlab.app.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.marginlab.app.model.Draft;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.engine.Account;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.replay.PathReplay;
import org.marginlab.engine.replay.PricePath;

/**
 * The replay's background job: read the path, evaluate the document at its own marks (the same
 * {@link Evaluator} as the app) and replay it ({@link PathReplay}). Pure but for reading the path:
 * runs on the worker.
 */
final class ReplayJob {
    /** The workspace cannot be replayed (no position, or one the engine refuses); the message says why. */
    static final class WorkspaceProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkspaceProblem(String message) {
            super(message, null, false, false);
        }
    }

    private ReplayJob() {
    }

    static ReplayShown run(String id, String title, Supplier<PricePath> read, Draft document, Locale locale) {
        PricePath path = read.get();
        Evaluation e = new Evaluator(locale).evaluate(document, null);
        Account entered = e.entered();
        if (entered == null || e.risk() == null) {
            throw new WorkspaceProblem("The workspace cannot be replayed: "
                    + (e.problem().isEmpty() ? "it has no position to evaluate." : e.problem()));
        }
        if (entered.positions().isEmpty()) {
            throw new WorkspaceProblem("The workspace cannot be replayed: it has no position.");
        }
        PathReplay replay;
        try {
            replay = PathReplay.run(entered, path);
        } catch (ValidationException ex) {
            throw new WorkspaceProblem("The workspace cannot be replayed along " + id + ": " + ex.getMessage());
        }
        List<String> unmoved = new ArrayList<>();
        for (Position p : entered.positions()) {
            if (!path.moves(p.symbol()) && !unmoved.contains(p.symbol())) {
                unmoved.add(p.symbol());
            }
        }
        String note = unmoved.isEmpty() ? ""
                : "The path does not move " + String.join(", ", unmoved) + ": "
                        + (unmoved.size() == 1 ? "it keeps its" : "they keep their") + " typed mark.";
        return ReplayShown.of(id, title, replay, e.currency(), e.amountDecimals(), locale, note);
    }
}
