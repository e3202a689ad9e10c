package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.tiers.LocalVenue;
import org.marginlab.app.tiers.TierRefreshViewModel.ChangeRow;
import org.marginlab.app.tiers.TierSources;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.tier.InstalledTiers;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Help → Update tier tables on the Hyperliquid sample, against a local server serving the
 * venues' recorded answers: the dialog ticks the bundled and used symbols, Fetch shows each one's
 * status and the tiers that change, Apply stores the new tables, the workspace re-evaluates with
 * them (ETH's liquidation price moves) and the header says so. Cancel changes nothing; an
 * unreachable venue is said to be offline.
 */
@ExtendWith(ApplicationExtension.class)
class TierRefreshUiTest {
    private AppViewModel model;
    private MainView view;
    private Stage stage;
    private LocalVenue venue;
    private Path data;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-tiers");
        t.setDaemon(true);
        return t;
    });

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.HYPERLIQUID_ACCOUNT);
        stage.setScene(MarginLabApp.createScene(model));
        view = (MainView) stage.getScene().getRoot();
        data = Files.createTempDirectory("marginlab-tiers-ui");
        venue = LocalVenue.start()
                .serve("/v5/market/risk-limit?category=linear&symbol=BTCUSDT", "bybit-risk-limit-linear-BTCUSDT.json")
                .serve("/info", "hyperliquid-meta-doc.json");
        stage.show();
    }

    @AfterEach
    void stop() throws IOException {
        InstalledTiers.clear();
        venue.close();
        worker.shutdownNow();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Adds Help → Update tier tables… as the app does, its venues at {@code base}. */
    private void addMenuItem(FxRobot robot, URI base) {
        robot.interact(() -> view.helpMenu().getItems().add(MarginLabApp.tierItem(stage, model, TierSources.create(base),
                () -> LocalDate.of(2026, 12, 6), data, worker, Platform::runLater)));
    }

    private void openDialog(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("Update tier tables…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tierDialog").tryQuery()).isPresent();
    }

    private void fetchAndWait(FxRobot robot) throws TimeoutException {
        robot.clickOn("#tierFetch");
        Button fetch = robot.lookup("#tierFetch").queryButton();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !fetch.isDisabled()
                && !robot.lookup("#tierStatus").queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Leaves ticked only the given venue/symbol boxes (as a user unticks the others). */
    private void tickOnly(FxRobot robot, String... ids) {
        List<String> keep = List.of(ids);
        robot.interact(() -> {
            for (Node n : robot.lookup("#tierTargets").query().lookupAll(".check-box")) {
                ((CheckBox) n).setSelected(keep.contains(n.getId()));
            }
        });
    }

    private List<String> statusLines(FxRobot robot) {
        return LabelTexts.of(robot.lookup("#tierStatus").query());
    }

    private void selectPosition(FxRobot robot, String id) {
        robot.interact(() -> {
            PositionViewModel p = model.account().positions().stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow();
            model.account().selectedProperty().set(p);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String liquidationPrice(FxRobot robot) {
        return robot.lookup("#liquidationPrice").queryLabeled().getText();
    }

    /** The texts of the visible cells of one column of the table of what changed. */
    private static List<String> cells(FxRobot robot, String columnTitle) {
        TableView<?> table = robot.lookup("#tierChanges").queryAs(TableView.class);
        List<String> out = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && cell.getTableColumn().getText().equals(columnTitle) && cell.getText() != null
                    && cell.getIndex() >= 0 && cell.getIndex() < table.getItems().size()) {
                out.add(cell.getIndex() + ":" + cell.getText());
            }
        }
        out.sort(Comparator.comparingInt(s -> Integer.parseInt(s.substring(0, s.indexOf(':')))));
        return out;
    }

    @Test
    void fetchShowsWhatChangesAndApplyReevaluatesTheWorkspace(FxRobot robot) throws Exception {
        selectPosition(robot, "eth-short");
        // bundled ETH: 25x, MMR 1/(2·25) = 2 %; the short is liquidated where 600 + 2·(3000 − P) = 2·P·0.02: P = 3300/1.02
        assertThat(liquidationPrice(robot)).isEqualTo("3,235.29 USDC");

        addMenuItem(robot, venue.base());
        openDialog(robot);
        assertThat(robot.lookup("#tier-hyperliquid-ETH").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#tier-hyperliquid-SOL").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#tier-bybit-linear-BTCUSDT").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#tier-bybit-linear-ETHUSDT").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#tier-okx-BTCUSDT").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#tierApply").queryButton().isDisabled()).isTrue();
        assertThat(venue.requests()).as("nothing is fetched before Fetch").isEmpty();
        tickOnly(robot, "tier-bybit-linear-BTCUSDT", "tier-hyperliquid-BTC", "tier-hyperliquid-ETH", "tier-hyperliquid-SOL");

        fetchAndWait(robot);
        assertThat(statusLines(robot)).containsExactly(
                "Bybit USDT perpetual BTCUSDT: unchanged (20 tiers)",
                "Hyperliquid BTC: updated, 2 of 2 tiers changed",
                "Hyperliquid ETH: updated, 2 of 2 tiers changed",
                "Hyperliquid SOL: refused, nothing changed — universe does not list SOL");
        // the documented meta gives BTC and ETH 50x with no margin table: one tier, MMR 1/(2·50) = 1 %
        assertThat(cells(robot, "Symbol")).containsExactly("0:BTC", "1:BTC", "2:ETH", "3:ETH");
        assertThat(cells(robot, "Tier")).containsExactly("0:1", "1:2 (gone)", "2:1", "3:2 (gone)");
        assertThat(cells(robot, "MMR")).containsExactly("0:1.25 % → 1 %", "1:2.5 % → —", "2:2 % → 1 %", "3:3.3333 % → —");
        assertThat(cells(robot, "Cap (notional)")).containsExactly("0:150,000,000 → ∞", "1:∞ → —", "2:100,000,000 → ∞",
                "3:∞ → —");
        assertThat(cells(robot, "Max leverage")).containsExactly("0:40× → 50×", "1:20× → —", "2:25× → 50×", "3:15× → —");
        javafx.scene.Parent dialog = (javafx.scene.Parent) robot.lookup("#tierDialog").query();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(org.marginlab.app.layout.FitProblems.of(dialog)));
        assertThat(cut).as("every header, cell and line is shown whole").isEmpty();
        assertThat(robot.lookup("#tierMessage").queryLabeled().getText()).isEqualTo("2 tables to apply. Apply stores "
                + "them in " + data.resolve("tiers") + " and the workspace uses them at once. The others stay as they are.");
        assertThat(liquidationPrice(robot)).as("nothing changes before Apply").isEqualTo("3,235.29 USDC");
        assertThat(Files.exists(data.resolve("tiers"))).isFalse();

        robot.clickOn("#tierApply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tierDialog").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#workspaceMessage").queryLabeled().getText()).isEqualTo("Tier tables updated: "
                + "hyperliquid BTC (as of 2026-12-06), hyperliquid ETH (as of 2026-12-06). Stored in " + data.resolve("tiers")
                + "; the workspace uses them now.");
        // ETH now at MMR 1 %: P = 3300/1.01
        assertThat(liquidationPrice(robot)).isEqualTo("3,267.33 USDC");
        assertThat(Files.readString(data.resolve("tiers/hyperliquid/ETH.csv"))).contains("# asOf: 2026-12-06\n",
                "# source: POST " + venue.base() + "/info {\"type\":\"meta\"}\n", "0,,50,0.01,0\n");
        assertThat(Files.exists(data.resolve("tiers/hyperliquid/SOL.csv"))).isFalse();
        assertThat(Files.exists(data.resolve("tiers/bybit-linear"))).isFalse();
        assertThat(model.dirtyProperty().get()).as("new tables are not an edit").isFalse();
    }

    @Test
    void cancelChangesNothing(FxRobot robot) throws Exception {
        selectPosition(robot, "eth-short");
        addMenuItem(robot, venue.base());
        openDialog(robot);
        fetchAndWait(robot);
        assertThat(robot.lookup("#tierApply").queryButton().isDisabled()).isFalse();
        long version = InstalledTiers.version();

        robot.clickOn("#tierCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tierDialog").tryQuery()).isEmpty();
        assertThat(InstalledTiers.version()).isEqualTo(version);
        assertThat(Files.exists(data.resolve("tiers"))).isFalse();
        assertThat(liquidationPrice(robot)).isEqualTo("3,235.29 USDC");
        assertThat(robot.lookup("#workspaceMessage").queryLabeled().getText()).isEmpty();
    }

    @Test
    void anUnreachableVenueIsOffline(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = s.getLocalPort();
        }
        addMenuItem(robot, URI.create("http://127.0.0.1:" + port));
        openDialog(robot);
        tickOnly(robot, "tier-bybit-linear-BTCUSDT", "tier-hyperliquid-BTC", "tier-hyperliquid-ETH", "tier-hyperliquid-SOL");
        fetchAndWait(robot);

        assertThat(statusLines(robot)).containsExactly(
                "Bybit USDT perpetual BTCUSDT: offline — Could not reach 127.0.0.1:" + port + ": connection refused",
                "Hyperliquid BTC: offline — Could not reach 127.0.0.1:" + port + ": connection refused",
                "Hyperliquid ETH: offline — not asked, Hyperliquid did not answer for BTC",
                "Hyperliquid SOL: offline — not asked, Hyperliquid did not answer for BTC");
        Node offline = robot.lookup("#tierStatus-hyperliquid-BTC").query();
        assertThat(offline.getStyleClass()).contains("tier-offline");
        assertThat(robot.lookup("#tierMessage").queryLabeled().getText())
                .isEqualTo("Nothing to apply: the tables in use stay as they are.");
        assertThat(robot.lookup("#tierApply").queryButton().isDisabled()).isTrue();
        robot.clickOn("#tierCancel");
        assertThat(Window.getWindows()).noneMatch(w -> w.getScene() != null
                && w.getScene().getRoot() != null && "tierDialog".equals(w.getScene().getRoot().getId()));
        assertThat(robot.lookup("#tierProgressText").tryQueryAs(Label.class)).isEmpty();
    }
}
