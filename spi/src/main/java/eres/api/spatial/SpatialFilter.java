package eres.api.spatial;

import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.data.SpatialWeights;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The spatial multiplier {@code G = (I - rho W)^-1} applied to vectors, and {@code W G} as a dense matrix,
 * for a fixed W and rho.
 *
 * <p>Solves {@code (I - rho W) x = b} (and the transposed system) by the fixed-point iteration
 * {@code x <- b + rho W x}, which converges geometrically when {@code |rho|} times the spectral radius of W
 * is below 1; the radius is bounded by {@code min(||W||_inf, ||W||_1)} (max row and column sums: 1 for a
 * row-standardised W, whose transposed system therefore iterates as well). Otherwise, as for a negative rho
 * below -1 or an unstandardised W, by a dense LU factorisation when N is at most {@value #DENSE_MAX_UNITS}. Several right-hand sides (the T periods of a panel, probe vectors) are
 * solved together, one pass over W per iteration ({@link Weights#multiplyBlock}).
 *
 * <p>Used by the spatial panel models for the fitted values {@code G X b}, the mean term of the
 * information matrix and the effects of an unstandardised W. Results do not depend on the thread count
 * (every row is summed by one thread in a fixed order).
 */
public final class SpatialFilter {
    /** Largest N for the dense LU fallback (and for {@link #multiplierTimesW}). */
    public static final int DENSE_MAX_UNITS = 4000;
    private static final double TOLERANCE = 1e-14;

    private SpatialFilter() {
    }

    /** {@code y = W' x}. */
    public static double[] multiplyTransposed(SpatialWeights w, double[] x) {
        int n = w.size();
        if (x.length != n) throw new IllegalArgumentException("vector length " + x.length + " != " + n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) y[w.column(k)] += w.value(k) * xi;
        }
        return y;
    }

    /** A bound on the spectral radius of W (and of W'): the smaller of its maximum absolute row and column sums. */
    static double radiusBound(SpatialWeights w) {
        return Math.min(normInf(w, false), normInf(w, true));
    }

    /** The maximum absolute row sum of W ({@code transposed}: column sum). */
    static double normInf(SpatialWeights w, boolean transposed) {
        double[] s = new double[w.size()];
        for (int i = 0; i < w.size(); i++) {
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) s[transposed ? w.column(k) : i] += Math.abs(w.value(k));
        }
        double m = 0;
        for (double v : s) m = Math.max(m, v);
        return m;
    }

    /** {@code x = (I - rho W)^-1 b}. */
    public static double[] solve(SpatialWeights w, double rho, double[] b) {
        return solveBlock(w, rho, b, 1, false, null);
    }

    /** {@code x = (I - rho W')^-1 b}. */
    public static double[] solveTransposed(SpatialWeights w, double rho, double[] b) {
        return solveBlock(w, rho, b, 1, true, null);
    }

    /**
     * Solves {@code (I - rho W) x_s = b_s} for the {@code t} period blocks of a time-major vector
     * ({@code b[s N + i]}), returned in the same layout.
     */
    public static double[] solvePeriods(SpatialWeights w, double rho, double[] b, int t, Parallelism parallelism) {
        int n = w.size();
        if (b.length != n * t) throw new IllegalArgumentException("vector length " + b.length + " != " + n + " x " + t);
        double[] block = new double[n * t];
        for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) block[i * t + s] = b[s * n + i];
        double[] x = solveBlock(w, rho, block, t, false, parallelism);
        double[] out = new double[n * t];
        for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) out[s * n + i] = x[i * t + s];
        return out;
    }

    /**
     * Solves for a row-major block of {@code m} right-hand sides ({@code b[i * m + c]}).
     *
     * @param transposed solve with {@code (I - rho W)'} (not parallelised)
     */
    public static double[] solveBlock(SpatialWeights w, double rho, double[] b, int m, boolean transposed, Parallelism parallelism) {
        int n = w.size();
        if (Math.abs(rho) * radiusBound(w) < 0.995) return fixedPoint(w, rho, b, m, transposed, parallelism);
        if (n > DENSE_MAX_UNITS) {
            throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "(I - rho W) x = b at rho = " + rho
                    + ": the iteration does not contract (|rho| times the spectral-radius bound of W >= 1) and N = " + n
                    + " is too large for a dense solve");
        }
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) {
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                if (transposed) a.add(w.column(k), i, -rho * w.value(k));
                else a.add(i, w.column(k), -rho * w.value(k));
            }
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (!lu.setA(a)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "I - rho W is singular at rho = " + rho);
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, m, b.clone());
        DMatrixRMaj x = new DMatrixRMaj(n, m);
        lu.solve(rhs, x);
        return x.data;
    }

    private static double[] fixedPoint(SpatialWeights w, double rho, double[] b, int m, boolean transposed, Parallelism parallelism) {
        double[] x = b.clone();
        double bn = 0;
        for (double v : b) bn += v * v;
        bn = Math.sqrt(bn);
        for (int it = 0; it < 100_000; it++) {
            double[] wx = transposed ? transposedBlock(w, x, m) : Weights.multiplyBlock(w, x, m, parallelism);
            double diff = 0;
            for (int i = 0; i < x.length; i++) {
                double nx = b[i] + rho * wx[i];
                diff += (nx - x[i]) * (nx - x[i]);
                x[i] = nx;
            }
            if (Math.sqrt(diff) <= TOLERANCE * Math.max(bn, Double.MIN_NORMAL)) return x;
        }
        throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "(I - rho W) x = b did not converge at rho = " + rho);
    }

    private static double[] transposedBlock(SpatialWeights w, double[] x, int m) {
        double[] y = new double[x.length];
        for (int i = 0; i < w.size(); i++) {
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                double v = w.value(k);
                int dst = w.column(k) * m;
                int src = i * m;
                for (int c = 0; c < m; c++) y[dst + c] += v * x[src + c];
            }
        }
        return y;
    }

    /**
     * The dense {@code W (I - rho W)^-1} (N x N; Elhorst's {@code WB}), by LU inversion of {@code I - rho W}.
     * O(N^3) time, N^2 memory.
     */
    public static DMatrixRMaj multiplierTimesW(SpatialWeights w, double rho) {
        int n = w.size();
        if (n > DENSE_MAX_UNITS) throw new IllegalArgumentException("dense W (I - rho W)^-1 needs N <= " + DENSE_MAX_UNITS + ", got " + n);
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) for (int k = w.rowStart(i); k < w.rowEnd(i); k++) a.add(i, w.column(k), -rho * w.value(k));
        if (!CommonOps_DDRM.invert(a)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "I - rho W is singular at rho = " + rho);
        DMatrixRMaj wg = new DMatrixRMaj(n, n);
        double[] g = a.data;
        double[] out = wg.data;
        for (int i = 0; i < n; i++) {
            int dst = i * n;
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                double v = w.value(k);
                int src = w.column(k) * n;
                for (int j = 0; j < n; j++) out[dst + j] += v * g[src + j];
            }
        }
        return wg;
    }
}
