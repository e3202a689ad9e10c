package org.marginlab.app;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;

/** What a user reads in a part of the scene: every label's text, depth first. Call on the FX thread. */
public final class LabelTexts {
    private LabelTexts() {
    }

    /**
     * @param node  the root of the part to read, not null
     * @return the texts of every {@link Label} under it (itself included), in scene order
     */
    public static List<String> of(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Label label) {
            out.add(label.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }
}
