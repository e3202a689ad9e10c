package org.marginlab.app.explain.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.app.workspace.WorkspaceFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * The reconcile pane as a user meets it, alone in a 360 x 700 side panel, on the Binance FAQ cross
 * sample (binance-faq-cross.marginlab) evaluated as the app evaluates it. MarginLab's btc-long
 * liquidation price is 26,316.89 (margin-formulas.md §1.1); the venue's 26,350 is 33.11 higher, which
 * a wallet about 33.11 × 109.488 × 0.975 ≈ 3,534 USDT lower gives (0.10 % of the notional
 * 109.488 × 31,967.27 ≈ 3,500,032: within funding's 1 % bound).
 */
@ExtendWith(ApplicationExtension.class)
class ReconcilePaneUiTest {
    private ReconcilePane pane;
    private Stage stage;
    private double[] before;
    private boolean wasMaximized;

    @org.junit.jupiter.api.AfterEach
    void restoreStage() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> {
            if (before != null && !Double.isNaN(before[0]) && before[0] > 0) {
                stage.setWidth(before[0]);
                stage.setHeight(before[1]);
            }
            stage.setMaximized(wasMaximized);
        });
    }
    private final SimpleStringProperty selected = new SimpleStringProperty("btc-long");

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var workspace = WorkspaceFile.read(Path.of("..", "assets", "samples", "binance-faq-cross.marginlab")).workspace();
        Evaluation evaluation = new Evaluator(Locale.US).evaluate(new Drafts(new Formats(Locale.US)).of(workspace), null);
        ReconcileViewModel vm = new ReconcileViewModel(new SimpleObjectProperty<>(evaluation), selected, Locale.US,
                LatestOnly.daemonThread("reconcile-test"), Platform::runLater);
        pane = new ReconcilePane(vm);
        Scene scene = new Scene(pane, 360, 700);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        // the primary stage is shared by the UI test classes: another may have left it maximized or
        // sized; this test's size is given back after it (restoreStage)
        this.stage = stage;
        before = new double[] {stage.getWidth(), stage.getHeight()};
        wasMaximized = stage.isMaximized();
        stage.setMaximized(false);
        stage.setFullScreen(false);
        stage.setWidth(360);
        stage.setHeight(700);
        stage.show();
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    @Test
    void typeTheVenuesNumber_pressEnter_seeTheVerdictAndTheCauses(FxRobot robot) throws Exception {
        type(robot, "#reconcileLiquidationPrice", "26,350");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !robot.lookup("#reconcileVerdict").queryAs(Label.class).getText().isEmpty());
        Label verdict = robot.lookup("#reconcileVerdict").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> verdict.getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(verdict.getText()).startsWith("Explained by funding (also fits: crossWallet): funding paid since entry of 3,534.");
        assertThat(verdict.getStyle()).contains("bold");
        // one row per cause: tier, closeFee, liquidationFee, otherPositions, priceBasis, funding, crossWallet,
        // ruleSetDate, tickRounding
        assertThat(robot.lookup("#reconcileCauses").queryAs(javafx.scene.layout.VBox.class).getChildren()).hasSize(9);
        assertThat(robot.lookup(".reconcile-explains").queryAll()).hasSize(2);
        // it fits the side panel: nothing wider than 360, the verdict wrapped over several lines
        assertThat(pane.getWidth()).isLessThanOrEqualTo(360);
        assertThat(verdict.getWidth()).isLessThanOrEqualTo(360);
        assertThat(verdict.getHeight()).isGreaterThan(3 * verdict.getFont().getSize());
    }

    @Test
    void badInput_isShownUnderTheField_andNothingIsReconciled(FxRobot robot) {
        type(robot, "#reconcileLiquidationPrice", "abc");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#reconcileLiquidationPriceError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("must be a number");
        assertThat(robot.lookup("#reconcileVerdict").queryAs(Label.class).getText()).isEmpty();

        type(robot, "#reconcileLiquidationPrice", "-5");
        robot.clickOn("#reconcileButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error.getText()).isEqualTo("must be > 0");
    }
}
