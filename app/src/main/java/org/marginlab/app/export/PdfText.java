package org.marginlab.app.export;

import java.nio.charset.CharsetEncoder;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.Map;

/**
 * Text for the PDF's standard fonts (Helvetica, Courier: WinAnsi encoding, about Latin-1). The
 * app writes some characters those fonts do not have: the minus sign of negative numbers, ≥ and
 * ≤ of the margin-ratio rules, → of what-ifs, Greek letters of the formulas, the narrow spaces of
 * French and Swiss number groups. Each is written as its nearest WinAnsi equivalent
 * ({@code −} as {@code -}, {@code ≥} as {@code >=}), never as {@code ?}. Stateless.
 */
public final class PdfText {
    private static final Map<Character, String> MAP = Map.ofEntries(
            Map.entry('\u2212', "-"), // minus sign
            Map.entry('\u2010', "-"), Map.entry('\u2011', "-"),
            Map.entry('\u2265', ">="), Map.entry('\u2264', "<="), Map.entry('\u2260', "!="),
            Map.entry('\u2248', "~"), Map.entry('\u2192', "->"), Map.entry('\u2190', "<-"),
            Map.entry('\u21D2', "=>"), Map.entry('\u2194', "<->"),
            Map.entry('\u202F', " "), Map.entry('\u2009', " "), Map.entry('\u2007', " "), Map.entry('\u2002', " "),
            Map.entry('\u2003', " "), Map.entry('\u2060', ""), Map.entry('\u200B', ""),
            Map.entry('\u221E', "inf"), Map.entry('\u221A', "sqrt"), Map.entry('\u2211', "sum"),
            Map.entry('\u220F', "prod"), Map.entry('\u2206', "Delta"), Map.entry('\u0394', "Delta"),
            Map.entry('\u03B4', "delta"), Map.entry('\u03C3', "sigma"), Map.entry('\u03A3', "Sigma"),
            Map.entry('\u03BC', "mu"), Map.entry('\u03C0', "pi"), Map.entry('\u03B1', "alpha"),
            Map.entry('\u03B2', "beta"), Map.entry('\u03BB', "lambda"),
            Map.entry('\u2219', "\u00B7"), Map.entry('\u22C5', "\u00B7"), Map.entry('\u2215', "/"),
            Map.entry('\u2713', "ok"), Map.entry('\u2717', "x"),
            Map.entry('\u2080', "0"), Map.entry('\u2081', "1"), Map.entry('\u2082', "2"), Map.entry('\u2083', "3"),
            Map.entry('\u2084', "4"), Map.entry('\u2085', "5"), Map.entry('\u2096', "k"), Map.entry('\u1D62', "i"),
            Map.entry('\u2099', "n"));
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private PdfText() {
    }

    /**
     * @param text  any text, or null
     * @return the text with every character the standard fonts lack replaced by its nearest
     *         equivalent (empty for null)
     */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder enc = WIN_ANSI.newEncoder();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (enc.canEncode(c) && c != '?') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (c == '?') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            out.append(replacement(c, enc));
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c, CharsetEncoder enc) {
        String m = MAP.get(c);
        if (m != null) {
            return m;
        }
        // an accented letter outside WinAnsi: its base letter
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && enc.canEncode(base)) {
            return base;
        }
        // anything else: its code point, readable and never a silent '?'
        return String.format("U+%04X", (int) c);
    }
}
