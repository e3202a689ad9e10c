package org.marginlab.app.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marginlab.app.about.BuildInfo;
import org.marginlab.app.account.AccountFigures;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.account.RuleSetText;
import org.marginlab.app.chart.PositionChartData;
import org.marginlab.app.chart.PositionChartViewModel;
import org.marginlab.app.compare.CascadeItem;
import org.marginlab.app.compare.ComparisonRow;
import org.marginlab.app.compare.ComparisonViewModel;
import org.marginlab.app.compare.SidePair;
import org.marginlab.app.explain.DerivationFormats;
import org.marginlab.app.export.HandoutModel.Comparison;
import org.marginlab.app.export.HandoutModel.DerivationText;
import org.marginlab.app.export.HandoutModel.Labelled;
import org.marginlab.app.export.HandoutModel.PositionDetail;
import org.marginlab.app.export.HandoutModel.Table;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.position.RiskLevel;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.explain.Explainer;

/**
 * Gathers a {@link HandoutModel} from a workspace through the view-models the window shows: an
 * {@link AccountViewModel} of its own (the Positions tab and the account bar), a
 * {@link PositionChartViewModel} (the Charts tab, one position selected after the other) and a
 * {@link ComparisonViewModel} walking on the calling thread (the Isolated-vs-cross tab). So every
 * figure reads as in the window, in the same number format; the derivations are the Explain
 * panel's ({@link Explainer}, {@link DerivationFormats#text}).
 *
 * <p>Runs on any one thread (the view-models are its own): a background thread in the app, the
 * main thread on the command line. The window's price shock can be given (the figures are then
 * at the shocked marks, as the window shows them); pending what-ifs are not part of a handout.
 */
public final class HandoutBuilder {
    /** The Positions tab's columns, in its order. */
    static final List<String> POSITION_COLUMNS = List.of("ID", "Symbol", "Side", "Qty", "Entry", "Mark", "Lev.", "Mode",
            "Iso. margin", "Mark used", "Liq. price", "Distance", "Margin ratio", "uPnL", "Status");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HandoutBuilder() {
    }

    /**
     * @param workspace  the workspace, not null (its venue known: a refused workspace throws)
     * @param locale     the number format, the app's (View → Number format) or {@link Locale#ROOT}
     * @param generated  the time written on the handout, not null
     * @return the handout's content
     * @throws org.marginlab.engine.ValidationException if the workspace's venue is unknown
     */
    public static HandoutModel of(Workspace workspace, Locale locale, Instant generated) {
        return of(workspace, locale, generated, null, null);
    }

    /**
     * As {@link #of(Workspace, Locale, Instant)}, at the window's price shock.
     *
     * @param shockText    the shock as typed in the window, in percent in its number format, or
     *                     null for none
     * @param shockSymbol  the symbol the shock moves, or null for every symbol
     */
    public static HandoutModel of(Workspace workspace, Locale locale, Instant generated, String shockText,
            String shockSymbol) {
        return of(workspace, locale, generated, shockText, shockSymbol, null, null);
    }

    /**
     * As {@link #of(Workspace, Locale, Instant, String, String)}, with a lesson's part when the
     * workspace has a {@code lesson} block ({@link LessonHandoutBuilder}).
     *
     * @param attempts   the student's answers of the lesson in progress in the window, or null
     *                   (the handout then shows {@code —} for the predictions and the score)
     * @param lessonDir  the folder of the lesson file (for a step's price-path CSV), or null
     */
    public static HandoutModel of(Workspace workspace, Locale locale, Instant generated, String shockText,
            String shockSymbol, List<org.marginlab.app.course.Attempt> attempts, java.nio.file.Path lessonDir) {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, locale);
        account.load(workspace);
        if (shockText != null && !shockText.isBlank()) {
            account.shockSymbolProperty().set(shockSymbol);
            account.shockTextProperty().set(shockText);
        }
        Evaluation e = account.evaluation();
        List<PositionViewModel> rows = List.copyOf(account.positions());

        List<PositionDetail> details = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (PositionViewModel row : rows) {
            table.add(tableRow(row));
            if (row.resultProperty().get() != null && row.resultProperty().get().risk() != null) {
                details.add(detail(row));
            }
        }
        PositionChartViewModel chartModel = new PositionChartViewModel(account);
        List<PositionChartData> charts = new ArrayList<>();
        for (PositionViewModel row : rows) {
            account.selectedProperty().set(row);
            charts.add(chartModel.dataProperty().get());
        }
        ComparisonViewModel comparison = new ComparisonViewModel(account);

