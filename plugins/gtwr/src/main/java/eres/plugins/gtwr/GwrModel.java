package eres.plugins.gtwr;

import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.result.Coefficient;
import eres.api.stats.Distributions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Estimation of a GWR/GTWR step, without presentation: model selection and the final local fit
 * ({@link GtwrEngine}), the global OLS fit for comparison, the local estimates on the original scale, the
 * ANOVA F test and the Monte Carlo non-stationarity tests. {@link GwrReport} turns the {@link GwrResults}
 * into the step's result.
 */
final class GwrModel {
    private GwrModel() {
    }

    /**
     * Everything estimated.
     *
     * @param engine    the engine's result (selection path, final fit, diagnostics)
     * @param ols       global OLS coefficients (conventional standard errors, t tests on n - p df)
     * @param olsCov    their covariance {@code s^2 (X'X)^-1}, {@code s^2 = RSS/(n - p)}
     * @param estimates local estimates on the original scale, [term][point]
     * @param anova     GWR ANOVA F: statistic, df1, df2, p-value
     */
    record GwrResults(GtwrEngine.Result engine, List<Coefficient> ols, double[][] olsCov, double olsRss, double olsAicc, double olsR2,
                      double[][] estimates, double[][] se, double[][] t, double[] anova, List<NonStationarityTest.MonteCarlo> monteCarlo,
                      long seed) {
    }

    static GwrResults fit(GwrOptions o, GwrData data, long seed, Parallelism parallelism, ProgressReporter progress) {
        GtwrEngine engine = new GtwrEngine(data.design(), data.locations(), o.settings(), parallelism, progress, data::pointName);
        GtwrEngine.Result r = engine.run();
        int n = data.n();
        int p = data.p();
        Design design = data.design();
        double[][] xRows = new double[n][p];
        for (int i = 0; i < n; i++) for (int k = 0; k < p; k++) xRows[i][k] = design.original(i, k);
        LeastSquaresFit ols = LeastSquares.fit(xRows, data.y(), data.terms());
        double olsSigma2 = ols.ssr() / (n - p);
        List<Coefficient> olsCoef = new ArrayList<>();
        double[][] olsCov = new double[p][p];
        double q975 = Distributions.tQuantile(0.975, n - p);
        for (int k = 0; k < p; k++) {
            double b = ols.beta(k);
            double se = Math.sqrt(olsSigma2 * ols.xtxInverse(k, k));
            double tv = b / se;
            olsCoef.add(new Coefficient(data.terms().get(k), b, se, tv, Distributions.tTwoSided(tv, n - p), b - q975 * se, b + q975 * se));
            for (int j = 0; j < p; j++) olsCov[k][j] = olsSigma2 * ols.xtxInverse(k, j);
        }
        double ybar = Arrays.stream(data.y()).average().orElse(0);
        double tss = 0;
        for (double v : data.y()) tss += (v - ybar) * (v - ybar);
        double[][] est = new double[p][n];
        double[][] se = new double[p][n];
        double[][] tv = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                est[k][i] = r.fit().beta[i * p + k] / design.scale[k];
                se[k][i] = r.se()[i * p + k] / design.scale[k];
                tv[k][i] = est[k][i] / se[k][i];
            }
        }
        double[] anova = NonStationarityTest.anova(ols.ssr(), r.diagnostics().rss(), n, p, r.diagnostics().edf());
        List<NonStationarityTest.MonteCarlo> mc = o.permutations() > 0
                ? NonStationarityTest.monteCarlo(r.model(), r.modelDesign(), r.bandwidth(), r.modelBeta(), o.permutations(), seed, parallelism, progress)
                : List.of();
        return new GwrResults(r, olsCoef, olsCov, ols.ssr(), GtwrEngine.aicc(n, ols.ssr(), p), 1 - ols.ssr() / tss, est, se, tv, anova, mc, seed);
    }
}
