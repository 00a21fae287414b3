package eres.api.linalg;

/**
 * The one collinearity tolerance of the estimators. A regressor (or instrument) is absorbed by the
 * fixed effects, or collinear with other columns, when what is left of it after partialling them out is
 * at most {@link #TOLERANCE} of its own size (largest absolute value). Every plugin uses this rule, so a
 * column that one estimator keeps is never dropped by another.
 */
public final class Collinearity {
    /** Relative size of the part of a column left after partialling below which it counts as collinear. */
    public static final double TOLERANCE = 1e-9;

    private Collinearity() {
    }

    /** True if {@code within} (the column after partialling) is negligible relative to {@code raw}. */
    public static boolean absorbed(double[] raw, double[] within) {
        double scale = 0;
        for (double v : raw) scale = Math.max(scale, Math.abs(v));
        double left = 0;
        for (double v : within) left = Math.max(left, Math.abs(v));
        return !(left > TOLERANCE * scale && left > 0);
    }

    /** True if the residual norm is at most {@link #TOLERANCE} of the column norm ({@code ||M x|| / ||x||}). */
    public static boolean negligibleShare(double residualNorm, double norm) {
        return !(norm > 0) || residualNorm <= TOLERANCE * norm;
    }
}
