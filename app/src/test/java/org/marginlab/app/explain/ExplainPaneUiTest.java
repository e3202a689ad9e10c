package org.marginlab.app.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.layout.FitProblems;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The Explain panel in the window, on the Binance FAQ cross sample (margin-formulas.md §1.1):
 * btc-long's liquidation price is 26,316.89, from W = WB − TMM1 + UPNL1 with eth-long's
 * TMM1 = 3683.979 × 1335.18 × 10 % − 135,365 = 356,512.508122 and
 * UPNL1 = 3683.979 × (1335.18 − 1456.84) = −448,192.88514, so
 * W = 1,535,443.01 − 356,512.508122 − 448,192.88514 = 730,737.616738 and
 * P = (730,737.616738 + 16,300 − 109.488 × 32,481.98) / (109.488 × 0.025 − 109.488) = 26,316.8933.
 */
@ExtendWith(ApplicationExtension.class)
class ExplainPaneUiTest {
    private Stage stage;
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.BINANCE_FAQ_CROSS);
        model.account().selectedProperty().set(model.account().positions().get(0));
        stage.setScene(MarginLabApp.createScene(model));
        stage.setWidth(1280);
        stage.setHeight(880);
        stage.show();
    }

    /** The steps shown: each step's term, symbolic and substituted formula texts and value text. */
    private record Shown(String term, String symbolic, String substituted, String value) {
    }

    private List<Shown> steps(FxRobot robot) {
        List<Shown> out = new ArrayList<>();
        for (Node n : robot.lookup(".explain-step").queryAll()) {
            String term = ((Label) n.lookup(".explain-step-term")).getText();
            FormulaView sym = (FormulaView) n.lookup(".explain-symbolic");
            FormulaView sub = (FormulaView) n.lookup(".explain-substituted");
            Label value = (Label) n.lookup(".explain-step-value");
            out.add(new Shown(term, sym == null ? "" : sym.text(), sub == null ? "" : sub.text(),
                    value == null ? "" : value.getText()));
        }
        return out;
    }

    private static Shown find(List<Shown> steps, String symbolicStart) {
        return steps.stream().filter(s -> s.symbolic().startsWith(symbolicStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + symbolicStart + " in " + steps));
    }

    /** Opens a figure's derivation as Enter on the focused figure does (the figure may be scrolled out of view). */
    private static void open(FxRobot robot, String id) {
        Node figure = robot.lookup(id).query();
        robot.interact(() -> org.marginlab.app.ui.FigureLink.action(figure).run());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingBtcLiquidationPrice_showsTheSubstitutedBinanceEquationAndEthsTerms(FxRobot robot) {
        verifyThat("#liquidationPrice", hasText("26,316.89 USDT"));
        // the panel is built the first time it opens: nothing of it in the window before
        assertThat(robot.lookup("#explainPane").tryQuery()).isEmpty();
        robot.clickOn("#liquidationPrice");
        assertThat(robot.lookup("#explainPane").query().isVisible()).isTrue();
        verifyThat("#explainTerm", hasText("Liquidation price"));
        verifyThat("#explainSubject", hasText("btc-long"));
        verifyThat("#explainValue", hasText("26,316.89 USDT"));

        List<Shown> steps = steps(robot);
        Shown solve = find(steps, "P_1 = ");
        assertThat(solve.symbolic()).isEqualTo("P_1 = (W + cum − s·B·EP) / (B·MMR − s·B)");
        assertThat(solve.substituted()).isEqualTo("(730737.6167 + 16300 − 1·109.488·32481.98) / (109.488·0.025 − 1·109.488)");
        assertThat(solve.value()).isEqualTo("= 26,316.89 USDT");
        // eth-long's maintenance requirement: N·MMR − cum = 4,918,775.08122 × 0.1 − 135,365 = 356,512.508122
        Shown mmEth = find(steps, "MM_eth-long = ");
        assertThat(mmEth.term()).endsWith("Maintenance requirement of eth-long");
        assertThat(mmEth.substituted()).isEqualTo("4918775.081·0.1 − 135365");
        assertThat(mmEth.value()).isEqualTo("= 356,512.51 USDT");
        Shown upnlEth = find(steps, "UPNL_eth-long = ");
        assertThat(upnlEth.substituted()).isEqualTo("1·3683.979·(1335.18 − 1456.84)");
        assertThat(upnlEth.value()).isEqualTo("= −448,192.89 USDT");
        assertThat(find(steps, "TMM_1 = ").value()).isEqualTo("= 356,512.51 USDT");
        assertThat(find(steps, "UPNL_1 = ").value()).isEqualTo("= −448,192.89 USDT");
        assertThat(find(steps, "W = ").value()).isEqualTo("= 730,737.62 USDT");
    }

    /**
     * The typeset formulas read as their plain form: every formula without a fraction, its labels
     * read left to right, is the plain text (ExprText) less the subscript marks.
     */
    @Test
    void typesetFormulas_readAsTheirPlainForm(FxRobot robot) {
        robot.clickOn("#liquidationPrice");
        int checked = 0;
        for (Node n : robot.lookup(".formula").queryAll()) {
            FormulaView f = (FormulaView) n;
            if (f.lookup(".formula-fraction") != null) {
                continue;
            }
            StringBuilder read = new StringBuilder();
            readLabels(f, read);
            assertThat(read.toString()).isEqualTo(f.text().replace("_", ""));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static void readLabels(Node n, StringBuilder out) {
        if (n instanceof Label l) {
            out.append(l.getText());
        } else if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                readLabels(c, out);
            }
        }
    }

    @Test
    void lastStep_scrollsFullyIntoView_at1024x700(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        open(robot, "#liquidationPrice");
        javafx.scene.control.ScrollPane scroll = robot.lookup("#explainScroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            scroll.setVvalue(1);
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> steps = new ArrayList<>(robot.lookup(".explain-step").queryAll());
        Node last = steps.get(steps.size() - 1);
        javafx.geometry.Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds step = last.localToScene(last.getLayoutBounds());
        assertThat(step.getMaxY()).as("last step's bottom within the scroll pane (%s)", viewport)
                .isLessThanOrEqualTo(viewport.getMaxY() + 1);
        javafx.geometry.Bounds window = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(),
                stage.getScene().getHeight());
        javafx.geometry.Bounds summary = robot.lookup("#accountSummary").query().localToScene(
                robot.lookup("#accountSummary").query().getLayoutBounds());
        assertThat(viewport.getMaxY()).as("scroll pane above the account summary").isLessThanOrEqualTo(summary.getMinY() + 1);
        assertThat(window.contains(viewport.getMaxX() - 1, viewport.getMaxY() - 1)).isTrue();
    }

    @Test
    void selectingAnotherPosition_followsToTheSameFigure(FxRobot robot) {
        robot.clickOn("#liquidationPrice");
        robot.interact(() -> model.account().selectedProperty().set(model.account().positions().get(1)));
        verifyThat("#explainSubject", hasText("eth-long"));
        // the FAQ's ETHUSDT liquidation price in the same example: 1,153.26
        verifyThat("#explainValue", hasText("1,153.26 USDT"));
    }

    @Test
    void typingANewMark_updatesTheDerivation(FxRobot robot) {
        open(robot, "#unrealizedPnl");
        // 109.488 × (31967.27 − 32481.98) = −56,354.56848
        verifyThat("#explainValue", hasText("−56,354.57 USDT"));
        robot.clickOn("#markPrice");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("32000");
        WaitForAsyncUtils.waitForFxEvents();
        // 109.488 × (32000 − 32481.98) = 109.488 × −481.98 = −52,771.02624
        verifyThat("#explainValue", hasText("−52,771.03 USDT"));
        Shown upnl = find(steps(robot), "UPNL = ");
        assertThat(upnl.substituted()).isEqualTo("1·109.488·(32000 − 32481.98)");
    }

    @Test
    void copyAsMarkdown_putsTheNumberedListOnTheClipboard(FxRobot robot) {
        robot.clickOn("#liquidationPrice");
        robot.clickOn("#explainCopy");
        robot.clickOn("#explainCopyMarkdown");
        WaitForAsyncUtils.waitForFxEvents();
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        assertThat(text[0]).startsWith("### Liquidation price of btc-long = 26,316.89 USDT (binance-usdm@");
        assertThat(text[0]).contains("**Maintenance of the other cross positions** `TMM_1 = MM_eth-long` = 356512.5081"
                + " = 356,512.51 USDT — *margin-formulas.md §1.1*");
        assertThat(text[0]).contains("**Liquidation price, solve 1** `P_1 = (W + cum − s·B·EP) / (B·MMR − s·B)` = "
                + "(730737.6167 + 16300 − 1·109.488·32481.98) / (109.488·0.025 − 1·109.488) = 26,316.89 USDT");
    }

    @Test
    void escCloses_ctrlEOpensOnTheFocusedFigure_andACostSaysItIsNotDerived(FxRobot robot) {
        robot.clickOn("#notional");
        verifyThat("#explainTerm", hasText("Notional"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(robot.lookup("#explainPane").query().isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#initialMargin").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.E);
        verifyThat("#explainTerm", hasText("Initial margin"));
        // IM = 109.488 × 32,481.98 / 10 = 355,638.70262
        verifyThat("#explainValue", hasText("355,638.70 USDT"));
        // Ctrl+E again, the figure still focused: the panel closes
        robot.push(KeyCode.CONTROL, KeyCode.E);
        assertThat(robot.lookup("#explainPane").query().isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#accountTotalEquity").query().requestFocus());
        robot.push(KeyCode.ENTER);
        verifyThat("#explainSubject", hasText("Account"));
        verifyThat("#explainTerm", hasText("Total equity"));
        robot.interact(() -> model.account().positions().get(0).textProperty(
                org.marginlab.app.model.InputField.TAKER_FEE_RATE).set("0.0005"));
        Node fee = robot.lookup("#feeToClose").query();
        robot.interact(() -> fee.requestFocus());
        robot.push(KeyCode.ENTER);
        assertThat(robot.lookup("#explainMessage").queryAs(Label.class).getText())
                .startsWith("Fee to close is not derived by the engine's rule set yet");
    }

    @Test
    void panelOpen_fitsAt1024x700And1920x1080_lightAndDark(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (String theme : new String[] {"light", "dark"}) {
            for (int[] size : new int[][] {{1024, 700}, {1920, 1080}}) {
                robot.interact(() -> {
                    Application.setUserAgentStylesheet(theme.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                            : new PrimerLight().getUserAgentStylesheet());
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                open(robot, "#liquidationPrice");
                robot.interact(() -> {
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    for (String p : FitProblems.of(stage.getScene().getRoot())) {
                        problems.add(theme + " " + size[0] + "×" + size[1] + ": " + p);
                    }
                });
            }
        }
        assertThat(problems).as("text that does not fit with the Explain panel open").isEmpty();
    }
}
