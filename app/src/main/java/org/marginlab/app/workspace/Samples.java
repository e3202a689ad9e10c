package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The sample workspaces bundled with the app. Their single source is the repository's
 * {@code assets/samples/*.marginlab}; the app's build copies them into the module as resources
 * under {@value #RESOURCE_FOLDER} (see {@code app/pom.xml}).
 */
public final class Samples {
    /** The resource folder of the bundled samples inside module {@code org.marginlab.app}. */
    public static final String RESOURCE_FOLDER = "/org/marginlab/app/samples/";

    /** One isolated BTCUSDT long on Binance USDⓈ-M (the example of spec workspace-and-cli.md §1). */
    public static final String BTC_LONG_ISOLATED = "btc-long-isolated.marginlab";
    /** Binance's FAQ cross-margin example: BTCUSDT and ETHUSDT longs sharing one wallet. */
    public static final String BINANCE_FAQ_CROSS = "binance-faq-cross.marginlab";
    /** A BTCUSDT long hedged by an ETHUSDT short in one cross wallet on Binance USDⓈ-M. */
    public static final String BTC_LONG_ETH_SHORT_HEDGE = "btc-long-eth-short-hedge.marginlab";
    /** A Binance COIN-M BTCUSD long (inverse, 100 USD contracts, MMR 0.4 % override). */
    public static final String BINANCE_COINM_BTCUSD = "binance-coinm-btcusd.marginlab";
    /** A Hyperliquid USDC account: BTC and SOL cross, ETH short isolated, bundled tiers. */
    public static final String HYPERLIQUID_ACCOUNT = "hyperliquid-account.marginlab";
    /** A course example: three isolated longs that a cross wallet would lose all at once. */
    public static final String COURSE_CROSS_CASCADE = "course-cross-cascade.marginlab";

    /**
     * KuCoin Futures, two isolated positions and one cross: its isolated rules changed on
     * 2025-05-22 (maintenance margin at the mark, a liquidation fee), which Edit → Rules as of…
     * shows side by side (spec venues-v2.md §2.3, §2.4).
     */
    public static final String KUCOIN_RULE_CHANGE = "kucoin-rule-change.marginlab";

    private static final List<String> NAMES = List.of(BTC_LONG_ISOLATED, BINANCE_FAQ_CROSS, BTC_LONG_ETH_SHORT_HEDGE,
            BINANCE_COINM_BTCUSD, HYPERLIQUID_ACCOUNT, COURSE_CROSS_CASCADE, KUCOIN_RULE_CHANGE);

    private Samples() {
    }

    /**
     * @param fileName  one of {@link #names()}
     * @return the sample's title for menus (the workspace's name), or the file name
     */
    public static String title(String fileName) {
        switch (fileName) {
            case BTC_LONG_ISOLATED: return "BTC long (isolated)";
            case BINANCE_FAQ_CROSS: return "Binance FAQ cross example (BTCUSDT + ETHUSDT)";
            case BTC_LONG_ETH_SHORT_HEDGE: return "BTC long + ETH short hedge (cross)";
            case BINANCE_COINM_BTCUSD: return "Binance COIN-M BTCUSD long (inverse)";
            case HYPERLIQUID_ACCOUNT: return "Hyperliquid account (BTC, ETH, SOL)";
            case COURSE_CROSS_CASCADE: return "Course: cross cascade (three longs, one drop)";
            case KUCOIN_RULE_CHANGE: return "KuCoin: the 2025-05-22 rule change";
            default: return fileName;
        }
    }

    /** @return the file names of the bundled samples, in menu order; unmodifiable */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Reads a bundled sample.
     *
     * @param fileName  one of {@link #names()}, e.g. {@value #BTC_LONG_ISOLATED}; not null
     * @return the workspace, never null
     * @throws IllegalArgumentException if no sample has that name
     * @throws IllegalStateException if the bundled sample is broken (a packaging error; tests
     *         guard against it)
     */
    public static Workspace open(String fileName) {
        if (!NAMES.contains(fileName)) {
            throw new IllegalArgumentException("no bundled sample named " + fileName + "; known: " + NAMES);
        }
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE_FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalStateException("bundled sample " + fileName + " is missing from the module");
            }
            return WorkspaceFile.read(in, fileName).workspace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WorkspaceException e) {
            throw new IllegalStateException("bundled sample " + fileName + " is broken: " + e.getMessage(), e);
        }
    }
}
