package eres.plugins.threshold;

import eres.api.inference.AbsorbedHat;
import eres.api.inference.Clusters;
import eres.api.inference.CoefficientTable;
import eres.api.inference.CovarianceEstimate;
import eres.api.inference.CovarianceSpec;
import eres.api.inference.DegreesOfFreedom;
import eres.api.inference.SandwichEstimator;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.result.Coefficient;
import java.util.ArrayList;
import java.util.List;

/**
 * The final fixed-effects regression for given thresholds {@code g_1 < ... < g_K}: y~ on the controls~
 * and {@code (x 1(regime r))~} for every regime r = 0..K (no common x term, Stata's
 * {@code i._cat#c.(rx)}), on the same transformed sample as the search. Every covariance type of the
 * inference layer, with the degrees-of-freedom record {@code n' = rows of the regression, absorbed = G}:
 *
 * <ul>
 *   <li>{@code conventional}: {@code s^2 (X~'X~)^{-1}}, {@code s^2 = SSR / (n' - G - k)}: without the deletion
 *       {@code n' = n} and this is {@code xtreg, fe}; with Hansen's deletion {@code n' = n(T-1)} and it is
 *       his program's {@code SSR / (n(T-1) - n - k)} (issue 16, defect 1);</li>
 *   <li>{@code hc1}: {@code n'/(n' - G - k)} times White's sandwich (areg, robust); Hansen's "White" SE is
 *       {@code hc0};</li>
 *   <li>{@code cluster}: {@code G/(G-1) (n'-1)/(n'-k-1)} times the cluster sandwich, t(G - 1)
 *       (xtreg, fe vce(cluster id), i.e. xthreg's {@code vce(robust)}); HC2/HC3/CR2/CR3 use the leverages
 *       of the dummy-variable design (not available with the deletion); Driscoll–Kraay over the periods.</li>
 * </ul>
 */
final class RegimeRegression {
    record Regime(int index, String term, String bounds, double lower, double upper, int observations) {
    }

    /**
     * The inference inputs on the transformed rows: clusters (codes per transformed row), period and
     * entity of each transformed row.
     */
    record Inference(CovarianceSpec covariance, Clusters clusters, int[] period, int periods, int[] entity, int entities) {
    }

    record Fit(List<Coefficient> regimeCoefficients, List<Coefficient> controlCoefficients, List<Regime> regimes,
               double ssr, double r2Within, int nobs, int df, double dfT, double sigma, double sigmaU, double rho,
               List<String> terms, double[][] vcov, CovarianceEstimate covariance, DegreesOfFreedom dof, double[][] design,
               double[] response) {
        List<Coefficient> all() {
            List<Coefficient> c = new ArrayList<>(regimeCoefficients);
            c.addAll(controlCoefficients);
            return c;
        }
    }

    private RegimeRegression() {
    }

    static Fit fit(Prepared d, double[] thresholds, boolean strict, Inference inf, double level, String qName) {
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
        List<double[]> rawCols = new ArrayList<>();
        List<Regime> regimes = new ArrayList<>();
        int[] decimals = {labelDecimals(thresholds)};
        for (int g = 0; g <= kk; g++) {
            String bounds = bounds(qName, thresholds, g, strict, decimals[0]);
            for (int j = 0; j < kr; j++) {
                double[] raw = new double[d.n];
                for (int r = 0; r < d.n; r++) raw[r] = regime[r] == g ? d.x[r * kr + j] : 0;
                cols.add(d.transform(raw));
                rawCols.add(raw);
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
            rawCols.add(d.zRaw[j]);
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
        double[][] xcols = cols.toArray(new double[0][]);
        Clusters cl = inf.clusters();
        // period dummies (effects: twoways) are fixed effects: counted as absorbed, not as estimated coefficients
        int dummies = 0;
        for (String nm : names) if (nm.startsWith(ThresholdModel.PERIOD_DUMMY)) dummies++;
        DegreesOfFreedom dof = DegreesOfFreedom.linear(n, k - dummies, d.entities + dummies, cl == null ? 0 : cl.nestedAbsorbed(),
                d.entities - 1, inf.periods(), inf.covariance().dof());
        AbsorbedHat hat = d.deleteLast ? AbsorbedHat.NONE : AbsorbedHat.groups(inf.entity(), inf.entities());
        CovarianceEstimate ce = SandwichEstimator.estimate(new SandwichEstimator.Input(xcols, e, ls.xtxInverse(), ssr, hat, inf.period()),
                inf.covariance(), cl, dof);
        List<Coefficient> all = CoefficientTable.build(names, beta, ce, level);
        List<Coefficient> reg = new ArrayList<>(all.subList(0, nReg));
        List<Coefficient> ctl = new ArrayList<>(all.subList(nReg, k));
        double r2 = 1 - ssr / d.tssY[0];
        double sigma = Math.sqrt(ssr / dof.residualDf());
        // Stata xtreg, fe: u_i = ybar_i - xbar_i'b - (ybar - xbar'b), one per entity, sd with divisor G - 1
        double[] u = new double[d.entities];
        double cons = 0;
        for (int r = 0; r < d.n; r++) {
            double v = d.yRaw[r];
            for (int j = 0; j < k; j++) v -= rawCols.get(j)[r] * beta[j];
            u[d.entity[r]] += v / d.tCount[d.entity[r]];
            cons += v / d.n;
        }
        double mu = 0;
        for (int i = 0; i < d.entities; i++) mu += (u[i] - cons) / d.entities;
        double su = 0;
        for (int i = 0; i < d.entities; i++) su += (u[i] - cons - mu) * (u[i] - cons - mu);
        double sigmaU = d.entities > 1 ? Math.sqrt(su / (d.entities - 1)) : Double.NaN;
        double rho = sigmaU * sigmaU / (sigmaU * sigmaU + sigma * sigma);
        return new Fit(reg, ctl, regimes, ssr, r2, n, dof.residualDf(), ce.tDf(), sigma, sigmaU, rho, List.copyOf(names), ce.matrix(), ce,
                dof, xcols, d.yt);
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
