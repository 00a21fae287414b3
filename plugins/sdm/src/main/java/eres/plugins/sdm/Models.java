package eres.plugins.sdm;

import eres.api.linalg.Dense;
import eres.api.DataException;
import eres.api.Parallelism;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.panel.Effects;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.SpatialFilter;
import eres.plugins.sdm.SpatialParameters.BiasCorrection;
import eres.plugins.sdm.SpatialParameters.Variance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Maximum-likelihood estimation of the fixed-effects spatial panel models (docs/methods/sdm.md for every
 * formula):
 * <ul>
 *   <li>lag models (SAR; SDM = SAR with the Durbin terms WX in the design): concentrated log-likelihood in
 *       rho from two OLS fits on the demeaned data (Elhorst 2014, sec. 3.3), maximised by Brent's method;</li>
 *   <li>error model (SEM): the exact fixed-effects likelihood (spatial lags of the raw data, then
 *       demeaned, as the lag models; equal to ML with unit and period dummies), beta re-estimated at each
 *       lambda;</li>
 *   <li>SLX: OLS of y on X and WX.</li>
 * </ul>
 * The likelihood is the direct one (= LSDV) or Lee &amp; Yu's (2010) transformed one
 * ({@link LikelihoodScale}); the direct one optionally with Lee &amp; Yu's analytic bias correction, which
 * always uses the expected information, whatever {@code variance} asks for the standard errors.
 */
final class Models {
    /** Estimation options. */
    record Options(BiasCorrection bias, Variance variance, Parallelism parallelism) {
    }

    private final SpatialPanel d;
    private final LogDeterminant ld;
    private final MultiplierTraces traces;
    private final Options o;

    Models(SpatialPanel d, LogDeterminant ld, MultiplierTraces traces, Options o) {
        this.d = d;
        this.ld = ld;
        this.traces = traces;
        this.o = o;
    }

    SpatialFit fit(String model) {
        return switch (model) {
            case "sdm" -> lag(true);
            case "sar" -> lag(false);
            case "sem" -> error();
            default -> slx();
        };
    }

    /** Why the exact fixed-effects SEM cannot be fitted on this panel, or null. */
    String semUnavailable() {
        return d.effects.hasTime() && !d.rowStandardized
                ? "the exact fixed-effects SEM with time effects needs a row-standardised W (then the filtered time effects stay "
                        + "time effects); use standardize: row, or effects: entity"
                : null;
    }

    private void requireTransformable() {
        if (o.bias() == BiasCorrection.TRANSFORMATION && d.effects.hasTime() && !d.rowStandardized) {
            throw new DataException("bias-correction: transformation with time effects needs a row-standardised W (Lee & Yu 2010: "
                    + "the transform F_N removes the time effects only when W 1 = 1); use standardize: row, or bias-correction: lee-yu / none");
        }
    }

    private double[] search() {
        double lo = Double.isFinite(ld.lower()) ? ld.lower() : -1e3;
        double hi = Double.isFinite(ld.upper()) ? ld.upper() : 1e3;
        double eps = 1e-9 * (hi - lo);
        return new double[] {lo + eps, hi - eps};
    }

    /** Whether the information uses the transformed traces (transformation approach with time effects). */
    private boolean transformedTraces() {
        return o.bias() == BiasCorrection.TRANSFORMATION && d.effects.hasTime();
    }

