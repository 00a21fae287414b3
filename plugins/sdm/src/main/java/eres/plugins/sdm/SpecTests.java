package eres.plugins.sdm;

import eres.api.linalg.Dense;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.panel.Effects;
import eres.api.stats.Distributions;
import eres.api.data.SpatialWeights;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.List;

/**
 * Specification tests of spatial panel models (docs/methods/sdm.md, section "Tests"):
 * <ul>
 *   <li>LM-lag, LM-error and their robust forms on the non-spatial fixed-effects model (Anselin et al.
 *       2008; Elhorst 2014, {@code LMsarsem_panel}), and the joint SARMA test (Anselin et al. 1996);</li>
 *   <li>LR and Wald tests of the SDM against the SAR (theta = 0) and the SEM (theta + rho beta = 0);</li>
 *   <li>Hausman test of fixed against random entity effects (non-spatial, as Stata's
 *       {@code hausman fe re}).</li>
 * </ul>
 */
final class SpecTests {
    private SpecTests() {
    }

    /** The four LM tests. */
    static List<TestStatistic> lm(SpatialPanel d) {
        double[][] x = d.design(false);
        LeastSquaresFit f = LeastSquares.fit(x, d.yd, d.designNames(false));
        double[] e = f.residuals();
        int nt = d.rows();
        double s2 = Dense.dot(e, e) / nt;
        SpatialWeights w = d.w;
        // Tw = tr(W'W + W W)
        double tw = 0;
        for (int i = 0; i < w.size(); i++) {
            for (int k = w.rowStart(i); k < w.rowEnd(i); k++) {
                double v = w.value(k);
                tw += v * v + v * w.get(w.column(k), i);
            }
        }
        double[] xb = Dense.multiply(x, f.beta());
        double[] wxb = d.lag(xb);
        // M WXb = WXb - X (X'X)^-1 X' WXb
        double[] g = Dense.multiply(f.xtxInverse(), Dense.crossRows(x, wxb));
        double[] proj = Dense.multiply(x, g);
        double q = 0;
        for (int r = 0; r < nt; r++) q += wxb[r] * (wxb[r] - proj[r]);
        double ttw = d.t * tw;
        double j = (q + ttw * s2) / s2;
        double[] we = d.lag(e);
        double[] wy = d.lag(d.yd);
        double ewe = Dense.dot(e, we) / s2;
        double ewy = Dense.dot(e, wy) / s2;
        double lmLag = ewy * ewy / j;
        double lmErr = ewe * ewe / ttw;
        double rLag = (ewy - ewe) * (ewy - ewe) / (j - ttw);
        double rErr = Math.pow(ewe - (ttw / j) * ewy, 2) / (ttw * (1 - ttw / j));
        // Anselin, Bera, Florax & Yoon (1996): joint test of rho = lambda = 0, = robust LM-lag + LM-err
        double sarma = rLag + lmErr;
        List<TestStatistic> out = new ArrayList<>();
        out.add(TestStatistic.chi2("lm-lag", lmLag, 1, Distributions.chi2Upper(lmLag, 1), "no spatially lagged dependent variable"));
        out.add(TestStatistic.chi2("robust-lm-lag", rLag, 1, Distributions.chi2Upper(rLag, 1),
                "no spatially lagged dependent variable, robust to a spatial error"));
        out.add(TestStatistic.chi2("lm-error", lmErr, 1, Distributions.chi2Upper(lmErr, 1), "no spatial error autocorrelation"));
        out.add(TestStatistic.chi2("robust-lm-error", rErr, 1, Distributions.chi2Upper(rErr, 1),
                "no spatial error autocorrelation, robust to a spatial lag"));
        out.add(TestStatistic.chi2("lm-sarma", sarma, 2, Distributions.chi2Upper(sarma, 2),
                "neither a spatially lagged dependent variable nor spatial error autocorrelation (Anselin et al. 1996)"));
        return out;
    }

    static TestStatistic lr(String name, double full, double restricted, int df, String hypothesis) {
        double lr = 2 * (full - restricted);
        return TestStatistic.chi2(name, lr, df, Distributions.chi2Upper(Math.max(lr, 0), df), hypothesis);
    }

