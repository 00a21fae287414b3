package eres.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import eres.api.SpecException;
import eres.api.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code sweep:} block of a chain, read strictly (unknown keys, empty lists, duplicate labels and
 * clashing names are errors naming the place). See docs/multiverse.md.
 *
 * <pre>
 * sweep:
 *   dimensions:                     # name: alternatives; the grid is their Cartesian product
 *     index: {substitute: steps.index, values: {g1-sd: {...}, entropy: {...}}}
 *     se:    {substitute: steps.fe.with.se, values: [cluster, robust]}
 *     sample: {values: {all: {}, east: {"transforms[+]": {filter: {group: [east]}}}}}
 *     seed:  {substitute: data.seed, range: [1, 200]}
 *   exclude: [{sample: north-east, se: cluster}]
 *   collect: {estimate: "steps.fe.coefficients[{proxy}].estimate", se: ...}
 *   curve: {estimate: estimate, low: ci-low, high: ci-high, p: p}
 *   seeds: per-specification        # or common
 *   monte-carlo: {replications: seed, quantities: {estimate: {truth: 0.08, low: ci-low, high: ci-high}}}
 * </pre>
 *
 * @param dimensions in declaration order (the last varies fastest in the specification numbering)
 * @param exclude    each a map dimension to the labels it excludes; a specification matching every
 *                   entry of one exclusion is left out
 * @param collect    column name to path into the specification's results (docs/multiverse.md#collect)
 * @param commonSeed true: every specification runs with the master seed (common random numbers);
 *                   false (default): each derives its own from the master seed and its coordinates
 * @param keep       what of each specification's own output to keep in {@code specs/<n>/}: {@code results}
 *                   ({@code results.json}), {@code files} (side files such as index values); empty by default
 */
