package org.marginlab.app.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Three panes that reflow with the width they get: side by side when all three fit at their
 * preferred widths; otherwise the first on the left and the other two stacked on the right; and
 * below the two columns' minimum widths, all three stacked. Each pane keeps at least its minimum
 * width, so nothing in it is squeezed into an ellipsis: put this in a scroll pane and the window
 * scrolls instead.
 *
 * <p>Its height depends on its width ({@link Orientation#HORIZONTAL} content bias). A JavaFX
 * node: use on the JavaFX thread.
 */
public final class ReflowPane extends Pane {
    /** How the three panes are placed at a width. */
    public enum Arrangement {
        /** first, second and third side by side */
        ROW,
        /** the first on the left, the second over the third on the right */
        TWO_COLUMNS,
        /** all three stacked */
        STACK
    }

    private final Node first;
    private final Node second;
    private final Node third;
    private final double gap;

    /**
     * @param first   the left pane (the editor), not null
     * @param second  the middle pane, stacked on top on the right when narrow, not null
     * @param third   the right pane, stacked below the second when narrow, not null
     * @param gap     the space between panes, in pixels, ≥ 0
     */
    public ReflowPane(Node first, Node second, Node third, double gap) {
        this.first = first;
        this.second = second;
        this.third = third;
        this.gap = gap;
        getChildren().addAll(first, second, third);
    }

    /**
     * @param width  the width inside the padding, in pixels
     * @return how the panes are placed at that width
     */
    public Arrangement arrangementAt(double width) {
        if (width >= first.prefWidth(-1) + second.prefWidth(-1) + third.prefWidth(-1) + 2 * gap) {
            return Arrangement.ROW;
        }
        if (width >= first.minWidth(-1) + Math.max(second.minWidth(-1), third.minWidth(-1)) + gap) {
            return Arrangement.TWO_COLUMNS;
        }
        return Arrangement.STACK;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset()
                + Math.max(first.minWidth(-1), Math.max(second.minWidth(-1), third.minWidth(-1)));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + first.prefWidth(-1) + second.prefWidth(-1)
                + third.prefWidth(-1) + 2 * gap;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inside = width < 0 ? computePrefWidth(-1) - snappedLeftInset() - snappedRightInset()
                : width - snappedLeftInset() - snappedRightInset();
        double[] w = widths(inside);
        double h;
        switch (arrangementAt(inside)) {
            case ROW:
                h = Math.max(first.prefHeight(w[0]), Math.max(second.prefHeight(w[1]), third.prefHeight(w[2])));
                break;
            case TWO_COLUMNS:
                h = Math.max(first.prefHeight(w[0]), second.prefHeight(w[1]) + gap + third.prefHeight(w[1]));
                break;
            default:
                h = first.prefHeight(inside) + second.prefHeight(inside) + third.prefHeight(inside) + 2 * gap;
                break;
        }
        return snappedTopInset() + snappedBottomInset() + h;
    }

    /** The panes' widths at an inside width: {first, second, third}. */
    private double[] widths(double inside) {
        switch (arrangementAt(inside)) {
            case ROW: {
                // the middle pane takes what the others leave
                double a = first.prefWidth(-1);
                double c = third.prefWidth(-1);
                return new double[] {a, inside - a - c - 2 * gap, c};
            }
            case TWO_COLUMNS: {
                double rightMin = Math.max(second.minWidth(-1), third.minWidth(-1));
                double a = Math.max(first.minWidth(-1), Math.min(first.prefWidth(-1), inside - rightMin - gap));
                double right = inside - a - gap;
                return new double[] {a, right, right};
            }
            default:
                return new double[] {inside, inside, inside};
        }
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double inside = getWidth() - x - snappedRightInset();
        double height = getHeight() - y - snappedBottomInset();
        double[] w = widths(inside);
        switch (arrangementAt(inside)) {
            case ROW:
                first.resizeRelocate(x, y, w[0], height);
                second.resizeRelocate(x + w[0] + gap, y, w[1], height);
                third.resizeRelocate(x + w[0] + w[1] + 2 * gap, y, w[2], height);
                break;
            case TWO_COLUMNS: {
                double rightX = x + w[0] + gap;
                double top = second.prefHeight(w[1]);
                double bottom = Math.max(third.prefHeight(w[1]), height - top - gap);
                first.resizeRelocate(x, y, w[0], Math.max(height, first.prefHeight(w[0])));
                second.resizeRelocate(rightX, y, w[1], top);
                third.resizeRelocate(rightX, y + top + gap, w[1], bottom);
                break;
            }
            default: {
                double h1 = first.prefHeight(inside);
                double h2 = second.prefHeight(inside);
                first.resizeRelocate(x, y, inside, h1);
                second.resizeRelocate(x, y + h1 + gap, inside, h2);
                third.resizeRelocate(x, y + h1 + h2 + 2 * gap, inside, third.prefHeight(inside));
                break;
            }
        }
    }
}
