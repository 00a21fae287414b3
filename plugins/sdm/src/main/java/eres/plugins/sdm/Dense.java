package eres.plugins.sdm;

import eres.api.panel.SymmetricInverse;
import eres.api.EstimationException;
import eres.api.data.SpatialWeights;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Small dense helpers: products, Cholesky, the dense {@code W (I - rho W)^-1}, iterative solves. */
final class Dense {
    private Dense() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Z'v for Z given by rows. */
    static double[] crossprod(double[][] z, double[] v) {
        int k = z[0].length;
        double[] out = new double[k];
        for (int r = 0; r < z.length; r++) for (int j = 0; j < k; j++) out[j] += z[r][j] * v[r];
        return out;
    }

    static double[][] crossprod(double[][] z) {
        int k = z[0].length;
        double[][] out = new double[k][k];
        for (double[] row : z) for (int a = 0; a < k; a++) for (int b = a; b < k; b++) out[a][b] += row[a] * row[b];
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) out[a][b] = out[b][a];
        return out;
    }

    static double[] times(double[][] z, double[] b) {
        double[] out = new double[z.length];
        for (int r = 0; r < z.length; r++) out[r] = dot(z[r], b);
        return out;
    }

    static double[][] inverse(double[][] m) {
        return SymmetricInverse.invert(m);
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = dot(m[i], v);
        return out;
    }

    /** Lower Cholesky factor of a symmetric positive-definite matrix. */
    static double[][] cholesky(double[][] a, String what) {
        int k = a.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int q = 0; q < j; q++) s -= l[i][q] * l[j][q];
                if (i == j) {
                    if (!(s > 0)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what + " is not positive definite");
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** The dense {@code W (I - rho W)^-1} (N x N). */
    static DMatrixRMaj wTimesInverse(SpatialWeights w, double rho) {
        int n = w.size();
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) for (int k = w.rowStart(i); k < w.rowEnd(i); k++) a.add(i, w.column(k), -rho * w.value(k));
        if (!CommonOps_DDRM.invert(a)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "I - rho W is singular at rho = " + rho);
        DMatrixRMaj wb = new DMatrixRMaj(n, n);
        double[] g = a.data;
        double[] out = wb.data;
        for (int i = 0; i < n; i++) {
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                double v = w.value(k);
                int src = w.column(k) * n;
                int dst = i * n;
                for (int j = 0; j < n; j++) out[dst + j] += v * g[src + j];
            }
        }
        return wb;
    }

    /** {@code m v} for a dense N x N matrix. */
    static double[] apply(DMatrixRMaj m, double[] v, int offset, int n) {
        double[] out = new double[n];
        double[] d = m.data;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int base = i * n;
            for (int j = 0; j < n; j++) s += d[base + j] * v[offset + j];
            out[i] = s;
        }
        return out;
    }

    /**
     * Solves {@code (I - rho W) X = B} for the T period blocks of a time-major vector at once (same
     * iteration as {@link #solve}, one pass over W per step for all periods).
     */
    static double[] solvePeriods(SpatialWeights w, double rho, double[] b, int t, eres.api.Parallelism parallelism) {
        int n = w.size();
        double[] bb = new double[n * t];
        for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) bb[i * t + s] = b[s * n + i];
        double[] x = bb.clone();
        double bn = Math.sqrt(dot(bb, bb));
        for (int it = 0; it < 100_000; it++) {
            double[] wx = eres.api.spatial.Weights.multiplyBlock(w, x, t, parallelism);
            double diff = 0;
            for (int i = 0; i < x.length; i++) {
                double nx = bb[i] + rho * wx[i];
                diff += (nx - x[i]) * (nx - x[i]);
                x[i] = nx;
            }
            if (Math.sqrt(diff) <= 1e-14 * Math.max(bn, Double.MIN_NORMAL)) {
                double[] out = new double[n * t];
                for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) out[s * n + i] = x[i * t + s];
                return out;
            }
        }
        throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "(I - rho W) x = b did not converge at rho = " + rho);
    }

    /**
     * Solves {@code (I - rho W) x = b} by the fixed-point iteration {@code x <- b + rho W x}, which
     * converges geometrically when {@code |rho| ||W|| < 1} (any rho in (-1, 1) for a row-standardised W).
     */
    static double[] solve(SpatialWeights w, double rho, double[] b) {
        double[] x = b.clone();
        double bn = Math.sqrt(dot(b, b));
        for (int it = 0; it < 100_000; it++) {
            double[] wx = w.multiply(x);
            double diff = 0;
            for (int i = 0; i < x.length; i++) {
                double nx = b[i] + rho * wx[i];
                diff += (nx - x[i]) * (nx - x[i]);
                x[i] = nx;
            }
            if (Math.sqrt(diff) <= 1e-14 * Math.max(bn, Double.MIN_NORMAL)) return x;
        }
        throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "(I - rho W) x = b did not converge at rho = " + rho);
    }
}
