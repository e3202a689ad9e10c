package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.workspace.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * The "done when", as an instructor runs it: File → Open Lesson ▸ 6 (isolated vs cross on
 * three trades) from the bundled course pack; the class predicts BTC's isolated liquidation price,
 * then its cross one, each scored and revealed; step 3 replays the {@code wick-down-12} wick from the
 * navigator's strip; File → Export ▸ PDF handout writes the class handout with the lesson, the
 * answers, the predictions and the score. All offline, headless.
 *
 * <p>Hand-worked (margin-formulas.md §1.1, Binance BTCUSDT tier 1, MMR 0.4 %): isolated
 * LP = (0.2·60,000 − 600)/(0.2·0.996) = 11,400/0.1992 = 57,228.92; cross, the others' maintenance
 * margin 2·3,000·0.004 + 20·150·0.01 = 54: (3,300 − 54 − 12,000)/(0.2·0.004 − 0.2) = 43,945.78.
 * Predictions 57,200 (28.92 off) and 43,900 (45.78 off), both within the questions' 50 USDT (a
 * tolerance that tells the liquidation price from the bankruptcy price, 57,000 and 43,770). The wick crosses 57,228.92 between minute 30 (59,400) and 31 (57,200).
 */
@ExtendWith(ApplicationExtension.class)
class Lesson6EndToEndUiTest {
    private AppViewModel app;
    private MainView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        app = new AppViewModel(Locale.US, new RecentFiles(null), new ScriptedDialogs());
        Scene scene = MarginLabApp.createScene(app);
        view = (MainView) scene.lookup(".main-view");
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(860);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void anInstructorRunsLesson6WithPredictionsAReplayedWickAndExportsTheHandout(FxRobot robot) throws Exception {
        // File → Open Lesson ▸ 6. …: the submenu lists the course pack when it opens (the headless
        // toolkit shows no submenu popup to click, so the listed item is fired)
        javafx.scene.control.Menu file = view.menuBar().getMenus().get(0);
        javafx.scene.control.Menu open = (javafx.scene.control.Menu) file.getItems().stream()
                .filter(i -> "openLessonMenu".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(() -> open.getOnShowing().handle(new javafx.event.Event(javafx.scene.control.Menu.ON_SHOWING)));
        // (the tests' own demo lesson, a test resource, is listed after them)
        assertThat(open.getItems()).extracting(javafx.scene.control.MenuItem::getText).startsWith(
                "1. Isolated margin basics", "2. Leverage vs margin", "3. Adding and removing margin",
                "4. Maintenance tiers and the re-check at the liquidation price", "5. Inverse (coin-margined) contracts",
                "6. Isolated vs cross on the same three trades",
                "7. A wick that liquidates the cross account but not the isolated ones",
                "8. Hedge mode: a long and a short on the same coin", "9. Funding and fees eating the margin");
        robot.interact(() -> open.getItems().get(5).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lessonProgress").tryQuery().isPresent()
                && "Step 1 / 3".equals(text(robot, "#lessonProgress")));
        assertThat(text(robot, "#lessonTitle")).isEqualTo("Isolated vs cross on the same three trades");
        assertThat(text(robot, "#lessonScore")).isEqualTo("No predictions yet");

        // step 1: the isolated liquidation price is hidden until predicted
        assertThat(robot.lookup("#liquidationPrice").queryAs(Label.class).getText()).isEqualTo("?");
        // an export now would show the hidden answer: refused, with a message
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.messageProperty().get()).isEqualTo(ExportControls.HIDDEN);
        robot.clickOn("#prediction-q6-1").write("57,200").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#verdict-q6-1"))
                .isEqualTo("Your prediction 57,200 — answer 57,228.92 (28.92 off, within 50): correct");
        assertThat(robot.lookup("#liquidationPrice").queryAs(Label.class).getText()).isEqualTo("57,228.92 USDT");
        // revealed with its derivation
        assertThat(robot.lookup(".explain-pane").tryQuery()).hasValueSatisfying(p -> assertThat(p.isVisible()).isTrue());
        assertThat(text(robot, "#lessonScore")).isEqualTo("Score 1 / 1");

        // step 2: the same trades in cross
        robot.clickOn("#lessonNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lessonProgress")).isEqualTo("Step 2 / 3");
        assertThat(robot.lookup("#liquidationPrice").queryAs(Label.class).getText()).isEqualTo("?");
        robot.clickOn("#prediction-q6-2").write("43,900").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#verdict-q6-2"))
                .isEqualTo("Your prediction 43,900 — answer 43,945.78 (45.78 off, within 50): correct");
        assertThat(text(robot, "#lessonScore")).isEqualTo("Score 2 / 2");

        // step 3: the wick, replayed from the navigator's strip
        robot.clickOn("#lessonNext");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.replay().loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lessonProgress")).isEqualTo("Step 3 / 3");
        assertThat(text(robot, "#stripTitle")).isEqualTo("Wick down 12 % (2 h, synthetic)");
        assertThat(text(robot, "#stripLiquidated")).isEqualTo("isolated: none · cross: none");
        robot.clickOn("#stripSlider");
        robot.push(KeyCode.HOME);
        for (int i = 0; i < 31; i++) {
            robot.push(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stripTime")).isEqualTo("00:31 UTC");
        assertThat(text(robot, "#stripLiquidated")).isEqualTo("isolated: 1 liquidated · cross: none");
        // the Positions tab follows: btc-long liquidated, the others not
        assertThat(app.account().evaluation().position("btc-long").liquidated()).isTrue();
        assertThat(app.account().evaluation().position("eth-long").liquidated()).isFalse();
        robot.push(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stripTime")).isEqualTo("02:00 UTC");
        assertThat(text(robot, "#stripLiquidated")).isEqualTo("isolated: 1 liquidated · cross: none");

        // File → Export ▸ PDF handout… (Ctrl+Shift+E), the file chosen by the test
        Path pdf = dir.resolve("lesson6-handout.pdf");
        robot.interact(() -> {
            app.showNotice("");
            view.exportControls().setChooser((title, suggested, ext) -> Optional.of(pdf));
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.messageProperty().get().startsWith("Exported"));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Lesson: Isolated vs cross on the same three trades")
                    .contains("Step 1. Three trades, all isolated").contains("Step 3. Replay a wick")
                    .contains("57,228.92 USDT").contains("43,945.78 USDT")
                    .contains("57,200.00").contains("43,900.00").contains("2 / 2 correct")
                    .contains("2026-01-05 00:30:59").doesNotContain("{{");
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(6);
        }
    }
}
