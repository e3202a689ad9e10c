package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.layout.FitProblems;
import org.marginlab.engine.MarginEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * The ladder section alone in a 1024×700 window (the smallest {@code LayoutFitUiTest} checks),
 * with three fills, an error (then a warning) on screen: no text is clipped or ellipsized.
 */
@ExtendWith(ApplicationExtension.class)
class LadderFitUiTest {
    private LadderViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(LadderUiTest.workspace("10000"));
        vm = new LadderViewModel(account);
        ScrollPane root = new ScrollPane(new LadderPane(vm));
        root.setFitToWidth(true);
        scene = new Scene(root, 1024, 700);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void everyTextIsShownInFull(FxRobot robot) {
        robot.interact(() -> {
            vm.addRow();
            vm.rows().get(1).priceProperty().set("53000");
            vm.rows().get(1).amountProperty().set("5300");
            vm.addRow();
            vm.rows().get(2).priceProperty().set("-1");
            vm.rows().get(2).quantityProperty().set("0.2");
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        // 53,000 lies below the liquidation price 54,216.87 after fill 1; fill 3's price is refused
        assertThat(vm.errorsProperty().get()).isEqualTo("fill 3: price must be > 0 (got -1)");
        assertThat(FitProblems.of(scene.getRoot())).isEmpty();
        robot.interact(() -> vm.rows().get(2).priceProperty().set("54000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.warningsProperty().get()).startsWith("fill 2 at 53,000.00 lies at or beyond the liquidation price 54,216.87");
        assertThat(FitProblems.of(scene.getRoot())).isEmpty();
    }
}
