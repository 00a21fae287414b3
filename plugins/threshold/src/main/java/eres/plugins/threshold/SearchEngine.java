package eres.plugins.threshold;

import eres.api.EstimationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact threshold search in O(n log n + n k^2) instead of O(grid * n * k^2).
 *
 * <p>Reparametrise the regimes as {@code [x, x 1(q <= g)]} (same column space). With {@code R} the
 * within-transformed regressors that do not depend on the candidate (controls, x, and the columns of
 * thresholds already fixed), {@code e0 = M_R y~} and {@code C(g) = x 1(q <= g)} (n x k_r, raw),
 *
 * <pre>
 *   S(g) = e0'e0 - a' H^{-1} a,     a = C~'e0 = C' W D' e0 = sum_{q_r <= g} x_r ehat_r,
 *   H    = C~'M_R C~ = C~'C~ - U'U,  U = Q'C~ = sum_{q_r <= g} qhat_r x_r',
 *   C~'C~ = sum_{q_r <= g} x_r x_r' - sum_i s_i s_i' / T_i  [- sum_i w_i w_i' with Hansen's deletion],
 * </pre>
 *
 * where {@code Q} is an orthonormal basis of {@code R}, {@code qhat = W D' Q}, {@code ehat = W D' e0},
 * {@code s_i} the sum of {@code x} over entity i's lower-regime rows and {@code w_i} the demeaned value of
 * its deleted (last) row. All of these are running sums over the observations in q order: each
 * observation changes one entity's sums, so a sweep costs O(n k k_r) and every candidate O(k k_r^2).
 *
 * <p>The regressor side ({@code H} per candidate) does not depend on y: it is computed once for the
 * base design and once per set of fixed thresholds (cached, bounded), and a search on a new y (a
 * bootstrap replication) costs one projection O(n k) and one O(n k_r) sweep. Fixed-threshold columns
 * are handled by sequential orthogonalisation against the base basis, so no QR is repeated.
 *
 * <p>Thread-safe: every method only reads shared state; caches hold deterministic values.
 */
final class SearchEngine {
    /** Candidate is singular when its partialled-out column keeps less than this share of its within norm. */
    static final double SINGULAR = 1e-10;
    private static final long CACHE_BUDGET_DOUBLES = 6_000_000L;

    final Prepared d;
    final Candidates cands;
    final int k0;
    final int kr;
    private final double[][] q0;
    private final double[] q0rows;
    private final double[] h0;
    private final double[] gDiag;
    private final ConcurrentHashMap<Key, Stage> cache = new ConcurrentHashMap<>();
    private final AtomicLong cached = new AtomicLong();
    private final String where;

    private record Key(List<Integer> fixed, double trim) {
    }

