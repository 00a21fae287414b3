package eres.api.inference;

import eres.api.result.Coefficient;
import eres.api.stats.Distributions;
import java.util.ArrayList;
import java.util.List;

/**
 * The one coefficient-table builder: estimate, standard error {@code sqrt(V_jj)}, t (or z when the df
 * are infinite), two-sided p-value and the confidence interval {@code b +- t_{(1+level)/2, df} se}.
 */
public final class CoefficientTable {
    private CoefficientTable() {
    }

    public static List<Coefficient> build(List<String> terms, double[] beta, double[][] v, double df, double level) {
        double crit = Distributions.tQuantile(0.5 + level / 2, df);
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < beta.length; j++) {
            double se = v[j][j] > 0 ? Math.sqrt(v[j][j]) : Double.NaN;
            double t = beta[j] / se;
            out.add(new Coefficient(terms.get(j), beta[j], se, t, Distributions.tTwoSided(t, df), beta[j] - crit * se, beta[j] + crit * se));
        }
        return out;
    }

    public static List<Coefficient> build(List<String> terms, double[] beta, CovarianceEstimate v, double level) {
        return build(terms, beta, v.matrix(), v.tDf(), level);
    }
}
