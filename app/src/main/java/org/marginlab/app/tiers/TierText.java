package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.util.Locale;

import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;

/**
 * Writes a table in the text form of the bundled tables, which {@link TierTables#parse} reads
 * back ({@code # asOf:}, {@code # source:}, then {@code floor,cap,maxLeverage,mmr,maintenanceAmount}
 * rows; an empty cap is open-ended, an empty max leverage unlimited). Numbers are written in full
 * ({@code toPlainString}), so what is read back is the same table.
 */
final class TierText {
    private TierText() {
    }

    /**
     * @param table    the table, not null
     * @param venueId  the venue, for the first comment line
     * @param symbol   the symbol, for the first comment line
     * @return the text, UTF-8, {@code \n} line ends
     */
    static String format(TierTable table, String venueId, String symbol) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(oneLine(venueId)).append(' ').append(oneLine(symbol).toUpperCase(Locale.ROOT))
                .append(" tier table stored by MarginLab (Help → Update tier tables); it wins over the bundled table\n");
        if (table.asOf() != null) {
            b.append("# asOf: ").append(oneLine(table.asOf())).append('\n');
        }
        if (table.source() != null) {
            b.append("# source: ").append(oneLine(table.source())).append('\n');
        }
        b.append("floor,cap,maxLeverage,mmr,maintenanceAmount\n");
        for (MaintenanceTier t : table.tiers()) {
            b.append(plain(t.floor())).append(',').append(t.cap() == null ? "" : plain(t.cap())).append(',')
                    .append(t.maxLeverage() == null ? "" : plain(t.maxLeverage())).append(',').append(plain(t.mmr()))
                    .append(',').append(plain(t.maintenanceAmount())).append('\n');
        }
        return b.toString();
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** The text on one line: line breaks and other control characters become spaces. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return b.toString().strip();
    }
}
