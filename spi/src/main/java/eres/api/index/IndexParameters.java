package eres.api.index;

import eres.api.Param;
import eres.api.SpecException;
import eres.api.result.OutputNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one parameter shape of every composite-index method ({@code g1}, {@code g1-sd}, {@code entropy},
 * {@code critic}, {@code cv}, {@code sd}, {@code equal}, {@code pca}, {@code fixed-weights}), so that swapping the
 * weighting method in a chain changes only {@code use:}. Method-specific keys ({@code order},
 * {@code ratios}, {@code variant}, {@code alpha}, {@code pca-rule}, {@code pca-share}, {@code weights})
 * are accepted by every method; a method that does not use one says so in a warning.
 *
 * <p>Everything that can be checked without the data is checked here, when the chain is bound, and
 * reported with the parameter path.
 *
 * @param indicators   indicator columns, in table order
 * @param negative     cost (negative) indicators; every other indicator is a benefit (positive) one
 * @param direction    alternative to {@code negative}: a direction for every indicator
 * @param layers       criterion layers (layer name -&gt; its indicators), in table order
 * @param aggregation  {@code flat} or {@code hierarchical}
 * @param normalization {@code minmax} or {@code zscore}
 * @param scope        {@code pooled} or {@code by-year}
 * @param shift        constant added after min-max normalisation
 * @param output       name of the new index column
 * @param labels       display labels of indicators
 * @param order        expert importance order (G1), most important first
 * @param ratios       G1 ratios r_2..r_m between adjacent indicators of {@code order}
 * @param variant      SD-G1 variant
 * @param alpha        weight of the subjective part in the linear SD-G1 combination
 * @param pcaRule      components kept by PCA
 * @param pcaShare     cumulative variance share for {@code pca-rule: share}
 * @param weights      user-given weights of {@code fixed-weights}
 * @param rescale      {@code none}, {@code unit} (min-max of the score to [0, 1]) or {@code percent} (x 100)
 * @param missing      {@code error} or {@code skip} (rows with a missing indicator get no index)
 * @param subscores    also write one column per criterion layer ({@code <output>_<layer>})
 * @param decimals     decimals of weights in tables
 */
