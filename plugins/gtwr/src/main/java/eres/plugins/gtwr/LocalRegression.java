package eres.plugins.gtwr;

import eres.api.Parallelism;
import java.util.Arrays;
import java.util.List;

/**
 * The local weighted least-squares fits {@code beta(i) = (X'W_iX)^{-1} X'W_i y} at every observation,
 * reading weights from neighbour lists: a fit costs O(sum of list lengths * p^2) time and no n x n
 * array. Local normal equations are solved by Cholesky; a pivot below {@link #PIVOT_TOLERANCE} times
 * its diagonal entry marks the local design singular.
 *
 * <p>Parallel over fixed chunks of {@link Neighbours#CHUNK} points whose partial sums are added in
 * chunk order, so every result is bit-identical for any thread count.
 */
final class LocalRegression {
    /** Relative Cholesky pivot below which a local design counts as singular (condition ~ 1e12). */
    static final double PIVOT_TOLERANCE = 1e-12;

    /** A bandwidth: a neighbour count (adaptive) or a distance (fixed). */
    record Bandwidth(boolean adaptive, double value) {
        static Bandwidth adaptive(int k) {
            return new Bandwidth(true, k);
        }

        static Bandwidth fixed(double h) {
            return new Bandwidth(false, h);
        }

        int neighbours() {
            return (int) value;
        }
    }

    /** Criterion ingredients of one bandwidth. */
    record Score(double rss, double traceS, double cvSs, int singular, int firstSingular) {
    }

    private final Design design;
    private final Neighbours nb;
    private final Kernel kernel;
    private final double support;

    LocalRegression(Design design, Neighbours nb, Kernel kernel, double cutoff) {
        this.design = design;
        this.nb = nb;
        this.kernel = kernel;
        this.support = kernel.support(cutoff);
    }

    Neighbours neighbours() {
        return nb;
    }

    /** True if the neighbour lists hold every weight this bandwidth needs. */
    boolean covers(Bandwidth bw) {
        if (bw.adaptive()) {
            if (nb.coverK <= 0) return false;
            return bw.neighbours() <= nb.coverK && support <= nb.factor;
        }
        if (nb.coverK > 0) return false;
        return bw.value() * support <= nb.coverRadius;
    }

    /** Bandwidth at point i (the distance of its k-th neighbour when adaptive). */
    double bandwidthAt(int i, Bandwidth bw) {
        if (!bw.adaptive()) return bw.value();
        int k = bw.neighbours();
        int s = nb.start[i];
        int len = nb.start[i + 1] - s;
        if (k <= nb.eligible[i]) {
            if (k > len) throw new IllegalStateException("neighbour lists do not cover " + k + " neighbours at point " + i);
            return nb.dist[s + k - 1];
        }
        // GWmodel 2.3-3 (gw_weight_vec) over all n observations, those outside a one-sided time window at +Inf:
        // k <= n gives the k-th smallest distance, k > n gives (k / n) max_j d_ij; either is +Inf when fewer than k
        // observations are in the window, and then every observation in it has weight K(d, Inf) = 1 (GWmodel's
        // arithmetic gives those outside NaN weights; here they are not neighbours, weight 0)
        if (nb.complete[i] != Double.POSITIVE_INFINITY) throw new IllegalStateException("incomplete list at point " + i);
        if (nb.eligible[i] < nb.n) return Double.POSITIVE_INFINITY;
        return (double) k / nb.n * nb.dist[s + len - 1];
    }

    /** Per-thread workspace, allocated once per task (grown when a point has more neighbours). */
    private final class Work {
        final int p = design.p;
        final double[] a = new double[p * p];
        final double[] a2 = new double[p * p];
        final double[] b = new double[p];
        final double[] beta = new double[p];
        final double[] v = new double[p];
        final double[] inv = new double[p * p];
        // the positive-weight neighbours of the current point, gathered column-wise
        int[] j = new int[256];
        double[] w = new double[256];
        double[] yv = new double[256];
        double[][] xc = new double[p][256];
        double[][] xw = new double[p][256];
        double h;
        double radius;
        int m;

