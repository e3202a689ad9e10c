package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.Region;

import org.junit.jupiter.api.Test;
import org.marginlab.app.ui.ReflowPane.Arrangement;

/** Editor 440 (min 400), results 300 (min 280), what-if 330 (min 300), 12 px gaps. */
class ReflowPaneTest {
    private final Region editor = region(400, 440, 500);
    private final Region results = region(280, 300, 420);
    private final Region whatIf = region(300, 330, 260);
    private final ReflowPane pane = new ReflowPane(editor, results, whatIf, 12);

    private static Region region(double min, double pref, double height) {
        Region r = new Region();
        r.setMinWidth(min);
        r.setPrefWidth(pref);
        r.setPrefHeight(height);
        return r;
    }

    @Test
    void sideBySide_whenAllThreeFitAtTheirPreferredWidths() {
        // 440 + 300 + 330 + 2 × 12 = 1094
        assertThat(pane.arrangementAt(1094)).isEqualTo(Arrangement.ROW);
        assertThat(pane.prefHeight(1094)).isEqualTo(500);
    }

    @Test
    void twoColumns_belowThat_withTheRightTwoStacked() {
        assertThat(pane.arrangementAt(1093)).isEqualTo(Arrangement.TWO_COLUMNS);
        // 400 + max(280, 300) + 12 = 712 is the narrowest two-column width
        assertThat(pane.arrangementAt(712)).isEqualTo(Arrangement.TWO_COLUMNS);
        // the right column is as tall as results + gap + what-if
        assertThat(pane.prefHeight(1000)).isEqualTo(420 + 12 + 260);
    }

    @Test
    void allStacked_whenNarrowerStill_andNeverNarrowerThanTheWidestMinimum() {
        assertThat(pane.arrangementAt(711)).isEqualTo(Arrangement.STACK);
        assertThat(pane.prefHeight(600)).isEqualTo(500 + 420 + 260 + 2 * 12);
        assertThat(pane.minWidth(-1)).isEqualTo(400);
    }
}
