package org.marginlab.app.explain;

import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.Tips;
import org.marginlab.app.ui.Wrapping;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Step;

import atlantafx.base.theme.Styles;

/**
 * The Explain panel: the derivation of the figure the user clicked, step by step, each with its
 * term, its typeset formula in symbols and with the numbers substituted, its value as the app
 * formats that kind of figure and the spec section of its rule; an expander per step with the
 * definitions of its symbols; a Copy menu (Markdown, LaTeX, plain text); a close button; and a
 * slot for reconciling with the exchange ({@link #setReconcile(Node)}). It only binds to an
 * {@link ExplainViewModel} and forwards commands.
 *
 * <p>Node ids: {@code #explainPane}, {@code #explainTerm}, {@code #explainSubject},
 * {@code #explainValue}, {@code #explainRuleSet}, {@code #explainMessage}, {@code #explainSteps}
 * (each step a {@code .explain-step} with {@code .explain-step-term}, a symbolic
 * {@link FormulaView} {@code .explain-symbolic}, a substituted one {@code .explain-substituted},
 * {@code .explain-step-value}, {@code .explain-step-source}), {@code #explainCopy},
 * {@code #explainClose}, {@code #explainReconcile}.
 */
public final class ExplainPane extends VBox {
    private final ExplainViewModel vm;
    private final VBox steps = new VBox(10);
    private final Label message = new Label();
    private final TitledPane reconcile = new TitledPane();

