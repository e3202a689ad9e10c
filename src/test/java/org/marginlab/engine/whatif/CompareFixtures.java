package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/** Accounts worked by hand in the comparison and cascade tests (numbers in each test's comments). */
final class CompareFixtures {
    private CompareFixtures() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Position.Builder position(String id, String symbol, Side side, String qty, String entry, String lev) {
        return Position.builder().id(id).symbol(symbol).side(side).quantity(d(qty)).entryPrice(d(entry)).leverage(d(lev));
    }

    /**
     * Binance's FAQ cross example (spec margin-formulas.md §1.1): WB 1,535,443.01; BTCUSDT long
     * 109.488 @ 32,481.98, mark 31,967.27, MMR 2.5 %, cum 16,300; ETHUSDT long 3,683.979 @
     * 1,456.84, mark 1,335.18, MMR 10 %, cum 135,365; both 10x cross.
     */
    static Account faqCross() {
        return Account.of("binance-usdm", d("1535443.01"), List.of(
                position("btc-long", "BTCUSDT", Side.LONG, "109.488", "32481.98", "10").markPrice(d("31967.27"))
                        .marginMode(MarginMode.CROSS).maintenance(new Maintenance(d("0.025"), d("16300"))).build(),
                position("eth-long", "ETHUSDT", Side.LONG, "3683.979", "1456.84", "10").markPrice(d("1335.18"))
                        .marginMode(MarginMode.CROSS).maintenance(new Maintenance(d("0.1"), d("135365"))).build()));
    }

    /** 0.5 BTCUSDT long @ 60,000, mark 59,000, 20x, isolated 1,500; cross wallet 10,000 (bundled tiers: 0.4 %). */
    static Account btcLongIsolated() {
        return Account.of("binance-usdm", d("10000"), List.of(
                position("btc-long", "BTCUSDT", Side.LONG, "0.5", "60000", "20").markPrice(d("59000"))
                        .isolatedMargin(d("1500")).build()));
    }

    /**
     * The course example: cross wallet 500; three isolated longs with marks at entry, each
     * margin its initial margin: BTCUSDT 0.2 @ 60,000 20x (600, MMR 0.4 %), ETHUSDT 2 @ 3,000 5x
     * (1,200, MMR 0.4 %), SOLUSDT 20 @ 150 3x (1,000, override MMR 1 %).
     */
    static Account course() {
        return Account.of("binance-usdm", d("500"), List.of(
                position("btc-long", "BTCUSDT", Side.LONG, "0.2", "60000", "20").isolatedMargin(d("600")).build(),
                position("eth-long", "ETHUSDT", Side.LONG, "2", "3000", "5").isolatedMargin(d("1200")).build(),
                position("sol-long", "SOLUSDT", Side.LONG, "20", "150", "3").isolatedMargin(d("1000"))
                        .maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO)).build()));
    }

    /** Binance COIN-M: 100 BTCUSD contracts of 100 USD long @ 50,000, mark 51,000, 20x, isolated 0.01 BTC, MMR 0.4 %. */
    static Account coinmLong() {
        return Account.of("binance-coinm", d("0.05"), List.of(
                position("btcusd-long", "BTCUSD", Side.LONG, "100", "50000", "20").contract(ContractType.INVERSE)
                        .contractSize(d("100")).markPrice(d("51000")).isolatedMargin(d("0.01"))
                        .maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO)).build()));
    }
}