        String title = workspace.name() == null || workspace.name().isBlank() ? "Untitled workspace" : workspace.name();
        return new HandoutModel(title, e.venue() == null ? e.draft().venueId() : e.venue().displayName(),
                e.venue() == null ? "" : RuleSetText.describe(e.venue()),
                e.draft().asOf() == null ? "latest rules" : MINUTES.format(e.draft().asOf()),
                BuildInfo.version(), MINUTES.format(generated), e.currency(), accountFigures(account.figures()),
                notes(account.figures()), new Table(POSITION_COLUMNS, table), details,
                derivations(e, new DerivationFormats(new Formats(locale))), comparison(e, comparison), charts, e,
                LessonHandoutBuilder.of(workspace, locale, attempts, lessonDir));
    }

    private static List<String> tableRow(PositionViewModel row) {
        RiskLevel level = row.riskLevelProperty().get();
        String status = row.staleProperty().get() ? "stale" : level == RiskLevel.LIQUIDATED ? "liquidated"
                : level == RiskLevel.WARNING ? "warning" : level == null ? "" : "ok";
        return List.of(row.id(), row.symbolProperty().get(), row.sideProperty().get().id(),
                row.textProperty(InputField.QUANTITY).get(), row.textProperty(InputField.ENTRY_PRICE).get(),
                row.textProperty(InputField.MARK_PRICE).get(), row.textProperty(InputField.LEVERAGE).get(),
                row.marginModeProperty().get().id(), row.textProperty(InputField.ISOLATED_MARGIN).get(),
                row.shockedMarkProperty().get(), row.liquidationAfterProperty().get(),
                row.figureProperty(Figure.DISTANCE_TO_LIQUIDATION).get(), row.figureProperty(Figure.MARGIN_RATIO).get(),
                row.figureProperty(Figure.UNREALIZED_PNL).get(), status);
    }

    private static PositionDetail detail(PositionViewModel row) {
        List<Labelled> figures = new ArrayList<>();
        for (Figure f : Figure.values()) {
            String v = row.figureProperty(f).get();
            if (v != null && !v.isBlank()) {
                figures.add(new Labelled(f.label(), v));
            }
        }
        return new PositionDetail(row.id(), row.summaryProperty().get(), figures, row.liquidationNoteProperty().get());
    }

    private static List<Labelled> accountFigures(AccountFigures f) {
        return List.of(new Labelled("Cross wallet", f.wallet().get()),
                new Labelled("Margin balance", f.marginBalance().get()),
                new Labelled("Account margin ratio", f.marginRatio().get() + "  (" + f.marginRatioName().get() + ")"),
                new Labelled("Available", f.availableBalance().get()),
                new Labelled("Total equity", f.totalEquity().get()));
    }

    private static List<String> notes(AccountFigures f) {
        List<String> notes = new ArrayList<>();
        for (String s : List.of(f.shockState().get(), f.leftOut().get(), f.problem().get())) {
            if (s != null && !s.isBlank()) {
                notes.add(s);
            }
        }
        return notes;
    }

    /** Each valid position's liquidation price; the cross margin ratio once when a position is cross. */
    private static List<DerivationText> derivations(Evaluation e, DerivationFormats formats) {
        List<DerivationText> out = new ArrayList<>();
        if (e.shocked() == null || e.risk() == null) {
            return out;
        }
        boolean cross = false;
        for (PositionResult r : e.positions()) {
            if (r.used() == null || r.risk() == null) {
                continue;
            }
            cross |= r.used().marginMode() == MarginMode.CROSS;
            out.add(derivation(e, r.id(), org.marginlab.engine.derivation.Figure.LIQUIDATION_PRICE, formats));
        }
        if (cross) {
            out.add(derivation(e, null, org.marginlab.engine.derivation.Figure.ACCOUNT_MARGIN_RATIO, formats));
        }
        return out;
    }

    private static DerivationText derivation(Evaluation e, String id, org.marginlab.engine.derivation.Figure f,
            DerivationFormats formats) {
        String title = (id == null ? "Account" : id) + ": " + f.term();
        try {
            Derivation d = Explainer.explain(e.shocked(), id, f);
            return new DerivationText(title, formats.text(d).strip());
        } catch (RuntimeException ex) {
            // a figure the engine cannot derive here (the message says why): the handout names it
            return new DerivationText(title, "No derivation: " + ex.getMessage());
        }
    }

    private static Comparison comparison(Evaluation e, ComparisonViewModel c) {
        if (e.entered() == null || e.risk() == null || c.rows().isEmpty()) {
            return null;
        }
        String ccy = c.currencyProperty().get();
        List<String> header = List.of("Position", "Liq. price isolated", "Liq. price cross", "Distance isolated",
                "Distance cross", "Margin ratio isolated", "Margin ratio cross", "Max. loss isolated (" + ccy + ")",
                "Max. loss cross (" + ccy + ")", "Capital isolated (" + ccy + ")", "Capital cross (" + ccy + ")");
        List<List<String>> rows = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            List<String> row = new ArrayList<>();
            row.add(r.label());
            for (SidePair p : List.of(r.liquidationPrice(), r.distance(), r.marginRatio(), r.maxLoss(), r.capital())) {
                row.add(p == null ? "" : p.isolated());
                row.add(p == null ? "" : p.cross());
            }
            rows.add(row);
            if (r.sentence() != null && !r.sentence().isBlank()) {
                sentences.add(r.positionId() + ": " + r.sentence());
            }
        }
        List<String> iso = lines(c.shockDescriptionProperty().get(), c.isolatedCapitalProperty().get(),
                c.isolatedEquityProperty().get(), c.isolatedAllGoneAtProperty().get(), c.isolatedOutcomeProperty().get());
        iso.addAll(events(c.isolatedEvents()));
        List<String> cross = lines(c.crossCapitalProperty().get(), c.crossEquityProperty().get(),
                c.crossMarginRatioProperty().get(), c.crossAccountGoesAtProperty().get(), c.crossOutcomeProperty().get());
        cross.addAll(events(c.crossEvents()));
        return new Comparison(new Table(header, rows), iso, cross, sentences, c.chart().titleProperty().get(),
                c.chart().dataProperty().get(), c.problemProperty().get());
    }

    private static List<String> lines(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> events(List<CascadeItem> items) {
        List<String> out = new ArrayList<>();
        for (CascadeItem i : items) {
            out.add(i.order() + ". " + i.headline() + (i.detail() == null || i.detail().isBlank() ? "" : ": " + i.detail()));
        }
        return out;
    }
}
