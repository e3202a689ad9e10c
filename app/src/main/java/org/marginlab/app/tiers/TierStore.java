package org.marginlab.app.tiers;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.marginlab.app.workspace.AtomicSave;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;

/**
 * The refreshed tier tables on disk: {@code <data folder>/tiers/<venue>/<SYMBOL>.csv}, each in the
 * text form of the bundled tables ({@link TierText}, read back with {@link TierTables#parse}) with
 * its {@code # asOf:} (the fetch date) and {@code # source:} (the URL). A table is written
 * atomically ({@link AtomicSave}: a crash leaves the old file or the new one, and the previous
 * version is kept as {@code <SYMBOL>.csv.bak}).
 *
 * <p>{@link #load} reads every stored table; a file that cannot be read or is not a valid table is
 * named in a problem, ignored (the bundled table applies) and left as it is: it is replaced only by
 * a table the user applies, and then its last version is kept as the backup. Nothing here fetches:
 * the app loads the stored tables at start-up, on its preparing thread, and {@code marginlab calc}
 * loads the same ones, so both give the same figures.
 *
 * <p>File I/O: call it off the JavaFX thread. Thread-safe (no state but the folder).
 */
public final class TierStore {
    /** The folder under the data folder. */
    public static final String FOLDER = "tiers";
    /** Largest stored file read. */
    static final long MAX_FILE_BYTES = 256 * 1024;
    /** Most stored files read. */
    static final int MAX_FILES = 5_000;
    /** Largest file imported (a saved Binance brackets file of every symbol is about 300 kB). */
    static final int MAX_IMPORT_BYTES = 8 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger("org.marginlab.app.tiers");
    private static final Pattern VENUE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern FILE = Pattern.compile("[A-Z0-9]{2,30}\\.csv");

    private final Path root;

    /**
     * @param dataFolder  the app's data folder ({@code Autosave.defaultFolder()}), not null
     */
    public TierStore(Path dataFolder) {
        this.root = dataFolder.resolve(FOLDER);
    }

    /** @return the folder of the stored tables, {@code <data folder>/tiers} */
    public Path root() {
        return root;
    }

    /**
     * @param venueId  a rule-set id
     * @param symbol   a symbol
     * @return the file of that table
     * @throws IllegalArgumentException if the id or symbol would not make a plain file name
     */
    public Path file(String venueId, String symbol) {
        String s = symbol.strip().toUpperCase(Locale.ROOT) + ".csv";
        if (!VENUE.matcher(venueId).matches() || !FILE.matcher(s).matches()) {
            throw new IllegalArgumentException("not a storable venue/symbol: " + venueId + "/" + symbol);
        }
        return root.resolve(venueId).resolve(s);
    }

    /**
     * What the stored tables are.
     *
     * @param tables    the valid tables by {@link InstalledTiers#key}, in file order
     * @param problems  one line per file that was ignored, naming it and why
     */
    public record Loaded(Map<String, TierTable> tables, List<String> problems) {
    }

    /**
     * Reads every stored table. Never throws for a bad file: it is named in {@link Loaded#problems}.
     *
     * @return the tables and the problems, never null
     */
    public Loaded load() {
        Map<String, TierTable> tables = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Loaded(tables, problems);
        }
        int seen = 0;
        try (DirectoryStream<Path> venues = Files.newDirectoryStream(root)) {
            for (Path venueDir : sorted(venues)) {
                String venue = venueDir.getFileName().toString();
                if (!VENUE.matcher(venue).matches() || !Files.isDirectory(venueDir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(venueDir)) {
                    for (Path f : sorted(files)) {
                        String name = f.getFileName().toString();
                        if (!FILE.matcher(name).matches()) {
                            continue; // backups (.bak), temporary files of a save, anything else
                        }
                        if (++seen > MAX_FILES) {
                            problems.add("More than " + MAX_FILES + " stored tier tables in " + root
                                    + ": the others are ignored.");
                            return new Loaded(tables, problems);
                        }
                        String symbol = name.substring(0, name.length() - 4);
                        try {
                            tables.put(InstalledTiers.key(venue, symbol), read(f));
                        } catch (IOException | UncheckedIOException | ValidationException e) {
                            problems.add("The stored tier table " + f + " cannot be used (" + reason(e)
                                    + "): it is ignored and left as it is; " + venue + " " + symbol
                                    + " uses the bundled table, if any. Update the tier tables to replace it.");
                        }
                    }
                } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                    problems.add("The stored tier tables in " + venueDir + " cannot be listed (" + reason(e) + ").");
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            problems.add("The stored tier tables in " + root + " cannot be listed (" + reason(e) + ").");
        }
        return new Loaded(tables, problems);
    }

    /**
     * Reads the stored tables and installs them ({@link InstalledTiers}); logs each problem.
     *
     * @param dataFolder  the data folder, not null
     * @return what was read, never null
     */
    public static Loaded installStored(Path dataFolder) {
        Loaded loaded = new TierStore(dataFolder).load();
        if (!loaded.tables().isEmpty()) {
            InstalledTiers.installAll(loaded.tables());
        }
        for (String p : loaded.problems()) {
            LOG.log(Level.WARNING, p);
        }
        return loaded;
    }

    /**
     * Stores a table, atomically.
     *
     * @param venueId  a rule-set id, not null
     * @param symbol   a symbol, not null
     * @param table    the table, not null
     * @return a note for the user when the file replaced one that could not be read (its last
     *         version is kept as the backup), else null
     * @throws IOException if it cannot be written; the stored file is then unchanged
     */
    public String save(String venueId, String symbol, TierTable table) throws IOException {
        Path f = file(venueId, symbol);
        String note = null;
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            try {
                read(f);
            } catch (IOException | UncheckedIOException | ValidationException e) {
                note = "the stored file " + f + " could not be read (" + reason(e) + "); it is kept as "
                        + f.getFileName() + AtomicSave.BACKUP_SUFFIX;
            }
        }
        Files.createDirectories(f.getParent());
        AtomicSave.replace(f, TierText.format(table, venueId, symbol).getBytes(StandardCharsets.UTF_8));
        return note;
    }

    /**
     * Reads a file the user chose to import, up to {@value #MAX_IMPORT_BYTES} bytes.
     *
     * @param file  the file, not null
     * @return its bytes
     * @throws IOException if it cannot be read, is not a regular file or is larger than the limit
     */
    static byte[] readImport(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        return readLimited(file, MAX_IMPORT_BYTES);
    }

    /**
     * @param file  a file
     * @return the date it was last modified, ISO, in the system's time zone
     * @throws IOException if it cannot be read
     */
    static String modifiedDate(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate()
                .toString();
    }

    private static TierTable read(Path f) throws IOException {
        byte[] bytes = readLimited(f, MAX_FILE_BYTES);
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return TierTables.parse(new StringReader(text));
    }

    private static byte[] readLimited(Path f, long max) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new IOException("larger than " + JsonHttp.sizeText(max));
            }
            return bytes;
        }
    }

    private static List<Path> sorted(DirectoryStream<Path> entries) {
        List<Path> out = new ArrayList<>();
        for (Path p : entries) {
            out.add(p);
            if (out.size() > MAX_FILES * 2) {
                break;
            }
        }
        out.sort(null);
        return out;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it went away";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }
}
