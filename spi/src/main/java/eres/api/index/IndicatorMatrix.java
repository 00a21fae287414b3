package eres.api.index;

import eres.api.linalg.Compensated;
import eres.api.DataException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;

/**
 * Indicators of a panel, normalised with their direction (composite-index.md section 3): an n x m matrix
 * {@code Z} stored by column, one row per panel row used.
 *
 * <ul>
 *   <li>min-max: positive {@code z = (x - min)/(max - min) + shift}, negative {@code z = (max - x)/(max - min) + shift};</li>
 *   <li>z-score: positive {@code z = (x - mean)/sd}, negative {@code z = (mean - x)/sd} (sd with n - 1).</li>
 * </ul>
 * {@code min}, {@code max}, {@code mean} and {@code sd} are taken over all rows ({@code pooled}) or over
 * the rows of each year ({@code by-year}). Immutable.
 */
public final class IndicatorMatrix {
    /** How one indicator was normalised in one scope (the whole sample, or one year). */
    public record Range(String indicator, String scope, int rows, double min, double max, double mean, double sd) {
    }

    private final List<String> names;
    private final boolean[] negative;
    private final int[] panelRows;
    private final double[][] z;
    private final List<Range> ranges;
    private final int skippedRows;

    private IndicatorMatrix(List<String> names, boolean[] negative, int[] panelRows, double[][] z, List<Range> ranges, int skippedRows) {
        this.names = List.copyOf(names);
        this.negative = negative;
        this.panelRows = panelRows;
        this.z = z;
        this.ranges = List.copyOf(ranges);
        this.skippedRows = skippedRows;
    }

