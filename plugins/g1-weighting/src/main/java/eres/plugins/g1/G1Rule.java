package eres.plugins.g1;

import eres.api.index.IndexParameters;
import eres.api.index.Level;
import eres.api.index.Weighting;
import eres.api.stats.Descriptives;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.index.WeightingRule;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * G1 (subjective) and SD-G1 (G1 corrected by the standard deviations of the normalised data) as a
 * {@link WeightingRule}.
 *
 * <p>The subjective weights {@code a_j} come from the expert order and ratios over all indicators
 * (section 4.1). A column of a {@link Level} that stands for several indicators (a criterion layer in
 * hierarchical aggregation) gets the sum of its indicators' {@code a_j}, and ranks by its most important
 * indicator; within a layer the weights are the layer's {@code a_j} renormalised. Because G1 ratios
 * compose multiplicatively ({@code w_a/w_c = r_b r_c}), this is exactly G1 on the restricted order,
 * and hierarchical pure G1 equals flat G1.
 *
 * <p>SD-G1 variants (section 4.2, chosen by {@code variant}):
 * <ul>
 *   <li>{@code multiplicative} (default): {@code w_j = a_j sd_j / sum_k a_k sd_k};</li>
 *   <li>{@code ordered-sigma-ratio}: expert order only; {@code r_k = max(s_(k-1), s_k)/min(s_(k-1), s_k)}, then G1;</li>
 *   <li>{@code raw-sigma-ratio}: {@code r_k = s_(k-1)/s_k}, then G1 (this equals plain SD weights, logged);</li>
 *   <li>{@code linear}: {@code w = alpha a + (1 - alpha) sd / sum sd}.</li>
 * </ul>
 * {@code sd_j} is the sample standard deviation (n - 1) of normalised column j; the n vs n - 1 choice
 * cancels in every variant.
 */
final class G1Rule implements WeightingRule {
    private final boolean sd;

    G1Rule(boolean sd) {
        this.sd = sd;
    }

    @Override
    public String label() {
        return sd ? "Standard-deviation-modified G1 (SD-G1)" : "Order-relation analysis (G1)";
    }

    @Override
    public Set<String> reads() {
        return sd ? Set.of("order", "ratios", "variant", "alpha") : Set.of("order", "ratios");
    }

    @Override
    public void check(IndexParameters p) {
        if (sd && !p.minMax()) {
            throw new SpecException("normalization", "g1-sd uses the standard deviations of the normalised indicators;"
                    + " after zscore every one is 1, so use normalization: minmax (or g1)");
        }
    }

