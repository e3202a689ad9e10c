package org.marginlab.app.course;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A step's CommonMark Markdown as JavaFX text nodes (no WebView): headings, paragraphs,
 * emphasis and strong emphasis, bullet and ordered lists, code spans and code blocks, block
 * quotes; links show their text. Each block is a {@link TextFlow}; the text follows the theme's
 * foreground colour and the scene's font size.
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().build();
    private static final String FG = "-fx-fill: -color-fg-default;";

    /** An empty view. */
    public MarkdownView() {
        super(8);
        getStyleClass().add("lesson-markdown");
    }

    /** @param markdown  the text to show, not null */
    public void setMarkdown(String markdown) {
        List<Node> blocks = new ArrayList<>();
        for (org.commonmark.node.Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            blocks.add(block(n, 0));
        }
        getChildren().setAll(blocks);
    }

    /** @return the text shown, blocks separated by blank lines (for tests and copying) */
    public String shownText() {
        StringBuilder b = new StringBuilder();
        collect(this, b);
        return b.toString().strip();
    }

    private static void collect(Node node, StringBuilder b) {
        if (node instanceof Text t) {
            b.append(t.getText());
        } else if (node instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, b);
            }
            if (node instanceof TextFlow) {
                b.append('\n');
            }
        }
    }

    private static Node block(org.commonmark.node.Node n, int depth) {
        if (n instanceof Heading h) {
            TextFlow flow = flow(n, "-fx-font-weight: bold; -fx-font-size: " + (h.getLevel() <= 1 ? "1.35em" : "1.15em") + ";");
            flow.getStyleClass().add("lesson-heading");
            return flow;
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(4);
            int number = n instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                String marker = n instanceof OrderedList ? (number++) + ". " : "•  ";
                list.getChildren().add(listItem((ListItem) item, marker, depth));
            }
            return list;
        }
        if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
            String code = n instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) n).getLiteral();
            Text t = new Text(code.stripTrailing());
            t.setStyle(FG + "-fx-font-family: monospace;");
            TextFlow flow = new TextFlow(t);
            flow.setStyle("-fx-background-color: -color-bg-subtle; -fx-padding: 6;");
            return flow;
        }
        if (n instanceof BlockQuote) {
            VBox quote = new VBox(6);
            for (org.commonmark.node.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                quote.getChildren().add(block(c, depth));
            }
            quote.setStyle("-fx-border-color: transparent transparent transparent -color-border-default; "
                    + "-fx-border-width: 0 0 0 3; -fx-padding: 0 0 0 8;");
            return quote;
        }
        if (n instanceof ThematicBreak) {
            return new javafx.scene.control.Separator();
        }
        return flow(n, "");
    }

    private static Node listItem(ListItem item, String marker, int depth) {
        VBox box = new VBox(4);
        boolean first = true;
        for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (first && c instanceof Paragraph) {
                TextFlow flow = flow(c, "");
                Text m = new Text(marker);
                m.setStyle(FG);
                flow.getChildren().add(0, m);
                box.getChildren().add(flow);
            } else {
                box.getChildren().add(block(c, depth + 1));
            }
            first = false;
        }
        box.setStyle("-fx-padding: 0 0 0 " + (8 + 12 * depth) + ";");
        return box;
    }

    /** A paragraph-like block's inlines in one flow. */
    private static TextFlow flow(org.commonmark.node.Node block, String style) {
        TextFlow flow = new TextFlow();
        inlines(block, style, flow);
        flow.setLineSpacing(2);
        return flow;
    }

    private static void inlines(org.commonmark.node.Node parent, String style, TextFlow flow) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                text(flow, t.getLiteral(), style);
            } else if (n instanceof Code c) {
                Text t = text(flow, c.getLiteral(), style + "-fx-font-family: monospace;");
                t.getStyleClass().add("lesson-code");
            } else if (n instanceof Emphasis) {
                inlines(n, style + "-fx-font-style: italic;", flow);
            } else if (n instanceof StrongEmphasis) {
                inlines(n, style + "-fx-font-weight: bold;", flow);
            } else if (n instanceof SoftLineBreak) {
                text(flow, " ", style);
            } else if (n instanceof HardLineBreak) {
                text(flow, "\n", style);
            } else {
                inlines(n, style, flow); // links, images (their text), HTML left as its children
            }
        }
    }

    private static Text text(TextFlow flow, String s, String style) {
        Text t = new Text(s);
        t.setStyle(FG + style);
        flow.getChildren().add(t);
        return t;
    }
}
