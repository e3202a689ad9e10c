package org.marginlab.app.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid workspaces: every field of the file, optional ones sometimes
 * absent, decimals of many scales, names and ids in any Unicode, every venue, explicit
 * maintenance and tier tables. Small (0-4 positions) so that thousands run in seconds.
 */
final class WorkspaceArbitraries {
    private WorkspaceArbitraries() {
    }

    /** {@code unscaled · 10^-scale} with unscaled in [min, max] and scale in [0, maxScale]. */
    static Arbitrary<BigDecimal> decimal(long min, long max, int maxScale) {
        return Combinators.combine(Arbitraries.longs().between(min, max), Arbitraries.integers().between(0, maxScale))
                .as(BigDecimal::valueOf);
    }

    /** A fraction in [0, 1) with up to 4 (+ extra) decimals. */
    static Arbitrary<BigDecimal> fraction(long maxUnscaled, int scale) {
        return Arbitraries.longs().between(0, maxUnscaled).map(u -> BigDecimal.valueOf(u, scale));
    }

    /** Valid Unicode text (no unpaired surrogate), any other character allowed. */
    static Arbitrary<String> anyText(int minLength, int maxLength) {
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0000', '\uffff')
                .ofMinLength(minLength).ofMaxLength(maxLength).filter(WorkspaceArbitraries::validUnicode);
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ', '.')
                .ofMinLength(minLength).ofMaxLength(maxLength);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, unicode), net.jqwik.api.Tuple.of(3, plain));
    }

    static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static Arbitrary<String> ids() {
        return anyText(1, 10).filter(s -> !s.isBlank());
    }

    static Arbitrary<String> symbols() {
        return Arbitraries.oneOf(Arbitraries.of("BTCUSDT", "ETHUSDT", "BTCUSD", "BTC", "ETH", "SOL"),
                anyText(1, 8).filter(s -> !s.isBlank()));
    }

    static Arbitrary<TierTable> tiers() {
        return Arbitraries.oneOf(tiers(1), tiers(2), tiers(3), tiers(4));
    }

    private static Arbitrary<TierTable> tiers(int n) {
        return Combinators.combine(
                decimal(1, 10_000_000, 2).list().ofSize(n),
                fraction(50, 4),
                fraction(500, 4).list().ofSize(n),
                decimal(1, 200, 1).injectNull(0.3).list().ofSize(n),
                Arbitraries.of(true, false))
                .as((widths, firstMmr, steps, leverages, openEnded) -> {
                    List<BigDecimal> floors = new ArrayList<>();
                    List<BigDecimal> caps = new ArrayList<>();
                    List<BigDecimal> mmrs = new ArrayList<>();
                    BigDecimal floor = BigDecimal.ZERO;
                    BigDecimal mmr = firstMmr;
                    for (int k = 0; k < n; k++) {
                        floors.add(floor);
                        BigDecimal cap = floor.add(widths.get(k));
                        caps.add(k == n - 1 && openEnded ? null : cap);
                        mmrs.add(mmr);
                        floor = cap;
                        mmr = mmr.add(steps.get(k));
                    }
                    return TierTable.ofMarginalRates(floors, caps, mmrs, leverages, "workspace file", null);
                });
    }

    /** Positions of any shape: many are refused by the engine (contract, symbol, leverage). */
    static Arbitrary<Position> positions() {
        return positions(Arbitraries.of(ContractType.class).injectNull(0.3), symbols(),
                Combinators.combine(fraction(999, 3), decimal(0, 1_000_000, 2)).as(Maintenance::new).injectNull(0.6),
                tiers().injectNull(0.6), decimal(1, 2000, 1));
    }

    /**
     * Positions that suit a venue: its contract type, a bundled symbol or an explicit
     * maintenance or tier table, mostly a modest leverage; so that most of them evaluate.
     */
    static Arbitrary<Position> positions(VenueRules venue, ContractType contract) {
        Arbitrary<ContractType> contracts = contract == ContractType.LINEAR
                ? Arbitraries.of(ContractType.LINEAR).injectNull(0.5) : Arbitraries.just(contract);
        Arbitrary<BigDecimal> leverages = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 20).map(BigDecimal::valueOf)),
                net.jqwik.api.Tuple.of(1, decimal(1, 2000, 1)));
        Arbitrary<Maintenance> maintenance = Combinators.combine(fraction(200, 4), decimal(0, 1_000_000, 2))
                .as(Maintenance::new);
        Arbitrary<Position> explicit = Arbitraries.oneOf(
                positions(contracts, symbols(), maintenance, Arbitraries.just(null), leverages),
                positions(contracts, symbols(), Arbitraries.just(null), tiers(), leverages));
        if (venue.presetSymbols().isEmpty()) {
            return explicit;
        }
        return Arbitraries.oneOf(explicit, positions(contracts, Arbitraries.of(venue.presetSymbols()),
                Arbitraries.just(null), Arbitraries.just(null), leverages));
    }

    private static Arbitrary<Position> positions(Arbitrary<ContractType> contracts, Arbitrary<String> symbols,
            Arbitrary<Maintenance> maintenance, Arbitrary<TierTable> tiers, Arbitrary<BigDecimal> leverages) {
        return Builders.withBuilder(Position::builder)
                .use(ids()).in(Position.Builder::id)
                .use(symbols).in(Position.Builder::symbol)
                .use(contracts).in(Position.Builder::contract)
                .use(decimal(1, 1000, 3).injectNull(0.5)).in(Position.Builder::contractSize)
                .use(Arbitraries.of(Side.class)).in(Position.Builder::side)
                .use(decimal(1, 1_000_000_000_000L, 8)).in(Position.Builder::quantity)
                .use(decimal(1, 1_000_000_000_000L, 8)).in(Position.Builder::entryPrice)
                .use(decimal(1, 1_000_000_000_000L, 8).injectNull(0.3)).in(Position.Builder::markPrice)
                .use(leverages).in(Position.Builder::leverage)
                .use(Arbitraries.of(MarginMode.class).injectNull(0.3)).in(Position.Builder::marginMode)
                .use(decimal(0, 10_000_000_000L, 4).injectNull(0.4)).in(Position.Builder::isolatedMargin)
                .use(maintenance).in(Position.Builder::maintenance)
                .use(tiers).in(Position.Builder::tiers)
                .use(decimal(1, 200, 1).injectNull(0.6)).in(Position.Builder::maxLeverage)
                .use(fraction(99, 4).injectNull(0.5)).in(Position.Builder::takerFeeRate)
                .build(Position.Builder::build);
    }

    /**
     * Workspaces: 7 in 8 fitted to their venue and contract type (most evaluate), 1 in 8 of any
     * shape. Built once, without flatMap (which would build new generators for every try).
     */
    static Arbitrary<Workspace> workspaces() {
        List<Arbitrary<Workspace>> fitted = new ArrayList<>();
        for (VenueRules venue : Venues.all()) {
            for (ContractType contract : venue.contractTypes()) {
                fitted.add(workspaces(Arbitraries.just(venue.id()), positions(venue, contract)));
            }
        }
        Arbitrary<Workspace> wild = workspaces(Arbitraries.of(Venues.all().stream().map(VenueRules::id).toList()),
                positions());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, Arbitraries.oneOf(fitted)),
                net.jqwik.api.Tuple.of(1, wild));
    }

    private static Arbitrary<Workspace> workspaces(Arbitrary<String> venues, Arbitrary<Position> positions) {
        return Combinators.combine(
                anyText(0, 30).injectNull(0.2),
                venues,
                decimal(0, 1_000_000_000L, 2),
                positions.list().ofMaxSize(4).uniqueElements(Position::id))
                .as(Workspace::new);
    }
}
