package eres.api.panel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Partials out any number of categorical factors (fixed effects) by accelerated alternating
 * projections: the residual {@code M x} of {@code x} on the dummies of every factor, without forming
 * a dummy matrix.
 *
 * <p>Method (Correia 2017, "Linear models with high-dimensional fixed effects: an efficient and
 * feasible estimator", reghdfe's default; Gaure 2013, "OLS with multiple high dimensional category
 * variables", CSDA 66, for alternating projections): with {@code Q_j} the demeaning within the levels
 * of factor j, the symmetric sweep {@code T = Q_1 Q_2 ... Q_k ... Q_2 Q_1} is symmetric positive
 * semi-definite and {@code u = x - M x} is the unique solution in the span of the dummies of
 * {@code (I - T) u = (I - T) x}; conjugate gradients on that system converge in a number of sweeps that
 * grows with the square root of the condition number, where plain alternation grows with the condition
 * number itself. One sweep costs {@code (2k - 1)} passes over the rows.
 *
 * <p>Columns are independent, so {@link #residuals} works on several at once (parallel over columns;
 * the result does not depend on the thread count).
 */
final class Absorber {
    /** Stop when the CG residual is below this share of the column's norm. */
    static final double TOLERANCE = 1e-14;
    static final int MAX_SWEEPS = 20_000;

    private final int n;
    private final int[][] codes;
    private final int[] levels;
    private final double[][] inverseCounts;

    Absorber(List<int[]> factorCodes, List<Integer> factorLevels) {
        this.codes = factorCodes.toArray(new int[0][]);
        this.levels = factorLevels.stream().mapToInt(Integer::intValue).toArray();
        this.n = codes.length == 0 ? 0 : codes[0].length;
        this.inverseCounts = new double[codes.length][];
        for (int j = 0; j < codes.length; j++) {
            int[] count = new int[levels[j]];
            for (int c : codes[j]) count[c]++;
            double[] inv = new double[levels[j]];
            for (int g = 0; g < levels[j]; g++) inv[g] = count[g] == 0 ? 0 : 1.0 / count[g];
            inverseCounts[j] = inv;
        }
    }

    int factors() {
        return codes.length;
    }

    /** {@code M x}: x less its projection on every factor's dummies (a new array). */
    double[] residual(double[] x) {
        if (codes.length == 1) {
            double[] r = x.clone();
            demean(r, 0, new double[levels[0]]);
            return r;
        }
        double[][] scratch = new double[codes.length][];
        for (int j = 0; j < codes.length; j++) scratch[j] = new double[levels[j]];
        double xx = dot(x, x);
        if (xx == 0) return x.clone();
        // b = (I - T) x
        double[] t = x.clone();
        sweep(t, scratch);
        double[] res = new double[n];
        for (int i = 0; i < n; i++) res[i] = x[i] - t[i];
        double[] u = new double[n];
        double[] p = res.clone();
        double[] ap = new double[n];
        double rr = dot(res, res);
        double stop = TOLERANCE * TOLERANCE * xx;
        for (int it = 0; it < MAX_SWEEPS && rr > stop; it++) {
            System.arraycopy(p, 0, ap, 0, n);
            sweep(ap, scratch);
            for (int i = 0; i < n; i++) ap[i] = p[i] - ap[i];
            double pap = dot(p, ap);
            if (!(pap > 0)) break;
            double alpha = rr / pap;
            for (int i = 0; i < n; i++) {
                u[i] += alpha * p[i];
                res[i] -= alpha * ap[i];
            }
            double rrNew = dot(res, res);
            double beta = rrNew / rr;
            rr = rrNew;
            for (int i = 0; i < n; i++) p[i] = res[i] + beta * p[i];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = x[i] - u[i];
        // one plain sweep removes what rounding left in the span of the dummies
        sweep(out, scratch);
        return out;
    }

    /** {@link #residual} of each column, in parallel over columns. */
    double[][] residuals(double[][] columns) {
        double[][] out = new double[columns.length][];
        IntStream.range(0, columns.length).parallel().forEach(j -> out[j] = residual(columns[j]));
        return out;
    }

    /** In place: {@code Q_1 ... Q_k ... Q_1 v}. */
    private void sweep(double[] v, double[][] scratch) {
        int k = codes.length;
        for (int j = 0; j < k; j++) demean(v, j, scratch[j]);
        for (int j = k - 2; j >= 0; j--) demean(v, j, scratch[j]);
    }

    private void demean(double[] v, int j, double[] sums) {
        int[] c = codes[j];
        double[] inv = inverseCounts[j];
        Arrays.fill(sums, 0);
        for (int i = 0; i < n; i++) sums[c[i]] += v[i];
        for (int g = 0; g < sums.length; g++) sums[g] *= inv[g];
        for (int i = 0; i < n; i++) v[i] -= sums[c[i]];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /**
     * The rank of the dummies of all factors (the parameters they absorb, the constant included), as
     * reghdfe counts it: exact for the first two factors ({@code L1 + L2 - c}, c the connected
     * components of the bipartite graph of their levels, Abowd, Creecy and Kramarz 2002); each further
     * factor adds {@code L - 1}, or nothing when it is nested in an earlier factor. For more than two
     * factors this can overstate the rank when further coincidental redundancies exist (reghdfe's
     * conservative convention).
     */
    int absorbedParameters() {
        int k = codes.length;
        if (k == 0) return 0;
        int total = levels[0];
        if (k >= 2) total += levels[1] - components(codes[0], levels[0], codes[1], levels[1]);
        for (int j = 2; j < k; j++) {
            boolean nested = false;
            for (int e = 0; e < j && !nested; e++) nested = nestedIn(codes[j], levels[j], codes[e]);
            if (!nested) total += levels[j] - 1;
        }
        return total;
    }

    /** Identified time dummies of a two-way model (entity first, time second): {@code T - c}. */
    int twoWayTimeDummies() {
        return levels[1] - components(codes[0], levels[0], codes[1], levels[1]);
    }

    /** True when every level of {@code inner} occurs with a single level of {@code outer}. */
    static boolean nestedIn(int[] inner, int innerLevels, int[] outer) {
        int[] first = new int[innerLevels];
        Arrays.fill(first, -1);
        for (int i = 0; i < inner.length; i++) {
            if (first[inner[i]] < 0) first[inner[i]] = outer[i];
            else if (first[inner[i]] != outer[i]) return false;
        }
        return true;
    }

    /** Connected components of the graph joining level a[i] of one factor and b[i] of another (union-find). */
    static int components(int[] a, int la, int[] b, int lb) {
        int[] parent = new int[la + lb];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        int comps = la + lb;
        for (int i = 0; i < a.length; i++) {
            int x = find(parent, a[i]);
            int y = find(parent, la + b[i]);
            if (x != y) {
                parent[x] = y;
                comps--;
            }
        }
        return comps;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /**
     * Rows to keep after dropping singletons iteratively, as reghdfe does: an observation alone in a
     * level of any factor is fitted perfectly by its own dummy, adds nothing to the slopes and would only
     * inflate the degrees of freedom; dropping it can create new singletons, hence the repetition
     * (Correia 2015, "Singletons, cluster-robust standard errors and fixed effects: a bad mix").
     *
     * @return the kept row indices, ascending (all rows when there is no singleton)
     */
    static int[] withoutSingletons(List<int[]> factorCodes, List<Integer> factorLevels, int n) {
        boolean[] dropped = new boolean[n];
        int[][] count = new int[factorCodes.size()][];
        for (int j = 0; j < count.length; j++) {
            count[j] = new int[factorLevels.get(j)];
            for (int c : factorCodes.get(j)) count[j][c]++;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (dropped[i]) continue;
                for (int j = 0; j < count.length; j++) {
                    if (count[j][factorCodes.get(j)[i]] == 1) {
                        dropped[i] = true;
                        for (int l = 0; l < count.length; l++) count[l][factorCodes.get(l)[i]]--;
                        changed = true;
                        break;
                    }
                }
            }
        }
        int[] out = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) if (!dropped[i]) out[m++] = i;
        return Arrays.copyOf(out, m);
    }
}
