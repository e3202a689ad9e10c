package org.marginlab.app.about;

import java.util.List;

import javafx.geometry.HPos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.marginlab.app.startup.AppIcons;

/**
 * Help ▸ About: version, build date, runtime and the capture date of every bundled tier table
 * (the same facts as {@code marginlab --version}, from {@link BuildInfo}). Built on demand,
 * never on the start-up path.
 */
public final class AboutDialog {

    private AboutDialog() {
    }

    /**
     * Opens the About dialog, modal to its owner, and returns at once.
     *
     * @param owner  the window it belongs to, or null
     * @return the dialog, already showing (tests close it with its OK button)
     */
    public static Alert show(Window owner) {
        Alert dialog = create();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.show();
        return dialog;
    }

    /**
     * Builds the dialog without showing it.
     *
     * @return the dialog, never null
     */
    public static Alert create() {
        Alert dialog = new Alert(Alert.AlertType.NONE, null, ButtonType.OK);
        dialog.setTitle("About MarginLab");
        dialog.setHeaderText("MarginLab " + BuildInfo.version());
        dialog.setGraphic(new ImageView(AppIcons.image(64)));
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().setContent(content());
        dialog.setResizable(true);
        if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            stage.getIcons().setAll(AppIcons.image(16), AppIcons.image(32), AppIcons.image(48));
        }
        return dialog;
    }

    private static VBox content() {
        Label summary = new Label("Margin, liquidation and what-if calculations for perpetual futures.");
        summary.setWrapText(true);

        GridPane facts = grid();
        facts.addRow(0, key("Version"), value("aboutVersion", BuildInfo.version()));
        facts.addRow(1, key("Built"), value("aboutBuildDate", BuildInfo.buildDate()));
        facts.addRow(2, key("Runtime"), value("aboutRuntime", BuildInfo.runtime()));

        GridPane tables = grid();
        tables.setId("aboutTierTables");
        tables.addRow(0, heading("Venue"), heading("Symbol"), heading("Tier table as of"));
        List<BuildInfo.TierTableDate> dates = BuildInfo.tierTables();
        for (int i = 0; i < dates.size(); i++) {
            BuildInfo.TierTableDate t = dates.get(i);
            tables.addRow(i + 1, new Label(t.venueName()), new Label(t.symbol()), new Label(t.asOf()));
        }
        Label note = new Label("Venues change their tier tables often: check them against the venue "
                + "before trading on the numbers.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");

        VBox box = new VBox(12, summary, facts, tables, note);
        box.setPrefWidth(520);
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints first = new ColumnConstraints();
        first.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().add(first);
        return grid;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
