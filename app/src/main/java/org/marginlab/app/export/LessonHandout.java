package org.marginlab.app.export;

import java.util.List;

import org.marginlab.app.export.HandoutModel.Table;

/**
 * A lesson's part of the handout ({@link LessonHandoutBuilder}): its title, audience, score and
 * each step as the class saw it, every figure formatted as the app shows it. Immutable.
 *
 * @param title     the lesson's title
 * @param audience  who it is for, or empty
 * @param score     the student's score ({@code Score 2 / 3}), or {@code —} when exported without
 *                  a lesson in progress or before any prediction
 * @param steps     the steps, in order
 */
public record LessonHandout(String title, String audience, String score, List<Step> steps) {
    /** Copies the list. */
    public LessonHandout {
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param number     from 1
     * @param title      its title
     * @param text       its Markdown text as blocks, placeholders filled with the figures of its state
     * @param positions  its state's positions (id, side, qty, entry, mark, mode, margin, liquidation
     *                   and bankruptcy price)
     * @param questions  its questions with their answers
     * @param replay     its replay, or null when it has none
     * @param problem    why its state cannot be shown, or empty
     * @param shock      the step's price shock as the app shows it ({@code -10.00 %}), or empty
     */
    public record Step(int number, String title, List<Block> text, Table positions, List<QuestionRow> questions,
            Replay replay, String problem, String shock) {
        /** Copies the lists. */
        public Step {
            text = List.copyOf(text);
            questions = List.copyOf(questions);
        }
    }

    /**
     * A paragraph or a bullet of the step's text.
     *
     * @param kind  what it is
     * @param runs  its text, in runs of plain or bold text
     */
    public record Block(Kind kind, List<Run> runs) {
        /** Copies the list. */
        public Block {
            runs = List.copyOf(runs);
        }

        /** @return the block's text without its formatting */
        public String plain() {
            StringBuilder b = new StringBuilder();
            runs.forEach(r -> b.append(r.text()));
            return b.toString();
        }
    }

    /** What a block is. */
    public enum Kind {
        /** A paragraph (a quote's or a code block's too). */
        PARAGRAPH,
        /** A heading of the text. */
        HEADING,
        /** An item of a list ("•", or its number for an ordered list, in the first run). */
        BULLET
    }

    /**
     * Text in one face.
     *
     * @param text  the text
     * @param bold  whether it is strong
     */
    public record Run(String text, boolean bold) {
    }

    /**
     * A question with its answer and, when exported with a lesson in progress, the student's
     * attempt.
     *
     * @param id          e.g. {@code q6-1}
     * @param prompt      the question
     * @param figure      the figure asked, e.g. {@code btc-long.liquidationPrice}
     * @param answer      the answer as the app shows it, e.g. {@code 57,228.92 USDT}
     * @param tolerance   e.g. {@code 0.5%}
     * @param prediction  the student's prediction, {@code revealed} for a reveal, or {@code —}
     * @param error       the prediction's error ({@code 0.40 %} or an amount), or {@code —}
     * @param verdict     {@code correct}, {@code not close enough}, {@code revealed, not scored},
     *                    or {@code —}
     */
    public record QuestionRow(String id, String prompt, String figure, String answer, String tolerance,
            String prediction, String error, String verdict) {
    }

    /**
     * A step's price-path replay, as the Replay tab runs it on the step's account.
     *
     * @param pathId     the path's id or file, e.g. {@code wick-down-12}
     * @param pathLabel  its title, e.g. {@code Wick down 12 % (2 h, synthetic)}
     * @param events     the liquidations of the isolated and the cross side (time, side, position,
     *                   mark), in time order; maybe no rows
     * @param seconds    each point's time, seconds from the path's start
     * @param isolated   the all-isolated side's equity at each point
     * @param cross      the all-cross side's equity at each point
     * @param currency   the equity's currency
     * @param isolatedEvents  the isolated side's liquidations, seconds from the path's start
     * @param crossEvents     the cross side's liquidations, seconds from the path's start
     * @param problem    why it could not be replayed, or empty (then the rest is empty)
     */
    public record Replay(String pathId, String pathLabel, Table events, double[] seconds, double[] isolated,
            double[] cross, String currency, double[] isolatedEvents, double[] crossEvents, String problem) {
    }
}
