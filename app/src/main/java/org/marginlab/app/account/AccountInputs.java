package org.marginlab.app.account;

import java.math.BigDecimal;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.marginlab.app.model.Draft;
import org.marginlab.app.model.DraftEditor;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * The edit buffers of the account's own inputs — venue, name, cross wallet, price shock (field,
 * slider and symbol) — that the header and the shock bar bind to. A user's change is sent to the
 * {@link DraftEditor} as an edit of the draft; {@link #sync} sets every buffer back from the
 * draft after each evaluation, without sending it again.
 */
final class AccountInputs {
    private final ObjectProperty<VenueRules> venue = new SimpleObjectProperty<>(this, "venue", Venues.byId("binance-usdm"));
    private final StringProperty name = new SimpleStringProperty(this, "name", "Untitled");
    private final StringProperty walletText = new SimpleStringProperty(this, "walletBalance", "0");
    private final StringProperty shockText = new SimpleStringProperty(this, "shock", "0");
    private final ObjectProperty<String> shockSymbol = new SimpleObjectProperty<>(this, "shockSymbol");
    private final DoubleProperty shockSlider = new SimpleDoubleProperty(this, "shockSlider", 0);
    private boolean syncing;
    private Formats formats;

    AccountInputs(DraftEditor editor, Formats formats) {
        this.formats = formats;
        venue.addListener((o, a, b) -> {
            if (!syncing && b != null) {
                editor.command(null, e -> editor.edits().changeVenue(e, b));
            }
        });
        name.addListener((o, a, b) -> {
            if (!syncing) {
                editor.edit("name", d -> d.withName(b));
            }
        });
        walletText.addListener((o, a, b) -> {
            if (!syncing) {
                editor.edit("wallet", d -> d.withWalletText(b));
            }
        });
        shockText.addListener((o, a, b) -> {
            if (!syncing) {
                editor.edit("shock", d -> d.withShock(b, d.shockSymbol()));
            }
        });
        shockSymbol.addListener((o, a, b) -> {
            if (!syncing) {
                editor.edit("shock", d -> d.withShock(d.shockText(), b));
            }
        });
        shockSlider.addListener((o, a, b) -> {
            if (!syncing) {
                shockText.set(this.formats.editable(BigDecimal.valueOf(b.doubleValue()), 1));
            }
        });
    }

    /** Sets every buffer from an evaluation's draft, without sending it back as an edit. */
    void sync(Evaluation e) {
        syncing = true;
        try {
            Draft d = e.draft();
            if (e.venue() != null) {
                venue.set(e.venue());
            }
            name.set(d.name());
            walletText.set(d.walletText());
            if (!shockText.get().equals(d.shockText()) && !(d.shockText().isEmpty() && "0".equals(shockText.get()))) {
                shockText.set(d.shockText());
            }
            shockSymbol.set(d.shockSymbol());
            if (e.shockError() == null) {
                shockSlider.set(e.shock().movePointRight(2).doubleValue());
            }
        } finally {
            syncing = false;
        }
    }

    ObjectProperty<VenueRules> venue() {
        return venue;
    }

    StringProperty name() {
        return name;
    }

    StringProperty walletText() {
        return walletText;
    }

    StringProperty shockText() {
        return shockText;
    }

    ObjectProperty<String> shockSymbol() {
        return shockSymbol;
    }

    DoubleProperty shockSlider() {
        return shockSlider;
    }

    /** @param next  the number format the shock slider writes its value in from now on, not null */
    void setFormats(Formats next) {
        this.formats = next;
    }
}
