package org.marginlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.venue.Venues;

/**
 * Found by the monkey test's long run (seed 20261207, action 2,659): on Bybit inverse, a position
 * whose margin field was cleared has no margin typed; its margin was the engine's exact default,
 * 1/6000 BTC = 0.000166…67 (34 digits). Adding 505 wrote a margin text of 37 decimals, which no
 * field or file holds; the text was refused, the figures kept the old margin, and the 505 taken
 * from the wallet vanished from total equity. Now a margin not typed is the linked margin (initial
 * margin at entry rounded up to 8 decimals) and the transfer conserves equity exactly.
 */
class DefaultMarginTransferTest {

    @Test
    void addingMarginToAPositionWithNoMarginTyped_conservesEquity_onAnInverseVenue() {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        vm.venueProperty().set(Venues.byId("bybit-inverse"));
        PositionViewModel added = vm.addPosition();
        added.textProperty(InputField.ISOLATED_MARGIN).set(""); // the user clears the margin: none typed
        vm.walletTextProperty().set("2807.65201489");
        BigDecimal before = vm.evaluation().risk().totalEquity();

        added.textProperty(InputField.MARGIN_DELTA).set("505");
        added.applyWhatIf();

        assertThat(added.errorProperty(InputField.ISOLATED_MARGIN).get()).isNullOrEmpty();
        assertThat(new BigDecimal(added.textProperty(InputField.ISOLATED_MARGIN).get()).scale()).isLessThanOrEqualTo(30);
        assertThat(vm.evaluation().risk().totalEquity()).isEqualByComparingTo(before);
    }
}
