package eres.plugins.sdm;

import eres.api.inference.ModelSummary;
import eres.api.panel.Effects;
import eres.api.result.TestStatistic;
import eres.api.result.Warning;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.WeightsSummary;
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
     * The shared model summary (issue 16 item 5): dfModel = the estimated coefficients and the spatial parameter
     * (sigma^2 not counted), absorbed = the fixed effects, dfResid = NT - absorbed - dfModel, sigma = sqrt(ssr / dfResid)
     * (the ML sigma^2 is {@code statistics.sigma2}), r2 = Elhorst's R^2, covariance = information or hessian (SLX:
     * conventional), dof = ml (normal tests; SLX with lee-yu: xtreg, its s^2 = SSR/(NT - K - absorbed)).
     */
    ModelSummary summary() {
        int absorbed = Models.absorbed(new int[] {units, periods}, effects);
        int dfModel = fit.parameters() - 1;
        long nobs = (long) units * periods;
        long dfResid = nobs - absorbed - dfModel;
        boolean slx = fit.model().equals("slx");
        String covariance = slx ? "conventional" : fit.variance();
        String dof = slx && fit.bias() == SpatialParameters.BiasCorrection.LEE_YU ? "xtreg" : "ml";
        return new ModelSummary(nobs, units, periods, dfModel, dfResid, absorbed, fit.ssr(), Math.sqrt(fit.ssr() / dfResid), fit.r2(),
                null, null, null, null, effects.label(), covariance, dof, null, null, null);
    }

    /** The covariance of every reported parameter (slopes, rho or lambda, sigma^2 last). */
    ModelSummary.Covariance covariance() {
        return new ModelSummary.Covariance(fit.model().equals("slx") ? "conventional" : fit.variance(), fit.terms(), fit.vcov());
    }
}
