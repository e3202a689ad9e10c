package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Edit → Rules as of… on the KuCoin sample: the dialog lists KuCoin's two rule sets; a date
 * before 2025-05-22 brings back the old isolated rule, which the venue box and xbt-long's
 * liquidation price show (54,271.36 → 54,240.00, worked in {@link RulesAsOfTest}); Ctrl+Z
 * returns to the latest rules.
 */
@ExtendWith(ApplicationExtension.class)
class RulesAsOfUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.KUCOIN_RULE_CHANGE);
        stage.setScene(MarginLabApp.createScene(model));
        stage.show();
    }

    @Test
    void aDateBeforeTheChangeShowsTheOldRules(FxRobot robot) {
        assertThat(robot.lookup("#liquidationPrice").queryLabeled().getText()).isEqualTo("54,271.36 USDT");
        @SuppressWarnings("unchecked")
        ComboBox<Object> venue = robot.lookup("#venue").queryAs(ComboBox.class);
        assertThat(venue.getConverter().toString(venue.getValue())).isEqualTo("KuCoin · rules of 2025-05-22");

        robot.clickOn("Edit").clickOn("Rules as of…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rulesVersions").queryAs(Label.class).getText()).isEqualTo(
                "KuCoin rule sets: kucoin@2021-01-01 (from 2021-01-01); kucoin@2025-05-22 (from 2025-05-22 04:00 UTC)");
        CheckBox latest = robot.lookup("#rulesLatest").queryAs(CheckBox.class);
        assertThat(latest.isSelected()).isTrue();
        robot.clickOn(latest);
        robot.clickOn(robot.lookup("#rulesAsOfDate").queryAs(DatePicker.class).getEditor()).write("2025-05-01")
                .type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        if (robot.lookup("#rulesLatest").tryQuery().isPresent()) {
            robot.clickOn("OK");
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(venue.getConverter().toString(venue.getValue())).isEqualTo("KuCoin · rules of 2021-01-01");
        assertThat(robot.lookup("#liquidationPrice").queryLabeled().getText()).isEqualTo("54,240.00 USDT");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#liquidationPrice").queryLabeled().getText()).isEqualTo("54,271.36 USDT");
    }
}
