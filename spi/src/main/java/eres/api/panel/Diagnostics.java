package eres.api.panel;

import eres.api.linalg.Compensated;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.stats.Distributions;
import eres.api.EstimationException;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.List;

/** Regression diagnostics with Stata's conventions ({@code estat hettest}, {@code estat vif}). */
public final class Diagnostics {
    private Diagnostics() {
    }

    /**
     * Breusch–Pagan / Cook–Weisberg test of {@code H0: constant variance}, Stata {@code estat hettest}.
     *
     * <p>Original (normal errors, the default): regress {@code g = e^2 / (SSR/n)} on a constant and
     * the auxiliary variables; statistic {@code ESS / 2}. Studentized (Koenker 1981, {@code iid}):
     * {@code n R^2} of {@code e^2} on the same variables. Both chi2 with df = number of auxiliary variables.
     *
     * @param aux auxiliary variables {@code [j][i]} (e.g. the fitted values)
     */
    public static TestStatistic breuschPagan(String name, double[] e, double[][] aux, boolean studentized) {
        int n = e.length;
        int m = aux.length;
        double ssr = Compensated.dot(e, e);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = studentized ? e[i] * e[i] : e[i] * e[i] / (ssr / n);
        double[][] d = new double[m + 1][];
        d[0] = new double[n];
        java.util.Arrays.fill(d[0], 1.0);
        for (int j = 0; j < m; j++) d[j + 1] = aux[j];
        LeastSquaresFit f = LeastSquares.fitColumns(d, g, List.of("constant", "fitted values"));
        double mean = Compensated.sum(g) / n;
        Compensated tss = new Compensated(0);
        for (double v : g) tss.addProduct(v - mean, v - mean);
        double ess = tss.value() - f.ssr();
        double stat = studentized ? n * ess / tss.value() : ess / 2;
        return TestStatistic.chi2(name, stat, m, Distributions.chi2Upper(stat, m),
                "constant variance" + (studentized ? " (Koenker studentized)" : " (normal errors)"));
    }

    /** Variance inflation factors. */
    public record Vif(String term, double vif, double tolerance) {
    }

    /**
     * {@code VIF_j = 1 / (1 - R_j^2)}, R_j^2 from OLS of x_j on the other columns and a constant
     * (Stata {@code estat vif} after {@code regress}). Perfect collinearity gives +Inf.
     *
     * @param x regressors {@code [j][i]}
     */
    public static List<Vif> vif(double[][] x, List<String> names) {
        int k = x.length;
        if (k > 1) {
            // one QR of the centred regressors: VIF_j = ||x_j - mean||^2 [(Xc'Xc)^{-1}]_jj, the same 1/(1 - R_j^2)
            double[][] xc = new double[k][];
            double[] tss = new double[k];
            for (int j = 0; j < k; j++) {
                int n = x[j].length;
                double mean = Compensated.sum(x[j]) / n;
                xc[j] = new double[n];
                for (int i = 0; i < n; i++) xc[j][i] = x[j][i] - mean;
                tss[j] = Compensated.dot(xc[j], xc[j]);
            }
            try {
                LeastSquaresFit f = LeastSquares.fitColumns(xc, xc[0], null);
                List<Vif> out = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    double vif = Math.max(1.0, tss[j] * f.xtxInverse(j, j));
                    out.add(new Vif(names.get(j), vif, 1 / vif));
                }
                return out;
            } catch (EstimationException collinear) {
                // fall through: one regression per regressor names the collinear ones with +Inf
            }
        }
        List<Vif> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (k == 1) {
                out.add(new Vif(names.get(j), 1.0, 1.0));
                continue;
            }
            int n = x[j].length;
            double[][] d = new double[n][k];
            for (int i = 0; i < n; i++) {
                d[i][0] = 1;
                int c = 1;
                for (int l = 0; l < k; l++) if (l != j) d[i][c++] = x[l][i];
            }
            double vif;
            try {
                LeastSquaresFit f = LeastSquares.fit(d, x[j], null);
                double mean = Compensated.sum(x[j]) / n;
                Compensated tss = new Compensated(0);
                for (double v : x[j]) tss.addProduct(v - mean, v - mean);
                double r2 = 1 - f.ssr() / tss.value();
                vif = 1 / (1 - r2);
            } catch (EstimationException ex) {
                vif = Double.POSITIVE_INFINITY;
            }
            out.add(new Vif(names.get(j), vif, 1 / vif));
        }
        return out;
    }
}
