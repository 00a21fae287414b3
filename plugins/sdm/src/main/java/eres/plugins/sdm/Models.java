package eres.plugins.sdm;

import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.panel.Effects;
import eres.api.spatial.LogDeterminant;
import eres.api.data.SpatialWeights;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Maximum-likelihood estimation of the fixed-effects spatial panel models of Elhorst (2014, ch. 3),
 * following the algorithm of his Matlab routines {@code sar_panel_FE} / {@code sem_panel_FE}
 * (see docs/methods/sdm.md for every formula):
 * <ul>
 *   <li>lag models (SAR; SDM = SAR with the Durbin terms WX in the design): concentrated
 *       log-likelihood in rho from two OLS fits on the demeaned data, maximised by Brent's method;</li>
 *   <li>error model (SEM): concentrated log-likelihood in lambda with beta re-estimated by GLS at each
 *       lambda (exact profile likelihood);</li>
 *   <li>SLX: OLS of y on X and WX.</li>
 * </ul>
 * Standard errors come from the inverse of the analytical information matrix (Elhorst's formulas;
 * needs the dense {@code W (I - rho W)^-1}) or of the analytical observed information (Hessian; only
 * traces from {@link LogDeterminant}, so it scales to thousands of units). The Lee-Yu (2010) bias
 * correction is applied as in Elhorst's code: sigma^2 times T/(T-1) (entity effects) or N/(N-1)
 * (time effects); for two-way effects {@code theta + (Info/NT)^-1 [0; 1/(1-rho); 1/(2 sigma^2)] / N},
 * then sigma^2 times T/(T-1), and the information recomputed at the corrected values.
 */
final class Models {
    /** How the covariance matrix is computed. */
    enum Variance { INFORMATION, HESSIAN }

    /** Estimation options. */
    record Options(boolean leeYu, Variance variance, eres.api.Parallelism parallelism) {
    }

    private static final double LN_2PI = Math.log(2 * Math.PI);

    private Models() {
    }

    static double[] search(LogDeterminant ld) {
        double lo = Double.isFinite(ld.lower()) ? ld.lower() : -1e3;
        double hi = Double.isFinite(ld.upper()) ? ld.upper() : 1e3;
        double eps = 1e-9 * (hi - lo);
        return new double[] {lo + eps, hi - eps};
    }

