package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.app.model.InputField;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.Position;

/**
 * Issue "Nothing lost, nothing frozen": the window accepts what a workspace file and the command
 * line accept. A quantity of 19 significant digits and a 25-digit wallet used to be refused by the
 * window's 18-digit rule; the account bar then kept the previous workspace's wallet (10,000.00)
 * under the new file's name.
 */
class OneSetOfLimitsTest {

    @Test
    void aFileWithLongNumbers_opensWithItsOwnFigures_notThePreviousWorkspaces() throws Exception {
        AccountViewModel vm = AccountViewModelTest.open(Samples.BTC_LONG_ISOLATED);
        assertThat(vm.walletShownProperty().get()).isEqualTo("10,000.00 USDT");
        Workspace sample = Samples.open(Samples.BTC_LONG_ISOLATED);
        Position btc = sample.positions().get(0).toBuilder().quantity(new BigDecimal("0.5000000000000000001")).build();
        Workspace longNumbers = new Workspace("long numbers", sample.venueId(),
                new BigDecimal("1234567890123456789012345"), List.of(btc));
        // the file accepts it (write, then read back the same)
        assertThat(WorkspaceFile.fromJson(WorkspaceFile.toJson(longNumbers)).workspace()).isEqualTo(longNumbers);

        vm.load(longNumbers);

        assertThat(vm.walletErrorProperty().get()).isNullOrEmpty();
        assertThat(vm.problemProperty().get()).isNullOrEmpty();
        assertThat(vm.walletShownProperty().get()).isEqualTo("1,234,567,890,123,456,789,012,345.00 USDT");
        assertThat(AccountViewModelTest.row(vm, "btc-long").textProperty(InputField.QUANTITY).get())
                .isEqualTo("0.5000000000000000001");
        assertThat(AccountViewModelTest.row(vm, "btc-long").errorProperty(InputField.QUANTITY).get()).isNullOrEmpty();
    }
}
