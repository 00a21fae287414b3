package eres.api.spatial;

import eres.api.random.Seeds;
import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.data.SpatialWeights;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * {@code ln|I - rho W|} and the traces a spatial-autoregressive likelihood needs, for a fixed W:
 * <ul>
 *   <li>{@code tr G}, {@code tr(W G)} and {@code tr(W G W G)} with {@code G = (I - rho W)^-1}
 *       (direct effects, score and information of rho).</li>
 * </ul>
 * Two methods:
 * <ul>
 *   <li>{@link Method#EIGEN} (exact; Ord 1975): the eigenvalues {@code omega} of W once, then
 *       {@code ln|I - rho W| = sum ln|1 - rho omega_i|}, {@code tr G = sum 1/(1 - rho omega_i)} etc.
 *       When W is diagonally similar to a symmetric matrix (any symmetric W and any row-standardised
 *       symmetric W, see {@link Weights#symmetrizingScale}) the eigenvalues are those of the symmetric
 *       {@code S = D^1/2 W D^-1/2}, computed by a symmetric QR algorithm (stable, real); otherwise
 *       by the general (complex) eigenvalue algorithm. Cost O(N^3) once; memory N^2.</li>
 *   <li>{@link Method#MONTE_CARLO} (Barry &amp; Pace 1999; LeSage &amp; Pace 2009, sec. 4.4): the
 *       moments {@code mu_j = tr(W^j)/N} for {@code j <= m} (exact for j = 1, 2; for j &gt;= 3 by
 *       Hutchinson's estimator {@code z'W^j z / N} averaged over {@code p} Rademacher vectors), then
 *       {@code ln|I - rho W| = -N sum_j rho^j mu_j / j} truncated at m, and the traces by the same
 *       power series. Cost O(p m nnz(W)); memory O(nnz). The error at a given rho is stated by
 *       {@link #error(double)}: the Monte Carlo standard error plus a bound on the truncated tail,
 *       {@code N r^(m+1) / ((m+1)(1 - r))} with {@code r = |rho| rho(W)}, using {@code |mu_j| <= rho(W)^j}
 *       and the max absolute row sum for the spectral radius {@code rho(W)}.</li>
 * </ul>
 * The admissible interval of rho, where {@code I - rho W} stays non-singular and contains 0, is
 * {@code (1/omega_min, 1/omega_max)} over the real eigenvalues (EIGEN) or
 * {@code (-1/rho(W), 1/rho(W))} (MONTE_CARLO; = (-1, 1) for a row-standardised W).
 *
 * <p>Verified: EIGEN against EJML's LU determinant on random row-standardised matrices (1e-12 relative),
 * MONTE_CARLO against EIGEN within its stated error ({@code LogDeterminantTest}).
 */
public final class LogDeterminant {
    /** How the log-determinant is computed. */
    public enum Method { EIGEN, MONTE_CARLO }

    /** Default number of series terms (moments) of the Monte Carlo method. */
    public static final int DEFAULT_ORDER = 60;
    /** Default number of Rademacher probe vectors of the Monte Carlo method. */
    public static final int DEFAULT_VECTORS = 40;
    /** Units up to which {@link #auto} picks the exact eigenvalue method for a symmetrizable W. */
    public static final int EIGEN_MAX_UNITS = 1000;
    /** Units up to which {@link #auto} picks the exact (general, complex) eigenvalue method for other W. */
    public static final int EIGEN_MAX_UNITS_GENERAL = 400;

    private final Method method;
    private final int n;
    // EIGEN
    private final double[] re;
    private final double[] im;
    // MONTE_CARLO: moments mu[0..m+2], per-vector moments for the error
    private final double[] mu;
    private final double[][] muByVector;
    private final double radius;
    private final double lower;
    private final double upper;
    // MONTE_CARLO, when memory allows: per probe r the Gram matrix gram[r][a][b] = (W^(a+1) z_r)'(W^(b+1) z_r) and the
    // means mean[r][a] of W^(a+1) z_r, a, b = 0..m-1 (see traceGtG)
    private final double[][][] gram;
    private final double[][] krylovMean;

    private LogDeterminant(Method method, int n, double[] re, double[] im, double[] mu, double[][] muByVector, double radius,
                           double lower, double upper, double[][][] gram, double[][] krylovMean) {
        this.method = method;
        this.n = n;
        this.re = re;
        this.im = im;
        this.mu = mu;
        this.muByVector = muByVector;
        this.radius = radius;
        this.lower = lower;
        this.upper = upper;
        this.gram = gram;
        this.krylovMean = krylovMean;
    }

    /** Largest memory, in bytes, the Monte Carlo method spends on keeping its Krylov vectors for {@link #traceGtG}. */
    public static final long KRYLOV_BUDGET_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);

    /**
     * The method {@link #auto} picks: EIGEN up to {@value #EIGEN_MAX_UNITS} units when W is symmetrizable
     * (real eigenvalues, symmetric QR: about 1 s at N = 1000) and up to {@value #EIGEN_MAX_UNITS_GENERAL}
     * otherwise (the general eigenvalue algorithm is several times slower), else MONTE_CARLO.
     */
    public static Method preferred(SpatialWeights w) {
        int limit = Weights.isSymmetrizable(w) ? EIGEN_MAX_UNITS : EIGEN_MAX_UNITS_GENERAL;
        return w.size() <= limit ? Method.EIGEN : Method.MONTE_CARLO;
    }

    /** The {@link #preferred} method, Monte Carlo with {@code order} moments and {@code vectors} probes. */
    public static LogDeterminant auto(SpatialWeights w, int order, int vectors, long seed, Parallelism parallelism) {
        return preferred(w) == Method.EIGEN ? eigen(w) : monteCarlo(w, order, vectors, seed, parallelism);
    }

    /** The exact eigenvalue method. */
    public static LogDeterminant eigen(SpatialWeights w) {
        int n = w.size();
        double[] d = Weights.symmetrizingScale(w);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                int j = w.column(k);
                a.unsafe_set(i, j, d == null ? w.value(k) : w.value(k) * Math.sqrt(d[i] / d[j]));
            }
        }
        if (d != null) {
            // exact symmetry (the two triangles may differ in the last bit)
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double v = 0.5 * (a.unsafe_get(i, j) + a.unsafe_get(j, i));
                    a.unsafe_set(i, j, v);
                    a.unsafe_set(j, i, v);
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, d != null);
        if (!eig.decompose(a)) throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "eigenvalues of W did not converge");
        double[] re = new double[n];
        double[] im = new double[n];
        double minReal = 0;
        double maxReal = 0;
        for (int i = 0; i < n; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            re[i] = c.real;
            im[i] = d != null ? 0 : c.imaginary;
            if (Math.abs(im[i]) <= 1e-12 * Math.max(1, Math.abs(re[i]))) {
                minReal = Math.min(minReal, re[i]);
                maxReal = Math.max(maxReal, re[i]);
            }
        }
        double lo = minReal < 0 ? 1 / minReal : Double.NEGATIVE_INFINITY;
        double hi = maxReal > 0 ? 1 / maxReal : Double.POSITIVE_INFINITY;
        return new LogDeterminant(Method.EIGEN, n, re, im, null, null, Double.NaN, lo, hi, null, null);
    }

    /**
     * The Monte Carlo method with {@code order} moments and {@code vectors} probe vectors; probe
     * vector {@code r} draws from {@code Seeds.generator(seed, r)}, so the result does not depend on
     * the number of threads.
     */
    public static LogDeterminant monteCarlo(SpatialWeights w, int order, int vectors, long seed, Parallelism parallelism) {
        if (order < 3 || vectors < 2) throw new IllegalArgumentException("order >= 3 and vectors >= 2 required");
        int n = w.size();
        int m = order + 2;   // traces of (WG)^2 need two more moments than the log-determinant
        double radius = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) s += Math.abs(w.value(k));
            radius = Math.max(radius, s);
        }
        if (!(radius > 0)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "W has no non-zero weight");
        // exact low moments: tr(W) = sum w_ii = 0, tr(W^2) = sum_ij w_ij w_ji
        double tr2 = 0;
        for (int i = 0; i < n; i++) for (int k = w.rowStart(i); k < w.rowEnd(i); k++) tr2 += w.value(k) * w.get(w.column(k), i);
        final double mu2 = tr2 / n;
        // probe vector r from its own generator; all vectors advanced together (one pass over W per power)
        double[] z = new double[n * vectors];
        for (int r = 0; r < vectors; r++) {
            UniformRandomProvider g = Seeds.generator(seed, r);
            for (int i = 0; i < n; i++) z[i * vectors + r] = g.nextBoolean() ? 1.0 : -1.0;
        }
        double[][] byVector = new double[vectors][m + 1];
        boolean keep = (long) n * vectors * m * 8 <= KRYLOV_BUDGET_BYTES;
        double[][] krylov = keep ? new double[m][] : null;
        double[] v = z;
        for (int j = 1; j <= m; j++) {
            v = Weights.multiplyBlock(w, v, vectors, parallelism);
            if (keep) krylov[j - 1] = v;
            for (int r = 0; r < vectors; r++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += z[i * vectors + r] * v[i * vectors + r];
                byVector[r][j] = s / n;
            }
        }
        for (double[] b : byVector) {
            b[0] = 1;
            b[1] = 0;
            b[2] = mu2;
        }
        double[] mu = new double[m + 1];
        for (double[] b : byVector) for (int j = 0; j <= m; j++) mu[j] += b[j] / vectors;
        double[][][] gram = null;
        double[][] means = null;
        if (keep) {
            gram = new double[vectors][m][m];
            means = new double[vectors][m];
            for (int a = 0; a < m; a++) {
                double[] va = krylov[a];
                for (int i = 0; i < n; i++) for (int r = 0; r < vectors; r++) means[r][a] += va[i * vectors + r] / n;
                for (int b = a; b < m; b++) {
                    double[] vb = krylov[b];
                    for (int i = 0; i < n; i++) {
                        int base = i * vectors;
                        for (int r = 0; r < vectors; r++) gram[r][a][b] += va[base + r] * vb[base + r];
                    }
                    for (int r = 0; r < vectors; r++) gram[r][b][a] = gram[r][a][b];
                }
            }
        }
        return new LogDeterminant(Method.MONTE_CARLO, n, null, null, mu, byVector, radius, -1 / radius, 1 / radius, gram, means);
    }

    /** Whether {@link #traceGtG} is available (Monte Carlo method with its Krylov Gram matrices kept). */
    public boolean hasKrylovGram() {
        return gram != null;
    }

    /**
     * Hutchinson's estimate of {@code tr((WG)'(WG))} ({@code G = (I - rho W)^-1}) from the same probes and powers of W
     * as the log-determinant, at no further pass over W: per probe z, {@code ||WG z||^2} with
     * {@code WG z = sum_j rho^j W^(j+1) z} truncated at the series order, i.e. {@code sum_ab rho^(a+b) (W^(a+1)z)'(W^(b+1)z)}.
     * With {@code projected}: of {@code tr(J (WG)' J (WG) J)}, {@code J = I - 11'/N}, the trace of the transformed
     * multiplier when W is row-standardised (then {@code J W^j J z = J W^j z}, so the centred Gram suffices).
     *
     * @return the mean over probes and its Monte Carlo standard error
     * @throws IllegalStateException if {@link #hasKrylovGram()} is false
     */
    public double[] traceGtG(double rho, boolean projected) {
        if (gram == null) throw new IllegalStateException("no Krylov Gram matrices with " + method);
        int v = gram.length;
        int m = gram[0].length;
        double[] pw = new double[m];
        pw[0] = 1;
        for (int a = 1; a < m; a++) pw[a] = pw[a - 1] * rho;
        double[] q = new double[v];
        for (int r = 0; r < v; r++) {
            double s = 0;
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    double g = gram[r][a][b];
                    if (projected) g -= n * krylovMean[r][a] * krylovMean[r][b];
                    s += pw[a] * pw[b] * g;
                }
            }
            q[r] = s;
        }
        double mean = 0;
        for (double x : q) mean += x / v;
        double ss = 0;
        for (double x : q) ss += (x - mean) * (x - mean);
        return new double[] {mean, Math.sqrt(ss / (v - 1) / v)};
    }

    public Method method() {
        return method;
    }

    public int size() {
        return n;
    }

    /** Lower end of the admissible interval of rho (exclusive). */
    public double lower() {
        return lower;
    }

    /** Upper end of the admissible interval of rho (exclusive). */
    public double upper() {
        return upper;
    }

    /** The eigenvalues' real parts (EIGEN only; a copy). */
    public double[] eigenvaluesReal() {
        if (re == null) throw new IllegalStateException("no eigenvalues with " + method);
        return re.clone();
    }

    /** {@code ln|I - rho W|}. */
    public double logDet(double rho) {
        if (method == Method.EIGEN) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double a = 1 - rho * re[i];
                double b = -rho * im[i];
                s += im[i] == 0 ? Math.log(Math.abs(a)) : 0.5 * Math.log(a * a + b * b);
            }
            return s;
        }
        return -n * series(rho, mu, 1, 0);
    }

    /** {@code d/drho ln|I - rho W| = -tr(W G)}; provided for optimisers and tests. */
    public double logDetDerivative(double rho) {
        return -traceWG(rho);
    }

    /** {@code tr G}, {@code G = (I - rho W)^-1}. */
    public double traceG(double rho) {
        if (method == Method.EIGEN) {
            double s = 0;
            for (int i = 0; i < n; i++) s += reInv(1 - rho * re[i], -rho * im[i], 1, 0);
            return s;
        }
        return n * series(rho, mu, 0, 0);
    }

    /** {@code tr(W G)}. */
    public double traceWG(double rho) {
        if (method == Method.EIGEN) {
            double s = 0;
            for (int i = 0; i < n; i++) s += reInv(1 - rho * re[i], -rho * im[i], re[i], im[i]);
            return s;
        }
        return n * series(rho, mu, 0, 1);
    }

    /**
     * {@code tr(W G G)} (= {@code d/drho tr G}; the rho-derivative of the direct effects):
     * {@code sum_i omega_i / (1 - rho omega_i)^2} (EIGEN) or {@code N sum_j (j + 1) rho^j mu_{j+1}} (MONTE_CARLO).
     */
    public double traceWGG(double rho) {
        if (method == Method.EIGEN) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                // omega / (1 - rho omega)^2, real part: (c + di) / (a + bi)^2
                double a = 1 - rho * re[i];
                double b = -rho * im[i];
                s += reInv(a * a - b * b, 2 * a * b, re[i], im[i]);
            }
            return s;
        }
        double s = 0;
        double p = 1;
        for (int j = 0; j + 1 < mu.length - 2; j++) {
            s += (j + 1) * p * mu[j + 1];
            p *= rho;
        }
        return n * s;
    }

    /** {@code tr(W G W G)} (= {@code -d^2/drho^2 ln|I - rho W|}). */
    public double traceWGWG(double rho) {
        if (method == Method.EIGEN) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                // (omega / (1 - rho omega))^2, real part
                double a = 1 - rho * re[i];
                double b = -rho * im[i];
                double den = a * a + b * b;
                double qr = (re[i] * a + im[i] * b) / den;
                double qi = (im[i] * a - re[i] * b) / den;
                s += qr * qr - qi * qi;
            }
            return s;
        }
        double s = 0;
        double p = 1;
        for (int j = 0; j + 2 < mu.length; j++) {
            s += (j + 1) * p * mu[j + 2];
            p *= rho;
        }
        return n * s;
    }

    /**
     * The stated absolute error of {@link #logDet} at {@code rho}: 0 for EIGEN (rounding only); for
     * MONTE_CARLO two standard errors of the Monte Carlo mean plus the truncation bound.
     */
    public double error(double rho) {
        if (method == Method.EIGEN) return 0;
        int v = muByVector.length;
        double mean = 0;
        double[] vals = new double[v];
        for (int r = 0; r < v; r++) {
            vals[r] = -n * series(rho, muByVector[r], 1, 0);
            mean += vals[r] / v;
        }
        double ss = 0;
        for (double x : vals) ss += (x - mean) * (x - mean);
        double se = Math.sqrt(ss / (v - 1) / v);
        int m = mu.length - 3;
        double r = Math.abs(rho) * radius;
        double tail = r < 1 ? n * Math.pow(r, m + 1) / ((m + 1) * (1 - r)) : Double.POSITIVE_INFINITY;
        return 2 * se + tail;
    }

    /** One line for reports. */
    public String describe() {
        if (method == Method.EIGEN) return String.format(Locale.ROOT, "exact, from the %d eigenvalues of W", n);
        return String.format(Locale.ROOT, "Monte Carlo (Barry-Pace): %d moments, %d Rademacher vectors", mu.length - 3, muByVector.length);
    }

    /** Number of moments (series order) of the Monte Carlo method; 0 for EIGEN. */
    public int order() {
        return mu == null ? 0 : mu.length - 3;
    }

    /** Number of probe vectors of the Monte Carlo method; 0 for EIGEN. */
    public int vectors() {
        return muByVector == null ? 0 : muByVector.length;
    }

    /**
     * {@code sum_{j >= 1} rho^j m_j / j} when {@code divide = 1} (log-determinant series, terms j = 1..order)
     * or {@code sum_{j >= 0} rho^j m_{j + shift}} when {@code divide = 0} (trace series, j = 0..order).
     */
    private double series(double rho, double[] m, int divide, int shift) {
        int order = m.length - 3;
        double s = 0;
        double p = divide == 1 ? rho : 1;
        for (int j = divide; j <= order; j++) {
            s += divide == 1 ? p * m[j] / j : p * m[j + shift];
            p *= rho;
        }
        return s;
    }

    /** Real part of {@code (c + di) / (a + bi)}. */
    private static double reInv(double a, double b, double c, double d) {
        double den = a * a + b * b;
        return (c * a + d * b) / den;
    }
}
