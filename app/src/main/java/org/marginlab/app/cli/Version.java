package org.marginlab.app.cli;

import org.marginlab.app.about.BuildInfo;

import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code marginlab --version}: the version, the build date, the runtime and the
 * capture date of every bundled tier table ({@link BuildInfo#lines()}), e.g.
 * <pre>
 * MarginLab 0.1.0-SNAPSHOT
 * Built: 2025-11-22 02:55 UTC
 * Runtime: Java 17.0.15 (Debian), JavaFX 21.0.8
 * Bundled tier tables (as of):
 *   binance-usdm  BTCUSDT  2024-10-24
 *   ...
 * </pre>
 */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return BuildInfo.lines().toArray(String[]::new);
    }

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev}; never null */
    public static String version() {
        return BuildInfo.version();
    }
}
