package org.marginlab.app.position;

import static org.marginlab.app.position.PositionNodes.heading;
import static org.marginlab.app.position.PositionNodes.label;
import static org.marginlab.app.position.PositionNodes.muted;
import static org.marginlab.app.position.PositionNodes.tip;

import java.util.Locale;

import org.marginlab.app.model.InputField;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.HeightCache;
import org.marginlab.app.ui.PillPair;
import org.marginlab.app.ui.ReflowPane;
import org.marginlab.app.ui.Wrapping;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;

import atlantafx.base.theme.Styles;

/**
 * The position editor, its live results and the what-if panel. It only builds nodes, binds them
 * to a {@link PositionViewModel} and forwards commands; every rule and number comes from the
 * view-model.
 *
 * <p>Node ids (for tests and CSS): inputs {@code #quantity}, {@code #entryPrice},
 * {@code #markPrice}, {@code #leverage}, {@code #isolatedMargin}, {@code #marginDelta}, their
 * messages {@code #quantityError} …; figures by {@link #idOf(Figure)}, e.g.
 * {@code #liquidationPrice}, {@code #marginRatio}, {@code #liquidationProbability},
 * {@code #breakEvenPrice}; the costs pane {@code #costsPane} and group {@code #costsGroup}
 * ({@link CostsPane}); {@code #marginDeltaSlider}, {@code #applyWhatIf} ({@link WhatIfPane}),
 * {@code #staleBadge}, {@code #status}.
 */
public final class PositionView extends BorderPane {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("near-liquidation");
    private static final PseudoClass LIQUIDATED = PseudoClass.getPseudoClass("liquidated");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final PositionViewModel vm;
    private final PositionFields fields;
    private FigureExplain.Opener explain;

