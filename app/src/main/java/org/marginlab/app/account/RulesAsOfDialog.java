package org.marginlab.app.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Edit → Rules as of…: picks the workspace's {@code asOf} (spec venues-v2.md §12.2), the date
 * whose rule-set versions apply, or the latest rules. Lists the venue's dated versions so the
 * choice is informed. A view: it only reads the account and calls
 * {@link AccountViewModel#setRulesAsOf} on OK (an undoable edit).
 */
public final class RulesAsOfDialog {
    private RulesAsOfDialog() {
    }

    /**
     * Shows the dialog and applies the choice on OK.
     *
     * @param owner    the owning window, may be null
     * @param account  the account, not null
     */
    public static void show(Window owner, AccountViewModel account) {
        Dialog<ButtonType> dialog = build(account);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> apply(dialog, account));
    }

    /**
     * @param account  the account
     * @return the dialog, not shown (tests look it up and press its buttons)
     */
    static Dialog<ButtonType> build(AccountViewModel account) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Rules as of");
        dialog.setHeaderText("Which date's venue rules apply to this workspace?");
        DatePicker date = new DatePicker();
        date.setId("rulesAsOfDate");
        date.setPromptText("yyyy-mm-dd");
        // ISO dates, as the workspace file and calc --as-of write them, whatever the locale
        date.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        CheckBox latest = new CheckBox("Latest rules (no date)");
        latest.setId("rulesLatest");
        Instant asOf = account.rulesAsOf();
        latest.setSelected(asOf == null);
        date.setValue(asOf == null ? null : asOf.atZone(ZoneOffset.UTC).toLocalDate());
        date.disableProperty().bind(latest.selectedProperty());
        VenueRules venue = account.venueProperty().get();
        List<VenueRules> versions = venue == null ? List.of() : Venues.versions(venue.id());
        Label known = new Label(versions.isEmpty() ? "" : venue.displayName() + " rule sets: " + String.join("; ",
                versions.stream().map(RuleSetText::describe).toList()));
        known.setId("rulesVersions");
        known.setWrapText(true);
        known.setMaxWidth(460);
        String pinned = account.evaluationProperty().get().draft().venueId();
        Label hint = new Label("Venues change their formulas without changing their pages (KuCoin on 2025-05-22, Bitget on "
                + "2025-09-29 and 2025-11-10). A date applies the rules in force at the end of that day (UTC) and "
                + "reproduces the figures a venue showed then; it is saved with the workspace (asOf) and undone with Ctrl+Z."
                + (pinned.contains("@") ? " This workspace names one version, " + pinned + "; OK replaces that with "
                        + "the rules of the date (or the latest)." : ""));
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        dialog.getDialogPane().setContent(new VBox(10, latest, date, known, hint));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // OK only with a date to apply: "Latest rules", or a date that reads as yyyy-mm-dd
        javafx.beans.binding.BooleanBinding noDate = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !latest.isSelected() && typed(date) == null, latest.selectedProperty(),
                date.getEditor().textProperty(), date.valueProperty());
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(noDate);
        dialog.getDialogPane().getProperties().put(DatePicker.class, date);
        dialog.getDialogPane().getProperties().put(CheckBox.class, latest);
        return dialog;
    }

    /**
     * The date as typed (Enter may close the dialog before the picker commits its text), else as
     * picked; null when the text is not a yyyy-mm-dd date.
     */
    private static LocalDate typed(DatePicker date) {
        String text = date.getEditor().getText();
        if (text != null && !text.isBlank()) {
            try {
                return LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return date.getValue();
    }

    /** Applies the dialog's choice: the date's start in UTC, or null for the latest rules. */
    static void apply(Dialog<ButtonType> dialog, AccountViewModel account) {
        DatePicker date = (DatePicker) dialog.getDialogPane().getProperties().get(DatePicker.class);
        CheckBox latest = (CheckBox) dialog.getDialogPane().getProperties().get(CheckBox.class);
        LocalDate day = latest.isSelected() ? null : typed(date);
        Instant now = account.rulesAsOf();
        Instant chosen;
        if (day == null) {
            chosen = null;
        } else if (now != null && now.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) {
            chosen = now; // the date shown, unchanged: keep the file's own time of day
        } else {
            chosen = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1); // 23:59:59 UTC
        }
        account.setRulesAsOf(chosen);
    }
}
