package eres.plugins.formats;

import eres.api.result.OutputNames;
import eres.api.result.Report;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naming shared by the writers, the same as the built-in Markdown writer's so that every format of a
 * table has the same base name: {@code tables/<step>[--<group>]-<table>.<ext>} for a step's tables and
 * {@code tables/combined-<table>.<ext>} for tables across steps.
 */
final class Reports {
    private static final Pattern STARRED = Pattern.compile("(.*[^*])(\\*{1,3})");

    private Reports() {
    }

    /** {@code step} or {@code step--group}, injective ({@link OutputNames#entry}: 东部 and 西部 stay apart). */
    static String key(Report.Entry e) {
        return OutputNames.entry(e.stepId(), e.group());
    }

    static String tablePath(Report.Entry e, String tableId, String extension) {
        return "tables/" + key(e) + "-" + tableId + "." + extension;
    }

    static String combinedPath(String tableId, String extension) {
        return "tables/combined-" + tableId + "." + extension;
    }

    /** The section heading of an entry: {@code Title (step)} or {@code step (use)}, then {@code - group}. */
    static String heading(Report.Entry e) {
        String base = e.title() != null ? e.title() + " (" + e.stepId() + ")" : e.stepId() + " (" + e.use() + ")";
        return e.group() == null ? base : base + " - " + e.group();
    }

    /**
     * Splits a formatted estimate into its number and significance stars: {@code "0.1234***"} gives
     * {@code ["0.1234", "***"]}; a cell without trailing stars gives {@code [cell, ""]}.
     */
    static String[] stars(String cell) {
        Matcher m = STARRED.matcher(cell);
        if (m.matches()) return new String[] {m.group(1), m.group(2)};
        return new String[] {cell, ""};
    }
}
