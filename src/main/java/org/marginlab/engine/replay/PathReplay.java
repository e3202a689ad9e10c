package org.marginlab.engine.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.whatif.LiquidationCascade;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;

/**
 * An account walked along a {@link PricePath}: at every point, the state of three accounts built
 * from it, and every liquidation on the way with its time. The replay is <b>path-dependent</b>: a
 * position liquidated at a wick stays liquidated (closed, at what its liquidation model left)
 * when the price comes back.
 *
 * <p><b>The three accounts</b> ({@link ReplaySide}):
 * <ul>
 *   <li>{@code ISOLATED} and {@code CROSS}: the isolated-vs-cross comparison's two sides, built by
 *       {@link MarginComparison#variants} with the same options, so at any point before the first
 *       liquidation each side's figures are the comparison's at the same marks;</li>
 *   <li>{@code ACCOUNT}: the account as entered, each position in its own mode, with the default
 *       fee share (1) of {@link LiquidationCascade#DEFAULT}, the model of the liquidated state
 *       (spec workspace-and-cli.md §4) the app and {@code marginlab calc} use.</li>
 * </ul>
 *
 * <p><b>Model</b> (the comparison's, {@link LiquidationCascade}; amounts in the settlement
 * currency, prices in quote per base; {@code s} = +1 long, −1 short). The path's marks replace the
 * account's for the symbols it moves (others keep theirs); between two points every mark moves
 * linearly in time. At the first point, what is already at or beyond liquidation is closed there.
 * <ol>
 *   <li><b>Isolated position:</b> liquidated when its mark reaches its liquidation price {@code LP}
 *       (the engine's, spec margin-formulas.md §1.1 with {@code WB} its margin; long: mark ≤ LP,
 *       short: mark ≥ LP). <b>A wick between two points counts:</b> if the next point's mark is at
 *       or beyond {@code LP}, the crossing is at {@code α = (m0 − LP)/(m0 − m1)} of the segment, its
 *       time rounded up to the nanosecond; it is closed at {@code LP}: equity {@code req} there,
 *       the fee {@code f·req} is kept, {@code (1 − f)·req} returned, the loss capped at its margin.
 *       The cross wallet is not touched.</li>
 *   <li><b>Cross account:</b> liquidated when {@code W + Σ uPnL ≤ Σ req} over its open cross
 *       positions at the interpolated marks (margin ratio at 100 %, spec §1.3). Checked at the end
 *       of each segment; if it holds there, the first instant it holds is found by bisection on the
 *       segment's time with the venue's own valuation, to 1 ms, on the liquidated side. For linear
 *       contracts (and inverse longs) the margin balance less requirement is concave in time
 *       between two points (PnL linear in each mark, requirement convex), so a crossing inside a
 *       segment is always seen at its end; an inverse short's PnL is convex in its mark, so a dip
 *       below the threshold strictly inside one segment that recovers by its end is not seen.</li>
 *   <li>At that instant the open cross positions are closed largest loss first (the earlier on
 *       ties), each realizing its PnL and paying {@code f·req}, while the condition holds; with
 *       {@code f = 1} the whole cross account goes at once. A negative wallet is set to 0 when the
 *       last cross position is closed.</li>
 * </ol>
 * A side's equity at a point ({@link SideState#equity()}) is the engine's total equity of its open
 * positions plus what the liquidated isolated positions returned (plus a negative cross wallet
 * mid-cascade), as {@code CascadeResult#equityAt}. An event's {@code equityLost} is the cascade's
 * {@code loss}, {@code fee − realized PnL}.
 *
 * <p><b>Cost.</b> Per point and side one engine evaluation; per segment that reaches the cross
 * condition about {@code log2(segment/1 ms)} valuations of the cross positions. Run it once per
 * path off the UI thread; {@link #frame} and {@link #frameAt} only look up. Immutable and
 * thread-safe once built.
 */
public final class PathReplay {
    private final PricePath path;
    private final MarginComparison.Variants variants;
    private final List<ReplayFrame> frames;
    private final List<LiquidationEvent> events;

