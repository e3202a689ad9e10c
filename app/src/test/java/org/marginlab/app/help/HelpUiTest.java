package org.marginlab.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.LabelTexts;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.engine.venue.Venues;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Help opens offline, in the app: the guide's topics, every venue's formulas with their sources,
 * and the shortcuts read from the window's own menus; Report a problem shows the log folder and
 * opens it.
 */
@ExtendWith(ApplicationExtension.class)
class HelpUiTest {
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        stage.setScene(MarginLabApp.createScene(model));
        view = (MainView) stage.getScene().getRoot();
        stage.show();
    }

    @Test
    void helpShowsTheGuideTheFormulasOfEveryVenueAndTheMenusShortcuts(FxRobot robot) {
        HelpWindow[] help = new HelpWindow[1];
        robot.interact(() -> help[0] = HelpWindow.show(null, stage, view.menuBar(), HelpWindow.Page.SHORTCUTS));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = (TabPane) help[0].stage().getScene().getRoot();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(2);
        TableView<?> shortcuts = (TableView<?>) tabs.getTabs().get(2).getContent();
        List<String> rows = new ArrayList<>();
        for (HelpWindow.Shortcut s : HelpWindow.shortcutsOf(view.menuBar())) {
            rows.add(s.action() + " = " + s.keys());
        }
        assertThat(shortcuts.getItems()).hasSize(rows.size());
        assertThat(rows).contains("File → Save = Ctrl+S", "Edit → Undo = Ctrl+Z", "Position → Add position = Ctrl+Shift+N",
                "Apply the margin change = Ctrl+Enter");

        assertThat(LabelTexts.of(tabs.getTabs().get(0).getContent())).contains("What MarginLab answers",
                "Adding or removing margin", "Isolated vs cross");
        String formulas = String.join("\n", LabelTexts.of(tabs.getTabs().get(1).getContent()));
        assertThat(formulas).contains("LP = (WB − TMM1 + UPNL1 + cum − s·Q·entry) / (Q·MMR − s·Q)",
                "Binance FAQ \"How to Calculate Liquidation Price of USD-M Futures Contracts\"; spec §1.1");
        for (var v : Venues.all()) {
            assertThat(robot.lookup("#formulas-" + v.id()).tryQuery()).as(v.id()).isPresent();
        }

        // on a venue with dated rules: its section opens, with its versions and an uncertain reading named
        robot.interact(() -> help[0].showVenue("kucoin"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(robot.lookup("#formulas-kucoin").queryAs(javafx.scene.control.TitledPane.class).isExpanded()).isTrue();
        assertThat(robot.lookup("#versions-kucoin").queryLabeled().getText()).isEqualTo(
                "Versions: kucoin@2021-01-01 (from 2021-01-01); kucoin@2025-05-22 (from 2025-05-22 04:00 UTC)");
        assertThat(String.join("\n", LabelTexts.of(tabs.getTabs().get(1).getContent())))
                .contains("uncertain, §14 #2", "LP = (Q·entry − s·(M + ded)) / (Q·(1 − s·(MMR + LFR)))");

        // asked again: the same window, on the page asked for
        robot.interact(() -> assertThat(HelpWindow.show(help[0], stage, view.menuBar(), HelpWindow.Page.GUIDE))
                .isSameAs(help[0]));
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        robot.interact(() -> help[0].stage().close());
    }

    @Test
    void reportAProblem_showsTheLogFolderAndOpensIt(FxRobot robot) {
        List<String> opened = new ArrayList<>();
        Path logs = Path.of("/tmp/marginlab-logs");
        Alert[] alert = new Alert[1];
        robot.interact(() -> alert[0] = ProblemReport.show(stage, logs, opened::add));
        assertThat(robot.lookup("#logFolderPath").queryAs(TextField.class).getText()).isEqualTo(logs.toString());
        Button open = (Button) alert[0].getDialogPane().lookupButton(alert[0].getButtonTypes().get(0));
        assertThat(open.getText()).isEqualTo("Open log folder");
        robot.interact(open::fire);
        assertThat(opened).containsExactly(logs.toUri().toString());
        assertThat(alert[0].isShowing()).as("opening the folder keeps the dialog").isTrue();
        robot.interact(() -> ((Button) alert[0].getDialogPane().lookupButton(ButtonType.CLOSE)).fire());
    }
}
