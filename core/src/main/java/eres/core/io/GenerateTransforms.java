package eres.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import eres.core.io.Expression.ExpressionException;
import eres.core.io.Transforms.Args;
import eres.core.io.Transforms.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The transforms that create variables: {@code generate} (expressions, {@link Expression}),
 * {@code dummies}, {@code winsorize} and {@code interpolate}. What each did (values set missing,
 * clipped or filled) goes to {@code run.json}'s data notes.
 */
final class GenerateTransforms {
    /** More levels than this are refused: absorb them as fixed effects instead. */
    static final int MAX_DUMMIES = 1000;

    private GenerateTransforms() {
    }

    // ------------------------------------------------------------------ generate

    /**
     * {@code generate: {ln_rgdp: "ln(gdp / cpi)", gdp2: "gdp^2"}}: one new column per key, evaluated in
     * order (a later expression may use an earlier one). Syntax errors are found when the chain is read.
     */
    static Op generate(JsonNode arg, String path) {
        if (arg == null || !arg.isObject() || arg.size() == 0) {
            throw new SpecException(path, "must map new column names to expressions, e.g. {ln_rgdp: \"ln(gdp / cpi)\"}");
        }
        Map<String, Expression> exprs = new LinkedHashMap<>();
        List<SpecException.Problem> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = arg.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (name.isBlank()) {
                problems.add(new SpecException.Problem(path, "a new column needs a name"));
                continue;
            }
            if (!v.isTextual() && !v.isNumber()) {
                problems.add(new SpecException.Problem(path + "." + name, "must be an expression in quotes, e.g. \"ln(gdp)\""));
                continue;
            }
            try {
                exprs.put(name, Expression.parse(v.asText()));
            } catch (ExpressionException x) {
                problems.add(new SpecException.Problem(path + "." + name, x.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
        return new Op(path, List.copyOf(exprs.keySet()), false, (Transforms.Action) (p, notes) -> {
            for (Map.Entry<String, Expression> e : exprs.entrySet()) {
                String where = path + "." + e.getKey();
                if (p.hasNumeric(e.getKey()) || p.hasText(e.getKey())) {
                    throw new DataException(where + " writes column '" + e.getKey() + "', which already exists; choose another name");
                }
                ExpressionEvaluator.Issues issues = new ExpressionEvaluator.Issues();
                double[] v;
                try {
                    v = ExpressionEvaluator.evaluate(e.getValue(), p, issues);
                } catch (ExpressionException x) {
                    throw new SpecException(where, x.getMessage());
                }
                boolean any = false;
                for (double d : v) {
                    if (!Double.isNaN(d)) {
                        any = true;
                        break;
                    }
                }
                if (!any) throw new DataException(where + ": every value of '" + e.getKey() + "' is missing (" + e.getValue().text() + ")");
                for (Map.Entry<String, int[]> i : issues.byReason().entrySet()) {
                    notes.add(where + ": " + i.getValue()[0] + " value(s) set missing: " + i.getKey() + " (first at "
                            + ExpressionEvaluator.where(p, i.getValue()[1]) + ")");
                }
                p = p.withColumn(e.getKey(), v);
            }
            return p;
        });
    }

    // ------------------------------------------------------------------ dummies

    /**
     * {@code dummies: [year, region]} or {@code {vars: [region], drop: first|none|<level>, prefix: "{}_"}}:
     * one 0/1 column per level of each variable (a text column, the entity, the period or a numeric
     * column), named {@code <prefix><level>}. By default the first level (smallest number, or first
     * text in sort order) is the base and gets no column, as Stata's {@code i.} and R's factor
     * contrasts; {@code drop: none} keeps every level. Rows with a missing value get missing dummies.
     */
    static Op dummies(JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "drop", "prefix"));
        String drop = a.has("drop") ? a.node("drop").asText() : "first";
        String prefix = a.text("prefix", "{}_");
        if (a.vars.size() > 1 && !prefix.contains("{}")) {
            throw new SpecException(path + ".prefix", "'" + prefix + "' gives the same names for " + a.vars.size()
                    + " variables; include {} for the variable name, e.g. \"{}_\"");
        }
        return new Op(path, List.of(), false, (Transforms.Action) (p, notes) -> {
            for (String v : a.vars) {
                Levels lv = levels(p, v, path);
                if (lv.names.size() > MAX_DUMMIES) {
                    throw new DataException(path + ": '" + v + "' has " + lv.names.size() + " levels, more than " + MAX_DUMMIES
                            + " dummies; absorb it as fixed effects instead (panel-fe effects or absorb)");
                }
                int base = -1;
                if (drop.equals("first")) base = 0;
                else if (!drop.equals("none")) {
                    base = lv.names.indexOf(drop);
                    if (base < 0) {
                        throw new SpecException(path + ".drop", "'" + drop + "' is not a level of '" + v + "'"
                                + Suggestions.hint(drop, lv.names) + "; use first, none or one of " + preview(lv.names));
                    }
                }
                List<String> made = new ArrayList<>();
                for (int k = 0; k < lv.names.size(); k++) {
                    if (k == base) continue;
                    String name = prefix.replace("{}", v) + lv.names.get(k);
                    if (p.hasNumeric(name) || p.hasText(name) || name.equals(p.entityName()) || name.equals(p.timeName())) {
                        throw new DataException(path + " writes column '" + name + "', which already exists; set prefix: to another name");
                    }
                    double[] d = new double[p.rows()];
                    for (int r = 0; r < d.length; r++) d[r] = lv.code[r] < 0 ? Double.NaN : lv.code[r] == k ? 1 : 0;
                    p = p.withColumn(name, d);
                    made.add(name);
                }
                notes.add(path + ": " + made.size() + " dummies of '" + v + "'" + (base >= 0 ? " (base level '" + lv.names.get(base)
                        + "' left out)" : "") + ": " + preview(made));
            }
            return p;
        });
    }

    /** Sorted levels of a variable and each row's level index (-1 = missing). */
    private record Levels(List<String> names, int[] code) {
    }

    private static Levels levels(Panel p, String v, String path) {
        int n = p.rows();
        int[] code = new int[n];
        if (p.hasText(v) || v.equals(p.entityName())) {
            String[] t = v.equals(p.entityName()) ? p.entities().toArray(new String[0]) : p.textColumn(v);
            TreeMap<String, Integer> sorted = new TreeMap<>();
            for (int r = 0; r < n; r++) {
                String s = v.equals(p.entityName()) ? t[p.entityIndex(r)] : t[r];
                if (s != null) sorted.put(s, 0);
            }
            List<String> names = new ArrayList<>(sorted.keySet());
            for (int k = 0; k < names.size(); k++) sorted.put(names.get(k), k);
            for (int r = 0; r < n; r++) {
                String s = v.equals(p.entityName()) ? t[p.entityIndex(r)] : t[r];
                code[r] = s == null ? -1 : sorted.get(s);
            }
            return new Levels(names, code);
        }
        double[] x;
        if (v.equals(p.timeName())) {
            x = new double[n];
            for (int r = 0; r < n; r++) x[r] = p.time(r);
        } else if (p.hasNumeric(v)) {
            x = p.column(v);
        } else {
            throw new SpecException(path, "no column '" + v + "'" + Suggestions.hint(v, GroupCodes.names(p)));
        }
        TreeMap<Double, Integer> sorted = new TreeMap<>();
        for (double d : x) if (!Double.isNaN(d)) sorted.put(d == 0 ? 0.0 : d, 0);
        List<String> names = new ArrayList<>();
        int k = 0;
        for (Map.Entry<Double, Integer> e : sorted.entrySet()) {
            e.setValue(k++);
            names.add(level(e.getKey()));
        }
        for (int r = 0; r < n; r++) code[r] = Double.isNaN(x[r]) ? -1 : sorted.get(x[r] == 0 ? 0.0 : x[r]);
        return new Levels(names, code);
    }

    private static String level(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }

    private static String preview(List<String> names) {
        if (names.size() <= 8) return String.join(", ", names);
        return String.join(", ", names.subList(0, 8)) + ", ... (" + names.size() + ")";
    }

    // ------------------------------------------------------------------ winsorize

    /**
     * {@code winsorize: {vars: [x], p: [1, 99], by: year, name: "{}_w", method: stata|r, trim: false}}:
     * values below the lower percentile are raised to it and values above the upper one lowered to it
     * (with {@code trim: true} both are set missing instead), computed over all rows or within each
     * {@code by} group; missing values stay missing. Percentiles by Stata's definition (as
     * {@code winsor2}), or R's default with {@code method: r} ({@link Percentiles}). Default name
     * {@code {}_w} (winsor2's suffix); {@code name: "{}"} replaces the variable.
     */
    static Op winsorize(JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "p", "by", "name", "method", "trim"));
        double lo = 1;
        double hi = 99;
        if (a.has("p")) {
            JsonNode pn = a.node("p");
            if (!pn.isArray() || pn.size() != 2 || !pn.get(0).isNumber() || !pn.get(1).isNumber()) {
                throw new SpecException(path + ".p", "must be two percentiles [low, high], e.g. [1, 99]");
            }
            lo = pn.get(0).asDouble();
            hi = pn.get(1).asDouble();
            if (!(lo >= 0 && lo < hi && hi <= 100)) {
                throw new SpecException(path + ".p", "must satisfy 0 <= low < high <= 100, got [" + pn.get(0) + ", " + pn.get(1) + "]");
            }
        }
        String method = a.text("method", "stata").toLowerCase(Locale.ROOT);
        if (!method.equals("stata") && !method.equals("r")) throw new SpecException(path + ".method", "must be stata or r, got '" + method + "'");
        boolean trim = a.has("trim") && bool(path + ".trim", a.node("trim"));
        String by = a.has("by") ? a.text("by", null) : null;
        List<String> outs = Transforms.outputs(path, a.vars, a.text("name", "{}_w"));
        double pLow = lo;
        double pHigh = hi;
        return new Op(path, outs, Transforms.inPlace(a.vars, outs), (Transforms.Action) (p, notes) -> {
            int[] group = new int[p.rows()];
            if (by != null) {
                group = GroupCodes.of(p, by);
                if (group == null) throw new SpecException(path + ".by", "no column '" + by + "'" + Suggestions.hint(by, GroupCodes.names(p)));
            }
            int groups = Math.max(1, GroupCodes.count(group));
            for (int j = 0; j < a.vars.size(); j++) {
                double[] x = p.column(a.vars.get(j));
                double[][] bounds = new double[groups][];
                for (int g = 0; g < groups; g++) {
                    double[] vals = new double[x.length];
                    int m = 0;
                    for (int r = 0; r < x.length; r++) if (group[r] == g && !Double.isNaN(x[r])) vals[m++] = x[r];
                    if (m == 0) continue;
                    double[] s = Arrays.copyOf(vals, m);
                    Arrays.sort(s);
                    double l = pLow == 0 ? s[0] : method.equals("r") ? Percentiles.r(s, pLow) : Percentiles.stata(s, pLow);
                    double h = pHigh == 100 ? s[m - 1] : method.equals("r") ? Percentiles.r(s, pHigh) : Percentiles.stata(s, pHigh);
                    bounds[g] = new double[] {l, h};
                }
                int raised = 0;
                int lowered = 0;
                for (int r = 0; r < x.length; r++) {
                    if (Double.isNaN(x[r]) || group[r] < 0) continue;
                    double[] b = bounds[group[r]];
                    if (x[r] < b[0]) {
                        x[r] = trim ? Double.NaN : b[0];
                        raised++;
                    } else if (x[r] > b[1]) {
                        x[r] = trim ? Double.NaN : b[1];
                        lowered++;
                    }
                }
                notes.add(path + ": '" + a.vars.get(j) + "' " + (trim ? "trimmed" : "winsorized") + " at percentiles " + fmt(pLow) + " and "
                        + fmt(pHigh) + (by == null ? "" : " within " + by) + " (" + (method.equals("r") ? "R type 7" : "Stata") + " definition): "
                        + raised + " value(s) " + (trim ? "below" : "raised") + ", " + lowered + " " + (trim ? "above" : "lowered")
                        + (trim ? ", set missing" : "") + " -> " + outs.get(j));
                p = p.withColumn(outs.get(j), x);
            }
            return p;
        });
    }

    private static boolean bool(String path, JsonNode n) {
        if (!n.isBoolean()) throw new SpecException(path, "must be true or false, got " + n);
        return n.asBoolean();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    // ------------------------------------------------------------------ interpolate

    /**
     * {@code interpolate: [x]} or {@code {vars: [x], name: "{}_i"}}: a missing value between two observed
     * values of the same entity becomes the linear interpolation in time,
     * {@code x_t = x_a + (x_b - x_a) (t - a) / (b - a)} for the nearest observed periods {@code a < t < b}
     * (as Stata's {@code ipolate x year, by(id)}). Leading and trailing missing values are left missing
     * (no extrapolation) and periods absent from the data are not created. Default in place.
     */
    static Op interpolate(JsonNode arg, String path) {
        Args a = Args.parse(arg, path, Set.of("vars", "name"));
        List<String> outs = Transforms.outputs(path, a.vars, a.text("name", "{}"));
        return new Op(path, outs, Transforms.inPlace(a.vars, outs), (Transforms.Action) (p, notes) -> {
            for (int j = 0; j < a.vars.size(); j++) {
                double[] x = p.column(a.vars.get(j));
                double[] out = x.clone();
                int filled = 0;
                int left = 0;
                int first = -1;
                for (int e = 0; e < p.entityCount(); e++) {
                    int s = p.entityStart(e);
                    int end = s + p.entityRows(e);
                    int prev = -1;
                    for (int r = s; r < end; r++) {
                        if (Double.isNaN(x[r])) continue;
                        if (prev >= 0 && r > prev + 1) {
                            double ta = p.time(prev);
                            double tb = p.time(r);
                            for (int q = prev + 1; q < r; q++) {
                                out[q] = x[prev] + (x[r] - x[prev]) * (p.time(q) - ta) / (tb - ta);
                                if (first < 0) first = q;
                                filled++;
                            }
                        }
                        prev = r;
                    }
                    for (int r = s; r < end; r++) if (Double.isNaN(out[r])) left++;
                }
                notes.add(path + ": '" + a.vars.get(j) + "': " + filled + " missing value(s) interpolated linearly within "
                        + p.entityName() + (first >= 0 ? " (first at " + ExpressionEvaluator.where(p, first) + ")" : "")
                        + (left > 0 ? "; " + left + " leading or trailing missing value(s) left missing" : "") + " -> " + outs.get(j));
                p = p.withColumn(outs.get(j), out);
            }
            return p;
        });
    }
}
