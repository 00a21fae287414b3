package eres.api.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.linalg.Dense;
import eres.api.random.Seeds;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Restricted wild cluster bootstrap (WCR) t test of one coefficient of a linear regression with
 * absorbed fixed effects, with the confidence set by test inversion (Roodman, MacKinnon, Nielsen &amp;
 * Webb 2019, "Fast and wild", Stata Journal 19(1); Stata {@code boottest}, R {@code fwildclusterboot}).
 *
 * <p>Model {@code y = D a + X b + u}; {@code X~ = M_D X}, {@code A = (X~'X~)^-1}. Under
 * {@code H0: b_j = b0} the restricted residuals are {@code u(b0) = M_{X~_-j}(y~ - x~_j b0)}, linear in
 * b0. A bootstrap sample is {@code y* = D a~ + X b~ + u(b0) . v} with one weight {@code v_g} per cluster
 * (Rademacher +-1 or Webb's six points +-sqrt(1/2), +-1, +-sqrt(3/2)). Nothing is refitted: with
 * {@code c' = e_j'A},
 *
 * <pre>
 *   b*_j - b0 = sum_g v_g c'X~_g'u_g
 *   s*_g      = c'X~_g' u*_g = sum_h C_gh v_h,   u* = M_[D,X~](u . v)
 *   C_gh      = c'X~_g'(M_D u^(h))_g - c'X~_g'X~_g A X~_h'u_h      (u^(h): u on cluster h, 0 elsewhere)
 *   t*        = (b*_j - b0) / sqrt(f sum_g s*_g^2)                  (f: the CR1 factor of the original t)
 * </pre>
 *
 * so each replication costs O(G^2), and because everything is affine in b0 the statistics for any b0
 * follow from five stored numbers per replication (O(1) per b0 and replication): the p-value function
 * is inverted by bisection. When the absorbed effects are nested in the clusters {@code M_D u^(h) = u^(h)}.
 * The p-value is symmetric: {@code p = #{|t*| > |t|} / B}, ties within {@value #TIE} (relative) not
 * counted (the weight vectors +1 and -1 reproduce |t| exactly). With Rademacher weights and {@code 2^G <= B}
 * all {@code 2^G} sign vectors are enumerated (as boottest), so the p-value is exact for the design.
 * Replication b draws its G weights from {@code Seeds.generator(seed, b)}: identical results for any
 * thread count.
 */
public final class WildClusterBootstrap {
    /** Relative tolerance under which |t*| = |t| counts as a tie, not an exceedance. */
    public static final double TIE = 1e-9;
    private WildClusterBootstrap() {
    }

    /** Auxiliary weight distributions. */
    public enum Weights {
        RADEMACHER("rademacher"), WEBB("webb");

        private final String label;

        Weights(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Weights of(String s) {
            if (s == null) throw new SpecException("weights", "is required: rademacher or webb");
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "rademacher", "r" -> RADEMACHER;
                case "webb", "w", "webb6", "six-point" -> WEBB;
                default -> throw new SpecException("weights", "'" + s + "' is not rademacher or webb");
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    /**
     * What to run.
     *
     * @param replications B (enumeration replaces it when Rademacher and 2^G &lt;= B)
     * @param level        confidence level of the inverted interval
     */
    public record Spec(int replications, Weights weights, double level, long seed) {
        public Spec {
            if (replications < 99 || replications > 1_000_000) {
                throw new SpecException("wild-bootstrap", "replications must be 99..1000000, got " + replications);
            }
            if (weights == null) weights = Weights.WEBB;
        }
    }

    /**
     * One bootstrap test.
     *
     * @param pValue      symmetric WCR p-value of {@code H0: b_j = 0}
     * @param ciLow       lower end of the {@code level} confidence set by inversion (-Infinity if unbounded)
     * @param replications replications used (2^G when enumerated)
     */
    public record Result(String term, double estimate, double t, double pValue, double ciLow, double ciHigh, double level,
                         int replications, boolean enumerated, String weights, int clusters, long seed) {
    }

    /**
     * Tests every coefficient in {@code terms} ({@code which} indexes into the columns of {@code x}).
     *
     * @param x            partialled regressors, columns {@code x[p][n]}
     * @param y            partialled response
     * @param cluster      cluster of each row, {@code [0, g)}
     * @param residualMaker {@code M_D} (the absorbed effects' residual maker) or {@code null} when the
     *                     absorbed effects are nested in the clusters
     * @param factor       the CR1 factor of the t statistics ({@link DegreesOfFreedom#factor})
     */
    public static Result test(String term, double[][] x, double[] y, int j, int[] cluster, int g,
                              UnaryOperator<double[]> residualMaker, double factor, Spec spec) {
        Replications r = replicate(x, y, j, cluster, g, residualMaker, factor, spec);
        double[] ci = r.invert(1 - spec.level());
        return new Result(term, r.beta, r.beta / r.se, r.pValue(0), ci[0], ci[1], spec.level(), r.na.length, r.enumerated,
                spec.weights().label(), g, spec.seed());
    }

    /** The stored replications, from which the p-value of any {@code H0: b_j = b0} follows in O(B). */
    public static Replications replicate(double[][] x, double[] y, int j, int[] cluster, int g,
                                         UnaryOperator<double[]> residualMaker, double factor, Spec spec) {
        if (g < 2) throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, "the wild cluster bootstrap needs at least 2 clusters");
        int p = x.length;
        int n = y.length;
        double[][] a = Dense.inverseSymmetric(Dense.cross(x, x), "X'X of the wild bootstrap");
        double[] c = a[j];
        double[] beta = Dense.multiply(a, Dense.cross(x, y));
        double[] e = y.clone();
        for (int l = 0; l < p; l++) for (int i = 0; i < n; i++) e[i] -= x[l][i] * beta[l];
        double[][] sg = Dense.groupSums(Dense.scores(x, e), cluster, g);
        double v = 0;
        for (double[] s : sg) {
            double q = Dense.dot(c, s);
            v += q * q;
        }
        double se = Math.sqrt(factor * v);
        // restricted residuals u(b0) = ua - b0 ub
        int[] others = new int[p - 1];
        for (int l = 0, o = 0; l < p; l++) if (l != j) others[o++] = l;
        double[] ua = residual(Dense.columns(x, others), y);
        double[] ub = residual(Dense.columns(x, others), x[j]);
        double[] xtxA = null;
        // d_g = A X_g'X_g c  (p-vector per cluster)
        double[][] xg = clusterCross(x, cluster, g);
        double[][] d = new double[g][];
        for (int h = 0; h < g; h++) {
            double[][] m = new double[p][p];
            for (int r = 0; r < p; r++) for (int s = 0; s < p; s++) m[r][s] = xg[h][r * p + s];
            d[h] = Dense.multiply(a, Dense.multiply(m, c));
        }
        Parts pa = parts(x, ua, c, d, cluster, g, residualMaker);
        Parts pb = parts(x, ub, c, d, cluster, g, residualMaker);
        boolean enumerate = spec.weights() == Weights.RADEMACHER && g < 31 && (1L << g) <= spec.replications();
        int reps = enumerate ? (int) (1L << g) : spec.replications();
        double[] na = new double[reps];
        double[] nb = new double[reps];
        double[] qaa = new double[reps];
        double[] qab = new double[reps];
        double[] qbb = new double[reps];
        double[] w = new double[g];
        for (int b = 0; b < reps; b++) {
            weights(spec, enumerate, b, w);
            na[b] = Dense.dot(pa.a, w);
            nb[b] = Dense.dot(pb.a, w);
            double saa = 0;
            double sab = 0;
            double sbb = 0;
            for (int r = 0; r < g; r++) {
                double sa = Dense.dot(pa.c[r], w);
                double sb = Dense.dot(pb.c[r], w);
                saa += sa * sa;
                sab += sa * sb;
                sbb += sb * sb;
            }
            qaa[b] = saa;
            qab[b] = sab;
            qbb[b] = sbb;
        }
        return new Replications(beta[j], se, factor, enumerate, na, nb, qaa, qab, qbb);
    }

    private static void weights(Spec spec, boolean enumerate, int b, double[] w) {
        int g = w.length;
        if (enumerate) {
            for (int r = 0; r < g; r++) w[r] = ((b >>> r) & 1) == 0 ? 1 : -1;
            return;
        }
        UniformRandomProvider rng = Seeds.generator(spec.seed(), b);
        for (int r = 0; r < g; r++) {
            w[r] = spec.weights() == Weights.RADEMACHER ? (rng.nextBoolean() ? 1 : -1) : WEBB[rng.nextInt(6)];
        }
    }

    /** Per-cluster a_g and the G x G matrix C for one residual vector. */
    private record Parts(double[] a, double[][] c) {
    }

    private static Parts parts(double[][] x, double[] u, double[] cvec, double[][] d, int[] cluster, int g,
                               UnaryOperator<double[]> residualMaker) {
        int p = x.length;
        int n = u.length;
        double[][] xu = Dense.groupSums(Dense.scores(x, u), cluster, g); // X_h'u_h
        double[] a = new double[g];
        for (int h = 0; h < g; h++) a[h] = Dense.dot(cvec, xu[h]);
        double[][] cm = new double[g][g];
        for (int r = 0; r < g; r++) for (int h = 0; h < g; h++) cm[r][h] = -Dense.dot(d[r], xu[h]);
        if (residualMaker == null) {
            for (int h = 0; h < g; h++) cm[h][h] += a[h];
        } else {
            for (int h = 0; h < g; h++) {
                double[] uh = new double[n];
                for (int i = 0; i < n; i++) if (cluster[i] == h) uh[i] = u[i];
                double[] wh = residualMaker.apply(uh);
                double[][] k = Dense.groupSums(Dense.scores(x, wh), cluster, g);
                for (int r = 0; r < g; r++) cm[r][h] += Dense.dot(cvec, k[r]);
            }
        }
        return new Parts(a, cm);
    }

    /** {@code X_g'X_g} flattened per cluster. */
    private static double[][] clusterCross(double[][] x, int[] cluster, int g) {
        int p = x.length;
        int n = cluster.length;
        double[][] out = new double[g][p * p];
        for (int i = 0; i < n; i++) {
            double[] o = out[cluster[i]];
            for (int r = 0; r < p; r++) for (int s = 0; s < p; s++) o[r * p + s] += x[r][i] * x[s][i];
        }
        return out;
    }

    private static double[] residual(double[][] x, double[] v) {
        if (x.length == 0) return v.clone();
        double[][] a = Dense.inverseSymmetric(Dense.cross(x, x), "restricted design");
        double[] b = Dense.multiply(a, Dense.cross(x, v));
        double[] r = v.clone();
        for (int l = 0; l < x.length; l++) for (int i = 0; i < r.length; i++) r[i] -= x[l][i] * b[l];
        return r;
    }

    /** The stored replication statistics; p(b0) in O(B). */
    public static final class Replications {
        private final double beta;
        private final double se;
        private final double factor;
        private final boolean enumerated;
        private final double[] na;
        private final double[] nb;
        private final double[] qaa;
        private final double[] qab;
        private final double[] qbb;

        Replications(double beta, double se, double factor, boolean enumerated, double[] na, double[] nb, double[] qaa,
                     double[] qab, double[] qbb) {
            this.beta = beta;
            this.se = se;
            this.factor = factor;
            this.enumerated = enumerated;
            this.na = na;
            this.nb = nb;
            this.qaa = qaa;
            this.qab = qab;
            this.qbb = qbb;
        }

        /** The estimate and its CR standard error (with the factor). */
        public double estimate() {
            return beta;
        }

        public double standardError() {
            return se;
        }

        public int replications() {
            return na.length;
        }

        /** Symmetric WCR p-value of {@code H0: b_j = b0}. */
        public double pValue(double b0) {
            // v = +1 and v = -1 reproduce |t| exactly: ties within 1e-9 (relative) are not exceedances
            double t = Math.abs((beta - b0) / se) * (1 + TIE);
            int exceed = 0;
            for (int b = 0; b < na.length; b++) {
                double num = na[b] - b0 * nb[b];
                double den = factor * (qaa[b] - 2 * b0 * qab[b] + b0 * b0 * qbb[b]);
                double ts = den > 0 ? Math.abs(num) / Math.sqrt(den) : 0;
                if (ts > t) exceed++;
            }
            return (double) exceed / na.length;
        }

        /** Confidence set {b0 : p(b0) > alpha}, outer bounds by bisection from the estimate. */
        public double[] invert(double alpha) {
            return new double[] {bound(alpha, -1), bound(alpha, 1)};
        }

        private double bound(double alpha, int dir) {
            double inside = beta;
            double step = 2 * se;
            double outside = Double.NaN;
            for (int k = 0; k < 40; k++) {
                double cand = beta + dir * step;
                if (pValue(cand) <= alpha) {
                    outside = cand;
                    break;
                }
                inside = cand;
                step *= 2;
            }
            if (Double.isNaN(outside)) return dir < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (int it = 0; it < 200 && Math.abs(outside - inside) > 1e-12 * (Math.abs(beta) + se); it++) {
                double mid = 0.5 * (inside + outside);
                if (pValue(mid) <= alpha) outside = mid;
                else inside = mid;
            }
            return 0.5 * (inside + outside);
        }
    }
}
