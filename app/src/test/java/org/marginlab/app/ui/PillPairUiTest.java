package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A pill pair always lights the value its property holds, also after a click on the lit one. */
@ExtendWith(ApplicationExtension.class)
class PillPairUiTest {
    private final ObjectProperty<String> side = new SimpleObjectProperty<>("long");

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(PillPair.of(side, "long", "Long", "pillLong", "a long",
                "short", "Short", "pillShort", "a short")), 300, 100));
        stage.show();
    }

    private static boolean lit(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ToggleButton.class).isSelected();
    }

    @Test
    void clickingTheLitButtonKeepsItLit(FxRobot robot) {
        robot.clickOn("#pillLong");
        WaitForAsyncUtils.waitForFxEvents();
        // a bare ToggleGroup would deselect it, leaving neither lit while the value stays "long"
        assertThat(lit(robot, "#pillLong")).isTrue();
        assertThat(lit(robot, "#pillShort")).isFalse();
        assertThat(side.get()).isEqualTo("long");
    }

    @Test
    void clickingTheOtherSetsTheValue_andTheValueMovesTheLight(FxRobot robot) {
        robot.clickOn("#pillShort");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(side.get()).isEqualTo("short");
        assertThat(lit(robot, "#pillShort")).isTrue();
        assertThat(lit(robot, "#pillLong")).isFalse();

        robot.interact(() -> side.set("long"));
        assertThat(lit(robot, "#pillLong")).isTrue();
        assertThat(lit(robot, "#pillShort")).isFalse();
    }
}
