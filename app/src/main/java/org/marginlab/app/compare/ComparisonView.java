package org.marginlab.app.compare;

import org.marginlab.app.ui.LazyTab;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.TableFit;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;

import atlantafx.base.theme.Styles;

/**
 * The "isolated vs cross" tab: the options (isolated split, cross wallet, liquidation fee), the
 * table of both sides per position with the differences highlighted, one sentence per position,
 * each side's outcome with its ordered liquidations at the current shock, and the
 * equity-versus-shock chart. It only binds to {@link ComparisonViewModel} and forwards the
 * options; the price shock itself is the account bar's.
 *
 * <p>While the view-model is {@link ComparisonViewModel#updatingProperty() updating} (its
 * figures for a newer edit or shock are being computed off the JavaFX thread), the figures below
 * the options are those of the account before. Once that has lasted {@link #STALE_AFTER} (the
 * figures of a few hundred positions usually land sooner, so typing does not make them flicker),
 * a veil over them ({@code #comparisonVeil}) shows with the {@code :stale} pseudo-class (dimming
 * them, {@code app.css}) and {@code #comparisonUpdating} says "Updating…"; both go as soon as
 * the new figures land. Used on the JavaFX application thread only.
 */
public final class ComparisonView extends VBox {
    private static final PseudoClass GONE = PseudoClass.getPseudoClass("account-gone");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    /** How long the comparison may be updating before its figures are shown as out of date. */
    public static final javafx.util.Duration STALE_AFTER = javafx.util.Duration.millis(120);

