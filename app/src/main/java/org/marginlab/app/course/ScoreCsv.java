package org.marginlab.app.course;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A lesson's score as CSV (RFC 4180, Apache Commons CSV): one row per answered question, columns
 * {@value #HEADER}. Numbers are plain decimals with a point (any locale), the prediction's unit
 * (percent for ratios); {@code prediction}, {@code error} and {@code correct} are empty for a
 * figure revealed without a prediction; {@code time} is ISO 8601 UTC. Pure; the file is written
 * by the caller.
 */
public final class ScoreCsv {
    /** The columns. */
    public static final String HEADER = "lesson,step,question,prompt,figure,prediction,answer,error,tolerance,correct,time";

    private ScoreCsv() {
    }

    /**
     * @param lesson    the lesson's title, not null
     * @param attempts  the answered questions in order, not null
     * @return the CSV text with its header line, CRLF line ends
     */
    public static String text(String lesson, List<Attempt> attempts) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.split(",")).get())) {
            for (Attempt a : attempts) {
                csv.printRecord(lesson, a.step(), a.question().id(), a.question().prompt(), a.question().figure().toString(),
                        plain(a.prediction()), plain(a.answer()), plain(a.error()),
                        a.question().effectiveTolerance().text(), a.correct() == null ? "" : a.correct().toString(),
                        a.time().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