    SearchEngine(Prepared d, Candidates cands, String where) {
        this.d = d;
        this.cands = cands;
        this.kr = d.kr;
        this.where = where;
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d.kz; j++) {
            cols.add(d.zt[j]);
            names.add(d.zNames.get(j));
        }
        for (int j = 0; j < kr; j++) {
            cols.add(d.xt[j]);
            names.add(d.xNames.get(j));
        }
        this.k0 = cols.size();
        this.q0 = new double[k0][];
        for (int j = 0; j < k0; j++) {
            double[] v = cols.get(j).clone();
            double norm0 = Math.sqrt(Prepared.dot(v, v));
            if (!orthonormalize(v, q0, j, norm0)) {
                throw new EstimationException(EstimationException.Reason.COLLINEAR, where + "regressor '" + names.get(j)
                        + "' is collinear with the other regressors after the within transformation");
            }
            q0[j] = v;
        }
        q0rows = new double[d.nt * k0];
        for (int j = 0; j < k0; j++) for (int i = 0; i < d.nt; i++) q0rows[i * k0 + j] = q0[j][i];
        // base sweep: H_0(g) and diag C~'C~ for every candidate
        int m = cands.size();
        h0 = new double[m * kr * kr];
        gDiag = new double[m * kr];
        double[] qhat = sorted(backAll(q0));
        int n = d.n;
        int kk = kr * kr;
        double[] cc = new double[kk];
        double[] e = new double[kk];
        double[] l = new double[kk];
        double[] s = new double[d.entities * kr];
        boolean[] lastIn = new boolean[d.entities];
        double[] u = new double[k0 * kr];
        double[] w = new double[kr];
        int p = 0;
        for (int c = 0; c < m; c++) {
            int cut = cands.cut[c];
            for (; p < cut && p < n; p++) {
                int i = d.entitySorted[p];
                int xo = p * kr;
                double ti = d.tCount[i];
                for (int a = 0; a < kr; a++) {
                    double xa = d.xSorted[xo + a];
                    for (int b = 0; b < kr; b++) cc[a * kr + b] += xa * d.xSorted[xo + b];
                }
                // remove entity i's old terms
                for (int a = 0; a < kr; a++) for (int b = 0; b < kr; b++) e[a * kr + b] -= s[i * kr + a] * s[i * kr + b] / ti;
                if (d.deleteLast) {
                    lastTerm(d, i, s, lastIn, w);
                    for (int a = 0; a < kr; a++) for (int b = 0; b < kr; b++) l[a * kr + b] -= w[a] * w[b];
                }
                for (int a = 0; a < kr; a++) s[i * kr + a] += d.xSorted[xo + a];
                if (d.lastSorted[p]) lastIn[i] = true;
                for (int a = 0; a < kr; a++) for (int b = 0; b < kr; b++) e[a * kr + b] += s[i * kr + a] * s[i * kr + b] / ti;
                if (d.deleteLast) {
                    lastTerm(d, i, s, lastIn, w);
                    for (int a = 0; a < kr; a++) for (int b = 0; b < kr; b++) l[a * kr + b] += w[a] * w[b];
                }
                int qo = p * k0;
                for (int j = 0; j < k0; j++) {
                    double qj = qhat[qo + j];
                    for (int a = 0; a < kr; a++) u[j * kr + a] += qj * d.xSorted[xo + a];
                }
            }
            int ho = c * kk;
            for (int a = 0; a < kr; a++) {
                for (int b = 0; b < kr; b++) {
                    double g = cc[a * kr + b] - e[a * kr + b] - l[a * kr + b];
                    double uu = 0;
                    for (int j = 0; j < k0; j++) uu += u[j * kr + a] * u[j * kr + b];
                    h0[ho + a * kr + b] = g - uu;
                    if (a == b) gDiag[c * kr + a] = g;
                }
            }
        }
    }

    /** Demeaned value of entity i's last (deleted) row of the lower-regime column: {@code w = x_last 1(in) - s_i/T_i}. */
    private static void lastTerm(Prepared d, int i, double[] s, boolean[] lastIn, double[] w) {
        int kr = d.kr;
        int last = d.start[i + 1] - 1;
        double ti = d.tCount[i];
        for (int a = 0; a < kr; a++) w[a] = (lastIn[i] ? d.x[last * kr + a] : 0) - s[i * kr + a] / ti;
    }

    /**
     * Gram–Schmidt twice ("twice is enough", Giraud et al. 2005) of {@code v} against {@code basis[0..count)};
     * normalises v in place. False if v is (numerically) in their span.
     */
    static boolean orthonormalize(double[] v, double[][] basis, int count, double norm0) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < count; j++) {
                double[] b = basis[j];
                double c = Prepared.dot(b, v);
                for (int i = 0; i < v.length; i++) v[i] -= c * b[i];
            }
        }
        double norm = Math.sqrt(Prepared.dot(v, v));
        if (!(norm > 1e-9 * norm0) || norm0 == 0) return false;
        for (int i = 0; i < v.length; i++) v[i] /= norm;
        return true;
    }

    private double[][] backAll(double[][] cols) {
        double[][] out = new double[cols.length][];
        for (int j = 0; j < cols.length; j++) out[j] = d.back(cols[j]);
        return out;
    }

    /** Columns (length n, kept-row order) gathered row-major in q order: out[p * k + j]. */
    private double[] sorted(double[][] cols) {
        int k = cols.length;
        double[] out = new double[d.n * k];
        for (int p = 0; p < d.n; p++) {
            int r = d.order[p];
            for (int j = 0; j < k; j++) out[p * k + j] = cols[j][r];
        }
        return out;
    }

    /** {@code M_0 y}: the residual of a transformed vector from the base regressors (two projection passes). */
    double[] baseResidual(double[] yt) {
        double[] e = yt.clone();
        project(e);
        project(e);
        return e;
    }

    /** {@code M_0 y} with one projection pass (bootstrap replications: the basis is orthonormal to rounding). */
    double[] baseResidualFast(double[] yt) {
        double[] e = yt.clone();
        project(e);
        return e;
    }

    /** One classical Gram–Schmidt pass against the base basis, fused over rows ({@code v} modified). */
    private void project(double[] v) {
        int k = k0;
        double[] c = new double[k];
        double[] q = q0rows;
        for (int i = 0, o = 0; i < v.length; i++, o += k) {
            double vi = v[i];
            for (int j = 0; j < k; j++) c[j] += q[o + j] * vi;
        }
        for (int i = 0, o = 0; i < v.length; i++, o += k) {
            double s = 0;
            for (int j = 0; j < k; j++) s += q[o + j] * c[j];
            v[i] -= s;
        }
    }

    /** The search step that adds one threshold to {@code fixed} (candidate indices) with trimming {@code trim}. */
    Stage stage(int[] fixed, double trim) {
        int[] f = fixed.clone();
        Arrays.sort(f);
        List<Integer> fl = new ArrayList<>();
        for (int v : f) fl.add(v);
        Key key = new Key(List.copyOf(fl), trim);
        Stage st = cache.get(key);
        if (st != null) return st;
        st = new Stage(f, trim);
        if (cached.get() + st.size() <= CACHE_BUDGET_DOUBLES) {
            Stage prev = cache.putIfAbsent(key, st);
            if (prev != null) return prev;
            cached.addAndGet(st.size());
        }
        return st;
    }

    /** A search outcome: the best candidate and, when requested, the SSR of every admissible candidate. */
    record Outcome(int best, double ssrRestricted, double reduction, int[] admissible, double[] profileSsr, double[] residual) {
        double ssr() {
            return ssrRestricted - reduction;
        }

        /** {@code F = (S_restricted - S(g_hat)) / (S(g_hat) / df)}. */
        double f(int df) {
            return reduction / (ssr() / df);
        }
    }

    /** One search step: fixed thresholds, admissible candidates and the inverse of H per candidate. */
    final class Stage {
        final int[] fixed;
        final double trim;
        final int[] adm;
        private final double[][] uCols;
        private final double[] uhat;
        private final double[] hinv;
        private final boolean[] singular;
        final int singularCount;

        private Stage(int[] fixed, double trim) {
            this.fixed = fixed;
            this.trim = trim;
            this.adm = cands.admissible(fixed, trim);
            int p = fixed.length * kr;
            uCols = new double[p][];
            int col = 0;
            for (int f : fixed) {
                boolean[] low = lowRows(cands.cut[f]);
                for (int j = 0; j < kr; j++) {
                    double[] raw = new double[d.n];
                    for (int r = 0; r < d.n; r++) raw[r] = low[r] ? d.x[r * kr + j] : 0;
                    double[] v = d.transform(raw);
                    double norm0 = Math.sqrt(Prepared.dot(v, v));
                    project(v);
                    project(v);
                    if (!orthonormalize(v, uCols, col, norm0)) {
                        throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, where
                                + "the regime columns of the fixed thresholds are collinear (threshold at "
                                + cands.value[f] + ")");
                    }
                    uCols[col++] = v;
                }
            }
            uhat = sorted(backAll(uCols));
            int kk = kr * kr;
            hinv = new double[adm.length * kk];
            singular = new boolean[adm.length];
            double[] vv = new double[p * kr];
            double[] h = new double[kk];
            int pos = 0;
            int sing = 0;
            for (int ai = 0; ai < adm.length; ai++) {
                int c = adm[ai];
                int cut = cands.cut[c];
                for (; pos < cut; pos++) {
                    int xo = pos * kr;
                    int uo = pos * p;
                    for (int j = 0; j < p; j++) {
                        double uj = uhat[uo + j];
                        for (int a = 0; a < kr; a++) vv[j * kr + a] += uj * d.xSorted[xo + a];
                    }
                }
                for (int a = 0; a < kr; a++) {
                    for (int b = 0; b < kr; b++) {
                        double s = h0[c * kk + a * kr + b];
                        for (int j = 0; j < p; j++) s -= vv[j * kr + a] * vv[j * kr + b];
                        h[a * kr + b] = s;
                    }
                }
                if (!invert(h, gDiag, c * kr, hinv, ai * kk)) {
                    singular[ai] = true;
                    sing++;
                }
            }
            singularCount = sing;
        }

        long size() {
            return (long) uCols.length * (d.n + d.nt) + (long) hinv.length + adm.length;
        }

        boolean empty() {
            return adm.length == 0 || singularCount == adm.length;
        }

        /**
         * Searches for the best threshold given {@code e0base = M_0 y~}.
         *
         * @param profile also return the SSR of every admissible candidate and the residual {@code M_R y~}
         */
        Outcome search(double[] e0base, boolean profile) {
            double[] e0 = e0base.clone();
            for (double[] u : uCols) {
                double c = Prepared.dot(u, e0);
                for (int i = 0; i < e0.length; i++) e0[i] -= c * u[i];
            }
            double sr = Prepared.dot(e0, e0);
            double[] eh = d.back(e0);
            int n = d.n;
            int kk = kr * kr;
            double[] a = new double[kr];
            double best = Double.NEGATIVE_INFINITY;
            int bestIdx = -1;
            double[] ssr = profile ? new double[adm.length] : null;
            int pos = 0;
            for (int ai = 0; ai < adm.length; ai++) {
                int cut = cands.cut[adm[ai]];
                if (kr == 1) {
                    double s = a[0];
                    for (; pos < cut; pos++) s += d.xSorted[pos] * eh[d.order[pos]];
                    a[0] = s;
                } else {
                    for (; pos < cut; pos++) {
                        double ev = eh[d.order[pos]];
                        for (int j = 0; j < kr; j++) a[j] += d.xSorted[pos * kr + j] * ev;
                    }
                }
                double red;
                if (singular[ai]) {
                    red = Double.NaN;
                } else if (kr == 1) {
                    red = a[0] * a[0] * hinv[ai];
                } else {
                    red = 0;
                    int o = ai * kk;
                    for (int x = 0; x < kr; x++) for (int y = 0; y < kr; y++) red += a[x] * hinv[o + x * kr + y] * a[y];
                }
                if (profile) ssr[ai] = Double.isNaN(red) ? Double.NaN : sr - red;
                if (red > best) {
                    best = red;
                    bestIdx = ai;
                }
            }
            if (bestIdx < 0) return new Outcome(-1, sr, Double.NaN, adm, ssr, profile ? e0 : null);
            assert n >= 0;
            return new Outcome(adm[bestIdx], sr, best, adm, ssr, profile ? e0 : null);
        }
    }

    /** Rows (kept-row index) in the lower regime of a cut. */
    boolean[] lowRows(int cut) {
        boolean[] low = new boolean[d.n];
        for (int p = 0; p < cut; p++) low[d.order[p]] = true;
        return low;
    }

    /**
     * Inverts the symmetric k_r x k_r matrix {@code h} (row-major) into {@code out[o..]} via Cholesky;
     * false when a pivot falls below {@link #SINGULAR} of the matching diagonal of C~'C~.
     */
    private boolean invert(double[] h, double[] gd, int go, double[] out, int o) {
        int k = kr;
        if (k == 1) {
            double g = gd[go];
            if (!(h[0] > SINGULAR * g) || !(g > 0)) return false;
            out[o] = 1.0 / h[0];
            return true;
        }
        double[] l = new double[k * k];
        for (int j = 0; j < k; j++) {
            double s = h[j * k + j];
            for (int t = 0; t < j; t++) s -= l[j * k + t] * l[j * k + t];
            if (!(s > SINGULAR * gd[go + j]) || !(gd[go + j] > 0)) return false;
            double ljj = Math.sqrt(s);
            l[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double v = h[i * k + j];
                for (int t = 0; t < j; t++) v -= l[i * k + t] * l[j * k + t];
                l[i * k + j] = v / ljj;
            }
        }
        // inverse of L, then L^{-T} L^{-1}
        double[] li = new double[k * k];
        for (int j = 0; j < k; j++) {
            li[j * k + j] = 1 / l[j * k + j];
            for (int i = j + 1; i < k; i++) {
                double v = 0;
                for (int t = j; t < i; t++) v -= l[i * k + t] * li[t * k + j];
                li[i * k + j] = v / l[i * k + i];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double v = 0;
                for (int t = Math.max(a, b); t < k; t++) v += li[t * k + a] * li[t * k + b];
                out[o + a * k + b] = v;
            }
        }
        return true;
    }
}
