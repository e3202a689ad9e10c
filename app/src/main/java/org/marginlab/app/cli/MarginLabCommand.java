package org.marginlab.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Placeholder root command; proves picocli reflection works under JPMS. */
@Command(
        name = "marginlab",
        mixinStandardHelpOptions = true,
        version = "MarginLab 0.1.0",
        description = "Margin, liquidation and what-if calculations for perpetual futures.")
public final class MarginLabCommand implements Callable<Integer> {

    @Option(names = "--venue", description = "Venue rule set id, e.g. binance-usdm.")
    String venue = "binance-usdm";

    @Override
    public Integer call() {
        System.out.println("venue: " + venue);
        return 0;
    }

    public String venue() {
        return venue;
    }
}