    private PathReplay(PricePath path, MarginComparison.Variants variants, List<ReplayFrame> frames,
            List<LiquidationEvent> events) {
        this.path = path;
        this.variants = variants;
        this.frames = frames;
        this.events = events;
    }

    /**
     * Replays with the comparison's default options (margins as entered, the account's wallet plus
     * the isolated margins on the cross side, fee share 1).
     *
     * @param account  the account, not null
     * @param path     the path, not null
     * @return the replay, never null
     * @throws ValidationException as {@link #run(Account, PricePath, IsolatedSplit, CrossWallet, BigDecimal)}
     */
    public static PathReplay run(Account account, PricePath path) {
        return run(account, path, IsolatedSplit.AS_ENTERED, CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS,
                LiquidationCascade.DEFAULT_FEE_SHARE);
    }

    /**
     * @param account   the account, not null
     * @param path      the path, not null
     * @param split     how the isolated side's margin is split (as the comparison), not null
     * @param wallet    the cross side's wallet (as the comparison), not null
     * @param feeShare  {@code f} of the comparison's sides, in [0, 1], not null
     * @return the replay, never null
     * @throws ValidationException ({@code liquidationFeeShare}) if {@code f} is outside [0, 1]; as
     *         {@link MarginEngine#evaluate(Account)} if a position breaks a venue rule at a mark of the path
     */
    public static PathReplay run(Account account, PricePath path, IsolatedSplit split, CrossWallet wallet,
            BigDecimal feeShare) {
        Checks.notNull(account, "account");
        Checks.notNull(path, "path");
        BigDecimal f = new LiquidationCascade(feeShare).feeShare();
        MarginComparison.Variants v = MarginComparison.variants(account, split, wallet);
        SideWalk iso = new SideWalk(ReplaySide.ISOLATED, v.isolated(), path, f);
        SideWalk cross = new SideWalk(ReplaySide.CROSS, v.cross(), path, f);
        SideWalk own = new SideWalk(ReplaySide.ACCOUNT, account, path, LiquidationCascade.DEFAULT_FEE_SHARE);
        List<ReplayFrame> frames = new ArrayList<>(path.size());
        frames.add(new ReplayFrame(0, path.time(0), path.marks(0), iso.start(), cross.start(), own.start()));
        for (int i = 0; i + 1 < path.size(); i++) {
            frames.add(new ReplayFrame(i + 1, path.time(i + 1), path.marks(i + 1), iso.step(i), cross.step(i),
                    own.step(i)));
        }
        List<LiquidationEvent> all = new ArrayList<>();
        all.addAll(iso.events());
        all.addAll(cross.events());
        all.addAll(own.events());
        all.sort(Comparator.comparing(LiquidationEvent::time).thenComparing(LiquidationEvent::side));
        return new PathReplay(path, v, List.copyOf(frames), List.copyOf(all));
    }

    /** @return the path replayed */
    public PricePath path() {
        return path;
    }

    /** @return the comparison's two sides as built from the account (marks as entered) */
    public MarginComparison.Variants variants() {
        return variants;
    }

    /** @return one frame per point of the path, in order; unmodifiable */
    public List<ReplayFrame> frames() {
        return frames;
    }

    /**
     * @param index  a point index
     * @return the state at that point
     */
    public ReplayFrame frame(int index) {
        return frames.get(index);
    }

    /**
     * @param time  an instant
     * @return the frame of the last point at or before it (the first before the start)
     */
    public ReplayFrame frameAt(Instant time) {
        return frames.get(path.indexAt(time));
    }

    /** @return every side's liquidations in time order (on equal times: isolated, cross, account); unmodifiable */
    public List<LiquidationEvent> events() {
        return events;
    }

    /**
     * @param side  a side
     * @return that side's liquidations in time order
     */
    public List<LiquidationEvent> events(ReplaySide side) {
        List<LiquidationEvent> out = new ArrayList<>();
        for (LiquidationEvent e : events) {
            if (e.side() == side) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the time of the first liquidation on any side, or null if the path liquidates nothing */
    public Instant firstLiquidation() {
        return events.isEmpty() ? null : events.get(0).time();
    }
}
