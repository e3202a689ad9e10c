package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * The ladder section as a user meets it, mounted under the whole app's window (so the Account
 * tab's editor, the account bar and Edit → Undo (Ctrl+Z) are the app's own): the workspace
 * position btc-long, BTCUSDT long 0.1 @ 60,000, 10x, isolated on binance-usdm with a maintenance
 * override MMR 0.4 % and maintenance amount 0, cross wallet 10,000 USDT.
 *
 * <p>Worked by hand with the Binance isolated formula (margin-formulas.md; one position, cum 0):
 * long {@code LP = (Q·EP − IM) / (Q·(1 − MMR))}, IM = Q·EP / 10:
 * <ol>
 *   <li>0.1 @ 60,000: EP 60,000, IM 600, LP = (6,000 − 600) / 0.0996 = 54,216.867…, distance
 *       5,783.13 / 60,000 = 9.64 %;</li>
 *   <li>+0.1 @ 57,000: Q 0.2, EP (6,000 + 5,700) / 0.2 = 58,500, IM 1,170,
 *       LP = (11,700 − 1,170) / 0.1992 = 52,861.445…, distance 4,138.55 / 57,000 = 7.26 %;</li>
 *   <li>+0.2 @ 54,000: Q 0.4, EP (11,700 + 10,800) / 0.4 = 56,250, IM 2,250,
 *       LP = (22,500 − 2,250) / 0.3984 = 50,828.313…, distance 3,171.69 / 54,000 = 5.87 %.</li>
 * </ol>
 * The same as {@code marginlab ladder --side long --leverage 10 --mmr 0.004 --fill 0.1@60000
 * --fill 0.1@57000 --fill 0.2@54000} prints (PlannerCommandsTest.ladder_table). "Use as
 * position" then moves 2,250 − 600 = 1,650 from the wallet: 10,000 → 8,350.
 */
@ExtendWith(ApplicationExtension.class)
class LadderUiTest {
    private AppViewModel model;

