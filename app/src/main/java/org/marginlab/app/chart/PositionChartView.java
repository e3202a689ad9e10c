package org.marginlab.app.chart;

import org.marginlab.app.ui.LazyTab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.chart.MarkedLineChart.LabelPlace;
import org.marginlab.app.chart.MarkedLineChart.Vertical;
import org.marginlab.app.chart.PositionChartData.Marker;
import org.marginlab.app.chart.PositionChartData.TierLine;

/**
 * The per-position charts: unrealized PnL and margin ratio against the mark price, one above
 * the other on the same price range, with labelled markers at the entry, mark, liquidation and
 * bankruptcy prices, faint lines at tier changes, the liquidation threshold (100 %) and a
 * crosshair that reads the values under the cursor. It only builds nodes, pushes the
 * {@link PositionChartViewModel}'s snapshots into them and forwards the cursor position; every
 * number and text comes from the view-model.
 *
 * <p>Node ids: {@code #pnlChart}, {@code #marginRatioChart}, {@code #chartTitle},
 * {@code #chartMessage}, {@code #chartHover}, {@code #chartCaption}, {@code #chartPlaceholder};
 * marker labels {@code #marker-entry}, {@code #marker-mark}, {@code #marker-liquidation},
 * {@code #marker-bankruptcy} (on the PnL chart).
 */
public final class PositionChartView extends BorderPane {
    private static final String HOVER_HINT = "Move the cursor over a chart to read the values at a price.";

    private final PositionChartViewModel vm;
    private final MarkedLineChart pnlChart = new MarkedLineChart("pnlChart", "Unrealized PnL");
    private final MarkedLineChart ratioChart = new MarkedLineChart("marginRatioChart", "Margin ratio");
    private final Label title = new Label();
    private final Label message = new Label();
    private final Label hover = new Label(HOVER_HINT);
    private final Label caption = new Label();
    private final Label placeholder = new Label();
    private final VBox charts;

