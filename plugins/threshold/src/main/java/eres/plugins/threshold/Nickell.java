package eres.plugins.threshold;

/**
 * Nickell's (1981, Econometrica 49(6), eq. 18) large-N, fixed-T bias of the within estimator of the
 * autoregressive coefficient in {@code y_it = mu_i + rho y_i,t-1 + e_it}:
 *
 * <pre>
 *   plim(rho_hat - rho) = -(1 + rho)/(T - 1) * A * [1 - 2 rho A / ((1 - rho)(T - 1))]^{-1},
 *   A = 1 - (1 - rho^T) / (T (1 - rho)),
 * </pre>
 *
 * with T the number of periods per entity used in the regression. With further regressors the bias of
 * rho is of the same order (1/T) but not given by this formula, so the plugin reports it as an
 * approximation of the magnitude, never as a correction.
 */
final class Nickell {
    private Nickell() {
    }

    /** The asymptotic bias at {@code rho} for {@code t} periods ({@code |rho| < 1}, t &gt; 1). */
    static double bias(double rho, double t) {
        if (Math.abs(1 - rho) < 1e-9) rho = 1 - 1e-9;
        double a = 1 - (1 - Math.pow(rho, t)) / (t * (1 - rho));
        return -(1 + rho) / (t - 1) * a / (1 - 2 * rho * a / ((1 - rho) * (t - 1)));
    }

    /**
     * The rho whose plim equals {@code estimate}: solves {@code rho + bias(rho, t) = estimate} by bisection
     * on (-0.99, 0.99); NaN when the estimate lies outside the attainable range.
     */
    static double implied(double estimate, double t) {
        double lo = -0.99;
        double hi = 0.99;
        double flo = lo + bias(lo, t) - estimate;
        double fhi = hi + bias(hi, t) - estimate;
        if (Double.isNaN(flo) || Double.isNaN(fhi) || flo * fhi > 0) return Double.NaN;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double fm = mid + bias(mid, t) - estimate;
            if ((fm > 0) == (fhi > 0)) {
                hi = mid;
                fhi = fm;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
