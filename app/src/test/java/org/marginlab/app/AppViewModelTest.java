package org.marginlab.app;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.position.Figure;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;

/** Document commands with scripted dialogs, no toolkit. */
class AppViewModelTest {
    @TempDir
    Path dir;

    private AppViewModel model(ScriptedDialogs dialogs) {
        AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(dir.resolve("recent.txt")), dialogs);
        vm.openSample(Samples.BTC_LONG_ISOLATED);
        return vm;
    }

    @Test
    void editing_marksDirtyInTheTitle_andSaveAsClearsIt() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        assertThat(vm.titleProperty().get()).isEqualTo("MarginLab — BTC long (isolated)");
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("MarginLab — BTC long (isolated) •");
        dialogs.save = dir.resolve("mine");
        assertThat(vm.save()).isTrue();
        assertThat(Files.exists(dir.resolve("mine.marginlab"))).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.recentFiles()).containsExactly(dir.resolve("mine.marginlab").toAbsolutePath());
    }

    @Test
    void saveThenOpen_keepsEveryFieldExactly() throws IOException {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        vm.openSample(Samples.BINANCE_FAQ_CROSS);
        dialogs.save = dir.resolve("faq.marginlab");
        assertThat(vm.saveAs()).isTrue();
        String written = Files.readString(dir.resolve("faq.marginlab"));
        AppViewModel other = new AppViewModel(Locale.US, new RecentFiles(null), dialogs);
        assertThat(other.open(dir.resolve("faq.marginlab"))).isTrue();
        assertThat(other.account().toWorkspace()).isEqualTo(vm.account().toWorkspace());
        assertThat(written).contains("\"walletBalance\": \"1535443.01\"").contains("\"quantity\": \"109.488\"");
        assertThat(other.position().figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("26,316.89 USDT");
    }

    @Test
    void unsavedChanges_areAskedAbout_andCancelKeepsThem() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        vm.position().textProperty(InputField.QUANTITY).set("0.7");
        dialogs.discard = org.marginlab.app.workspace.DocumentDialogs.Discard.CANCEL;
        vm.openSample(Samples.BINANCE_FAQ_CROSS);
        assertThat(dialogs.discardQuestions).isEqualTo(1);
        assertThat(vm.position().textProperty(InputField.QUANTITY).get()).isEqualTo("0.7");
        dialogs.discard = org.marginlab.app.workspace.DocumentDialogs.Discard.DISCARD;
        vm.openSample(Samples.BINANCE_FAQ_CROSS);
        assertThat(vm.workspaceNameProperty().get()).startsWith("Binance FAQ cross example");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void openingACorruptFile_reportsItAndChangesNothing() throws IOException {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        Path bad = dir.resolve("bad.marginlab");
        Files.writeString(bad, "{ \"format\": \"marginlab-workspace\", \"version\": 1, \"venue\": ");
        byte[] before = Files.readAllBytes(bad);
        assertThat(vm.open(bad)).isFalse();
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not open bad.marginlab")
                .contains("The file was not changed");
        assertThat(Files.readAllBytes(bad)).isEqualTo(before);
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
    }

    @Test
    void savingWithAnInvalidField_writesNothingAndSaysWhy() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        vm.position().textProperty(InputField.ENTRY_PRICE).set("0");
        dialogs.save = dir.resolve("x.marginlab");
        assertThat(vm.saveAs()).isFalse();
        assertThat(Files.exists(dir.resolve("x.marginlab"))).isFalse();
        assertThat(dialogs.errors()).singleElement().asString().contains("btc-long.entryPrice: must be > 0 (got 0)");
    }

    @Test
    void newWorkspace_startsWithOnePositionAndIsClean() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        vm.newWorkspace();
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("Untitled");
        assertThat(vm.account().positions()).hasSize(1);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.fileProperty().get()).isNull();
    }

    @Test
    void openThenSave_keepsEveryDigitAndTrailingZero() throws IOException {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppViewModel vm = model(dialogs);
        Path in = dir.resolve("exact.marginlab");
        Files.writeString(in, "{\"format\": \"marginlab-workspace\", \"version\": 1, \"name\": \"exact\", "
                + "\"venue\": \"binance-usdm\", \"walletBalance\": \"10000.50\", \"positions\": [{\"id\": \"p\", "
                + "\"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": \"0.123456789012\", "
                + "\"entryPrice\": \"60000.00\", \"markPrice\": \"59000.10\", \"leverage\": \"20\", "
                + "\"isolatedMargin\": \"400.000000\"}]}");
        assertThat(vm.open(in)).isTrue();
        dialogs.save = dir.resolve("out.marginlab");
        assertThat(vm.saveAs()).isTrue();
        String out = Files.readString(dir.resolve("out.marginlab"));
        assertThat(out).contains("\"walletBalance\": \"10000.50\"").contains("\"quantity\": \"0.123456789012\"")
                .contains("\"entryPrice\": \"60000.00\"").contains("\"markPrice\": \"59000.10\"")
                .contains("\"isolatedMargin\": \"400.000000\"");
    }
}
