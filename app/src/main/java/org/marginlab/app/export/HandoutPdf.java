package org.marginlab.app.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.marginlab.app.export.HandoutModel.Labelled;
import org.marginlab.app.export.HandoutModel.Table;

/**
 * The PDF handout being written: an A4 portrait OpenPDF document with the handout's fonts (the
 * PDF standard Helvetica and Courier, text through {@link PdfText}) and its building blocks
 * (headings, paragraphs, figure lists, tables, text blocks, vector drawings). Sections
 * ({@link HandoutSection}) write through it; {@link #write} makes the whole file.
 *
 * <p>One document per instance, on one thread.
 */
public final class HandoutPdf {
    /** Body text size, points. */
    public static final float BODY = 9.5f;
    static final Color INK = new Color(0x21, 0x25, 0x29);
    static final Color MUTED = new Color(0x6c, 0x75, 0x7d);
    static final Color RULE = new Color(0xde, 0xe2, 0xe6);
    static final Color HEADER_FILL = new Color(0xf1, 0xf3, 0xf5);

    private final Document document;
    private final PdfWriter writer;
    private final BaseFont helvetica;
    private final BaseFont helveticaBold;
    private final BaseFont courier;

    private HandoutPdf(Document document, PdfWriter writer) throws IOException {
        this.document = document;
        this.writer = writer;
        this.helvetica = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        this.helveticaBold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        this.courier = BaseFont.createFont(BaseFont.COURIER, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    }

    /**
     * Writes a handout.
     *
     * @param title     the document's title (its metadata and page footer)
     * @param sections  the sections, in order, not null
     * @return the PDF file's bytes
     */
    public static byte[] write(String title, List<HandoutSection> sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 46);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        HandoutPdf pdf;
        try {
            pdf = new HandoutPdf(document, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.setPageEvent(pdf.footer(PdfText.of(title)));
        document.addTitle(PdfText.of(title));
        document.addCreator("MarginLab");
        document.open();
        for (HandoutSection s : sections) {
            s.render(pdf);
        }
        document.close();
        return out.toByteArray();
    }

    private PdfPageEventHelper footer(String title) {
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                PdfContentByte cb = w.getDirectContent();
                cb.beginText();
                cb.setFontAndSize(helvetica, 7.5f);
                cb.setColorFill(MUTED);
                cb.showTextAligned(Element.ALIGN_LEFT, title, d.left(), d.bottom() - 22, 0);
                cb.showTextAligned(Element.ALIGN_RIGHT, "MarginLab handout, page " + w.getPageNumber(), d.right(),
                        d.bottom() - 22, 0);
                cb.endText();
            }
        };
    }

    // ---- fonts --------------------------------------------------------------------------------

    /** @return the regular face at a size */
    public Font font(float size) {
        return new Font(helvetica, size, Font.NORMAL, INK);
    }

    /** @return the bold face at a size */
    public Font bold(float size) {
        return new Font(helveticaBold, size, Font.NORMAL, INK);
    }

    /** @return the regular face at a size, grey */
    public Font muted(float size) {
        return new Font(helvetica, size, Font.NORMAL, MUTED);
    }

    /** @return the monospaced face at a size */
    public Font mono(float size) {
        return new Font(courier, size, Font.NORMAL, INK);
    }

    BaseFont baseFont() {
        return helvetica;
    }

    BaseFont baseBold() {
        return helveticaBold;
    }

    // ---- building blocks ---------------------------------------------------------------------

    /** @return the OpenPDF document, for a section that needs more than the blocks below */
    public Document document() {
        return document;
    }

    /** @return the writer, for a section that draws */
    public PdfWriter writer() {
        return writer;
    }

    /** @return the width between the margins, points */
    public float width() {
        return document.right() - document.left();
    }

    /** Adds any element. */
    public void add(Element e) {
        document.add(e);
    }

    /** Starts a new page (nothing when the page is still empty). */
    public void newPage() {
        document.newPage();
    }

    /** A section heading, 15 pt bold, kept with what follows it. */
    public void heading(String text) {
        Paragraph p = new Paragraph(PdfText.of(text), bold(15));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        p.setKeepTogether(true);
        add(p);
    }

    /** A sub-heading, 11 pt bold. */
    public void subheading(String text) {
        Paragraph p = new Paragraph(PdfText.of(text), bold(11));
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        add(p);
    }

