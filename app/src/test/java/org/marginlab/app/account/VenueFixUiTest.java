package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.venue.Venues;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * After Venue → Bybit on the course sample, eth-long's editor says why it has no figures and
 * offers the fixes: the first opens the maintenance override on its rate field; the second
 * switches the symbol to one Bybit has tiers for, and the figures come back.
 */
@ExtendWith(ApplicationExtension.class)
class VenueFixUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.COURSE_CROSS_CASCADE);
        stage.setScene(MarginLabApp.createScene(model));
        stage.show();
    }

    @Test
    void theEditorOffersBothFixes(FxRobot robot) {
        robot.interact(() -> {
            model.account().venueProperty().set(Venues.byId("bybit-linear"));
            PositionViewModel eth = model.account().positions().stream().filter(p -> p.id().equals("eth-long"))
                    .findFirst().orElseThrow();
            model.account().selectedProperty().set(eth);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node fix = robot.lookup("#tierFixBar").query();
        assertThat(fix.isVisible()).isTrue();
        assertThat(robot.lookup("#tierFix").queryLabeled().getText()).startsWith("ETHUSDT has no maintenance tiers");
        assertThat(robot.lookup("#maintenanceOverride").queryAs(TitledPane.class).isExpanded()).isFalse();

        robot.clickOn("#tierFixRate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#maintenanceOverride").queryAs(TitledPane.class).isExpanded()).isTrue();
        assertThat(robot.lookup("#mmr").queryAs(TextField.class).isFocused()).isTrue();

        robot.clickOn("#tierFixSymbol");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuButton symbols = robot.lookup("#tierFixSymbol").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(symbols.getItems()).extracting(javafx.scene.control.MenuItem::getText).containsExactly("BTCUSDT");
        robot.interact(() -> {
            symbols.hide();
            symbols.getItems().get(0).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tierFixBar").query().isVisible()).isFalse();
        assertThat(robot.lookup("#liquidationPrice").queryLabeled().getText()).endsWith(" USDT").isNotEqualTo("—");
    }
}