        void ensure(int cap) {
            if (cap <= j.length) return;
            int c = Math.max(cap, 2 * j.length);
            j = new int[c];
            w = new double[c];
            yv = new double[c];
            xc = new double[p][c];
            xw = new double[p][c];
        }
    }

    /** Dot product of {@code a[0..m)} and {@code b[0..m)} with four accumulators (fixed order: deterministic). */
    private static double dot(double[] a, double[] b, int m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int q = 0;
        for (; q + 3 < m; q += 4) {
            s0 += a[q] * b[q];
            s1 += a[q + 1] * b[q + 1];
            s2 += a[q + 2] * b[q + 2];
            s3 += a[q + 3] * b[q + 3];
        }
        for (; q < m; q++) s0 += a[q] * b[q];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Gathers the positive-weight neighbours of point i (weights, rows, y) and forms {@code X'WX},
     * {@code X'Wy} and, if {@code second}, {@code X'W^2X} (lower triangles) as dot products over the
     * gathered columns. Returns false if the bandwidth is 0.
     */
    private boolean accumulate(int i, Bandwidth bw, boolean leaveOut, boolean second, Work ws, double[] x, double[] y) {
        int p = design.p;
        double h = bandwidthAt(i, bw);
        double radius = h * support;
        if (radius > nb.complete[i]) throw new IllegalStateException("neighbour lists do not cover radius " + radius + " at point " + i);
        ws.h = h;
        ws.radius = radius;
        ws.m = 0;
        if (!(h > 0)) return false;
        int s = nb.start[i];
        int e = nb.start[i + 1];
        ws.ensure(e - s);
        int m = 0;
        int[] js = ws.j;
        double[] wv = ws.w;
        double[] yv = ws.yv;
        double[][] xc = ws.xc;
        double[][] xw = ws.xw;
        for (int q = s; q < e; q++) {
            double d = nb.dist[q];
            if (d > radius) break;
            int j = nb.index[q];
            if (leaveOut && j == i) continue;
            double wt = kernel.weight(d, h, radius);
            if (wt == 0) continue;
            js[m] = j;
            wv[m] = wt;
            yv[m] = y[j];
            int off = j * p;
            for (int r = 0; r < p; r++) {
                double xv = x[off + r];
                xc[r][m] = xv;
                xw[r][m] = wt * xv;
            }
            m++;
        }
        ws.m = m;
        for (int r = 0; r < p; r++) {
            ws.b[r] = dot(xw[r], yv, m);
            for (int c = 0; c <= r; c++) ws.a[r * p + c] = dot(xw[r], xc[c], m);
            if (second) for (int c = 0; c <= r; c++) ws.a2[r * p + c] = dot(xw[r], xw[c], m);
        }
        return true;
    }

    /** In-place Cholesky of the lower triangle of {@code a}; false if a pivot is too small. */
    private static boolean cholesky(double[] a, int p) {
        for (int j = 0; j < p; j++) {
            double orig = a[j * p + j];
            double d = orig;
            for (int k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
            if (!(d > PIVOT_TOLERANCE * orig) || !(orig > 0)) return false;
            double l = Math.sqrt(d);
            a[j * p + j] = l;
            for (int i = j + 1; i < p; i++) {
                double s = a[i * p + j];
                for (int k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
                a[i * p + j] = s / l;
            }
        }
        return true;
    }

    /** Solves L L' z = rhs in place. */
    private static void solve(double[] l, int p, double[] z) {
        for (int i = 0; i < p; i++) {
            double s = z[i];
            for (int k = 0; k < i; k++) s -= l[i * p + k] * z[k];
            z[i] = s / l[i * p + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) s -= l[k * p + i] * z[k];
            z[i] = s / l[i * p + i];
        }
    }

    /**
     * RSS and tr(S) (AICc) or the leave-one-out sum of squares (CV) at a bandwidth: the search-mode
     * fit, which keeps no per-point arrays (mgwr's "lite" results).
     */
    Score score(Bandwidth bw, boolean cv, Parallelism par) {
        int n = design.n;
        int p = design.p;
        int chunks = (n + Neighbours.CHUNK - 1) / Neighbours.CHUNK;
        List<double[]> parts = par.map(chunks, c -> {
            Work ws = new Work();
            double rss = 0;
            double tr = 0;
            double singular = 0;
            double first = -1;
            int from = c * Neighbours.CHUNK;
            int to = Math.min(n, from + Neighbours.CHUNK);
            for (int i = from; i < to; i++) {
                boolean ok = accumulate(i, bw, cv, false, ws, design.x, design.y) && cholesky(ws.a, p);
                if (!ok) {
                    singular++;
                    if (first < 0) first = i;
                    continue;
                }
                System.arraycopy(ws.b, 0, ws.beta, 0, p);
                solve(ws.a, p, ws.beta);
                int off = i * p;
                double fit = 0;
                for (int k = 0; k < p; k++) fit += design.x[off + k] * ws.beta[k];
                double r = design.y[i] - fit;
                rss += r * r;
                if (!cv) {
                    for (int k = 0; k < p; k++) ws.v[k] = design.x[off + k];
                    solve(ws.a, p, ws.v);
                    double sii = 0;
                    for (int k = 0; k < p; k++) sii += design.x[off + k] * ws.v[k];
                    tr += sii * kernel.weight(0, ws.h, ws.radius);
                }
            }
            return new double[] {rss, tr, singular, first};
        });
        double rss = 0;
        double tr = 0;
        int singular = 0;
        int first = -1;
        for (double[] q : parts) {
            rss += q[0];
            tr += q[1];
            singular += (int) q[2];
            if (first < 0 && q[3] >= 0) first = (int) q[3];
        }
        return cv ? new Score(Double.NaN, Double.NaN, rss, singular, first) : new Score(rss, tr, Double.NaN, singular, first);
    }

    /** Everything the final fit reports, per point (coefficients on the scaled design). */
    static final class Fit {
        final double[] beta;      // n * p, scaled design
        final double[] ccDiag;    // n * p, diag((X'WX)^-1 X'W^2X (X'WX)^-1), scaled design
        final double[] sii;       // hat diagonal
        final double[] yhat;
        final double[] rowSs;     // sum_j S_ij^2
        final double[] bandwidth; // h_i
        final int[] used;         // observations with positive weight
        final boolean[] singular; // local design singular at this point
        int firstSingular = -1;

        Fit(int n, int p) {
            beta = new double[n * p];
            ccDiag = new double[n * p];
            sii = new double[n];
            yhat = new double[n];
            rowSs = new double[n];
            bandwidth = new double[n];
            used = new int[n];
            singular = new boolean[n];
        }
    }

    /** The full fit at one bandwidth; {@code fit.singular} marks points whose local design is singular. */
    Fit fit(Bandwidth bw, Parallelism par) {
        int n = design.n;
        int p = design.p;
        Fit f = new Fit(n, p);
        int chunks = (n + Neighbours.CHUNK - 1) / Neighbours.CHUNK;
        par.map(chunks, c -> {
            Work ws = new Work();
            int from = c * Neighbours.CHUNK;
            int to = Math.min(n, from + Neighbours.CHUNK);
            for (int i = from; i < to; i++) {
                boolean ok = accumulate(i, bw, false, true, ws, design.x, design.y) && cholesky(ws.a, p);
                f.bandwidth[i] = ws.h;
                if (!ok) {
                    f.singular[i] = true;
                    continue;
                }
                int off = i * p;
                System.arraycopy(ws.b, 0, ws.beta, 0, p);
                solve(ws.a, p, ws.beta);
                System.arraycopy(ws.beta, 0, f.beta, off, p);
                double fit = 0;
                for (int k = 0; k < p; k++) fit += design.x[off + k] * ws.beta[k];
                f.yhat[i] = fit;
                // a = (X'WX)^-1 x_i ; S_ij = w_ij x_j'a
                for (int k = 0; k < p; k++) ws.v[k] = design.x[off + k];
                solve(ws.a, p, ws.v);
                double ss = 0;
                for (int q = 0; q < ws.m; q++) {
                    double dot = 0;
                    for (int k = 0; k < p; k++) dot += ws.xc[k][q] * ws.v[k];
                    double sij = ws.w[q] * dot;
                    ss += sij * sij;
                    if (ws.j[q] == i) f.sii[i] = sij;
                }
                f.rowSs[i] = ss;
                f.used[i] = ws.m;
                // (X'WX)^-1 explicitly, then diag(Ainv A2 Ainv)
                for (int col = 0; col < p; col++) {
                    Arrays.fill(ws.b, 0);
                    ws.b[col] = 1;
                    solve(ws.a, p, ws.b);
                    for (int r = 0; r < p; r++) ws.inv[r * p + col] = ws.b[r];
                }
                for (int r = 0; r < p; r++) {
                    double sum = 0;
                    for (int k = 0; k < p; k++) {
                        double ik = ws.inv[r * p + k];
                        if (ik == 0) continue;
                        for (int l = 0; l < p; l++) {
                            double a2 = k >= l ? ws.a2[k * p + l] : ws.a2[l * p + k];
                            sum += ik * a2 * ws.inv[l * p + r];
                        }
                    }
                    f.ccDiag[off + r] = sum;
                }
            }
            return null;
        });
        for (int i = 0; i < n; i++) {
            if (f.singular[i]) {
                f.firstSingular = i;
                break;
            }
        }
        return f;
    }

    /**
     * Local R^2 at every point: {@code 1 - sum_j w_ij e_j^2 / sum_j w_ij (y_j - ybar_i)^2} with the
     * model's residuals {@code e_j} and the locally weighted mean {@code ybar_i}.
     */
    double[] localR2(Bandwidth bw, double[] residuals, Parallelism par) {
        int n = design.n;
        double[] out = new double[n];
        int chunks = (n + Neighbours.CHUNK - 1) / Neighbours.CHUNK;
        par.map(chunks, c -> {
            int from = c * Neighbours.CHUNK;
            int to = Math.min(n, from + Neighbours.CHUNK);
            for (int i = from; i < to; i++) {
                double h = bandwidthAt(i, bw);
                double radius = h * support;
                double sw = 0;
                double swy = 0;
                double swe = 0;
                double shift = design.y[i];
                for (int q = nb.start[i]; q < nb.start[i + 1]; q++) {
                    double d = nb.dist[q];
                    if (d > radius) break;
                    double wt = kernel.weight(d, h, radius);
                    if (wt == 0) continue;
                    int j = nb.index[q];
                    sw += wt;
                    swy += wt * (design.y[j] - shift);
                    swe += wt * residuals[j] * residuals[j];
                }
                double mean = swy / sw;
                double tss = 0;
                for (int q = nb.start[i]; q < nb.start[i + 1]; q++) {
                    double d = nb.dist[q];
                    if (d > radius) break;
                    double wt = kernel.weight(d, h, radius);
                    if (wt == 0) continue;
                    double dev = design.y[nb.index[q]] - shift - mean;
                    tss += wt * dev * dev;
                }
                out[i] = tss > 0 ? 1 - swe / tss : Double.NaN;
            }
            return null;
        });
        return out;
    }

    /**
     * Local coefficients (scaled design) for data whose rows were permuted over the fixed
     * locations; sequential (callers parallelise over replications). Returns null if a local design
     * is singular.
     */
    double[] coefficients(Bandwidth bw, Design data) {
        int n = design.n;
        int p = design.p;
        double[] out = new double[n * p];
        Work ws = new Work();
        for (int i = 0; i < n; i++) {
            if (!accumulate(i, bw, false, false, ws, data.x, data.y) || !cholesky(ws.a, p)) return null;
            System.arraycopy(ws.b, 0, ws.beta, 0, p);
            solve(ws.a, p, ws.beta);
            System.arraycopy(ws.beta, 0, out, i * p, p);
        }
        return out;
    }
}
