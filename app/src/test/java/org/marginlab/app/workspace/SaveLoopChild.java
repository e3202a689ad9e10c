package org.marginlab.app.workspace;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/**
 * The child process of {@link WorkspaceFileKillTest}: saves workspaces {@link #B} and
 * {@link #A} alternately to one file, forever, until it is killed. It prints {@code READY} just
 * before the first save, so the parent kills it only while it is saving in a loop.
 */
public final class SaveLoopChild {
    /** The workspace the parent writes first ("the old file"). */
    public static final Workspace A = workspace("A", 200, "0.5");
    /** The other workspace; a different size, so a mix of the two cannot look like either. */
    public static final Workspace B = workspace("B", 230, "1.25");

    private SaveLoopChild() {
    }

    /**
     * @param args  the file to save to, then optionally {@code --once} to exit after one save
     *              (the parent's warm-up run, which records a class-data archive)
     * @throws Exception on any failure (the parent then sees no READY, or an exit status)
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--once")) {
            WorkspaceFile.write(B, file);
            WorkspaceFile.write(A, file);
            return;
        }
        // warm up in memory (class loading, Jackson), then save in a loop from the first instant
        WorkspaceFile.fromJson(WorkspaceFile.toJson(B));
        System.out.println("READY");
        System.out.flush();
        for (long i = 0; ; i++) {
            WorkspaceFile.write(i % 2 == 0 ? B : A, file);
        }
    }

    private static Workspace workspace(String name, int count, String quantity) {
        List<Position> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean cross = i % 3 == 0;
            positions.add(Position.builder()
                    .id(name.toLowerCase() + "-" + i)
                    .symbol(i % 2 == 0 ? "BTCUSDT" : "ETHUSDT")
                    .side(i % 2 == 0 ? Side.LONG : Side.SHORT)
                    .quantity(new BigDecimal(quantity).add(BigDecimal.valueOf(i, 3)))
                    .entryPrice(new BigDecimal("60000.5").add(BigDecimal.valueOf(i)))
                    .markPrice(new BigDecimal("59000.25").add(BigDecimal.valueOf(i)))
                    .leverage(BigDecimal.valueOf(1 + i % 20))
                    .marginMode(cross ? MarginMode.CROSS : MarginMode.ISOLATED)
                    .isolatedMargin(cross ? null : new BigDecimal("1500.000").add(BigDecimal.valueOf(i)))
                    .maintenance(i % 5 == 0 ? new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO) : null)
                    .takerFeeRate(new BigDecimal("0.0006"))
                    .build());
        }
        return new Workspace("kill test " + name, "binance-usdm", new BigDecimal("10000.00"), positions);
    }
}