    /** Whether the figures are shown as out of date: updating for longer than {@link #STALE_AFTER}. */
    private final javafx.beans.property.BooleanProperty staleShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "staleShown", false);

    /**
     * The tab for {@link MainView}, built the first time it is shown.
     *
     * @param account  the account to compare, not null
     * @param worker   runs the comparison's walks, not null (a background thread)
     * @param fx       hands them back to the JavaFX thread, not null ({@code Platform::runLater})
     * @return the lazy tab, never null
     */
    public static LazyTab tab(AccountViewModel account, java.util.concurrent.Executor worker,
            java.util.concurrent.Executor fx) {
        return new LazyTab("Isolated vs cross", "compareTab", "mdi2s-scale-balance",
                () -> new ComparisonView(new ComparisonViewModel(account, worker, fx)));
    }

    /**
     * @param model  the comparison's view-model, not null
     */
    public ComparisonView(ComparisonViewModel model) {
        setId("comparisonView");
        getStyleClass().add("comparison-view");
        followShowing(model);
        followUpdating(model);

        Label problem = new Label();
        problem.setId("comparisonProblem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);

        TableView<ComparisonRow> table = table(model);
        ListView<ComparisonRow> sentences = sentences(model);
        // as tall as its rows (two header rows plus one line each), up to about ten rows; the sentences get the rest
        table.prefHeightProperty().bind(Bindings.min(300, Bindings.size(model.rows()).multiply(29).add(72)));
        table.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(6, table, sentences);
        VBox.setVgrow(sentences, Priority.ALWAYS);
        HBox bottom = new HBox(10, isolatedCard(model), crossCard(model), equityChart(model));
        HBox.setHgrow(bottom.getChildren().get(2), Priority.ALWAYS);
        bottom.getStyleClass().add("comparison-bottom");
        // when the window is short, the cards and chart scroll rather than squeeze their lines
        ScrollPane bottomScroll = new ScrollPane(bottom);
        bottomScroll.setId("comparisonBottomScroll");
        bottomScroll.setFitToWidth(true);
        bottomScroll.setFitToHeight(true);
        bottomScroll.getStyleClass().add("editor-scroll");
        SplitPane split = new SplitPane(top, bottomScroll);
        split.getStyleClass().add("comparison-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.44);
        // While new walks are computed, a veil dims the figures of the account before the edit. A
        // childless node takes the pseudo-class: on the split pane it would restyle every cell and
        // chart node below it, twice per edit (about 15 ms each on 200 positions).
        Region veil = new Region();
        veil.setId("comparisonVeil");
        veil.getStyleClass().add("comparison-veil");
        veil.setMouseTransparent(true);
        veil.visibleProperty().bind(staleShown);
        veil.pseudoClassStateChanged(STALE, staleShown.get());
        staleShown.addListener((o, a, b) -> veil.pseudoClassStateChanged(STALE, b));
        // Laid over the split pane by hand, not in a StackPane with it: inside a StackPane a shock
        // step cost 8-12 ms (median) on 200 positions instead of 7.5-7.8 (UI latency benchmark).
        split.setId("comparisonFigures");
        VBox.setVgrow(split, Priority.ALWAYS);
        veil.setManaged(false);
        split.boundsInParentProperty().addListener((o, a, b) ->
                veil.resizeRelocate(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
        getChildren().addAll(options(model), problem, split, veil);
    }

    // ---- options ----------------------------------------------------------------------------

    private FlowPane options(ComparisonViewModel model) {
        ChoiceBox<IsolatedSplit> split = new ChoiceBox<>(FXCollections.observableArrayList(IsolatedSplit.values()));
        split.setId("splitChoice");
        split.setConverter(converter(ComparisonViewModel::label));
        split.valueProperty().bindBidirectional(model.splitProperty());
        split.setTooltip(new Tooltip("Isolated side: keep each position's margin as entered (a cross position gets its "
                + "initial margin), or split the same total in proportion to the initial margins."));

        ChoiceBox<CrossWallet> wallet = new ChoiceBox<>(FXCollections.observableArrayList(CrossWallet.values()));
        wallet.setId("crossWalletChoice");
        wallet.setConverter(converter(ComparisonViewModel::label));
        wallet.valueProperty().bindBidirectional(model.crossWalletProperty());
        wallet.setTooltip(new Tooltip("Cross side: the workspace's cross wallet plus the isolated margins (the same "
                + "money, now shared), or only the isolated side's total margin (the same capital at risk)."));

        ChoiceBox<ComparisonViewModel.FeeChoice> fee = new ChoiceBox<>(
                FXCollections.observableArrayList(ComparisonViewModel.FEE_CHOICES));
        fee.setId("feeChoice");
        fee.valueProperty().bindBidirectional(model.feeProperty());
        fee.setTooltip(new Tooltip("Teaching model of a liquidation's fee: the share of the closed position's "
                + "maintenance margin the venue keeps. Keeping all of it closes a cross account at once; less shows a "
                + "partial cascade."));

        // always laid out (only shown while updating), so that it never moves the options
        Label updating = new Label("Updating…", new FontIcon("mdi2c-clock-outline"));
        updating.setId("comparisonUpdating");
        updating.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING, "stale-badge");
        updating.setMinWidth(Region.USE_PREF_SIZE);
        updating.setTooltip(new Tooltip("The comparison is being recomputed for the last edit; the dimmed figures "
                + "are those before it."));
        updating.visibleProperty().bind(staleShown);
        // each choice beside its caption; the pairs wrap to a second line when the window is narrow
        for (Region choice : List.of(split, wallet, fee)) {
            choice.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(16, 6, pair(caption("Isolated side", "mdi2l-lock-outline"), split),
                pair(caption("Cross wallet", "mdi2w-wallet-outline"), wallet),
                pair(caption("Liquidation fee", "mdi2c-cash-minus"), fee), updating);
        bar.getStyleClass().add("options-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWrapLength(600);
        bar.setMinHeight(Region.USE_PREF_SIZE);
        return bar;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static HBox pair(Label caption, javafx.scene.Node control) {
        HBox box = new HBox(8, caption, control);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label caption(String text, String icon) {
        Label l = new Label(text, new FontIcon(icon));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The equity chart, with right-click → Save chart as PNG…. */
    private static EquityChart equityChart(ComparisonViewModel model) {
        EquityChart chart = new EquityChart(model.chart());
        org.marginlab.app.ui.ExportMenus.chart(chart);
        return chart;
    }

    // ---- table ------------------------------------------------------------------------------

    private static TableView<ComparisonRow> table(ComparisonViewModel model) {
        TableView<ComparisonRow> table = new TableView<>(model.rows());
        table.setId("comparisonTable");
        table.getStyleClass().addAll("comparison-table", Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No positions to compare."));
        org.marginlab.app.ui.ExportMenus.table(table);
        TableFit.headersInFull(table);

        TableColumn<ComparisonRow, String> position = new TableColumn<>();
        position.setGraphic(header("Position", "The position's id, symbol and side, as entered."));
        position.setCellValueFactory(c -> constant(c.getValue().label()));
        // the whole label, id, symbol and side
        position.setCellFactory(c -> TableFit.textCell());
        position.setPrefWidth(180);
        table.getColumns().add(position);
        table.getColumns().add(group(constant("Liquidation price"), "Liquidation", ComparisonRow::liquidationPriceProperty,
                "The mark at which this position is liquidated on its own margin; in red, 'liq.' and the shock that did it.",
                "The mark at which the shared account is liquidated with the others' marks held: it moves with "
                        + "every other cross position (the FAQ's cross formula)."));
        table.getColumns().add(group(constant("Distance"), "Distance", ComparisonRow::distanceProperty,
                "How far the mark may move against the position, as a share of the mark, before its own liquidation.",
                "How far this mark may move, others held, before the whole cross account is liquidated."));
        table.getColumns().add(group(constant("Margin ratio"), "MarginRatio", ComparisonRow::marginRatioProperty,
                "This position's maintenance margin over its own margin balance; liquidation at 100 %.",
                "The cross account's maintenance margin over its margin balance (the same for every cross position)."));
        table.getColumns().add(group(Bindings.concat("Maximum loss (", model.currencyProperty(), ")"), "MaxLoss", ComparisonRow::maxLossProperty,
                "An amount lost, shown positive. The most this position can lose: its isolated margin; in red, "
                        + "what it lost when the shock liquidated it.",
                "An amount lost, shown positive. The most a cross position can take with it: the whole cross equity, "
                        + "since every position shares it; in red, what its close took out of the shared wallet."));
        table.getColumns().add(group(Bindings.concat("Capital tied up (", model.currencyProperty(), ")"), "Capital", ComparisonRow::capitalProperty,
                "The margin set aside for this position alone.",
                "Its share of the shared wallet: initial margin at the mark, notional ÷ leverage (what the venue "
                        + "reserves from the available balance)."));
        return table;
    }

    private static ObservableValue<String> constant(String value) {
        return Bindings.createStringBinding(() -> value);
    }

    private static Label header(String text, String explanation) {
        Label l = new Label(text);
        l.setTooltip(new Tooltip(explanation));
        return l;
    }

    private static TableColumn<ComparisonRow, SidePair> group(ObservableValue<String> title, String idPart,
            Function<ComparisonRow, ObservableValue<SidePair>> figure, String isolatedTip, String crossTip) {
        double width = idPart.equals("Liquidation") ? 112 : idPart.equals("MaxLoss") ? 104 : idPart.equals("Capital") ? 96 : 84;
        TableColumn<ComparisonRow, SidePair> group = new TableColumn<>();
        Label heading = header("", "Isolated: " + isolatedTip + "\nCross: " + crossTip);
        heading.textProperty().bind(title);
        group.setGraphic(heading);
        group.getColumns().add(side(figure, true, "isolated" + idPart, isolatedTip, width));
        group.getColumns().add(side(figure, false, "cross" + idPart, crossTip, width));
        return group;
    }

    private static TableColumn<ComparisonRow, SidePair> side(Function<ComparisonRow, ObservableValue<SidePair>> figure,
            boolean isolated,
            String idPrefix, String explanation, double width) {
        TableColumn<ComparisonRow, SidePair> column = new TableColumn<>();
        Label heading = header(isolated ? "Isolated" : "Cross", explanation);
        heading.getStyleClass().add("side-header");
        column.setGraphic(heading);
        // the row's own property: a cell redraws only when its figure changes (rows are updated in place)
        column.setCellValueFactory(c -> figure.apply(c.getValue()));
        column.setSortable(false);
        column.setPrefWidth(width);
        column.setCellFactory(c -> new PairCell(isolated, idPrefix, explanation));
        return column;
    }

    // ---- sentences --------------------------------------------------------------------------

    private static ListView<ComparisonRow> sentences(ComparisonViewModel model) {
        ListView<ComparisonRow> list = new ListView<>(model.rows());
        list.setId("sentences");
        list.getStyleClass().add("sentences");
        list.setPrefHeight(120);
        list.setMinHeight(60);
        list.setFocusTraversable(false);
        list.setTooltip(new Tooltip("What changes between isolated and cross for each position, over the whole "
                + "range of the shock (−90 % … +200 %)."));
        list.setCellFactory(l -> new ListCell<>() {
            private final Label label = wrapping(l, new FontIcon("mdi2t-text-box-outline"));

            @Override
            protected void updateItem(ComparisonRow row, boolean empty) {
                super.updateItem(row, empty);
                label.textProperty().unbind();
                if (empty || row == null) {
                    setGraphic(null);
                    setId(null);
                    return;
                }
                label.textProperty().bind(javafx.beans.binding.Bindings.concat(row.positionId(), ": ",
                        row.sentenceProperty()));
                setId("sentence-" + row.positionId());
                setGraphic(label);
            }
        });
        return list;
    }

    /** A label that wraps at the list's width (its preferred height then counts the lines). */
    private static Label wrapping(ListView<?> list, javafx.scene.Node graphic) {
        Label label = new Label();
        label.setGraphic(graphic);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.prefWidthProperty().bind(list.widthProperty().subtract(34));
        label.maxWidthProperty().bind(label.prefWidthProperty());
        return label;
    }

    // ---- outcome cards ----------------------------------------------------------------------

    private static VBox isolatedCard(ComparisonViewModel model) {
        ListView<CascadeItem> list = events(model.isolatedEvents(), "isolatedList",
                "Isolated positions liquidated at the current shock, in the order the shock reaches them.",
                "None at this shock.");
        VBox card = card("Every position isolated", "mdi2l-lock-outline",
                line(model.isolatedCapitalProperty(), "isolatedCapital",
                        "The isolated margins: the most the isolated positions can lose, all together."),
                line(model.isolatedEquityProperty(), "isolatedEquity",
                        "Free wallet plus the open positions' margin and PnL at the current shock."),
                line(model.isolatedAllGoneAtProperty(), "isolatedAllGoneAt",
                        "The shock at which the last isolated position is liquidated, if any within −90 % … +200 %."),
                outcome(model.isolatedOutcomeProperty(), "isolatedOutcome",
                        "Which positions the current shock has liquidated, in order, or the next to go."),
                list);
        card.getStyleClass().add("isolated-card");
        return card;
    }

    private static VBox crossCard(ComparisonViewModel model) {
        ListView<CascadeItem> list = events(model.crossEvents(), "cascadeList",
                "The cross cascade at the current shock: each close realizes its loss into the shared wallet, "
                        + "which pulls the others' liquidation prices in.",
                "None at this shock.");
        Label goes = outcome(model.crossAccountGoesAtProperty(), "crossAccountGoesAt",
                "The shock at which the cross account runs out of margin and every position is closed.");
        goes.getStyleClass().add("account-goes");
        VBox card = card("Every position cross", "mdi2l-link-variant",
                line(model.crossCapitalProperty(), "crossCapital",
                        "The shared wallet every cross position draws on."),
                line(model.crossEquityProperty(), "crossEquity",
                        "Wallet plus every open position's PnL at the current shock (after the cascade so far)."),
                line(model.crossMarginRatioProperty(), "crossMarginRatio",
                        "The account's maintenance margin over its margin balance at the current shock."),
                goes,
                outcome(model.crossOutcomeProperty(), "crossOutcome",
                        "The cascade the current shock has reached, in order, or the next liquidation."),
                list);
        card.getStyleClass().add("cross-card");
        return card;
    }

    private static VBox card(String title, String icon, javafx.scene.Node... content) {
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().addAll(Styles.TITLE_4, "card-heading");
        VBox card = new VBox(4, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().addAll("card", "outcome-card");
        card.setPrefWidth(330);
        card.setMinWidth(260);
        VBox.setVgrow(content[content.length - 1], Priority.ALWAYS);
        return card;
    }

    private static Label line(ObservableValue<String> value, String id, String explanation) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(value);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(explanation));
        l.getStyleClass().add(Styles.TEXT_SMALL);
        return l;
    }

    private static Label outcome(ObservableValue<String> value, String id, String explanation) {
        Label l = line(value, id, explanation);
        l.getStyleClass().add("outcome");
        return l;
    }

    private static ListView<CascadeItem> events(javafx.collections.ObservableList<CascadeItem> items, String id,
            String explanation, String empty) {
        ListView<CascadeItem> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().addAll("cascade-list", Styles.DENSE);
        Label placeholder = new Label(empty);
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        list.setPrefHeight(90);
        list.setMinHeight(50);
        list.setTooltip(new Tooltip(explanation));
        list.setCellFactory(l -> new ListCell<>() {
            private final Label headline = wrapping(l, null);
            private final Label detail = wrapping(l, null);
            private final VBox box = new VBox(1, headline, detail);

            {
                headline.getStyleClass().add("event-headline");
                detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            }

            @Override
            protected void updateItem(CascadeItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(GONE, !empty && item != null && item.accountGone());
                if (empty || item == null) {
                    setGraphic(null);
                    setId(null);
                    return;
                }
                headline.setText(item.headline());
                detail.setText(item.detail());
                setId(id + "-" + item.order());
                setGraphic(box);
            }
        });
        return list;
    }

    /** {@link #staleShown} follows the model's updating state, {@link #STALE_AFTER} late when it starts. */
    private void followUpdating(ComparisonViewModel model) {
        javafx.animation.PauseTransition delay = new javafx.animation.PauseTransition(STALE_AFTER);
        delay.setOnFinished(e -> staleShown.set(model.updatingProperty().get()));
        model.updatingProperty().addListener((o, a, b) -> {
            if (b) {
                delay.playFromStart();
            } else {
                delay.stop();
                staleShown.set(false);
            }
        });
        if (model.updatingProperty().get()) {
            delay.playFromStart();
        }
    }

    /**
     * Tells the view-model whether the comparison is on screen: in a scene (the main window takes
     * a tab's content out of it while another tab is selected) and visible (so is its container),
     * since recomputing for a hidden comparison is wasted.
     */
    private void followShowing(ComparisonViewModel model) {
        javafx.beans.value.ChangeListener<Boolean> visibility = (o, a, b) -> updateActive(model);
        parentProperty().addListener((o, oldParent, newParent) -> {
            if (oldParent != null) {
                oldParent.visibleProperty().removeListener(visibility);
            }
            if (newParent != null) {
                newParent.visibleProperty().addListener(visibility);
            }
            updateActive(model);
        });
        visibleProperty().addListener(visibility);
        sceneProperty().addListener((o, a, b) -> updateActive(model));
        updateActive(model);
    }

    private void updateActive(ComparisonViewModel model) {
        javafx.scene.Parent parent = getParent();
        model.activeProperty().set(getScene() != null && isVisible() && (parent == null || parent.isVisible()));
    }
}