    /** SAR ({@code durbin = false}) or SDM. */
    SpatialFit lag(boolean durbin) {
        requireTransformable();
        double[][] z = d.design(durbin);
        List<String> names = d.designNames(durbin);
        LeastSquaresFit f0 = LeastSquares.fit(z, d.yd, names);
        LeastSquaresFit fd = LeastSquares.fit(z, d.wyd, names);
        double[] e0 = f0.residuals();
        double[] ed = fd.residuals();
        double ee = Dense.dot(e0, e0);
        double dd = Dense.dot(ed, ed);
        double ed0 = Dense.dot(e0, ed);
        LikelihoodScale sc = LikelihoodScale.of(d, o.bias());
        double[] range = search();
        Brent.Min m = Brent.minimize(r -> sc.objective(ee - 2 * r * ed0 + r * r * dd, ld.logDet(r), r), range[0], range[1], 1e-10, 500);
        double rho = m.x();
        int k = z[0].length;
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) beta[j] = f0.beta(j) - rho * fd.beta(j);
        double sse = ee - 2 * rho * ed0 + rho * rho * dd;
        double logLik = sc.logLik(sse, ld.logDet(rho), rho);
        double[] ml = concat(beta, rho, sse / sc.observations());
        LikelihoodScale direct = LikelihoodScale.of(d, BiasCorrection.NONE);
        double[] est = o.bias() == BiasCorrection.LEE_YU ? LeeYu.correct(d, ml, th -> Information.lagExpected(d, z, th, traces, direct, false)) : ml;
        double[][] info = o.variance() == Variance.INFORMATION ? Information.lagExpected(d, z, est, traces, sc, transformedTraces())
                : Information.lagObserved(d, z, est, ld, sc);
        double[][] v = Dense.inverseSymmetric(info, "the information matrix");
        List<String> terms = new ArrayList<>(names);
        terms.add("rho");
        terms.add("sigma2");
        double[] b = Arrays.copyOf(est, k);
        double[] e = residual(d.yd, d.wyd, est[k], z, b);
        double ssr = Dense.dot(e, e);
        double[] yhat = SpatialFilter.solvePeriods(d.w, est[k], Dense.multiply(z, b), d.t, o.parallelism());
        boolean onBound = Math.min(rho - range[0], range[1] - rho) < 1e-6;
        return new SpatialFit(durbin ? "sdm" : "sar", terms, est, v, ml, logLik, ssr, 1 - ssr / d.totalSumOfSquares(),
                elhorstCorr2(d.yd, yhat), k, onBound, range[0], range[1], o.variance().toString(), o.bias(), sc, m.iterations());
    }

    /** SEM: the exact fixed-effects likelihood; SSE(lambda) = min_b ||(y - lambda Wy)~ - (X - lambda WX)~ b||^2. */
    SpatialFit error() {
        String why = semUnavailable();
        if (why != null) throw new DataException(why);
        requireTransformable();
        double[][] x = d.design(false);
        List<String> names = d.designNames(false);
        int k = x[0].length;
        int nt = d.rows();
        double[][] wx = new double[nt][k];
        for (int r = 0; r < nt; r++) for (int j = 0; j < k; j++) wx[r][j] = d.wxAll[j][r];
        double[] wy = d.wyd;
        DoubleUnaryOperator sse = profile(x, wx, wy);
        LikelihoodScale sc = LikelihoodScale.of(d, o.bias());
        double[] range = search();
        Brent.Min m = Brent.minimize(l -> sc.objective(sse.applyAsDouble(l), ld.logDet(l), l), range[0], range[1], 1e-10, 500);
        double lambda = m.x();
        LeastSquaresFit f = LeastSquares.fit(filtered(x, wx, lambda), filtered(d.yd, wy, lambda), names);
        double logLik = sc.logLik(f.ssr(), ld.logDet(lambda), lambda);
        double[] ml = concat(f.beta(), lambda, f.ssr() / sc.observations());
        LikelihoodScale direct = LikelihoodScale.of(d, BiasCorrection.NONE);
        double[] est = o.bias() == BiasCorrection.LEE_YU
                ? LeeYu.correct(d, ml, th -> Information.errorExpected(filtered(x, wx, th[k]), th, traces, direct, false)) : ml;
        double[][] info = o.variance() == Variance.INFORMATION
                ? Information.errorExpected(filtered(x, wx, est[k]), est, traces, sc, transformedTraces())
                : Information.errorObserved(d, x, wx, wy, est, ld, sc);
        double[][] v = Dense.inverseSymmetric(info, "the information matrix");
        List<String> terms = new ArrayList<>(names);
        terms.add("lambda");
        terms.add("sigma2");
        double[] b = Arrays.copyOf(est, k);
        double[] xb = Dense.multiply(x, b);
        double[] res = new double[nt];
        for (int r = 0; r < nt; r++) res[r] = d.yd[r] - xb[r];
        double ssr = Dense.dot(res, res);
        boolean onBound = Math.min(lambda - range[0], range[1] - lambda) < 1e-6;
        return new SpatialFit("sem", terms, est, v, ml, logLik, ssr, 1 - ssr / d.totalSumOfSquares(), elhorstCorr2(d.yd, xb), k, onBound,
                range[0], range[1], o.variance().toString(), o.bias(), sc, m.iterations());
    }

    /**
     * SSE(lambda) of the error model: beta from the normal equations built from cross-products (O(K^2) per
     * lambda), the residuals then formed explicitly (O(NT K)), so SSE carries no cancellation error (it is
     * stationary in beta: the small error of the normal-equation beta enters only to second order).
     */
    private DoubleUnaryOperator profile(double[][] x, double[][] wx, double[] wy) {
        int k = x[0].length;
        int nt = x.length;
        double[][] a = Dense.crossRows(x);
        double[][] c = Dense.crossRows(wx);
        double[][] bxw = Dense.cross(Dense.transpose(x), Dense.transpose(wx));
        double[] xy = Dense.crossRows(x, d.yd);
        double[] xwy = Dense.crossRows(x, wy);
        double[] wxy = Dense.crossRows(wx, d.yd);
        double[] wxwy = Dense.crossRows(wx, wy);
        return l -> {
            double[][] xx = new double[k][k];
            double[] xys = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) xx[i][j] = a[i][j] - l * (bxw[i][j] + bxw[j][i]) + l * l * c[i][j];
                xys[i] = xy[i] - l * (xwy[i] + wxy[i]) + l * l * wxwy[i];
            }
            double[] bb = Dense.multiply(Dense.inverseSymmetric(xx, "the filtered cross-product matrix"), xys);
            double s = 0;
            for (int r = 0; r < nt; r++) {
                double e = d.yd[r] - l * wy[r];
                for (int j = 0; j < k; j++) e -= (x[r][j] - l * wx[r][j]) * bb[j];
                s += e * e;
            }
            return s;
        };
    }

    /**
     * SLX by OLS on the demeaned data. sigma^2 = SSR/NT ({@code none}, the ML), SSR/(NT - K - absorbed fixed
     * effects) ({@code lee-yu}: the unbiased estimator that correction approximates) or SSR/m
     * ({@code transformation}: the ML of the transformed model, m = (N - [time])(T - [entity])).
     */
    SpatialFit slx() {
        double[][] z = d.design(true);
        List<String> names = d.designNames(true);
        LeastSquaresFit f = LeastSquares.fit(z, d.yd, names);
        int nt = d.rows();
        int k = z[0].length;
        LikelihoodScale sc = o.bias() == BiasCorrection.TRANSFORMATION ? LikelihoodScale.of(d, o.bias()) : LikelihoodScale.of(d, BiasCorrection.NONE);
        double sMl = f.ssr() / sc.observations();
        double s2 = o.bias() == BiasCorrection.LEE_YU ? f.ssr() / (nt - k - absorbed(d)) : sMl;
        double[][] xtxi = f.xtxInverse();
        double[][] v = new double[k + 1][k + 1];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) v[i][j] = s2 * xtxi[i][j];
        v[k][k] = 2 * s2 * s2 / sc.observations();
        List<String> terms = new ArrayList<>(names);
        terms.add("sigma2");
        double logLik = sc.logLik(f.ssr(), 0, 0);
        double[] est = Arrays.copyOf(f.beta(), k + 1);
        est[k] = s2;
        double[] ml = est.clone();
        ml[k] = sMl;
        return new SpatialFit("slx", terms, est, v, ml, logLik, f.ssr(), 1 - f.ssr() / d.totalSumOfSquares(), elhorstCorr2(d.yd, Dense.multiply(z, f.beta())),
                -1, false, Double.NaN, Double.NaN, "ols", o.bias(), sc, 0);
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

    static double[][] filtered(double[][] x, double[][] wx, double lambda) {
        double[][] out = new double[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) for (int j = 0; j < x[0].length; j++) out[r][j] = x[r][j] - lambda * wx[r][j];
        return out;
    }

    static double[] filtered(double[] y, double[] wy, double lambda) {
        double[] out = new double[y.length];
        for (int r = 0; r < y.length; r++) out[r] = y[r] - lambda * wy[r];
        return out;
    }

    static double[] residual(double[] yd, double[] wyd, double rho, double[][] z, double[] beta) {
        double[] e = new double[yd.length];
        for (int r = 0; r < yd.length; r++) e[r] = yd[r] - rho * wyd[r] - Dense.dot(z[r], beta);
        return e;
    }

    static double[] concat(double[] beta, double rho, double s2) {
        double[] out = Arrays.copyOf(beta, beta.length + 2);
        out[beta.length] = rho;
        out[beta.length + 1] = s2;
        return out;
    }

    /** Absorbed fixed-effect parameters (for degrees of freedom). */
    static int absorbed(SpatialPanel d) {
        return absorbed(new int[] {d.n, d.t}, d.effects);
    }

    /** Absorbed fixed-effect parameters of an N x T panel ({@code nt = {N, T}}). */
    static int absorbed(int[] nt, Effects effects) {
        return effects == Effects.ENTITY ? nt[0] : effects == Effects.TIME ? nt[1] : effects == Effects.TWOWAYS ? nt[0] + nt[1] - 1 : 0;
    }
}