    static Workspace workspace(String wallet) {
        Position p = Position.builder().id("btc-long").symbol("BTCUSDT").contract(ContractType.LINEAR)
                .contractSize(BigDecimal.ONE).side(Side.LONG).quantity(new BigDecimal("0.1"))
                .entryPrice(new BigDecimal("60000")).markPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.ISOLATED).maintenance(new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO))
                .build();
        return new Workspace("ladder", "binance-usdm", new BigDecimal(wallet), List.of(p));
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.account().load(workspace("10000"));
        MainView app = new MainView(model, () -> { });
        app.setMinHeight(0);
        // the headless screen is 1920x1080: the app above, the ladder section below, both on screen
        BorderPane root = new BorderPane(app, null, null, new LadderPane(new LadderViewModel(model.account())), null);
        Scene scene = new Scene(root, 1400, 1050);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    private static String text(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryTextInputControl().getText();
    }

    private static String label(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryLabeled().getText();
    }

    /** The cell of row {@code index} (from 0) in the column titled {@code column}. */
    private static TableCell<?, ?> row(FxRobot robot, int index, String column) {
        TableView<?> table = robot.lookup("#ladderTable").queryAs(TableView.class);
        for (TableCell<?, ?> c : robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (c.getIndex() == index && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())) {
                return c;
            }
        }
        throw new AssertionError("no cell " + index + " " + column);
    }

    /** The texts the table shows in row {@code index} (from 0), the input cells' typed text included. */
    private static List<String> row(FxRobot robot, int index) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#ladderTable").queryAs(TableView.class);
        for (TableRow<?> r : robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class)) {
            if (r.getIndex() == index && r.getItem() != null) {
                List<String> texts = new ArrayList<>();
                for (TableCell<?, ?> c : robot.from(r).lookup(".table-cell").queryAllAs(TableCell.class)) {
                    texts.add(c.getGraphic() instanceof javafx.scene.control.TextField f ? f.getText()
                            : c.getText() == null ? "" : c.getText());
                }
                return texts;
            }
        }
        throw new AssertionError("no row " + index);
    }

    @Test
    void threeFills_thenUseAsPosition_thenUndo(FxRobot robot) {
        // prefilled with the selected position: 0.1 at 60,000
        assertThat(row(robot, 0)).containsExactly("1", "60000", "0.1", "", "0.1", "60,000.00", "600.00 USDT", "54,216.87",
                "9.64 %", "");
        robot.clickOn("#ladderAdd");
        replaceText(robot, "#ladderPrice2", "57000");
        replaceText(robot, "#ladderQuantity2", "0.1");
        robot.clickOn("#ladderAdd");
        replaceText(robot, "#ladderPrice3", "54000");
        replaceText(robot, "#ladderQuantity3", "0.2");

        assertThat(row(robot, 1)).containsExactly("2", "57000", "0.1", "", "0.2", "58,500.00", "1,170.00 USDT", "52,861.45",
                "7.26 %", "");
        assertThat(row(robot, 2)).containsExactly("3", "54000", "0.2", "", "0.4", "56,250.00", "2,250.00 USDT", "50,828.31",
                "5.87 %", "");
        assertThat(robot.lookup("#ladderWarnings").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#ladderErrors").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn("#ladderUse");
        assertThat(text(robot, "#quantity")).isEqualTo("0.4");
        assertThat(text(robot, "#entryPrice")).isEqualTo("56250");
        assertThat(text(robot, "#isolatedMargin")).isEqualTo("2250");
        assertThat(label(robot, "#accountWallet")).isEqualTo("8,350.00 USDT");
        assertThat(robot.lookup("#ladderNotice").queryAs(Label.class).getText())
                .isEqualTo("btc-long is now the ladder's position, isolated with 2,250.00 USDT (wallet 10,000.00 USDT → 8,350.00 USDT).");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(text(robot, "#quantity")).isEqualTo("0.1");
        assertThat(text(robot, "#entryPrice")).isEqualTo("60000");
        assertThat(text(robot, "#isolatedMargin")).isEqualTo("600");
        assertThat(label(robot, "#accountWallet")).isEqualTo("10,000.00 USDT");
        // the ladder is the planner's own: undoing the position leaves the three fills as typed
        assertThat(row(robot, 2).get(5)).isEqualTo("56,250.00");
    }

    @Test
    void aBadCellIsNamed_andAFillBeyondTheLiquidationPriceIsWarned(FxRobot robot) {
        robot.clickOn("#ladderAdd");
        replaceText(robot, "#ladderPrice2", "-1");
        replaceText(robot, "#ladderQuantity2", "0.1");
        assertThat(label(robot, "#ladderErrors")).isEqualTo("fill 2: price must be > 0 (got -1)");
        assertThat(robot.lookup("#ladderUse").queryButton().isDisabled()).isTrue();

        // 53,000 lies below the liquidation price 54,216.87 after fill 1
        replaceText(robot, "#ladderPrice2", "53000");
        assertThat(robot.lookup("#ladderErrors").queryAs(Label.class).isVisible()).isFalse();
        assertThat(row(robot, 1).get(9)).isEqualTo("beyond liq.");
        assertThat(label(robot, "#ladderWarnings")).isEqualTo("fill 2 at 53,000.00 lies at or beyond the liquidation price 54,216.87 after "
                + "fill 1: the position would be liquidated before it fills");

        // the Delete key removes the selected fill
        robot.clickOn((javafx.scene.Node) row(robot, 1, "Distance"));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ladderTable").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#ladderWarnings").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void moreMarginThanTheWalletHolds_isRefusedWithTheAppsMessage(FxRobot robot) {
        robot.interact(() -> model.account().load(workspace("1000")));
        robot.clickOn("#ladderAdd");
        replaceText(robot, "#ladderPrice2", "57000");
        replaceText(robot, "#ladderAmount2", "5700");
        robot.clickOn("#ladderAdd");
        replaceText(robot, "#ladderPrice3", "54000");
        replaceText(robot, "#ladderQuantity3", "0.2");
        robot.clickOn("#ladderUse");
        // 2,250 − 600 = 1,650 is more than the 1,000 the wallet can give
        assertThat(robot.lookup("#ladderNotice").queryAs(Label.class).getText())
                .startsWith("Cannot use the ladder as btc-long: ").contains("maxAddableMargin 1000").contains("1650");
        assertThat(text(robot, "#quantity")).isEqualTo("0.1");
        assertThat(label(robot, "#accountWallet")).isEqualTo("1,000.00 USDT");
    }
}
