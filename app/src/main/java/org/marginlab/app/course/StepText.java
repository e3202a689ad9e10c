package org.marginlab.app.course;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.Formats;

/** A step's Markdown with its {@code {{ID.FIGURE}}} placeholders replaced. Pure; no toolkit. */
final class StepText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*\\}\\}");

    private StepText() {
    }

    /**
     * @param markdown  the step's text, not null
     * @param hidden    the figures hidden now (they print {@code ?}), not null
     * @param e         the step's authored evaluation, not null
     * @param formats   the number formats, not null
     * @return the text with each placeholder the figure as the app shows it, {@code ?} while hidden
     */
    static String render(String markdown, Set<FigureRef> hidden, Evaluation e, Formats formats) {
        Matcher m = PLACEHOLDER.matcher(markdown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                FigureRef ref = FigureRef.parse(m.group(1));
                value = hidden.contains(ref) ? "?" : LessonFigures.format(e, ref, LessonFigures.answer(e, ref), formats);
            } catch (IllegalArgumentException ex) {
                value = m.group();
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }
}