    /** SAR ({@code durbin = false}) or SDM. */
    static SpatialFit lag(SpatialPanel d, boolean durbin, LogDeterminant ld, Options o) {
        double[][] z = d.design(durbin);
        List<String> names = d.designNames(durbin);
        LeastSquaresFit f0 = LeastSquares.fit(z, d.yd, names);
        LeastSquaresFit fd = LeastSquares.fit(z, d.wyd, names);
        double[] e0 = f0.residuals();
        double[] ed = fd.residuals();
        double ee = Dense.dot(e0, e0);
        double dd = Dense.dot(ed, ed);
        double ed0 = Dense.dot(e0, ed);
        int nt = d.rows();
        double[] range = search(ld);
        Brent.Min m = Brent.minimize(r -> 0.5 * nt * Math.log((ee - 2 * r * ed0 + r * r * dd) / nt) - d.t * ld.logDet(r),
                range[0], range[1], 1e-10, 500);
        double rho = m.x();
        int k = z[0].length;
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) beta[j] = f0.beta(j) - rho * fd.beta(j);
        double sse = ee - 2 * rho * ed0 + rho * rho * dd;
        double s2 = sse / nt;
        double logLik = -0.5 * nt * (1 + LN_2PI + Math.log(s2)) + d.t * ld.logDet(rho);
        double[] ml = concat(beta, rho, s2);
        double[] est = correct(d, ml, o, theta -> lagInfo(d, z, theta, ld, o.variance()));
        double[][] info = lagInfo(d, z, est, ld, o.variance());
        double[][] v = Dense.inverse(info);
        List<String> terms = new ArrayList<>(names);
        terms.add("rho");
        terms.add("sigma2");
        double[] b = java.util.Arrays.copyOf(est, k);
        double[] e = residual(d.yd, d.wyd, est[k], z, b);
        double r2 = 1 - Dense.dot(e, e) / d.totalSumOfSquares();
        double[] xb = Dense.times(z, b);
        double[] yhat = Dense.solvePeriods(d.w, est[k], xb, d.t, o.parallelism());
        boolean onBound = Math.min(rho - range[0], range[1] - rho) < 1e-6;
        return new SpatialFit(durbin ? "sdm" : "sar", terms, est, v, ml, logLik, r2, elhorstCorr2(d.yd, yhat), k, onBound,
                range[0], range[1], o.variance() == Variance.INFORMATION ? "information" : "hessian", m.iterations());
    }

    /** SEM. */
    static SpatialFit error(SpatialPanel d, LogDeterminant ld, Options o) {
        double[][] x = d.design(false);
        List<String> names = d.designNames(false);
        int k = x[0].length;
        int nt = d.rows();
        double[][] wx = lagColumns(d, x);
        double[] wy = d.lag(d.yd);
        double[][] a = Dense.crossprod(x);
        double[][] c = Dense.crossprod(wx);
        double[][] bxw = new double[k][k];
        for (int r = 0; r < nt; r++) for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) bxw[i][j] += x[r][i] * wx[r][j];
        double[] xy = Dense.crossprod(x, d.yd);
        double[] xwy = Dense.crossprod(x, wy);
        double[] wxy = Dense.crossprod(wx, d.yd);
        double[] wxwy = Dense.crossprod(wx, wy);
        // SSE(lambda): beta from the normal equations built from cross-products (O(K^2) per lambda), then
        // the residuals formed explicitly (O(NT K)), so SSE carries no cancellation error (it is
        // stationary in beta, so the small error of the normal-equation beta enters only to second order)
        java.util.function.DoubleUnaryOperator sse = l -> {
            double[][] xx = new double[k][k];
            double[] xys = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) xx[i][j] = a[i][j] - l * (bxw[i][j] + bxw[j][i]) + l * l * c[i][j];
                xys[i] = xy[i] - l * (xwy[i] + wxy[i]) + l * l * wxwy[i];
            }
            double[] bb = Dense.multiply(Dense.inverse(xx), xys);
            double s = 0;
            for (int r = 0; r < nt; r++) {
                double e = d.yd[r] - l * wy[r];
                for (int j = 0; j < k; j++) e -= (x[r][j] - l * wx[r][j]) * bb[j];
                s += e * e;
            }
            return s;
        };
        double[] range = search(ld);
        Brent.Min m = Brent.minimize(l -> 0.5 * nt * Math.log(sse.applyAsDouble(l) / nt) - d.t * ld.logDet(l), range[0], range[1], 1e-10, 500);
        double lambda = m.x();
        double[][] xs = filtered(x, wx, lambda);
        double[] ys = new double[nt];
        for (int r = 0; r < nt; r++) ys[r] = d.yd[r] - lambda * wy[r];
        LeastSquaresFit f = LeastSquares.fit(xs, ys, names);
        double s2 = f.ssr() / nt;
        double logLik = -0.5 * nt * (1 + LN_2PI + Math.log(s2)) + d.t * ld.logDet(lambda);
        double[] ml = concat(f.beta(), lambda, s2);
        double[] est = correct(d, ml, o, theta -> errorInfo(d, x, wx, wy, theta, ld, o.variance()));
        double[][] v = Dense.inverse(errorInfo(d, x, wx, wy, est, ld, o.variance()));
        List<String> terms = new ArrayList<>(names);
        terms.add("lambda");
        terms.add("sigma2");
        double[] b = java.util.Arrays.copyOf(est, k);
        double[] xb = Dense.times(x, b);
        double[] res = new double[nt];
        for (int r = 0; r < nt; r++) res[r] = d.yd[r] - xb[r];
        double r2 = 1 - Dense.dot(res, res) / d.totalSumOfSquares();
        boolean onBound = Math.min(lambda - range[0], range[1] - lambda) < 1e-6;
        return new SpatialFit("sem", terms, est, v, ml, logLik, r2, elhorstCorr2(d.yd, xb), k, onBound, range[0], range[1],
                o.variance() == Variance.INFORMATION ? "information" : "hessian", m.iterations());
    }

    /**
     * SLX by OLS on the demeaned data. sigma^2 is SSR over the residual degrees of freedom
     * {@code NT - K - (absorbed fixed effects)} with the Lee-Yu option (the unbiased estimator that
     * correction approximates), else the ML SSR/NT.
     */
    static SpatialFit slx(SpatialPanel d, Options o) {
        double[][] z = d.design(true);
        List<String> names = d.designNames(true);
        LeastSquaresFit f = LeastSquares.fit(z, d.yd, names);
        int nt = d.rows();
        int k = z[0].length;
        double sMl = f.ssr() / nt;
        double s2 = o.leeYu() ? f.ssr() / (nt - k - absorbed(d)) : sMl;
        double[][] xtxi = f.xtxInverse();
        double[][] v = new double[k + 1][k + 1];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) v[i][j] = s2 * xtxi[i][j];
        v[k][k] = 2 * s2 * s2 / nt;
        List<String> terms = new ArrayList<>(names);
        terms.add("sigma2");
        double logLik = -0.5 * nt * (1 + LN_2PI + Math.log(sMl));
        double[] e2 = new double[k + 1];
        System.arraycopy(f.beta(), 0, e2, 0, k);
        e2[k] = s2;
        double[] ml = e2.clone();
        ml[k] = sMl;
        double r2 = 1 - f.ssr() / d.totalSumOfSquares();
        double[] fitted = Dense.times(z, f.beta());
        return new SpatialFit("slx", terms, e2, v, ml, logLik, r2, elhorstCorr2(d.yd, fitted), -1, false, Double.NaN, Double.NaN, "ols", 0);
    }

    /** Elhorst's corr^2: (y~'yhat)^2 / (y~'y~ yhat'yhat) after removing the mean of y~ from both. */
    static double elhorstCorr2(double[] yd, double[] yhat) {
        double m = 0;
        for (double a : yd) m += a / yd.length;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int r = 0; r < yd.length; r++) {
            double a = yd[r] - m;
            double b = yhat[r] - m;
            s1 += a * b;
            s2 += a * a;
            s3 += b * b;
        }
        return s1 * s1 / (s2 * s3);
    }

    /** The Lee-Yu correction of {@code ml = (beta, rho, sigma2)} as Elhorst implements it. */
    private static double[] correct(SpatialPanel d, double[] ml, Options o, java.util.function.Function<double[], double[][]> info) {
        double[] est = ml.clone();
        if (!o.leeYu()) return est;
        int p = ml.length;
        switch (d.effects) {
            case ENTITY -> est[p - 1] = ml[p - 1] * d.t / (d.t - 1.0);
            case TIME -> est[p - 1] = ml[p - 1] * d.n / (d.n - 1.0);
            case TWOWAYS -> {
                double nt = d.rows();
                double[][] i0 = info.apply(ml);
                double[][] scaled = new double[p][p];
                for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) scaled[a][b] = i0[a][b] / nt;
                double[] c = new double[p];
                c[p - 2] = 1 / (1 - ml[p - 2]);
                c[p - 1] = 1 / (2 * ml[p - 1]);
                double[] shift = Dense.multiply(Dense.inverse(scaled), c);
                for (int a = 0; a < p; a++) est[a] = ml[a] + shift[a] / d.n;
                est[p - 1] = est[p - 1] * d.t / (d.t - 1.0);
            }
            default -> {
            }
        }
        return est;
    }

    /** Information (or observed information) of the lag model at theta = (beta, rho, sigma2). */
    static double[][] lagInfo(SpatialPanel d, double[][] z, double[] theta, LogDeterminant ld, Variance variance) {
        int k = z[0].length;
        int p = k + 2;
        double rho = theta[k];
        double s2 = theta[k + 1];
        double[] beta = java.util.Arrays.copyOf(theta, k);
        int nt = d.rows();
        double[][] info = new double[p][p];
        double[][] zz = Dense.crossprod(z);
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) info[a][b] = zz[a][b] / s2;
        if (variance == Variance.INFORMATION) {
            DMatrixRMaj wb = Dense.wTimesInverse(d.w, rho);
            double[] tr = traces(wb, d.n);
            double[] xb = Dense.times(z, beta);
            double[] br = new double[k];
            double rr = 0;
            for (int s = 0; s < d.t; s++) {
                double[] u = Dense.apply(wb, xb, s * d.n, d.n);
                for (int i = 0; i < d.n; i++) {
                    double[] row = z[s * d.n + i];
                    for (int j = 0; j < k; j++) br[j] += row[j] * u[i];
                    rr += u[i] * u[i];
                }
            }
            for (int j = 0; j < k; j++) info[j][k] = info[k][j] = br[j] / s2;
            info[k][k] = rr / s2 + d.t * (tr[1] + tr[2]);
            info[k][k + 1] = info[k + 1][k] = d.t * tr[0] / s2;
            info[k + 1][k + 1] = nt / (2 * s2 * s2);
        } else {
            double[] e = residual(d.yd, d.wyd, rho, z, beta);
            double[] zw = Dense.crossprod(z, d.wyd);
            double[] ze = Dense.crossprod(z, e);
            for (int j = 0; j < k; j++) {
                info[j][k] = info[k][j] = zw[j] / s2;
                info[j][k + 1] = info[k + 1][j] = ze[j] / (s2 * s2);
            }
            info[k][k] = Dense.dot(d.wyd, d.wyd) / s2 + d.t * ld.traceWGWG(rho);
            info[k][k + 1] = info[k + 1][k] = Dense.dot(d.wyd, e) / (s2 * s2);
            info[k + 1][k + 1] = -nt / (2 * s2 * s2) + Dense.dot(e, e) / (s2 * s2 * s2);
        }
        return info;
    }

    /** Information (or observed information) of the error model at theta = (beta, lambda, sigma2). */
    static double[][] errorInfo(SpatialPanel d, double[][] x, double[][] wx, double[] wy, double[] theta, LogDeterminant ld,
                                Variance variance) {
        int k = x[0].length;
        int p = k + 2;
        double lambda = theta[k];
        double s2 = theta[k + 1];
        double[] beta = java.util.Arrays.copyOf(theta, k);
        int nt = d.rows();
        double[][] xs = filtered(x, wx, lambda);
        double[][] info = new double[p][p];
        double[][] xx = Dense.crossprod(xs);
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) info[a][b] = xx[a][b] / s2;
        if (variance == Variance.INFORMATION) {
            double[] tr = traces(Dense.wTimesInverse(d.w, lambda), d.n);
            info[k][k] = d.t * (tr[1] + tr[2]);
            info[k][k + 1] = info[k + 1][k] = d.t * tr[0] / s2;
            info[k + 1][k + 1] = nt / (2 * s2 * s2);
        } else {
            double[] xb = Dense.times(x, beta);
            double[] wxb = Dense.times(wx, beta);
            double[] u = new double[nt];
            double[] wu = new double[nt];
            double[] e = new double[nt];
            for (int r = 0; r < nt; r++) {
                u[r] = d.yd[r] - xb[r];
                wu[r] = wy[r] - wxb[r];
                e[r] = u[r] - lambda * wu[r];
            }
            double[] a1 = Dense.crossprod(wx, e);
            double[] a2 = Dense.crossprod(xs, wu);
            double[] a3 = Dense.crossprod(xs, e);
            for (int j = 0; j < k; j++) {
                info[j][k] = info[k][j] = (a1[j] + a2[j]) / s2;
                info[j][k + 1] = info[k + 1][j] = a3[j] / (s2 * s2);
            }
            info[k][k] = Dense.dot(wu, wu) / s2 + d.t * ld.traceWGWG(lambda);
            info[k][k + 1] = info[k + 1][k] = Dense.dot(wu, e) / (s2 * s2);
            info[k + 1][k + 1] = -nt / (2 * s2 * s2) + Dense.dot(e, e) / (s2 * s2 * s2);
        }
        return info;
    }

    /** tr(WB), tr(WB WB), tr(WB' WB) of a dense N x N matrix. */
    static double[] traces(DMatrixRMaj wb, int n) {
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double[] a = wb.data;
        for (int i = 0; i < n; i++) {
            t0 += a[i * n + i];
            for (int j = 0; j < n; j++) {
                double v = a[i * n + j];
                t1 += v * a[j * n + i];
                t2 += v * v;
            }
        }
        return new double[] {t0, t1, t2};
    }

    static double[][] lagColumns(SpatialPanel d, double[][] x) {
        int k = x[0].length;
        int nt = d.rows();
        double[][] out = new double[nt][k];
        for (int j = 0; j < k; j++) {
            double[] col = new double[nt];
            for (int r = 0; r < nt; r++) col[r] = x[r][j];
            double[] l = d.lag(col);
            for (int r = 0; r < nt; r++) out[r][j] = l[r];
        }
        return out;
    }

    static double[][] filtered(double[][] x, double[][] wx, double lambda) {
        double[][] out = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) for (int j = 0; j < x[0].length; j++) out[r][j] = x[r][j] - lambda * wx[r][j];
        return out;
    }

    static double[] residual(double[] yd, double[] wyd, double rho, double[][] z, double[] beta) {
        double[] e = new double[yd.length];
        for (int r = 0; r < yd.length; r++) e[r] = yd[r] - rho * wyd[r] - Dense.dot(z[r], beta);
        return e;
    }

    static double[] concat(double[] beta, double rho, double s2) {
        double[] out = java.util.Arrays.copyOf(beta, beta.length + 2);
        out[beta.length] = rho;
        out[beta.length + 1] = s2;
        return out;
    }

    /** Absorbed fixed-effect parameters (for degrees of freedom). */
    static int absorbed(SpatialPanel d) {
        return d.effects == Effects.ENTITY ? d.n : d.effects == Effects.TIME ? d.t : d.effects == Effects.TWOWAYS ? d.n + d.t - 1 : 0;
    }
}
