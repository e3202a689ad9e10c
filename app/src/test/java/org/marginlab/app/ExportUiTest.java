package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.ui.ExportMenus;
import org.marginlab.app.ui.ExportRequest;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Export, headless: the menu and its shortcuts; a chart saved as PNG at twice its size and
 * the positions table as CSV through their context menus' requests (files chosen by the test,
 * written off the JavaFX thread); Print… without a printer says so.
 */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {
    private AppViewModel app;
    private MainView view;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new AppViewModel(Locale.US, new RecentFiles(null), new ScriptedDialogs());
        app.openSample(Samples.COURSE_CROSS_CASCADE);
        Scene scene = MarginLabApp.createScene(app);
        view = (MainView) scene.lookup(".main-view");
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(860);
        stage.show();
    }

    @Test
    void theExportMenuHasItsFourCommandsAndPrintWithoutAPrinterSaysSo(FxRobot robot) {
        Menu file = view.menuBar().getMenus().get(0);
        Menu export = (Menu) file.getItems().stream().filter(i -> "exportMenu".equals(i.getId())).findFirst().orElseThrow();
        assertThat(export.getItems()).extracting(MenuItem::getId)
                .containsExactly("exportPdfItem", "exportCsvMenuItem", "exportPngMenuItem", "printItem");
        assertThat(export.getItems().get(0).getAccelerator().getName()).isEqualTo("Shift+Shortcut+E");
        assertThat(export.getItems().get(3).getAccelerator().getName()).isEqualTo("Shortcut+P");

        // the headless toolkit has no printer: one sentence, no stack trace
        robot.interact(() -> view.exportControls().print(null));
        assertThat(app.messageProperty().get()).isIn(ExportControls.NO_PRINTER,
                "Printing failed: the printer refused the page. Export a PDF instead.")
                .doesNotContain("Exception");
    }

    @Test
    void aChartIsSavedAtTwiceItsSizeAndTheTableAsCsv(FxRobot robot) throws Exception {
        robot.interact(() -> ((TabPane) view.lookup("#mainTabs")).getSelectionModel().select(
                ((TabPane) view.lookup("#mainTabs")).getTabs().stream().filter(t -> "chartsTab".equals(t.getId()))
                        .findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        Node chart = robot.lookup("." + ExportMenus.CHART).query();
        // a snapshot covers the node's visual bounds (its layout bounds and any border drawn outside them)
        Bounds b = chart.getBoundsInLocal();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = ExportControls.snapshot(chart));
        assertThat(shot[0].getWidth()).isCloseTo(2 * b.getWidth(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(shot[0].getHeight()).isCloseTo(2 * b.getHeight(), org.assertj.core.data.Offset.offset(1.0));

        Path png = dir.resolve("chart.png");
        robot.interact(() -> {
            view.exportControls().setChooser((title, suggested, ext) -> Optional.of(png));
            Event.fireEvent(chart, new ExportRequest(chart, ExportRequest.Kind.PNG));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.messageProperty().get().startsWith("Exported"));
        byte[] bytes = Files.readAllBytes(png);
        // the PNG signature, and its width (bytes 16–19 of the IHDR chunk) twice the chart's
        assertThat(bytes[1]).isEqualTo((byte) 'P');
        int width = ((bytes[16] & 0xff) << 24) | ((bytes[17] & 0xff) << 16) | ((bytes[18] & 0xff) << 8) | (bytes[19] & 0xff);
        assertThat((double) width).isCloseTo(2 * b.getWidth(), org.assertj.core.data.Offset.offset(1.0));

        robot.interact(() -> ((TabPane) view.lookup("#mainTabs")).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Path csv = dir.resolve("positions.csv");
        robot.interact(() -> {
            view.exportControls().setChooser((title, suggested, ext) -> Optional.of(csv));
            TableView<?> table = (TableView<?>) view.lookup("#positionsTable");
            assertThat(table.getContextMenu().getItems()).extracting(MenuItem::getId).contains(ExportMenus.CSV_ITEM);
            app.showNotice("");
            Event.fireEvent(table, new ExportRequest(table, ExportRequest.Kind.CSV));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.messageProperty().get().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("id,symbol,side,mode,contract,quantity,entry_price,mark_price,");
        assertThat(lines.get(1)).startsWith("btc-long,BTCUSDT,long,isolated,linear,0.2,60000,");
    }
}
