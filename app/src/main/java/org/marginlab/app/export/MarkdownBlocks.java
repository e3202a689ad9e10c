package org.marginlab.app.export;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.marginlab.app.export.LessonHandout.Block;
import org.marginlab.app.export.LessonHandout.Kind;
import org.marginlab.app.export.LessonHandout.Run;

/**
 * A lesson step's Markdown (CommonMark) as the handout's plain blocks: paragraphs, headings and
 * list items ("•", or the item's number), with <b>strong</b> text kept bold; emphasis, code and
 * links are written as their plain text. Stateless.
 */
final class MarkdownBlocks {
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownBlocks() {
    }

    /**
     * @param markdown  the text, placeholders already filled; not null
     * @return its blocks, in order
     */
    static List<Block> of(String markdown) {
        List<Block> out = new ArrayList<>();
        blocks(PARSER.parse(markdown), out, "");
        return out;
    }

    private static void blocks(Node parent, List<Block> out, String indent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph) {
                out.add(new Block(Kind.PARAGRAPH, runs(n)));
            } else if (n instanceof Heading) {
                out.add(new Block(Kind.HEADING, runs(n)));
            } else if (n instanceof BulletList || n instanceof OrderedList) {
                int number = n instanceof OrderedList o ? o.getStartNumber() : 0;
                for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem) {
                        String mark = indent + (number > 0 ? number++ + ". " : "\u2022 ");
                        item(item, mark, out, indent);
                    }
                }
            } else if (n instanceof FencedCodeBlock c) {
                out.add(new Block(Kind.PARAGRAPH, List.of(new Run(c.getLiteral().stripTrailing(), false))));
            } else if (n instanceof IndentedCodeBlock c) {
                out.add(new Block(Kind.PARAGRAPH, List.of(new Run(c.getLiteral().stripTrailing(), false))));
            } else if (n instanceof BlockQuote) {
                blocks(n, out, indent);
            }
        }
    }

    /** A list item: its first paragraph is the bullet; nested lists follow, indented. */
    private static void item(Node item, String mark, List<Block> out, String indent) {
        boolean first = true;
        for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Paragraph && first) {
                List<Run> runs = new ArrayList<>();
                runs.add(new Run(mark, false));
                runs.addAll(runs(c));
                out.add(new Block(Kind.BULLET, runs));
                first = false;
            } else if (c instanceof Paragraph) {
                out.add(new Block(Kind.BULLET, prefixed(indent + "   ", runs(c))));
            } else {
                // a nested list: its items one level further in
                blocksOf(c, out, indent + "    ");
            }
        }
        if (first) {
            out.add(new Block(Kind.BULLET, List.of(new Run(mark, false))));
        }
    }

    private static void blocksOf(Node single, List<Block> out, String indent) {
        if (single instanceof BulletList || single instanceof OrderedList) {
            int number = single instanceof OrderedList o ? o.getStartNumber() : 0;
            for (Node item = single.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    item(item, indent + (number > 0 ? number++ + ". " : "\u2022 "), out, indent);
                }
            }
        } else if (single instanceof Paragraph) {
            out.add(new Block(Kind.BULLET, prefixed(indent, runs(single))));
        }
    }

    private static List<Run> prefixed(String prefix, List<Run> runs) {
        List<Run> out = new ArrayList<>();
        out.add(new Run(prefix, false));
        out.addAll(runs);
        return out;
    }

    /** The inline text of a block, bold where strong. */
    private static List<Run> runs(Node block) {
        List<Run> out = new ArrayList<>();
        inline(block, false, out);
        return out;
    }

    private static void inline(Node parent, boolean bold, List<Run> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                add(out, t.getLiteral(), bold);
            } else if (n instanceof Code c) {
                add(out, c.getLiteral(), bold);
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                add(out, " ", bold);
            } else if (n instanceof StrongEmphasis) {
                inline(n, true, out);
            } else {
                inline(n, bold, out);
            }
        }
    }

    /** Appends text, joined to the last run when it is in the same face. */
    private static void add(List<Run> out, String text, boolean bold) {
        if (!out.isEmpty() && out.get(out.size() - 1).bold() == bold) {
            Run last = out.remove(out.size() - 1);
            out.add(new Run(last.text() + text, bold));
        } else {
            out.add(new Run(text, bold));
        }
    }
}
