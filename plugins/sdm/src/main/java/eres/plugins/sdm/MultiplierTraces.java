package eres.plugins.sdm;

import eres.api.Parallelism;
import eres.api.data.SpatialWeights;
import eres.api.random.Seeds;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.SpatialFilter;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;

/**
 * What the expected information of a spatial model needs from {@code G = W (I - rho W)^-1} (Elhorst's
 * {@code WB}): {@code tr G}, {@code tr(G G)}, {@code tr(G'G)}, {@code ||G'1||^2}, and {@code G v} per period.
 * <ul>
 *   <li>exact up to {@value #DENSE_MAX_UNITS} units: the dense G (O(N^3) once per rho, cached for the last rho);</li>
 *   <li>above: {@code tr G} and {@code tr(G G)} from the log-determinant object (exact eigenvalues or its
 *       series), {@code tr(G'G) = E ||G z||^2} by Hutchinson's estimator: from the Monte Carlo log-determinant's
 *       own probes and powers of W ({@link LogDeterminant#traceGtG}, no further pass over W), or else over
 *       {@code vectors} Rademacher probes with iterative solves (probe r from {@code Seeds.generator(seed, r)}); its
 *       standard error in {@link Traces#error}; {@code G v} by iterative solves. The information matrix keeps one definition
 *       at every N; only the numerical method of this one trace changes.</li>
 * </ul>
 * For the transformation approach with time effects (row-standardised W) the traces are those of the
 * transformed {@code G** = W**(I - rho W**)^-1}, {@code W** = F'WF}, with F an orthonormal basis of the
 * complement of 1 (the last N - 1 columns of the Householder reflection taking 1/sqrt(N) to e_1): exact from
 * the dense (N-1)-order G** (stable as rho approaches 1, where G itself is singular), or above
 * {@value #DENSE_MAX_UNITS} units by the identities {@code tr G - 1/(1 - rho)}, {@code tr(GG) - 1/(1 - rho)^2},
 * {@code tr(G'G) - ||G'1||^2 / N} (from {@code G 1 = 1/(1 - rho)}; {@link Traces#transformed}).
 */
final class MultiplierTraces {
    /** Units up to which the traces are exact (dense G). */
    static final int DENSE_MAX_UNITS = 1000;

    /**
     * The traces at one rho; {@code colSumsSquared} = {@code ||G'1||^2} (exact path only); {@code error} is the Monte
     * Carlo standard error of {@code trGtG} (0 when exact).
     */
    record Traces(double tr, double trGG, double trGtG, double colSumsSquared, double error) {
        /** The traces of {@code F'GF} (time effects removed by the orthonormal transform; row-standardised W). */
        Traces transformed(double rho, int n) {
            double q = 1 / (1 - rho);
            return new Traces(tr - q, trGG - q * q, trGtG - colSumsSquared / n, colSumsSquared, error);
        }
    }

    private final SpatialWeights w;
    private final LogDeterminant ld;
    private final long seed;
    private final int vectors;
    private final Parallelism parallelism;
    private final boolean dense;
    private double cachedRho = Double.NaN;
    private DMatrixRMaj cachedG;
    private double cachedRhoT = Double.NaN;
    private DMatrixRMaj cachedGT;

    MultiplierTraces(SpatialWeights w, LogDeterminant ld, long seed, int vectors, Parallelism parallelism) {
        this(w, ld, seed, vectors, parallelism, w.size() <= DENSE_MAX_UNITS);
    }

    /** With {@code dense} chosen (tests compare the two paths). */
    MultiplierTraces(SpatialWeights w, LogDeterminant ld, long seed, int vectors, Parallelism parallelism, boolean dense) {
        this.w = w;
        this.ld = ld;
        this.seed = seed;
        this.vectors = vectors;
        this.parallelism = parallelism;
        this.dense = dense;
    }

    boolean exact() {
        return dense;
    }

    String describe() {
        if (dense) return "exact (dense W (I - rho W)^-1)";
        return ld.hasKrylovGram() ? "tr(G'G) by Hutchinson's estimator on the log-determinant's " + ld.vectors() + " probes and "
                + ld.order() + "-term series" : "tr(G'G) by Hutchinson's estimator with " + vectors + " Rademacher vectors (iterative solves)";
    }

    private synchronized DMatrixRMaj g(double rho) {
        if (rho != cachedRho) {
            cachedG = SpatialFilter.multiplierTimesW(w, rho);
            cachedRho = rho;
        }
        return cachedG;
    }

    /** {@code F G** F'} (N x N, dense): the transformed multiplier embedded back in the unit space. */
    private synchronized DMatrixRMaj gTransformed(double rho) {
        if (rho != cachedRhoT) {
            cachedGT = transformedMultiplier(w, rho);
            cachedRhoT = rho;
        }
        return cachedGT;
    }

