package org.marginlab.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.LabelTexts;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The light first frame: one line per position with its liquidation price, at most twelve. */
@ExtendWith(ApplicationExtension.class)
class StartupShellUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void showsEachPositionsLiquidationPrice(FxRobot robot) {
        AppViewModel app = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        app.openSample(Samples.BINANCE_FAQ_CROSS);
        List<String> texts = show(robot, app);
        // the Binance FAQ cross example (spec vectors): BTCUSDT 26,316.89, ETHUSDT 1,153.26
        assertThat(texts).contains("liquidation price 26,316.89 USDT", "liquidation price 1,153.26 USDT",
                "Opening the workspace…");
        assertThat(texts).noneMatch(t -> t.contains("more positions"));
    }

    @Test
    void aLargeWorkspaceShowsTwelveLinesAndHowManyMore(FxRobot robot) {
        AppViewModel app = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        app.openSample(Samples.BTC_LONG_ISOLATED);
        robot.interact(() -> {
            for (int i = 0; i < 19; i++) {
                app.account().duplicate(app.account().positions().get(0));
            }
        });
        assertThat(app.account().positions()).hasSize(20);
        List<String> texts = show(robot, app);
        assertThat(texts).filteredOn(t -> t.equals("liquidation price 57,228.92 USDT")).hasSize(12);
        assertThat(texts).contains("… and 8 more positions");
    }

    private List<String> show(FxRobot robot, AppViewModel app) {
        robot.interact(() -> {
            stage.setScene(new Scene(new StartupShell(app.workspaceNameProperty(), app.account().positions()), 900, 600));
            stage.show();
        });
        List<String> texts = new ArrayList<>();
        robot.interact(() -> texts.addAll(LabelTexts.of(stage.getScene().getRoot())));
        return texts;
    }
}
