package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.cli.CliRunner.Run;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.MarginEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Displayed prices on the instrument's tick (spec venues-v2.md §11): where a tick is known
 * (Kraken Futures PI_XBTUSD, 0.5, bundled) the liquidation and bankruptcy prices are shown rounded
 * toward the entry, the same in the editor and in {@code calc}'s table, and {@code calc --json}
 * keeps full precision and adds the displayed value. Where no tick is known nothing changes.
 *
 * <p>The position: long 10,000 PI_XBTUSD contracts (1 USD each) at 60,000, 10x, isolated, MMR 1 %
 * (a maintenance override), MM valued at the liquidation price (Kraken's default, template I-P):
 * N = 10,000 USD, M = the linked margin N/(EP·lev) = 1/60 BTC rounded up to 8 decimals = 0.01666667,
 * LP = N·(1 + MMR) / (N/EP + M) = 10,100 / (0.16666666667 + 0.01666667) = 55,090.9081…;
 * shown on the 0.5 tick, long rounded up: 55,091.0. BP = N / (N/EP + M) = 10,000 / 0.18333333667 =
 * 54,545.4536…, shown 54,545.5.
 */
class TickDisplayTest {
    private static final String WORKSPACE = """
            {"format": "marginlab-workspace", "version": 1, "venue": "kraken-futures", "walletBalance": "0",
             "positions": [{"id": "xbt", "symbol": "PI_XBTUSD", "contract": "inverse", "contractSize": "1",
               "side": "long", "quantity": "10000", "entryPrice": "60000", "leverage": "10",
               "maintenance": {"mmr": "0.01", "maintenanceAmount": "0"}}]}
            """;

    @Test
    void jsonKeepsFullPrecisionAndAddsTheDisplayedPrice() throws Exception {
        Run run = runWithStdin(WORKSPACE, "calc", "--json");
        assertThat(run.err()).isEmpty();
        JsonNode p = new ObjectMapper().readTree(run.out()).get("positions").get(0);
        assertThat(p.get("liquidationPrice").decimalValue()).isBetween(new BigDecimal("55090.9080"),
                new BigDecimal("55090.9082"));
        assertThat(p.get("tickSize").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(p.get("liquidationPriceDisplayed").decimalValue()).isEqualByComparingTo("55091.0");
        assertThat(p.get("bankruptcyPrice").decimalValue()).isBetween(new BigDecimal("54545.4535"),
                new BigDecimal("54545.4537"));
        assertThat(p.get("bankruptcyPriceDisplayed").decimalValue()).isEqualByComparingTo("54545.5");
    }

    @Test
    void theEditorAndTheTableShowTheSameTickedPrice() throws Exception {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm.load(WorkspaceFile.fromJson(WORKSPACE).workspace());
        PositionViewModel xbt = vm.positions().get(0);
        assertThat(xbt.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("55,091.00 USD");
        assertThat(xbt.figureProperty(Figure.BANKRUPTCY_PRICE).get()).isEqualTo("54,545.50 USD");

        Run table = runWithStdin(WORKSPACE, "calc");
        assertThat(table.out()).contains("55,091.00").contains("54,545.50").doesNotContain("55,090.91");
    }

    @Test
    void withoutATickNothingIsAdded() throws Exception {
        Run run = runWithStdin(WORKSPACE.replace("PI_XBTUSD", "PI_ETHUSD"), "calc", "--json");
        JsonNode p = new ObjectMapper().readTree(run.out()).get("positions").get(0);
        assertThat(p.has("liquidationPriceDisplayed")).isFalse();
        assertThat(p.has("tickSize")).isFalse();
    }
}
