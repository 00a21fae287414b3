package eres.plugins.entropy;

import eres.api.index.IndexParameters;
import eres.api.index.Level;
import eres.api.index.Weighting;
import eres.api.index.WeightingRule;
import eres.api.linalg.Compensated;
import eres.api.stats.Descriptives;
import eres.api.EstimationException;
import eres.api.SpecException;
import java.util.Set;

/** The objective weighting rules of this plugin (composite-index.md sections 4.3-4.7) and user-given weights. */
final class Rules {
    private Rules() {
    }

    static void requireMinMax(String method, IndexParameters p, String why) {
        if (!p.minMax()) throw new SpecException("normalization", method + " needs normalization: minmax (" + why + ")");
    }

    static void normalise(double[] w) {
        double sum = Compensated.sum(w);
        for (int j = 0; j < w.length; j++) w[j] /= sum;
    }

    static double sd(double[] x) {
        return Math.sqrt(Descriptives.variance(x));
    }

    /**
     * Entropy weight method (section 4.3): {@code p_ij = z_ij / sum_i z_ij},
     * {@code e_j = -(1/ln n) sum_i p_ij ln p_ij}, {@code d_j = 1 - e_j}, {@code w_j = d_j / sum_k d_k}.
     * Needs every z &gt; 0, hence min-max with a positive shift.
     */
    static final class Entropy implements WeightingRule {
        @Override
        public String label() {
            return "Entropy weight method";
        }

        @Override
        public Set<String> reads() {
            return Set.of();
        }

        @Override
        public void check(IndexParameters p) {
            requireMinMax("entropy", p, "p ln p needs positive values; z-scores are negative for half the rows");
            if (!(p.shift() > 0)) {
                throw new SpecException("shift", "entropy needs shift > 0 (p ln p is undefined at the minimum, where z = shift), got " + p.shift());
            }
        }

