package eres.plugins.mediation;

import com.fasterxml.jackson.annotation.JsonInclude;
import eres.api.stats.Distributions;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bootstrap confidence intervals as Stata's {@code estat bootstrap, all} computes them (Efron &amp;
 * Tibshirani 1993, ch. 13-14; Stata [R] bootstrap postestimation), from the successful replicates
 * {@code theta*_1..theta*_k} and the full-sample estimate {@code theta^}:
 *
 * <ul>
 *   <li>normal: {@code theta^ -/+ z_{1-alpha/2} se*}, {@code se* = sd(theta*)} with divisor k - 1;</li>
 *   <li>percentile: the {@code alpha/2} and {@code 1 - alpha/2} percentiles of {@code theta*} by
 *       Stata's {@code _pctile} rule (R {@code quantile(type = 2)}): with {@code P = k p}, the mean of
 *       {@code x_(P)} and {@code x_(P+1)} if P is an integer, else {@code x_(ceil P)};</li>
 *   <li>bias-corrected: {@code z0 = Phi^{-1}(#{theta* <= theta^} / k)}, percentiles at
 *       {@code Phi(2 z0 + z_{alpha/2})} and {@code Phi(2 z0 + z_{1-alpha/2})}; undefined (NaN, with a
 *       note) when no or every replicate is at most {@code theta^};</li>
 *   <li>BCa: as BC with the acceleration {@code acc = sum (tbar - t_(-g))^3 / (6 [sum (tbar - t_(-g))^2]^{3/2})}
 *       from the jackknife estimates {@code t_(-g)}: percentiles at
 *       {@code Phi(z0 + (z0 + z_q) / (1 - acc (z0 + z_q)))} for {@code z_q = z_{alpha/2}, z_{1-alpha/2}}.</li>
 * </ul>
 * Also the bootstrap mean, bias {@code mean - theta^}, and the normal-approximation p-value
 * {@code 2 (1 - Phi(|theta^ / se*|))}. Verified on fixed replicate vectors against R (fixture
 * {@code ci-formulas}) and the hand-computed example of the method specification.
 */
public final class Intervals {
    /** The interval types. */
    public enum Type {
        PERCENTILE("percentile"), BC("bc"), BCA("bca"), NORMAL("normal");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return label;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Type of(String s) {
            return parse("ci", s);
        }

        @Override
        public String toString() {
            return label;
        }

        String display() {
            return switch (this) {
                case PERCENTILE -> "percentile";
                case BC -> "bias-corrected";
                case BCA -> "BCa";
                case NORMAL -> "normal";
            };
        }

        static Type parse(String path, String s) {
            if (s == null) throw new SpecException(path, "must be one of percentile, bc, bca, normal");
            return switch (s.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "percentile", "p", "pct" -> PERCENTILE;
                case "bc", "bias-corrected" -> BC;
                case "bca", "bias-corrected-accelerated" -> BCA;
                case "normal", "n", "norm" -> NORMAL;
                default -> throw new SpecException(path, "'" + s + "' is not one of percentile, bc, bca, normal");
            };
        }
    }

    /** A closed interval; NaN ends when undefined. */
    public record Interval(double low, double high) {
        /** True if both ends are defined and 0 lies outside. */
        public boolean excludesZero() {
            return Double.isFinite(low) && Double.isFinite(high) && (low > 0 || high < 0);
        }

        static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);
    }

    /** Bootstrap summary of one statistic; intervals not requested are {@code null}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String statistic, double estimate, int replications, double mean, double bias, double stdError,
                          double z, double pValue, Interval percentile, Interval bc, Interval bca, Interval normal,
                          double z0, Double acceleration, List<String> notes) {
        public Summary {
            notes = List.copyOf(notes);
        }

        /** The interval of a type ({@code null} if not computed). */
        Interval interval(Type t) {
            return switch (t) {
                case PERCENTILE -> percentile;
                case BC -> bc;
                case BCA -> bca;
                case NORMAL -> normal;
            };
        }
    }

    private Intervals() {
    }

    /**
     * The {@code p} percentile of ascending {@code sorted} values by Stata's {@code _pctile} rule. P = k p
     * counts as an integer within 1e-9 (so that {@code (1 - 0.95) / 2 * 1000} is 25).
     */
    static double percentile(double[] sorted, double p) {
        int k = sorted.length;
        if (k == 0 || Double.isNaN(p)) return Double.NaN;
        double big = k * p;
        long j = Math.round(big);
        if (Math.abs(big - j) <= 1e-9 * Math.max(1, big)) {
            if (j <= 0) return sorted[0];
            if (j >= k) return sorted[k - 1];
            return (sorted[(int) j - 1] + sorted[(int) j]) / 2;
        }
        int idx = (int) Math.ceil(big);
        idx = Math.max(1, Math.min(k, idx));
        return sorted[idx - 1];
    }

    /**
     * Summarises replicates.
     *
     * @param replicates successful replicates (NaN-free; not modified)
     * @param types      intervals to compute
     * @param jackknife  jackknife estimates for BCa, or {@code null}
     */
    static Summary summarize(String statistic, double estimate, double[] replicates, double level, Set<Type> types,
                             double[] jackknife) {
        int k = replicates.length;
        List<String> notes = new ArrayList<>();
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double mean = 0;
        for (double v : replicates) mean += v;
        mean /= k;
        double ss = 0;
        for (double v : replicates) ss += (v - mean) * (v - mean);
        double se = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
        double alpha = 1 - level;
        double zLow = Distributions.normalQuantile(alpha / 2);
        double zHigh = Distributions.normalQuantile(1 - alpha / 2);
        double z = estimate / se;
        double p = Distributions.normalTwoSided(z);

        int atMost = 0;
        for (double v : replicates) if (v <= estimate) atMost++;
        double z0 = k == 0 ? Double.NaN : Distributions.normalQuantile((double) atMost / k);
        boolean z0Finite = Double.isFinite(z0);
        if (!z0Finite && k > 0 && (types.contains(Type.BC) || types.contains(Type.BCA))) {
            notes.add((atMost == 0 ? "no" : "every") + " replicate of " + statistic + " is at most the estimate: z0 is infinite,"
                    + " so the bias-corrected intervals are undefined");
        }
        Interval normal = types.contains(Type.NORMAL) ? new Interval(estimate + zLow * se, estimate + zHigh * se) : null;
        Interval pct = types.contains(Type.PERCENTILE)
                ? new Interval(percentile(sorted, alpha / 2), percentile(sorted, 1 - alpha / 2)) : null;
        Interval bc = null;
        if (types.contains(Type.BC)) {
            bc = z0Finite ? new Interval(percentile(sorted, Distributions.normalCdf(2 * z0 + zLow)),
                    percentile(sorted, Distributions.normalCdf(2 * z0 + zHigh))) : Interval.UNDEFINED;
        }
        Interval bca = null;
        Double acc = null;
        if (types.contains(Type.BCA)) {
            acc = acceleration(jackknife);
            if (!Double.isFinite(acc)) {
                notes.add("the jackknife estimates of " + statistic + " do not vary: the acceleration and the BCa interval are undefined");
            }
            bca = z0Finite && Double.isFinite(acc)
                    ? new Interval(percentile(sorted, bcaLevel(z0, acc, zLow)), percentile(sorted, bcaLevel(z0, acc, zHigh)))
                    : Interval.UNDEFINED;
        }
        return new Summary(statistic, estimate, k, mean, mean - estimate, se, z, p, pct, bc, bca, normal, z0, acc, notes);
    }

    private static double bcaLevel(double z0, double acc, double zq) {
        double s = z0 + zq;
        return Distributions.normalCdf(z0 + s / (1 - acc * s));
    }

    /** Jackknife acceleration; NaN if the jackknife values are missing, non-finite or constant. */
    static double acceleration(double[] jackknife) {
        if (jackknife == null || jackknife.length < 2) return Double.NaN;
        double mean = 0;
        for (double v : jackknife) mean += v;
        mean /= jackknife.length;
        double s2 = 0;
        double s3 = 0;
        for (double v : jackknife) {
            double d = mean - v;
            s2 += d * d;
            s3 += d * d * d;
        }
        if (!(s2 > 0)) return Double.NaN;
        return s3 / (6 * Math.pow(s2, 1.5));
    }
}
