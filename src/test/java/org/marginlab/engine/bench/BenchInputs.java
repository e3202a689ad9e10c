package org.marginlab.engine.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.BinanceUsdm;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * Deterministic, realistic benchmark inputs on {@code binance-usdm} with its bundled BTCUSDT and
 * ETHUSDT brackets: symbols alternate, sides are mixed, marks lie within ±5 % of the entry,
 * leverage is a whole 5–20x, sizes keep the notional in the first brackets (so every leverage is
 * allowed), and a cross wallet is twice the positions' initial margin (nothing is liquidated).
 *
 * <p>Not a benchmark itself; the {@code *Benchmark} classes build their inputs with it in
 * {@code @Setup}, and {@link #check} fails the trial early if the inputs stop being valid.
 */
public final class BenchInputs {
    static final VenueRules VENUE = Venues.byId(BinanceUsdm.ID);
    static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final long SEED = 20241024L;

    /** How positions are spread over symbols. */
    public enum Symbols {
        /** BTCUSDT, ETHUSDT, BTCUSDT, …: the bundled presets, as the issue asks. */
        ALTERNATING,
        /**
         * A distinct symbol per position ({@code BTCUSDT-17}, {@code ETHUSDT-18}, …) carrying the
         * bundled BTCUSDT/ETHUSDT table as explicit {@code tiers}: the same arithmetic, but no two
         * cross positions share a symbol, so none is another's Binance hedge leg.
         */
        DISTINCT
    }

    private BenchInputs() {
    }

    /**
     * @param n        number of positions, ≥ 0
     * @param mode     margin mode of every position
     * @param symbols  how symbols are assigned
     * @return n positions {@code p0 … p(n−1)}, same seed → same positions
     */
    static List<Position> positions(int n, MarginMode mode, Symbols symbols) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        TierTable btc = VENUE.presetTiers("BTCUSDT").orElseThrow();
        TierTable eth = VENUE.presetTiers("ETHUSDT").orElseThrow();
        List<Position> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean isBtc = i % 2 == 0;
            // BTC: entry 54,000–66,000 (tick 0.1), 0.010–1.500 BTC  → notional ≈ 0.5k–100k USDT
            // ETH: entry  2,700–3,300 (tick 0.01), 0.10–25.00 ETH   → notional ≈ 0.3k–83k USDT
            BigDecimal entry = isBtc ? decimal(rnd.nextDouble(54_000, 66_000), 1)
                    : decimal(rnd.nextDouble(2_700, 3_300), 2);
            BigDecimal quantity = isBtc ? decimal(rnd.nextDouble(0.010, 1.500), 3)
                    : decimal(rnd.nextDouble(0.10, 25.0), 2);
            BigDecimal mark = entry.multiply(BigDecimal.valueOf(1 + rnd.nextDouble(-0.05, 0.05)))
                    .setScale(entry.scale(), RoundingMode.HALF_EVEN);
            String base = isBtc ? "BTCUSDT" : "ETHUSDT";
            Position.Builder b = Position.builder()
                    .id("p" + i)
                    .symbol(symbols == Symbols.ALTERNATING ? base : base + "-" + i)
                    .side(rnd.nextBoolean() ? Side.LONG : Side.SHORT)
                    .quantity(quantity)
                    .entryPrice(entry)
                    .markPrice(mark)
                    .leverage(BigDecimal.valueOf(rnd.nextInt(5, 21)))
                    .marginMode(mode);
            if (symbols == Symbols.DISTINCT) {
                b.tiers(isBtc ? btc : eth);
            }
            out.add(b.build());
        }
        return out;
    }

    /** Twice the positions' initial margin at entry (Σ Q·entry/leverage), whole USDT. */
    static BigDecimal ampleWallet(List<Position> positions) {
        BigDecimal im = BigDecimal.ZERO;
        for (Position p : positions) {
            im = im.add(p.quantity().multiply(p.entryPrice()).divide(p.leverage(), 2, RoundingMode.UP));
        }
        return im.multiply(BigDecimal.valueOf(2)).setScale(0, RoundingMode.UP).max(BigDecimal.valueOf(1_000));
    }

    /** An account of n positions in one margin mode, with an ample wallet. */
    static Account account(int n, MarginMode mode, Symbols symbols) {
        List<Position> positions = positions(n, mode, symbols);
        return Account.of(VENUE, ampleWallet(positions), positions);
    }

    /**
     * Evaluates the account once and fails unless every position has a result and none is
     * liquidated: a benchmark of inputs the engine rejects or liquidates measures the wrong path.
     */
    static Account check(Account account) {
        AccountRisk risk = ENGINE.evaluate(account);
        if (risk.positions().size() != account.positions().size()) {
            throw new IllegalStateException("expected " + account.positions().size() + " results");
        }
        for (PositionRisk r : risk.positions()) {
            if (r.liquidated()) {
                throw new IllegalStateException("benchmark input is liquidated: " + r.positionId());
            }
        }
        return account;
    }

    private static BigDecimal decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
