package org.marginlab.app.position;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

/** Small node builders shared by the position view's panes. Stateless. */
final class PositionNodes {
    private PositionNodes() {
    }

    static Label heading(String text, String icon) {
        Label l = new Label(text, new FontIcon(icon));
        l.getStyleClass().addAll(Styles.TITLE_4, "card-heading");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED);
        return l;
    }

    static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    static Tooltip tip(String text) {
        return org.marginlab.app.ui.Tips.of(text);
    }
}
