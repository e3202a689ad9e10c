package org.marginlab.app.about;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help ▸ About, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class AboutDialogUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("owner")), 400, 300));
        stage.show();
    }

    @Test
    void showsVersionBuildDateRuntimeAndEveryTierTable(FxRobot robot) {
        Alert[] dialog = new Alert[1];
        robot.interact(() -> dialog[0] = AboutDialog.show(stage));
        assertThat(dialog[0].isShowing()).isTrue();
        assertThat(dialog[0].getOwner()).isSameAs(stage);
        assertThat(dialog[0].getTitle()).isEqualTo("About MarginLab");
        assertThat(dialog[0].getHeaderText()).isEqualTo("MarginLab " + BuildInfo.version());
        verifyThat("#aboutVersion", hasText(BuildInfo.version()));
        verifyThat("#aboutBuildDate", hasText(BuildInfo.buildDate()));
        verifyThat("#aboutRuntime", hasText(BuildInfo.runtime()));
        GridPane tables = robot.lookup("#aboutTierTables").queryAs(GridPane.class);
        // a heading row, then venue, symbol, date per table
        assertThat(tables.getChildren()).hasSize(3 * (1 + BuildInfo.tierTables().size()));
        BuildInfo.TierTableDate first = BuildInfo.tierTables().get(0);
        assertThat(tables.getChildren()).filteredOn(n -> n instanceof Label)
                .extracting(n -> ((Label) n).getText())
                .contains(first.venueName(), first.symbol(), first.asOf());

        Button ok = (Button) dialog[0].getDialogPane().lookupButton(ButtonType.OK);
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog[0].isShowing()).isFalse();
    }

    @Test
    void opensWithoutAnOwner(FxRobot robot) {
        Alert[] dialog = new Alert[1];
        robot.interact(() -> dialog[0] = AboutDialog.show(null));
        assertThat(dialog[0].isShowing()).isTrue();
        robot.interact(() -> dialog[0].close());
        Platform.runLater(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog[0].isShowing()).isFalse();
    }
}