    /**
     * Normalises the parameters' indicators of {@code panel}.
     *
     * @throws DataException for an unknown or all-missing indicator, a missing value (unless
     *                       {@code missing: skip}), or an indicator with zero range (min-max) or zero
     *                       standard deviation (z-score) in a scope
     */
    public static IndicatorMatrix of(Panel panel, IndexParameters p) {
        List<String> ind = p.indicators();
        List<String> unknown = new ArrayList<>();
        for (String i : ind) if (!panel.hasNumeric(i)) unknown.add(i);
        if (!unknown.isEmpty()) {
            StringBuilder sb = new StringBuilder(unknown.size() == 1 ? "unknown indicator" : "unknown indicators");
            for (String u : unknown) {
                sb.append(" '").append(u).append("'").append(Suggestions.hint(u, panel.numericColumns()));
                if (panel.hasText(u)) sb.append(" (a text column)");
            }
            throw new DataException(sb + "; numeric columns: " + String.join(", ", panel.numericColumns()));
        }
        int m = ind.size();
        double[][] raw = new double[m][];
        for (int j = 0; j < m; j++) {
            raw[j] = panel.column(ind.get(j));
            boolean any = false;
            for (double v : raw[j]) {
                if (!Double.isNaN(v)) {
                    any = true;
                    break;
                }
            }
            if (!any) throw new DataException("indicator '" + ind.get(j) + "' has no values (all " + raw[j].length + " rows missing)");
            for (int r = 0; r < raw[j].length; r++) {
                if (Double.isInfinite(raw[j][r])) {
                    throw new DataException("indicator '" + ind.get(j) + "' is infinite at (" + panel.entity(r) + ", " + panel.time(r) + ")");
                }
            }
        }
        // rows used: complete on every indicator
        List<Integer> keep = new ArrayList<>();
        List<String> missingCells = new ArrayList<>();
        int missingCount = 0;
        for (int r = 0; r < panel.rows(); r++) {
            boolean ok = true;
            for (int j = 0; j < m; j++) {
                if (Double.isNaN(raw[j][r])) {
                    ok = false;
                    missingCount++;
                    if (missingCells.size() < 5) missingCells.add("(" + panel.entity(r) + ", " + panel.time(r) + ", " + ind.get(j) + ")");
                }
            }
            if (ok) keep.add(r);
        }
        if (missingCount > 0 && p.missing().equals("error")) {
            throw new DataException(missingCount + " missing indicator value" + (missingCount == 1 ? "" : "s") + " (" + panel.entityName() + ", "
                    + panel.timeName() + ", indicator): " + String.join(", ", missingCells) + (missingCount > 5 ? ", ..." : "")
                    + "; impute them in a separate step or set missing: skip");
        }
        if (keep.size() < 2) {
            throw new DataException("only " + keep.size() + " row(s) have every indicator; an index needs at least 2");
        }
        int n = keep.size();
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        // scopes: one (pooled) or one per year
        List<int[]> scopes = new ArrayList<>();
        List<String> scopeNames = new ArrayList<>();
        if (p.pooled()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            scopes.add(all);
            scopeNames.add("pooled");
        } else {
            for (int t : panel.times()) {
                List<Integer> in = new ArrayList<>();
                for (int i = 0; i < n; i++) if (panel.time(rows[i]) == t) in.add(i);
                if (in.isEmpty()) continue;
                scopes.add(in.stream().mapToInt(Integer::intValue).toArray());
                scopeNames.add(String.valueOf(t));
            }
        }
        boolean[] neg = new boolean[m];
        double[][] z = new double[m][n];
        List<Range> ranges = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            String name = ind.get(j);
            neg[j] = p.isNegative(name);
            for (int s = 0; s < scopes.size(); s++) {
                int[] idx = scopes.get(s);
                String where = p.pooled() ? "the pooled sample (" + idx.length + " rows)" : "year " + scopeNames.get(s) + " (" + idx.length + " rows)";
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                Compensated sum = new Compensated(0);
                for (int i : idx) {
                    double v = raw[j][rows[i]];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum.add(v);
                }
                double mean = sum.value() / idx.length;
                Compensated ss = new Compensated(0);
                for (int i : idx) {
                    double d = raw[j][rows[i]] - mean;
                    ss.addProduct(d, d);
                }
                double sd = idx.length > 1 ? Math.sqrt(ss.value() / (idx.length - 1)) : Double.NaN;
                if (!(max > min)) {
                    throw new DataException("indicator '" + name + "' has zero range (constant " + min + ") in " + where
                            + "; it cannot be normalised: drop it or change the scope");
                }
                if (!p.minMax() && !(sd > 0)) {
                    throw new DataException("indicator '" + name + "' has no standard deviation in " + where + " (z-score needs at least 2 rows)");
                }
                ranges.add(new Range(name, scopeNames.get(s), idx.length, min, max, mean, sd));
                double range = max - min;
                for (int i : idx) {
                    double v = raw[j][rows[i]];
                    if (p.minMax()) {
                        z[j][i] = (neg[j] ? (max - v) : (v - min)) / range + p.shift();
                    } else {
                        z[j][i] = (neg[j] ? (mean - v) : (v - mean)) / sd;
                    }
                }
            }
        }
        return new IndicatorMatrix(ind, neg, rows, z, ranges, panel.rows() - n);
    }

    /** Indicator names (columns), in order. */
    public List<String> names() {
        return names;
    }

    public int rows() {
        return panelRows.length;
    }

    public int columns() {
        return names.size();
    }

    /** True if indicator {@code j} is a cost (negative) indicator. */
    public boolean negative(int j) {
        return negative[j];
    }

    /** The panel row of matrix row {@code i}. */
    public int panelRow(int i) {
        return panelRows[i];
    }

    /** The panel rows used, ascending. */
    public int[] panelRows() {
        return panelRows.clone();
    }

    /** A copy of normalised column {@code j}. */
    public double[] column(int j) {
        return z[j].clone();
    }

    /** A copy of the normalised column of an indicator. */
    public double[] column(String indicator) {
        int j = names.indexOf(indicator);
        if (j < 0) throw new IllegalArgumentException("no indicator " + indicator);
        return z[j].clone();
    }

    /** Normalised value at row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        return z[j][i];
    }

    /** The normalisation ranges, indicator-major then scope. */
    public List<Range> ranges() {
        return ranges;
    }

    /** Panel rows left out because an indicator was missing ({@code missing: skip}). */
    public int skippedRows() {
        return skippedRows;
    }
}
