package org.marginlab.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.compare.ComparisonRow;
import org.marginlab.app.export.HandoutBuilder;
import org.marginlab.app.export.HandoutModel;
import org.marginlab.app.export.HandoutSections;
import org.marginlab.app.export.PngImages;
import org.marginlab.app.export.TableCsv;
import org.marginlab.app.ui.ExportMenus;
import org.marginlab.app.ui.ExportRequest;
import org.marginlab.app.workspace.AtomicSave;

/**
 * File → Export: the PDF handout (Ctrl+Shift+E), the positions as CSV, the chart on screen as PNG
 * and Print… (Ctrl+P); and the tables' and charts' own context menus ({@link ExportRequest}s
 * that bubble up to the main view). A file is chosen on the JavaFX thread; the handout is
 * gathered, encoded and written atomically on a background thread ({@link AtomicSave}); what
 * happened is said in the window's message line, a failure in one sentence.
 */
final class ExportControls {
    /** Said when no printer is set up. */
    static final String NO_PRINTER = "No printer is set up on this computer. Export a PDF instead.";

    /** Picks where to save: (title, suggested file name, extension) → a path, or empty when cancelled. */
    interface Chooser {
        Optional<Path> choose(String title, String suggested, String extension);
    }

    private final AppViewModel app;
    private final Supplier<Node> currentContent;
    private final Executor background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "marginlab-export");
        t.setDaemon(true);
        return t;
    });
    private Executor done = Platform::runLater;
    private Chooser chooser = this::chooseWithDialog;
    private Window window;
    private org.marginlab.app.course.LessonViewModel lesson;

    /**
     * @param app             the application view-model, not null
     * @param currentContent  the content of the tab shown now, or null
     */
    ExportControls(AppViewModel app, Supplier<Node> currentContent) {
        this.app = app;
        this.currentContent = currentContent;
    }

    /** @param lesson  the lesson navigator's view-model: its predictions go into a lesson's handout */
    void setLesson(org.marginlab.app.course.LessonViewModel lesson) {
        this.lesson = lesson;
    }

    /** For tests: where files are chosen. */
    void setChooser(Chooser chooser) {
        this.chooser = chooser;
    }

    /** Handles the tables' and charts' export requests that reach {@code root}. */
    void install(Node root) {
        root.addEventHandler(ExportRequest.ANY, e -> {
            window = root.getScene() == null ? null : root.getScene().getWindow();
            if (e.kind() == ExportRequest.Kind.CSV && e.node() instanceof TableView<?> t) {
                tableCsv(t);
            } else if (e.kind() == ExportRequest.Kind.PNG) {
                png(e.node());
            }
            e.consume();
        });
    }

    /** @return File → Export ▸ with its four items */
    Menu menu(Supplier<Node> root) {
        Menu export = new Menu("_Export");
        export.setId("exportMenu");
        export.setGraphic(new FontIcon("mdi2e-export"));
        MenuItem pdf = new MenuItem("PDF _handout…");
        pdf.setId("exportPdfItem");
        pdf.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        pdf.setOnAction(e -> pdf(windowOf(root)));
        MenuItem csv = new MenuItem("_CSV of positions…");
        csv.setId("exportCsvMenuItem");
        csv.setOnAction(e -> {
            window = windowOf(root);
            if (refusedWhileHidden()) {
                return;
            }
            save("Export positions as CSV", baseName() + "-positions.csv", ".csv",
                    () -> TableCsv.bytes(TableCsv.positions(app.account().evaluation())));
        });
        MenuItem png = new MenuItem("P_NG of current chart…");
        png.setId("exportPngMenuItem");
        png.setOnAction(e -> {
            window = windowOf(root);
            Node chart = root.get().lookupAll("." + ExportMenus.CHART).stream()
                    .filter(n -> n.getScene() != null && n.isVisible()).findFirst().orElse(null);
            if (chart == null) {
                app.showNotice("No chart is shown: open the Charts or the Isolated vs cross tab, then export its chart.");
            } else {
                png(chart);
            }
        });
        MenuItem print = new MenuItem("_Print…");
        print.setId("printItem");
        print.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
        print.setOnAction(e -> print(windowOf(root)));
        export.getItems().addAll(pdf, csv, png, print);
        return export;
    }

    private static Window windowOf(Supplier<Node> root) {
        Node n = root.get();
        return n == null || n.getScene() == null ? null : n.getScene().getWindow();
    }

    /**
     * The handout of the workspace as it is now (unsaved edits included, at the price shock set),
     * gathered off the JavaFX thread.
     */
    void pdf(Window owner) {
        window = owner;
        if (refusedWhileHidden()) {
            return;
        }
        AccountViewModel account = app.account();
        org.marginlab.app.workspace.Workspace workspace;
        try {
            workspace = account.toWorkspaceLenient();
        } catch (RuntimeException ex) {
            app.showNotice("Could not make the handout: " + ex.getMessage());
            return;
        }
        Locale locale = account.locale();
        // the figures at the window's shock, as on screen
        String shock = account.shockTextProperty().get();
        String shockSymbol = account.shockSymbolProperty().get();
        // the lesson under way: the student's predictions and score (read here, on the JavaFX thread)
        List<org.marginlab.app.course.Attempt> attempts = lesson != null && lesson.activeProperty().get()
                ? List.copyOf(lesson.attempts()) : null;
        Path file = app.fileProperty().get();
        Path lessonDir = file == null ? null : file.toAbsolutePath().getParent();
        save("Export PDF handout", baseName() + "-handout.pdf", ".pdf", () -> {
            HandoutModel model = HandoutBuilder.of(workspace, locale, Instant.now(), shock, shockSymbol, attempts,
                    lessonDir);
            return HandoutSections.pdf(model, locale);
        });
    }

    /** The text of the notice when an export would show a figure the lesson still hides. */
    static final String HIDDEN = "The lesson still hides figures an export would show: check or reveal them first "
            + "(in instructor mode, Lesson → Show answers).";

    /** @return whether the lesson hides a figure now (then says so, and nothing is exported) */
    private boolean refusedWhileHidden() {
        if (app.account().hiddenFigures().keys().isEmpty()) {
            return false;
        }
        app.showNotice(HIDDEN);
        return true;
    }

    private void tableCsv(TableView<?> table) {
        if (refusedWhileHidden()) {
            return;
        }
        String id = table.getId() == null ? "table" : table.getId();
        Supplier<byte[]> bytes;
        if ("positionsTable".equals(id)) {
            org.marginlab.app.model.Evaluation e = app.account().evaluation();
            bytes = () -> TableCsv.bytes(TableCsv.positions(e));
        } else if ("comparisonTable".equals(id)) {
            // read from the rows here, on the JavaFX thread that updates them; encoded in the background
            HandoutModel.Table rows = TableCsv.comparison(
                    table.getItems().stream().map(ComparisonRow.class::cast).toList());
            bytes = () -> TableCsv.bytes(rows);
        } else {
            List<List<String>> shown = ExportMenus.displayed(table);
            bytes = () -> TableCsv.bytes(new HandoutModel.Table(shown.get(0), shown.subList(1, shown.size())));
        }
        save("Export table as CSV", baseName() + "-" + id.replace("Table", "") + ".csv", ".csv", bytes);
    }

    /**
     * A node as pixels at twice its size (sharp when printed or shown on a high-density screen).
     *
     * @param node  a node in a scene, not null
     * @return its snapshot, {@code 2 × width} by {@code 2 × height} pixels
     */
    static WritableImage snapshot(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(2, 2));
        return node.snapshot(p, null);
    }

    private void png(Node chart) {
        WritableImage image = snapshot(chart);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        String id = chart.getId() == null ? "chart" : chart.getId();
        save("Save chart as PNG", baseName() + "-" + id + ".png", ".png", () -> PngImages.encode(pixels, w, h));
    }

    /** Prints the tab shown now, scaled to the page; without a printer, says so. */
    void print(Window owner) {
        try {
            PrinterJob job = PrinterJob.createPrinterJob();
            if (job == null) {
                app.showNotice(NO_PRINTER);
                return;
            }
            if (owner != null && !job.showPrintDialog(owner)) {
                job.cancelJob();
                return;
            }
            Node content = currentContent.get();
            if (content == null) {
                job.cancelJob();
                return;
            }
            PageLayout page = job.getJobSettings().getPageLayout();
            double w = content.getBoundsInParent().getWidth();
            double h = content.getBoundsInParent().getHeight();
            double scale = Math.min(1, Math.min(page.getPrintableWidth() / w, page.getPrintableHeight() / h));
            Scale s = new Scale(scale, scale);
            content.getTransforms().add(s);
            boolean printed;
            try {
                printed = job.printPage(page, content);
            } finally {
                content.getTransforms().remove(s);
            }
            if (printed) {
                job.endJob();
                app.showNotice("Sent to the printer.");
            } else {
                app.showNotice("Printing failed: the printer refused the page. Export a PDF instead.");
            }
        } catch (RuntimeException ex) {
            app.showNotice("Printing failed (" + ex.getMessage() + "). Export a PDF instead.");
        }
    }

    /** Asks for a file, then makes the bytes and writes them atomically off the JavaFX thread. */
    private void save(String title, String suggested, String extension, Supplier<byte[]> bytes) {
        Optional<Path> target = chooser.choose(title, suggested, extension);
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        app.showNotice("Exporting " + file.getFileName() + "…");
        background.execute(() -> {
            String outcome;
            try {
                AtomicSave.replace(file, bytes.get());
                outcome = "Exported " + file.getFileName() + ".";
            } catch (java.io.IOException | RuntimeException ex) {
                outcome = "Could not export " + file.getFileName() + ": " + ex.getMessage();
            }
            String said = outcome;
            done.execute(() -> app.showNotice(said));
        });
    }

    private Optional<Path> chooseWithDialog(String title, String suggested, String extension) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggested);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.substring(1).toUpperCase(Locale.ROOT)
                + " files", "*" + extension));
        java.io.File f = c.showSaveDialog(window);
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    private String baseName() {
        String name = app.account().nameProperty().get();
        String base = name == null || name.isBlank() ? "marginlab" : name.strip();
        return base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    }
}