    /**
     * @param vm  the view-model, not null
     */
    public PositionChartView(PositionChartViewModel vm) {
        this.vm = vm;
        getStyleClass().add("position-chart-view");
        title.setId("chartTitle");
        title.getStyleClass().add("chart-heading");
        message.setId("chartMessage");
        message.getStyleClass().add("chart-message");
        hover.setId("chartHover");
        hover.getStyleClass().add("chart-hover");
        hover.setMaxWidth(Double.MAX_VALUE);
        caption.setId("chartCaption");
        caption.getStyleClass().add("chart-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        placeholder.setId("chartPlaceholder");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());

        pnlChart.setXAxisTitleVisible(false);
        VBox.setVgrow(pnlChart, Priority.ALWAYS);
        VBox.setVgrow(ratioChart, Priority.ALWAYS);
        charts = new VBox(pnlChart, ratioChart, caption);
        charts.getStyleClass().add("chart-stack");
        // right-click → Save chart as PNG… (both panels and the caption)
        org.marginlab.app.ui.ExportMenus.chart(charts);
        setTop(new VBox(title, message, hover));
        getTop().getStyleClass().add("chart-header");
        // each chart tall enough for its axis title; a short window scrolls them
        pnlChart.setMinHeight(220);
        ratioChart.setMinHeight(220);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(charts);
        scroll.setId("chartScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("editor-scroll");
        scroll.visibleProperty().bind(charts.visibleProperty());
        setCenter(new StackPane(scroll, placeholder));

        for (MarkedLineChart chart : List.of(pnlChart, ratioChart)) {
            chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> forwardCursor(chart, e));
            chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> forwardCursor(chart, e));
            chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.clearHover());
        }
        vm.dataProperty().addListener((o, a, b) -> show(b));
        vm.hoverProperty().addListener((o, a, b) -> showHover(b));
        show(vm.dataProperty().get());
        followShowing();
    }

    /**
     * The charts tab for {@link MainView}, built the first time it is shown.
     *
     * @param account  the account whose selected position is charted, not null
     * @return the tab, never null
     */
    public static LazyTab tab(AccountViewModel account) {
        return new LazyTab("Charts", "chartsTab", "mdi2c-chart-line",
                () -> new PositionChartView(new PositionChartViewModel(account)));
    }

    private void forwardCursor(MarkedLineChart chart, MouseEvent e) {
        double price = chart.valueAt(e.getSceneX(), e.getSceneY());
        if (Double.isNaN(price)) {
            vm.clearHover();
        } else {
            vm.hover(price);
        }
    }

    private void show(PositionChartData d) {
        title.setText(d.title());
        message.setText(d.message());
        message.setVisible(!d.message().isEmpty() && !d.isEmpty());
        caption.setText(d.caption());
        placeholder.setText(d.message());
        placeholder.setVisible(d.isEmpty());
        charts.setVisible(!d.isEmpty());
        hover.setVisible(!d.isEmpty());
        if (d.isEmpty()) {
            return;
        }
        StringConverter<Number> priceTicks = ticks(vm::priceTick);
        pnlChart.setAxes(d.priceAxis(), d.pnlAxis(), priceTicks, ticks(vm::pnlTick));
        ratioChart.setAxes(d.priceAxis(), d.ratioAxis(), priceTicks, ticks(vm::ratioTick));
        pnlChart.setPoints(d.size(), d::price, d::pnl);
        ratioChart.setPoints(d.size(), d::price, d::marginRatio);
        ratioChart.setThreshold(d.threshold(), d.thresholdLabel());
        PositionChartData.Zone zone = d.liquidationZone();
        for (MarkedLineChart chart : List.of(pnlChart, ratioChart)) {
            chart.setZone(zone == null ? Double.NaN : zone.from(), zone == null ? Double.NaN : zone.to());
        }

        List<Vertical> top = new ArrayList<>();
        List<Vertical> bottom = new ArrayList<>();
        int row = 0;
        for (Marker m : d.markers()) {
            String id = "marker-" + m.kind().id();
            List<String> classes = List.of(id);
            top.add(new Vertical(id, m.x(), m.label(), LabelPlace.TOP, row++, id, classes, false));
            bottom.add(new Vertical(id, m.x(), null, LabelPlace.NONE, 0, null, classes, false));
        }
        for (TierLine t : d.tierLines()) {
            String key = "tier-" + t.tier();
            top.add(new Vertical(key, t.x(), null, LabelPlace.NONE, 0, null, List.of("tier-boundary"), true));
            bottom.add(new Vertical(key, t.x(), t.label(), LabelPlace.BOTTOM, 0, null,
                    List.of("tier-boundary"), true));
        }
        pnlChart.setVerticals(top);
        ratioChart.setVerticals(bottom);
    }

    private void showHover(PositionChartViewModel.Hover h) {
        hover.setText(h == null ? HOVER_HINT : h.text());
        pnlChart.setCrosshair(h == null ? Double.NaN : h.price(), h == null ? Double.NaN : h.pnl());
        ratioChart.setCrosshair(h == null ? Double.NaN : h.price(), h == null ? Double.NaN : h.marginRatio());
    }

    private static StringConverter<Number> ticks(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : format.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are not parsed");
            }
        };
    }

    /**
     * Tells the view-model whether the charts are on screen: in a scene (the main window takes a
     * tab's content out of it while another tab is selected) and visible (so is its container),
     * since refreshing hidden charts is wasted.
     */
    private void followShowing() {
        ChangeListener<Boolean> visibility = (o, a, b) -> updateActive();
        parentProperty().addListener((o, oldParent, newParent) -> {
            if (oldParent != null) {
                oldParent.visibleProperty().removeListener(visibility);
            }
            if (newParent != null) {
                newParent.visibleProperty().addListener(visibility);
            }
            updateActive();
        });
        visibleProperty().addListener(visibility);
        sceneProperty().addListener((o, a, b) -> updateActive());
        updateActive();
    }

    private void updateActive() {
        Parent parent = getParent();
        vm.activeProperty().set(getScene() != null && isVisible() && (parent == null || parent.isVisible()));
    }
}