    @Override
    public Weighting weigh(Level level, IndexParameters p) {
        List<String> order = p.expertOrder();
        int m = level.size();
        // subjective weights over all indicators, then per column (sum over its indicators)
        double[] rankRatios = p.expertRatios().stream().mapToDouble(Double::doubleValue).toArray();
        double[] aRanked = G1.weights(rankRatios);
        double[] a = new double[m];
        int[] rank = new int[m];
        for (int j = 0; j < m; j++) {
            rank[j] = Integer.MAX_VALUE;
            for (String ind : level.members(j)) {
                int r = order.indexOf(ind);
                a[j] += aRanked[r];
                rank[j] = Math.min(rank[j], r);
            }
        }
        normalise(a);
        Integer[] byRank = new Integer[m];
        for (int j = 0; j < m; j++) byRank[j] = j;
        Arrays.sort(byRank, Comparator.comparingInt(j -> rank[j]));
        double[] position = new double[m];
        for (int k = 0; k < m; k++) position[byRank[k]] = k + 1;

        String variant = p.sdG1Variant();
        Weighting.Builder b;
        double[] ratioUsed = new double[m];
        Arrays.fill(ratioUsed, Double.NaN);
        boolean expertRatios = !sd || variant.equals("multiplicative") || variant.equals("linear");
        if (expertRatios) {
            for (int k = 1; k < m; k++) ratioUsed[byRank[k]] = a[byRank[k - 1]] / a[byRank[k]];
        }
        if (!sd) {
            b = Weighting.builder(a).detail("rank", position).detail("r_k", ratioUsed).detail("G1 weight", a);
        } else {
            double[] s = new double[m];
            for (int j = 0; j < m; j++) s[j] = Math.sqrt(Descriptives.variance(level.column(j)));
            double[] sdWeights = s.clone();
            normalise(sdWeights);
            double[] w = new double[m];
            switch (variant) {
                case "multiplicative" -> {
                    for (int j = 0; j < m; j++) w[j] = a[j] * s[j];
                    normalise(w);
                }
                case "linear" -> {
                    double alpha = p.linearAlpha();
                    for (int j = 0; j < m; j++) w[j] = alpha * a[j] + (1 - alpha) * sdWeights[j];
                    normalise(w);
                }
                case "ordered-sigma-ratio", "raw-sigma-ratio" -> {
                    double[] r = new double[m - 1];
                    for (int k = 1; k < m; k++) {
                        double prev = s[byRank[k - 1]];
                        double cur = s[byRank[k]];
                        if (!(prev > 0 && cur > 0)) {
                            throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS, "SD-G1 ratio undefined in "
                                    + level.name() + ": standard deviation 0 for '" + level.columns().get(cur > 0 ? byRank[k - 1] : byRank[k]) + "'");
                        }
                        r[k - 1] = variant.equals("raw-sigma-ratio") ? prev / cur : Math.max(prev, cur) / Math.min(prev, cur);
                        ratioUsed[byRank[k]] = r[k - 1];
                    }
                    double[] ranked = G1.weights(r);
                    for (int k = 0; k < m; k++) w[byRank[k]] = ranked[k];
                }
                default -> throw new IllegalStateException(variant);
            }
            b = Weighting.builder(w).detail("rank", position).detail("r_k", ratioUsed).detail("sd", s)
                    .detail("G1 weight", a).detail("SD weight", sdWeights);
            b.note("SD-G1 variant: " + variant + switch (variant) {
                case "multiplicative" -> " (w_j = a_j sd_j / sum a_k sd_k; a = G1 weights).";
                case "linear" -> " (w = " + p.linearAlpha() + " G1 + " + (1 - p.linearAlpha()) + " SD weights).";
                case "ordered-sigma-ratio" -> " (expert order; r_k = max/min of adjacent standard deviations).";
                default -> " (r_k = s_(k-1)/s_k).";
            });
            if (variant.equals("raw-sigma-ratio")) {
                b.warning("sd-g1-raw-ratio", "SD-G1 with raw sigma ratio equals SD weights (w_j = sd_j / sum sd), whatever the expert order");
            }
            if (!expertRatios && p.ratios() != null) {
                b.warning("unused-parameter", "'ratios' is not used by the " + variant + " variant of SD-G1 (its ratios come from the data)");
            }
            if (!variant.equals("linear") && p.alpha() != null) {
                b.warning("unused-parameter", "'alpha' is used only by the linear variant of SD-G1");
            }
        }
        if (expertRatios && p.ratios() == null && order.size() > 1) {
            b.warning("default-ratios", "no expert ratios given: every r_k = 1.0 (equally important), so the G1 part gives equal weights");
        }
        b.note("Expert order (most important first): " + String.join(" > ", order.stream().map(p::label).toList())
                + (p.order() == null ? " (the indicator order; no 'order' given)" : "") + ".");
        if (expertRatios) {
            StringBuilder sb = new StringBuilder("Expert ratios r_2..r_m: ");
            List<Double> r = p.expertRatios();
            for (int k = 0; k < r.size(); k++) sb.append(k == 0 ? "" : ", ").append(r.get(k));
            b.note(sb + (p.ratios() == null ? " (default)." : "."));
        }
        return b.build();
    }

    private static void normalise(double[] w) {
        double sum = 0;
        for (double v : w) sum += v;
        for (int j = 0; j < w.length; j++) w[j] /= sum;
    }
}