    /** A paragraph of body text. */
    public void paragraph(String text) {
        Paragraph p = new Paragraph(PdfText.of(text), font(BODY));
        p.setSpacingAfter(3);
        add(p);
    }

    /** A paragraph of small grey text. */
    public void note(String text) {
        Paragraph p = new Paragraph(PdfText.of(text), muted(8));
        p.setSpacingAfter(3);
        add(p);
    }

    /** Lines of monospaced text, kept on one page where they fit. */
    public void monospace(String text, float size) {
        Paragraph p = new Paragraph(PdfText.of(text), mono(size));
        p.setLeading(size * 1.3f);
        p.setSpacingAfter(6);
        p.setKeepTogether(true);
        add(p);
    }

    /**
     * Figures as label–value pairs, {@code pairs} of them to a row.
     *
     * @param figures  the figures
     * @param pairs    pairs per row, ≥ 1
     */
    public void figures(List<Labelled> figures, int pairs) {
        PdfPTable t = new PdfPTable(pairs * 2);
        t.setWidthPercentage(100);
        float[] widths = new float[pairs * 2];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i % 2 == 0 ? 1.1f : 1.6f;
        }
        t.setWidths(widths);
        for (Labelled f : figures) {
            t.addCell(cell(f.label(), muted(8.5f), Element.ALIGN_LEFT, null));
            t.addCell(cell(f.value(), font(BODY), Element.ALIGN_LEFT, null));
        }
        int rest = (pairs - figures.size() % pairs) % pairs;
        for (int i = 0; i < rest * 2; i++) {
            t.addCell(cell("", font(BODY), Element.ALIGN_LEFT, null));
        }
        // clear of the descenders of a heading above (a paragraph's spacing after does not count before a table)
        t.setSpacingBefore(4);
        t.setSpacingAfter(6);
        add(t);
    }

    /**
     * A table with a header row repeated on every page; numbers (cells starting with a digit,
     * sign or "none") right-aligned.
     *
     * @param table     the table
     * @param widths    relative column widths, one per column
     * @param fontSize  the cells' font size
     */
    public void table(Table table, float[] widths, float fontSize) {
        PdfPTable t = new PdfPTable(table.header().size());
        t.setWidthPercentage(100);
        t.setWidths(widths);
        t.setHeaderRows(1);
        for (String h : table.header()) {
            t.addCell(cell(h, bold(fontSize), Element.ALIGN_LEFT, HEADER_FILL));
        }
        for (List<String> row : table.rows()) {
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i);
                t.addCell(cell(v, font(fontSize), i > 0 && numeric(v) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, null));
            }
        }
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        add(t);
    }

    private static boolean numeric(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        char c = v.charAt(0);
        return v.equals("none") || Character.isDigit(c) || c == '-' || c == '\u2212' || c == '+' || c == '.';
    }

    private PdfPCell cell(String text, Font font, int align, Color fill) {
        PdfPCell c = new PdfPCell(new Phrase(PdfText.of(text), font));
        c.setHorizontalAlignment(align);
        c.setPaddingTop(2);
        c.setPaddingBottom(3.5f);
        c.setPaddingLeft(3);
        c.setPaddingRight(3);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        if (fill != null) {
            c.setBackgroundColor(fill);
        }
        return c;
    }

    /** Something drawn in a vector template. */
    @FunctionalInterface
    public interface Drawing {
        /**
         * @param canvas  the template to draw on, {@code width × height} points, origin bottom left
         */
        void draw(PdfTemplate canvas);
    }

    /**
     * Adds a vector drawing (PDF path operators in a form XObject: no bitmap), scaled to the
     * page's width where it is wider, kept whole on one page.
     *
     * @param width    its width, points
     * @param height   its height, points
     * @param drawing  what to draw, not null
     */
    public void drawing(float width, float height, Drawing drawing) {
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        drawing.draw(t);
        Image image = Image.getInstance(t);
        if (width > width()) {
            image.scaleToFit(width(), height * width() / width);
        }
        image.setAlignment(Image.MIDDLE);
        image.setSpacingAfter(6);
        add(image);
    }

    /** A thin line across the page. */
    public void rule() {
        Paragraph p = new Paragraph(new Chunk(new com.lowagie.text.pdf.draw.LineSeparator(0.5f, 100, RULE,
                Element.ALIGN_CENTER, -2)));
        p.setSpacingAfter(4);
        add(p);
    }
}