    /** @param vm  the view-model, not null */
    public ExplainPane(ExplainViewModel vm) {
        this.vm = vm;
        setId("explainPane");
        getStyleClass().addAll("card", "explain-pane");
        setSpacing(8);

        Label heading = new Label("Explain", new FontIcon("mdi2s-sigma"));
        heading.getStyleClass().addAll(Styles.TITLE_4, "card-heading");
        MenuButton copy = new MenuButton("Copy", new FontIcon("mdi2c-content-copy"));
        copy.setId("explainCopy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.getItems().addAll(copyItem("As _Markdown", "markdown", "explainCopyMarkdown"),
                copyItem("As _LaTeX", "latex", "explainCopyLatex"),
                copyItem("As plain _text", "text", "explainCopyText"));
        org.marginlab.app.ui.Tips.install(copy, "Copy the derivation to the clipboard as Markdown, LaTeX (an align* block) or plain "
                + "text; marginlab explain prints the same.");
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("explainClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> vm.close());
        org.marginlab.app.ui.Tips.install(close, "Close the derivation (Esc).");
        close.setAccessibleText("Close the derivation");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(6, heading, grow, copy, close);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label term = new Label();
        term.setId("explainTerm");
        term.getStyleClass().add(Styles.TITLE_3);
        term.textProperty().bind(vm.termProperty());
        Wrapping.toWidth(term);
        Label subject = small("explainSubject");
        subject.textProperty().bind(vm.subjectProperty());
        Label value = new Label();
        value.setId("explainValue");
        value.getStyleClass().addAll("figure-value", "explain-value");
        value.textProperty().bind(vm.valueProperty());
        Label ruleSet = small("explainRuleSet");
        ruleSet.textProperty().bind(vm.ruleSetProperty());
        org.marginlab.app.ui.Tips.install(ruleSet, "The rule set that computed the figure (venue@version).");
        VBox header = new VBox(2, term, new HBox(8, subject, ruleSet), value);

        message.setId("explainMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        Wrapping.toWidth(message);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        steps.setId("explainSteps");
        reconcile.setId("explainReconcile");
        reconcile.setText("Reconcile with my exchange");
        reconcile.setExpanded(false);
        reconcile.getStyleClass().add(Styles.DENSE);
        reconcile.setVisible(false);
        reconcile.setManaged(false);
        // reconciling comes first (collapsed): the derivation below can be long
        VBox body = new VBox(10, message, reconcile, steps);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId("explainScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(bar, header, scroll);
        setPrefWidth(380);
        setMinWidth(USE_PREF_SIZE);
        vm.derivationProperty().addListener((o, a, d) -> show(d));
        show(vm.derivationProperty().get());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
    }

    /**
     * The slot for reconciling the derivation with the exchange's own figures: shown as a titled
     * section "Reconcile with my exchange" above the steps (collapsed) once filled.
     *
     * @param content  the section's content, or null to hide the section
     */
    public void setReconcile(Node content) {
        reconcile.setContent(content);
        reconcile.setVisible(content != null);
        reconcile.setManaged(content != null);
    }

    private MenuItem copyItem(String text, String format, String id) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.copyText(format));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        return item;
    }

    private void show(Derivation d) {
        if (d == null) {
            steps.getChildren().clear();
            return;
        }
        List<Step> all = DerivationFormats.allSteps(d);
        // a new derivation replaces the nodes; the steps the user expanded stay expanded (by term)
        Map<String, Boolean> expanded = new java.util.HashMap<>();
        for (Node n : steps.getChildren()) {
            if (n.getUserData() instanceof String t && n.lookup(".explain-definition") instanceof TitledPane tp) {
                expanded.put(t, tp.isExpanded());
            }
        }
        steps.getChildren().clear();
        int i = 1;
        for (Step s : all) {
            steps.getChildren().add(step(i++, s, expanded.getOrDefault(s.term(), false)));
        }
    }

    private Node step(int index, Step s, boolean open) {
        Label term = new Label(index + ". " + subscripts(s.term()));
        term.getStyleClass().addAll("explain-step-term", Styles.TEXT_BOLD);
        Wrapping.toWidth(term);
        VBox box = new VBox(3, term);
        box.getStyleClass().add("explain-step");
        box.setUserData(s.term());
        if (s.formula() != null) {
            FormulaView symbolic = new FormulaView(s.symbol(), s.formula(), false);
            symbolic.getStyleClass().add("explain-symbolic");
            FormulaView substituted = new FormulaView(null, s.formula(), true);
            substituted.getStyleClass().add("explain-substituted");
            HBox eq = new HBox(new Label("= "), substituted);
            eq.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().addAll(fit(symbolic), fit(eq));
        }
        if (s.value() != null) {
            Label v = new Label("= " + vm.formats().value(s));
            v.getStyleClass().addAll("explain-step-value", "figure-value");
            Wrapping.toWidth(v);
            box.getChildren().add(v);
        }
        if (!s.note().isEmpty()) {
            Label note = new Label(s.note());
            note.getStyleClass().add("explain-step-note");
            Wrapping.toWidth(note);
            box.getChildren().add(note);
        }
        Label source = new Label(s.source());
        source.getStyleClass().addAll("explain-step-source", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        box.getChildren().add(source);
        List<String> defs = Definitions.of(s);
        if (!defs.isEmpty()) {
            Label text = new Label(String.join("\n", defs));
            Wrapping.toWidth(text);
            text.getStyleClass().add(Styles.TEXT_SMALL);
            TitledPane def = new TitledPane("Definition", text);
            def.getStyleClass().addAll("explain-definition", Styles.DENSE);
            def.setAnimated(false);
            def.setExpanded(open);
            box.getChildren().add(def);
        }
        return box;
    }

    /** A formula that scales down to the panel's width when it is wider, never clipped. */
    private static Node fit(Region content) {
        return new FitBox(content);
    }

    /** "Re-check at P_1" → "Re-check at P₁": a symbol's numeric subscript in a term, as the formulas show it. */
    static String subscripts(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z])_(\\d+)").matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            StringBuilder digits = new StringBuilder();
            for (char c : m.group(2).toCharArray()) {
                digits.append((char) ('₀' + (c - '0')));
            }
            m.appendReplacement(b, m.group(1) + digits);
        }
        m.appendTail(b);
        return b.toString();
    }

    private static Label small(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return l;
    }
}
