package org.marginlab.app.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marginlab.app.chart.PositionChartData;
import org.marginlab.app.export.HandoutModel.Comparison;
import org.marginlab.app.export.HandoutModel.DerivationText;
import org.marginlab.app.export.HandoutModel.Labelled;
import org.marginlab.app.export.HandoutModel.PositionDetail;

/**
 * The sections of the standard handout, in order: the header (title, venue, rule set, as-of,
 * version, time), the account, the positions with every figure, the derivations of the key
 * figures, the isolated-vs-cross comparison with its equity chart, and each position's chart;
 * for a lesson, its steps ({@link LessonSection}) between the header and the account.
 */
public final class HandoutSections {
    private HandoutSections() {
    }

    /**
     * @param m       the handout's content, not null
     * @param locale  the number format of the chart ticks (the model's texts are formatted already)
     * @return the standard sections; a mutable list, so that a caller can add its own (a lesson)
     */
    public static List<HandoutSection> standard(HandoutModel m, Locale locale) {
        List<HandoutSection> out = new ArrayList<>();
        out.add(pdf -> header(pdf, m));
        if (m.lesson() != null) {
            out.add(new LessonSection(m.lesson(), locale));
            out.add(pdf -> {
                pdf.newPage();
                pdf.heading("The workspace as exported");
                pdf.note("The account and positions below are the workspace as it was exported (from the window: the "
                        + "step shown then, at its shock), with every figure, derivation, comparison and chart.");
            });
        }
        out.add(pdf -> account(pdf, m));
        out.add(pdf -> positions(pdf, m));
        out.add(pdf -> derivations(pdf, m));
        out.add(pdf -> comparison(pdf, m, locale));
        out.add(pdf -> charts(pdf, m, locale));
        return out;
    }

    static void header(HandoutPdf pdf, HandoutModel m) {
        com.lowagie.text.Paragraph title = new com.lowagie.text.Paragraph(PdfText.of(m.title()), pdf.bold(20));
        title.setSpacingAfter(2);
        pdf.add(title);
        pdf.note("MarginLab handout: positions, figures, derivations, isolated vs cross and charts.");
        pdf.figures(List.of(new Labelled("Venue", m.venue()), new Labelled("Rule set", m.ruleSet()),
                new Labelled("Rules as of", m.asOf()), new Labelled("MarginLab", m.appVersion()),
                new Labelled("Generated", m.generated()), new Labelled("Currency", m.currency())), 2);
    }

    static void account(HandoutPdf pdf, HandoutModel m) {
        pdf.heading("Account");
        pdf.figures(m.accountFigures(), 1);
        for (String n : m.notes()) {
            pdf.paragraph(n);
        }
    }

    static void positions(HandoutPdf pdf, HandoutModel m) {
        pdf.heading("Positions");
        if (m.positions().rows().isEmpty()) {
            pdf.paragraph("No positions.");
            return;
        }
        pdf.table(m.positions(), new float[] {1.35f, 1.2f, 0.7f, 0.9f, 1.1f, 1.1f, 0.6f, 0.9f, 1.05f, 1.15f, 1.35f, 1.0f,
            1.35f, 1.2f, 0.95f}, 6.3f);
        pdf.note("As in the Positions tab: Liq. price at the mark used, rounded half-up for display (on the instrument's "
                + "tick toward the entry where the venue has one); every figure below is at full precision inside MarginLab.");
        for (PositionDetail d : m.positionDetails()) {
            pdf.subheading(d.id() + "   " + d.summary());
            pdf.figures(d.figures(), 2);
            if (!d.note().isBlank()) {
                pdf.note(d.note());
            }
        }
    }

    static void derivations(HandoutPdf pdf, HandoutModel m) {
        if (m.derivations().isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading("How the key figures are derived");
        pdf.note("Each step as the Explain panel shows it: the rule, the formula, the numbers substituted and the "
                + "section of the venue's rules it comes from.");
        // two to a row: a derivation is long and narrow (its steps' lines are short)
        com.lowagie.text.pdf.PdfPTable grid = new com.lowagie.text.pdf.PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.getDefaultCell().setBorder(com.lowagie.text.Rectangle.NO_BORDER);
        for (DerivationText d : m.derivations()) {
            com.lowagie.text.pdf.PdfPCell cell = new com.lowagie.text.pdf.PdfPCell();
            cell.setBorder(com.lowagie.text.Rectangle.NO_BORDER);
            cell.setPaddingRight(10);
            cell.setPaddingBottom(12);
            com.lowagie.text.Paragraph head = new com.lowagie.text.Paragraph(PdfText.of(d.title()), pdf.bold(10));
            head.setSpacingAfter(3);
            cell.addElement(head);
            com.lowagie.text.Paragraph body = new com.lowagie.text.Paragraph(PdfText.of(d.text()), pdf.mono(6.6f));
            body.setLeading(8.4f);
            cell.addElement(body);
            grid.addCell(cell);
        }
        grid.completeRow();
        pdf.add(grid);
    }

    static void comparison(HandoutPdf pdf, HandoutModel m, Locale locale) {
        Comparison c = m.comparison();
        if (c == null) {
            return;
        }
        pdf.newPage();
        pdf.heading("Isolated vs cross");
        pdf.note("The same positions with every position isolated and with every position cross, as the "
                + "Isolated vs cross tab shows them.");
        if (!c.problem().isBlank()) {
            pdf.paragraph(c.problem());
        }
        pdf.table(c.table(), new float[] {2.2f, 1.2f, 1.2f, 0.9f, 0.9f, 1.1f, 1.1f, 1f, 1f, 1f, 1f}, 6.8f);
        pdf.subheading("Every position isolated");
        for (String s : c.isolatedCard()) {
            pdf.paragraph(s);
        }
        pdf.subheading("Every position cross");
        for (String s : c.crossCard()) {
            pdf.paragraph(s);
        }
        if (!c.sentences().isEmpty()) {
            pdf.subheading("What changes for each position");
            for (String s : c.sentences()) {
                pdf.paragraph(s);
            }
        }
        if (c.chart() != null && !c.chart().isolated().isEmpty()) {
            pdf.subheading(c.chartTitle().isBlank() ? "Equity against a shock of every mark" : c.chartTitle());
            PdfCharts.equity(pdf, c.chart(), locale);
        }
    }

    static void charts(HandoutPdf pdf, HandoutModel m, Locale locale) {
        if (m.charts().stream().allMatch(PositionChartData::isEmpty)) {
            return;
        }
        pdf.newPage();
        pdf.heading("Charts");
        pdf.note("Each position's unrealized PnL and margin ratio against the mark price, as the Charts tab draws them: "
                + "entry, mark, liquidation and bankruptcy lines; the shaded range is where the position is liquidated.");
        for (PositionChartData d : m.charts()) {
            pdf.subheading(d.title());
            if (d.isEmpty()) {
                pdf.paragraph(d.message());
                continue;
            }
            PdfCharts.position(pdf, d, locale);
            if (!d.caption().isBlank()) {
                pdf.note(d.caption());
            }
            if (!d.message().isBlank()) {
                pdf.note(d.message());
            }
        }
    }

    /**
     * The whole standard handout.
     *
     * @param m       the content, not null
     * @param locale  the number format of the chart ticks
     * @return the PDF's bytes
     */
    public static byte[] pdf(HandoutModel m, Locale locale) {
        return HandoutPdf.write(m.title(), standard(m, locale));
    }
}