        @Override
        public Weighting weigh(Level level, IndexParameters p) {
            int m = level.size();
            int n = level.rows();
            double[] e = new double[m];
            double[] d = new double[m];
            double lnN = Math.log(n);
            for (int j = 0; j < m; j++) {
                double[] z = level.column(j);
                double total = Compensated.sum(z);
                Compensated h = new Compensated(0);
                for (int i = 0; i < n; i++) {
                    if (!(z[i] > 0)) {
                        throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS, "entropy needs positive values; '"
                                + level.columns().get(j) + "' in " + level.name() + " has " + z[i]);
                    }
                    double pij = z[i] / total;
                    h.add(pij * Math.log(pij));
                }
                e[j] = -h.value() / lnN;
                // e_j <= 1 in exact arithmetic; clamp rounding noise of a near-uniform column
                d[j] = Math.max(0, 1 - e[j]);
            }
            double sum = Compensated.sum(d);
            if (!(sum > 0)) {
                throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS, "entropy weights undefined in " + level.name()
                        + ": every column is uniform (all d_j = 0)");
            }
            double[] w = d.clone();
            normalise(w);
            return Weighting.builder(w).detail("e_j", e).detail("d_j", d)
                    .note("Entropy: p_ij = z_ij / sum_i z_ij, e_j = -sum_i p_ij ln p_ij / ln n (n = " + n + " rows), w_j = (1 - e_j) / sum (1 - e_k).")
                    .build();
        }
    }

    /**
     * CRITIC (Diakoulaki, Mavrotas &amp; Papayannakis 1995, section 4.4):
     * {@code C_j = sd_j sum_k (1 - r_jk)}, r the Pearson correlation matrix, {@code w_j = C_j / sum C}.
     */
    static final class Critic implements WeightingRule {
        @Override
        public String label() {
            return "CRITIC";
        }

        @Override
        public Set<String> reads() {
            return Set.of();
        }

        @Override
        public void check(IndexParameters p) {
            requireMinMax("critic", p, "after zscore every standard deviation is 1 and the contrast-intensity part is lost");
        }

        @Override
        public Weighting weigh(Level level, IndexParameters p) {
            int m = level.size();
            double[] s = new double[m];
            double[] conflict = new double[m];
            double[] c = new double[m];
            for (int j = 0; j < m; j++) s[j] = sd(level.column(j));
            for (int j = 0; j < m; j++) {
                Compensated acc = new Compensated(0);
                for (int k = 0; k < m; k++) {
                    if (k == j) continue;
                    acc.add(1 - Descriptives.correlation(level.column(j), level.column(k)));
                }
                conflict[j] = acc.value();
                c[j] = s[j] * conflict[j];
            }
            double sum = Compensated.sum(c);
            if (!(sum > 1e-14 * Compensated.sum(s))) {
                throw new EstimationException(EstimationException.Reason.COLLINEAR,
                        "CRITIC weights undefined (all indicators perfectly correlated) in " + level.name());
            }
            double[] w = c.clone();
            normalise(w);
            return Weighting.builder(w).detail("sd", s).detail("sum(1 - r)", conflict).detail("C_j", c)
                    .note("CRITIC: C_j = sd_j sum_k (1 - r_jk), r = Pearson correlations of the normalised indicators, sd with n - 1.")
                    .build();
        }
    }

    /** Coefficient of variation (section 4.5): {@code v_j = sd_j / mean_j} on the normalised, shifted values. */
    static final class CoefficientOfVariation implements WeightingRule {
        @Override
        public String label() {
            return "Coefficient of variation";
        }

        @Override
        public Set<String> reads() {
            return Set.of();
        }

        @Override
        public void check(IndexParameters p) {
            requireMinMax("cv", p, "z-scores have mean 0, so sd/mean is undefined");
        }

        @Override
        public Weighting weigh(Level level, IndexParameters p) {
            int m = level.size();
            double[] mean = new double[m];
            double[] s = new double[m];
            double[] v = new double[m];
            for (int j = 0; j < m; j++) {
                mean[j] = Descriptives.mean(level.column(j));
                s[j] = sd(level.column(j));
                if (!(mean[j] > 0)) {
                    throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS, "coefficient of variation undefined: '"
                            + level.columns().get(j) + "' in " + level.name() + " has mean " + mean[j]);
                }
                v[j] = s[j] / mean[j];
            }
            double[] w = v.clone();
            normalise(w);
            return Weighting.builder(w).detail("mean", mean).detail("sd", s).detail("v_j", v)
                    .note("Coefficient of variation: v_j = sd_j / mean_j of the normalised (shifted) values, sd with n - 1.")
                    .build();
        }
    }

    /** Standard-deviation (mean-square-deviation) weights (section 4.6): {@code w_j = sd_j / sum sd}. */
    static final class StandardDeviation implements WeightingRule {
        @Override
        public String label() {
            return "Standard-deviation weights";
        }

        @Override
        public Set<String> reads() {
            return Set.of();
        }

        @Override
        public void check(IndexParameters p) {
            requireMinMax("sd", p, "after zscore every standard deviation is 1");
        }

        @Override
        public Weighting weigh(Level level, IndexParameters p) {
            int m = level.size();
            double[] s = new double[m];
            for (int j = 0; j < m; j++) s[j] = sd(level.column(j));
            double[] w = s.clone();
            normalise(w);
            return Weighting.builder(w).detail("sd", s).note("SD weights: w_j = sd_j / sum sd_k, sd with n - 1 of the normalised values.").build();
        }
    }

    /** Equal weights (section 4.7). */
    static final class Equal implements WeightingRule {
        @Override
        public String label() {
            return "Equal weights";
        }

        @Override
        public Set<String> reads() {
            return Set.of();
        }

        @Override
        public Weighting weigh(Level level, IndexParameters p) {
            double[] w = new double[level.size()];
            java.util.Arrays.fill(w, 1.0 / w.length);
            return Weighting.builder(w).note("Equal weights: w_j = 1/m within each level.").build();
        }
    }

    /**
     * User-given weights ({@code weights:}), e.g. to reproduce a published Table 1. A column standing for
     * several indicators (a criterion layer) gets the sum of their weights; weights are normalised to sum 1.
     */
    static final class Fixed implements WeightingRule {
        @Override
        public String label() {
            return "User-given weights";
        }

        @Override
        public Set<String> reads() {
            return Set.of("weights");
        }

        @Override
        public void check(IndexParameters p) {
            if (p.weights() == null) throw new SpecException("weights", "is required by fixed-weights: a non-negative weight per indicator");
        }

        @Override
        public Weighting weigh(Level level, IndexParameters p) {
            int m = level.size();
            double[] given = new double[m];
            for (int j = 0; j < m; j++) for (String ind : level.members(j)) given[j] += p.weights().get(ind);
            double total = Compensated.sum(given);
            if (!(total > 0)) {
                throw new SpecException("weights", "are all zero for the indicators of " + level.name());
            }
            double[] w = given.clone();
            normalise(w);
            Weighting.Builder b = Weighting.builder(w).detail("given", given).note("User-given weights, normalised to sum 1 within each level.");
            double all = 0;
            for (double v : p.weights().values()) all += v;
            if (Math.abs(all - 1) > 1e-9) {
                b.warning("weights-normalised", "the given weights sum to " + all + "; they were divided by their sum");
            }
            return b.build();
        }
    }
}
