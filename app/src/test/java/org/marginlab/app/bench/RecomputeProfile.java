package org.marginlab.app.bench;

import java.util.Locale;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.engine.MarginEngine;

/**
 * Times the view-model side of one shock step on the 200-position workspace without a JavaFX
 * toolkit (no views bound): evaluation plus pushing results to every position's view-model.
 * Run with {@code java -cp ... org.marginlab.app.bench.RecomputeProfile}; prints figures only.
 */
public final class RecomputeProfile {
    private RecomputeProfile() {
    }

    public static void main(String[] args) {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(UiLatencyBenchmarkTest.workspace(200));
        int n = 3000;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                account.shockSliderProperty().set(-20 + (i % 40));
            }
            System.out.printf(Locale.ROOT, "VM shock step: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        }
    }
}
