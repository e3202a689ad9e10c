package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.whatif.CascadeResult;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * The sentence per position that says what changes between isolated and cross: how far the
 * marks may move before the position goes on each side, and what that costs there. It comes from
 * the two sides' walks over the whole shock range (−90 % … +200 %), not from the current shock,
 * so it is written once per walk. English, with the account's formats ({@link CompareText}) and
 * the moves in words of {@link ComparisonProse#move}.
 *
 * <p>A long is read on the walk down, a short on the walk up. The cross part names the shock that
 * closes the position and whether it takes the whole account (its equity at the marks as entered)
 * or only the position's loss; the isolated part compares: earlier but cheaper, the same move but
 * cheaper, or nothing yet at that move. A position whose mark a one-symbol shock does not move is
 * untouched isolated and goes only with the cross account.
 *
 * <p>A plain class without JavaFX types; it never calls the engine. Not thread-safe.
 */
final class ComparisonSentences {
    private final CompareText text;
    private final ComparisonProse prose;

    /**
     * @param text   the formats, not null
     * @param prose  the moves in words, not null
     */
    ComparisonSentences(CompareText text, ComparisonProse prose) {
        this.text = Objects.requireNonNull(text, "text");
        this.prose = Objects.requireNonNull(prose, "prose");
    }

    /**
     * One sentence per position from the two walks; it does not depend on the current shock.
     * It says how far the mark may move before the position goes in cross and isolated, and what
     * that costs on each side, e.g. {@code In cross, a 37.0 % BTCUSDT drop liquidates the whole
     * account (11,000.00 USDT); isolated, it goes earlier, at a 3.0 % BTCUSDT drop, but costs only
     * the 1,500.00 USDT on this position.} A position whose mark the shock does not move gets
     * {@code A BTCUSDT shock does not move this position's mark; …}.
     *
     * @param variants     the two sides built from the entered account, not null
     * @param isolated     the isolated side's walks, not null
     * @param cross        the cross side's walks, not null
     * @param scope        which marks the shock moves, not null
     * @param crossEquity  the cross side's total equity at the marks as entered: what the whole
     *                     account loses when it goes
     * @return the sentence by position id, one per entered position
     */
    Map<String, String> sentences(MarginComparison.Variants variants, ShockSweep isolated, ShockSweep cross,
            ShockScope scope, BigDecimal crossEquity) {
        Map<String, String> out = new HashMap<>();
        List<Position> ps = variants.entered().positions();
        Walks walks = new Walks(isolated, cross);
        for (int i = 0; i < ps.size(); i++) {
            Position p = ps.get(i);
            out.put(p.id(), sentence(p, variants.isolatedMargins().get(i), walks, scope, crossEquity, ps));
        }
        return out;
    }

    /**
     * The four walks with their events by position id, indexed once: each position's sentence
     * looks its events up (a scan of the events per position would make the sentences
     * quadratic in the positions: about a million comparisons per edit at 1,000 positions).
     */
    private static final class Walks {
        final ShockSweep cross;
        final Map<String, LiquidationEvent> isoDown;
        final Map<String, LiquidationEvent> isoUp;
        final Map<String, LiquidationEvent> crossDown;
        final Map<String, LiquidationEvent> crossUp;

        Walks(ShockSweep iso, ShockSweep cross) {
            this.cross = cross;
            isoDown = byPosition(iso.down());
            isoUp = byPosition(iso.up());
            crossDown = byPosition(cross.down());
            crossUp = byPosition(cross.up());
        }

        /** @return the event closing each position on that walk, by position id (a position is closed at most once a walk) */
        private static Map<String, LiquidationEvent> byPosition(CascadeResult path) {
            Map<String, LiquidationEvent> events = new HashMap<>(path.events().size() * 2);
            for (LiquidationEvent e : path.events()) {
                events.putIfAbsent(e.positionId(), e);
            }
            return events;
        }

        /** @return the event closing position {@code id} at the smaller shock of the two cross walks (down on a tie), or null */
        LiquidationEvent nearestCross(String id) {
            LiquidationEvent d = crossDown.get(id);
            LiquidationEvent u = crossUp.get(id);
            if (d == null) {
                return u;
            }
            return u == null || d.shock().abs().compareTo(u.shock().abs()) <= 0 ? d : u;
        }
    }

    private String sentence(Position p, BigDecimal margin, Walks walks, ShockScope scope,
            BigDecimal crossEquity0, List<Position> entered) {
        if (!scope.moves(p)) {
            LiquidationEvent c = walks.nearestCross(p.id());
            return "A " + scope.symbol() + " shock does not move this position's mark; "
                    + (c == null ? "isolated or cross, it stays open through the whole range."
                            : "isolated it is untouched, but in cross it shares the wallet and is closed at "
                                    + prose.move(c.shock(), scope, entered) + " when the account runs out of margin.");
        }
        boolean down = p.side() == Side.LONG;
        CascadeResult crossPath = down ? walks.cross.down() : walks.cross.up();
        LiquidationEvent i = (down ? walks.isoDown : walks.isoUp).get(p.id());
        LiquidationEvent c = (down ? walks.crossDown : walks.crossUp).get(p.id());
        String crossPart;
        if (c == null) {
            crossPart = "In cross, the shared wallet carries it through the whole range (to "
                    + prose.move(crossPath.target(), scope, entered) + ")";
        } else if (c.shock().signum() == 0) {
            crossPart = "In cross, the account is already being liquidated at the marks as entered";
        } else if (crossPath.crossGoneAt() != null && c.shock().compareTo(crossPath.crossGoneAt()) == 0) {
            crossPart = "In cross, " + prose.move(c.shock(), scope, entered) + " liquidates the whole account ("
                    + text.amount(crossEquity0) + ")";
        } else {
            crossPart = "In cross, " + prose.move(c.shock(), scope, entered) + " liquidates it and costs the shared wallet "
                    + text.amount(c.loss()) + ", and the rest of the account carries on";
        }
        String isoPart;
        String word = down ? "drop" : "rise";
        if (i == null) {
            isoPart = "isolated, it survives the whole range and can never lose more than its " + text.amount(margin) + ".";
        } else if (i.shock().signum() == 0) {
            isoPart = "isolated, its margin of " + text.amount(margin)
                    + " is already too small: it is liquidated at the marks as entered.";
        } else if (c == null) {
            isoPart = "isolated, " + prose.move(i.shock(), scope, entered) + " liquidates it and costs its "
                    + text.amount(i.loss()) + ".";
        } else {
            int cmp = text.magnitude(i.shock()).equals(text.magnitude(c.shock())) ? 0
                    : i.shock().abs().compareTo(c.shock().abs());
            if (cmp == 0) {
                isoPart = "isolated, the same " + word + " costs only the " + text.amount(i.loss()) + " on this position.";
            } else if (cmp < 0) {
                isoPart = "isolated, it goes earlier, at " + prose.move(i.shock(), scope, entered) + ", but costs only the "
                        + text.amount(i.loss()) + " on this position.";
            } else {
                isoPart = "isolated, that " + word + " costs nothing yet: it goes only at "
                        + prose.move(i.shock(), scope, entered) + " and then loses its " + text.amount(i.loss()) + ".";
            }
        }
        return crossPart + "; " + isoPart;
    }
}
