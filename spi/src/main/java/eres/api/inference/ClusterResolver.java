package eres.api.inference;

import eres.api.DataException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import eres.api.panel.Effects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one cluster resolver of the estimators. A cluster variable may be the entity id column, the time
 * column (e.g. {@code cluster: year}), a text column (e.g. {@code region}) or a numeric column (codes);
 * none given means the entity. As Stata's {@code vce(cluster)}, observations whose cluster label is
 * missing are left out of the estimation sample (and counted); an unknown column is an error naming the
 * columns that exist.
 */
public final class ClusterResolver {
    private ClusterResolver() {
    }

    /** Checks that every cluster variable is a column (or the entity/time id) of {@code panel}. */
    public static void validate(Panel panel, List<String> vars) {
        for (String v : vars) {
            if (v.equals(panel.entityName()) || v.equals(panel.timeName()) || panel.hasText(v) || panel.hasNumeric(v)) continue;
            List<String> all = new ArrayList<>(panel.textColumns());
            all.addAll(panel.numericColumns());
            all.add(panel.entityName());
            all.add(panel.timeName());
            throw new DataException("cluster variable '" + v + "' is not a column of the data" + Suggestions.hint(v, all)
                    + "; columns: " + String.join(", ", all));
        }
    }

    /** The numeric cluster columns, to be included in the listwise deletion of the model variables. */
    public static List<String> numericColumns(Panel panel, List<String> vars) {
        List<String> out = new ArrayList<>();
        for (String v : vars) {
            if (!v.equals(panel.entityName()) && !v.equals(panel.timeName()) && !panel.hasText(v) && panel.hasNumeric(v)) out.add(v);
        }
        return out;
    }

    /** Rows of {@code panel} whose label in a text cluster column is missing. */
    public static boolean[] missingText(Panel panel, List<String> vars) {
        boolean[] miss = new boolean[panel.rows()];
        for (String v : vars) {
            if (v.equals(panel.entityName()) || v.equals(panel.timeName()) || !panel.hasText(v)) continue;
            String[] c = panel.textColumn(v);
            for (int i = 0; i < c.length; i++) if (c[i] == null || c[i].isEmpty()) miss[i] = true;
        }
        return miss;
    }

    /**
     * Resolves the clusters of the estimation sample {@code sample} (complete on every cluster variable).
     *
     * @param vars    0..2 variables; empty = the entity
     * @param effects the absorbed effects, for the nested-in-clusters count
     */
    public static Clusters resolve(Panel sample, List<String> vars, Effects effects) {
        List<String> names = vars.isEmpty() ? List.of(sample.entityName()) : vars;
        validate(sample, names);
        int[][] codes = new int[names.size()][];
        int[] counts = new int[names.size()];
        for (int d = 0; d < names.size(); d++) {
            codes[d] = codes(sample, names.get(d));
            int m = 0;
            for (int c : codes[d]) m = Math.max(m, c + 1);
            counts[d] = m;
        }
        return new Clusters(names, codes, counts, nestedAbsorbed(sample, effects, codes[0]));
    }

    /** Dense codes of one variable. */
    static int[] codes(Panel sample, String column) {
        int n = sample.rows();
        if (column.equals(sample.entityName())) return sample.entityIndices();
        if (column.equals(sample.timeName())) return sample.timeIndices();
        Map<String, Integer> map = new HashMap<>();
        int[] out = new int[n];
        if (sample.hasText(column)) {
            String[] v = sample.textColumn(column);
            for (int i = 0; i < n; i++) {
                if (v[i] == null || v[i].isEmpty()) throw new DataException("cluster column '" + column + "' is missing in a row of the sample");
                out[i] = map.computeIfAbsent(v[i], s -> map.size());
            }
        } else {
            double[] v = sample.column(column);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[i])) throw new DataException("cluster column '" + column + "' is missing in a row of the sample");
                out[i] = map.computeIfAbsent(Double.toString(v[i]), s -> map.size());
            }
        }
        return out;
    }

    /**
     * Absorbed parameters nested within the clusters (not counted in Stata's small-sample K, as
     * {@code xtreg, fe vce(cluster)} and {@code reghdfe}): {@code G - 1} if every entity lies in one
     * cluster (entity effects), else {@code T - 1} if every period lies in one cluster (time effects).
     */
    public static int nestedAbsorbed(Panel sample, Effects effects, int[] cluster) {
        if (effects.hasEntity() && nested(sample.entityIndices(), sample.entityCount(), cluster)) return sample.entityCount() - 1;
        if (effects.hasTime() && nested(sample.timeIndices(), sample.timeCount(), cluster)) return sample.timeCount() - 1;
        return 0;
    }

    private static boolean nested(int[] level, int levels, int[] cluster) {
        int[] first = new int[levels];
        java.util.Arrays.fill(first, -1);
        for (int i = 0; i < level.length; i++) {
            if (first[level[i]] < 0) first[level[i]] = cluster[i];
            else if (first[level[i]] != cluster[i]) return false;
        }
        return true;
    }
}
