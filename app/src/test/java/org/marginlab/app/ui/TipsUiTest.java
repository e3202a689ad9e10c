package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A tooltip given with {@link Tips#install} is built when the mouse first enters its control or
 * the control takes the focus, with the text it was given; a tooltip set in the meantime (a
 * lock's) is shown instead until it is taken away; {@link Tips#installLike} shares one tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class TipsUiTest {
    private Label caption;
    private Label figure;
    private TextField field;

    @Start
    void start(Stage stage) {
        caption = new Label("Caption");
        figure = new Label("123.45");
        field = new TextField();
        caption.setId("caption");
        figure.setId("figure");
        field.setId("field");
        field.setFocusTraversable(false); // not focused when the window opens
        Tips.install(figure, "The figure.");
        Tips.installLike(caption, figure);
        Tips.install(figure, "The figure.\nClick for the derivation."); // a later text replaces the first
        Tips.install(field, "The field.");
        stage.setScene(new Scene(new VBox(10, caption, figure, field), 300, 200));
        stage.show();
    }

    @Test
    void builtOnMouseEntry_withItsLastText_andSharedWithTheLikeControl(FxRobot robot) {
        assertThat(figure.getTooltip()).isNull();
        assertThat(Tips.text(figure)).isEqualTo("The figure.\nClick for the derivation.");

        robot.moveTo("#figure");
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip built = figure.getTooltip();
        assertThat(built).isNotNull();
        assertThat(built.getText()).isEqualTo("The figure.\nClick for the derivation.");
        assertThat(built.isWrapText()).isTrue();

        robot.moveTo("#caption");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(caption.getTooltip()).isSameAs(built);
    }

    @Test
    void aTooltipSetMeanwhileIsShown_andTheOwnOneComesBackAfterIt(FxRobot robot) {
        Tooltip lock = new Tooltip("Locked by the lesson.");
        robot.interact(() -> field.setTooltip(lock));
        robot.clickOn("#field");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getTooltip()).isSameAs(lock);

        robot.interact(() -> field.setTooltip(null));
        robot.moveTo("#caption").moveTo("#field");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getTooltip()).isNotNull();
        assertThat(field.getTooltip().getText()).isEqualTo("The field.");
    }

    @Test
    void builtWhenTheControlTakesTheFocus(FxRobot robot) {
        robot.interact(field::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getTooltip()).isNotNull();
        assertThat(field.getTooltip().getText()).isEqualTo("The field.");
    }
}
