package eres.api.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Tail probabilities and quantiles of the reference distributions, from Apache Commons Statistics
 * (survival functions are evaluated directly, so small p-values keep their relative accuracy).
 * Invalid degrees of freedom (&lt;= 0 or NaN) give NaN rather than an exception.
 */
public final class Distributions {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Distributions() {
    }

    /** Two-sided p-value of a t statistic: {@code 2 P(T_df > |t|)}; normal when df is infinite. */
    public static double tTwoSided(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) return Double.NaN;
        if (Double.isInfinite(df)) return normalTwoSided(t);
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }

    /** Quantile of Student's t. */
    public static double tQuantile(double p, double df) {
        if (!(df > 0)) return Double.NaN;
        if (Double.isInfinite(df)) return normalQuantile(p);
        return TDistribution.of(df).inverseCumulativeProbability(p);
    }

    /** Two-sided p-value of a z statistic. */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
    }

    public static double normalCdf(double z) {
        return STANDARD_NORMAL.cumulativeProbability(z);
    }

    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** Upper tail {@code P(F(d1, d2) > f)}. */
    public static double fUpper(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Double.NaN;
        if (f <= 0) return 1.0;
        return FDistribution.of(d1, d2).survivalProbability(f);
    }

    /** Upper tail {@code P(chi2(df) > x)}. */
    public static double chi2Upper(double x, double df) {
        if (Double.isNaN(x) || !(df > 0)) return Double.NaN;
        if (x <= 0) return 1.0;
        return ChiSquaredDistribution.of(df).survivalProbability(x);
    }

    public static double chi2Quantile(double p, double df) {
        if (!(df > 0)) return Double.NaN;
        return ChiSquaredDistribution.of(df).inverseCumulativeProbability(p);
    }

    public static double fQuantile(double p, double d1, double d2) {
        if (!(d1 > 0) || !(d2 > 0)) return Double.NaN;
        return FDistribution.of(d1, d2).inverseCumulativeProbability(p);
    }
}
