package eres.plugins.mediation;

/**
 * A Householder QR factorisation built one column at a time, for the many small least-squares
 * problems of a bootstrap. Each added column is reduced by the reflectors of the earlier ones; a
 * column whose remaining norm is at most {@value #TOLERANCE} of its reference norm lies (to working
 * precision) in the span of the earlier columns and is rejected, so the caller can drop it
 * (an unidentified year dummy) or declare the replication singular (a regressor of interest).
 *
 * <p>Why not {@code eres.api.linalg.LeastSquares}: that solver refines every solution and the whole
 * {@code (X'X)^{-1}} to near full accuracy (what a reported standard error needs) at several times
 * the cost of one factorisation. A bootstrap replicate needs slopes and residuals only, and its
 * sampling noise is many orders of magnitude above plain Householder rounding (Golub &amp; Van Loan,
 * Matrix Computations, 4th ed., sec. 5.3.3: backward stable). The full-sample equations are still
 * fitted with {@code PanelRegression}; a test checks that both agree on them.
 */
final class SequentialQr {
    /** Relative size below which a column counts as dependent on the earlier ones. */
    static final double TOLERANCE = 1e-10;

    private final int n;
    private final double[][] v;      // reflector k acts on rows k..n-1; v[k][i] for i >= k
    private final double[] vNorm2;   // v_k' v_k
    private final double[][] r;      // column k of R: r[k][0..k]
    private int k;

    SequentialQr(int n, int maxColumns) {
        this.n = n;
        this.v = new double[maxColumns][];
        this.vNorm2 = new double[maxColumns];
        this.r = new double[maxColumns][];
    }

    /** Number of accepted columns. */
    int columns() {
        return k;
    }

    /**
     * Adds a column (not modified) if it is independent of the accepted ones.
     *
     * @param referenceNorm the norm the remaining part is compared with (e.g. the column's norm
     *                      before the fixed effects were removed)
     * @return false if the column was rejected as dependent (or if there are no rows left for it)
     */
    boolean add(double[] column, double referenceNorm) {
        if (k >= n) return false;
        double[] w = column.clone();
        for (int j = 0; j < k; j++) reflect(j, w);
        double tail = 0;
        double scale = 0;
        for (int i = k; i < n; i++) scale = Math.max(scale, Math.abs(w[i]));
        if (scale > 0) {
            for (int i = k; i < n; i++) {
                double s = w[i] / scale;
                tail += s * s;
            }
            tail = scale * Math.sqrt(tail);
        }
        if (!(tail > TOLERANCE * referenceNorm) || !Double.isFinite(tail)) return false;
        double alpha = w[k] >= 0 ? -tail : tail;
        double[] vk = new double[n];
        double vv = 0;
        for (int i = k; i < n; i++) vk[i] = w[i];
        vk[k] -= alpha;
        for (int i = k; i < n; i++) vv += vk[i] * vk[i];
        double[] rk = new double[k + 1];
        System.arraycopy(w, 0, rk, 0, k);
        rk[k] = alpha;
        v[k] = vk;
        vNorm2[k] = vv;
        r[k] = rk;
        k++;
        return true;
    }

    private void reflect(int j, double[] z) {
        double[] vj = v[j];
        double s = 0;
        for (int i = j; i < n; i++) s += vj[i] * z[i];
        double f = 2 * s / vNorm2[j];
        for (int i = j; i < n; i++) z[i] -= f * vj[i];
    }

    /**
     * Least-squares coefficients of {@code y} on the accepted columns and the residual.
     *
     * @param y        the response (not modified)
     * @param residual receives {@code y - X b} (length n); may be {@code null}
     * @return the coefficients in the order the columns were accepted
     */
    double[] solve(double[] y, double[] residual) {
        double[] z = y.clone();
        for (int j = 0; j < k; j++) reflect(j, z);
        double[] b = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int j = i + 1; j < k; j++) s -= r[j][i] * b[j];
            b[i] = s / r[i][i];
        }
        if (residual != null) {
            for (int i = 0; i < k; i++) z[i] = 0;
            for (int j = k - 1; j >= 0; j--) reflect(j, z);
            System.arraycopy(z, 0, residual, 0, n);
        }
        return b;
    }

    /** Euclidean norm with scaling (no overflow for large values). */
    static double norm(double[] x) {
        double scale = 0;
        for (double d : x) scale = Math.max(scale, Math.abs(d));
        if (scale == 0 || !Double.isFinite(scale)) return scale;
        double s = 0;
        for (double d : x) {
            double t = d / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }
}
