package eres.api.linalg;

import eres.api.EstimationException;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRColPivDecompositionHouseholderColumn_DDRM;

/**
 * Ordinary least squares by Householder QR, accurate to what the data allow.
 *
 * <ol>
 *   <li>Columns are equilibrated by powers of two (exact, so the scaled problem is the same problem).</li>
 *   <li>EJML's column-pivoted Householder QR gives the rank: a column whose pivot falls below
 *       {@value #RANK_TOLERANCE} of the first is collinear and the fit fails, naming it.</li>
 *   <li>Well-conditioned designs (estimated condition below {@value #EXTENDED_THRESHOLD}): the solution
 *       is refined on Björck's augmented system {@code [I X; X' 0][r; b] = [y; 0]} with residuals
 *       accumulated by error-free transformations (Björck 1967, "Iterative refinement of linear least
 *       squares solutions I", BIT 7), which recovers close to full double accuracy; {@code (X'X)^{-1}}
 *       is refined the same way, one column at a time, when the condition estimate exceeds
 *       {@value #INVERSE_REFINE_THRESHOLD} (below, {@code R^{-1} R^{-T}} is already accurate to
 *       about 1e-12).</li>
 *   <li>Ill-conditioned designs: the QR is recomputed in double-double arithmetic (about 32 digits) in
 *       the same pivot order.</li>
 * </ol>
 *
 * <p>Verified on all eleven NIST StRD linear-regression datasets (see {@code NistStrdTest}: every
 * estimate, standard deviation, residual SD and R^2 to a log relative error of at least 9).
 */
public final class LeastSquares {
    /** Relative pivot size below which a column counts as collinear with the previous ones. */
    public static final double RANK_TOLERANCE = 1e-13;
    /** Condition estimate above which the solve switches to double-double arithmetic. */
    public static final double EXTENDED_THRESHOLD = 1e6;
    private static final int MAX_REFINEMENTS = 4;
    /**
     * Condition estimate above which {@code (X'X)^{-1}} is refined column by column like the solution;
     * below it {@code R^{-1} R^{-T}} is accurate to about {@code cond * 1e-16} and refining would cost
     * p more refined solves for digits no standard error needs.
     */
    public static final double INVERSE_REFINE_THRESHOLD = 1e4;

    private LeastSquares() {
    }

    /**
     * Fits {@code y = X b + e}. {@code x} is n x p (rows = observations).
     *
     * @param names column names used in error messages (may be {@code null})
     * @throws EstimationException {@code COLLINEAR} naming the dependent columns, or
     *                             {@code TOO_FEW_OBSERVATIONS} if n &lt; p
     */
    public static LeastSquaresFit fit(double[][] x, double[] y, List<String> names) {
        return fit(x, null, y, null, names);
    }

    /** As {@link #fit(double[][], double[], List)} for an EJML matrix (not modified). */
    public static LeastSquaresFit fit(DMatrixRMaj x, double[] y, List<String> names) {
        double[][] a = new double[x.numRows][x.numCols];
        for (int i = 0; i < x.numRows; i++) for (int j = 0; j < x.numCols; j++) a[i][j] = x.unsafe_get(i, j);
        return fit(a, null, y, null, names);
    }

