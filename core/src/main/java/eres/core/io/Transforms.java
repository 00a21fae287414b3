package eres.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.linalg.Compensated;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The chain's {@code transforms:} list, applied in order. Each entry has one key, the operation:
 *
 * <pre>
 * - log: [gdp, pop]                          # natural log, in place (error on values &lt;= 0)
 * - log: {vars: [gdp], name: "ln_{}"}         # into new columns ({} = the variable)
 * - lag: [eres]                              # L.eres = value at t - 1 within the entity (gaps give NaN)
 * - lag: {vars: [eres], k: 2}                # L2.eres
 * - lead: [x]                                # F.x
 * - diff: [x]                                # D.x = x_t - x_{t-1}
 * - standardize: [x]                         # (x - mean)/sd over all rows, in place
 * - product: {of: [opt, int], name: opt_int} # element-wise product
 * - filter: {group: [east, central]}         # keep groups (or years: "2010:2020", or exclude-group: [...])
 * </pre>
 *
 * <p>The list is bound when the chain is read ({@link #bind}); a transform may not write a column that
 * exists (except {@code log} and {@code standardize} in place), and two transforms, or two variables of
 * one transform, may not write the same name.
 */
public final class Transforms {
    private static final List<String> OPS = List.of("log", "lag", "lead", "diff", "standardize", "product", "filter");

    private Transforms() {
    }

    /** One bound transform: its path in the chain, the columns it writes and what it does. */
    private record Op(String path, List<String> outputs, boolean inPlace, Function<Panel, Panel> action) {
    }

    /**
     * The chain's transforms, bound and checked before any data is read: unknown operations, keys and
     * malformed arguments, and two outputs to one name (within a transform or across transforms) are
     * reported together as {@link SpecException} problems.
     */
    public static final class Plan {
        private final List<Op> ops;

        private Plan(List<Op> ops) {
            this.ops = List.copyOf(ops);
        }

        /**
         * Applies the transforms in order. A transform that would write an existing column (other than
         * {@code log} or {@code standardize} in place, their documented use) is an error.
         */
        public Panel apply(Panel panel) {
            Panel p = panel;
            for (Op op : ops) {
                if (!op.inPlace()) {
                    for (String out : op.outputs()) {
                        if (p.hasNumeric(out) || p.hasText(out) || out.equals(p.entityName()) || out.equals(p.timeName())) {
                            throw new DataException(op.path() + " writes column '" + out + "', which already exists; choose"
                                    + " another name (name: ...)");
                        }
                    }
                }
                p = op.action().apply(p);
            }
            return p;
        }

        public int size() {
            return ops.size();
        }
    }

    /** Binds the transforms; every problem is thrown at once. */
    public static Plan bind(List<JsonNode> transforms) {
        List<SpecException.Problem> problems = new ArrayList<>();
        Plan plan = bind(transforms, problems);
        if (!problems.isEmpty()) throw new SpecException(problems);
        return plan;
    }

    /** Binds the transforms, adding each one's problem to {@code problems} (the runner joins them with the steps'). */
    public static Plan bind(List<JsonNode> transforms, List<SpecException.Problem> problems) {
        List<Op> ops = new ArrayList<>();
        Map<String, String> written = new HashMap<>();
        for (int i = 0; i < transforms.size(); i++) {
            String path = "transforms[" + i + "]";
            try {
                Op op = bindOne(transforms.get(i), path);
                for (String out : op.outputs()) {
                    String prev = written.put(out, op.path());
                    if (prev != null && !op.inPlace()) {
                        throw new SpecException(op.path(), "writes column '" + out + "', which " + prev + " already writes;"
                                + " choose another name");
                    }
                }
                ops.add(op);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        return new Plan(ops);
    }

    /** Binds and applies (tests, fuzzing). */
    public static Panel apply(Panel panel, List<JsonNode> transforms) {
        return bind(transforms).apply(panel);
    }

    private static Op bindOne(JsonNode t, String path) {
        if (t == null || !t.isObject() || t.size() != 1) {
            throw new SpecException(path, "must be a map with one operation, e.g. {log: [gdp]}; operations: " + OPS);
        }
        String op = t.fieldNames().next();
        JsonNode arg = t.get(op);
        return switch (op) {
            case "log" -> log(arg, path + ".log");
            case "lag" -> shift(arg, path + ".lag", -1, "L");
            case "lead" -> shift(arg, path + ".lead", +1, "F");
            case "diff" -> diff(arg, path + ".diff");
            case "standardize" -> standardize(arg, path + ".standardize");
            case "product" -> product(arg, path + ".product");
            case "filter" -> filter(arg, path + ".filter");
            default -> throw new SpecException(path, "unknown transform '" + op + "'" + Suggestions.hint(op, OPS)
                    + "; transforms: " + String.join(", ", OPS));
        };
    }

    /** Output names of a per-variable transform; two variables to one name is an error. */
    private static List<String> outputs(String path, List<String> vars, String pattern) {
        List<String> out = new ArrayList<>();
        for (String v : vars) {
            String name = pattern.replace("{}", v);
            if (name.isBlank()) throw new SpecException(path + ".name", "gives an empty column name");
            if (out.contains(name)) {
                throw new SpecException(path + ".name", "'" + pattern + "' gives the same column '" + name + "' for "
                        + vars.size() + " variables; include {} for the variable name, e.g. \"ln_{}\"");
            }
            out.add(name);
        }
        return out;
    }

    /** True when every output replaces its own input (the documented in-place use). */
    private static boolean inPlace(List<String> vars, List<String> outs) {
        return vars.equals(outs);
    }

    private static Op log(JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "name"));
        String pattern = a.text("name", "{}");
        List<String> outs = outputs(path, a.vars, pattern);
        return new Op(path, outs, inPlace(a.vars, outs), p -> {
            for (int j = 0; j < a.vars.size(); j++) {
                String v = a.vars.get(j);
                double[] x = p.column(v);
                for (int r = 0; r < x.length; r++) {
                    if (!Double.isNaN(x[r]) && !(x[r] > 0)) {
                        throw new DataException("log of '" + v + "': value " + x[r] + " at (" + p.entity(r) + ", " + p.time(r)
                                + ") is not positive");
                    }
                    x[r] = Math.log(x[r]);
                }
                p = p.withColumn(outs.get(j), x);
            }
            return p;
        });
    }

    private static Op shift(JsonNode arg, String path, int direction, String prefix) {
        Args a = Args.parse(arg, path, Set.of("vars", "k", "name"));
        int k = a.integer("k", 1);
        if (k < 1) throw new SpecException(path + ".k", "must be >= 1, got " + k);
        String pattern = a.text("name", prefix + (k == 1 ? "" : Integer.toString(k)) + ".{}");
        List<String> outs = outputs(path, a.vars, pattern);
        return new Op(path, outs, false, p -> {
            requireSpan(p, k, path, direction < 0 ? "lag" : "lead");
            for (int j = 0; j < a.vars.size(); j++) {
                double[] x = p.column(a.vars.get(j));
                double[] out = new double[x.length];
                for (int r = 0; r < x.length; r++) {
                    int other = rowAt(p, r, (long) direction * k);
                    out[r] = other < 0 ? Double.NaN : x[other];
                }
                p = p.withColumn(outs.get(j), out);
            }
            return p;
        });
    }

    /** The row of the same entity {@code offset} periods from row r's, or -1 (no int overflow). */
    private static int rowAt(Panel p, int r, long offset) {
        long t = p.time(r) + offset;
        if (t < Integer.MIN_VALUE || t > Integer.MAX_VALUE) return -1;
        return p.rowOf(p.entityIndex(r), (int) t);
    }

    /** A shift by k periods must stay within the span of the data's periods (and so cannot overflow). */
    private static void requireSpan(Panel p, int k, String path, String what) {
        int[] t = p.times();
        long span = (long) t[t.length - 1] - t[0];
        if (k > span) {
            throw new DataException(path + ": a " + what + " of " + k + " periods leaves no values; the data span "
                    + t[0] + "-" + t[t.length - 1]);
        }
    }

    private static Op diff(JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "k", "name"));
        int k = a.integer("k", 1);
        if (k < 1) throw new SpecException(path + ".k", "must be >= 1, got " + k);
        String pattern = a.text("name", "D" + (k == 1 ? "" : Integer.toString(k)) + ".{}");
        List<String> outs = outputs(path, a.vars, pattern);
        return new Op(path, outs, false, p -> {
            requireSpan(p, k, path, "difference");
            for (int j = 0; j < a.vars.size(); j++) {
                double[] x = p.column(a.vars.get(j));
                double[] out = new double[x.length];
                for (int r = 0; r < x.length; r++) {
                    int other = rowAt(p, r, -(long) k);
                    out[r] = other < 0 ? Double.NaN : x[r] - x[other];
                }
                p = p.withColumn(outs.get(j), out);
            }
            return p;
        });
    }

    private static Op standardize(JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "name"));
        String pattern = a.text("name", "{}");
        List<String> outs = outputs(path, a.vars, pattern);
        return new Op(path, outs, inPlace(a.vars, outs), p -> {
            for (int j = 0; j < a.vars.size(); j++) {
                String v = a.vars.get(j);
                double[] x = p.column(v);
                Compensated s = new Compensated(0);
                int n = 0;
                for (double d : x) {
                    if (!Double.isNaN(d)) {
                        s.add(d);
                        n++;
                    }
                }
                double mean = s.value() / n;
                Compensated ss = new Compensated(0);
                for (double d : x) if (!Double.isNaN(d)) ss.addProduct(d - mean, d - mean);
                double sd = Math.sqrt(ss.value() / (n - 1));
                if (!(sd > 0)) throw new DataException("standardize '" + v + "': the column is constant");
                double[] out = new double[x.length];
                for (int r = 0; r < x.length; r++) out[r] = (x[r] - mean) / sd;
                p = p.withColumn(outs.get(j), out);
            }
            return p;
        });
    }

    private static Op product(JsonNode arg, String path) {
        if (arg == null || !arg.isObject()) throw new SpecException(path, "must be {of: [a, b], name: a_b}");
        Args a = Args.parse(arg, path, Set.of("of", "name"));
        List<String> of = a.list("of");
        if (of.size() < 2) throw new SpecException(path + ".of", "needs at least two variables");
        String name = a.text("name", String.join("_x_", of));
        return new Op(path, List.of(name), false, p -> {
            double[] out = p.column(of.get(0));
            for (int j = 1; j < of.size(); j++) {
                double[] x = p.column(of.get(j));
                for (int r = 0; r < out.length; r++) out[r] *= x[r];
            }
            return p.withColumn(name, out);
        });
    }

    private static Op filter(JsonNode arg, String path) {
        if (arg == null || !arg.isObject()) throw new SpecException(path, "must be a map: {group: [...]}, {years: \"2010:2020\"} or {exclude-group: [...]}");
        Args a = Args.parse(arg, path, Set.of("group", "exclude-group", "years"));
        boolean byGroup = a.has("group") || a.has("exclude-group");
        boolean include = a.has("group");
        List<String> wanted = byGroup ? a.list(include ? "group" : "exclude-group") : List.of();
        int[] range = null;
        Set<Integer> listed = null;
        if (a.has("years")) {
            JsonNode y = a.node("years");
            if (y.isTextual() && y.asText().matches("\\s*-?\\d{1,9}\\s*:\\s*-?\\d{1,9}\\s*")) {
                String[] parts = y.asText().split(":");
                range = new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
                if (range[1] < range[0]) throw new SpecException(path + ".years", "range " + y.asText() + " is empty");
            } else if (y.isArray()) {
                listed = new LinkedHashSet<>();
                for (JsonNode e : y) {
                    if (!e.isIntegralNumber() || !e.canConvertToInt()) throw new SpecException(path + ".years", "must be integers, got " + e);
                    listed.add(e.asInt());
                }
            } else {
                throw new SpecException(path + ".years", "must be a range \"2010:2020\" or a list of years");
            }
        }
        int[] yearRange = range;
        Set<Integer> yearList = listed;
        return new Op(path, List.of(), false, p -> {
            Panel out = p;
            if (byGroup) {
                String g = p.groupName().orElseThrow(() -> new SpecException(path, "the data has no group column (set data.group)"));
                String[] labels = p.textColumn(g);
                Set<String> present = new LinkedHashSet<>();
                for (String l : labels) if (l != null) present.add(l);
                for (String w : wanted) {
                    if (!present.contains(w)) {
                        throw new SpecException(path, "group '" + w + "' does not occur in column '" + g + "'"
                                + Suggestions.hint(w, present) + "; groups: " + present);
                    }
                }
                Set<String> set = Set.copyOf(wanted);
                out = out.filter(r -> labels[r] != null && set.contains(labels[r]) == include);
            }
            if (yearRange != null || yearList != null) {
                Set<Integer> years = new LinkedHashSet<>();
                if (yearList != null) years.addAll(yearList);
                // keep the periods present in the panel that fall in the range (no enumeration of huge ranges)
                else for (int v : p.times()) if (v >= yearRange[0] && v <= yearRange[1]) years.add(v);
                Panel cur = out;
                out = cur.filter(r -> years.contains(cur.time(r)));
            }
            if (out.rows() == 0) throw new DataException(path + " leaves no rows");
            return out;
        });
    }

    /** Arguments of one transform: a list of variables, or a map with {@code vars} and options. */
    private static final class Args {
        final List<String> vars;
        final JsonNode map;
        final String path;

        private Args(List<String> vars, JsonNode map, String path) {
            this.vars = vars;
            this.map = map;
            this.path = path;
        }

        static Args parse(JsonNode arg, String path, Set<String> allowed) {
            if (arg == null || arg.isNull()) throw new SpecException(path, "needs variables");
            if (arg.isArray() || arg.isTextual()) return new Args(strings(arg, path), null, path);
            if (!arg.isObject()) throw new SpecException(path, "must be a list of variables or a map");
            for (Iterator<Map.Entry<String, JsonNode>> it = arg.fields(); it.hasNext(); ) {
                String k = it.next().getKey();
                if (!allowed.contains(k)) {
                    throw new SpecException(path, "unknown key '" + k + "'" + Suggestions.hint(k, allowed) + "; allowed: " + allowed);
                }
            }
            List<String> v = arg.has("vars") ? strings(arg.get("vars"), path + ".vars") : List.of();
            if (allowed.contains("vars") && v.isEmpty()) throw new SpecException(path + ".vars", "is required");
            return new Args(v, arg, path);
        }

        boolean has(String key) {
            return map != null && map.has(key);
        }

        JsonNode node(String key) {
            return map.get(key);
        }

        List<String> list(String key) {
            if (!has(key)) throw new SpecException(path + "." + key, "is required");
            return strings(map.get(key), path + "." + key);
        }

        String text(String key, String dflt) {
            if (!has(key)) return dflt;
            JsonNode n = map.get(key);
            if (!n.isTextual()) throw new SpecException(path + "." + key, "must be text");
            return n.asText();
        }

        int integer(String key, int dflt) {
            if (!has(key)) return dflt;
            JsonNode n = map.get(key);
            if (!n.canConvertToInt() || !n.isIntegralNumber()) throw new SpecException(path + "." + key, "must be an integer");
            return n.asInt();
        }

        static List<String> strings(JsonNode n, String path) {
            List<String> out = new ArrayList<>();
            if (n.isTextual()) {
                out.add(n.asText());
                return out;
            }
            if (!n.isArray()) throw new SpecException(path, "must be a list of column names");
            for (JsonNode e : n) {
                if (!e.isTextual()) throw new SpecException(path, "must be column names, got " + e);
                out.add(e.asText());
            }
            return out;
        }
    }
}
