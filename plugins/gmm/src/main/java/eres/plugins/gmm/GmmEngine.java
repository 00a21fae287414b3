package eres.plugins.gmm;

import eres.api.EstimationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Linear GMM on the sufficient statistics of {@link Moments} (Hansen 1982; Arellano &amp; Bond 1991;
 * Blundell &amp; Bond 1998; notation of Roodman 2009):
 *
 * <pre>
 *   b(A)  = (X'Z A Z'X)^-1 X'Z A Z'y
 *   one-step:  A1 = (sum_i Z_i' H Z_i)^-1
 *   two-step:  A2 = (sum_i Z_i' e1_i e1_i' Z_i)^-1,  e1 = one-step residuals
 *   V1      = s2 (X'Z A1 Z'X)^-1                                   (one-step, homoskedastic)
 *   V1r     = B1 X'Z A1 S1 A1 Z'X B1,  B1 = (X'Z A1 Z'X)^-1,  S1 = A2^-1  (one-step, cluster-robust)
 *   V2      = (X'Z A2 Z'X)^-1                                      (two-step)
 *   V2c     = V2 + D V2 + V2 D' + D V1r D'                         (Windmeijer 2005)
 *             D_k = -V2 X'Z A2 (dS1/db_k) A2 Z'e2,  dS1/db_k = -sum_i (Z_i'x_ik e1_i'Z_i + Z_i'e1_i x_ik'Z_i)
 *   Hansen J = (Z'e2)' A2 (Z'e2),  Sargan = (Z'e1)' A1 (Z'e1) / s2
 * </pre>
 *
 * Windmeijer's {@code D_k q} products are evaluated as {@code sum_i [(u_i'q) zx_ik + (zx_ik'q) u_i]}, so the
 * correction costs {@code O(N L k)} instead of {@code O(N L^2 k)}.
 */
final class GmmEngine {
    final Moments m;

    GmmEngine(Moments m) {
        this.m = m;
    }

    /** One GMM step with weighting matrix A: estimate, B = (X'ZAZ'X)^-1, moments u_i and their sum. */
    record Step(double[] b, double[][] bread, double[][] weight, double[][] u, double[] uSum) {
    }

    Step step(double[][] a, double[][] zx, double[] zy, String what) {
        double[][] xza = Dense.multiply(Dense.transpose(zx), a);
        double[][] xzazx = Dense.symmetrise(Dense.multiply(xza, zx));
        double[][] bread;
        try {
            bread = Dense.inverseSpd(xzazx, "X'Z A Z'X");
        } catch (EstimationException e) {
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what
                    + ": X'Z A Z'X is singular: the instruments do not identify every coefficient (too few or irrelevant"
                    + " instruments for " + m.regressors + ")");
        }
        double[] b = Dense.multiply(bread, Dense.multiply(xza, zy));
        for (double v : b) {
            if (!Double.isFinite(v)) {
                throw new EstimationException(EstimationException.Reason.NOT_FINITE, what + ": the estimate is not finite");
            }
        }
        double[][] u = m.residualMoments(b);
        return new Step(b, bread, a, u, Moments.sum(u, m.l));
    }

    /** The full result of one- and two-step estimation on the given instrument columns. */
    record Fit(Step one, Step two, double[][] s1, boolean a1Generalized, boolean a2Generalized, int[] columns) {
    }

    /**
     * Estimates with the instrument columns {@code cols} (all columns: {@code null}). {@code s1Full}, when
     * given, is the moment covariance of the full model's one-step residuals, whose sub-matrix weights
     * the restricted two-step estimate (xtabond2's difference-in-Hansen convention).
     */
    Fit fit(int[] cols, double[][] s1Full, String what) {
        int[] c = cols == null ? all(m.l) : cols;
        double[][] zx = Dense.rows(m.zxSum, c);
        double[] zy = Dense.entries(m.zySum, c);
        Dense.Inverse a1 = Dense.generalizedInverse(Dense.sub(m.zhz, c));
        Step one = step(a1.matrix(), zx, zy, what + " (one-step)");
        double[][] s1 = Dense.sub(s1Full != null ? s1Full : Moments.outer(one.u, m.l), c);
        Dense.Inverse a2 = Dense.generalizedInverse(s1);
        Step two = cols == null ? step(a2.matrix(), zx, zy, what + " (two-step)") : restrictedStep(a2.matrix(), zx, zy, c, what);
        return new Fit(one, two, s1, a1.generalized(), a2.generalized(), c);
    }

    private Step restrictedStep(double[][] a, double[][] zx, double[] zy, int[] cols, String what) {
        Step s = step(a, zx, zy, what + " (two-step)");
        // moments restricted to the kept columns
        double[][] u = new double[s.u.length][];
        for (int i = 0; i < u.length; i++) if (s.u[i] != null) u[i] = Dense.entries(s.u[i], cols);
        return new Step(s.b, s.bread, a, u, Dense.entries(s.uSum, cols));
    }

    static int[] all(int l) {
        int[] c = new int[l];
        for (int i = 0; i < l; i++) c[i] = i;
        return c;
    }

    /** Hansen's J at the two-step estimate. */
    static double hansen(Fit f) {
        return Dense.quadratic(f.two.weight, f.two.uSum);
    }

    /** One-step cluster-robust covariance {@code B1 X'Z A1 S1 A1 Z'X B1}. */
    double[][] robustOneStep(Fit f) {
        double[][] zx = m.zxSum;
        double[][] xza = Dense.multiply(Dense.transpose(zx), f.one.weight);
        double[][] meat = Dense.multiply(Dense.multiply(xza, f.s1), Dense.transpose(xza));
        return Dense.symmetrise(Dense.multiply(Dense.multiply(f.one.bread, meat), f.one.bread));
    }

    /** Windmeijer's (2005) finite-sample corrected two-step covariance. */
    double[][] windmeijer(Fit f) {
        int k = m.k;
        double[][] v2 = f.two.bread;
        double[][] v1r = robustOneStep(f);
        double[] q = Dense.multiply(f.two.weight, f.two.uSum);
        double[][] p = Dense.multiply(Dense.multiply(v2, Dense.transpose(m.zxSum)), f.two.weight); // k x L
        double[][] d = new double[k][k];
        double[][] u1 = f.one.u;
        for (int j = 0; j < k; j++) {
            double[] dsq = new double[m.l]; // (dS1/db_j) q, with the sign folded in: sum_i (u_i'q) zx_ij + (zx_ij'q) u_i
            for (int i = 0; i < m.entities; i++) {
                if (u1[i] == null) continue;
                double[][] zxi = m.zx[i];
                double uq = Dense.dot(u1[i], q);
                double xq = 0;
                for (int a = 0; a < m.l; a++) xq += zxi[a][j] * q[a];
                for (int a = 0; a < m.l; a++) dsq[a] += uq * zxi[a][j] + xq * u1[i][a];
            }
            // D_j = -V2 X'Z A2 (dS1/db_j) A2 Z'e2 = P * dsq   (dS1/db_j = -sum(...))
            double[] dj = Dense.multiply(p, dsq);
            for (int a = 0; a < k; a++) d[a][j] = dj[a];
        }
        double[][] dv2 = Dense.multiply(d, v2);
        double[][] out = Dense.add(Dense.add(v2, dv2), Dense.transpose(dv2));
        out = Dense.add(out, Dense.multiply(Dense.multiply(d, v1r), Dense.transpose(d)));
        return Dense.symmetrise(out);
    }

    /** One Arellano-Bond test: statistic, numerator, variance. */
    record ArTest(int order, double z, int pairs) {
    }

    /**
     * Arellano-Bond (1991) test for autocorrelation of order j in the first-differenced residuals
     * (always differences, also after orthogonal deviations and in system GMM, as xtabond2):
     *
     * <pre>
     *   m_j = sum_i w_i'e_i / sqrt( sum_i (w_i'e_i)^2 - 2 (sum_i w_i'X_i) M (sum_i Z_i'u_i (e_i'w_i)) + (sum_i w_i'X_i) V (sum_i X_i'w_i) )
     * </pre>
     *
     * with e_i the differenced residuals, w_i their j-th lags (zero where unavailable), u_i the system
     * residuals, {@code M = (X'ZAZ'X)^-1 X'ZA} of the reported step and V the reported covariance.
     */
    List<ArTest> arTests(int maxOrder, Step s, double[][] v) {
        double[][] mm = Dense.multiply(Dense.multiply(s.bread, Dense.transpose(m.zxSum)), s.weight); // k x L
        List<ArTest> out = new ArrayList<>();
        for (int j = 1; j <= maxOrder; j++) {
            double num = 0;
            double sumA2 = 0;
            double[] wx = new double[m.k];
            double[] zuw = new double[m.l];
            int pairs = 0;
            for (int i = 0; i < m.entities; i++) {
                Moments.FdRows r = m.fd[i];
                if (r == null || r.period().length == 0 || s.u[i] == null) continue;
                int n = r.period().length;
                double[] e = new double[n];
                for (int a = 0; a < n; a++) e[a] = r.dy()[a] - Dense.dot(r.dx()[a], s.b);
                double ai = 0;
                for (int a = 0; a < n; a++) {
                    int target = r.period()[a] - j;
                    for (int b = a - 1; b >= 0; b--) {
                        if (r.period()[b] == target) {
                            ai += e[b] * e[a];
                            for (int q = 0; q < m.k; q++) wx[q] += e[b] * r.dx()[a][q];
                            pairs++;
                            break;
                        }
                        if (r.period()[b] < target) break;
                    }
                }
                num += ai;
                sumA2 += ai * ai;
                for (int c = 0; c < m.l; c++) zuw[c] += s.u[i][c] * ai;
            }
            if (pairs == 0) {
                out.add(new ArTest(j, Double.NaN, 0));
                continue;
            }
            double var = sumA2 - 2 * Dense.dot(wx, Dense.multiply(mm, zuw)) + Dense.quadratic(v, wx);
            out.add(new ArTest(j, var > 0 ? num / Math.sqrt(var) : Double.NaN, pairs));
        }
        return out;
    }
}
