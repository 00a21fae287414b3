package eres.plugins.sdm;

import eres.api.linalg.Dense;
import eres.api.random.Seeds;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.SpatialFilter;
import eres.api.spatial.Weights;
import eres.api.stats.Distributions;
import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.data.SpatialWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Direct, indirect and total effects (LeSage &amp; Pace 2009, sec. 2.7 and 5.6). For regressor k with
 * slope {@code beta_k} and Durbin slope {@code theta_k} (0 when x_k has no spatial lag):
 * {@code S_k = (I - rho W)^-1 (beta_k I + theta_k W)}, direct = {@code tr(S_k)/N}
 * = {@code (beta_k tr G + theta_k tr(W G)) / N}, total = {@code 1'S_k 1 / N}
 * (= {@code (beta_k + theta_k)/(1 - rho)} for a row-standardised W), indirect = total - direct.
 * Traces come from {@link LogDeterminant} (exact eigenvalues or the Monte Carlo moments).
 *
 * <p>Inference by simulation as Elhorst's and LeSage's Matlab code: draw the parameter vector from
 * {@code N(theta_hat, V)} (Cholesky of V), redrawing when rho falls outside its admissible interval,
 * compute the effects per draw, report their mean, standard deviation, z = mean/sd and the normal
 * p-value. Draw {@code b} uses its own generator {@code Seeds.generator(seed, b)}, so results do not
 * depend on the thread count.
 */
final class Impacts {
    /**
     * One regressor's effects (direct, indirect, total). {@code point} = at the estimates; {@code mean},
     * {@code sd}, {@code z}, {@code p} over the simulation draws (NaN without draws); {@code deltaSe} the
     * delta-method standard errors of the point effects.
     */
    record Row(String variable, double[] point, double[] mean, double[] sd, double[] z, double[] p, double[] deltaSe) {
        double deltaZ(int q) {
            return point[q] / deltaSe[q];
        }

        double deltaP(int q) {
            double zq = deltaZ(q);
            return Double.isNaN(zq) ? Double.NaN : Distributions.normalTwoSided(zq);
        }
    }

    /** All effects of a model; {@code method}: simulation, point (no draws) or analytic (SLX). */
    record Result(List<Row> rows, int draws, int redraws, long seed, String method) {
    }

    static final String[] KINDS = {"direct", "indirect", "total"};

    private Impacts() {
    }

    /** Multipliers m0 = 1'G1/N and m1 = 1'G W1/N at rho (closed form for a row-standardised W). */
    private static double[] totals(SpatialWeights w, boolean rowStd, double rho) {
        if (rowStd) {
            double m = 1 / (1 - rho);
            return new double[] {m, m};
        }
        int n = w.size();
        double[] one = new double[n];
        Arrays.fill(one, 1.0);
        double[] a = SpatialFilter.solve(w, rho, one);
        double[] c = SpatialFilter.solve(w, rho, w.multiply(one));
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < n; i++) {
            s0 += a[i];
            s1 += c[i];
        }
        return new double[] {s0 / n, s1 / n};
    }

    /** Effects of every x at theta (beta..., rho, sigma2) as [3 * k]. */
    static double[] effects(SpatialFit fit, List<String> xNames, LogDeterminant ld, SpatialWeights w, boolean rowStd, double[] theta) {
        int n = w.size();
        double rho = theta[fit.spatialIndex()];
        double tg = ld.traceG(rho) / n;
        double twg = ld.traceWG(rho) / n;
        double[] m = totals(w, rowStd, rho);
        double[] out = new double[3 * xNames.size()];
        for (int j = 0; j < xNames.size(); j++) {
            double b = theta[fit.index(xNames.get(j))];
            int ti = fit.index("W*" + xNames.get(j));
            double t = ti >= 0 ? theta[ti] : 0;
            double direct = b * tg + t * twg;
            double total = b * m[0] + t * m[1];
            out[3 * j] = direct;
            out[3 * j + 1] = total - direct;
            out[3 * j + 2] = total;
        }
        return out;
    }

    /**
     * Delta-method standard errors of the point effects: {@code sqrt(g'Vg)} with the analytic gradient over
     * {@code (beta_k, theta_k, rho)}: direct {@code (tr G, tr WG, (beta_k tr(WGG) + theta_k tr(WGWG)))/N}; total
     * {@code (m0, m1, beta_k dm0 + theta_k dm1)} with {@code m0 = 1'G1/N}, {@code m1 = 1'GW1/N},
     * {@code dm0 = 1'GWG1/N}, {@code dm1 = 1'GWGW1/N} (for a row-standardised W {@code m0 = m1 = 1/(1 - rho)},
     * {@code dm = 1/(1 - rho)^2}); indirect = total - direct. Checked against a numerical gradient in make.R.
     */
    static double[] deltaStandardErrors(SpatialFit fit, List<String> xNames, LogDeterminant ld, SpatialWeights w, boolean rowStd) {
        int n = w.size();
        int si = fit.spatialIndex();
        double[] theta = fit.estimates();
        double rho = theta[si];
        double tg = ld.traceG(rho) / n;
        double twg = ld.traceWG(rho) / n;
        double dtg = ld.traceWGG(rho) / n;
        double dtwg = ld.traceWGWG(rho) / n;
        double[] m = totals(w, rowStd, rho);
        double[] dm = totalDerivatives(w, rowStd, rho);
        double[][] v = fit.vcov();
        double[] out = new double[3 * xNames.size()];
        for (int j = 0; j < xNames.size(); j++) {
            int bi = fit.index(xNames.get(j));
            int ti = fit.index("W*" + xNames.get(j));
            double b = theta[bi];
            double t = ti >= 0 ? theta[ti] : 0;
            double[] gd = new double[theta.length];
            double[] gt = new double[theta.length];
            gd[bi] = tg;
            gt[bi] = m[0];
            if (ti >= 0) {
                gd[ti] = twg;
                gt[ti] = m[1];
            }
            gd[si] = b * dtg + t * dtwg;
            gt[si] = b * dm[0] + t * dm[1];
            double[] gi = new double[theta.length];
            for (int a = 0; a < gi.length; a++) gi[a] = gt[a] - gd[a];
            double[][] g = {gd, gi, gt};
            double[][] s = Dense.sandwich(g, v);
            for (int q = 0; q < 3; q++) out[3 * j + q] = Math.sqrt(s[q][q]);
        }
        return out;
    }

    /** d/drho of {@link #totals}: {@code 1'GWG1/N}, {@code 1'GWGW1/N}. */
    private static double[] totalDerivatives(SpatialWeights w, boolean rowStd, double rho) {
        if (rowStd) {
            double m = 1 / ((1 - rho) * (1 - rho));
            return new double[] {m, m};
        }
        int n = w.size();
        double[] one = new double[n];
        Arrays.fill(one, 1.0);
        double[] a = SpatialFilter.solve(w, rho, one);
        double[] c = SpatialFilter.solve(w, rho, w.multiply(one));
        double[] da = SpatialFilter.solve(w, rho, w.multiply(a));
        double[] dc = SpatialFilter.solve(w, rho, w.multiply(c));
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < n; i++) {
            s0 += da[i];
            s1 += dc[i];
        }
        return new double[] {s0 / n, s1 / n};
    }

    static Result simulate(SpatialFit fit, List<String> xNames, LogDeterminant ld, SpatialWeights w, int draws, long seed,
                           Parallelism parallelism, ProgressReporter progress) {
        boolean rowStd = Weights.rowsSumToOne(w);
        double[] theta = fit.estimates();
        double[] point = effects(fit, xNames, ld, w, rowStd, theta);
        double[] delta = deltaStandardErrors(fit, xNames, ld, w, rowStd);
        int k = xNames.size();
        if (draws == 0) return result(xNames, point, delta, null, 0, 0, seed);
        double[][] l = Dense.choleskyLower(fit.vcov(), "the covariance matrix of the estimates");
        int p = theta.length;
        int si = fit.spatialIndex();
        double lo = fit.lower();
        double hi = fit.upper();
        double[][] sims;
        try (ProgressReporter.Task task = progress.start("effects (" + draws + " draws)", draws)) {
            sims = parallelism.mapToArrays(draws, b -> {
                UniformRandomProvider g = Seeds.generator(seed, b);
                double[] z = new double[p];
                double[] th = new double[p];
                int tries = 0;
                do {
                    if (++tries > 1000) {
                        throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS,
                                "effects simulation: 1000 draws in a row put rho outside (" + lo + ", " + hi + ")");
                    }
                    for (int i = 0; i < p; i++) z[i] = normal(g);
                    for (int i = 0; i < p; i++) {
                        double s = theta[i];
                        for (int j = 0; j <= i; j++) s += l[i][j] * z[j];
                        th[i] = s;
                    }
                } while (!(th[si] > lo && th[si] < hi));
                double[] e = effects(fit, xNames, ld, w, rowStd, th);
                double[] out = Arrays.copyOf(e, 3 * k + 1);
                out[3 * k] = tries - 1;
                task.advance(1);
                return out;
            });
        }
        int redraws = 0;
        for (double[] s : sims) redraws += (int) s[3 * k];
        return result(xNames, point, delta, sims, draws, redraws, seed);
    }

    private static Result result(List<String> xNames, double[] point, double[] delta, double[][] sims, int draws, int redraws, long seed) {
        int k = xNames.size();
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double[] pt = new double[3];
            double[] mean = new double[3];
            double[] sd = new double[3];
            double[] z = new double[3];
            double[] pv = new double[3];
            double[] ds = new double[3];
            for (int q = 0; q < 3; q++) {
                pt[q] = point[3 * j + q];
                ds[q] = delta[3 * j + q];
                if (sims == null) {
                    mean[q] = pt[q];
                    sd[q] = z[q] = pv[q] = Double.NaN;
                    continue;
                }
                double m = 0;
                for (double[] s : sims) m += s[3 * j + q];
                m /= sims.length;
                double ss = 0;
                for (double[] s : sims) ss += (s[3 * j + q] - m) * (s[3 * j + q] - m);
                mean[q] = m;
                sd[q] = Math.sqrt(ss / (sims.length - 1));
                z[q] = m / sd[q];
                pv[q] = Distributions.normalTwoSided(z[q]);
            }
            rows.add(new Row(xNames.get(j), pt, mean, sd, z, pv, ds));
        }
        return new Result(rows, draws, redraws, seed, sims == null ? "point" : "simulation");
    }

    /**
     * SLX effects: direct = beta_k, indirect = theta_k * (1'W1/N) (= theta_k for a row-standardised W),
     * total = their sum; exact standard errors of these linear combinations.
     */
    static Result slx(SpatialFit fit, List<String> xNames, SpatialWeights w) {
        double s = w.nonZeros() == 0 ? 0 : Arrays.stream(w.multiply(ones(w.size()))).sum() / w.size();
        List<Row> rows = new ArrayList<>();
        double[][] v = fit.vcov();
        for (String x : xNames) {
            int bi = fit.index(x);
            int ti = fit.index("W*" + x);
            double b = fit.estimates()[bi];
            double t = ti >= 0 ? fit.estimates()[ti] : 0;
            double vb = v[bi][bi];
            double vt = ti >= 0 ? v[ti][ti] : 0;
            double cbt = ti >= 0 ? v[bi][ti] : 0;
            double[] est = {b, s * t, b + s * t};
            double[] sd = {Math.sqrt(vb), ti >= 0 ? s * Math.sqrt(vt) : Double.NaN, Math.sqrt(vb + s * s * vt + 2 * s * cbt)};
            double[] z = new double[3];
            double[] p = new double[3];
            for (int q = 0; q < 3; q++) {
                z[q] = est[q] / sd[q];
                p[q] = Double.isNaN(z[q]) ? Double.NaN : Distributions.normalTwoSided(z[q]);
            }
            rows.add(new Row(x, est.clone(), est, sd, z, p, sd.clone()));
        }
        return new Result(rows, 0, 0, 0, "analytic");
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1.0);
        return o;
    }

    /** A standard normal deviate by Marsaglia's polar method (one of the pair; deterministic per generator). */
    static double normal(UniformRandomProvider g) {
        double u;
        double v;
        double s;
        do {
            u = 2 * g.nextDouble() - 1;
            v = 2 * g.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
