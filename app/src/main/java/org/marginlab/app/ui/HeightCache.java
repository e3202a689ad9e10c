package org.marginlab.app.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one node whose height depends on its width (it has wrapping text) and remembers that
 * height for the last width asked, until something inside asks for a new layout. JavaFX caches a
 * node's preferred height only for "any width": a bar with wrapping labels at the top of a window
 * had its text wrapped again on every layout pass of the window, even when nothing in the bar
 * changed (about a millisecond per keystroke elsewhere in the window).
 *
 * <p>A JavaFX node: use on the JavaFX thread.
 */
public final class HeightCache extends Region {
    private final Node content;
    private double prefFor = Double.NaN;
    private double pref;
    private double minFor = Double.NaN;
    private double min;

    /** @param content  the node to hold, not null */
    public HeightCache(Node content) {
        this.content = content;
        getChildren().add(content);
    }

    @Override
    public void requestLayout() {
        prefFor = Double.NaN;
        minFor = Double.NaN;
        super.requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + content.prefWidth(height);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + content.minWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        if (width != prefFor) {
            double inside = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
            pref = snappedTopInset() + snappedBottomInset() + content.prefHeight(inside);
            prefFor = width;
        }
        return pref;
    }

    @Override
    protected double computeMinHeight(double width) {
        if (width != minFor) {
            double inside = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
            min = snappedTopInset() + snappedBottomInset() + content.minHeight(inside);
            minFor = width;
        }
        return min;
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(), getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
