package eres.plugins.threshold;

import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.panel.Covariance;
import eres.api.stats.Distributions;
import eres.api.result.Coefficient;
import java.util.ArrayList;
import java.util.List;

/**
 * The final fixed-effects regression for given thresholds {@code g_1 < ... < g_K}: y~ on the controls~
 * and {@code (x 1(regime r))~} for every regime r = 0..K (no common x term, Stata's
 * {@code i._cat#c.(rx)}), on the same transformed sample as the search. Covariance:
 *
 * <ul>
 *   <li>{@code conventional}: {@code s^2 (X~'X~)^{-1}}, {@code s^2 = SSR / (sum_i (T_i - 1) - k)} (xtreg, fe;
 *       with Hansen's deletion this is his "homoskedastic" SE);</li>
 *   <li>{@code robust}: HC1, {@code n'/(sum_i(T_i - 1) - k)} times White's sandwich (areg, robust);</li>
 *   <li>{@code cluster}: by entity, {@code G/(G-1) (n'-1)/(n'-k-1)} times the cluster sandwich, t(G - 1)
 *       (xtreg, fe vce(cluster id), i.e. xthreg's {@code vce(robust)}).</li>
 * </ul>
 */
final class RegimeRegression {
    record Regime(int index, String term, String bounds, double lower, double upper, int observations) {
    }

    record Fit(List<Coefficient> regimeCoefficients, List<Coefficient> controlCoefficients, List<Regime> regimes,
               double ssr, double r2Within, int nobs, int df, double dfT, double sigma) {
        List<Coefficient> all() {
            List<Coefficient> c = new ArrayList<>(regimeCoefficients);
            c.addAll(controlCoefficients);
            return c;
        }
    }

    private RegimeRegression() {
    }

    static Fit fit(Prepared d, double[] thresholds, boolean strict, String se, double level, String qName) {
        int kk = thresholds.length;
        int kr = d.kr;
        int[] regime = new int[d.n];
        int[] count = new int[kk + 1];
        for (int r = 0; r < d.n; r++) {
            int g = 0;
            for (double t : thresholds) if (strict ? d.q[r] >= t : d.q[r] > t) g++;
            regime[r] = g;
            if (d.trow[r] >= 0) count[g]++;
        }
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<Regime> regimes = new ArrayList<>();
        int[] decimals = {labelDecimals(thresholds)};
        for (int g = 0; g <= kk; g++) {
            String bounds = bounds(qName, thresholds, g, strict, decimals[0]);
            for (int j = 0; j < kr; j++) {
                double[] raw = new double[d.n];
                for (int r = 0; r < d.n; r++) raw[r] = regime[r] == g ? d.x[r * kr + j] : 0;
                cols.add(d.transform(raw));
                String term = kk == 0 ? d.xNames.get(j) : d.xNames.get(j) + " × I(" + bounds + ")";
                names.add(term);
                if (j == 0) {
                    regimes.add(new Regime(g, term, bounds, g == 0 ? Double.NEGATIVE_INFINITY : thresholds[g - 1],
                            g == kk ? Double.POSITIVE_INFINITY : thresholds[g], count[g]));
                }
            }
        }
        int nReg = names.size();
        for (int j = 0; j < d.kz; j++) {
            cols.add(d.zt[j]);
            names.add(d.zNames.get(j));
        }
        int k = cols.size();
        int n = d.nt;
        double[][] design = new double[n][k];
        for (int j = 0; j < k; j++) {
            double[] c = cols.get(j);
            for (int i = 0; i < n; i++) design[i][j] = c[i];
        }
        LeastSquaresFit ls = LeastSquares.fit(design, d.yt, names);
        double[] beta = ls.beta();
        double[] e = ls.residuals();
        double ssr = ls.ssr();
        int df = d.df - k;
        double[][] bread = ls.xtxInverse();
        double[][] xcols = cols.toArray(new double[0][]);
        double[][] v;
        double dfT;
        switch (se) {
            case "robust" -> {
                v = Covariance.sandwich(bread, Covariance.heteroskedasticMeat(xcols, e), (double) n / df);
                dfT = df;
            }
            case "cluster" -> {
                int[] cl = new int[n];
                for (int i = 0; i < d.entities; i++) for (int t = d.tStart[i]; t < d.tStart[i + 1]; t++) cl[t] = i;
                int g = d.entities;
                double c = (double) g / (g - 1) * (n - 1.0) / (n - k - 1.0);
                v = Covariance.sandwich(bread, Covariance.clusterMeat(xcols, e, cl, g), c);
                dfT = g - 1;
            }
            default -> {
                v = Covariance.conventional(bread, ssr / df);
                dfT = df;
            }
        }
        double tcrit = Distributions.tQuantile(0.5 + level / 2, dfT);
        List<Coefficient> reg = new ArrayList<>();
        List<Coefficient> ctl = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double s = Math.sqrt(v[j][j]);
            double t = beta[j] / s;
            Coefficient c = new Coefficient(names.get(j), beta[j], s, t, Distributions.tTwoSided(t, dfT),
                    beta[j] - tcrit * s, beta[j] + tcrit * s);
            (j < nReg ? reg : ctl).add(c);
        }
        double r2 = 1 - ssr / d.tssY[0];
        return new Fit(reg, ctl, regimes, ssr, r2, n, df, dfT, Math.sqrt(ssr / df));
    }

    /** Regime bounds as text, e.g. {@code d1 <= 0.0157}, {@code 0.0157 < d1 <= 0.5362}, {@code d1 > 0.5362}. */
    static String bounds(String q, double[] t, int g, boolean strict, int decimals) {
        int kk = t.length;
        String le = strict ? " < " : " ≤ ";
        String lo = strict ? " ≤ " : " < ";
        if (kk == 0) return "all";
        if (g == 0) return q + le + fmt(t[0], decimals);
        if (g == kk) return q + (strict ? " ≥ " : " > ") + fmt(t[kk - 1], decimals);
        return fmt(t[g - 1], decimals) + lo + q + le + fmt(t[g], decimals);
    }

    /** Fewest significant digits (at least 4) that keep the thresholds distinguishable in labels. */
    static int labelDecimals(double[] t) {
        for (int sig = 4; sig <= 15; sig++) {
            boolean ok = true;
            for (int i = 1; i < t.length && ok; i++) if (fmt(t[i], sig).equals(fmt(t[i - 1], sig))) ok = false;
            if (ok) return sig;
        }
        return 17;
    }

    /** {@code v} rounded to {@code sig} significant digits, plain notation, trailing zeros removed. */
    static String fmt(double v, int sig) {
        if (v == 0) return "0";
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(sig, java.math.RoundingMode.HALF_EVEN))
                .stripTrailingZeros().toPlainString();
        return s;
    }
}
