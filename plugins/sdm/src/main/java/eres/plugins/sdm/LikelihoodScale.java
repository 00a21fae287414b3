package eres.plugins.sdm;

import eres.plugins.sdm.SpatialParameters.BiasCorrection;

/**
 * The concentrated log-likelihood of a fixed-effects spatial panel model,
 * {@code lnL(rho) = -(m/2)(1 + ln 2 pi + ln(SSE(rho)/m)) + tau (ln|I - rho W| - c ln(1 - rho))},
 * with {@code sigma^2 = SSE/m}:
 * <ul>
 *   <li>direct approach ({@code lee-yu}, {@code none}; Elhorst 2014, sec. 3.3; equal to ML with unit and
 *       period dummies): {@code m = N T}, {@code tau = T}, {@code c = 0};</li>
 *   <li>Lee &amp; Yu's (2010) transformation approach: the orthonormal transform {@code F_{T,T-1}} removes the
 *       entity effects (one period lost) and {@code F_{N,N-1}} the time effects (one unit lost; needs a
 *       row-standardised W, then {@code |I - rho F'WF| = |I - rho W| / (1 - rho)}):
 *       {@code m = (N - [time])(T - [entity])}, {@code tau = T - [entity]}, {@code c = [time]}.</li>
 * </ul>
 * SSE is the same function of rho in both (sums over the transformed observations equal sums over the
 * demeaned ones, {@code F F' = I - 11'/T}).
 *
 * @param observations m
 * @param logDetWeight tau
 * @param dropsUnit    c = 1: the {@code - ln(1 - rho)} term of the time-effects transform
 */
record LikelihoodScale(int observations, int logDetWeight, boolean dropsUnit) {
    private static final double LN_2PI = Math.log(2 * Math.PI);

    static LikelihoodScale of(SpatialPanel d, BiasCorrection bias) {
        if (bias != BiasCorrection.TRANSFORMATION) return new LikelihoodScale(d.rows(), d.t, false);
        boolean entity = d.effects.hasEntity();
        boolean time = d.effects.hasTime();
        return new LikelihoodScale((d.n - (time ? 1 : 0)) * (d.t - (entity ? 1 : 0)), d.t - (entity ? 1 : 0), time);
    }

    /** {@code tau (ln|I - rho W| - c ln(1 - rho))}. */
    double jacobian(double logDet, double rho) {
        return logDetWeight * (logDet - (dropsUnit ? Math.log1p(-rho) : 0));
    }

    /** The concentrated negative log-likelihood up to its constant, for the optimiser. */
    double objective(double sse, double logDet, double rho) {
        return 0.5 * observations * Math.log(sse / observations) - jacobian(logDet, rho);
    }

    double logLik(double sse, double logDet, double rho) {
        return -0.5 * observations * (1 + LN_2PI + Math.log(sse / observations)) + jacobian(logDet, rho);
    }

    /** {@code -d^2/drho^2} of the Jacobian term beyond {@code tau tr(WGWG)}: {@code - tau c / (1 - rho)^2}. */
    double curvatureCorrection(double rho) {
        return dropsUnit ? -logDetWeight / ((1 - rho) * (1 - rho)) : 0;
    }
}
