package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;
import org.marginlab.app.settings.Preferences.WindowSize;

class WindowPlacementTest {
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040);

    @Test
    void firstStart_takesMostOfALargeScreen() {
        // 0.85 × 1920 = 1632, 0.85 × 1040 = 884: the room of a large screen is used, not a fixed 1280×880
        assertThat(WindowPlacement.initialSize(Optional.empty(), FULL_HD)).isEqualTo(new Dimension2D(1632, 884));
    }

    @Test
    void firstStart_onASmallScreen_isAtLeastTheDesignedMinimumButNeverLargerThanTheScreen() {
        assertThat(WindowPlacement.initialSize(Optional.empty(), new Rectangle2D(0, 0, 1280, 760)))
                .isEqualTo(new Dimension2D(1088, 700));
        assertThat(WindowPlacement.initialSize(Optional.empty(), new Rectangle2D(0, 0, 1000, 650)))
                .isEqualTo(new Dimension2D(1000, 650));
    }

    @Test
    void aSavedSize_isReopened_withinTheScreen() {
        assertThat(WindowPlacement.initialSize(Optional.of(new WindowSize(1400, 820, false)), FULL_HD))
                .isEqualTo(new Dimension2D(1400, 820));
        // saved on a larger monitor, reopened on this one
        assertThat(WindowPlacement.initialSize(Optional.of(new WindowSize(3000, 2000, false)), FULL_HD))
                .isEqualTo(new Dimension2D(1920, 1040));
        assertThat(WindowPlacement.initialSize(Optional.of(new WindowSize(600, 400, false)), FULL_HD))
                .isEqualTo(new Dimension2D(1024, 700));
    }
}
