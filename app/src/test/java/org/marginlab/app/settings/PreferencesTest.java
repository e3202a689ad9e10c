package org.marginlab.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {
    @TempDir
    Path dir;

    @Test
    void missingFile_givesDefaults() {
        Preferences p = Preferences.load(dir.resolve("preferences.properties"));
        assertThat(p.theme()).isEqualTo(Preferences.Theme.LIGHT);
        assertThat(p.defaultVenue()).isEqualTo("binance-usdm");
        assertThat(p.numberLocaleTag()).isEmpty();
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void savedPreferences_loadBack() throws Exception {
        Path file = dir.resolve("sub").resolve("preferences.properties");
        Preferences p = Preferences.load(file);
        p.setTheme(Preferences.Theme.DARK);
        p.setNumberLocale("de-DE");
        p.setDefaultVenue("hyperliquid");
        p.save();
        Preferences again = Preferences.load(file);
        assertThat(again.theme()).isEqualTo(Preferences.Theme.DARK);
        assertThat(again.numberLocale()).isEqualTo(Locale.GERMANY);
        assertThat(again.defaultVenue()).isEqualTo("hyperliquid");
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void brokenValues_fallBackToDefaultsWithAWarningEach() throws Exception {
        Path file = dir.resolve("preferences.properties");
        Files.writeString(file, "theme=purple\nnumberLocale=not a tag!\ndefaultVenue=kraken\n");
        Preferences p = Preferences.load(file);
        assertThat(p.theme()).isEqualTo(Preferences.Theme.LIGHT);
        assertThat(p.numberLocaleTag()).isEmpty();
        assertThat(p.defaultVenue()).isEqualTo("binance-usdm");
        assertThat(p.warnings()).containsExactly(
                "theme: must be light, dark or high-contrast (got purple); light is used.",
                "numberLocale: must be a language tag such as en-US or de-DE (got not a tag!); the system's format is used.",
                "defaultVenue: must be one of binance-usdm, binance-coinm, bybit-linear, bybit-inverse, bybit-uta, okx, gate, "
                        + "bitget, kucoin, mexc, bitmex, phemex, kraken-futures, deribit, dydx-v4, hyperliquid, generic "
                        + "(got kraken); binance-usdm is used.");
    }

    @Test
    void unreadableFile_givesDefaultsAndAWarning() throws Exception {
        Path file = dir.resolve("preferences.properties");
        Files.write(file, new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', '0', '0', 'Z', 'Z'});
        Preferences p = Preferences.load(file);
        assertThat(p.theme()).isEqualTo(Preferences.Theme.LIGHT);
        assertThat(p.warnings()).singleElement().asString().startsWith("preferences.properties could not be read");
    }

    @Test
    void aHugeValue_givesAShortOneLineWarning() throws Exception {
        Path file = dir.resolve("preferences.properties");
        Files.writeString(file, "theme=" + "x".repeat(5_000_000) + "\n");
        Preferences p = Preferences.load(file);
        assertThat(p.warnings()).containsExactly("theme: must be light, dark or high-contrast (got " + "x".repeat(60)
                + "… (5000000 characters)); light is used.");
    }

    @Test
    void windowSizeAndSplits_loadBack() throws Exception {
        Path file = dir.resolve("preferences.properties");
        Preferences p = Preferences.load(file);
        p.setWindow(new Preferences.WindowSize(1500, 900, true));
        p.splits().put("positionsSplit", 0.42);
        p.save();
        Preferences again = Preferences.load(file);
        assertThat(again.window()).contains(new Preferences.WindowSize(1500, 900, true));
        assertThat(again.splits()).containsEntry("positionsSplit", 0.42).hasSize(1);
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void badWindowValues_areLeftOutWithAWarningEach() throws Exception {
        Path file = dir.resolve("preferences.properties");
        Files.writeString(file, "window.width=wide\nwindow.height=900\nsplit.positionsSplit=1.7\n");
        Preferences p = Preferences.load(file);
        assertThat(p.window()).isEmpty();
        assertThat(p.splits()).isEmpty();
        assertThat(p.warnings()).containsExactlyInAnyOrder(
                "window.width: must be a number from 200 to 20000 (got wide); the default is used.",
                "split.positionsSplit: must be a number from 0.05 to 0.95 (got 1.7); the default is used.");
    }
}
