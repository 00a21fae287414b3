package eres.core.io;

import eres.api.DataException;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the columns of one source onto the panel of the sources before it, on (entity, period), or on
 * the entity alone for a time-invariant source (its value repeated on every period of the entity), as
 * Stata's {@code merge 1:1 id year} and {@code merge m:1 id}. Entity ids match as text and periods as
 * integers.
 *
 * <ul>
 *   <li>{@code exact} (default): every key must match on both sides; an unmatched key is an error that
 *       counts and shows the unmatched keys of each side;</li>
 *   <li>{@code left}: every row of the panel is kept; rows without a match get missing values, and
 *       keys of the source that match nothing are dropped; both are counted in the report;</li>
 *   <li>{@code inner}: only matched rows are kept.</li>
 * </ul>
 *
 * A numeric column in both is an error (rename or leave out one of them); a text column in both (a
 * province name, a region) must agree on every matched row, and the panel's value is kept.
 */
public final class PanelJoin {
    private PanelJoin() {
    }

    /**
     * What one join did, for {@code run.json}.
     *
     * @param unmatchedLeft  rows of the panel before the join without a match in the source
     * @param unmatchedRight rows (entities, for a time-invariant source) of the source matching nothing
     */
    public record Report(String source, String on, String how, int rowsBefore, int rowsSource, int matched, int unmatchedLeft,
                         int unmatchedRight, int rowsAfter, List<String> examplesLeft, List<String> examplesRight,
                         List<String> columns) {
        public Report {
            examplesLeft = List.copyOf(examplesLeft);
            examplesRight = List.copyOf(examplesRight);
            columns = List.copyOf(columns);
        }

        /** One line for notes and messages. */
        public String summary() {
            return source + " joined on " + on + " (" + how + "): " + matched + " row(s) matched, " + unmatchedLeft
                    + " without a match in the source" + (examplesLeft.isEmpty() ? "" : " (e.g. " + String.join(", ", examplesLeft) + ")")
                    + ", " + unmatchedRight + " of the source matching nothing"
                    + (examplesRight.isEmpty() ? "" : " (e.g. " + String.join(", ", examplesRight) + ")") + "; " + rowsAfter + " row(s) after";
        }
    }

    /** The joined panel and the report. */
    public record Result(Panel panel, Report report) {
    }

    private static final int EXAMPLES = 3;

