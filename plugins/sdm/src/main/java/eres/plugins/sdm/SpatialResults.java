package eres.plugins.sdm;

import eres.api.panel.Effects;
import eres.api.result.TestStatistic;
import eres.api.result.Warning;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.WeightsSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed results of one spatial step (estimation only; {@link SpatialReport} formats them).
 *
 * @param fit               the step's model
 * @param units             N
 * @param periods           T
 * @param effects           the fixed effects
 * @param weights           diagnostics of W
 * @param impacts           direct/indirect/total effects (null for the SEM)
 * @param tests             specification tests (empty with {@code tests: false})
 * @param hausman           the Hausman test's pieces, or null
 * @param models            the SDM, SAR and SEM fitted for the tests (same likelihood)
 * @param logdet            the log-determinant object (null for an SLX step without tests)
 * @param informationTraces how the traces of the expected information were computed
 * @param warnings          non-fatal conditions
 */
record SpatialResults(SpatialFit fit, int units, int periods, Effects effects, WeightsSummary weights, Impacts.Result impacts,
                      List<TestStatistic> tests, SpecTests.Hausman hausman, List<ModelComparison> models, LogDeterminant logdet,
                      String informationTraces, List<Warning> warnings) {

    SpatialResults {
        tests = List.copyOf(tests);
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
    }

    /** One fitted model of the tests section (a row of the {@code models} section). */
    public record ModelComparison(String model, double logLik, int parameters, double aic, double rho, double sigma2) {
    }

    /**
     * The model summary of issue 16 item 5 (field names of that vocabulary; to be replaced by the shared
     * record of the inference layer once it is in the API).
     *
     * @param nobs        N T
     * @param entities    N
     * @param periods     T
     * @param df          residual degrees of freedom {@code NT - absorbed fixed effects - parameters except sigma2}
     * @param ssr         residual sum of squares net of the fixed effects, at the reported estimates
     * @param sigma       square root of the reported sigma^2
     * @param r2          Elhorst's R^2 (residuals net of the fixed effects over the total sum of squares of y)
     * @param corr2       Elhorst's squared correlation of y~ and the fitted (I - rho W)^-1 X b
     * @param logLik      maximised log-likelihood
     * @param aic         -2 logLik + 2 parameters
     * @param covarianceType information, hessian or ols
     * @param clusters    not used by these models (null)
     */
    public record ModelSummary(long nobs, int entities, int periods, int df, double ssr, double sigma, double r2, double corr2,
                               double logLik, double aic, String covarianceType, Integer clusters) {
    }

    /** The coefficient covariance matrix with its row/column names (all parameters, sigma2 last). */
    public record Covariance(List<String> terms, List<List<Double>> matrix, String type) {
        public Covariance {
            terms = List.copyOf(terms);
            matrix = List.copyOf(matrix);
        }
    }

    ModelSummary summary() {
        int absorbed = Models.absorbed(new int[] {units, periods}, effects);
        int params = fit.parameters() - 1;
        return new ModelSummary((long) units * periods, units, periods, units * periods - absorbed - params, fit.ssr(),
                Math.sqrt(fit.sigma2()), fit.r2(), fit.corr2(), fit.logLik(), fit.aic(), fit.variance(), null);
    }

    Covariance covariance() {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] r : fit.vcov()) {
            List<Double> row = new ArrayList<>();
            for (double v : r) row.add(v);
            rows.add(row);
        }
        return new Covariance(fit.terms(), rows, fit.variance());
    }
}
