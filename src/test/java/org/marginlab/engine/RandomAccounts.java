package org.marginlab.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random accounts for the transfer and liquidated-state properties, on every venue: 1–6
 * positions, each isolated or cross, on binance-usdm (bundled BTCUSDT/ETHUSDT tiers, so tier
 * boundaries are crossed), bybit-linear (bundled BTCUSDT), okx and gate (flat 0.4 % plus the
 * default taker fee as close fee), hyperliquid (bundled BTC/ETH), generic (flat 0.5 %), and the
 * inverse binance-coinm (100 USD contracts) and bybit-inverse (1 USD contracts), both flat 0.5 %.
 * Size 0.01–5 BTC (×10 for ETH), entry 20,000–90,000 (ETH a twentieth), mark within ±10 % of the
 * entry, leverage 2–20x. An isolated position states no margin (a third of them: the initial
 * margin at entry) or {@code IM·f}, f ∈ [0.6, 3]; a cross position states none. The cross wallet
 * is {@code Σ IM·w}, w ∈ [0, 3]. Every maintenance requirement is ≥ 0 (amount 0 or the tier
 * recurrence), and every bundled table's rates rise with the tier.
 *
 * <p>Some generated accounts break a venue rule (rarely); use {@link #valid(Account)} with
 * {@code Assume}.
 */
public final class RandomAccounts {
    /** The venues covered. */
    public static final List<String> VENUES = List.of("binance-usdm", "bybit-linear", "okx", "gate", "hyperliquid",
            "generic", "binance-coinm", "bybit-inverse");
    private static final MathContext MC = MathContext.DECIMAL128;

    private RandomAccounts() {
    }

    /** @return accounts as described in the class doc */
    public static Arbitrary<Account> accounts() {
        Arbitrary<List<Object[]>> specs = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Side.values()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("20000"), new BigDecimal("90000")).ofScale(0),
                Arbitraries.bigDecimals().between(new BigDecimal("0.9"), new BigDecimal("1.1")).ofScale(3),
                Arbitraries.integers().between(2, 20), Arbitraries.of(MarginMode.values()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.6"), new BigDecimal("3")).ofScale(2)
                        .injectNull(0.33))
                .as((btc, side, size, entry, mark, lev, mode, f) -> new Object[] {btc, side, size, entry, mark, lev, mode, f})
                .list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<BigDecimal> walletFactor = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3"))
                .ofScale(2);
        return Combinators.combine(Arbitraries.of(VENUES), specs, walletFactor).as((venue, list, wf) -> {
            List<Position> ps = new ArrayList<>();
            BigDecimal im = BigDecimal.ZERO;
            for (int i = 0; i < list.size(); i++) {
                Object[] s = list.get(i);
                Position p = position(venue, i, (Boolean) s[0], (Side) s[1], (BigDecimal) s[2], (BigDecimal) s[3],
                        (BigDecimal) s[4], (Integer) s[5], (MarginMode) s[6], (BigDecimal) s[7]);
                ps.add(p);
                im = im.add(initialMargin(p));
            }
            return Account.of(venue, im.multiply(wf).setScale(8, RoundingMode.DOWN), ps);
        });
    }

    /**
     * An edit of one position, or of the wallet, as a user makes it.
     *
     * @param account  an account, not null
     * @param edit     {@code none}, {@code mark-down} (mark × 0.97), {@code mark-up} (× 1.001),
     *                 {@code leverage} (one less, at least 1), {@code mode} (cross ↔ isolated with
     *                 its initial margin), {@code margin} (an isolated position's margin to 1.5× its
     *                 initial margin), {@code remove}, {@code to-end} (moved to the end) or
     *                 {@code wallet} (+125.5)
     * @param i        the index of the position edited
     * @return the account after the edit, or null if it does not apply (margin of a cross position)
     *         or leaves no position
     */
    public static Account edited(Account account, String edit, int i) {
        List<Position> positions = new ArrayList<>(account.positions());
        Position p = positions.get(i);
        BigDecimal wallet = account.walletBalance();
        switch (edit) {
            case "mark-down" -> positions.set(i, p.withMarkPrice(p.markPrice().multiply(new BigDecimal("0.97"))));
            case "mark-up" -> positions.set(i, p.withMarkPrice(p.markPrice().multiply(new BigDecimal("1.001"))));
            case "leverage" -> positions.set(i, p.toBuilder().leverage(p.leverage().subtract(BigDecimal.ONE)
                    .max(BigDecimal.ONE)).build());
            case "mode" -> positions.set(i, p.marginMode() == MarginMode.CROSS
                    ? p.toBuilder().marginMode(MarginMode.ISOLATED).isolatedMargin(initialMargin(p)).build()
                    : p.toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build());
            case "margin" -> {
                if (p.marginMode() != MarginMode.ISOLATED) {
                    return null;
                }
                positions.set(i, p.withIsolatedMargin(initialMargin(p).multiply(new BigDecimal("1.5"))));
            }
            case "remove" -> positions.remove(i);
            case "to-end" -> positions.add(positions.remove(i));
            case "wallet" -> wallet = wallet.add(new BigDecimal("125.5"));
            default -> {
            }
        }
        return positions.isEmpty() ? null : Account.of(account.venue(), wallet, positions);
    }

    /** Initial margin at entry: {@code Q·CS·EP/L} (linear) or {@code Q·CS/(EP·L)} (inverse). */
    public static BigDecimal initialMargin(Position p) {
        BigDecimal size = p.quantity().multiply(p.contractSize());
        BigDecimal notional = p.contract() == ContractType.INVERSE ? size.divide(p.entryPrice(), MC)
                : size.multiply(p.entryPrice());
        return notional.divide(p.leverage(), MC);
    }

    private static Position position(String venue, int i, boolean btc, Side side, BigDecimal size, BigDecimal entry,
            BigDecimal markFactor, int leverage, MarginMode mode, BigDecimal marginFactor) {
        boolean eth = !btc && (venue.equals("binance-usdm") || venue.equals("hyperliquid"));
        BigDecimal price = eth ? entry.divide(BigDecimal.valueOf(20), 2, RoundingMode.HALF_UP) : entry;
        Position.Builder b = Position.builder().id("p" + i).side(side).leverage(BigDecimal.valueOf(leverage))
                .marginMode(mode).entryPrice(price).markPrice(price.multiply(markFactor))
                .quantity(eth ? size.multiply(BigDecimal.TEN) : size);
        Maintenance flat = new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO);
        switch (venue) {
            case "binance-usdm" -> b.symbol(eth ? "ETHUSDT" : "BTCUSDT");
            case "bybit-linear" -> b.symbol("BTCUSDT");
            case "hyperliquid" -> b.symbol(eth ? "ETH" : "BTC");
            case "okx", "gate" -> b.symbol("BTC-USDT-SWAP").maintenance(new Maintenance(new BigDecimal("0.004"),
                    BigDecimal.ZERO));
            case "generic" -> b.symbol("BTC-USD").maintenance(flat);
            case "binance-coinm" -> b.symbol("BTCUSD").contract(ContractType.INVERSE).contractSize(BigDecimal.valueOf(100))
                    .quantity(size.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.UP).max(BigDecimal.ONE))
                    .maintenance(flat);
            case "bybit-inverse" -> b.symbol("BTCUSD").contract(ContractType.INVERSE)
                    .quantity(size.multiply(entry).setScale(0, RoundingMode.UP)).maintenance(flat);
            default -> throw new IllegalArgumentException(venue);
        }
        Position p = b.build();
        if (mode == MarginMode.ISOLATED && marginFactor != null) {
            p = p.withIsolatedMargin(initialMargin(p).multiply(marginFactor));
        }
        return p;
    }

    /**
     * @param a  an account
     * @return the account in one line, for failure messages
     */
    public static String describe(Account a) {
        StringBuilder b = new StringBuilder(a.venue().id()).append(" W ").append(a.walletBalance().toPlainString());
        for (Position p : a.positions()) {
            b.append("; ").append(p).append(p.isolatedMargin() == null ? "" : " margin " + p.isolatedMargin().toPlainString());
        }
        return b.toString();
    }

    /**
     * @param a  an account
     * @return whether the engine evaluates it without a {@link ValidationException}
     */
    public static boolean valid(Account a) {
        try {
            MarginEngine.DEFAULT.evaluate(a);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }
}
