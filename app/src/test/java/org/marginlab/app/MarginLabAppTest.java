package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Parent;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.startup.StartupShell;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle) test of the real application start: the first frame is the light
 * {@link StartupShell}, already with the sample's liquidation price; right after it the main
 * window replaces it, on the bundled sample.
 */
@ExtendWith(ApplicationExtension.class)
class MarginLabAppTest {

    private Stage stage;
    private Parent firstRoot;

    @Start
    void start(Stage stage) {
        System.setProperty("marginlab.locale", "en-US");
        this.stage = stage;
        new MarginLabApp().start(stage);
        firstRoot = stage.getScene().getRoot();
    }

    @BeforeEach
    void waitForTheMainWindow() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof MainView);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void firstFrameIsTheShellWithTheSamplesLiquidationPrice(FxRobot robot) {
        assertThat(firstRoot).isInstanceOf(StartupShell.class);
        assertThat(LabelTexts.of(firstRoot)).contains("MarginLab", "BTC long (isolated)", "long 0.5 BTCUSDT @ 60000",
                "liquidation price 57,228.92 USDT");
    }

    @Test
    void opensOnTheSampleWithItsNameInTheTitle(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("MarginLab — BTC long (isolated)");
        verifyThat("#workspaceName", hasText("BTC long (isolated)"));
    }

    @Test
    void showsTheSamplesHandCheckedFigures(FxRobot robot) {
        // 0.5 BTC long @ 60,000, mark 59,000, 20x, isolated 1,500 (spec workspace-and-cli.md §2.1):
        // LP = 28,500/0.498 = 57,228.9157 (half-up to the cent), MM/MB = 118/1,000.
        verifyThat("#liquidationPrice", hasText("57,228.92 USDT"));
        verifyThat("#marginRatio", hasText("11.80 %"));
        verifyThat("#bankruptcyPrice", hasText("57,000.00 USDT"));
        verifyThat("#effectiveLeverage", hasText("29.50x"));
    }
}
