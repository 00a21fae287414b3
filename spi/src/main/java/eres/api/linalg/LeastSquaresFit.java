package eres.api.linalg;

/**
 * Result of {@link LeastSquares#fit}: coefficients, residuals, SSR and the unscaled
 * {@code (X'X)^{-1}}. Arrays are copied on access; use the indexed accessors in loops.
 */
public final class LeastSquaresFit {
    private final double[] beta;
    private final double[] residuals;
    private final double ssr;
    private final double[][] xtxInverse;
    private final double conditionEstimate;
    private final boolean extendedPrecision;

    LeastSquaresFit(double[] beta, double[] residuals, double ssr, double[][] xtxInverse, double conditionEstimate,
                    boolean extendedPrecision) {
        this.beta = beta;
        this.residuals = residuals;
        this.ssr = ssr;
        this.xtxInverse = xtxInverse;
        this.conditionEstimate = conditionEstimate;
        this.extendedPrecision = extendedPrecision;
    }

    public double[] beta() {
        return beta.clone();
    }

    public double beta(int j) {
        return beta[j];
    }

    public int parameters() {
        return beta.length;
    }

    public double[] residuals() {
        return residuals.clone();
    }

    public double residual(int i) {
        return residuals[i];
    }

    public int observations() {
        return residuals.length;
    }

    /** Sum of squared residuals. */
    public double ssr() {
        return ssr;
    }

    /** {@code (X'X)^{-1}} (a copy). */
    public double[][] xtxInverse() {
        double[][] c = new double[xtxInverse.length][];
        for (int i = 0; i < c.length; i++) c[i] = xtxInverse[i].clone();
        return c;
    }

    public double xtxInverse(int i, int j) {
        return xtxInverse[i][j];
    }

    /**
     * Estimate of the 2-norm condition number of the column-equilibrated design, from the pivoted QR
     * (|r_11| / |r_pp|); a lower bound of the true value.
     */
    public double conditionEstimate() {
        return conditionEstimate;
    }

    /** True if the design was ill-conditioned enough that the solve ran in double-double arithmetic. */
    public boolean extendedPrecision() {
        return extendedPrecision;
    }
}
