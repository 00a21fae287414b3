package eres.plugins.gtwr;

import eres.api.spatial.GreatCircle;
import eres.api.data.Location;
import java.util.Arrays;

/**
 * A deliberately naive, independent GTWR for oracle tests: the full n x n distance and weight
 * matrices, untruncated kernels, haversine distances from core's GreatCircle, local normal equations
 * on the unscaled design solved by Gaussian elimination with partial pivoting, and the full hat
 * matrix S. Formulas as in shared/methods/gtwr.md sections 3-5 (GWmodel / GWR4 conventions).
 */
final class DenseGtwr {
    final int n;
    final int p;
    final double[] beta;    // n * p
    final double[] se;      // n * p
    final double[] localR2;
    final double[] yhat;
    double rss;
    double traceS;
    double traceSS;
    double aicc;
    double cv;
    boolean singular;

    /**
     * @param x       n x (p-1) regressors (no intercept)
     * @param lat     latitudes (great circle) or x coordinates (projected, when {@code lon == null} use {@code py})
     * @param kernel  gaussian, exponential, bisquare, tricube, boxcar
     * @param bw      neighbours (adaptive) or distance
     */
    DenseGtwr(double[] y, double[][] x, double[] lat, double[] lon, boolean greatCircle, double[] t, double tau,
              boolean pastOnly, String kernel, boolean adaptive, double bw) {
        this(y, x, lat, lon, greatCircle, t, tau, pastOnly, kernel, adaptive, bw, true);
    }

    DenseGtwr(double[] y, double[][] x, double[] lat, double[] lon, boolean greatCircle, double[] t, double tau,
              boolean pastOnly, String kernel, boolean adaptive, double bw, boolean withCv) {
        this(y, x, distances(lat, lon, greatCircle, t, tau, pastOnly), kernel, adaptive, bw, withCv);
    }