    /** Wald test of theta = 0 in the SDM. */
    static TestStatistic waldSar(SpatialFit sdm, List<String> durbin) {
        int k = durbin.size();
        double[] r = new double[k];
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            int ia = sdm.index("W*" + durbin.get(a));
            r[a] = sdm.estimates()[ia];
            for (int b = 0; b < k; b++) v[a][b] = sdm.vcov()[ia][sdm.index("W*" + durbin.get(b))];
        }
        double wald = Dense.dot(r, Dense.multiply(Dense.inverseSymmetric(v, "the covariance of theta"), r));
        return TestStatistic.chi2("wald-sdm-vs-sar", wald, k, Distributions.chi2Upper(wald, k), "theta = 0 (SDM reduces to SAR)");
    }

    /** Wald test of theta + rho beta = 0 (common factor) in the SDM; Jacobian [rho I, I, beta]. */
    static TestStatistic waldSem(SpatialFit sdm, List<String> durbin) {
        int k = durbin.size();
        int p = sdm.estimates().length;
        double rho = sdm.rho();
        double[] r = new double[k];
        double[][] g = new double[k][p];
        for (int a = 0; a < k; a++) {
            int bi = sdm.index(durbin.get(a));
            int ti = sdm.index("W*" + durbin.get(a));
            double beta = sdm.estimates()[bi];
            r[a] = sdm.estimates()[ti] + rho * beta;
            g[a][bi] = rho;
            g[a][ti] = 1;
            g[a][sdm.spatialIndex()] = beta;
        }
        double[][] gv = Dense.sandwich(g, sdm.vcov());
        double wald = Dense.dot(r, Dense.multiply(Dense.inverseSymmetric(gv, "the covariance of theta + rho beta"), r));
        return TestStatistic.chi2("wald-sdm-vs-sem", wald, k, Distributions.chi2Upper(wald, k),
                "theta + rho beta = 0 (SDM reduces to SEM)");
    }

    /** Hausman result with the pieces a reader may want. */
    record Hausman(TestStatistic test, double[] fe, double[] re, double theta, double sigma2e, double sigma2u) {
    }

    /**
     * Hausman test of fixed against random entity effects on the non-spatial model (Stata
     * {@code xtreg fe} vs {@code xtreg re}, then {@code hausman}): FE = the within estimator (with year
     * dummies for two-way effects), V_FE = s^2 (X~'X~)^-1 with s^2 = SSR/(NT - N - K_w); RE = Swamy-Arora
     * GLS on the quasi-demeaned data {@code y - theta ybar_i} with a constant (and the year dummies),
     * {@code theta = 1 - sqrt(s2e / (s2e + T s2u))}, {@code s2u = SSR_between/(N - k - 1) - s2e/T}; V_RE =
     * s2e (X*'X*)^-1. H = d'(V_FE - V_RE)^-1 d over the k slopes, chi2(k).
     */
    static Hausman hausman(SpatialPanel d) {
        if (!d.effects.hasEntity()) return null;
        int n = d.n;
        int t = d.t;
        int nt = d.rows();
        int k = d.xNames.size();
        double[][] xw = d.design(false);
        LeastSquaresFit fe = LeastSquares.fit(xw, d.yd, d.designNames(false));
        boolean years = d.effects == Effects.TWOWAYS;
        int kw = k + (years ? t - 1 : 0);
        double s2e = fe.ssr() / (nt - n - kw);
        // between regression on entity means (year dummies' means are constant in a balanced panel)
        double[][] xb = new double[n][k + 1];
        double[] yb = new double[n];
        for (int i = 0; i < n; i++) {
            xb[i][0] = 1;
            for (int s = 0; s < t; s++) {
                yb[i] += d.y[s * n + i] / t;
                for (int j = 0; j < k; j++) xb[i][j + 1] += d.x[j][s * n + i] / t;
            }
        }
        List<String> bn = new ArrayList<>();
        bn.add("(constant)");
        bn.addAll(d.xNames);
        LeastSquaresFit between = LeastSquares.fit(xb, yb, bn);
        double s2u = Math.max(0, between.ssr() / (n - k - 1) - s2e / t);
        double theta = 1 - Math.sqrt(s2e / (s2e + t * s2u));
        int p = 1 + k + (years ? t - 1 : 0);
        double[][] xs = new double[nt][p];
        double[] ys = new double[nt];
        List<String> names = new ArrayList<>(bn);
        if (years) for (int s = 1; s < t; s++) names.add("year" + s);
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                int r = s * n + i;
                ys[r] = d.y[r] - theta * yb[i];
                xs[r][0] = 1 - theta;
                for (int j = 0; j < k; j++) xs[r][j + 1] = d.x[j][r] - theta * xb[i][j + 1];
                if (years) for (int q = 1; q < t; q++) xs[r][k + q] = (q == s ? 1 : 0) - theta / t;
            }
        }
        LeastSquaresFit re = LeastSquares.fit(xs, ys, names);
        double[] diff = new double[k];
        double[][] v = new double[k][k];
        double[][] vfe = fe.xtxInverse();
        double[][] vre = re.xtxInverse();
        for (int a = 0; a < k; a++) {
            diff[a] = fe.beta(a) - re.beta(a + 1);
            for (int b = 0; b < k; b++) v[a][b] = s2e * vfe[a][b] - s2e * vre[a + 1][b + 1];
        }
        double h;
        int df = k;
        String note = null;
        try {
            Dense.choleskyLower(v, "V_FE - V_RE");
            h = Dense.dot(diff, Dense.multiply(Dense.inverseSymmetric(v, "V_FE - V_RE"), diff));
        } catch (eres.api.EstimationException e) {
            int[] rank = new int[1];
            h = Dense.dot(diff, Dense.multiply(pinv(v, rank), diff));
            df = Math.max(1, rank[0]);
            note = "V_FE - V_RE is not positive definite; Moore-Penrose inverse used, df = its rank (as Stata's hausman warns)";
        }
        TestStatistic ts = TestStatistic.chi2("hausman", h, df, Distributions.chi2Upper(Math.max(h, 0), df),
                "random entity effects are consistent (RE vs FE" + (years ? ", year dummies in both" : "") + ")");
        if (note != null) ts = ts.withNote(note);
        double[] reb = new double[k];
        for (int a = 0; a < k; a++) reb[a] = re.beta(a + 1);
        return new Hausman(ts, java.util.Arrays.copyOf(fe.beta(), k), reb, theta, s2e, s2u);
    }

    /**
     * Moore-Penrose inverse of a small symmetric (possibly indefinite) matrix: eigenvalues with
     * {@code |lambda| <= 1e-12 max |lambda|} are dropped, the others inverted, negative ones included (as a
     * generalised inverse of an indefinite V_FE - V_RE); its rank in {@code rank[0]}.
     */
    static double[][] pinv(double[][] a, int[] rank) {
        Dense.Eigen e = Dense.eigenSymmetric(a);
        int k = a.length;
        double max = 0;
        for (double l : e.values()) max = Math.max(max, Math.abs(l));
        double[][] out = new double[k][k];
        for (int q = 0; q < k; q++) {
            double lam = e.values()[q];
            if (Math.abs(lam) <= 1e-12 * max) continue;
            rank[0]++;
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] += e.vectors()[i][q] * e.vectors()[j][q] / lam;
        }
        return out;
    }
}
