package eres.api.spatial;

import eres.api.DataException;
import eres.api.data.SpatialWeights;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on {@link SpatialWeights} shared by the chain runner and spatial plugins: sparse
 * construction, restriction to a subset of units (per-group runs) with re-standardisation, and the
 * diagnostics of {@link WeightsSummary}. Everything here works on the sparse rows; nothing builds an
 * N x N array.
 */
public final class Weights {
    /** Relative tolerance of the symmetry checks. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;

    private Weights() {
    }

    /**
     * Builds CSR weights from per-row neighbour lists (columns in any order, no duplicates, no
     * diagonal; zero weights are dropped).
     *
     * @param columns columns[i] = neighbour indices of unit i (Not modified)
     * @param values  values[i] = their weights (Not modified)
     */
    public static SpatialWeights fromRows(List<String> ids, int[][] columns, double[][] values, boolean rowStandardized,
                                          String description) {
        int n = ids.size();
        if (columns.length != n || values.length != n) throw new IllegalArgumentException("need one neighbour list per unit");
        int[] start = new int[n + 1];
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            for (double v : values[i]) if (v != 0) nnz++;
            start[i + 1] = nnz;
        }
        int[] cols = new int[nnz];
        double[] vals = new double[nnz];
        for (int i = 0; i < n; i++) {
            int[] c = columns[i];
            double[] v = values[i];
            Integer[] order = new Integer[c.length];
            for (int k = 0; k < c.length; k++) order[k] = k;
            Arrays.sort(order, (a, b) -> Integer.compare(c[a], c[b]));
            int p = start[i];
            for (int k = 0; k < c.length; k++) {
                int idx = order[k];
                if (v[idx] == 0) continue;
                if (c[idx] == i) {
                    throw new DataException("weights diagonal W[" + ids.get(i) + "," + ids.get(i) + "] must be 0, got " + v[idx]);
                }
                if (p > start[i] && cols[p - 1] == c[idx]) {
                    throw new DataException("weights list the pair (" + ids.get(i) + ", " + ids.get(c[idx]) + ") twice");
                }
                cols[p] = c[idx];
                vals[p] = v[idx];
                p++;
            }
        }
        return new SpatialWeights(ids, start, cols, vals, rowStandardized, description);
    }

    /**
     * The weights among {@code subset} (in that order). When {@code w} is row-standardised the
     * restricted matrix is row-standardised again, so that a per-group model sees a proper
     * row-standardised W of its own units.
     *
     * @param context words naming the restriction for messages, e.g. {@code "group east"}
     * @throws DataException naming the unit if an id is not in {@code w}, or naming the islands if a
     *                       unit loses all its neighbours and W must be re-standardised
     */
    public static SpatialWeights restrict(SpatialWeights w, List<String> subset, String context) {
        if (subset.equals(w.ids())) return w;
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < w.size(); i++) pos.put(w.ids().get(i), i);
        int[] newIndex = new int[w.size()];
        Arrays.fill(newIndex, -1);
        int m = subset.size();
        int[] old = new int[m];
        for (int i = 0; i < m; i++) {
            Integer p = pos.get(subset.get(i));
            if (p == null) throw new DataException("unit '" + subset.get(i) + "' is not in spatial weights '" + w.description() + "'");
            newIndex[p] = i;
            old[i] = p;
        }
        int[][] cols = new int[m][];
        double[][] vals = new double[m][];
        for (int i = 0; i < m; i++) {
            int o = old[i];
            int count = 0;
            for (int k = w.rowStart(o); k < w.rowEnd(o); k++) if (newIndex[w.column(k)] >= 0) count++;
            cols[i] = new int[count];
            vals[i] = new double[count];
            int q = 0;
            for (int k = w.rowStart(o); k < w.rowEnd(o); k++) {
                int j = newIndex[w.column(k)];
                if (j >= 0) {
                    cols[i][q] = j;
                    vals[i][q++] = w.value(k);
                }
            }
        }
        String desc = w.description() + " (" + m + " of " + w.size() + " units" + (context == null ? "" : ", " + context) + ")";
        SpatialWeights r = fromRows(subset, cols, vals, false, desc);
        if (!w.isRowStandardized()) return r;
        List<String> islands = r.islands();
        if (!islands.isEmpty()) {
            throw new DataException("spatial weights '" + w.description() + "' restricted to " + (context == null ? "the step's units" : context)
                    + " leave " + islands.size() + " unit(s) without a neighbour, so W cannot be row-standardised again: "
                    + String.join(", ", islands.subList(0, Math.min(10, islands.size())))
                    + (islands.size() > 10 ? ", ..." : "") + " (use weights that connect every unit within the group)");
        }
        return r.rowStandardize();
    }

    /**
     * {@code Y = W X} for a block of {@code m} vectors stored row-major ({@code x[i * m + c]} = entry i of
     * vector c): each weight is read once for all m vectors, which is what makes Monte Carlo traces and
     * multi-period solves memory-efficient for dense W. Rows {@code [from, to)} only.
     *
     * @param out written in rows {@code [from, to)} (Modified)
     */
    public static void multiplyBlock(SpatialWeights w, double[] x, int m, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            int base = i * m;
            for (int c = 0; c < m; c++) out[base + c] = 0;
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                double v = w.value(k);
                int src = w.column(k) * m;
                for (int c = 0; c < m; c++) out[base + c] += v * x[src + c];
            }
        }
    }

    /**
     * {@code Y = W X} for a row-major block of {@code m} vectors, rows split over the pool. Every row is
     * computed by one thread in a fixed order, so the result does not depend on the thread count.
     */
    public static double[] multiplyBlock(SpatialWeights w, double[] x, int m, eres.api.Parallelism parallelism) {
        int n = w.size();
        double[] out = new double[n * m];
        int chunks = parallelism == null || parallelism.threads() == 1 || (long) w.nonZeros() * m < 200_000 ? 1 : 4 * parallelism.threads();
        if (chunks == 1) {
            multiplyBlock(w, x, m, out, 0, n);
            return out;
        }
        int size = (n + chunks - 1) / chunks;
        parallelism.map(chunks, c -> {
            multiplyBlock(w, x, m, out, Math.min(n, c * size), Math.min(n, (c + 1) * size));
            return Boolean.TRUE;
        });
        return out;
    }

    /** True if every row sums to 1 (absolute tolerance 1e-10) and no row is empty. */
    public static boolean rowsSumToOne(SpatialWeights w) {
        for (int i = 0; i < w.size(); i++) {
            double s = 0;
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) s += w.value(k);
            if (Math.abs(s - 1) > 1e-10) return false;
        }
        return true;
    }

    /**
     * A positive scaling {@code d} with {@code d_i w_ij = d_j w_ji} for all i, j, or null if none exists.
     * Then {@code C = diag(d) W} is symmetric and {@code S = diag(d)^{1/2} W diag(d)^{-1/2}}, with
     * {@code S_ij = w_ij sqrt(d_i / d_j)}, is a symmetric matrix similar to W (Ord 1975): the
     * eigenvalues of W are real and can be computed stably from S. For a row-standardised symmetric
     * matrix, d is proportional (within each connected component) to the original row sums.
     */
    public static double[] symmetrizingScale(SpatialWeights w) {
        int n = w.size();
        double[] d = new double[n];
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int root = 0; root < n; root++) {
            if (seen[root]) continue;
            seen[root] = true;
            d[root] = 1;
            queue.add(root);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                    int j = w.column(k);
                    double back = w.get(j, i);
                    if (back == 0) return null;
                    double dj = d[i] * w.value(k) / back;
                    if (!seen[j]) {
                        seen[j] = true;
                        d[j] = dj;
                        queue.add(j);
                    } else if (Math.abs(d[j] - dj) > SYMMETRY_TOLERANCE * Math.max(d[j], dj)) {
                        return null;
                    }
                }
            }
        }
        return d;
    }

    /** True if W is diagonally similar to a symmetric matrix (see {@link #symmetrizingScale}). */
    public static boolean isSymmetrizable(SpatialWeights w) {
        return symmetrizingScale(w) != null;
    }

    /** Diagnostics of W. */
    public static WeightsSummary summary(SpatialWeights w) {
        int n = w.size();
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < n; i++) {
            int c = w.rowEnd(i) - w.rowStart(i);
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        if (n == 0) min = 0;
        return new WeightsSummary(w.description(), n, w.nonZeros(), min, max, n == 0 ? 0 : (double) w.nonZeros() / n,
                w.isSymmetric(SYMMETRY_TOLERANCE), isSymmetrizable(w), w.isRowStandardized() || (n > 0 && rowsSumToOne(w)),
                w.islands());
    }

    /** Neighbour ids of each unit, for reports and tests. */
    public static Map<String, List<String>> neighbours(SpatialWeights w) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < w.size(); i++) {
            List<String> nb = new ArrayList<>();
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) nb.add(w.ids().get(w.column(k)));
            out.put(w.ids().get(i), nb);
        }
        return out;
    }
}
