package eres.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.linalg.Compensated;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 */
public final class Transforms {
    private static final List<String> OPS = List.of("log", "lag", "lead", "diff", "standardize", "product", "filter");

    private Transforms() {
    }

    public static Panel apply(Panel panel, List<JsonNode> transforms) {
        Panel p = panel;
        for (int i = 0; i < transforms.size(); i++) {
            JsonNode t = transforms.get(i);
            String path = "transforms[" + i + "]";
            if (t == null || !t.isObject() || t.size() != 1) {
                throw new SpecException(path, "must be a map with one operation, e.g. {log: [gdp]}; operations: " + OPS);
            }
            String op = t.fieldNames().next();
            JsonNode arg = t.get(op);
            p = switch (op) {
                case "log" -> log(p, arg, path + ".log");
                case "lag" -> shift(p, arg, path + ".lag", -1, "L");
                case "lead" -> shift(p, arg, path + ".lead", +1, "F");
                case "diff" -> diff(p, arg, path + ".diff");
                case "standardize" -> standardize(p, arg, path + ".standardize");
                case "product" -> product(p, arg, path + ".product");
                case "filter" -> filter(p, arg, path + ".filter");
                default -> throw new SpecException(path, "unknown transform '" + op + "'" + Suggestions.hint(op, OPS)
                        + "; transforms: " + String.join(", ", OPS));
            };
        }
        return p;
    }

    private static Panel log(Panel p, JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "name"));
        String pattern = a.text("name", "{}");
        for (String v : a.vars) {
            double[] x = p.column(v);
            for (int r = 0; r < x.length; r++) {
                if (!Double.isNaN(x[r]) && !(x[r] > 0)) {
                    throw new DataException("log of '" + v + "': value " + x[r] + " at (" + p.entity(r) + ", " + p.time(r)
                            + ") is not positive");
                }
                x[r] = Math.log(x[r]);
            }
            p = p.withColumn(pattern.replace("{}", v), x);
        }
        return p;
    }

    private static Panel shift(Panel p, JsonNode arg, String path, int direction, String prefix) {
        Args a = Args.parse(arg, path, Set.of("vars", "k", "name"));
        int k = a.integer("k", 1);
        if (k < 1) throw new SpecException(path + ".k", "must be >= 1, got " + k);
        String pattern = a.text("name", prefix + (k == 1 ? "" : Integer.toString(k)) + ".{}");
        for (String v : a.vars) {
            double[] x = p.column(v);
            double[] out = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                int other = p.rowOf(p.entityIndex(r), p.time(r) + direction * k);
                out[r] = other < 0 ? Double.NaN : x[other];
            }
            p = p.withColumn(pattern.replace("{}", v), out);
        }
        return p;
    }

    private static Panel diff(Panel p, JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "k", "name"));
        int k = a.integer("k", 1);
        if (k < 1) throw new SpecException(path + ".k", "must be >= 1, got " + k);
        String pattern = a.text("name", "D" + (k == 1 ? "" : Integer.toString(k)) + ".{}");
        for (String v : a.vars) {
            double[] x = p.column(v);
            double[] out = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                int other = p.rowOf(p.entityIndex(r), p.time(r) - k);
                out[r] = other < 0 ? Double.NaN : x[r] - x[other];
            }
            p = p.withColumn(pattern.replace("{}", v), out);
        }
        return p;
    }

    private static Panel standardize(Panel p, JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "name"));
        String pattern = a.text("name", "{}");
        for (String v : a.vars) {
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
            p = p.withColumn(pattern.replace("{}", v), out);
        }
        return p;
    }

    private static Panel product(Panel p, JsonNode arg, String path) {
        if (arg == null || !arg.isObject()) throw new SpecException(path, "must be {of: [a, b], name: a_b}");
        Args a = Args.parse(arg, path, Set.of("of", "name"));
        List<String> of = a.list("of");
        if (of.size() < 2) throw new SpecException(path + ".of", "needs at least two variables");
        double[] out = p.column(of.get(0));
        for (int j = 1; j < of.size(); j++) {
            double[] x = p.column(of.get(j));
            for (int r = 0; r < out.length; r++) out[r] *= x[r];
        }
        return p.withColumn(a.text("name", String.join("_x_", of)), out);
    }

    private static Panel filter(Panel p, JsonNode arg, String path) {
        if (arg == null || !arg.isObject()) throw new SpecException(path, "must be a map: {group: [...]}, {years: \"2010:2020\"} or {exclude-group: [...]}");
        Args a = Args.parse(arg, path, Set.of("group", "exclude-group", "years"));
        Panel out = p;
        if (a.has("group") || a.has("exclude-group")) {
            String g = p.groupName().orElseThrow(() -> new SpecException(path, "the data has no group column (set data.group)"));
            String[] labels = p.textColumn(g);
            Set<String> present = new LinkedHashSet<>();
            for (String l : labels) if (l != null) present.add(l);
            boolean include = a.has("group");
            List<String> wanted = a.list(include ? "group" : "exclude-group");
            for (String w : wanted) {
                if (!present.contains(w)) {
                    throw new SpecException(path, "group '" + w + "' does not occur in column '" + g + "'"
                            + Suggestions.hint(w, present) + "; groups: " + present);
                }
            }
            Set<String> set = Set.copyOf(wanted);
            out = out.filter(r -> labels[r] != null && set.contains(labels[r]) == include);
        }
        if (a.has("years")) {
            JsonNode y = a.node("years");
            Set<Integer> years = new LinkedHashSet<>();
            if (y.isTextual() && y.asText().matches("\\s*-?\\d{1,9}\\s*:\\s*-?\\d{1,9}\\s*")) {
                String[] parts = y.asText().split(":");
                int from = Integer.parseInt(parts[0].strip());
                int to = Integer.parseInt(parts[1].strip());
                if (to < from) throw new SpecException(path + ".years", "range " + y.asText() + " is empty");
                // keep the periods present in the panel that fall in the range (no enumeration of huge ranges)
                for (int v : p.times()) if (v >= from && v <= to) years.add(v);
            } else if (y.isArray()) {
                for (JsonNode e : y) {
                    if (!e.isIntegralNumber() || !e.canConvertToInt()) throw new SpecException(path + ".years", "must be integers, got " + e);
                    years.add(e.asInt());
                }
            } else {
                throw new SpecException(path + ".years", "must be a range \"2010:2020\" or a list of years");
            }
            Panel cur = out;
            out = cur.filter(r -> years.contains(cur.time(r)));
        }
        if (out.rows() == 0) throw new DataException(path + " leaves no rows");
        return out;
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
