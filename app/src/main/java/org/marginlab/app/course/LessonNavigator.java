package org.marginlab.app.course;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.lesson.FigureRef;

import atlantafx.base.theme.Styles;

/**
 * The lesson navigator: a panel on the left of the main tabs while a lesson is open. Title and
 * audience, progress (step n / N) and score, the step list with done marks, the step's text
 * (Markdown, placeholders filled in), what the app shows under it ({@link #showUnderText}), its questions (prediction, Check, Reveal, the verdict) and
 * the figures it hides, Previous / Next. Only builds and binds nodes.
 */
public final class LessonNavigator extends BorderPane {
    /** The panel's width, px, at the normal font size. */
    public static final double WIDTH = 330;

    private final LessonViewModel vm;
    private final VBox questions = new VBox(10);
    private final VBox hiddenFigures = new VBox(4);
    /** Under the step's text: what the app puts there for the step (the replay strip), or nothing. */
    private final VBox stepExtra = new VBox();
    private ScrollPane scroll;

    /** @param vm  the lesson, not null */
    public LessonNavigator(LessonViewModel vm) {
        this.vm = vm;
        setId("lessonNavigator");
        getStyleClass().add("lesson-navigator");
        // narrower in a small window, so the positions keep their room (1024 px: 290 px)
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                // and wider with the presenter size, up to 45 % of the window
                prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
                    double scale = vm.presenterPercentProperty().get() / 100.0;
                    double w = Math.max(260, Math.min(WIDTH * 1.15, scene.getWidth() * 0.283)) * scale;
                    return Math.max(260, Math.min(w, scene.getWidth() * 0.45));
                }, scene.widthProperty(), vm.presenterPercentProperty()));
            }
        });
        setPrefWidth(WIDTH);
        setMinWidth(260);
        setMaxWidth(WIDTH * 3);
        setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: transparent -color-border-default "
                + "transparent transparent; -fx-border-width: 0 1 0 0;");
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(visibleProperty());

        setTop(header());
        setCenter(body());
        // the step's extra (the replay strip) stays in view above Previous / Next, however long the text
        stepExtra.setId("lessonStepExtra");
        stepExtra.managedProperty().bind(stepExtra.visibleProperty());
        stepExtra.setVisible(false);
        stepExtra.setPadding(new Insets(8, 10, 0, 10));
        setBottom(new VBox(stepExtra, buttons()));
        vm.questions().addListener((ListChangeListener<QuestionViewModel>) c -> showQuestions());
        vm.hiddenOnlyFigures().addListener((ListChangeListener<FigureRef>) c -> showHiddenFigures());
    }

    private Node header() {
        Label title = new Label();
        title.setId("lessonTitle");
        title.textProperty().bind(vm.titleProperty());
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TITLE_4);
        title.setGraphic(new FontIcon("mdi2s-school-outline"));
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.setId("lessonClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip("Close the lesson (the workspace stays as it is)"));
        close.setOnAction(e -> vm.close());
        HBox top = new HBox(6, title, close);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Label audience = new Label();
        audience.textProperty().bind(vm.audienceProperty());
        audience.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        audience.setWrapText(true);
        audience.visibleProperty().bind(vm.audienceProperty().isNotEmpty());
        audience.managedProperty().bind(audience.visibleProperty());
        Label progress = new Label();
        progress.setId("lessonProgress");
        progress.textProperty().bind(vm.progressProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Label score = new Label();
        score.setId("lessonScore");
        score.textProperty().bind(vm.scoreProperty());
        score.getStyleClass().add(Styles.ACCENT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox counts = new HBox(8, progress, gap, score);
        ListView<LessonViewModel.StepItem> list = new ListView<>(vm.steps());
        list.setId("lessonSteps");
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LessonViewModel.StepItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (getIndex() + 1) + ". " + item.title());
                setGraphic(empty || item == null ? null : new FontIcon(item.done() ? "mdi2c-check-circle" : "mdi2c-circle-outline"));
            }
        });
        // rows of 30 px at the normal font size, taller with the presenter size
        list.fixedCellSizeProperty().bind(vm.presenterPercentProperty().multiply(0.3));
        list.prefHeightProperty().bind(Bindings.min(5.5, Bindings.size(vm.steps()))
                .multiply(list.fixedCellSizeProperty()).add(4));
        list.setMinHeight(Region.USE_PREF_SIZE);
        vm.stepProperty().addListener((o, a, b) -> list.getSelectionModel().select(b.intValue()));
        vm.steps().addListener((ListChangeListener<LessonViewModel.StepItem>) c ->
                list.getSelectionModel().select(vm.stepProperty().get()));
        list.setOnMouseClicked(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i != vm.stepProperty().get()) {
                vm.goTo(i);
            }
        });
        VBox box = new VBox(6, top, audience, counts, list);
        box.setPadding(new Insets(10, 10, 6, 10));
        return box;
    }

    private Node body() {
        Label stepTitle = new Label();
        stepTitle.setId("lessonStepTitle");
        stepTitle.textProperty().bind(vm.stepTitleProperty());
        stepTitle.setWrapText(true);
        stepTitle.getStyleClass().add(Styles.TITLE_4);
        MarkdownView text = new MarkdownView();
        text.setId("lessonText");
        vm.textProperty().addListener((o, a, b) -> text.setMarkdown(b));
        text.setMarkdown(vm.textProperty().get());
        Label warning = new Label();
        warning.setId("lessonWarning");
        warning.textProperty().bind(vm.warningProperty());
        warning.setWrapText(true);
        warning.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        warning.setGraphic(new FontIcon("mdi2a-alert-outline"));
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        questions.setId("lessonQuestions");
        VBox content = new VBox(10, stepTitle, text, hiddenFigures, questions, warning);
        content.setPadding(new Insets(4, 12, 12, 10));
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        vm.stepProperty().addListener((o, a, b) -> scroll.setVvalue(0)); // a new step is read from its top
        return scroll;
    }

    /**
     * Shows a node under the step's text, above Previous / Next (always in view), while a
     * condition holds: the app's replay strip on a step with a price path (the navigator itself
     * knows nothing of the replay).
     *
     * @param node   the node, not null
     * @param shown  when it is shown, not null
     */
    public void showUnderText(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        stepExtra.getChildren().setAll(node);
        stepExtra.visibleProperty().bind(shown);
    }

    private Node buttons() {
        Button previous = new Button("Previous", new FontIcon("mdi2c-chevron-left"));
        previous.setId("lessonPrevious");
        previous.setTooltip(new Tooltip("The previous step (Alt+Left, Page Up)"));
        previous.setOnAction(e -> vm.previous());
        previous.disableProperty().bind(vm.stepProperty().lessThanOrEqualTo(0));
        Button next = new Button("Next", new FontIcon("mdi2c-chevron-right"));
        next.setId("lessonNext");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setTooltip(new Tooltip("The next step (Alt+Right, Page Down)"));
        next.getStyleClass().add(Styles.ACCENT);
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.stepProperty().greaterThanOrEqualTo(Bindings.size(vm.steps()).subtract(1)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(8, previous, gap, next);
        box.setPadding(new Insets(8, 10, 10, 10));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void showQuestions() {
        questions.getChildren().clear();
        for (QuestionViewModel q : vm.questions()) {
            questions.getChildren().add(question(q));
        }
    }

    private Node question(QuestionViewModel q) {
        Label prompt = new Label(q.prompt());
        prompt.setWrapText(true);
        prompt.getStyleClass().add(Styles.TEXT_BOLD);
        prompt.setGraphic(new FontIcon("mdi2h-help-circle-outline"));
        TextField prediction = new TextField();
        prediction.setId("prediction-" + q.question().id());
        prediction.setPromptText("Your prediction");
        prediction.textProperty().bindBidirectional(q.predictionProperty());
        prediction.setOnAction(e -> q.check());
        prediction.disableProperty().bind(q.answeredProperty());
        HBox.setHgrow(prediction, Priority.ALWAYS);
        prediction.setMinWidth(70);
        prediction.setPrefColumnCount(8);
        Button check = new Button("Check");
        check.setId("check-" + q.question().id());
        check.getStyleClass().add(Styles.ACCENT);
        check.setTooltip(new Tooltip("Score the prediction, reveal the figure and open its derivation (Enter)"));
        check.setOnAction(e -> q.check());
        check.setMinWidth(Region.USE_PREF_SIZE);
        check.disableProperty().bind(q.answeredProperty());
        Button reveal = new Button("Reveal");
        reveal.setId("reveal-" + q.question().id());
        reveal.setTooltip(new Tooltip("Show the figure without a prediction (not scored)"));
        reveal.setOnAction(e -> q.reveal());
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        reveal.disableProperty().bind(q.answeredProperty());
        HBox row = new HBox(6, prediction, check);
        row.setAlignment(Pos.CENTER_LEFT);
        reveal.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        reveal.setText("Reveal without a prediction");
        reveal.visibleProperty().bind(q.answeredProperty().not());
        reveal.managedProperty().bind(reveal.visibleProperty());
        Label error = new Label();
        error.setId("predictionError-" + q.question().id());
        error.textProperty().bind(q.errorProperty());
        error.setWrapText(true);
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        error.visibleProperty().bind(q.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label verdict = new Label();
        verdict.setId("verdict-" + q.question().id());
        verdict.textProperty().bind(q.verdictProperty());
        verdict.setWrapText(true);
        verdict.visibleProperty().bind(q.verdictProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        Runnable style = () -> {
            verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
            boolean scored = q.verdictProperty().get().startsWith("Your");
            verdict.getStyleClass().add(!scored ? Styles.TEXT_MUTED : q.correctProperty().get() ? Styles.SUCCESS : Styles.DANGER);
            verdict.setGraphic(new FontIcon(!scored ? "mdi2e-eye-outline"
                    : q.correctProperty().get() ? "mdi2c-check-circle-outline" : "mdi2c-close-circle-outline"));
        };
        q.verdictProperty().addListener((o, a, b) -> {
            style.run();
            // the verdict in view: it is below the text, often past the panel's height (scrolled
            // once the panel has grown by the verdict's lines)
            javafx.beans.value.ChangeListener<Number> grown = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> h, Number was, Number now) {
                    h.removeListener(this);
                    scroll.setVvalue(scroll.getVmax());
                }
            };
            ((Region) scroll.getContent()).heightProperty().addListener(grown);
        });
        style.run();
        VBox box = new VBox(6, prompt, row, error, verdict, reveal);
        box.getStyleClass().add("lesson-question");
        box.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 6; -fx-padding: 8; "
                + "-fx-border-color: -color-border-muted; -fx-border-radius: 6;");
        return box;
    }

    private void showHiddenFigures() {
        hiddenFigures.getChildren().clear();
        for (FigureRef ref : vm.hiddenOnlyFigures()) {
            Label name = new Label(ref.figure().term() + (ref.isAccount() ? "" : " of " + ref.positionId()) + " is hidden");
            name.setWrapText(true);
            name.getStyleClass().add(Styles.TEXT_MUTED);
            name.setGraphic(new FontIcon("mdi2e-eye-off-outline"));
            Button reveal = new Button("Reveal");
            reveal.setId("revealFigure-" + ref);
            reveal.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            reveal.setOnAction(e -> vm.revealFigure(ref));
            HBox row = new HBox(6, name, reveal);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(name, Priority.ALWAYS);
            hiddenFigures.getChildren().add(row);
        }
    }
}
