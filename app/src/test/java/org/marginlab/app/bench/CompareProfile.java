package org.marginlab.app.bench;

import java.util.Locale;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.compare.ComparisonViewModel;
import org.marginlab.engine.MarginEngine;

/** Times a shock step with the comparison view-model attached, without a toolkit; prints figures only. */
public final class CompareProfile {
    private CompareProfile() {
    }

    public static void main(String[] args) {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(UiLatencyBenchmarkTest.workspace(200));
        new ComparisonViewModel(account);
        int n = 1500;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                account.shockSliderProperty().set(-20 + (i % 40));
            }
            System.out.printf(Locale.ROOT, "VM shock step with comparison: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / n);
        }
    }
}
