package org.marginlab.app.explain;

import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds one node at its preferred size, scaled down (never up) to the width it is given: a long
 * formula stays whole and legible in a narrow panel instead of being clipped or cut with an
 * ellipsis.
 */
final class FitBox extends Region {
    private final Region content;
    private final Scale scale = new Scale(1, 1, 0, 0);

    FitBox(Region content) {
        this.content = content;
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("fit-box");
    }

    private double factor(double width) {
        double pref = content.prefWidth(-1);
        return width <= 0 || pref <= width ? 1 : width / pref;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * factor(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected void layoutChildren() {
        double f = factor(getWidth());
        scale.setX(f);
        scale.setY(f);
        content.resizeRelocate(0, 0, content.prefWidth(-1), content.prefHeight(-1));
    }
}