    /**
     * @param where  the source's place in the chain, e.g. {@code data.sources[1]}
     * @param label  the source for messages, e.g. {@code post84.csv}
     * @param timeInvariant join on the entity alone
     * @param how    exact, left or inner
     */
    public static Result join(Panel left, Panel right, String where, String label, boolean timeInvariant, String how) {
        int n = left.rows();
        // right entity index of each left entity (-1 = absent)
        Map<String, Integer> rightEntity = new HashMap<>();
        for (int e = 0; e < right.entityCount(); e++) rightEntity.put(right.entities().get(e), e);
        int[] map = new int[left.entityCount()];
        for (int e = 0; e < map.length; e++) map[e] = rightEntity.getOrDefault(left.entities().get(e), -1);
        int[] match = new int[n];
        boolean[] used = new boolean[right.rows()];
        int matched = 0;
        List<String> exLeft = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int re = map[left.entityIndex(r)];
            int rr = re < 0 ? -1 : timeInvariant ? right.entityStart(re) : right.rowOf(re, left.time(r));
            match[r] = rr;
            if (rr >= 0) {
                used[rr] = true;
                matched++;
            } else if (exLeft.size() < EXAMPLES) {
                exLeft.add(key(left, r, timeInvariant));
            }
        }
        int unmatchedRight = 0;
        List<String> exRight = new ArrayList<>();
        for (int rr = 0; rr < used.length; rr++) {
            if (used[rr]) continue;
            unmatchedRight++;
            if (exRight.size() < EXAMPLES) exRight.add(key(right, rr, timeInvariant));
        }
        int unmatchedLeft = n - matched;
        String on = timeInvariant ? left.entityName() : left.entityName() + ", " + left.timeName();
        if (matched == 0) {
            throw new DataException(where + " (" + label + "): no row matches on " + on + " (the data before it has e.g. "
                    + key(left, 0, timeInvariant) + ", " + label + " has e.g. " + key(right, 0, timeInvariant)
                    + "); check that the ids are written the same way");
        }
        if (how.equals("exact") && (unmatchedLeft > 0 || unmatchedRight > 0)) {
            throw new DataException(where + " (" + label + "): joining on " + on + ", " + unmatchedLeft + " row(s) of the data before it"
                    + " have no match" + (exLeft.isEmpty() ? "" : " (e.g. " + String.join(", ", exLeft) + ")") + " and " + unmatchedRight
                    + (timeInvariant ? " " + right.entityName() + "(s)" : " row(s)") + " of " + label + " match nothing"
                    + (exRight.isEmpty() ? "" : " (e.g. " + String.join(", ", exRight) + ")")
                    + "; set join: left to keep the unmatched rows with missing values, or join: inner to keep only matched rows");
        }
        // columns of the source
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        for (String c : right.numericColumns()) {
            if (left.hasNumeric(c) || left.hasText(c) || c.equals(left.entityName()) || c.equals(left.timeName())) {
                throw new DataException(where + " (" + label + "): column '" + c + "' is also in the data before it; leave it out of one"
                        + " source (variables: ...) or rename it (rename: {" + c + ": " + c + "_2})");
            }
            double[] v = right.column(c);
            double[] out = new double[n];
            for (int r = 0; r < n; r++) out[r] = match[r] < 0 ? Double.NaN : v[match[r]];
            numeric.put(c, out);
            added.add(c);
        }
        for (String c : right.textColumns()) {
            String[] v = right.textColumn(c);
            if (left.hasText(c)) {
                String[] mine = left.textColumn(c);
                for (int r = 0; r < n; r++) {
                    if (match[r] < 0) continue;
                    String a = mine[r];
                    String b = v[match[r]];
                    if (a != null && b != null && !a.equals(b)) {
                        throw new DataException(where + " (" + label + "): text column '" + c + "' is in both and disagrees at "
                                + key(left, r, false) + ": '" + a + "' before, '" + b + "' in " + label + "; rename one (rename: {" + c
                                + ": " + c + "_2})");
                    }
                }
                continue;
            }
            if (left.hasNumeric(c) || c.equals(left.entityName()) || c.equals(left.timeName())) {
                throw new DataException(where + " (" + label + "): column '" + c + "' is also in the data before it; rename it (rename: {"
                        + c + ": " + c + "_2})");
            }
            String[] out = new String[n];
            for (int r = 0; r < n; r++) out[r] = match[r] < 0 ? null : v[match[r]];
            text.put(c, out);
            added.add(c);
        }
        Panel joined = left;
        for (Map.Entry<String, double[]> e : numeric.entrySet()) joined = joined.withColumn(e.getKey(), e.getValue());
        for (Map.Entry<String, String[]> e : text.entrySet()) joined = joined.withTextColumn(e.getKey(), e.getValue());
        if (how.equals("inner") && unmatchedLeft > 0) {
            int[] keep = new int[matched];
            int k = 0;
            for (int r = 0; r < n; r++) if (match[r] >= 0) keep[k++] = r;
            joined = joined.rows(Arrays.copyOf(keep, k));
        }
        Report report = new Report(label, on, how, n, right.rows(), matched, unmatchedLeft, unmatchedRight, joined.rows(), exLeft, exRight,
                added);
        return new Result(joined, report);
    }

    private static String key(Panel p, int r, boolean entityOnly) {
        return entityOnly ? "(" + p.entity(r) + ")" : "(" + p.entity(r) + ", " + p.time(r) + ")";
    }
}