    /** The full space-time distance matrix ({@code +Inf} for later observations when past-only). */
    static double[][] distances(double[] lat, double[] lon, boolean greatCircle, double[] t, double tau, boolean pastOnly) {
        int n = lat.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ds = greatCircle ? GreatCircle.km(new Location(lat[i], lon[i]), new Location(lat[j], lon[j]))
                        : Math.hypot(lat[i] - lat[j], lon[i] - lon[j]);
                double dt = t[i] - t[j];
                d[i][j] = pastOnly && t[j] > t[i] ? Double.POSITIVE_INFINITY : Math.sqrt(ds * ds + tau * dt * dt);
            }
        }
        return d;
    }

    DenseGtwr(double[] y, double[][] x, double[][] d, String kernel, boolean adaptive, double bw, boolean withCv) {
        n = y.length;
        p = x[0].length + 1;
        double[][] xs = new double[n][p];
        for (int i = 0; i < n; i++) {
            xs[i][0] = 1;
            for (int k = 1; k < p; k++) xs[i][k] = x[i][k - 1];
        }
        double[][] w = weights(d, kernel, adaptive, bw);
        double[][] s = new double[n][n];
        beta = new double[n * p];
        se = new double[n * p];
        yhat = new double[n];
        localR2 = new double[n];
        double[][] cc = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[][] a = new double[p][p];
            double[][] rhs = new double[p][n]; // X'W_i
            for (int j = 0; j < n; j++) {
                for (int r = 0; r < p; r++) {
                    rhs[r][j] = xs[j][r] * w[i][j];
                    for (int c = 0; c < p; c++) a[r][c] += xs[j][r] * w[i][j] * xs[j][c];
                }
            }
            double[][] cmat = solve(a, rhs); // (X'W X)^-1 X'W : p x n
            if (cmat == null) {
                singular = true;
                return;
            }
            for (int r = 0; r < p; r++) {
                double b = 0;
                for (int j = 0; j < n; j++) b += cmat[r][j] * y[j];
                beta[i * p + r] = b;
                double q = 0;
                for (int j = 0; j < n; j++) q += cmat[r][j] * cmat[r][j];
                cc[i][r] = q;
            }
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int r = 0; r < p; r++) v += xs[i][r] * cmat[r][j];
                s[i][j] = v;
            }
        }
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) v += s[i][j] * y[j];
            yhat[i] = v;
            e[i] = y[i] - v;
            rss += e[i] * e[i];
            traceS += s[i][i];
            for (int j = 0; j < n; j++) traceSS += s[i][j] * s[i][j];
        }
        aicc = n * Math.log(rss / n) + n * Math.log(2 * Math.PI) + n * (n + traceS) / (n - 2 - traceS);
        double sigma2 = rss / (n - 2 * traceS + traceSS);
        for (int i = 0; i < n; i++) for (int r = 0; r < p; r++) se[i * p + r] = Math.sqrt(sigma2 * cc[i][r]);
        for (int i = 0; i < n; i++) {
            double sw = 0;
            double swy = 0;
            for (int j = 0; j < n; j++) {
                sw += w[i][j];
                swy += w[i][j] * y[j];
            }
            double m = swy / sw;
            double num = 0;
            double den = 0;
            for (int j = 0; j < n; j++) {
                num += w[i][j] * e[j] * e[j];
                den += w[i][j] * (y[j] - m) * (y[j] - m);
            }
            localR2[i] = 1 - num / den;
        }
        // leave-one-out CV: refit without observation i
        for (int i = 0; i < n && withCv; i++) {
            double[][] a = new double[p][p];
            double[][] rhs = new double[p][1];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                for (int r = 0; r < p; r++) {
                    rhs[r][0] += xs[j][r] * w[i][j] * y[j];
                    for (int c = 0; c < p; c++) a[r][c] += xs[j][r] * w[i][j] * xs[j][c];
                }
            }
            double[][] b = solve(a, rhs);
            double f = 0;
            for (int r = 0; r < p; r++) f += xs[i][r] * b[r][0];
            cv += (y[i] - f) * (y[i] - f);
        }
    }

    static double[][] weights(double[][] d, String kernel, boolean adaptive, double bw) {
        int n = d.length;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            double h = bw;
            if (adaptive) {
                // GWmodel's rule over all n distances (+Inf outside a one-sided window): the k-th smallest, or (k/n) max
                double[] sorted = Arrays.stream(d[i]).sorted().toArray();
                int k = (int) bw;
                h = k <= n ? sorted[k - 1] : (double) k / n * sorted[n - 1];
            }
            for (int j = 0; j < n; j++) {
                if (d[i][j] == Double.POSITIVE_INFINITY) continue;   // outside the time window (GWmodel: NaN when h = Inf)
                double u = d[i][j] / h;
                w[i][j] = switch (kernel) {
                    case "gaussian" -> Double.isFinite(u) ? Math.exp(-0.5 * u * u) : 0;
                    case "exponential" -> Double.isFinite(u) ? Math.exp(-u) : 0;
                    case "bisquare" -> u < 1 ? Math.pow(1 - u * u, 2) : 0;
                    case "tricube" -> u < 1 ? Math.pow(1 - u * u * u, 3) : 0;
                    case "boxcar" -> u <= 1 ? 1 : 0;
                    default -> throw new IllegalArgumentException(kernel);
                };
            }
        }
        return w;
    }

    /** Solves A Z = B by Gaussian elimination with partial pivoting; null if singular. */
    static double[][] solve(double[][] a0, double[][] b0) {
        int p = a0.length;
        int m = b0[0].length;
        double[][] a = new double[p][];
        double[][] b = new double[p][];
        for (int i = 0; i < p; i++) {
            a[i] = a0[i].clone();
            b[i] = b0[i].clone();
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            if (Math.abs(a[piv][c]) < 1e-300) return null;
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            t = b[c];
            b[c] = b[piv];
            b[piv] = t;
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < p; k++) a[r][k] -= f * a[c][k];
                for (int k = 0; k < m; k++) b[r][k] -= f * b[c][k];
            }
        }
        double[][] z = new double[p][m];
        for (int k = 0; k < m; k++) {
            for (int r = p - 1; r >= 0; r--) {
                double s = b[r][k];
                for (int c = r + 1; c < p; c++) s -= a[r][c] * z[c][k];
                z[r][k] = s / a[r][r];
            }
        }
        return z;
    }
}
