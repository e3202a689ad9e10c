package org.marginlab.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marginlab.engine.whatif.LiquidationEvent;

/**
 * The comparison's ordered liquidation lists, as the outcome cards show them: one
 * {@link CascadeItem} per liquidation reached, numbered, with the shock, the position, the mark
 * that liquidated it and what it cost. English, with the account's formats ({@link CompareText}).
 *
 * <p>A plain class without JavaFX types. Not thread-safe (the formats are not).
 */
final class CascadeItems {
    private final CompareText text;

    /** @param text  the formats (locale, settlement currency and its decimals), not null */
    CascadeItems(CompareText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * @param events  the isolated liquidations reached, in order
     * @return one item each: headline {@code 1. −4.6 %  btc-long at 57,228.92} (shock, id, the mark
     *         that liquidated it), detail {@code BTCUSDT long: loses 600.00 USDT of margin; nothing
     *         else is touched}
     */
    List<CascadeItem> isolated(List<LiquidationEvent> events) {
        return items(events, false);
    }

    /**
     * @param events  the cross liquidations reached, in order
     * @return one item each: headline as for {@link #isolated}, detail {@code BTCUSDT long: PnL
     *         −1,800.00 USDT, fee 50.00 USDT → wallet 1,450.00 USDT} (the close's realized PnL, its
     *         fee and the shared wallet after it), ending {@code ; the account is gone} on the
     *         event that closes the last position
     */
    List<CascadeItem> cross(List<LiquidationEvent> events) {
        return items(events, true);
    }

    private List<CascadeItem> items(List<LiquidationEvent> events, boolean cross) {
        List<CascadeItem> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            LiquidationEvent e = events.get(i);
            String headline = (i + 1) + ". " + text.shock(e.shock()) + "  " + e.positionId() + " at "
                    + text.price(e.markPrice());
            String detail = e.symbol() + " " + e.side().id() + (cross
                    ? ": PnL " + text.amount(e.realizedPnl()) + ", fee " + text.amount(e.fee()) + " → wallet "
                            + text.amount(e.crossWalletAfter()) + (e.accountGone() ? "; the account is gone" : "")
                    : ": loses " + text.amount(e.loss()) + " of margin; nothing else is touched");
            out.add(new CascadeItem(i + 1, e.positionId(), headline, detail, e.accountGone()));
        }
        return out;
    }
}