    /**
     * @param vm  the view-model to bind to, not null
     */
    public PositionView(PositionViewModel vm) {
        this.vm = vm;
        this.fields = new PositionFields(vm);
        getStyleClass().add("position-view");
        // side by side when wide; editor | results over what-if when narrow; one scroll bar for all
        // the editor and the what-if keep their heights while nothing in them changes (their
        // wrapping notes are not wrapped again at every keystroke in the results)
        ReflowPane panes = new ReflowPane(new HeightCache(editor()), results(), new HeightCache(WhatIfPane.build(vm, fields)), 12);
        panes.setId("positionPanes");
        ScrollPane scroll = new ScrollPane(panes);
        scroll.setId("positionScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("editor-scroll");
        setCenter(scroll);
        setBottom(statusBar());
        installShortcuts();
    }

    /**
     * What a click on a figure (or Enter on it) does: opens its derivation. Until set, a click
     * does nothing.
     *
     * @param opener  opens the derivation of this position's figure, or null
     */
    public void setOnExplain(FigureExplain.Opener opener) {
        this.explain = opener;
    }

    /**
     * @param figure  a figure
     * @return its node id, the figure's name in lower camel case (LIQUIDATION_PRICE →
     *         liquidationPrice)
     */
    public static String idOf(Figure figure) {
        String[] parts = figure.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    // ---- editor --------------------------------------------------------------------------

    private Node editor() {
        ComboBox<String> symbol = new ComboBox<>();
        symbol.setId("symbol");
        symbol.setEditable(true);
        symbol.getItems().setAll(vm.symbols());
        vm.currencyProperty().addListener((o, a, b) -> symbol.getItems().setAll(vm.symbols()));
        symbol.setOnShowing(e -> {
            if (!symbol.getItems().equals(vm.symbols())) {
                symbol.getItems().setAll(vm.symbols());
            }
        });
        symbol.valueProperty().bindBidirectional(vm.symbolProperty());
        symbol.setMaxWidth(Double.MAX_VALUE);
        org.marginlab.app.ui.Tips.install(symbol, "The instrument; its maintenance-margin tiers come from the venue's dated table, "
                + "unless a maintenance rate is given below.");

        HBox sides = pills(vm.sideProperty(), Side.LONG, "_Long", "sideLong",
                "Long: gains when the price rises; liquidated below the entry. (Alt+L)",
                Side.SHORT, "_Short", "sideShort",
                "Short: gains when the price falls; liquidated above the entry. (Alt+S)");
        HBox modes = pills(vm.marginModeProperty(), MarginMode.ISOLATED, "Isolated", "modeIsolated",
                "Isolated: the position has its own margin; a liquidation costs at most that margin.",
                MarginMode.CROSS, "Cross", "modeCross",
                "Cross: the position shares the account's wallet with the other cross positions.");

        Slider leverageSlider = new Slider();
        leverageSlider.setId("leverageSlider");
        leverageSlider.setMin(1);
        leverageSlider.maxProperty().bind(vm.leverageMaxProperty());
        leverageSlider.valueProperty().bindBidirectional(vm.leverageSliderProperty());
        leverageSlider.setBlockIncrement(1);
        leverageSlider.setMajorTickUnit(1);
        leverageSlider.setMinorTickCount(0);
        leverageSlider.setSnapToTicks(true);
        org.marginlab.app.ui.Tips.install(leverageSlider, "Drag to set the leverage, up to the max leverage of the position's tier.");
        Label leverageMax = new Label();
        leverageMax.setId("leverageMax");
        leverageMax.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        leverageMax.textProperty().bind(Bindings.format("max %.0fx", vm.leverageMaxProperty()));
        HBox leverageRow = new HBox(6, leverageSlider, leverageMax);
        HBox.setHgrow(leverageSlider, Priority.ALWAYS);
        leverageSlider.setMinWidth(60);

        boolean inverse = vm.contractProperty().get() == ContractType.INVERSE;
        boolean quanto = vm.contractProperty().get() == ContractType.QUANTO;
        Node margin = fields.field(InputField.ISOLATED_MARGIN, Bindings.concat("_Isolated margin (", vm.currencyProperty(), ")"),
                "The margin set aside for this position. It follows the leverage (the initial margin at entry) until you "
                        + "type one of your own; adding or removing margin moves money from or to the cross wallet.");
        Label leverageNote = new Label();
        leverageNote.setId("leverageNote");
        Wrapping.toWidth(leverageNote);
        leverageNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        leverageNote.textProperty().bind(vm.leverageNoteProperty());
        Button link = new Button("Margin from leverage", new FontIcon("mdi2l-link-variant"));
        link.setId("marginFromLeverage");
        link.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        link.setOnAction(e -> vm.linkMarginToLeverage());
        org.marginlab.app.ui.Tips.install(link, "Set the isolated margin back to the initial margin at this leverage and let it follow the "
                + "leverage again; the difference moves from or to the cross wallet.");
        VBox linkBox = new VBox(2, leverageNote, link);
        linkBox.visibleProperty().bind(vm.leverageNoteProperty().isNotEmpty());
        linkBox.managedProperty().bind(linkBox.visibleProperty());
        ((VBox) margin).getChildren().add(linkBox);
        margin.visibleProperty().bind(vm.marginModeProperty().isEqualTo(MarginMode.ISOLATED));
        margin.managedProperty().bind(margin.visibleProperty());
        Node contractSize = fields.field(InputField.CONTRACT_SIZE, "Contract size (" + (inverse ? "USD" : quanto ? "multiplier" : "base") + ")",
                "Inverse: the USD value of one contract (100 on Binance BTCUSD, 1 on Bybit). Quanto: the coin value of one "
                        + "contract per 1 USD of price (BitMEX ETHUSD: 0.000001 XBT). Linear: base units per unit of quantity, usually 1.");
        contractSize.setVisible(inverse || quanto);
        contractSize.setManaged(inverse || quanto);

        VBox maintenanceFields = new VBox(4,
                fields.field(InputField.MMR, "Maintenance margin rate (fraction)",
                        "Overrides the venue's tiers: 0.005 means 0.5 %. Leave empty to use the tier table."),
                fields.field(InputField.MAINTENANCE_AMOUNT, Bindings.concat("Maintenance amount (", vm.currencyProperty(), ")"),
                        "The amount subtracted from notional × MMR (Binance 'cum', Bybit deduction); 0 if empty."),
                fields.field(InputField.LIQUIDATION_FEE_RATE, "Liquidation fee rate (fraction)",
                        "KuCoin, from 2025-05-22: liquidation happens when the margin falls to the maintenance margin "
                                + "plus this rate × the value at the liquidation price (0.001 = 0.1 %). KuCoin publishes no "
                                + "rate per contract, so it must be given there. Other venues ignore it."));
        TitledPane maintenance = new TitledPane();
        maintenance.setText("Maintenance override");
        maintenance.setId("maintenanceOverride");
        maintenance.setExpanded(!vm.textProperty(InputField.MMR).get().isBlank()
                || !java.util.Objects.toString(vm.errorProperty(InputField.LIQUIDATION_FEE_RATE).get(), "").isEmpty());
        // a missing rate the venue needs opens the pane on its field (weakly held: the view-model
        // outlives this view)
        javafx.beans.value.ChangeListener<String> openOnError = (o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                maintenance.setExpanded(true);
            }
        };
        maintenance.getProperties().put("openOnError", openOnError);
        vm.errorProperty(InputField.LIQUIDATION_FEE_RATE).addListener(new javafx.beans.value.WeakChangeListener<>(openOnError));
        maintenance.getStyleClass().add(Styles.DENSE);
        org.marginlab.app.ui.Collapsed.content(maintenance, maintenanceFields);

        Node quantity = fields.field(InputField.QUANTITY, inverse || quanto ? "_Quantity (contracts)" : "_Quantity (base)",
                inverse ? "Number of contracts; must be > 0." : "Position size in the base coin, e.g. 0.5 BTC; must be > 0.");
        Node entry = fields.field(InputField.ENTRY_PRICE, Bindings.concat("_Entry price (", vm.quoteCurrencyProperty(), ")"),
                "Average price at which the position was opened; must be > 0.");
        Node mark = fields.field(InputField.MARK_PRICE, Bindings.concat("_Mark price (", vm.quoteCurrencyProperty(), ")"),
                "The venue's mark price: PnL, margin ratio and liquidation are judged at it; must be > 0.");
        VBox leverage = (VBox) fields.field(InputField.LEVERAGE, "Le_verage (x)",
                "Chosen leverage; initial margin is entry notional ÷ leverage; at most the tier's max.");
        leverage.getChildren().add(2, leverageRow);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(new VBox(2, label("S_ymbol", symbol), symbol), 0, 0);
        grid.add(new VBox(2, new Label("Side"), sides), 1, 0);
        grid.add(quantity, 0, 1);
        grid.add(new VBox(2, new Label("Margin mode"), modes), 1, 1);
        grid.add(entry, 0, 2);
        grid.add(mark, 1, 2);
        grid.add(leverage, 0, 3);
        grid.add(margin, 1, 3);
        grid.add(contractSize, 0, 4);
        grid.add(maintenance, 0, 5, 2, 1);
        grid.add(CostsPane.inputs(vm, fields), 0, 6, 2, 1);

        VBox box = new VBox(4, heading("Position", "mdi2f-file-document-edit-outline"), tierFix(maintenance), grid);
        box.getStyleClass().addAll("card", "editor");
        box.setPrefWidth(440);
        box.setMinWidth(400);
        return box;
    }

    /**
     * Shown when the venue cannot price the position's symbol (no bundled tiers, no maintenance
     * rate typed): what is wrong, and the two fixes, a maintenance rate or a symbol the venue has
     * tiers for.
     */
    private Node tierFix(TitledPane maintenance) {
        Label text = new Label();
        text.setId("tierFix");
        text.textProperty().bind(vm.tierFixProperty());
        text.setGraphic(new FontIcon("mdi2a-alert-outline"));
        text.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        Wrapping.toWidth(text);
        Button rate = new Button("Type a maintenance rate", new FontIcon("mdi2p-pencil-outline"));
        rate.setId("tierFixRate");
        rate.getStyleClass().add(Styles.SMALL);
        rate.setOnAction(e -> {
            // at once, not animated: a field in a pane still collapsing open takes no focus
            boolean animated = maintenance.isAnimated();
            maintenance.setAnimated(false);
            maintenance.setExpanded(true);
            maintenance.setAnimated(animated);
            maintenance.layout();
            fields.get(InputField.MMR).requestFocus();
        });
        org.marginlab.app.ui.Tips.install(rate, "Opens the maintenance override: the rate (and amount) the venue publishes for this "
                + "symbol replace its tier table.");
        MenuButton symbols = new MenuButton("Use a symbol with tiers", new FontIcon("mdi2s-swap-horizontal"));
        symbols.setId("tierFixSymbol");
        symbols.getStyleClass().add(Styles.SMALL);
        symbols.setOnShowing(e -> {
            symbols.getItems().clear();
            for (String s : vm.tierFixSymbols()) {
                MenuItem item = new MenuItem(s);
                item.setMnemonicParsing(false);
                item.setOnAction(a -> vm.symbolProperty().set(s));
                symbols.getItems().add(item);
            }
        });
        org.marginlab.app.ui.Tips.install(symbols, "Switch this position to a symbol the venue has a bundled tier table for.");
        FlowPane buttons = new FlowPane(6, 4, rate, symbols);
        VBox bar = new VBox(4, text, buttons);
        bar.setId("tierFixBar");
        bar.getStyleClass().add("tier-fix");
        bar.visibleProperty().bind(vm.tierFixProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private <T> HBox pills(javafx.beans.property.ObjectProperty<T> property, T left, String leftText, String leftId,
            String leftTip, T right, String rightText, String rightId, String rightTip) {
        return PillPair.of(property, left, leftText, leftId, leftTip, right, rightText, rightId, rightTip);
    }

    // ---- results -------------------------------------------------------------------------

    private Node results() {
        Label liq = value(Figure.LIQUIDATION_PRICE);
        liq.getStyleClass().addAll(Styles.TITLE_1, "headline-figure");
        Tooltip liqTip = tip("");
        liqTip.textProperty().bind(Bindings.concat(vm.liquidationNoteProperty(), "\n" + org.marginlab.app.ui.FigureLink.HINT));
        liq.setTooltip(liqTip);

        ProgressBar gauge = new ProgressBar();
        gauge.setId("marginRatioBar");
        gauge.progressProperty().bind(vm.marginRatioGaugeProperty());
        gauge.setMaxWidth(Double.MAX_VALUE);
        org.marginlab.app.ui.Tips.install(gauge, Figure.MARGIN_RATIO.explanation());
        Label ratio = value(Figure.MARGIN_RATIO);
        ratio.getStyleClass().add(Styles.TITLE_3);
        FontIcon riskIcon = new FontIcon();
        riskIcon.setId("riskIcon");
        Label riskText = new Label();
        riskText.setId("riskLevel");
        riskText.textProperty().bind(vm.riskTextProperty());
        riskText.setGraphic(riskIcon);
        org.marginlab.app.ui.Tips.install(riskText, "Risk, from the venue's margin ratio and the distance to liquidation. Safe: margin "
                + "ratio below 80 % and at least 3 % from the liquidation price. Warning: a margin ratio of 80 % or "
                + "more, or less than 3 % from the liquidation price. Liquidated: the mark is at or beyond the "
                + "liquidation price.");
        // one line, and the results pane at least that wide: a wrapping label here would make every
        // layout of the pane wrap text again (it changes at every keystroke)
        riskText.setMinWidth(Region.USE_PREF_SIZE);
        vm.riskLevelProperty().addListener((o, a, level) -> showRisk(level, gauge, riskIcon, riskText));
        showRisk(vm.riskLevelProperty().get(), gauge, riskIcon, riskText);

        Label stale = new Label("Stale: these are the last valid results");
        stale.setId("staleBadge");
        stale.setGraphic(new FontIcon("mdi2c-clock-alert-outline"));
        stale.getStyleClass().addAll(Styles.WARNING, "stale-badge");
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("figures");
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (Figure f : Figure.values()) {
            if (f == Figure.LIQUIDATION_PRICE || f == Figure.MARGIN_RATIO || f.cost()) {
                continue;
            }
            Label name = new Label(f.label());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            org.marginlab.app.ui.Tips.install(name, f.explanation());
            Label v = value(f);
            org.marginlab.app.ui.Tips.install(v, f.explanation());
            grid.addRow(row++, name, v);
        }
        CostsPane.results(grid, row, this::value);

        Label liqCaption = muted(Figure.LIQUIDATION_PRICE.label());
        org.marginlab.app.ui.Tips.install(liqCaption, Figure.LIQUIDATION_PRICE.explanation());
        Label ratioCaption = muted(Figure.MARGIN_RATIO.label());
        org.marginlab.app.ui.Tips.install(ratioCaption, Figure.MARGIN_RATIO.explanation());
        VBox box = new VBox(8,
                heading("Results", "mdi2c-calculator-variant-outline"),
                stale,
                liqCaption, liq,
                ratioCaption, ratio, riskText, gauge,
                grid);
        box.getStyleClass().addAll("card", "results");
        vm.staleProperty().addListener((o, a, s) -> box.pseudoClassStateChanged(STALE, s));
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private void showRisk(RiskLevel level, ProgressBar gauge, FontIcon icon, Label text) {
        gauge.pseudoClassStateChanged(WARNING, level == RiskLevel.WARNING);
        gauge.pseudoClassStateChanged(LIQUIDATED, level == RiskLevel.LIQUIDATED);
        text.pseudoClassStateChanged(WARNING, level == RiskLevel.WARNING);
        text.pseudoClassStateChanged(LIQUIDATED, level == RiskLevel.LIQUIDATED);
        switch (level) {
            case WARNING:
                icon.setIconLiteral("mdi2a-alert-outline");
                break;
            case LIQUIDATED:
                icon.setIconLiteral("mdi2a-alert-octagon-outline");
                break;
            default:
                icon.setIconLiteral("mdi2s-shield-check-outline");
                break;
        }
    }

    private Label value(Figure f) {
        Label v = new Label();
        v.setId(idOf(f));
        v.getStyleClass().add("figure-value");
        v.setMinWidth(Region.USE_PREF_SIZE);
        v.textProperty().bind(vm.figureProperty(f));
        FigureExplain.install(v, f, vm, () -> explain);
        org.marginlab.app.ui.HiddenFigures.tooltipFollows(v);
        return v;
    }

    // ---- status and shortcuts --------------------------------------------------------------

    private Node statusBar() {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add(Styles.TEXT_SMALL);
        FontIcon icon = new FontIcon("mdi2a-alert-circle-outline");
        status.graphicProperty().bind(Bindings.when(vm.statusProperty().isEmpty()).then((Node) null).otherwise(icon));
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void installShortcuts() {
        KeyCombination apply = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (apply.match(e)) {
                vm.applyWhatIf();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && fields.get(InputField.MARGIN_DELTA).isFocused()) {
                vm.resetWhatIf();
                e.consume();
            }
        });
    }
}
