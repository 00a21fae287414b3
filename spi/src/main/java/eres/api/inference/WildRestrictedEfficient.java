package eres.api.inference;

import eres.api.EstimationException;
import eres.api.linalg.Dense;
import eres.api.random.Seeds;
import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The wild restricted efficient (WRE) cluster bootstrap of Davidson &amp; MacKinnon (2010) for the
 * coefficient of one endogenous regressor in 2SLS, as Stata's {@code boottest} after {@code ivreg2}
 * (Roodman, MacKinnon, Nielsen &amp; Webb 2019, section 4), computed from per-cluster cross-products with
 * the instruments, never refitting. With all variables partialled for absorbed effects D
 * ({@code M_D}), {@code Z = [Z1, X2]}, under {@code H0: b = b0}:
 *
 * <pre>
 *   u~  = M_X2 (y1 - y2 b0)                           restricted structural residuals, gamma~ on X2
 *   y2 on [Z, u~]: pi~ (on Z);  v~ = y2 - Z pi~       the efficient reduced form
 *   y2* = Z pi~ + v~ . v,  y1* = y2* b0 + X2 gamma~ + u~ . v   (one weight v_g per cluster for both)
 * </pre>
 *
 * Every quantity of the 2SLS refit is a function of {@code Z_g'y1*_g}, {@code Z_g'y2*_g} (and the fixed
 * {@code Z_g'Z_g}, {@code Z_g'X2_g}), which are linear in v: {@code Z_g'(M_D w^(h))_g} is stored for
 * {@code w = u~, v~} and every pair (g, h), so a replication costs O(G^2 L + G L k^2). The bootstrap
 * t uses the cluster sandwich {@code A* (sum_g s_g s_g') A*}, {@code s_g = Pi*' Z_g'(y1*_g - X*_g b*)},
 * {@code Pi* = (Z'Z)^-1 Z'X*}; with v = 1 it reproduces the sample t. p-value symmetric, as
 * {@link WildClusterBootstrap}; Rademacher weights are enumerated when {@code 2^G <= B}. The confidence
 * set is found by bisection on b0, each step one bootstrap (the efficient reduced form changes with b0).
 */
public final class WildRestrictedEfficient {
    private WildRestrictedEfficient() {
    }

    /** Pre-computed cross-products for one b0. */
    private static final class Setup {
        final int g;
        final int l;
        final int k;
        final double b0;
        final double[][] azz;
        final double[] zzPi;        // Z'Z pi~ (L)
        final double[][] zx2;       // Z'X2 (L x k2)
        final double[] zx2Gamma;    // Z'X2 gamma~ (L)
        final double[][] gZzPi;     // per g: Z_g'Z_g pi~
        final double[][] gZx2Gamma; // per g: Z_g'X2_g gamma~
        final double[][][] gZx2;    // per g: Z_g'X2_g
        final double[][][] ku;      // [g][h]: Z_g'(M_D u^(h))_g
        final double[][][] kv;      // [g][h]: Z_g'(M_D v^(h))_g
        final double[][] su;        // per h: sum_g ku[g][h] = Z'(M_D u^(h)) = Z_h'u_h
        final double[][] sv;

        Setup(double b0, double[] y1, double[] y2, double[][] x2, double[][] z, int[] cluster, int g, UnaryOperator<double[]> md) {
            this.g = g;
            this.b0 = b0;
            int n = y1.length;
            l = z.length;
            int k2 = x2.length;
            k = 1 + k2;
            this.azz = Dense.inverseSymmetric(Dense.cross(z, z), "Z'Z of the WRE bootstrap");
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = y1[i] - y2[i] * b0;
            double[] gamma = k2 == 0 ? new double[0] : Dense.multiply(Dense.inverseSymmetric(Dense.cross(x2, x2), "X2'X2"), Dense.cross(x2, r));
            double[] u = r.clone();
            for (int j = 0; j < k2; j++) for (int i = 0; i < n; i++) u[i] -= x2[j][i] * gamma[j];
            // efficient reduced form: y2 on [Z, u]
            double[][] zu = new double[l + 1][];
            System.arraycopy(z, 0, zu, 0, l);
            zu[l] = u;
            double[][] azu = Dense.tryInverseSymmetric(Dense.cross(zu, zu));
            double[] pi;
            if (azu == null) {
                // u in the span of Z (e.g. just-identified with y2 = Z-fitted exactly): the plain reduced form
                pi = Dense.multiply(azz, Dense.cross(z, y2));
            } else {
                double[] c = Dense.multiply(azu, Dense.cross(zu, y2));
                pi = java.util.Arrays.copyOf(c, l);
            }
            double[] v = y2.clone();
            for (int j = 0; j < l; j++) for (int i = 0; i < n; i++) v[i] -= z[j][i] * pi[j];
            double[][] zzg = new double[g][l * l];
            for (int i = 0; i < n; i++) {
                double[] o = zzg[cluster[i]];
                for (int a = 0; a < l; a++) for (int b = 0; b < l; b++) o[a * l + b] += z[a][i] * z[b][i];
            }
            gZzPi = new double[g][l];
            for (int h = 0; h < g; h++) for (int a = 0; a < l; a++) for (int b = 0; b < l; b++) gZzPi[h][a] += zzg[h][a * l + b] * pi[b];
            zzPi = new double[l];
            for (int h = 0; h < g; h++) for (int a = 0; a < l; a++) zzPi[a] += gZzPi[h][a];
            gZx2 = new double[g][l][k2];
            for (int i = 0; i < n; i++) {
                double[][] o = gZx2[cluster[i]];
                for (int a = 0; a < l; a++) for (int b = 0; b < k2; b++) o[a][b] += z[a][i] * x2[b][i];
            }
            zx2 = new double[l][k2];
            gZx2Gamma = new double[g][l];
            zx2Gamma = new double[l];
            for (int h = 0; h < g; h++) {
                for (int a = 0; a < l; a++) {
                    for (int b = 0; b < k2; b++) {
                        zx2[a][b] += gZx2[h][a][b];
                        gZx2Gamma[h][a] += gZx2[h][a][b] * gamma[b];
                    }
                    zx2Gamma[a] += gZx2Gamma[h][a];
                }
            }
            ku = cross(z, u, cluster, g, md);
            kv = cross(z, v, cluster, g, md);
            su = new double[g][l];
            sv = new double[g][l];
            for (int h = 0; h < g; h++) {
                for (int gg = 0; gg < g; gg++) {
                    for (int a = 0; a < l; a++) {
                        su[h][a] += ku[gg][h][a];
                        sv[h][a] += kv[gg][h][a];
                    }
                }
            }
        }

        /** [g][h] = Z_g'(M_D w^(h))_g, w^(h) = w on cluster h, 0 elsewhere. */
        private static double[][][] cross(double[][] z, double[] w, int[] cluster, int g, UnaryOperator<double[]> md) {
            int n = w.length;
            int l = z.length;
            double[][][] out = new double[g][g][l];
            if (md == null) {
                for (int i = 0; i < n; i++) {
                    int c = cluster[i];
                    for (int a = 0; a < l; a++) out[c][c][a] += z[a][i] * w[i];
                }
                return out;
            }
            for (int h = 0; h < g; h++) {
                double[] wh = new double[n];
                for (int i = 0; i < n; i++) if (cluster[i] == h) wh[i] = w[i];
                double[] m = md.apply(wh);
                for (int i = 0; i < n; i++) {
                    int c = cluster[i];
                    for (int a = 0; a < l; a++) out[c][h][a] += z[a][i] * m[i];
                }
            }
            return out;
        }

        /** The bootstrap t for weights w (w = 1: the sample t). */
        double t(double[] w) {
            int l = this.l;
            double[] zy2 = zzPi.clone();
            double[] zuw = new double[l];
            for (int h = 0; h < g; h++) {
                double wh = w[h];
                for (int a = 0; a < l; a++) {
                    zy2[a] += wh * sv[h][a];
                    zuw[a] += wh * su[h][a];
                }
            }
            double[] zy1 = new double[l];
            for (int a = 0; a < l; a++) zy1[a] = zy2[a] * b0 + zx2Gamma[a] + zuw[a];
            double[][] zx = new double[l][k];
            for (int a = 0; a < l; a++) {
                zx[a][0] = zy2[a];
                for (int b = 1; b < k; b++) zx[a][b] = zx2[a][b - 1];
            }
            double[][] pi = Dense.multiply(azz, zx);                 // L x k
            double[][] m = Dense.multiply(Dense.transpose(zx), pi);  // k x k
            double[][] am = Dense.tryInverseSymmetric(m);
            if (am == null) return Double.NaN;
            double[] beta = Dense.multiply(am, Dense.multiply(Dense.transpose(pi), zy1));
            double[][] meat = new double[k][k];
            double[] zy2g = new double[l];
            double[] res = new double[l];
            for (int c = 0; c < g; c++) {
                for (int a = 0; a < l; a++) {
                    double s2 = gZzPi[c][a];
                    double s1 = 0;
                    for (int h = 0; h < g; h++) {
                        if (w[h] == 0) continue;
                        s2 += w[h] * kv[c][h][a];
                        s1 += w[h] * ku[c][h][a];
                    }
                    zy2g[a] = s2;
                    // Z_g'(y1*_g - X*_g b*) with y1* = y2* b0 + X2 gamma + u . w
                    double r = s2 * b0 + gZx2Gamma[c][a] + s1 - s2 * beta[0];
                    for (int b = 1; b < k; b++) r -= gZx2[c][a][b - 1] * beta[b];
                    res[a] = r;
                }
                double[] sg = Dense.multiply(Dense.transpose(pi), res);
                for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) meat[a][b] += sg[a] * sg[b];
            }
            double[][] v = Dense.sandwich(am, meat);
            return (beta[0] - b0) / Math.sqrt(v[0][0]);
        }
    }

    /** Symmetric WRE p-value of {@code H0: b = b0} (b: the coefficient of y2). */
    public static double pValue(double b0, double[] y1, double[] y2, double[][] x2, double[][] z, int[] cluster, int g,
                                UnaryOperator<double[]> residualMaker, WildClusterBootstrap.Spec spec) {
        Setup s = new Setup(b0, y1, y2, x2, z, cluster, g, residualMaker);
        double[] ones = new double[g];
        java.util.Arrays.fill(ones, 1);
        double t = Math.abs(s.t(ones)) * (1 + WildClusterBootstrap.TIE);
        boolean enumerate = enumerate(spec, g);
        int reps = enumerate ? (int) (1L << g) : spec.replications();
        double[] w = new double[g];
        int exceed = 0;
        for (int b = 0; b < reps; b++) {
            weights(spec, enumerate, b, w);
            double ts = Math.abs(s.t(w));
            if (ts > t) exceed++;
        }
        return (double) exceed / reps;
    }

    private static boolean enumerate(WildClusterBootstrap.Spec spec, int g) {
        return spec.weights() == WildClusterBootstrap.Weights.RADEMACHER && g < 31 && (1L << g) <= spec.replications();
    }

    private static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    private static void weights(WildClusterBootstrap.Spec spec, boolean enumerate, int b, double[] w) {
        int g = w.length;
        if (enumerate) {
            for (int r = 0; r < g; r++) w[r] = ((b >>> r) & 1) == 0 ? 1 : -1;
            return;
        }
        UniformRandomProvider rng = Seeds.generator(spec.seed(), b);
        for (int r = 0; r < g; r++) {
            w[r] = spec.weights() == WildClusterBootstrap.Weights.RADEMACHER ? (rng.nextBoolean() ? 1 : -1) : WEBB[rng.nextInt(6)];
        }
    }

    /**
     * The WRE test of {@code H0: b = 0} and the confidence set by inversion (bisection from the 2SLS
     * estimate outwards, in steps of its standard error {@code se}).
     */
    public static WildClusterBootstrap.Result test(String term, double estimate, double se, double[] y1, double[] y2, double[][] x2,
                                                   double[][] z, int[] cluster, int g, UnaryOperator<double[]> residualMaker,
                                                   WildClusterBootstrap.Spec spec) {
        if (g < 2) throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, "the wild bootstrap needs at least 2 clusters");
        double alpha = 1 - spec.level();
        java.util.function.DoubleUnaryOperator p = b0 -> pValue(b0, y1, y2, x2, z, cluster, g, residualMaker, spec);
        double lo = bound(p, estimate, se, -1, alpha);
        double hi = bound(p, estimate, se, 1, alpha);
        int reps = enumerate(spec, g) ? (int) (1L << g) : spec.replications();
        return new WildClusterBootstrap.Result(term, estimate, estimate / se, p.applyAsDouble(0), lo, hi, spec.level(), reps,
                enumerate(spec, g), spec.weights().label(), g, spec.seed());
    }

    private static double bound(java.util.function.DoubleUnaryOperator p, double est, double se, int dir, double alpha) {
        double inside = est;
        double outside = Double.NaN;
        double step = 2 * se;
        for (int k = 0; k < 12; k++) {
            double c = est + dir * step;
            if (p.applyAsDouble(c) <= alpha) {
                outside = c;
                break;
            }
            inside = c;
            step *= 2;
        }
        if (Double.isNaN(outside)) return dir < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int it = 0; it < 40 && Math.abs(outside - inside) > 1e-6 * se; it++) {
            double mid = 0.5 * (inside + outside);
            if (p.applyAsDouble(mid) <= alpha) outside = mid;
            else inside = mid;
        }
        return 0.5 * (inside + outside);
    }
}
