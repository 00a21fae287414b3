package eres.api.data;

import eres.api.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A spatial weights matrix W over named units, stored sparse by row (CSR): row {@code i} has
 * neighbours {@code columns[rowStart[i] .. rowStart[i+1])} with weights {@code values[...]}. The
 * diagonal is zero. Immutable; builders live in {@code eres.core.spatial}.
 */
public final class SpatialWeights {
    private final List<String> ids;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final boolean rowStandardized;
    private final String description;

    /**
     * @param rowStart length n+1, non-decreasing, {@code rowStart[n] == columns.length}
     * @param columns column indices, strictly increasing within a row, never equal to the row
     */
    public SpatialWeights(List<String> ids, int[] rowStart, int[] columns, double[] values,
                          boolean rowStandardized, String description) {
        this.ids = List.copyOf(ids);
        int n = ids.size();
        if (rowStart.length != n + 1 || rowStart[0] != 0 || rowStart[n] != columns.length
                || columns.length != values.length) {
            throw new IllegalArgumentException("malformed CSR weights");
        }
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (columns[k] < 0 || columns[k] >= n || columns[k] == i
                        || (k > rowStart[i] && columns[k] <= columns[k - 1])) {
                    throw new IllegalArgumentException("malformed CSR weights at row " + i);
                }
                if (!(values[k] >= 0) || Double.isInfinite(values[k])) {
                    throw new DataException("weight W[" + ids.get(i) + "," + ids.get(columns[k]) + "] = " + values[k]
                            + " is not a finite non-negative number");
                }
            }
        }
        this.rowStart = rowStart.clone();
        this.columns = columns.clone();
        this.values = values.clone();
        this.rowStandardized = rowStandardized;
        this.description = description;
    }

    /** From a dense matrix (zeros dropped; the diagonal must be zero). */
    public static SpatialWeights fromDense(List<String> ids, double[][] w, boolean rowStandardized, String description) {
        int n = ids.size();
        int[] start = new int[n + 1];
        List<Integer> cols = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    if (w[i][j] != 0) throw new DataException("weights diagonal W[" + ids.get(i) + "," + ids.get(i) + "] must be 0");
                    continue;
                }
                if (w[i][j] != 0) {
                    cols.add(j);
                    vals.add(w[i][j]);
                }
            }
            start[i + 1] = cols.size();
        }
        return new SpatialWeights(ids, start, cols.stream().mapToInt(Integer::intValue).toArray(),
                vals.stream().mapToDouble(Double::doubleValue).toArray(), rowStandardized, description);
    }

    public int size() {
        return ids.size();
    }

    public List<String> ids() {
        return ids;
    }

    public boolean isRowStandardized() {
        return rowStandardized;
    }

    public String description() {
        return description;
    }

    /** Number of stored (non-zero) weights. */
    public int nonZeros() {
        return values.length;
    }

    public int rowStart(int i) {
        return rowStart[i];
    }

    public int rowEnd(int i) {
        return rowStart[i + 1];
    }

    public int column(int k) {
        return columns[k];
    }

    public double value(int k) {
        return values[k];
    }

    public double get(int i, int j) {
        int k = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? values[k] : 0.0;
    }

    /** y = W x. */
    public double[] multiply(double[] x) {
        int n = size();
        if (x.length != n) throw new IllegalArgumentException("vector length " + x.length + " != " + n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) s += values[k] * x[columns[k]];
            y[i] = s;
        }
        return y;
    }

    public double[][] toDense() {
        int n = size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) for (int k = rowStart[i]; k < rowStart[i + 1]; k++) d[i][columns[k]] = values[k];
        return d;
    }

    /** Units with no neighbour (an all-zero row). */
    public List<String> islands() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) if (rowStart[i] == rowStart[i + 1]) out.add(ids.get(i));
        return out;
    }

    /** True if W equals its transpose to a relative tolerance. */
    public boolean isSymmetric(double tolerance) {
        for (int i = 0; i < size(); i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                double a = values[k];
                double b = get(columns[k], i);
                if (Math.abs(a - b) > tolerance * Math.max(Math.abs(a), Math.abs(b))) return false;
            }
        }
        return true;
    }

    /**
     * Row-standardised copy (each row sums to 1).
     *
     * @throws DataException naming the islands, which cannot be standardised
     */
    public SpatialWeights rowStandardize() {
        List<String> isl = islands();
        if (!isl.isEmpty()) {
            throw new DataException("spatial weights '" + description + "' have " + isl.size() + " unit(s) with no neighbour: "
                    + String.join(", ", isl.subList(0, Math.min(10, isl.size()))));
        }
        double[] v = values.clone();
        for (int i = 0; i < size(); i++) {
            double s = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) s += v[k];
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) v[k] /= s;
        }
        return new SpatialWeights(ids, rowStart, columns, v, true, description);
    }

    /**
     * The sub-matrix for {@code subset} (in that order), not re-standardised. Use it for per-group
     * runs, then {@link #rowStandardize()} if the model needs it.
     *
     * @throws DataException if an id is not a unit of this matrix
     */
    public SpatialWeights restrictTo(List<String> subset) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) pos.put(ids.get(i), i);
        Map<Integer, Integer> newIndex = new HashMap<>();
        for (int i = 0; i < subset.size(); i++) {
            Integer p = pos.get(subset.get(i));
            if (p == null) throw new DataException("unit '" + subset.get(i) + "' is not in spatial weights '" + description + "'");
            newIndex.put(p, i);
        }
        int m = subset.size();
        double[][] d = new double[m][m];
        for (int i = 0; i < m; i++) {
            int old = pos.get(subset.get(i));
            for (int k = rowStart[old]; k < rowStart[old + 1]; k++) {
                Integer j = newIndex.get(columns[k]);
                if (j != null) d[i][j] = values[k];
            }
        }
        return fromDense(subset, d, false, description);
    }
}
