package org.marginlab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Headless UI test of the comparison while its walks are computed: the worker is a queue the
 * test runs by hand (on the FX thread), so the "updating" state lasts exactly as long as the test
 * wants. Once the walk has been pending for {@link ComparisonView#STALE_AFTER}, the view dims the
 * figures of the account before the edit and says "Updating…" until the new walks land.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonUpdatingUiTest {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final org.marginlab.app.ui.HeldExecutor worker = new org.marginlab.app.ui.HeldExecutor();
    private AccountViewModel account;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        // results land on the FX thread directly: the test runs the worker there
        ComparisonView view = new ComparisonView(new ComparisonViewModel(account, worker, Runnable::run));
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void runWorker(FxRobot robot) {
        robot.interact(worker::runAll);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the veil over the figures is shown, with the :stale style. */
    private static boolean stale(FxRobot robot) {
        Node veil = robot.lookup("#comparisonVeil").query();
        boolean styled = veil.getPseudoClassStates().contains(STALE);
        assertThat(veil.isVisible()).isEqualTo(styled);
        return styled;
    }

    /** The veil's opacity (app.css: .comparison-veil:stale), 1 when it is not styled. */
    private static double veilOpacity(FxRobot robot) {
        return robot.lookup("#comparisonVeil").query().getOpacity();
    }

    private static boolean updatingShown(FxRobot robot) {
        return robot.lookup("#comparisonUpdating").query().isVisible();
    }

    /** Waits (at most 5 s) until the pending walk is shown as such: after {@link ComparisonView#STALE_AFTER}. */
    private static void awaitUpdatingShown(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> updatingShown(robot)).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the pending walk was never shown as updating", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void whileAWalkIsPending_theFiguresAreDimmedAndSayUpdating_untilItLands(FxRobot robot) {
        // the first walk has not run: nothing is shown as current
        awaitUpdatingShown(robot);
        assertThat(updatingShown(robot)).isTrue();
        assertThat(stale(robot)).isTrue();
        runWorker(robot);
        assertThat(updatingShown(robot)).isFalse();
        assertThat(stale(robot)).isFalse();
        assertThat(veilOpacity(robot)).isEqualTo(1.0);
        assertThat(text(robot, "#crossCapital")).isEqualTo("Shared wallet: 3,300.00 USDT (3 positions).");
        Node updating = robot.lookup("#comparisonUpdating").query();
        double x = updating.localToScene(0, 0).getX();

        // an edit: the old figures stay, dimmed by the veil (app.css: .comparison-veil:stale), with "Updating…"
        robot.interact(() -> account.walletTextProperty().set("700"));
        awaitUpdatingShown(robot);
        assertThat(updatingShown(robot)).isTrue();
        assertThat(robot.lookup("#comparisonUpdating").queryAs(Label.class).getText()).isEqualTo("Updating…");
        assertThat(stale(robot)).isTrue();
        assertThat(veilOpacity(robot)).isLessThan(1.0);
        assertThat(text(robot, "#crossCapital")).isEqualTo("Shared wallet: 3,300.00 USDT (3 positions).");
        assertThat(updating.localToScene(0, 0).getX()).as("the badge does not move the options").isEqualTo(x);

        // the walk lands: the new figures, not dimmed
        runWorker(robot);
        assertThat(updatingShown(robot)).isFalse();
        assertThat(stale(robot)).isFalse();
        assertThat(veilOpacity(robot)).isEqualTo(1.0);
        assertThat(text(robot, "#crossCapital")).isEqualTo("Shared wallet: 3,500.00 USDT (3 positions).");
        assertThat(List.of(text(robot, "#crossAccountGoesAt"))).noneMatch(t -> t.contains("15.3 %"));
    }
}
