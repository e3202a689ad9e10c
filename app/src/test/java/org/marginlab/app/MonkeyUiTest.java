package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.venue.Venues;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * A monkey test of the whole window (issue "Nothing lost, nothing frozen"): a fixed number of
 * random actions with a fixed seed ({@code monkey.actions}, default {@value #DEFAULT_ACTIONS};
 * {@code monkey.seed}), each either through the keyboard (undo, redo, the mode switch, typing in
 * the editor) or through the view-models, as the window's controls do: typing valid and invalid
 * numbers in every field of every position, switching modes, venues, tabs and themes, price
 * shocks, margin what-ifs applied, positions added and removed, saving and opening.
 *
 * <p>After every action it asserts: no exception escaped on the JavaFX thread; no text on screen
 * shows {@code NaN}, {@code Infinity}, {@code null} or an exception; and an action that only
 * moves money (a what-if applied, a mode switch) leaves total equity unchanged to the last
 * decimal. A failure names the seed, the action number and the action.
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyUiTest {
    static final int DEFAULT_ACTIONS = 300;
    private static final int ACTIONS = Integer.getInteger("monkey.actions", DEFAULT_ACTIONS);
    private static final long SEED = Long.getLong("monkey.seed", 20261206L);
    private static final String[] INVALID = {"", "abc", "-5", "0", "1e5", "12,34.5", "NaN", "∞", "60000 USDT",
            "9".repeat(40), "0." + "1".repeat(35), " "};
    private static final InputField[] FIELDS = {InputField.QUANTITY, InputField.ENTRY_PRICE, InputField.MARK_PRICE,
            InputField.LEVERAGE, InputField.MARGIN_DELTA, InputField.ISOLATED_MARGIN};

    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private AppViewModel app;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        app = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        app.openSample(Samples.COURSE_CROSS_CASCADE);
        scene = MarginLabApp.createScene(app);
        stage.setScene(scene);
        // within the headless screen (1280 × 800): a larger window overflows Monocle's painter
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    private static PositionViewModel any(AccountViewModel account, Random r) {
        List<PositionViewModel> rows = account.positions();
        return rows.isEmpty() ? null : rows.get(r.nextInt(rows.size()));
    }

    /** A valid-looking number for a field: near its current value, or a plain positive number. */
    private static String number(PositionViewModel row, InputField field, Random r) {
        String now = row.textProperty(field).get();
        try {
            BigDecimal v = new BigDecimal(now.replace(",", ""));
            if (v.signum() > 0) {
                return v.multiply(BigDecimal.valueOf(80 + r.nextInt(41))).movePointLeft(2)
                        .setScale(field == InputField.LEVERAGE ? 0 : 2, java.math.RoundingMode.HALF_UP).max(BigDecimal.ONE)
                        .toPlainString();
            }
        } catch (NumberFormatException e) {
            // not a number now: type a plain one
        }
        return field == InputField.MARGIN_DELTA ? Integer.toString(r.nextInt(2001) - 1000) : Integer.toString(1 + r.nextInt(50));
    }

    @Test
    void randomActions_neverThrow_neverShowANonNumber_andTransfersConserveEquity(FxRobot robot, @TempDir Path dir)
            throws Exception {
        run(robot, dir, ACTIONS, SEED);
    }

    /**
     * The long run of the bench profile ({@code mvn -B -pl app -am -Pbench verify
     * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=MonkeyUiTest}): {@code monkey.long.actions}
     * (default 10,000) actions with another seed; prints how many of each kind ran.
     */
    @Test
    @org.junit.jupiter.api.Tag("benchmark")
    void longRun(FxRobot robot, @TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        int[] kinds = run(robot, dir, Integer.getInteger("monkey.long.actions", 10_000), SEED + 1);
        System.out.printf(Locale.ROOT, "MONKEY %d actions (seed %d) in %.0f s, by kind %s: no exception, no NaN, equity conserved%n",
                java.util.Arrays.stream(kinds).sum(), SEED + 1, (System.nanoTime() - start) / 1e9,
                java.util.Arrays.toString(kinds));
    }

    /** @return how many actions of each kind ran */
    private int[] run(FxRobot robot, Path dir, int actions, long seed) throws Exception {
        int[] kinds = new int[16];
        Random r = new Random(seed);
        AccountViewModel account = app.account();
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        List<String> venues = Venues.all().stream().map(v -> v.id()).toList();
        boolean[] dark = {false};
        for (int i = 0; i < actions; i++) {
            int kind = r.nextInt(16);
            kinds[kind]++;
            String[] what = {""};
            BigDecimal[] equityBefore = {null};
            boolean transfer = kind == 6 || kind == 7;
            robot.interact(() -> {
                Evaluation e = account.evaluation();
                equityBefore[0] = e.risk() == null ? null : e.risk().totalEquity();
            });
            switch (kind) {
                case 0, 1, 2 -> robot.interact(() -> {
                    PositionViewModel row = any(account, r);
                    if (row != null) {
                        InputField f = FIELDS[r.nextInt(FIELDS.length)];
                        String v = number(row, f, r);
                        what[0] = "type " + v + " in " + row.id() + "." + f;
                        row.textProperty(f).set(v);
                    }
                });
                case 3 -> robot.interact(() -> {
                    PositionViewModel row = any(account, r);
                    if (row != null) {
                        InputField f = FIELDS[r.nextInt(FIELDS.length)];
                        String v = INVALID[r.nextInt(INVALID.length)];
                        what[0] = "type invalid '" + v + "' in " + row.id() + "." + f;
                        row.textProperty(f).set(v);
                    }
                });
                case 4 -> {
                    what[0] = "Ctrl+Z";
                    robot.push(KeyCode.CONTROL, KeyCode.Z);
                }
                case 5 -> {
                    what[0] = "Ctrl+Y";
                    robot.push(KeyCode.CONTROL, KeyCode.Y);
                }
                case 6 -> robot.interact(() -> {
                    PositionViewModel row = any(account, r);
                    if (row != null) {
                        String delta = Integer.toString(r.nextInt(3001) - 1000);
                        what[0] = "apply a what-if of " + delta + " on " + row.id();
                        row.textProperty(InputField.MARGIN_DELTA).set(delta);
                        row.applyWhatIf();
                        row.resetWhatIf();
                    }
                });
                case 7 -> robot.interact(() -> {
                    PositionViewModel row = any(account, r);
                    if (row != null) {
                        what[0] = "switch the mode of " + row.id();
                        row.toggleMarginMode();
                    }
                });
                case 8 -> robot.interact(() -> {
                    String venue = venues.get(r.nextInt(venues.size()));
                    what[0] = "venue " + venue;
                    account.venueProperty().set(Venues.byId(venue));
                });
                case 9 -> robot.interact(() -> {
                    int t = r.nextInt(tabs.getTabs().size());
                    what[0] = "tab " + tabs.getTabs().get(t).getText();
                    tabs.getSelectionModel().select(t);
                });
                case 10 -> robot.interact(() -> {
                    double shock = -90 + r.nextInt(291);
                    what[0] = "shock " + shock + " %";
                    account.shockSliderProperty().set(shock);
                });
                case 11 -> robot.interact(() -> {
                    if (r.nextBoolean() || account.positions().size() < 2) {
                        what[0] = "add a position";
                        account.addPosition();
                    } else {
                        PositionViewModel row = any(account, r);
                        what[0] = "remove " + row.id();
                        account.remove(row);
                    }
                });
                case 12 -> robot.interact(() -> {
                    dark[0] = !dark[0];
                    what[0] = dark[0] ? "dark theme" : "light theme";
                    Application.setUserAgentStylesheet(dark[0] ? new PrimerDark().getUserAgentStylesheet()
                            : new PrimerLight().getUserAgentStylesheet());
                });
                case 13 -> {
                    Path file = dir.resolve("monkey-" + i + ".marginlab");
                    what[0] = "save as " + file.getFileName() + " and open it again";
                    robot.interact(() -> {
                        try {
                            Files.writeString(file, WorkspaceFile.toJson(account.toWorkspaceLenient()));
                            app.account().markSaved();
                            app.open(file);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
                case 14 -> {
                    what[0] = "Ctrl+M";
                    robot.push(KeyCode.CONTROL, KeyCode.M);
                }
                default -> robot.interact(() -> {
                    PositionViewModel row = any(account, r);
                    if (row != null) {
                        what[0] = "select " + row.id();
                        account.selectedProperty().set(row);
                    }
                });
            }
            WaitForAsyncUtils.waitForFxEvents();
            String where = "seed " + seed + ", action " + i + ": " + what[0];
            assertThat(uncaught).as(where).isEmpty();
            List<String> bad = new ArrayList<>();
            robot.interact(() -> texts(scene.getRoot(), bad));
            assertThat(bad).as(where).isEmpty();
            if (transfer && equityBefore[0] != null) {
                robot.interact(() -> {
                    Evaluation e = account.evaluation();
                    if (e.risk() != null) {
                        assertThat(e.risk().totalEquity()).as(where + ": total equity").isEqualByComparingTo(equityBefore[0]);
                    }
                });
            }
        }
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        return kinds;
    }

    /** Collects every visible text that shows a non-number or an exception where a figure or a message belongs. */
    private static void texts(Node node, List<String> bad) {
        if (!node.isVisible()) {
            return;
        }
        // an input cell shows what the user typed there ("NaN" typed as an entry price is theirs)
        if (node instanceof Labeled l && l.getText() != null
                && !(node instanceof javafx.scene.control.cell.TextFieldTableCell)) {
            // what the user typed, quoted back in a message ("(got NaN)"), is theirs, not a figure
            String t = l.getText().replaceAll("\\(got [^)]*\\)", "(got …)");
            if (t.contains("NaN") || t.contains("Infinity") || t.matches(".*\\bnull\\b.*") || t.contains("Exception")) {
                bad.add((node.getId() == null ? node.getClass().getSimpleName() : "#" + node.getId()) + ": " + t);
            }
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                texts(c, bad);
            }
        }
    }
}