    /**
     * Fits with a design (and response) given to more than double precision as {@code hi + lo}
     * (for example polynomial terms formed in double-double). {@code xLo}, {@code yLo} may be null.
     */
    public static LeastSquaresFit fit(double[][] xHi, double[][] xLo, double[] y, double[] yLo, List<String> names) {
        int n = xHi.length;
        int p = n == 0 ? 0 : xHi[0].length;
        if (y.length != n) throw new IllegalArgumentException("y has " + y.length + " rows, X has " + n);
        if (p == 0) throw new IllegalArgumentException("empty design");
        if (n < p) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                    n + " observations for " + p + " parameters");
        }
        // 1. exact power-of-two equilibration
        double[] d = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += xHi[i][j] * xHi[i][j];
            if (!(s > 0) || Double.isInfinite(s)) {
                if (Double.isNaN(s) || Double.isInfinite(s)) {
                    throw new EstimationException(EstimationException.Reason.NOT_FINITE,
                            "column '" + name(names, j) + "' has a non-finite value");
                }
                throw new EstimationException(EstimationException.Reason.COLLINEAR,
                        "column '" + name(names, j) + "' is identically zero");
            }
            d[j] = Math.scalb(1.0, -Math.getExponent(Math.sqrt(s)));
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new EstimationException(EstimationException.Reason.NOT_FINITE, "response has a non-finite value at row " + i);
            }
        }
        double[][] a = new double[n][p];
        double[][] aLo = xLo == null ? null : new double[n][p];
        DMatrixRMaj am = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = xHi[i][j] * d[j];
                am.unsafe_set(i, j, a[i][j]);
                if (aLo != null) aLo[i][j] = xLo[i][j] * d[j];
            }
        }
        // 2. pivoted QR and rank
        QRColPivDecompositionHouseholderColumn_DDRM qr = new QRColPivDecompositionHouseholderColumn_DDRM();
        if (!qr.decompose(am)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "QR decomposition failed");
        DMatrixRMaj r = qr.getR(null, true);
        int[] piv = qr.getColPivots().clone();
        double r0 = Math.abs(r.get(0, 0));
        List<String> dependent = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            if (!(Math.abs(r.get(k, k)) > RANK_TOLERANCE * r0)) dependent.add(name(names, piv[k]));
        }
        if (!dependent.isEmpty()) {
            throw new EstimationException(EstimationException.Reason.COLLINEAR,
                    "perfectly collinear regressors: " + String.join(", ", dependent)
                            + " can be written as a combination of the other columns");
        }
        double cond = r0 / Math.abs(r.get(p - 1, p - 1));
        double[] betaScaled;
        double[][] invScaled;
        boolean extended = cond > EXTENDED_THRESHOLD || aLo != null || yLo != null;
        if (!extended) {
            DMatrixRMaj q = qr.getQ(null, true);
            Augmented aug = new Augmented(a, q, r, piv);
            betaScaled = aug.solve(y, new double[p]);
            if (cond > INVERSE_REFINE_THRESHOLD) {
                invScaled = new double[p][];
                for (int j = 0; j < p; j++) {
                    double[] c = new double[p];
                    c[j] = -1;
                    invScaled[j] = aug.solve(new double[n], c);
                }
            } else {
                invScaled = rInverseSquare(r, piv, p); // relative error ~ cond * eps: below 1e-12
            }
        } else {
            ExtendedQr eq = new ExtendedQr(a, aLo, piv);
            betaScaled = eq.solve(y, yLo);
            invScaled = eq.xtxInverse();
        }
        // unscale: b = D b_s, (X'X)^{-1} = D (A'A)^{-1} D
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = betaScaled[j] * d[j];
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) inv[i][j] = d[i] * invScaled[i][j] * d[j];
        // symmetrise (refined columns agree to rounding)
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        double[] res = new double[n];
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            res[i] = Compensated.residual(y[i], yLo == null ? 0 : yLo[i], xHi[i], xLo == null ? null : xLo[i], beta);
            ssr += res[i] * res[i];
        }
        return new LeastSquaresFit(beta, res, ssr, inv, cond, extended);
    }

    /**
     * Fits {@code y = X b + e} for a design given by columns ({@code columns[j]} is regressor j; not
     * modified), the layout of projected panel data. Householder QR with column pivoting on the columns,
     * then one step of iterative refinement of {@code b} with compensated residuals and {@code X'r}
     * (a second when the first still moved b by more than {@code 1e-15} relatively); {@code (X'X)^{-1}}
     * from {@code R^{-1} R^{-T}}. The cost is one QR, {@code 2 n p^2} flops, plus a few passes over the
     * data: no n x p copies beyond the one QR works on. Designs whose condition estimate exceeds
     * {@value #EXTENDED_THRESHOLD} go to {@link #fit(double[][], double[], List)} (double-double QR).
     *
     * @throws EstimationException as {@link #fit(double[][], double[], List)}
     */
    public static LeastSquaresFit fitColumns(double[][] columns, double[] y, List<String> names) {
        int p = columns.length;
        if (p == 0) throw new IllegalArgumentException("empty design");
        int n = y.length;
        if (n < p) throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, n + " observations for " + p + " parameters");
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new EstimationException(EstimationException.Reason.NOT_FINITE, "response has a non-finite value at row " + i);
            }
        }
        // exact power-of-two equilibration, as fit()
        double[] d = new double[p];
        double[][] a = new double[p][];
        for (int j = 0; j < p; j++) {
            double[] c = columns[j];
            if (c.length != n) throw new IllegalArgumentException("column " + j + " has " + c.length + " rows, y has " + n);
            double s = 0;
            for (double v : c) s += v * v;
            if (!(s > 0) || Double.isInfinite(s)) {
                if (Double.isNaN(s) || Double.isInfinite(s)) {
                    throw new EstimationException(EstimationException.Reason.NOT_FINITE, "column '" + name(names, j) + "' has a non-finite value");
                }
                throw new EstimationException(EstimationException.Reason.COLLINEAR, "column '" + name(names, j) + "' is identically zero");
            }
            d[j] = Math.scalb(1.0, -Math.getExponent(Math.sqrt(s)));
            double[] q = new double[n];
            for (int i = 0; i < n; i++) q[i] = c[i] * d[j];
            a[j] = q;
        }
        ColumnQr qr = new ColumnQr(a, n);
        List<String> dependent = new ArrayList<>();
        double r0 = Math.abs(qr.r[0][0]);
        for (int k = 0; k < p; k++) if (!(Math.abs(qr.r[k][k]) > RANK_TOLERANCE * r0)) dependent.add(name(names, qr.piv[k]));
        if (!dependent.isEmpty()) {
            throw new EstimationException(EstimationException.Reason.COLLINEAR, "perfectly collinear regressors: "
                    + String.join(", ", dependent) + " can be written as a combination of the other columns");
        }
        double cond = qr.conditionEstimate();
        if (cond > EXTENDED_THRESHOLD) {
            double[][] rows = new double[n][p];
            for (int j = 0; j < p; j++) for (int i = 0; i < n; i++) rows[i][j] = columns[j][i];
            return fit(rows, y, names);
        }
        double[] bs = qr.solve(y);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = bs[j] * d[j];
        double[] res = residualColumns(columns, y, beta);
        for (int step = 0; step < 2; step++) {
            // b += (X'X)^{-1} X'r through R (seminormal refinement; X'r compensated)
            double[] g = new double[p];
            for (int j = 0; j < p; j++) g[j] = d[j] * Compensated.dot(columns[j], res); // A'r, A = X D (the QR overwrote a)
            double[] db = qr.normalSolve(g);
            double change = 0;
            double size = 0;
            for (int j = 0; j < p; j++) {
                double delta = db[j] * d[j];
                beta[j] += delta;
                change = Math.max(change, Math.abs(delta));
                size = Math.max(size, Math.abs(beta[j]));
            }
            res = residualColumns(columns, y, beta);
            if (change <= 1e-15 * size) break;
        }
        double[][] invScaled = qr.inverse();
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) inv[i][j] = d[i] * invScaled[i][j] * d[j];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (inv[i][j] + inv[j][i]);
                inv[i][j] = m;
                inv[j][i] = m;
            }
        }
        double ssr = 0;
        for (double e : res) ssr += e * e;
        return new LeastSquaresFit(beta, res, ssr, inv, cond, false);
    }

    /** {@code y - X b} with the products and sums accumulated with error-free transformations. */
    private static double[] residualColumns(double[][] x, double[] y, double[] b) {
        int n = y.length;
        double[] hi = y.clone();
        double[] lo = new double[n];
        for (int j = 0; j < x.length; j++) {
            double bj = -b[j];
            double[] c = x[j];
            for (int i = 0; i < n; i++) {
                double prod = c[i] * bj;
                double perr = Math.fma(c[i], bj, -prod);
                double s = hi[i] + prod;
                double bb = s - hi[i];
                lo[i] += (hi[i] - (s - bb)) + (prod - bb) + perr;
                hi[i] = s;
            }
        }
        for (int i = 0; i < n; i++) hi[i] += lo[i];
        return hi;
    }

    /** Householder QR with column pivoting of a column-major matrix (columns modified in place). */
    private static final class ColumnQr {
        final double[][] a;
        final double[][] r;
        final int[] piv;
        final double[] beta;
        final int n;
        final int p;

        ColumnQr(double[][] a, int n) {
            this.a = a;
            this.n = n;
            this.p = a.length;
            this.r = new double[p][p];
            this.piv = new int[p];
            this.beta = new double[p];
            double[] norms = new double[p];
            double[] original = new double[p];
            for (int j = 0; j < p; j++) {
                piv[j] = j;
                norms[j] = Compensated.dot(a[j], a[j]);
                original[j] = norms[j];
            }
            for (int k = 0; k < p; k++) {
                int best = k;
                for (int j = k + 1; j < p; j++) if (norms[j] > norms[best]) best = j;
                if (best != k) {
                    double[] t = a[k];
                    a[k] = a[best];
                    a[best] = t;
                    double tn = norms[k];
                    norms[k] = norms[best];
                    norms[best] = tn;
                    tn = original[k];
                    original[k] = original[best];
                    original[best] = tn;
                    int tp = piv[k];
                    piv[k] = piv[best];
                    piv[best] = tp;
                    for (int i = 0; i < k; i++) {
                        double tr = r[i][k];
                        r[i][k] = r[i][best];
                        r[i][best] = tr;
                    }
                }
                double[] v = a[k];
                double s = 0;
                for (int i = k; i < n; i++) s += v[i] * v[i];
                double alpha = Math.sqrt(s);
                if (alpha == 0) {
                    r[k][k] = 0;
                    beta[k] = 0;
                    continue;
                }
                if (v[k] > 0) alpha = -alpha;
                // v = x - alpha e1, H = I - v v' / (alpha (alpha - x_k))... stored as v with beta = 1/(alpha^2 - alpha x_k)
                double vk = v[k] - alpha;
                double bk = -1.0 / (alpha * vk);
                v[k] = vk;
                beta[k] = bk;
                r[k][k] = alpha;
                for (int j = k + 1; j < p; j++) {
                    double[] c = a[j];
                    double t = 0;
                    for (int i = k; i < n; i++) t += v[i] * c[i];
                    t *= bk;
                    for (int i = k; i < n; i++) c[i] -= t * v[i];
                    r[k][j] = c[k];
                    // downdate the remaining norm; recompute when cancellation makes it unreliable
                    double rem = norms[j] - c[k] * c[k];
                    if (rem < 1e-8 * original[j]) {
                        rem = 0;
                        for (int i = k + 1; i < n; i++) rem += c[i] * c[i];
                    }
                    norms[j] = rem;
                }
            }
        }

        double conditionEstimate() {
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < p; k++) {
                max = Math.max(max, Math.abs(r[k][k]));
                min = Math.min(min, Math.abs(r[k][k]));
            }
            return max / min;
        }

        /** Least-squares solution of the scaled problem, in the original column order. */
        double[] solve(double[] y) {
            double[] qy = y.clone();
            for (int k = 0; k < p; k++) {
                double[] v = a[k];
                double t = 0;
                for (int i = k; i < n; i++) t += v[i] * qy[i];
                t *= beta[k];
                for (int i = k; i < n; i++) qy[i] -= t * v[i];
            }
            double[] z = new double[p];
            for (int k = p - 1; k >= 0; k--) {
                double s = qy[k];
                for (int l = k + 1; l < p; l++) s -= r[k][l] * z[l];
                z[k] = s / r[k][k];
            }
            double[] out = new double[p];
            for (int k = 0; k < p; k++) out[piv[k]] = z[k];
            return out;
        }

        /** {@code (A'A)^{-1} g} through {@code R} (original column order in and out). */
        double[] normalSolve(double[] g) {
            double[] h = new double[p];
            for (int k = 0; k < p; k++) {
                double s = g[piv[k]];
                for (int l = 0; l < k; l++) s -= r[l][k] * h[l];
                h[k] = s / r[k][k];
            }
            for (int k = p - 1; k >= 0; k--) {
                double s = h[k];
                for (int l = k + 1; l < p; l++) s -= r[k][l] * h[l];
                h[k] = s / r[k][k];
            }
            double[] out = new double[p];
            for (int k = 0; k < p; k++) out[piv[k]] = h[k];
            return out;
        }

        /** {@code (A'A)^{-1} = P R^{-1} R^{-T} P'}. */
        double[][] inverse() {
            double[][] rinv = new double[p][p];
            for (int j = 0; j < p; j++) {
                rinv[j][j] = 1 / r[j][j];
                for (int i = j - 1; i >= 0; i--) {
                    double s = 0;
                    for (int l = i + 1; l <= j; l++) s += r[i][l] * rinv[l][j];
                    rinv[i][j] = -s / r[i][i];
                }
            }
            double[][] out = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int l = Math.max(i, j); l < p; l++) s += rinv[i][l] * rinv[j][l];
                    out[piv[i]][piv[j]] = s;
                }
            }
            return out;
        }
    }

    /** {@code P R^{-1} R^{-T} P'} from a pivoted QR's R. */
    private static double[][] rInverseSquare(DMatrixRMaj r, int[] piv, int p) {
        double[][] rinv = new double[p][p];
        for (int j = 0; j < p; j++) {
            rinv[j][j] = 1 / r.get(j, j);
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int l = i + 1; l <= j; l++) s += r.get(i, l) * rinv[l][j];
                rinv[i][j] = -s / r.get(i, i);
            }
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int l = Math.max(i, j); l < p; l++) s += rinv[i][l] * rinv[j][l];
                out[piv[i]][piv[j]] = s;
            }
        }
        return out;
    }

    private static String name(List<String> names, int j) {
        return names != null && j < names.size() ? names.get(j) : "x" + (j + 1);
    }

    /** Björck's augmented-system refinement with a double-precision thin QR of A P. */
    private static final class Augmented {
        private final double[][] a;
        private final DMatrixRMaj q;
        private final DMatrixRMaj r;
        private final int[] piv;
        private final int n;
        private final int p;

        Augmented(double[][] a, DMatrixRMaj q, DMatrixRMaj r, int[] piv) {
            this.a = a;
            this.q = q;
            this.r = r;
            this.piv = piv;
            this.n = a.length;
            this.p = a[0].length;
        }

        /** Solves [I A; A' 0][res; x] = [b; c] and returns x. */
        double[] solve(double[] b, double[] c) {
            double[] res = new double[n];
            double[] x = new double[p];
            double[] f = new double[n];
            double[] g = new double[p];
            double[] h = new double[p];
            double[] t = new double[p];
            double[] dx = new double[p];
            for (int it = 0; it < MAX_REFINEMENTS; it++) {
                // f = b - res - A x ; g = c - A' res, both with compensated accumulation
                for (int i = 0; i < n; i++) f[i] = Compensated.residual(b[i] - res[i], 0, a[i], null, x);
                for (int j = 0; j < p; j++) {
                    Compensated acc = new Compensated(c[j]);
                    for (int i = 0; i < n; i++) acc.addProduct(-a[i][j], res[i]);
                    g[j] = acc.value();
                }
                // h = R^{-T} P' g
                for (int k = 0; k < p; k++) {
                    double s = g[piv[k]];
                    for (int l = 0; l < k; l++) s -= r.unsafe_get(l, k) * h[l];
                    h[k] = s / r.unsafe_get(k, k);
                }
                // t = Q' f - h ; dxp = R^{-1} t ; dx = P dxp
                for (int k = 0; k < p; k++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += q.unsafe_get(i, k) * f[i];
                    t[k] = s - h[k];
                }
                for (int k = p - 1; k >= 0; k--) {
                    double s = t[k];
                    for (int l = k + 1; l < p; l++) s -= r.unsafe_get(k, l) * t[l];
                    t[k] = s / r.unsafe_get(k, k);
                }
                double change = 0;
                double size = 0;
                for (int k = 0; k < p; k++) dx[piv[k]] = t[k];
                for (int i = 0; i < n; i++) {
                    double s = f[i];
                    double[] ai = a[i];
                    for (int j = 0; j < p; j++) s -= ai[j] * dx[j];
                    res[i] += s;
                }
                for (int j = 0; j < p; j++) {
                    x[j] += dx[j];
                    change = Math.max(change, Math.abs(dx[j]));
                    size = Math.max(size, Math.abs(x[j]));
                }
                if (it > 0 && change <= 1e-17 * size) break;
            }
            return x;
        }
    }
}
