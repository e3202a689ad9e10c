package org.marginlab.engine.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.RandomAccounts;
import org.marginlab.engine.Side;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random accounts on every rule set and every version ({@link Venues#versions}), beside
 * {@link RandomAccounts} (which covers eight): the contract type is one the rule set offers
 * (linear and inverse where it has both); a linear position is on one of the rule set's first
 * two preset symbols when it has presets (bundled tiers, so tier boundaries are crossed), else
 * on {@code BTCUSDT} with a flat 0.5 % maintenance rate; an inverse one on {@code BTCUSD},
 * 100 USD contracts (1 USD on half of them), flat 0.5 %. 1–4 positions, each isolated (stating
 * no margin, or {@code IM·f}, f ∈ [0.6, 3]) or cross; on a third of the accounts the first
 * position has a hedge leg: the opposite side on the same symbol, both cross (Binance hedge
 * mode). Size 0.01–5 BTC, entry 20,000–90,000, mark within ±10 %, leverage 2–20x; the cross
 * wallet is {@code Σ IM·w}, w ∈ [0, 3]; the positions share one of {@link #PARAMETERS}. Some accounts break a venue rule: filter with
 * {@link RandomAccounts#valid}.
 */
final class AllVenueAccounts {
    private static final MathContext MC = MathContext.DECIMAL128;

    /** Every version of every rule set. */
    static final List<VenueRules> RULE_SETS = Venues.all().stream().flatMap(v -> Venues.versions(v.id()).stream())
            .toList();

    /**
     * The venue parameters of an account's positions, one of: none; a liquidation fee rate
     * (KuCoin 2025) with a funding rate (KuCoin 2021's funding term); the entry valuation option
     * (Kraken IE), a chosen risk limit and a funding reserve (BitMEX); open-interest-scaled IMF
     * (dYdX), size-dependent rates (Deribit), a liquidation fee rate and an opening date before
     * Bitget's 2025-11-10 rule (whole-position tiers).
     */
    static final List<VenueParameters> PARAMETERS = List.of(VenueParameters.NONE,
            VenueParameters.builder().liquidationFeeRate(new BigDecimal("0.0006")).fundingRate(new BigDecimal("0.0001"))
                    .build(),
            VenueParameters.builder().mmValuation(VenueParameters.MmValuation.ENTRY).riskLimit(new BigDecimal("300000"))
                    .includeFundingReserve(true).fundingRate(new BigDecimal("-0.0002"))
                    .liquidationFeeRate(new BigDecimal("0.0004")).build(),
            VenueParameters.builder().imf(new BigDecimal("0.05")).openInterestNotional(new BigDecimal("30000000"))
                    .oiLowerCap(new BigDecimal("20000000")).oiUpperCap(new BigDecimal("50000000"))
                    .initialMarginRate(new BigDecimal("0.02")).imrSlope(new BigDecimal("0.000005"))
                    .mmrSlope(new BigDecimal("0.000003")).liquidationFeeRate(new BigDecimal("0.0006"))
                    .openedAt(java.time.Instant.parse("2025-01-01T00:00:00Z")).build());

    private AllVenueAccounts() {
    }

    static Arbitrary<Account> accounts() {
        Arbitrary<List<Object[]>> specs = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.of(Side.values()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("20000"), new BigDecimal("90000")).ofScale(0),
                Arbitraries.bigDecimals().between(new BigDecimal("0.9"), new BigDecimal("1.1")).ofScale(3),
                Arbitraries.integers().between(2, 20), Arbitraries.of(MarginMode.values()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.6"), new BigDecimal("3")).ofScale(2)
                        .injectNull(0.33))
                .as((sym, side, size, entry, mark, lev, mode, f) -> new Object[] {sym, side, size, entry, mark, lev, mode, f})
                .list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<BigDecimal> walletFactor = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3"))
                .ofScale(2);
        return Combinators.combine(Arbitraries.of(RULE_SETS), Arbitraries.integers().between(0, 5), specs,
                walletFactor, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3))
                .as((venue, choice, list, wf, hedge, params) -> {
                    List<ContractType> types = venue.contractTypes().stream().sorted().toList();
                    ContractType contract = types.get(choice % types.size());
                    boolean oneUsd = choice >= 3;
                    List<Position> ps = new ArrayList<>();
                    BigDecimal im = BigDecimal.ZERO;
                    for (int i = 0; i < list.size(); i++) {
                        Object[] s = list.get(i);
                        Position p = position(venue, contract, oneUsd, "p" + i, (Integer) s[0], (Side) s[1],
                                (BigDecimal) s[2], (BigDecimal) s[3], (BigDecimal) s[4], (Integer) s[5],
                                hedge == 0 && i == 0 ? MarginMode.CROSS : (MarginMode) s[6], (BigDecimal) s[7]);
                        p = p.toBuilder().venueParameters(PARAMETERS.get(params)).build();
                        ps.add(p);
                        im = im.add(RandomAccounts.initialMargin(p));
                        if (hedge == 0 && i == 0) {
                            Position leg = p.toBuilder().id("p0-hedge").side(p.side() == Side.LONG ? Side.SHORT : Side.LONG)
                                    .quantity(p.quantity().multiply(new BigDecimal("0.6")).setScale(
                                            contract == ContractType.INVERSE ? 0 : 4, RoundingMode.UP))
                                    .build();
                            ps.add(leg);
                            im = im.add(RandomAccounts.initialMargin(leg));
                        }
                    }
                    return Account.of(venue, im.multiply(wf).setScale(8, RoundingMode.DOWN), ps);
                });
    }

    private static Position position(VenueRules venue, ContractType contract, boolean oneUsd, String id, int symbol,
            Side side, BigDecimal size, BigDecimal entry, BigDecimal markFactor, int leverage, MarginMode mode,
            BigDecimal marginFactor) {
        Position.Builder b = Position.builder().id(id).side(side).leverage(BigDecimal.valueOf(leverage))
                .marginMode(mode).entryPrice(entry).markPrice(entry.multiply(markFactor)).contract(contract);
        Maintenance flat = new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO);
        if (contract == ContractType.INVERSE) {
            BigDecimal cs = oneUsd ? BigDecimal.ONE : BigDecimal.valueOf(100);
            b.symbol("BTCUSD").contractSize(cs).maintenance(flat)
                    .quantity(size.multiply(entry).divide(cs, 0, RoundingMode.UP).max(BigDecimal.ONE));
        } else {
            List<String> presets = venue.presetSymbols();
            if (presets.isEmpty()) {
                b.symbol("BTCUSDT").maintenance(flat).quantity(size);
            } else {
                String s = presets.get(Math.min(symbol, presets.size() - 1));
                b.symbol(s).quantity(size);
                if (s.contains("ETH")) {
                    // another coin: price and size scaled so the notional stays in the same range
                    b.entryPrice(entry.divide(BigDecimal.valueOf(20), 2, RoundingMode.HALF_UP))
                            .markPrice(entry.divide(BigDecimal.valueOf(20), 2, RoundingMode.HALF_UP).multiply(markFactor))
                            .quantity(size.multiply(BigDecimal.valueOf(20)));
                }
            }
        }
        Position p = b.build();
        if (mode == MarginMode.ISOLATED && marginFactor != null) {
            p = p.withIsolatedMargin(RandomAccounts.initialMargin(p).multiply(marginFactor, MC));
        }
        return p;
    }
}
