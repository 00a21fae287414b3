package eres.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.TestStatistic;
import eres.api.table.EstimatesTable;
import eres.api.table.Language;
import eres.api.table.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where publication tables read step results: it turns a step's {@link StepResult}
 * (and the step's parameters) into table models under one vocabulary, whatever each estimator calls
 * things. When an estimator renames a statistic (e.g. {@code rss} to {@code ssr}, {@code groups} to
 * {@code entities}) only {@link #STATISTIC_KEYS} changes.
 *
 * <p>Where an estimator writes the typed {@code summary} section ({@code eres.api.inference.ModelSummary}:
 * nobs, entities, ssr, r2 kinds, covariance, clusters), it is read first; the {@code statistics} map
 * fills what the summary does not have.
 *
 * <p>A step offers one or more models: {@code main} (its coefficients, statistics and tests), and for
 * some estimators sub-models read from their result sections: {@code first-stage} (iv-2sls, one per
 * endogenous regressor: {@code first-stage:<variable>}), the equations of mediation ({@code E1},
 * {@code E2:<mediator>}, {@code E3:<mediator>}). Threshold regime coefficients are renamed by regime
 * ({@code <x>:lower}, {@code <x>:middle}, {@code <x>:upper}), so tables align regimes across regions
 * instead of by each region's threshold value; SDM effects become {@code direct:<x>},
 * {@code indirect:<x>}, {@code total:<x>}.
 */
public final class ResultAdapter {
    /** Vocabulary id to the result keys that hold it, first present wins. */
    static final Map<String, List<String>> STATISTIC_KEYS = new LinkedHashMap<>();

    static {
        STATISTIC_KEYS.put("nobs", List.of("nobs"));
        STATISTIC_KEYS.put("entities", List.of("entities", "groups", "units"));
        STATISTIC_KEYS.put("periods", List.of("periods"));
        STATISTIC_KEYS.put("clusters", List.of("clusters"));
        STATISTIC_KEYS.put("r2", List.of("r2"));
        STATISTIC_KEYS.put("r2-within", List.of("r2Within"));
        STATISTIC_KEYS.put("r2-between", List.of("r2Between"));
        STATISTIC_KEYS.put("r2-overall", List.of("r2Overall"));
        STATISTIC_KEYS.put("r2-adjusted", List.of("r2Adjusted", "r2Adj"));
        STATISTIC_KEYS.put("corr2", List.of("corr2"));
        STATISTIC_KEYS.put("ssr", List.of("ssr", "rss"));
        STATISTIC_KEYS.put("sigma", List.of("sigma", "sigmaE"));
        STATISTIC_KEYS.put("loglik", List.of("logLik", "loglik"));
        STATISTIC_KEYS.put("aic", List.of("aic"));
        STATISTIC_KEYS.put("aicc", List.of("aicc"));
        STATISTIC_KEYS.put("bic", List.of("bic"));
        STATISTIC_KEYS.put("threshold-1", List.of("gamma1"));
        STATISTIC_KEYS.put("threshold-2", List.of("gamma2"));
        STATISTIC_KEYS.put("threshold-3", List.of("gamma3"));
        STATISTIC_KEYS.put("bandwidth", List.of("bandwidth"));
    }

    private ResultAdapter() {
    }

    /**
     * One model of a step as a table column's content.
     *
     * @param labels labels eres generates for renamed terms (regimes, effects), before the chain's labels
     */
    public record Model(String name, String dependent, List<Coefficient> coefficients, Map<String, Double> statistics,
                        List<TestStatistic> tests, Map<String, String> indicators, EstimatesTable.Covariance covariance,
                        double level, Map<String, String> labels, String regimeVariable) {
    }

    /** The statistics of a result under the vocabulary ids. */
    public static Map<String, Double> statistics(Map<String, Object> raw) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : STATISTIC_KEYS.entrySet()) {
            for (String k : e.getValue()) {
                if (raw.get(k) instanceof Number n) {
                    out.put(e.getKey(), n.doubleValue());
                    break;
                }
            }
        }
        return out;
    }

    /** The names of the models a step offers. */
    public static List<String> modelNames(StepResult r) {
        List<String> names = new ArrayList<>();
        names.add("main");
        JsonNode sections = sections(r);
        JsonNode fs = sections.path("firstStage");
        if (fs.isArray()) {
            names.add("first-stage");
            if (fs.size() > 1) for (JsonNode f : fs) names.add("first-stage:" + f.path("endogenous").asText());
        }
        JsonNode eq = sections.path("equations");
        if (eq.isArray()) for (JsonNode e : eq) names.add(e.path("id").asText());
        return names;
    }

    /**
     * A model of a step's result.
     *
     * @param use       the step's extension id
     * @param with      the step's parameters as written in the chain
     * @param entity    the panel's entity column (what "clustered by entity" names)
     * @param name      {@code main} or one of {@link #modelNames}
     * @param language  for generated labels
     * @param userLabels the chain's and table's labels (used inside generated labels)
     * @return null if the step has no such model
     */
    public static Model model(String use, JsonNode with, String entity, StepResult r, String name, Language language,
                              Map<String, String> userLabels) {
        Map<String, Object> raw = withSummary(r.statistics(), sections(r).path("summary"));
        Map<String, Double> stats = statistics(raw);
        Map<String, String> indicators = indicators(use, with, raw, entity);
        EstimatesTable.Covariance cov = covariance(use, raw, entity);
        double level = raw.get("level") instanceof Number n ? n.doubleValue() : 0.95;
        String dependent = text(with, "y");
        Map<String, String> labels = new LinkedHashMap<>();
        if (name == null || name.equals("main")) {
            JsonNode sections = sections(r);
            List<Coefficient> coefficients = new ArrayList<>(r.coefficients());
            String regimeVariable = regimes(sections, coefficients, labels, language, with, userLabels);
            effects(sections, coefficients, labels, language, userLabels);
            return new Model("main", dependent, coefficients, stats, r.tests(), indicators, cov, level, labels, regimeVariable);
        }
        JsonNode sections = sections(r);
        if (name.startsWith("first-stage")) {
            JsonNode fs = sections.path("firstStage");
            if (!fs.isArray() || fs.isEmpty()) return null;
            JsonNode chosen = null;
            if (name.equals("first-stage")) chosen = fs.get(0);
            else for (JsonNode f : fs) if (("first-stage:" + f.path("endogenous").asText()).equals(name)) chosen = f;
            if (chosen == null) return null;
            List<TestStatistic> tests = new ArrayList<>();
            if (chosen.has("f")) tests.add(test(chosen.get("f")));
            Map<String, Double> s = new LinkedHashMap<>();
            if (stats.containsKey("nobs")) s.put("nobs", stats.get("nobs"));
            if (stats.containsKey("entities")) s.put("entities", stats.get("entities"));
            if (stats.containsKey("clusters")) s.put("clusters", stats.get("clusters"));
            return new Model(name, chosen.path("endogenous").asText(), coefficients(chosen.path("coefficients")), s, tests, indicators, cov,
                    level, labels, null);
        }
        JsonNode eq = sections.path("equations");
        if (eq.isArray()) {
            for (JsonNode e : eq) {
                if (!e.path("id").asText().equals(name)) continue;
                Map<String, Object> eraw = new LinkedHashMap<>();
                e.fields().forEachRemaining(f -> {
                    if (f.getValue().isNumber()) eraw.put(f.getKey(), f.getValue().doubleValue());
                });
                Map<String, Double> s = statistics(eraw);
                return new Model(name, e.path("dependent").asText(null), coefficients(e.path("coefficients")), s, List.of(), indicators,
                        cov, level, labels, null);
            }
        }
        return null;
    }

    /**
     * The statistics with the typed {@code summary} section ({@code eres.api.inference.ModelSummary}) laid over
     * them: where an estimator writes the summary, its values win, under the keys the statistics use.
     */
    static Map<String, Object> withSummary(Map<String, Object> statistics, JsonNode summary) {
        if (summary == null || !summary.isObject()) return statistics;
        Map<String, Object> m = new LinkedHashMap<>(statistics);
        summary.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isNumber()) m.put(f.getKey(), v.numberValue());
            else if (v.isTextual()) m.put(f.getKey(), v.asText());
        });
        JsonNode cv = summary.path("clusterVariables");
        if (cv.isArray() && cv.size() > 0) {
            List<String> names = new ArrayList<>();
            cv.forEach(n -> names.add(n.asText()));
            m.put("clusterVariable", String.join(" and ", names));
        }
        if (summary.path("covariance").isTextual()) m.put("se", summary.path("covariance").asText());
        return m;
    }

    /** The result's model-specific sections as JSON (plugin records, lists and maps). */
    static JsonNode sections(StepResult r) {
        if (r.sections().isEmpty()) return JsonNodeFactory.instance.objectNode();
        return Json.mapper().valueToTree(r.sections());
    }

    /**
     * Threshold models: regime terms renamed {@code <x>:lower}, {@code <x>:middle}, {@code <x>:upper}
     * (four regimes: {@code middle-1}, {@code middle-2}), from the {@code regimes} section.
     *
     * @return the threshold variable, or null when the result has no regimes
     */
    static String regimes(JsonNode sections, List<Coefficient> coefficients, Map<String, String> labels, Language lang, JsonNode with,
                          Map<String, String> userLabels) {
        JsonNode regimes = sections.path("regimes");
        if (!regimes.isArray() || regimes.isEmpty()) return null;
        int count = regimes.size();
        List<String> names = regimeNames(count);
        Map<String, String> rename = new LinkedHashMap<>();
        for (JsonNode g : regimes) {
            int index = g.path("index").asInt(-1);
            String term = g.path("term").asText();
            if (index < 0 || index >= count || term.isEmpty()) continue;
            rename.put(term, names.get(index));
        }
        // several regime variables share the regime index: terms start with "<x> × I("
        for (int i = 0; i < coefficients.size(); i++) {
            Coefficient c = coefficients.get(i);
            String regime = rename.get(c.term());
            int cut = c.term().indexOf(" × I(");
            if (regime == null && cut > 0) {
                String tail = c.term().substring(cut);
                for (Map.Entry<String, String> e : rename.entrySet()) if (e.getKey().endsWith(tail)) regime = e.getValue();
            }
            if (regime == null || cut <= 0) continue;
            String x = c.term().substring(0, cut);
            String term = x + ":" + regime;
            coefficients.set(i, new Coefficient(term, c.estimate(), c.stdError(), c.statistic(), c.pValue(), c.ciLow(), c.ciHigh()));
            labels.put(term, userLabels.getOrDefault(x, x) + Messages.text(lang, "regime." + regime));
        }
        return text(with, "threshold");
    }

    /** Regime names by number of regimes. */
    static List<String> regimeNames(int count) {
        return switch (count) {
            case 1 -> List.of("lower");
            case 2 -> List.of("lower", "upper");
            case 3 -> List.of("lower", "middle", "upper");
            default -> {
                List<String> n = new ArrayList<>(List.of("lower"));
                for (int i = 1; i < count - 1; i++) n.add("middle-" + i);
                n.add("upper");
                yield n;
            }
        };
    }

    /** SDM/SAR effects as coefficients {@code direct:<x>} etc. (from the {@code effects} section). */
    static void effects(JsonNode sections, List<Coefficient> coefficients, Map<String, String> labels, Language lang,
                        Map<String, String> userLabels) {
        JsonNode effects = sections.path("effects");
        if (!effects.isArray()) return;
        for (JsonNode e : effects) {
            String variable = e.path("variable").asText(null);
            String effect = e.path("effect").asText(null);
            if (variable == null || effect == null || !e.has("estimate")) continue;
            String term = effect + ":" + variable;
            double z = num(e.path("z"));
            coefficients.add(new Coefficient(term, num(e.path("estimate")), num(e.path("stdError")), z, num(e.path("pValue")),
                    num(e.path("ciLow")), num(e.path("ciHigh"))));
            if (Messages.has("effect." + effect)) labels.put(term, Messages.text(lang, "effect." + effect, userLabels.getOrDefault(variable, variable)));
        }
    }

    /** Indicator values: controls, fixed effects, clustering, SE type. */
    static Map<String, String> indicators(String use, JsonNode with, Map<String, Object> raw, String entity) {
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode controls = with.path("controls");
        boolean hasControls = controls.isArray() ? controls.size() > 0 : controls.isTextual() && !controls.asText().isBlank();
        m.put("controls", hasControls ? "yes" : "no");
        String effects = effects(use, with, raw);
        if (effects != null) {
            boolean entityFe = effects.equals("twoways") || effects.equals("individual");
            boolean timeFe = effects.equals("twoways") || effects.equals("time");
            m.put("entity-effects", entityFe ? "yes" : "no");
            m.put("time-effects", timeFe ? "yes" : "no");
            m.put("fixed-effects", "fe." + (entityFe && timeFe ? "twoways" : entityFe ? "entity" : timeFe ? "time" : "none"));
        }
        String se = se(raw);
        if (se != null) {
            m.put("cluster", se.equals("cluster") ? clusterVariable(raw, entity) : "no");
            m.put("se", "ind.se." + se);
        }
        return m;
    }

    /** {@code twoways}, {@code individual}, {@code time}, {@code none}, or null when unknown. */
    static String effects(String use, JsonNode with, Map<String, Object> raw) {
        String e = raw.get("effects") instanceof String s ? s : text(with, "effects");
        if (e == null && use.equals("threshold")) e = "individual"; // Hansen (1999): the within (entity) transformation
        if (e == null) return null;
        return switch (e.toLowerCase(Locale.ROOT)) {
            case "twoways", "two-way", "twoway", "both" -> "twoways";
            case "individual", "entity", "oneway", "one-way" -> "individual";
            case "time" -> "time";
            default -> "none";
        };
    }

    private static String se(Map<String, Object> raw) {
        Object se = raw.get("se");
        if (se instanceof String s) {
            String v = s.toLowerCase(Locale.ROOT);
            if (v.startsWith("cluster") || v.matches("cr[0-3]")) return "cluster";
            if (v.startsWith("robust") || v.matches("hc[0-3]?")) return "robust";
            if (v.equals("conventional") || v.equals("iid") || v.equals("unadjusted")) return "conventional";
            return v;
        }
        if (raw.get("variance") instanceof String v && (v.equals("information") || v.equals("hessian") || v.equals("numerical"))) {
            return "information";
        }
        return null;
    }

    private static String clusterVariable(Map<String, Object> raw, String entity) {
        return raw.get("clusterVariable") instanceof String s ? s : entity;
    }

    static EstimatesTable.Covariance covariance(String use, Map<String, Object> raw, String entity) {
        String se = se(raw);
        if (se == null) return null;
        if (!se.equals("cluster")) return new EstimatesTable.Covariance(se, null, null);
        String by = clusterVariable(raw, entity);
        Long clusters = raw.get("clusters") instanceof Number n ? n.longValue() : null;
        if (clusters == null && by != null && by.equals(entity)) {
            Map<String, Double> s = statistics(raw);
            if (s.containsKey("entities")) clusters = Math.round(s.get("entities"));
        }
        return new EstimatesTable.Covariance("cluster", by, clusters);
    }

    static List<Coefficient> coefficients(JsonNode array) {
        List<Coefficient> out = new ArrayList<>();
        if (!array.isArray()) return out;
        for (JsonNode c : array) {
            out.add(new Coefficient(c.path("term").asText(), num(c.path("estimate")), num(c.path("stdError")), num(c.path("statistic")),
                    num(c.path("pValue")), num(c.path("ciLow")), num(c.path("ciHigh"))));
        }
        return out;
    }

    static TestStatistic test(JsonNode t) {
        return new TestStatistic(t.path("name").asText(), num(t.path("statistic")), t.has("df") ? num(t.get("df")) : null,
                t.has("df2") ? num(t.get("df2")) : null, num(t.path("pValue")), t.path("distribution").asText(null),
                t.path("hypothesis").asText(null), t.path("note").asText(null));
    }

    private static double num(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.doubleValue();
    }

    private static String text(JsonNode with, String key) {
        JsonNode v = with == null ? null : with.get(key);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
