package eres.plugins.dynthreshold;

import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.random.Seeds;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Seo &amp; Shin (2016) first-difference GMM estimation of the dynamic panel threshold model, as implemented
 * in Stata's xthenreg (Seo, Kim &amp; Kim 2019). With {@code g1 = mean_i Z_i' D.y_i} and
 * {@code g2(g) = mean_i Z_i' [D.X_i, X1_i(g)]}, for a threshold g the GMM estimate of
 * {@code theta = (b, d)} and the criterion are
 *
 * <pre>
 *   theta(g) = (g2' W g2)^-1 g2' W g1,     J(g) = (g1 - g2 theta)' W (g1 - g2 theta)
 * </pre>
 *
 * Step 1 uses {@code W1 = [mean_i Z_i' H Z_i]^-1} (H: 2 on the diagonal, -1 next to it), step 2
 * {@code W2 = [mean_i u_i u_i' - ubar ubar']^-1} with {@code u_i = Z_i' e_i} from step 1; each step minimises
 * J over the grid. The covariance is {@code (G' Omega^-1 G)^-1 / N} with {@code G = [-g2, dJ/dg]}, the
 * threshold column estimated with a Gaussian kernel and bandwidth {@code h = h0 * 1.06 * N^-1/5 * sd(q)}.
 */
final class SeoShin {
    final FdMoments d;
    final int l;
    final int p;
    final double[] g1;
    final double[][] g2Slopes;
    final double[][] w1;

    SeoShin(FdMoments d) {
        this.d = d;
        this.l = d.moments();
        this.p = 2 * d.k1 + 1;
        int n = d.n;
        g1 = new double[l];
        g2Slopes = new double[l][d.k1];
        for (int r = 0; r < l; r++) {
            int e = d.rowPeriod[r];
            double[] zr = d.z[r];
            double s = 0;
            for (int i = 0; i < n; i++) s += zr[i] * d.dy[e][i];
            g1[r] = s / n;
            for (int j = 0; j < d.k1; j++) {
                double t = 0;
                for (int i = 0; i < n; i++) t += zr[i] * d.dx[e][j][i];
                g2Slopes[r][j] = t / n;
            }
        }
        // W1: blocks 2 Z_t Z_t' on the diagonal, -Z_t Z_t-1' next to it (Var of D.e under iid errors)
        double[][] a = new double[l][l];
        for (int r = 0; r < l; r++) {
            for (int c = 0; c <= r; c++) {
                int gap = Math.abs(d.rowPeriod[r] - d.rowPeriod[c]);
                if (gap > 1) continue;
                double s = 0;
                for (int i = 0; i < n; i++) s += d.z[r][i] * d.z[c][i];
                double v = (gap == 0 ? 2 : -1) * s / n;
                a[r][c] = v;
                a[c][r] = v;
            }
        }
        w1 = Matrices.weightInverse(a);
    }

    /** {@code g2(g)}: the slope columns, then the regime-difference columns (constant, x). */
    double[][] g2(double gamma) {
        int n = d.n;
        int k1 = d.k1;
        double[][] g = new double[l][p];
        for (int r = 0; r < l; r++) {
            System.arraycopy(g2Slopes[r], 0, g[r], 0, k1);
            int e = d.rowPeriod[r];
            int t = d.first + e;
            double[] zr = d.z[r];
            double c = 0;
            double[] s = new double[k1];
            for (int i = 0; i < n; i++) {
                boolean now = d.q[i][t] > gamma;
                boolean before = d.q[i][t - 1] > gamma;
                if (!now && !before) continue;
                double zi = zr[i];
                c += zi * ((now ? 1 : 0) - (before ? 1 : 0));
                for (int j = 0; j < k1; j++) s[j] += zi * ((now ? d.xNow[e][j][i] : 0) - (before ? d.xLag[e][j][i] : 0));
            }
            g[r][k1] = c / n;
            for (int j = 0; j < k1; j++) g[r][k1 + 1 + j] = s[j] / n;
        }
        return g;
    }

    /** The GMM estimate for a given threshold and weighting matrix, its criterion and the projection. */
    record Fit(double gamma, double[] theta, double j, double[][] projection) {
    }

    Fit fit(double gamma, double[][] w, double[] moments) {
        double[][] g = g2(gamma);
        double[][] wg = Matrices.times(w, g);
        double[][] gwg = Matrices.crossTimes(g, wg);
        double[][] inv = Matrices.inverseOrNull(gwg);
        if (inv == null) return null;
        double[][] proj = Matrices.times(inv, transpose(wg)); // (g'Wg)^-1 g'W : p x L
        double[] theta = Matrices.times(proj, moments);
        double[] r = moments.clone();
        double[] gt = Matrices.times(g, theta);
        for (int a = 0; a < l; a++) r[a] -= gt[a];
        double j = Matrices.dot(r, Matrices.times(w, r));
        return new Fit(gamma, theta, j, proj);
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    /** Grid search: the first grid point with the smallest criterion (xthenreg's minindex), and every J. */
    record Search(Fit best, double[] criterion) {
    }

    Search search(double[] grid, double[][] w, String where) {
        Fit best = null;
        double[] crit = new double[grid.length];
        for (int a = 0; a < grid.length; a++) {
            Fit f = fit(grid[a], w, g1);
            crit[a] = f == null ? Double.POSITIVE_INFINITY : f.j;
            if (f != null && (best == null || f.j < best.j)) best = f;
        }
        if (best == null) {
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, where + "the regime design is singular at every"
                    + " grid point: the threshold variable does not split the sample (check trim and the threshold variable)");
        }
        return new Search(best, crit);
    }

    /** Residuals {@code D.e_it} (equation period x entity) at (theta, gamma). */
    double[][] residuals(double[] theta, double gamma) {
        int eqs = d.equations();
        int k1 = d.k1;
        double[][] e = new double[eqs][d.n];
        for (int q = 0; q < eqs; q++) {
            int t = d.first + q;
            for (int i = 0; i < d.n; i++) {
                double v = d.dy[q][i];
                for (int j = 0; j < k1; j++) v -= theta[j] * d.dx[q][j][i];
                boolean now = d.q[i][t] > gamma;
                boolean before = d.q[i][t - 1] > gamma;
                v -= theta[k1] * ((now ? 1 : 0) - (before ? 1 : 0));
                for (int j = 0; j < k1; j++) v -= theta[k1 + 1 + j] * ((now ? d.xNow[q][j][i] : 0) - (before ? d.xLag[q][j][i] : 0));
                e[q][i] = v;
            }
        }
        return e;
    }

    /** {@code [mean_i u_i u_i' - ubar ubar']^-1}, {@code u_i = Z_i' e_i} (the centred optimal weighting matrix). */
    double[][] optimalWeight(double[][] e) {
        int n = d.n;
        double[][] s = new double[l][l];
        double[] mean = new double[l];
        double[] u = new double[l];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < l; r++) u[r] = d.z[r][i] * e[d.rowPeriod[r]][i];
            for (int r = 0; r < l; r++) {
                mean[r] += u[r];
                double ur = u[r];
                if (ur == 0) continue;
                for (int c = 0; c <= r; c++) s[r][c] += ur * u[c];
            }
        }
        for (int r = 0; r < l; r++) {
            mean[r] /= n;
            for (int c = 0; c <= r; c++) {
                double v = s[r][c] / n;
                s[r][c] = v;
                s[c][r] = v;
            }
        }
        for (int r = 0; r < l; r++) for (int c = 0; c < l; c++) s[r][c] -= mean[r] * mean[c];
        return Matrices.weightInverse(s);
    }

    /**
     * Covariance of (b, d, gamma): {@code (G' Omega^-1 G)^-1 / N}. The threshold column is the kernel estimate
     * of the derivative of the moments, {@code (1/(N h)) sum_i sum_t z_it [(1, x_it') phi((g - q_it)/h)
     * - (1, x_i,t-1') phi((g - q_i,t-1)/h)] d}; xthenreg uses the opposite sign, which changes only the sign
     * of the covariances of gamma with the other parameters.
     */
    double[][] covariance(Fit f, double[][] omegaInverse, double bandwidth) {
        double[][] g = g2(f.gamma);
        int k1 = d.k1;
        double[][] big = new double[l][p + 1];
        for (int r = 0; r < l; r++) {
            for (int c = 0; c < p; c++) big[r][c] = -g[r][c];
            int e = d.rowPeriod[r];
            int t = d.first + e;
            double s = 0;
            for (int i = 0; i < d.n; i++) {
                double kNow = phi((f.gamma - d.q[i][t]) / bandwidth);
                double kBefore = phi((f.gamma - d.q[i][t - 1]) / bandwidth);
                double vNow = f.theta[k1];
                double vBefore = f.theta[k1];
                for (int j = 0; j < k1; j++) {
                    vNow += d.xNow[e][j][i] * f.theta[k1 + 1 + j];
                    vBefore += d.xLag[e][j][i] * f.theta[k1 + 1 + j];
                }
                s += d.z[r][i] * (vNow * kNow - vBefore * kBefore);
            }
            big[r][p] = s / (d.n * bandwidth);
        }
        double[][] info = Matrices.crossTimes(big, Matrices.times(omegaInverse, big));
        double[][] inv = Matrices.inverseOrNull(info);
        if (inv == null) {
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "the covariance matrix of the estimates is"
                    + " singular (G' Omega^-1 G): the threshold is not identified at the estimate");
        }
        for (double[] row : inv) for (int c = 0; c < row.length; c++) row[c] /= d.n;
        return inv;
    }

    static double phi(double u) {
        return Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
    }

    /** The sup-Wald statistic of linearity (d = 0) and, per grid point, what the fast bootstrap reuses. */
    record SupWald(double statistic, double[] wald, double[][][] deltaPrecision, double[][][] deltaProjection) {
    }

    /**
     * For each grid point g: two-step GMM at fixed g (W1, then W2(g) from its residuals), the covariance of
     * d from {@code (G_bd' Omega(g)^-1 G_bd)^-1 / N} and {@code W(g) = d' Var(d)^-1 d}; the statistic is the
     * maximum. {@code w2} (the estimate's second-step weighting matrix) defines the bootstrap projections.
     */
    SupWald supWald(double[] grid, double[][] w2, Parallelism parallelism) {
        int k1 = d.k1;
        int m = k1 + 1;
        List<Object[]> per = parallelism.map(grid.length, a -> {
            double gamma = grid[a];
            Fit one = fit(gamma, w1, g1);
            if (one == null) return null;
            double[][] wg = optimalWeight(residuals(one.theta, gamma));
            Fit two = fit(gamma, wg, g1);
            if (two == null) return null;
            double[][] omega = optimalWeight(residuals(two.theta, gamma));
            double[][] g = g2(gamma);
            double[][] gneg = new double[l][p];
            for (int r = 0; r < l; r++) for (int c = 0; c < p; c++) gneg[r][c] = -g[r][c];
            double[][] vs = Matrices.inverseOrNull(Matrices.crossTimes(gneg, Matrices.times(omega, gneg)));
            if (vs == null) return null;
            double[][] covDelta = new double[m][m];
            for (int r = 0; r < m; r++) for (int c = 0; c < m; c++) covDelta[r][c] = vs[k1 + r][k1 + c];
            double[][] prec = Matrices.inverseOrNull(covDelta);
            if (prec == null) return null;
            double[] delta = Arrays.copyOfRange(two.theta, k1, p);
            double wald = d.n * Matrices.dot(delta, Matrices.times(prec, delta));
            Fit boot = fit(gamma, w2, g1);
            double[][] proj = boot == null ? null : Arrays.copyOfRange(boot.projection, k1, p);
            return new Object[] {wald, prec, proj};
        });
        double[] wald = new double[grid.length];
        double[][][] prec = new double[grid.length][][];
        double[][][] proj = new double[grid.length][][];
        double sup = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < grid.length; a++) {
            Object[] o = per.get(a);
            if (o == null || o[2] == null) {
                wald[a] = Double.NaN;
                continue;
            }
            wald[a] = (Double) o[0];
            prec[a] = (double[][]) o[1];
            proj[a] = (double[][]) o[2];
            sup = Math.max(sup, wald[a]);
        }
        return new SupWald(sup, wald, prec, proj);
    }

    /**
     * Seo &amp; Shin's fast bootstrap of the sup-Wald statistic (xthenreg): replication b draws
     * {@code eta_i ~ N(0, 1)} from its own generator {@code Seeds.generator(seed, b)}, forms
     * {@code g1* = mean_i eta_i Z_i' e_i} from the estimate's residuals, and takes
     * {@code sup_g N d*(g)' Var(d(g))^-1 d*(g)} with {@code d*(g)} the d-rows of
     * {@code (g2' W2 g2)^-1 g2' W2 g1*}. Results are collected by index: identical for any thread count.
     */
    double[] bootstrap(SupWald sw, double[][] residuals, int replications, long seed, Parallelism parallelism) {
        int n = d.n;
        double[][] u = new double[n][l];
        for (int i = 0; i < n; i++) for (int r = 0; r < l; r++) u[i][r] = d.z[r][i] * residuals[d.rowPeriod[r]][i];
        List<Double> out = parallelism.map(replications, b -> {
            UniformRandomProvider rng = Seeds.generator(seed, b);
            double[] gstar = new double[l];
            for (int i = 0; i < n; i++) {
                double eta = normal(rng);
                for (int r = 0; r < l; r++) gstar[r] += eta * u[i][r];
            }
            for (int r = 0; r < l; r++) gstar[r] /= n;
            double sup = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < sw.wald.length; a++) {
                if (sw.deltaProjection[a] == null) continue;
                double[] delta = Matrices.times(sw.deltaProjection[a], gstar);
                sup = Math.max(sup, n * Matrices.dot(delta, Matrices.times(sw.deltaPrecision[a], delta)));
            }
            return sup;
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A standard normal draw by the Box-Muller transform (two uniforms per draw, for a fixed stream layout). */
    static double normal(UniformRandomProvider rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