public record SweepSpec(List<Dimension> dimensions, List<Map<String, Set<String>>> exclude, Map<String, String> collect,
                        Curve curve, MonteCarloSpec monteCarlo, boolean commonSeed, Set<String> keep) {

    /** Most specifications one sweep may have (a typo such as {@code range: [1, 1e9]} must fail fast). */
    public static final long MAX_SPECIFICATIONS = 1_000_000;
    /** Reserved column names of the sweep table. */
    public static final List<String> RESERVED = List.of("spec", "seed", "status", "error");
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> KEYS = Set.of("dimensions", "exclude", "collect", "curve", "seeds", "monte-carlo", "keep");

    public SweepSpec {
        dimensions = List.copyOf(dimensions);
        exclude = List.copyOf(exclude);
        collect = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(collect));
        keep = Set.copyOf(keep);
    }

    /**
     * One dimension: named alternatives, each a list of substitutions into the chain.
     *
     * @param labels       the alternatives' labels, in order (what the table and the figure show)
     * @param alternatives per label, the substitutions (path, value) it makes; empty for "as the chain is"
     */
    public record Dimension(String name, List<String> labels, List<List<Substitution>> alternatives) {
        public Dimension {
            labels = List.copyOf(labels);
            alternatives = List.copyOf(alternatives);
        }

        public int size() {
            return labels.size();
        }
    }

    /** Which collected columns the specification curve plots. */
    public record Curve(String estimate, String low, String high, String se, String p) {
    }

    /**
     * Monte Carlo summaries: the replications dimension (data seeds), the nominal level, and per
     * collected estimate its truth and interval (or standard error) and p-value columns.
     */
    public record MonteCarloSpec(String replications, double level, Map<String, Quantity> quantities) {
        public MonteCarloSpec {
            quantities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
        }

        /**
         * @param truth the value the estimator should recover (a number, or the name of a collected
         *              column holding it per replication)
         */
        public record Quantity(String estimate, Double truth, String truthColumn, String low, String high, String se, String p) {
        }
    }

    /** Reads and checks {@code sweep:} against the chain tree {@code chain} (without its sweep block). */
    public static SweepSpec parse(JsonNode sweep, JsonNode chain) {
        if (sweep == null || !sweep.isObject()) throw new SpecException("sweep", "must be a map with 'dimensions' and 'collect'");
        unknownKeys(sweep, "sweep", KEYS);
        List<Dimension> dims = dimensions(sweep.get("dimensions"), chain);
        Map<String, Dimension> byName = new LinkedHashMap<>();
        for (Dimension d : dims) byName.put(d.name(), d);
        List<Map<String, Set<String>>> exclude = exclusions(sweep.get("exclude"), byName);
        Map<String, String> collect = collect(sweep.get("collect"), byName, chain);
        Curve curve = curve(sweep.get("curve"), collect);
        MonteCarloSpec mc = monteCarlo(sweep.get("monte-carlo"), byName, collect);
        boolean common = false;
        JsonNode seeds = sweep.get("seeds");
        if (seeds != null) {
            if (!seeds.isTextual() || !(seeds.asText().equals("common") || seeds.asText().equals("per-specification"))) {
                throw new SpecException("sweep.seeds", "must be 'per-specification' (default) or 'common', got " + seeds);
            }
            common = seeds.asText().equals("common");
        }
        Set<String> keep = new LinkedHashSet<>();
        JsonNode k = sweep.get("keep");
        if (k != null) {
            if (!k.isArray()) throw new SpecException("sweep.keep", "must be a list of: results, files");
            for (JsonNode x : k) {
                if (!x.isTextual() || !(x.asText().equals("results") || x.asText().equals("files"))) {
                    throw new SpecException("sweep.keep", "keeps 'results' (each specification's results.json) and 'files' (its side files), got " + x);
                }
                keep.add(x.asText());
            }
        }
        return new SweepSpec(dims, exclude, collect, curve, mc, common, keep);
    }

    private static List<Dimension> dimensions(JsonNode node, JsonNode chain) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new SpecException("sweep.dimensions", "must name at least one dimension: {name: {substitute: PATH, values: [...]}}");
        }
        List<Dimension> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String where = "sweep.dimensions." + name;
            if (!NAME.matcher(name).matches()) {
                throw new SpecException(where, "dimension names are 1-64 letters, digits, '_', '-' or '.', starting with a letter");
            }
            if (RESERVED.contains(name)) throw new SpecException(where, "'" + name + "' is a column of the sweep table; choose another name");
            out.add(dimension(name, where, e.getValue(), chain));
        }
        return out;
    }

    private static Dimension dimension(String name, String where, JsonNode d, JsonNode chain) {
        if (!d.isObject()) throw new SpecException(where, "must be a map: {substitute: PATH, values: [...]} or {values: {label: {PATH: value}}}");
        unknownKeys(d, where, Set.of("substitute", "values", "range"));
        Substitution.Path target = null;
        if (d.has("substitute")) {
            if (!d.get("substitute").isTextual()) throw new SpecException(where + ".substitute", "must be a path such as steps.fe.with.se");
            target = Substitution.Path.parse(d.get("substitute").asText(), where + ".substitute", chain);
        }
        List<String> labels = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        if (d.has("range")) {
            if (d.has("values")) throw new SpecException(where, "give 'values' or 'range', not both");
            if (target == null) throw new SpecException(where + ".range", "needs 'substitute': the path that takes the numbers (e.g. data.seed)");
            JsonNode r = d.get("range");
            if (!r.isArray() || r.size() != 2 || !r.get(0).canConvertToLong() || !r.get(1).canConvertToLong()
                    || !r.get(0).isIntegralNumber() || !r.get(1).isIntegralNumber()) {
                throw new SpecException(where + ".range", "must be [first, last], two integers");
            }
            long a = r.get(0).asLong();
            long b = r.get(1).asLong();
            if (b < a) throw new SpecException(where + ".range", "[" + a + ", " + b + "] is empty");
            if (b - a + 1 > MAX_SPECIFICATIONS) throw new SpecException(where + ".range", "has " + (b - a + 1) + " values, above the limit of " + MAX_SPECIFICATIONS);
            for (long v = a; v <= b; v++) {
                labels.add(Long.toString(v));
                values.add(v == (int) v ? IntNode.valueOf((int) v) : JsonNodeFactory.instance.numberNode(v));
            }
        } else {
            JsonNode v = d.get("values");
            if (v == null) throw new SpecException(where, "needs 'values' (a list or a map label: value) or 'range'");
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    JsonNode x = v.get(i);
                    if (!x.isValueNode() || x.isNull()) {
                        throw new SpecException(where + ".values[" + i + "]", "only plain values (text, numbers) can label themselves; write"
                                + " the alternatives as a map label: value");
                    }
                    labels.add(x.asText());
                    values.add(x);
                }
            } else if (v.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    labels.add(e.getKey());
                    values.add(e.getValue());
                }
            } else {
                throw new SpecException(where + ".values", "must be a list of values or a map label: value");
            }
        }
        if (labels.isEmpty()) throw new SpecException(where + ".values", "is empty: a dimension needs at least one alternative");
        Set<String> seen = new LinkedHashSet<>();
        for (String l : labels) {
            if (l.isBlank()) throw new SpecException(where, "has an empty label");
            if (!seen.add(l)) throw new SpecException(where, "label '" + l + "' is used twice");
        }
        List<List<Substitution>> alternatives = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String at = where + ".values." + labels.get(i);
            JsonNode value = values.get(i);
            if (target != null) {
                alternatives.add(List.of(new Substitution(target, value)));
            } else {
                if (!value.isObject()) {
                    throw new SpecException(at, "without 'substitute', each alternative is a map of paths to values ({} for the chain as it is),"
                            + " got " + value);
                }
                List<Substitution> subs = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    subs.add(new Substitution(Substitution.Path.parse(e.getKey(), at, chain), e.getValue()));
                }
                alternatives.add(subs);
            }
        }
        return new Dimension(name, labels, alternatives);
    }

    private static List<Map<String, Set<String>>> exclusions(JsonNode node, Map<String, Dimension> dims) {
        List<Map<String, Set<String>>> out = new ArrayList<>();
        if (node == null) return out;
        if (!node.isArray()) throw new SpecException("sweep.exclude", "must be a list of maps {dimension: label or [labels]}");
        for (int i = 0; i < node.size(); i++) {
            JsonNode x = node.get(i);
            String where = "sweep.exclude[" + i + "]";
            if (!x.isObject() || x.isEmpty()) throw new SpecException(where, "must be a map {dimension: label or [labels]}");
            Map<String, Set<String>> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Dimension d = dims.get(e.getKey());
                if (d == null) {
                    throw new SpecException(where, "unknown dimension '" + e.getKey() + "'" + Suggestions.hint(e.getKey(), dims.keySet())
                            + "; dimensions: " + String.join(", ", dims.keySet()));
                }
                Set<String> labels = new LinkedHashSet<>();
                JsonNode v = e.getValue();
                List<JsonNode> items = new ArrayList<>();
                if (v.isArray()) v.forEach(items::add);
                else items.add(v);
                for (JsonNode l : items) {
                    if (!l.isValueNode() || l.isNull()) throw new SpecException(where + "." + d.name(), "must be a label or a list of labels");
                    String label = l.asText();
                    if (!d.labels().contains(label)) {
                        throw new SpecException(where + "." + d.name(), "no alternative '" + label + "'" + Suggestions.hint(label, d.labels())
                                + "; alternatives: " + String.join(", ", d.labels()));
                    }
                    labels.add(label);
                }
                if (labels.isEmpty()) throw new SpecException(where + "." + d.name(), "lists no label");
                m.put(d.name(), labels);
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, String> collect(JsonNode node, Map<String, Dimension> dims, JsonNode chain) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new SpecException("sweep.collect", "must name at least one quantity to keep: {estimate: steps.fe.coefficients[0].estimate}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String where = "sweep.collect." + name;
            if (!NAME.matcher(name).matches()) throw new SpecException(where, "column names are 1-64 letters, digits, '_', '-' or '.', starting with a letter");
            if (RESERVED.contains(name) || dims.containsKey(name)) {
                throw new SpecException(where, "'" + name + "' is already a column of the sweep table (spec, seed, status, error and the dimensions)");
            }
            if (!e.getValue().isTextual()) throw new SpecException(where, "must be a path such as steps.fe.coefficients[0].estimate");
            Collector.Path.parse(e.getValue().asText(), where, dims.keySet(), chain);
            out.put(name, e.getValue().asText());
        }
        return out;
    }

    private static Curve curve(JsonNode node, Map<String, String> collect) {
        if (node == null) {
            String est = collect.containsKey("estimate") ? "estimate" : null;
            if (est == null) return null;
            return new Curve(est, has(collect, "ci-low"), has(collect, "ci-high"), has(collect, "se"), has(collect, "p"));
        }
        if (!node.isObject()) throw new SpecException("sweep.curve", "must be a map {estimate: COLUMN, low: COLUMN, high: COLUMN, se: COLUMN, p: COLUMN}");
        unknownKeys(node, "sweep.curve", Set.of("estimate", "low", "high", "se", "p"));
        String est = column(node, "estimate", "sweep.curve", collect);
        if (est == null) throw new SpecException("sweep.curve.estimate", "is required: the collected column to plot");
        Curve c = new Curve(est, column(node, "low", "sweep.curve", collect), column(node, "high", "sweep.curve", collect),
                column(node, "se", "sweep.curve", collect), column(node, "p", "sweep.curve", collect));
        if ((c.low() == null) != (c.high() == null)) throw new SpecException("sweep.curve", "give both 'low' and 'high', or neither");
        return c;
    }

    private static MonteCarloSpec monteCarlo(JsonNode node, Map<String, Dimension> dims, Map<String, String> collect) {
        if (node == null) return null;
        String where = "sweep.monte-carlo";
        if (!node.isObject()) throw new SpecException(where, "must be a map {replications: DIMENSION, quantities: {...}}");
        unknownKeys(node, where, Set.of("replications", "level", "quantities"));
        JsonNode r = node.get("replications");
        if (r == null || !r.isTextual()) throw new SpecException(where + ".replications", "is required: the dimension over data seeds");
        if (!dims.containsKey(r.asText())) {
            throw new SpecException(where + ".replications", "unknown dimension '" + r.asText() + "'" + Suggestions.hint(r.asText(), dims.keySet())
                    + "; dimensions: " + String.join(", ", dims.keySet()));
        }
        double level = 0.95;
        if (node.has("level")) {
            if (!node.get("level").isNumber() || !(node.get("level").asDouble() > 0 && node.get("level").asDouble() < 1)) {
                throw new SpecException(where + ".level", "must be a number in (0, 1), got " + node.get("level"));
            }
            level = node.get("level").asDouble();
        }
        JsonNode q = node.get("quantities");
        if (q == null || !q.isObject() || q.isEmpty()) {
            throw new SpecException(where + ".quantities", "must name at least one collected estimate: {estimate: {truth: 0.08, se: se}}");
        }
        Map<String, MonteCarloSpec.Quantity> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = where + ".quantities." + e.getKey();
            if (!collect.containsKey(e.getKey())) {
                throw new SpecException(at, "is not a collected column" + Suggestions.hint(e.getKey(), collect.keySet()) + "; collected: "
                        + String.join(", ", collect.keySet()));
            }
            JsonNode v = e.getValue();
            if (!v.isObject()) throw new SpecException(at, "must be a map {truth: NUMBER or COLUMN, low: COLUMN, high: COLUMN, se: COLUMN, p: COLUMN}");
            unknownKeys(v, at, Set.of("truth", "low", "high", "se", "p"));
            JsonNode t = v.get("truth");
            Double truth = null;
            String truthColumn = null;
            if (t == null) throw new SpecException(at + ".truth", "is required: the value the estimator should recover, or a collected column");
            if (t.isNumber()) truth = t.asDouble();
            else if (t.isTextual()) truthColumn = column(v, "truth", at, collect);
            else throw new SpecException(at + ".truth", "must be a number or a collected column");
            MonteCarloSpec.Quantity qq = new MonteCarloSpec.Quantity(e.getKey(), truth, truthColumn, column(v, "low", at, collect),
                    column(v, "high", at, collect), column(v, "se", at, collect), column(v, "p", at, collect));
            if ((qq.low() == null) != (qq.high() == null)) throw new SpecException(at, "give both 'low' and 'high', or neither");
            out.put(e.getKey(), qq);
        }
        return new MonteCarloSpec(r.asText(), level, out);
    }

    private static String has(Map<String, String> collect, String name) {
        return collect.containsKey(name) ? name : null;
    }

    private static String column(JsonNode node, String key, String where, Map<String, String> collect) {
        JsonNode v = node.get(key);
        if (v == null) return null;
        if (!v.isTextual()) throw new SpecException(where + "." + key, "must name a collected column");
        if (!collect.containsKey(v.asText())) {
            throw new SpecException(where + "." + key, "'" + v.asText() + "' is not a collected column" + Suggestions.hint(v.asText(), collect.keySet())
                    + "; collected: " + String.join(", ", collect.keySet()));
        }
        return v.asText();
    }

    static void unknownKeys(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new SpecException(where, "unknown key '" + k + "'" + Suggestions.hint(k, allowed) + "; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    /** The label of a plain value, as the table shows it. */
    static String label(JsonNode v) {
        return v instanceof TextNode t ? t.asText() : v.toString();
    }
}
