package org.marginlab.app.export;

import java.util.List;

import org.marginlab.app.chart.PositionChartData;
import org.marginlab.app.compare.EquityChartData;
import org.marginlab.app.model.Evaluation;

/**
 * Everything a handout shows, gathered once ({@link HandoutBuilder}) from the view-models the
 * window shows, as display text formatted by the app's own formatters, plus the evaluation it
 * was taken from (for full-precision CSV). Immutable.
 *
 * @param title           the workspace's title
 * @param venue           the venue's name, e.g. {@code Binance USD-M Futures}
 * @param ruleSet         the rule-set version, as the Rules-as-of dialog names it
 * @param asOf            the instant the rules are taken at, e.g. {@code latest rules} or
 *                        {@code 2025-05-22 00:00 UTC}
 * @param appVersion      MarginLab's version
 * @param generated       when the handout was made, e.g. {@code 2026-12-07 09:12 UTC}
 * @param currency        the settlement currency of the account's amounts
 * @param accountFigures  the account bar's figures, in its order
 * @param notes           account-level notes (a problem, positions left out, the shock), maybe empty
 * @param positions       the Positions tab's table
 * @param positionDetails each valid position's figures, as its results panel lists them
 * @param derivations     the derivations of the key figures (each liquidation price, the cross
 *                        margin ratio where a position is cross)
 * @param comparison      the Isolated-vs-cross tab, or null when there is nothing to compare
 * @param charts          each position's chart data, in the positions' order
 * @param evaluation      the evaluation all of it was taken from
 * @param lesson          the lesson's steps, questions and replays when the workspace is a lesson,
 *                        else null
 */
public record HandoutModel(String title, String venue, String ruleSet, String asOf, String appVersion,
        String generated, String currency, List<Labelled> accountFigures, List<String> notes, Table positions,
        List<PositionDetail> positionDetails, List<DerivationText> derivations, Comparison comparison,
        List<PositionChartData> charts, Evaluation evaluation, LessonHandout lesson) {

    /** Copies the lists. */
    public HandoutModel {
        accountFigures = List.copyOf(accountFigures);
        notes = List.copyOf(notes);
        positionDetails = List.copyOf(positionDetails);
        derivations = List.copyOf(derivations);
        charts = List.copyOf(charts);
    }

    /**
     * A figure with its label.
     *
     * @param label  e.g. {@code Margin balance}
     * @param value  the figure as displayed
     */
    public record Labelled(String label, String value) {
    }

    /**
     * A table of display text.
     *
     * @param header  the column titles
     * @param rows    the rows, each as long as the header
     */
    public record Table(List<String> header, List<List<String>> rows) {
        /** Copies the lists. */
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One position's figures.
     *
     * @param id       the position's id
     * @param summary  e.g. {@code long 0.5 BTCUSDT @ 60000}
     * @param figures  its figures in the results panel's order
     * @param note     the note under its liquidation price, or empty
     */
    public record PositionDetail(String id, String summary, List<Labelled> figures, String note) {
        /** Copies the list. */
        public PositionDetail {
            figures = List.copyOf(figures);
        }
    }

    /**
     * A derivation in its readable text form ({@code DerivationFormats.text}).
     *
     * @param title  e.g. {@code btc-long: Liquidation price}
     * @param text   the steps, one per line
     */
    public record DerivationText(String title, String text) {
    }

    /**
     * The Isolated-vs-cross tab.
     *
     * @param table          the comparison table (isolated and cross columns side by side)
     * @param isolatedCard   the "Every position isolated" card's lines
     * @param crossCard      the "Every position cross" card's lines
     * @param sentences      what changes for each position, one sentence each
     * @param chartTitle     the equity chart's title
     * @param chart          the equity-versus-shock chart's data
     * @param problem        why the figures could not be computed, or empty
     */
    public record Comparison(Table table, List<String> isolatedCard, List<String> crossCard, List<String> sentences,
            String chartTitle, EquityChartData chart, String problem) {
        /** Copies the lists. */
        public Comparison {
            isolatedCard = List.copyOf(isolatedCard);
            crossCard = List.copyOf(crossCard);
            sentences = List.copyOf(sentences);
        }
    }
}
