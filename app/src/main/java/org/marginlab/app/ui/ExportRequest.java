package org.marginlab.app.ui;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;

/**
 * Asks the window to export a table as CSV or a chart as PNG: fired on the table or chart by its
 * context menu ({@link ExportMenus}), it bubbles up to the main view, which asks for a file and
 * writes it off the JavaFX thread. So a view only marks what can be exported and knows nothing
 * of files.
 */
public final class ExportRequest extends Event {
    private static final long serialVersionUID = 1L;

    /** Every export request. */
    public static final EventType<ExportRequest> ANY = new EventType<>(Event.ANY, "EXPORT_REQUEST");

    /** What to export. */
    public enum Kind {
        /** A table's rows as CSV. */
        CSV,
        /** A chart as a PNG image. */
        PNG
    }

    private final transient Node node;
    private final Kind kind;

    /**
     * @param node  the table or chart, not null
     * @param kind  what to make of it, not null
     */
    public ExportRequest(Node node, Kind kind) {
        super(node, node, ANY);
        this.node = node;
        this.kind = kind;
    }

    /** @return the table or the chart */
    public Node node() {
        return node;
    }

    /** @return what to make of it */
    public Kind kind() {
        return kind;
    }
}
