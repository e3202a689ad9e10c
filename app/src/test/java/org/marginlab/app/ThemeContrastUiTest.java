package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.settings.Preferences;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each theme, switched at run time, reaches every part of the window: the computed colours of the
 * price-shock toolbar, a selected table row, a chart's background and the three risk colours are
 * the theme's own palette colours (read from the theme's looked-up colours, not from a list kept
 * here), and text on them has at least the WCAG AA contrast of 4.5:1 (3:1 for the risk icons, a
 * graphic). Course sample: btc-long (20x, liquidation 4.62 % below) is Safe at 0 %, Warning at
 * −2 % (2.7 % from liquidation) and Liquidated at −5 %.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastUiTest {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private AppViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Themes.apply(Preferences.Theme.LIGHT);
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.COURSE_CROSS_CASCADE);
        stage.setScene(MarginLabApp.createScene(model));
        stage.show();
    }

    @Test
    void everyTheme_colorsTheToolbarSelectedRowChartAndRiskFromItsPalette_withReadableText(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Preferences.Theme theme : Preferences.Theme.values()) {
            robot.interact(() -> Themes.apply(theme));
            shock(robot, "0");
            robot.interact(() -> {
                Color bgDefault = palette("-color-bg-default");
                Color accentSubtle = palette("-color-accent-subtle");
                assertThat(bgDefault).as(theme + " applied").isEqualTo(theme == Preferences.Theme.LIGHT ? Color.web("#ffffff")
                        : theme == Preferences.Theme.DARK ? Color.web("#0d1117") : Color.BLACK);

                Node bar = stage.getScene().lookup("#shockBar");
                Label caption = (Label) bar.lookup(".label");
                expect(problems, theme + " toolbar background", fill(bar), bgDefault);
                contrast(problems, theme + " toolbar text", caption.getTextFill(), background(bar), 4.5);

                Node row = stage.getScene().getRoot().lookupAll("#positionsTable .table-row-cell").stream()
                        .filter(n -> n.getPseudoClassStates().contains(SELECTED)).findFirst().orElseThrow();
                TableCell<?, ?> cell = (TableCell<?, ?>) row.lookup(".table-cell");
                expect(problems, theme + " selected row", fill(cell), accentSubtle);
                contrast(problems, theme + " selected row text", textFill(cell), background(cell), 4.5);
            });
            risk(robot, problems, theme, "0", "-color-success-emphasis");
            risk(robot, problems, theme, "-2", "-color-warning-emphasis");
            risk(robot, problems, theme, "-5", "-color-danger-emphasis");
            shock(robot, "0");

            TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
            robot.interact(() -> tabs.getSelectionModel().select(1));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node options = stage.getScene().lookup(".options-bar");
                Label optionCaption = (Label) options.lookup(".label");
                expect(problems, theme + " comparison options bar", fill(options), palette("-color-bg-default"));
                contrast(problems, theme + " comparison options text", optionCaption.getTextFill(), background(options), 4.5);
                Node plot = stage.getScene().lookup("#equityChart .chart-plot-background");
                Text tick = (Text) stage.getScene().lookup("#equityChart .axis .text");
                expect(problems, theme + " chart background", fill(plot), palette("-color-bg-default"));
                contrast(problems, theme + " chart tick labels", tick.getFill(), background(plot), 4.5);
            });
            robot.interact(() -> tabs.getSelectionModel().select(0));
        }
        robot.interact(() -> Themes.apply(Preferences.Theme.LIGHT));
        assertThat(problems).isEmpty();
    }

    private void risk(FxRobot robot, List<String> problems, Preferences.Theme theme, String shock, String colour) {
        shock(robot, shock);
        robot.interact(() -> {
            Label risk = (Label) stage.getScene().lookup("#riskLevel");
            FontIcon icon = (FontIcon) risk.getGraphic();
            Color card = background(risk);
            expect(problems, theme + " risk icon at " + shock + " %", (Color) icon.getIconColor(), palette(colour));
            contrast(problems, theme + " risk icon at " + shock + " %", icon.getIconColor(), card, 3);
            contrast(problems, theme + " risk text at " + shock + " %", risk.getTextFill(), card, 4.5);
        });
    }

    private void shock(FxRobot robot, String percent) {
        robot.interact(() -> model.account().shockTextProperty().set(percent));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
    }

    /** A palette colour, as the theme resolves it: a probe node styled with it. */
    private Color palette(String lookedUp) {
        Region probe = new Region();
        probe.setStyle("-fx-background-color: " + lookedUp + ";");
        Pane root = (Pane) stage.getScene().getRoot();
        probe.setManaged(false);
        root.getChildren().add(probe);
        probe.applyCss();
        Color c = (Color) probe.getBackground().getFills().get(0).getFill();
        root.getChildren().remove(probe);
        return c;
    }

    /** The fill a node shows: the top visible background fill of it or its nearest ancestor with one. */
    private static Color fill(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            List<Color> fills = fills(n);
            if (!fills.isEmpty()) {
                return fills.get(fills.size() - 1);
            }
        }
        return Color.WHITE;
    }

    /** The colour a user sees behind a node: its fills and its ancestors', translucent ones composited. */
    private static Color background(Node node) {
        List<Color> layers = new ArrayList<>();
        for (Node n = node; n != null; n = n.getParent()) {
            List<Color> fills = fills(n);
            for (int i = fills.size() - 1; i >= 0; i--) {
                layers.add(fills.get(i));
                if (fills.get(i).getOpacity() > 0.99) {
                    Color c = Color.WHITE;
                    for (int k = layers.size() - 1; k >= 0; k--) {
                        c = over(layers.get(k), c);
                    }
                    return c;
                }
            }
        }
        return Color.WHITE;
    }

    private static List<Color> fills(Node n) {
        List<Color> out = new ArrayList<>();
        if (n instanceof Region r && r.getBackground() != null) {
            for (BackgroundFill f : r.getBackground().getFills()) {
                if (f.getFill() instanceof Color c && c.getOpacity() > 0.01) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Color over(Color c, Color bg) {
        double a = c.getOpacity();
        return new Color(c.getRed() * a + bg.getRed() * (1 - a), c.getGreen() * a + bg.getGreen() * (1 - a),
                c.getBlue() * a + bg.getBlue() * (1 - a), 1);
    }

    private static Paint textFill(Parent cell) {
        for (Node n : cell.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                return t.getFill();
            }
        }
        return ((javafx.scene.control.Labeled) cell).getTextFill();
    }

    private static void expect(List<String> problems, String what, Color actual, Color palette) {
        if (!actual.equals(palette)) {
            problems.add(what + ": " + actual + " is not the palette's " + palette);
        }
    }

    private static void contrast(List<String> problems, String what, Paint fg, Color bg, double minimum) {
        Color over = over((Color) fg, bg);
        double ratio = ratio(over, bg);
        if (ratio < minimum) {
            problems.add(String.format(Locale.ROOT, "%s: contrast %.2f:1 < %.1f:1 (%s on %s)", what, ratio, minimum, over, bg));
        }
    }

    /** WCAG 2.1 contrast ratio. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
