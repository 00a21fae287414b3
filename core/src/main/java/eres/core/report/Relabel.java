package eres.core.report;

import eres.api.result.Table;
import eres.api.table.Language;
import eres.api.table.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the chain's {@code labels:} to the tables steps make themselves (their coefficient, test and
 * descriptive tables), so that every table of the report prints {@code ln Opt} where the data say
 * {@code ln_opt}: a row label, column head or header cell that is exactly a labelled name takes its
 * label, and in composite terms ({@code ln_opt × I(ln_opt ≤ 0.93)}, {@code W*ln_opt}, {@code a:div}) each
 * labelled name standing as a whole word is replaced.
 */
final class Relabel {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Relabel() {
    }

    private static final Pattern TEST = Pattern.compile("[a-z][a-z0-9-]*(?:[ :].+)?");

    static Table apply(Table t, Map<String, String> labels) {
        return apply(t, labels, Language.EN);
    }

    /**
     * The table with labels applied, and rows named by a test's result name ({@code entity-effects-f},
     * {@code wald-groupwise}, {@code first-stage-f ln_opt}) under the test's display name.
     */
    static Table apply(Table t, Map<String, String> labels, Language language) {
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row r : t.rows()) {
            String l = r.label();
            if (l != null && TEST.matcher(l).matches() && Vocabulary.isKnownTest(l) && !labels.containsKey(l)) {
                l = Vocabulary.testName(l, language, labels);
            } else {
                l = label(l, labels);
            }
            rows.add(new Table.Row(l, r.cells(), r.kind()));
        }
        List<Table.Row> heads = new ArrayList<>();
        for (Table.Row r : t.heads()) heads.add(new Table.Row(label(r.label(), labels), cells(r.cells(), labels), r.kind()));
        return new Table(t.id(), t.title(), t.stub(), cells(t.columns(), labels), t.spans(), rows, t.notes(), heads);
    }

    private static List<String> cells(List<String> cells, Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        for (String c : cells) out.add(labels.getOrDefault(c, c));
        return out;
    }

    /** The label of a name, or the text with every labelled whole-word name inside a composite term replaced. */
    static String label(String text, Map<String, String> labels) {
        if (text == null || text.isEmpty() || labels.isEmpty()) return text;
        String exact = labels.get(text);
        if (exact != null) return exact;
        if (!composite(text)) return text;
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group();
            boolean wordStart = m.start() == 0 || !Character.isLetterOrDigit(text.charAt(m.start() - 1));
            String l = wordStart ? labels.get(name) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(l != null ? l : name));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Terms built from names: regime terms, spatial lags, mediation paths, interactions. */
    private static boolean composite(String text) {
        return text.contains(" × ") || text.startsWith("W*") || text.contains(":") || text.contains(" x ") || text.startsWith("L.")
                || text.startsWith("D.") || text.startsWith("F.") || text.matches("L\\d+\\..*");
    }
}
