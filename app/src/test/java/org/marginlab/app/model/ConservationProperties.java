package org.marginlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.VenueParameters;

/**
 * Money is one pool (spec workspace-and-cli.md §4): through the app's own commands — applying a
 * margin what-if, switching a mode, changing a leverage that a margin follows, "margin from
 * leverage", undo and redo — at unchanged marks the account's total equity (wallet + every
 * isolated margin + every unrealized PnL) never changes, to the last decimal, and the wallet
 * never goes below zero. Random accounts on five venues (two of them hold a fee to close in the
 * default position margin), random sequences of up to eight commands.
 */
class ConservationProperties {

    /** One user command on the account's view-model. */
    record Op(int kind, int position, BigDecimal amount, int leverage) {
        void run(AccountViewModel vm) {
            if (vm.positions().isEmpty()) {
                return;
            }
            PositionViewModel p = vm.positions().get(position % vm.positions().size());
            switch (kind) {
                case 0 -> {
                    p.textProperty(InputField.MARGIN_DELTA).set(amount.toPlainString());
                    p.applyWhatIf();
                    p.resetWhatIf();
                }
                case 1 -> p.toggleMarginMode();
                case 2 -> p.textProperty(InputField.LEVERAGE).set(Integer.toString(leverage));
                case 3 -> p.linkMarginToLeverage();
                case 4 -> vm.undo();
                default -> vm.redo();
            }
        }
    }

    @Provide
    Arbitrary<Workspace> accounts() {
        Arbitrary<Position> positions = Combinators.combine(
                Arbitraries.of("BTCUSDT", "ETHUSDT", "XYZUSDT"), Arbitraries.of(Side.values()),
                Arbitraries.integers().between(1, 400), Arbitraries.integers().between(80, 120),
                Arbitraries.integers().between(1, 20), Arbitraries.of(MarginMode.values()),
                Arbitraries.integers().between(0, 3)).as((symbol, side, qty, markPct, lev, mode, own) -> {
                    BigDecimal entry = symbol.equals("BTCUSDT") ? new BigDecimal("60000")
                            : symbol.equals("ETHUSDT") ? new BigDecimal("3000") : new BigDecimal("150");
                    BigDecimal quantity = BigDecimal.valueOf(qty).movePointLeft(symbol.equals("BTCUSDT") ? 3 : 1);
                    Position.Builder b = Position.builder().id("p").symbol(symbol).side(side).quantity(quantity)
                            .entryPrice(entry).markPrice(entry.multiply(BigDecimal.valueOf(markPct)).movePointLeft(2))
                            .leverage(BigDecimal.valueOf(lev)).marginMode(mode);
                    if (symbol.equals("XYZUSDT")) {
                        b.maintenance(new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO));
                    }
                    if (mode == MarginMode.ISOLATED && own > 0) {
                        // a margin of one's own: between the initial margin and twice it
                        BigDecimal im = quantity.multiply(entry).divide(BigDecimal.valueOf(lev), 2,
                                java.math.RoundingMode.UP);
                        b.isolatedMargin(im.multiply(BigDecimal.valueOf(2 + own)).movePointLeft(1).setScale(2,
                                java.math.RoundingMode.DOWN));
                    }
                    return b.build();
                });
        // Binance, and venues whose default position margin holds a fee to close (Phemex, Bybit UTA)
        // or whose rules need more inputs (KuCoin's liquidation-fee rate, Bitget's dated versions)
        return Combinators.combine(positions.list().ofMinSize(1).ofMaxSize(5),
                Arbitraries.integers().between(0, 200_000),
                Arbitraries.of("binance-usdm", "phemex", "bybit-uta", "kucoin", "bitget")).as((ps, wallet, venue) -> {
                    List<Position> named = new ArrayList<>();
                    for (int i = 0; i < ps.size(); i++) {
                        Position.Builder b = ps.get(i).toBuilder().id("p" + i);
                        if (!venue.equals("binance-usdm")) {
                            b.maintenance(new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO))
                                    .venueParameters(VenueParameters.builder().liquidationFeeRate(new BigDecimal("0.001"))
                                            .build());
                        }
                        named.add(b.build());
                    }
                    return new Workspace("random", venue, BigDecimal.valueOf(wallet), named);
                });
    }

    @Provide
    Arbitrary<List<Op>> commands() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(-3000, 6000), Arbitraries.integers().between(1, 30))
                .as((k, i, amount, lev) -> new Op(k, i, BigDecimal.valueOf(amount).movePointLeft(amount % 3 == 0 ? 0 : 2), lev));
        return op.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 1000)
    void everyCommandConservesTotalEquityExactly(@ForAll("accounts") Workspace ws, @ForAll("commands") List<Op> ops) {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm.load(ws);
        BigDecimal before = vm.evaluation().risk().totalEquity();
        for (Op op : ops) {
            op.run(vm);
            Evaluation e = vm.evaluation();
            assertThat(e.risk()).as("after %s", op).isNotNull();
            assertThat(e.risk().totalEquity()).as("total equity after %s", op).isEqualByComparingTo(before);
            assertThat(e.wallet().signum()).as("wallet after %s", op).isGreaterThanOrEqualTo(0);
            assertThat(e.walletError()).as("wallet text after %s", op).isNull();
        }
    }
}
