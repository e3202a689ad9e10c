package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Headless (Monocle) test of the real application start: the window opens on the bundled sample. */
@ExtendWith(ApplicationExtension.class)
class MarginLabAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        System.setProperty("marginlab.locale", "en-US");
        this.stage = stage;
        new MarginLabApp().start(stage);
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