public record IndexParameters(
        @Param(value = "indicator columns, in table order", required = true) List<String> indicators,
        @Param(value = "cost (negative) indicators; all others are benefit (positive)", defaultValue = "[]") List<String> negative,
        @Param(value = "direction per indicator (positive/negative), an alternative to 'negative' that must cover every indicator",
                defaultValue = "{}") Map<String, String> direction,
        @Param(value = "criterion layers: layer name -> its indicators (the Table 1 grouping)", computedDefault = "none (one level)")
        Map<String, List<String>> layers,
        @Param(value = "flat (weights over all indicators, layer weight = sum) or hierarchical (within layers, then across layer sub-scores)",
                defaultValue = "flat") String aggregation,
        @Param(value = "minmax (with shift) or zscore", defaultValue = "minmax") String normalization,
        @Param(value = "pooled (min/max over all rows) or by-year", defaultValue = "pooled") String scope,
        @Param(value = "constant added after min-max normalisation (needed > 0 by entropy)", defaultValue = "0.0001") Double shift,
        @Param(value = "name of the new index column", defaultValue = "index") String output,
        @Param(value = "display labels of indicators", defaultValue = "{}") Map<String, String> labels,
        @Param(value = "g1, g1-sd: expert importance order, most important first", computedDefault = "the order of indicators")
        List<String> order,
        @Param(value = "g1, g1-sd: ratios r_k = w_(k-1)/w_(k) of adjacent indicators in the order, each in [1.0, 1.8]",
                computedDefault = "all 1.0 (equally important)") List<Double> ratios,
        @Param(value = "g1-sd: multiplicative, ordered-sigma-ratio, raw-sigma-ratio or linear", computedDefault = "multiplicative (g1-sd)")
        String variant,
        @Param(value = "g1-sd linear: weight of the subjective G1 part, in [0, 1]", computedDefault = "0.5 (g1-sd linear)") Double alpha,
        @Param(value = "pca: components kept: kaiser (eigenvalue > 1), share (cumulative share >= pca-share) or first",
                computedDefault = "kaiser (pca)") String pcaRule,
        @Param(value = "pca: cumulative variance share for pca-rule share, in (0, 1]", computedDefault = "0.85 (pca, pca-rule share)") Double pcaShare,
        @Param(value = "fixed-weights: weight per indicator (non-negative; normalised to sum 1)", computedDefault = "none: required by fixed-weights") Map<String, Double> weights,
        @Param(value = "none, unit (rescale the score to [0, 1]) or percent (x 100)", defaultValue = "none") String rescale,
        @Param(value = "error, or skip (rows with a missing indicator are left out and get no index value)", defaultValue = "error")
        String missing,
        @Param(value = "also write one column per criterion layer, named <output>_<layer>", defaultValue = "false") Boolean subscores,
        @Param(value = "decimals of weights in tables", defaultValue = "4") Integer decimals) {

    /** The G1 ratio scale: 1.0 (equal) to 1.8 (extremely more important). */
    public static final double MIN_RATIO = 1.0;
    public static final double MAX_RATIO = 1.8;

    /** Method-specific keys (chain spelling) and whether this record has them set. */
    public static final List<String> METHOD_KEYS = List.of("order", "ratios", "variant", "alpha", "pca-rule", "pca-share", "weights");

    public IndexParameters {
        List<SpecException.Problem> problems = new ArrayList<>();
        if (indicators == null || indicators.isEmpty()) {
            throw new SpecException("indicators", "needs at least one indicator column");
        }
        indicators = List.copyOf(indicators);
        Set<String> seen = new HashSet<>();
        for (String i : indicators) {
            if (i == null || i.isBlank()) problems.add(new SpecException.Problem("indicators", "contains an empty name"));
            else if (!seen.add(i)) problems.add(new SpecException.Problem("indicators", "lists '" + i + "' twice"));
        }
        negative = negative == null ? List.of() : List.copyOf(negative);
        direction = direction == null ? Map.of() : ordered(direction);
        for (String n : negative) {
            if (!indicators.contains(n)) {
                problems.add(new SpecException.Problem("negative", "lists '" + n + "', which is not one of the indicators" + hint(n, indicators)));
            }
        }
        if (!direction.isEmpty()) {
            if (!negative.isEmpty()) {
                problems.add(new SpecException.Problem("direction", "give either 'negative' or 'direction', not both"));
            }
            for (Map.Entry<String, String> e : direction.entrySet()) {
                if (!indicators.contains(e.getKey())) {
                    problems.add(new SpecException.Problem("direction", "names '" + e.getKey() + "', which is not one of the indicators"
                            + hint(e.getKey(), indicators)));
                } else if (parseDirection(e.getValue()) == null) {
                    problems.add(new SpecException.Problem("direction." + e.getKey(), "'" + e.getValue()
                            + "' is not a direction (positive/negative, +/-, benefit/cost)"));
                }
            }
            for (String i : indicators) {
                if (!direction.containsKey(i)) {
                    problems.add(new SpecException.Problem("direction", "has no direction for indicator '" + i
                            + "' (when 'direction' is used it must cover every indicator)"));
                }
            }
        }
        if (layers != null) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            Map<String, String> layerOf = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : layers.entrySet()) {
                String layer = e.getKey();
                List<String> members = e.getValue() == null ? List.of() : List.copyOf(e.getValue());
                if (layer == null || layer.isBlank()) problems.add(new SpecException.Problem("layers", "has a layer without a name"));
                if (members.isEmpty()) problems.add(new SpecException.Problem("layers." + layer, "lists no indicators"));
                for (String m : members) {
                    if (!indicators.contains(m)) {
                        problems.add(new SpecException.Problem("layers." + layer, "lists '" + m + "', which is not one of the indicators" + hint(m, indicators)));
                    } else if (layerOf.containsKey(m)) {
                        problems.add(new SpecException.Problem("layers." + layer, "lists '" + m + "', which is already in layer '" + layerOf.get(m) + "'"));
                    } else {
                        layerOf.put(m, layer);
                    }
                }
                copy.put(layer, members);
            }
            for (String i : indicators) {
                if (!layerOf.containsKey(i) && !copy.isEmpty()) {
                    problems.add(new SpecException.Problem("layers", "puts indicator '" + i + "' in no layer (every indicator needs one)"));
                }
            }
            layers = Collections.unmodifiableMap(copy);
        }
        aggregation = lower(aggregation, "flat");
        if (!aggregation.equals("flat") && !aggregation.equals("hierarchical")) {
            problems.add(new SpecException.Problem("aggregation", "'" + aggregation + "' is not flat or hierarchical"));
        } else if (aggregation.equals("hierarchical") && (layers == null || layers.isEmpty())) {
            problems.add(new SpecException.Problem("aggregation", "hierarchical needs criterion layers ('layers')"));
        }
        normalization = lower(normalization, "minmax").replace("-", "").replace("_", "");
        if (!normalization.equals("minmax") && !normalization.equals("zscore")) {
            problems.add(new SpecException.Problem("normalization", "'" + normalization + "' is not minmax or zscore"));
        }
        scope = lower(scope, "pooled").replace("_", "-");
        if (scope.equals("year") || scope.equals("byyear")) scope = "by-year";
        if (!scope.equals("pooled") && !scope.equals("by-year")) {
            problems.add(new SpecException.Problem("scope", "'" + scope + "' is not pooled or by-year"));
        }
        shift = shift == null ? 1e-4 : shift;
        if (!(shift >= 0) || !Double.isFinite(shift) || shift > 100) {
            problems.add(new SpecException.Problem("shift", "must be in [0, 100], got " + shift));
        }
        output = output == null ? "index" : output;
        if (!OutputNames.isSafe(output)) {
            problems.add(new SpecException.Problem("output", "'" + output + "' is not a valid column name (letters, digits, . _ -)"));
        }
        labels = labels == null ? Map.of() : ordered(labels);
        if (order != null) {
            order = List.copyOf(order);
            Set<String> o = new HashSet<>();
            for (String s : order) {
                if (!indicators.contains(s)) {
                    problems.add(new SpecException.Problem("order", "names '" + s + "', which is not one of the indicators" + hint(s, indicators)));
                } else if (!o.add(s)) {
                    problems.add(new SpecException.Problem("order", "lists '" + s + "' twice"));
                }
            }
            for (String i : indicators) {
                if (!o.contains(i) && order.stream().allMatch(indicators::contains)) {
                    problems.add(new SpecException.Problem("order", "misses indicator '" + i + "' (the order must rank every indicator)"));
                }
            }
        }
        if (ratios != null) {
            ratios = List.copyOf(ratios);
            if (ratios.size() != indicators.size() - 1) {
                problems.add(new SpecException.Problem("ratios", "needs " + (indicators.size() - 1) + " values r_2..r_" + indicators.size()
                        + " (one per adjacent pair in the order), got " + ratios.size()));
            }
            for (int k = 0; k < ratios.size(); k++) {
                Double r = ratios.get(k);
                if (r == null || !(r >= MIN_RATIO && r <= MAX_RATIO)) {
                    problems.add(new SpecException.Problem("ratios[" + k + "]", "r_" + (k + 2) + " = " + r + " is outside the G1 scale ["
                            + MIN_RATIO + ", " + MAX_RATIO + "] (1.0 equal, 1.2 slightly, 1.4 obviously, 1.6 strongly, 1.8 extremely more important)"));
                }
            }
        }
        if (variant != null) {
            variant = variant.toLowerCase(Locale.ROOT).replace("_", "-");
            if (!List.of("multiplicative", "ordered-sigma-ratio", "raw-sigma-ratio", "linear").contains(variant)) {
                problems.add(new SpecException.Problem("variant", "'" + variant
                        + "' is not multiplicative, ordered-sigma-ratio, raw-sigma-ratio or linear"));
            }
        }
        if (alpha != null && !(alpha >= 0 && alpha <= 1)) {
            problems.add(new SpecException.Problem("alpha", "must be in [0, 1], got " + alpha));
        }
        if (pcaRule != null) {
            pcaRule = pcaRule.toLowerCase(Locale.ROOT);
            if (!List.of("kaiser", "share", "first").contains(pcaRule)) {
                problems.add(new SpecException.Problem("pca-rule", "'" + pcaRule + "' is not kaiser, share or first"));
            }
        }
        if (pcaShare != null && !(pcaShare > 0 && pcaShare <= 1)) {
            problems.add(new SpecException.Problem("pca-share", "must be in (0, 1], got " + pcaShare));
        }
        if (weights != null) {
            weights = ordered(weights);
            double sum = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                Double w = e.getValue();
                if (!indicators.contains(e.getKey())) {
                    problems.add(new SpecException.Problem("weights", "names '" + e.getKey() + "', which is not one of the indicators" + hint(e.getKey(), indicators)));
                } else if (w == null || !Double.isFinite(w)) {
                    problems.add(new SpecException.Problem("weights." + e.getKey(), "must be a finite number, got " + w));
                } else if (w < 0) {
                    problems.add(new SpecException.Problem("weights." + e.getKey(), "is negative (" + w + "); weights must be >= 0"));
                } else {
                    sum += w;
                }
            }
            for (String i : indicators) {
                if (!weights.containsKey(i)) problems.add(new SpecException.Problem("weights", "has no weight for indicator '" + i + "'"));
            }
            if (problems.isEmpty() && !(sum > 0)) problems.add(new SpecException.Problem("weights", "are all zero"));
        }
        rescale = lower(rescale, "none");
        if (!List.of("none", "unit", "percent").contains(rescale)) {
            problems.add(new SpecException.Problem("rescale", "'" + rescale + "' is not none, unit or percent"));
        }
        missing = lower(missing, "error");
        if (!missing.equals("error") && !missing.equals("skip")) {
            problems.add(new SpecException.Problem("missing", "'" + missing + "' is not error or skip"));
        }
        subscores = subscores != null && subscores;
        if (subscores && (layers == null || layers.isEmpty())) {
            problems.add(new SpecException.Problem("subscores", "needs criterion layers ('layers')"));
        }
        decimals = decimals == null ? 4 : decimals;
        if (decimals < 0 || decimals > 12) problems.add(new SpecException.Problem("decimals", "must be 0..12, got " + decimals));
        if (!problems.isEmpty()) throw new SpecException(problems);
    }

    /** Parameters with only the indicators set (everything else default); for tests and programmatic use. */
    public static IndexParameters of(List<String> indicators) {
        return new IndexParameters(indicators, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** True for a cost indicator. */
    public boolean isNegative(String indicator) {
        if (!direction.isEmpty()) return Boolean.TRUE.equals(parseDirection(direction.get(indicator)));
        return negative.contains(indicator);
    }

    /** Min-max (true) or z-score (false). */
    public boolean minMax() {
        return normalization.equals("minmax");
    }

    public boolean pooled() {
        return scope.equals("pooled");
    }

    public boolean hierarchical() {
        return aggregation.equals("hierarchical");
    }

    public boolean hasLayers() {
        return layers != null && !layers.isEmpty();
    }

    /** The expert order (defaults to the indicator order). */
    public List<String> expertOrder() {
        return order != null ? order : indicators;
    }

    /** The G1 ratios r_2..r_m (defaults to all 1.0). */
    public List<Double> expertRatios() {
        if (ratios != null) return ratios;
        List<Double> r = new ArrayList<>();
        for (int k = 1; k < indicators.size(); k++) r.add(1.0);
        return r;
    }

    public String sdG1Variant() {
        return variant == null ? "multiplicative" : variant;
    }

    public double linearAlpha() {
        return alpha == null ? 0.5 : alpha;
    }

    public String pcaRetention() {
        return pcaRule == null ? "kaiser" : pcaRule;
    }

    public double pcaCumulativeShare() {
        return pcaShare == null ? 0.85 : pcaShare;
    }

    /** Display label of an indicator. */
    public String label(String indicator) {
        return labels.getOrDefault(indicator, indicator);
    }

    /** The method-specific keys this record sets explicitly (chain spelling). */
    public List<String> methodKeysSet() {
        List<String> out = new ArrayList<>();
        if (order != null) out.add("order");
        if (ratios != null) out.add("ratios");
        if (variant != null) out.add("variant");
        if (alpha != null) out.add("alpha");
        if (pcaRule != null) out.add("pca-rule");
        if (pcaShare != null) out.add("pca-share");
        if (weights != null) out.add("weights");
        return out;
    }

    /** {@code TRUE} for negative, {@code FALSE} for positive, {@code null} if not a direction. */
    static Boolean parseDirection(String s) {
        if (s == null) return null;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "negative", "-", "cost", "-1" -> Boolean.TRUE;
            case "positive", "+", "benefit", "+1", "1" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String lower(String s, String dflt) {
        return s == null ? dflt : s.strip().toLowerCase(Locale.ROOT);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static String hint(String name, List<String> candidates) {
        return eres.api.Suggestions.hint(name, candidates);
    }
}
