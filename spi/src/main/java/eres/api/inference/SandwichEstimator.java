package eres.api.inference;

import eres.api.EstimationException;
import eres.api.linalg.Dense;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes every {@link CovarianceType} for a linear (or 2SLS) fit from one set of inputs, so all
 * estimators share one implementation:
 *
 * <pre>
 *   V = c A M A,   A = bread ((X'X)^-1, or (Xhat'Xhat)^-1 for 2SLS)
 *   conventional  V = s^2 A,  s^2 = SSR / d                       (d: {@link DegreesOfFreedom#varianceDivisor()})
 *   HC0..HC3      M = sum_i x_i x_i' u_i^2,  u_i = e_i, e_i, e_i/sqrt(1-h_ii), e_i/(1-h_ii)
 *   CR0..CR3      M = sum_g X_g' u_g u_g' X_g,  u_g = e_g, e_g, (I-H_gg)^-1/2 e_g, (I-H_gg)^-1 e_g
 *   two-way       V = V_1 + V_2 - V_12 (Cameron, Gelbach &amp; Miller 2011), each with its own factor, not repaired
 *                 when it is not positive semi-definite (reported as a warning)
 *   DK            M = sum_t h_t h_t' + sum_{j=1..m} (1 - j/(m+1)) sum_t (h_t h_{t-j}' + h_{t-j} h_t'),
 *                 h_t = sum_{i in t} x_i e_i (Driscoll &amp; Kraay 1998; xtscc, plm::vcovSCC)
 * </pre>
 *
 * {@code H = P_D + X A X'} is the hat matrix of the full design (absorbed effects included, so HC2/HC3
 * equal {@code regress ... i.id i.year, vce(hc3)} and R's {@code lm} with dummies); CR2/CR3 use the
 * symmetric Moore–Penrose (inverse) square root of {@code I - H_gg} (clubSandwich's convention when
 * absorbed effects make it singular). c is {@link DegreesOfFreedom#factor}.
 */
public final class SandwichEstimator {
    /** Eigenvalues of {@code I - H_gg} at or below this are treated as 0 (Moore–Penrose); leverages of 1 - 1e-10 and above count as 1. */
    public static final double LEVERAGE_NULL = 1e-10;

    private SandwichEstimator() {
    }

    /**
     * Inputs of the sandwich.
     *
     * @param x        score columns {@code x[p][n]} (the projected design; {@code Xhat} for 2SLS)
     * @param e        residuals (length n)
     * @param bread    {@code A} (p x p)
     * @param ssr      sum of squared residuals
     * @param absorbed hat matrix of the absorbed effects (HC2/HC3/CR2/CR3), or {@link AbsorbedHat#NONE}
     * @param period   period index of each row in {@code [0, periods)} (Driscoll–Kraay), or {@code null}
     */
    public record Input(double[][] x, double[] e, double[][] bread, double ssr, AbsorbedHat absorbed, int[] period) {
    }

    public static CovarianceEstimate estimate(Input in, CovarianceSpec spec, Clusters clusters, DegreesOfFreedom dof) {
        CovarianceType type = spec.type();
        List<String> warnings = new ArrayList<>();
        double[][] a = in.bread();
        int p = a.length;
        int n = in.e().length;
        double[][] v;
        double factor = dof.factor(type, clusters == null ? 0 : clusters.count());
        int lag = -1;
        switch (type) {
            case CONVENTIONAL -> v = Dense.scale(a, in.ssr() / dof.varianceDivisor());
            case HC0, HC1, HC2, HC3 -> {
                double[] u = in.e().clone();
                if (type == CovarianceType.HC2 || type == CovarianceType.HC3) {
                    for (int i = 0; i < n; i++) {
                        double h = leverage(in, i);
                        double m = 1 - h;
                        u[i] = m > LEVERAGE_NULL ? (type == CovarianceType.HC2 ? u[i] / Math.sqrt(m) : u[i] / m) : 0;
                    }
                }
                v = Dense.scale(Dense.sandwich(a, Dense.scoreMeat(Dense.scores(in.x(), u))), factor);
            }
            case CR0, CR1, CR2, CR3 -> {
                if (clusters == null) throw new IllegalArgumentException("cluster covariance without clusters");
                for (int c : clusters.counts()) {
                    if (c < 2) {
                        throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                                "cluster-robust standard errors need at least 2 clusters, got " + c + " of '"
                                        + clusters.variables().get(java.util.Arrays.stream(clusters.counts()).boxed().toList().indexOf(c)) + "'");
                    }
                }
                if (clusters.dimensions() == 1) {
                    v = Dense.scale(Dense.sandwich(a, clusterMeat(in, type, clusters.codes(0), clusters.count())), factor);
                } else {
                    v = twoWay(in, type, clusters, dof, warnings);
                }
            }
            case DRISCOLL_KRAAY -> {
                if (in.period() == null) throw new IllegalArgumentException("Driscoll-Kraay without periods");
                lag = spec.lag() != null ? spec.lag() : dof.defaultLag();
                v = Dense.scale(Dense.sandwich(a, driscollKraayMeat(in, lag, dof.periods())), factor);
            }
            default -> throw new IllegalStateException(type.toString());
        }
        int g = clusters == null || !type.clustered() ? 0 : clusters.minCount();
        double tDf = dof.tDf(type, g);
        List<String> cv = clusters == null || !type.clustered() ? List.of() : clusters.variables();
        return new CovarianceEstimate(v, type, dof.convention(), tDf, factor, g, cv, lag, warnings);
    }

    /** {@code h_ii} of the full design. */
    static double leverage(Input in, int i) {
        double[][] a = in.bread();
        int p = a.length;
        double s = in.absorbed().diagonal(i);
        for (int r = 0; r < p; r++) {
            double xr = in.x()[r][i];
            if (xr == 0) continue;
            double t = 0;
            for (int c = 0; c < p; c++) t += a[r][c] * in.x()[c][i];
            s += xr * t;
        }
        return s;
    }

    /** The cluster meat with CR0/CR2/CR3 residual adjustments (CR1 = CR0 before the factor). */
    static double[][] clusterMeat(Input in, CovarianceType type, int[] cluster, int g) {
        int p = in.bread().length;
        if (type == CovarianceType.CR0 || type == CovarianceType.CR1) {
            return Dense.outerSum(Dense.groupSums(Dense.scores(in.x(), in.e()), cluster, g), p);
        }
        int n = in.e().length;
        int[] size = new int[g];
        for (int c : cluster) size[c]++;
        int[][] members = new int[g][];
        for (int c = 0; c < g; c++) members[c] = new int[size[c]];
        int[] fill = new int[g];
        for (int i = 0; i < n; i++) members[cluster[i]][fill[cluster[i]]++] = i;
        double[][] sums = new double[g][p];
        double[][] a = in.bread();
        for (int c = 0; c < g; c++) {
            int[] rows = members[c];
            int m = rows.length;
            double[][] h = in.absorbed().block(rows);
            // H_gg = P_D,gg + X_g A X_g'
            double[][] xa = new double[m][p];
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int l = 0; l < p; l++) s += in.x()[l][rows[r]] * a[l][j];
                    xa[r][j] = s;
                }
            }
            double[][] ih = new double[m][m];
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) {
                    double t = h[r][s];
                    for (int j = 0; j < p; j++) t += xa[r][j] * in.x()[j][rows[s]];
                    ih[r][s] = (r == s ? 1 : 0) - t;
                }
            }
            // eigenvalues of I - H_gg lie in [0, 1]; those below LEVERAGE_NULL are the absorbed (structurally zero) directions
            double[][] adj = Dense.symmetricFunction(ih, type == CovarianceType.CR2 ? lam -> 1 / Math.sqrt(lam) : lam -> 1 / lam, LEVERAGE_NULL);
            double[] eg = new double[m];
            for (int r = 0; r < m; r++) eg[r] = in.e()[rows[r]];
            double[] u = Dense.multiply(adj, eg);
            for (int r = 0; r < m; r++) for (int j = 0; j < p; j++) sums[c][j] += in.x()[j][rows[r]] * u[r];
        }
        return Dense.outerSum(sums, p);
    }

    private static double[][] twoWay(Input in, CovarianceType type, Clusters cl, DegreesOfFreedom dof, List<String> warnings) {
        int[] c1 = cl.codes(0);
        int[] c2 = cl.codes(1);
        int n = c1.length;
        java.util.Map<Long, Integer> inter = new java.util.HashMap<>();
        int[] c12 = new int[n];
        for (int i = 0; i < n; i++) {
            long key = ((long) c1[i] << 32) | (c2[i] & 0xffffffffL);
            c12[i] = inter.computeIfAbsent(key, x -> inter.size());
        }
        int g12 = inter.size();
        double[][] a = in.bread();
        double[][] v1 = Dense.scale(Dense.sandwich(a, clusterMeat(in, type, c1, cl.counts()[0])), dof.factor(type, cl.counts()[0]));
        double[][] v2 = Dense.scale(Dense.sandwich(a, clusterMeat(in, type, c2, cl.counts()[1])), dof.factor(type, cl.counts()[1]));
        double[][] v12 = g12 < 2 ? new double[a.length][a.length]
                : Dense.scale(Dense.sandwich(a, clusterMeat(in, type, c12, g12)), dof.factor(type, g12));
        double[][] v = Dense.add(Dense.add(v1, v2, 1), v12, -1);
        // no eigenvalue repair (as Stata's ivreg2/reghdfe and R sandwich's default fix = FALSE), so that the
        // slopes' block does not depend on which nuisance columns the design carries; a non-PSD result is reported
        Dense.Eigen eig = Dense.eigenSymmetric(v);
        if (eig.values()[eig.values().length - 1] < 0) {
            warnings.add("the two-way cluster covariance is not positive semi-definite (Cameron, Gelbach & Miller 2011, section"
                    + " 2.3); standard errors of coefficients with a negative variance are missing");
        }
        return v;
    }

    /** Driscoll–Kraay meat with Bartlett weights over the periods' score sums. */
    static double[][] driscollKraayMeat(Input in, int lag, int periods) {
        int p = in.bread().length;
        double[][] h = Dense.groupSums(Dense.scores(in.x(), in.e()), in.period(), periods);
        double[][] s = Dense.outerSum(h, p);
        for (int j = 1; j <= Math.min(lag, periods - 1); j++) {
            double w = 1 - j / (lag + 1.0);
            for (int t = j; t < periods; t++) {
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) s[a][b] += w * (h[t][a] * h[t - j][b] + h[t - j][a] * h[t][b]);
                }
            }
        }
        return s;
    }
}
