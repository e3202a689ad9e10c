package org.marginlab.app.help;

import java.util.List;

/**
 * The short user guide of Help, topic by topic, and the keys that work inside the editor (the
 * menu shortcuts are read from the menus themselves). Plain data, no JavaFX.
 */
public final class UserGuide {
    /**
     * A topic of the guide.
     *
     * @param title       its heading
     * @param paragraphs  its text, one paragraph each
     */
    public record Topic(String title, List<String> paragraphs) {
    }

    /**
     * A key that is not on a menu.
     *
     * @param action  what it does
     * @param keys    the keys, as shown on this platform's menus
     */
    public record Key(String action, String keys) {
    }

    /** The guide, in reading order. */
    public static final List<Topic> TOPICS = List.of(
            new Topic("What MarginLab answers", List.of(
                    "Where is this position liquidated, and what does adding or removing margin, or switching between "
                            + "isolated and cross, do to it and to the rest of the account? MarginLab computes it with the "
                            + "venue's own formulas and maintenance-margin tiers, as you type.",
                    "A workspace is one account on one venue: a cross wallet and positions. Open a sample from File → "
                            + "Open Sample to start, or File → New for an empty one.")),
            new Topic("Positions", List.of(
                    "The table lists the positions; select one to edit it below. The editor takes the symbol, side, "
                            + "quantity, entry and mark price, leverage, margin mode and, for an isolated position, its margin.",
                    "An isolated position's margin follows its leverage (the initial margin) until you type a margin of "
                            + "your own; its effective leverage is then shown, and \"Margin from leverage\" links them again.",
                    "Results shows the liquidation price, the margin ratio (liquidation at 100 %), the bankruptcy price, "
                            + "the distance to liquidation and the other figures. Hover a figure for what it means.",
                    "Risk: Safe means a margin ratio below 80 % and at least 3 % from the liquidation price; Warning "
                            + "means either is crossed; Liquidated means the mark is at or beyond the liquidation price.")),
            new Topic("Adding or removing margin", List.of(
                    "Type a margin change in \"What if\" (+ adds, − removes) to see the position before → after; Apply "
                            + "(Ctrl+Enter) commits it. The margin moves between the position and the cross wallet, so "
                            + "adding is limited to the available balance and removing to the max removable margin; total "
                            + "equity does not change.",
                    "Switching a position between isolated and cross (Ctrl+M) is a transfer too: its margin leaves or "
                            + "rejoins the cross wallet, and the other cross positions' liquidation prices move.")),
            new Topic("Price shock", List.of(
                    "The price shock moves every mark (or one symbol's) by a percentage, from −90 % to +200 %, without "
                            + "changing what you typed. Every figure, table and chart follows the shocked marks; positions "
                            + "the shock liquidates are shown as liquidated and an isolated one then counts 0 in equity.")),
            new Topic("Isolated vs cross", List.of(
                    "This tab puts the same positions side by side, all isolated and all cross: liquidation prices, "
                            + "distances, margin ratios, the most each can lose and the capital it ties up. Cells that differ "
                            + "are highlighted.",
                    "The cards below say what the current shock has liquidated on each side and when the whole cross "
                            + "account goes; the chart shows both sides' equity over the whole shock range.")),
            new Topic("Charts", List.of(
                    "The selected position's unrealized PnL and the account margin ratio over a range of mark prices, with "
                            + "the entry, mark, liquidation and bankruptcy prices marked. Move the cursor over a chart to "
                            + "read the values at a price.")),
            new Topic("Venues and tiers", List.of(
                    "The venue decides the formulas and the maintenance tiers. Changing it re-checks every position: a "
                            + "position whose symbol has no bundled tiers on the new venue says so and offers two fixes, a "
                            + "maintenance margin rate of your own (Maintenance override) or a symbol the venue has tiers "
                            + "for. Help → Formula reference lists each venue's formulas and their sources.",
                    "The bundled tier tables are dated. Help → Update tier tables… fetches the current ones from the "
                            + "venues' public endpoints (only when you press Fetch; no API key is sent), shows which tiers "
                            + "changed and, on Apply, stores them in your data folder and uses them at once, in the window "
                            + "and in marginlab calc. Binance's brackets need a signed request: save the answer of GET "
                            + "/fapi/v1/leverageBracket to a file and import it there. Offline, the bundled and stored "
                            + "tables are used.",
                    "Venues change their rules over time (KuCoin on 2025-05-22, Bitget on 2025-09-29 and 2025-11-10). "
                            + "Edit → Rules as of… picks the date whose rules apply, saved with the workspace and undone "
                            + "with Ctrl+Z; the venue box then says which (\"KuCoin · rules of 2025-05-22\"). Open the "
                            + "KuCoin sample and pick 2025-05-01 to see the old rule's liquidation prices.",
                    "Bybit UTA and Phemex keep the fee to close in the position's margin: their default isolated margin "
                            + "is the initial margin plus that fee. Where the instrument's price tick is known, liquidation "
                            + "and bankruptcy prices are shown on the tick, rounded toward the entry, so the shown price is "
                            + "never later than the true one.")),
            new Topic("Files, undo and safety", List.of(
                    "Workspaces are .marginlab files (JSON). Saving is atomic: a crash never leaves half a file. "
                            + "Unsaved changes are kept aside every few seconds and offered back after a crash; Quit and "
                            + "closing the window ask before losing them.",
                    "Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) cover every edit, transfers included. The same figures come "
                            + "from the command line: marginlab calc --json FILE.")));

    /** Keys inside the editor and tables that are not on a menu. */
    public static final List<Key> EDITOR_KEYS = List.of(
            new Key("Redo (as Edit → Redo)", "Ctrl+Y"),
            new Key("Long / Short (in the position editor)", "Alt+L / Alt+S"),
            new Key("Apply the margin change", "Ctrl+Enter"),
            new Key("Clear the margin change (in its field)", "Esc"),
            new Key("Go to a field by its underlined letter", "Alt+letter"),
            new Key("Edit a cell of the positions table", "Enter or double-click"),
            new Key("Next / previous field", "Tab / Shift+Tab"));

    private UserGuide() {
    }
}