    /**
     * {@code F W**(I - rho W**)^-1 F'} with {@code W** = F'WF} and F the last N - 1 columns of the Householder
     * reflection {@code H = I - 2vv'/v'v}, {@code v = 1/sqrt(N) - e_1} (H 1/sqrt(N) = e_1; H symmetric and
     * orthogonal). {@code HMH} is formed by rank-one updates in O(N^2).
     */
    static DMatrixRMaj transformedMultiplier(SpatialWeights w, double rho) {
        int n = w.size();
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1 / Math.sqrt(n));
        v[0] -= 1;
        double c = 2 / eres.api.linalg.Dense.dot(v, v);
        DMatrixRMaj hwh = reflect(new DMatrixRMaj(w.toDense()), v, c);
        int m = n - 1;
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        DMatrixRMaj ws = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double x = hwh.get(i + 1, j + 1);
                ws.set(i, j, x);
                a.set(i, j, (i == j ? 1 : 0) - rho * x);
            }
        }
        if (!org.ejml.dense.row.CommonOps_DDRM.invert(a)) {
            throw new eres.api.EstimationException(eres.api.EstimationException.Reason.SINGULAR_MATRIX, "I - rho F'WF is singular at rho = " + rho);
        }
        DMatrixRMaj gs = new DMatrixRMaj(m, m);
        org.ejml.dense.row.CommonOps_DDRM.mult(ws, a, gs);
        DMatrixRMaj full = new DMatrixRMaj(n, n);
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) full.set(i + 1, j + 1, gs.get(i, j));
        return reflect(full, v, c);
    }

    /** {@code H M H} for {@code H = I - c v v'}. */
    private static DMatrixRMaj reflect(DMatrixRMaj mat, double[] v, double c) {
        int n = v.length;
        double[] mv = new double[n];
        double[] vm = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mv[i] += mat.get(i, j) * v[j];
                vm[j] += v[i] * mat.get(i, j);
            }
        }
        double vmv = 0;
        for (int i = 0; i < n; i++) vmv += v[i] * mv[i];
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.set(i, j, mat.get(i, j) - c * v[i] * vm[j] - c * mv[i] * v[j] + c * c * v[i] * vmv * v[j]);
            }
        }
        return out;
    }

    /**
     * The traces at rho; {@code transformed}: those of the transformed G** (transformation approach with time
     * effects).
     */
    Traces at(double rho, boolean transformed) {
        if (!transformed) return at(rho);
        if (dense) return traces(gTransformed(rho).data, w.size());
        // tr(G**'G**) = E ||J G J z||^2 directly: the identity tr(G'G) - ||G'1||^2/N would subtract two large
        // noisy numbers (the unit eigenvalue 1/(1 - rho) dominates the variance of the plain estimator)
        double q = 1 / (1 - rho);
        double[] h = ld.hasKrylovGram() ? ld.traceGtG(rho, true) : hutchinson(rho, true);
        return new Traces(ld.traceWG(rho) - q, ld.traceWGWG(rho) - q * q, h[0], Double.NaN, h[1]);
    }

    Traces at(double rho) {
        int n = w.size();
        if (dense) return traces(g(rho).data, n);
        return stochastic(rho);
    }

    private static Traces traces(double[] a, int n) {
        {
            double t0 = 0;
            double t1 = 0;
            double t2 = 0;
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                t0 += a[i * n + i];
                for (int j = 0; j < n; j++) {
                    double v = a[i * n + j];
                    t1 += v * a[j * n + i];
                    t2 += v * v;
                    col[j] += v;
                }
            }
            double cs = 0;
            for (double c : col) cs += c * c;
            return new Traces(t0, t1, t2, cs, 0);
        }
    }

    /**
     * Hutchinson's estimate of {@code tr(G'G) = E ||G z||^2} over Rademacher probes z in a row-major block (one
     * multi-vector solve), or with {@code projected} of {@code tr(JG'JGJ) = E ||J G J z||^2}, J = I - 11'/N;
     * returns the mean and its standard error.
     */
    private double[] hutchinson(double rho, boolean projected) {
        int n = w.size();
        double[] z = new double[n * vectors];
        for (int r = 0; r < vectors; r++) {
            UniformRandomProvider gen = Seeds.generator(seed, r);
            for (int i = 0; i < n; i++) z[i * vectors + r] = gen.nextBoolean() ? 1.0 : -1.0;
        }
        if (projected) center(z, n);
        double[] gz = eres.api.spatial.Weights.multiplyBlock(w, SpatialFilter.solveBlock(w, rho, z, vectors, false, parallelism), vectors,
                parallelism);
        if (projected) center(gz, n);
        double[] q = new double[vectors];
        for (int i = 0; i < n; i++) for (int r = 0; r < vectors; r++) q[r] += gz[i * vectors + r] * gz[i * vectors + r];
        double mean = 0;
        for (double v : q) mean += v / vectors;
        double ss = 0;
        for (double v : q) ss += (v - mean) * (v - mean);
        return new double[] {mean, Math.sqrt(ss / (vectors - 1) / vectors)};
    }

    /** Removes the mean over the N rows from every column of a row-major block. */
    private void center(double[] block, int n) {
        for (int r = 0; r < vectors; r++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += block[i * vectors + r];
            m /= n;
            for (int i = 0; i < n; i++) block[i * vectors + r] -= m;
        }
    }

    /** The stochastic traces ({@code colSumsSquared}, needed only by the identity {@link Traces#transformed}, is not computed: NaN). */
    private Traces stochastic(double rho) {
        double[] h = ld.hasKrylovGram() ? ld.traceGtG(rho, false) : hutchinson(rho, false);
        return new Traces(ld.traceWG(rho), ld.traceWGWG(rho), h[0], Double.NaN, h[1]);
    }

    /** {@code G v_s} for every period block s of a time-major vector ({@code transformed}: {@code F G** F' v_s}). */
    double[] applyPeriods(double rho, double[] v, int t, boolean transformed) {
        int n = w.size();
        if (dense) {
            double[] a = (transformed ? gTransformed(rho) : g(rho)).data;
            double[] out = new double[n * t];
            for (int s = 0; s < t; s++) {
                int off = s * n;
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    int base = i * n;
                    for (int j = 0; j < n; j++) acc += a[base + j] * v[off + j];
                    out[off + i] = acc;
                }
            }
            return out;
        }
        double[] x = SpatialFilter.solvePeriods(w, rho, v, t, parallelism);
        double[] out = new double[n * t];
        for (int s = 0; s < t; s++) {
            double[] seg = w.multiply(java.util.Arrays.copyOfRange(x, s * n, s * n + n));
            System.arraycopy(seg, 0, out, s * n, n);
        }
        return out;
    }
}
