package org.marginlab.app.account;

import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.util.Locale;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless UI test of a transfer as a user meets it: on the Binance FAQ cross sample, Ctrl+M
 * switches btc-long to isolated; the account bar shows the wallet its initial margin left, the
 * same total equity, and the status line names the amount and the other position's new
 * liquidation price. Figures: {@code OneEvaluationReproductionsTest} and the README.
 */
@ExtendWith(ApplicationExtension.class)
class TransferUiTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.BINANCE_FAQ_CROSS);
        MainView view = new MainView(model, () -> { });
        Scene scene = new Scene(view, 1280, 880);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void ctrlM_movesTheInitialMarginOutOfTheWallet_andSaysWhatMoved(FxRobot robot) {
        verifyThat("#accountWallet", hasText("1,535,443.01 USDT"));
        verifyThat("#accountTotalEquity", hasText("1,030,895.56 USDT"));
        robot.clickOn("#quantity");
        robot.push(KeyCode.CONTROL, KeyCode.M);
        // IM at entry 109.488 · 32,481.98 / 10 = 355,638.702624 leaves the wallet
        verifyThat("#accountWallet", hasText("1,179,804.31 USDT"));
        verifyThat("#accountTotalEquity", hasText("1,030,895.56 USDT"));
        String notice = robot.lookup("#accountNotice").queryAs(Label.class).getText();
        assertThat(notice).startsWith("btc-long is now isolated with 355,638.70 USDT from the cross wallet")
                .contains("eth-long 1,153.26 → 1,222.05");
        assertThat(robot.lookup("#accountNotice").query().isVisible()).isTrue();
        // undo takes it back, wallet and all
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        verifyThat("#accountWallet", hasText("1,535,443.01 USDT"));
    }
}
