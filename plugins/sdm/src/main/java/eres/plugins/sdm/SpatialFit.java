package eres.plugins.sdm;

import java.util.List;

/**
 * One fitted spatial panel model (estimation only; presentation is in {@link SpatialReport}).
 *
 * @param model        sdm, sar, sem or slx
 * @param terms        parameter names: the slopes (x, then W*x), then {@code rho} or {@code lambda} (not for
 *                     slx), then {@code sigma2}
 * @param estimates    reported estimates (Lee-Yu corrected when that correction applies)
 * @param vcov         their covariance matrix (inverse expected or observed information at the reported estimates)
 * @param ml           the maximum-likelihood estimates of the likelihood used (uncorrected)
 * @param logLik       the maximised log-likelihood (at {@code ml}; used in LR tests and AIC); the transformed
 *                     likelihood for the transformation approach
 * @param ssr          sum of squared residuals net of the fixed effects at the reported estimates
 * @param r2           Elhorst's R^2: 1 - e'e / sum (y - ybar)^2 with e the residuals net of all fixed effects
 * @param corr2        Elhorst's squared correlation of the demeaned y and its prediction (I - rho W)^-1 X b
 * @param spatialIndex index of rho / lambda in {@code terms}, or -1
 * @param onBound      the spatial parameter ended within 1e-6 of the admissible interval's end
 * @param lower        lower end of the admissible interval of the spatial parameter
 * @param upper        upper end
 * @param variance     how the covariance was computed: information, hessian or ols
 * @param bias         how the fixed effects' incidental-parameter bias was handled
 * @param scale        the likelihood's observation count and log-determinant weight
 * @param iterations   optimiser iterations
 */
record SpatialFit(String model, List<String> terms, double[] estimates, double[][] vcov, double[] ml, double logLik, double ssr,
                  double r2, double corr2, int spatialIndex, boolean onBound, double lower, double upper, String variance,
                  SpatialParameters.BiasCorrection bias, LikelihoodScale scale, int iterations) {

    int slopes() {
        return spatialIndex >= 0 ? spatialIndex : terms.size() - 1;
    }

    double sigma2() {
        return estimates[estimates.length - 1];
    }

    double se(int j) {
        return Math.sqrt(vcov[j][j]);
    }

    double rho() {
        return spatialIndex >= 0 ? estimates[spatialIndex] : 0;
    }

    int index(String term) {
        return terms.indexOf(term);
    }

    /** Number of estimated parameters (for AIC). */
    int parameters() {
        return estimates.length;
    }

    double aic() {
        return -2 * logLik + 2 * parameters();
    }
}
