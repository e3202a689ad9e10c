package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.replay.PricePath;

/**
 * The price-path CSV file of the replay (Apache Commons CSV): a header {@code time,symbol,mark},
 * then one mark price per line, several symbols interleaved.
 *
 * <pre>
 * # synthetic: lines that begin with # are comments and are skipped
 * time,symbol,mark
 * 2026-01-05T00:00:00Z,BTCUSDT,60000
 * 2026-01-05T00:00:00Z,ETHUSDT,3000
 * 1767571380000,BTCUSDT,59800.5
 * </pre>
 *
 * <ul>
 *   <li>{@code time}: an ISO-8601 instant with its zone ({@code 2026-01-05T00:03:00Z}) or epoch
 *       milliseconds ({@code 1767571380000});</li>
 *   <li>{@code symbol}: the instrument, as the workspace names it ({@code BTCUSDT}); a position
 *       whose symbol the path does not name keeps its own mark;</li>
 *   <li>{@code mark}: the mark price in quote per base, a plain decimal with a dot, &gt; 0.</li>
 * </ul>
 * Lines may come in any order; those with the same time make one point of the path, and a
 * symbol absent at a point keeps its last mark ({@link PricePath}). Blank lines and lines
 * starting with {@code #} are skipped. At most {@value #MAX_ROWS} rows.
 *
 * <p>Every error is one {@link PathCsvException} naming the line and the field:
 * {@code line 14, mark: must be > 0 (got -3)}. Reading is I/O: call it off the JavaFX thread.
 */
public final class PathCsv {
    /** The most data rows a path file may have. */
    public static final int MAX_ROWS = 2_000_000;
    private static final List<String> HEADER = List.of("time", "symbol", "mark");

    /** A price-path file that breaks a rule; the message names the line and the field. */
    public static final class PathCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        PathCsvException(String message) {
            super(message);
        }
    }

    private PathCsv() {
    }

    /**
     * Reads a path file (UTF-8).
     *
     * @param file  the file, not null
     * @return the path, never null
     * @throws PathCsvException if the file cannot be read or breaks a rule (the message says which)
     */
    public static PricePath read(Path file) throws PathCsvException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in);
        } catch (IOException | UncheckedIOException e) {
            throw new PathCsvException("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * Parses a path.
     *
     * @param in  the text, not null; not closed
     * @return the path, never null
     * @throws PathCsvException if the text breaks a rule (the message names the line and the field)
     * @throws IOException if reading fails
     */
    public static PricePath parse(Reader in) throws PathCsvException, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        TreeMap<Instant, Map<String, BigDecimal>> points = new TreeMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        long rows = 0;
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            boolean header = true;
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (header) {
                    List<String> names = new ArrayList<>();
                    r.forEach(v -> names.add(v.toLowerCase(Locale.ROOT)));
                    if (!names.equals(HEADER)) {
                        throw new PathCsvException("line " + line + ", header: must be time,symbol,mark (got "
                                + String.join(",", r.toList()) + ")");
                    }
                    header = false;
                    continue;
                }
                if (++rows > MAX_ROWS) {
                    throw new PathCsvException("line " + line + ": a path may have at most " + MAX_ROWS + " rows");
                }
                if (r.size() != 3) {
                    throw new PathCsvException("line " + line + ": must have 3 fields, time,symbol,mark (got "
                            + r.size() + ")");
                }
                Instant time = time(line, r.get(0));
                String symbol = r.get(1);
                if (symbol.isEmpty()) {
                    throw new PathCsvException("line " + line + ", symbol: must not be empty");
                }
                BigDecimal mark = mark(line, r.get(2));
                Map<String, BigDecimal> at = points.computeIfAbsent(time, t -> new LinkedHashMap<>());
                if (at.containsKey(symbol)) {
                    throw new PathCsvException("line " + line + ", time: " + symbol + " already has a mark at " + time
                            + " (line " + firstLine.get(time + " " + symbol) + ")");
                }
                at.put(symbol, mark);
                firstLine.put(time + " " + symbol, line);
            }
            if (header) {
                throw new PathCsvException("line 1, header: must be time,symbol,mark (the file is empty)");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            // Commons CSV: an unterminated quoted field and the like
            throw new PathCsvException("not a CSV file: " + e.getMessage());
        }
        if (points.size() < 2) {
            throw new PathCsvException("the path must have at least 2 times (got " + points.size() + ")");
        }
        List<PricePath.Point> list = new ArrayList<>(points.size());
        points.forEach((t, m) -> list.add(new PricePath.Point(t, m)));
        try {
            return PricePath.of(list);
        } catch (ValidationException e) {
            throw new PathCsvException(e.getMessage()); // cannot happen after the checks above
        }
    }

    private static Instant time(long line, String text) throws PathCsvException {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException e) {
                // too many digits: reported below
            }
        } else {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new PathCsvException("line " + line + ", time: must be an ISO-8601 instant such as 2026-01-05T00:03:00Z"
                + " or epoch milliseconds (got " + shown(text) + ")");
    }

    private static BigDecimal mark(long line, String text) throws PathCsvException {
        BigDecimal mark;
        try {
            mark = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new PathCsvException("line " + line + ", mark: must be a number such as 60000.5 (got " + shown(text)
                    + ")");
        }
        if (mark.signum() <= 0) {
            throw new PathCsvException("line " + line + ", mark: must be > 0 (got " + text + ")");
        }
        return mark;
    }

    private static String shown(String text) {
        return text.isEmpty() ? "nothing" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
