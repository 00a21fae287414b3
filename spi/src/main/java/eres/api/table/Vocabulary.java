package eres.api.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a table may ask for in its statistics rows: model statistics (one vocabulary for every
 * estimator: {@code nobs}, {@code entities}, {@code r2-within}, {@code ssr} ...) and tests by their
 * result name ({@code breusch-pagan}, {@code first-stage-f} ...), each with its display name in
 * {@link Messages}. A test whose name the vocabulary does not know can still be asked for as
 * {@code test:<name>}.
 */
public final class Vocabulary {
    /** How a statistic prints. */
    public enum Kind {
        /** an integer with the thousands separator (observations, entities) */
        COUNT,
        /** a statistic with the statistics decimals (R^2, log-likelihood) */
        REAL,
        /** an estimate with the coefficient decimals (threshold values, bandwidths) */
        ESTIMATE
    }

    private static final Map<String, Kind> STATISTICS = new LinkedHashMap<>();

    static {
        for (String s : List.of("nobs", "entities", "periods", "clusters")) STATISTICS.put(s, Kind.COUNT);
        for (String s : List.of("r2", "r2-within", "r2-between", "r2-overall", "r2-adjusted", "corr2", "ssr", "sigma", "loglik", "aic",
                "aicc", "bic")) {
            STATISTICS.put(s, Kind.REAL);
        }
        for (String s : List.of("threshold-1", "threshold-2", "threshold-3", "bandwidth")) STATISTICS.put(s, Kind.ESTIMATE);
    }

    private Vocabulary() {
    }

    /** Every statistic id, in display order. */
    public static List<String> statistics() {
        return List.copyOf(STATISTICS.keySet());
    }

    /** The kind of a statistic id, or null when it is none. */
    public static Kind kind(String id) {
        return STATISTICS.get(id);
    }

    /** Whether {@code name} is a test the vocabulary names (its base name, before a space or colon). */
    public static boolean isKnownTest(String name) {
        return Messages.has("test." + base(name));
    }

    /** Whether a statistics entry asks for a test ({@code test:<name>} or a known test name). */
    public static boolean isTest(String id) {
        return id.startsWith("test:") || (kind(id) == null && isKnownTest(id));
    }

    /** Every test base name with a display name. */
    public static List<String> tests() {
        return TESTS;
    }

    private static final List<String> TESTS = List.of("model-f", "entity-effects-f", "breusch-pagan", "breusch-pagan-koenker",
            "wald-groupwise", "first-stage-f", "sanderson-windmeijer-f", "angrist-pischke-f", "anderson-lm", "cragg-donald-f",
            "kleibergen-paap-lm", "kleibergen-paap-f", "hansen-j", "sargan", "endogeneity-c", "durbin", "wu-hausman",
            "anderson-rubin-f", "anderson-rubin-chi2", "stock-wright-s", "threshold-single", "threshold-double", "threshold-triple",
            "sobel", "aroian", "goodman", "bootstrap", "lm-lag", "robust-lm-lag", "lm-error", "robust-lm-error", "lr-sdm-vs-sar",
            "wald-sdm-vs-sar", "lr-sdm-vs-sem", "wald-sdm-vs-sem", "hausman", "gwr-anova-f", "nonstationarity");

    /** The base of a test name: {@code first-stage-f ln_opt} gives {@code first-stage-f}, {@code sobel:div} gives {@code sobel}. */
    public static String base(String testName) {
        String n = testName.startsWith("test:") ? testName.substring(5) : testName;
        int cut = n.length();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == ' ' || c == ':') {
                cut = i;
                break;
            }
        }
        // nonstationarity-<term>
        if (n.startsWith("nonstationarity-")) return "nonstationarity";
        return n.substring(0, cut);
    }

    /** What follows the base ({@code ln_opt}, {@code div}), or {@code ""}. */
    public static String qualifier(String testName) {
        String n = testName.startsWith("test:") ? testName.substring(5) : testName;
        if (n.startsWith("nonstationarity-")) return n.substring("nonstationarity-".length());
        String b = base(n);
        return n.length() > b.length() ? n.substring(b.length() + 1).strip() : "";
    }

    /** The display name of a test, e.g. {@code First-stage F (ln Opt)}; unknown tests keep their name. */
    public static String testName(String testName, Language language, Map<String, String> labels) {
        String b = base(testName);
        String q = qualifier(testName);
        String shown = Messages.has("test." + b) ? Messages.text(language, "test." + b) : b;
        if (q.isEmpty()) return shown;
        return shown + " (" + labels.getOrDefault(q, q) + ")";
    }
}
