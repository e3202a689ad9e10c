package org.marginlab.app.course;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Lesson → Add current state as step…: the step's title, its Markdown text and an optional
 * question about a figure of the selected position with its tolerance.
 */
public final class AddStepDialog {
    private static final String NO_QUESTION = "(no question)";

    private AddStepDialog() {
    }

    /**
     * Shows the dialog and adds the step when confirmed.
     *
     * @param owner      the main window, may be null
     * @param authoring  what adds the step, not null
     */
    public static void show(Window owner, LessonAuthoring authoring) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add current state as step");
        dialog.setHeaderText("A new last step of the lesson, whose account is the one shown now");
        TextField title = new TextField();
        title.setId("stepTitleField");
        title.setPromptText("The step's title");
        TextArea text = new TextArea();
        text.setId("stepTextField");
        text.setPromptText("Markdown: **bold**, *italic*, - lists, `code`; {{btc-long.liquidationPrice}} prints a figure");
        text.setPrefRowCount(6);
        text.setWrapText(true);
        ChoiceBox<String> figure = new ChoiceBox<>();
        figure.setId("stepFigureChoice");
        figure.getItems().add(NO_QUESTION);
        String position = authoring.selectedPositionId();
        if (position != null) {
            figure.getItems().addAll(LessonAuthoring.positionFigureIds());
        }
        figure.setValue(NO_QUESTION);
        TextField tolerance = new TextField("1%");
        tolerance.setId("stepToleranceField");
        tolerance.disableProperty().bind(figure.valueProperty().isEqualTo(NO_QUESTION));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Text"), text);
        grid.addRow(2, new Label(position == null ? "Question (select a position)" : "Question on " + position), figure);
        grid.addRow(3, new Label("Tolerance"), tolerance);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> title.requestFocus());
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            String chosen = NO_QUESTION.equals(figure.getValue()) ? null : figure.getValue();
            String problem = authoring.addStep(title.getText(), text.getText(), chosen, tolerance.getText());
            if (problem != null) {
                Alert alert = new Alert(Alert.AlertType.WARNING, problem);
                alert.initOwner(owner);
                alert.setHeaderText("The step was not added");
                alert.showAndWait();
            }
        });
    }
}
