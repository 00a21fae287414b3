package eres.plugins.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.Estimator;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.table.Formats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code replicate}: every published number of a study (a machine-readable copy of its tables bundled
 * with this plugin) next to the run's counterpart, read from the results of earlier steps, with the
 * difference in published standard errors and, where the file gives one, a calibration bound and
 * whether the run meets it. Numbers the run does not estimate are listed as such.
 *
 * <p>Difference in published SEs: {@code (eres - published) / SE_published}.
 */
@Extension
public final class ReplicationStep implements Estimator<ReplicationStep.Parameters> {

    /** Parameters of {@code replicate}. */
    public record Parameters(
            @Param(value = "id of the bundled published tables", defaultValue = "jiao-chen-li-2025") String published,
            @Param(value = "step ids of this chain that replace the file's (file step -> chain step)", defaultValue = "{}")
            Map<String, String> steps,
            @Param(value = "title of the replication table", defaultValue = "Replication: published and estimated") String title) {
        public Parameters {
            published = published == null ? "jiao-chen-li-2025" : published;
            Published.check(published);
            steps = steps == null ? Map.of() : Map.copyOf(steps);
            title = title == null ? "Replication: published and estimated" : title;
        }
    }

    /**
     * One row of the replication (section {@code replication}).
     *
     * @param difference  (eres - published) / published SE, NaN without a published SE
     * @param passed      whether the calibration bound holds; null when the number has none
     */
    public record Row(String id, String table, String column, String row, double published, double publishedSe, String stars,
                      double eres, double eresSe, double difference, String check, Boolean passed, String note) {
    }

    @Override
    public String id() {
        return "replicate";
    }

    @Override
    public String description() {
        return "Replication table: a study's published numbers next to this run's, difference in published SEs, calibration bounds";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        Published pub = Published.load(p.published());
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> results = new HashMap<>();
        Map<String, double[]> eres = new LinkedHashMap<>();
        Map<String, JsonNode> nodes = new HashMap<>();
        for (Published.Number n : pub.numbers()) {
            if (n.eres() == null) continue;
            String step = p.steps().getOrDefault(n.eres().step(), n.eres().step());
            JsonNode root = results.computeIfAbsent(step, s -> tree(mapper, context, s));
            java.util.regex.Matcher m = CONSTANT.matcher(n.eres().path());
            if (m.matches()) {
                eres.put(n.id(), new double[] {root == null ? Double.NaN : grandMeanConstant(root, m.group(1), context.panel()), Double.NaN});
                continue;
            }
            JsonNode node = root == null ? null : n.eres().resolve(root);
            nodes.put(n.id(), node);
            eres.put(n.id(), value(node));
        }
        List<Row> rows = new ArrayList<>();
        int checked = 0;
        int passed = 0;
        int located = 0;
        for (Published.Number n : pub.numbers()) {
            double[] v = eres.getOrDefault(n.id(), new double[] {Double.NaN, Double.NaN});
            if (!Double.isNaN(v[0])) located++;
            Boolean ok = null;
            if (n.check() != null) {
                ok = holds(n, v, nodes.get(n.id()), eres, context.panel());
                checked++;
                if (ok) passed++;
            }
            double diff = Double.isNaN(n.se()) ? Double.NaN : (v[0] - n.value()) / n.se();
            rows.add(new Row(n.id(), n.table(), n.column(), n.row(), n.value(), n.se(), n.stars(), v[0], v[1], diff,
                    n.check() == null ? null : n.check().describe(), ok, n.eres() == null ? "not estimated by eres"
                            + (n.note() == null ? "" : ": " + n.note()) : n.note()));
        }
        return StepResult.builder()
                .statistic("numbers", rows.size())
                .statistic("located", located)
                .statistic("checked", checked)
                .statistic("passed", passed)
                .statistic("failed", checked - passed)
                .statistic("published", pub.id())
                .section("replication", rows)
                .section("source", source(pub))
                .table(table(p.title(), pub, rows))
                .table(summary(rows))
                .build();
    }

    /** The path {@code constant(y)}: the grand-mean constant of a fixed-effects model of y. */
    static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("constant\\(([A-Za-z0-9_.]+)\\)");

    /**
     * {@code mean(y) - sum_j b_j mean(x_j)} over the panel, the slopes from the step's coefficients whose terms
     * are panel columns: the constant areg and reghdfe report for a model with absorbed fixed effects
     * (xtreg with year dummies reports the base year's instead).
     */
    static double grandMeanConstant(JsonNode result, String y, Panel panel) {
        if (!panel.hasNumeric(y)) return Double.NaN;
        double c = mean(panel.column(y));
        for (JsonNode coef : result.get("coefficients")) {
            String term = coef.get("term").asText();
            if (!panel.hasNumeric(term)) return Double.NaN;
            c -= coef.get("estimate").asDouble() * mean(panel.column(term));
        }
        return c;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    /** The result of an earlier step as results.json shows it, or null when there is none. */
    private static JsonNode tree(ObjectMapper mapper, StepContext context, String step) {
        try {
            return mapper.valueToTree(context.previous(step));
        } catch (SpecException e) {
            return null;
        }
    }

    /** {estimate, standard error} of a node: a coefficient-like object or a number. */
    static double[] value(JsonNode node) {
        if (node == null || node.isNull()) return new double[] {Double.NaN, Double.NaN};
        if (node.isNumber()) return new double[] {node.asDouble(), Double.NaN};
        for (String k : new String[] {"estimate", "value", "point"}) {
            if (node.has(k) && node.get(k).isNumber()) {
                return new double[] {node.get(k).asDouble(), node.has("stdError") ? node.get("stdError").asDouble() : Double.NaN};
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    static boolean holds(Published.Number n, double[] v, JsonNode node, Map<String, double[]> eres, Panel panel) {
        double x = v[0];
        if (Double.isNaN(x)) return false;
        Published.Check c = n.check();
        return switch (c.kind()) {
            case "relative" -> Math.abs(x / n.value() - 1) <= c.tolerance();
            case "absolute" -> Math.abs(x - n.value()) <= c.tolerance();
            case "se" -> Math.signum(x) == Math.signum(n.value()) && Math.abs(x - n.value()) <= c.tolerance() * n.se();
            case "equal" -> x == n.value();
            case "sign" -> Math.signum(x) == Math.signum(n.value());
            case "below" -> x < eres.getOrDefault(c.other(), new double[] {Double.NaN})[0];
            case "positive-significant" -> x > 0 && node.has("ciLow") && node.get("ciLow").asDouble() > 0;
            case "in-interval" -> {
                double split = split(panel, c.variable(), n.value());
                yield node.has("ciLow") && split >= node.get("ciLow").asDouble() - 1e-12 && split <= node.get("ciHigh").asDouble() + 1e-12;
            }
            default -> throw new IllegalStateException("check " + c.kind());
        };
    }

    /**
     * The data value that splits the sample as the threshold g does: the largest value of q at or below g
     * (thresholds are estimated among the data values, so an interval of them covers g when it covers this).
     */
    static double split(Panel panel, String q, double g) {
        if (!panel.hasNumeric(q)) throw new SpecException("published", "no column '" + q + "' for the threshold check");
        double best = Double.NEGATIVE_INFINITY;
        for (double v : panel.column(q)) if (v <= g + 1e-12 && v > best) best = v;
        return best;
    }

    /** The published tables' source, in a fixed key order (Map.of iterates in a per-JVM random order). */
    private static Map<String, String> source(Published pub) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("study", pub.study());
        m.put("provenance", pub.provenance());
        return m;
    }

    private static Table table(String title, Published pub, List<Row> rows) {
        Table.Builder t = Table.builder("replication", title).stub("Table")
                .columns("Column", "Row", "Published", "eres", "Difference (published SEs)", "Calibration bound", "Met");
        for (Row r : rows) {
            t.row(r.table(), r.column(), r.row(), published(r), eres(r), Double.isNaN(r.difference()) ? "" : Formats.fixed(r.difference(), 2),
                    r.check() == null ? "" : r.check(), r.passed() == null ? "" : r.passed() ? "yes" : "NO");
        }
        t.note("Published: " + pub.study() + ". " + pub.provenance());
        t.note("Difference in published SEs: (eres - published) / published SE. Standard errors in parentheses. eres on the SYNTHETIC"
                + " panel unless the chain's data are real; a number eres does not estimate is left blank (constants of models with"
                + " absorbed fixed effects, first-stage R^2).");
        for (Row r : rows) if (r.note() != null && r.eres() == r.eres()) t.note(r.id() + ": " + r.note());
        return t.build();
    }

    private static Table summary(List<Row> rows) {
        Map<String, int[]> by = new LinkedHashMap<>();
        for (Row r : rows) {
            int[] c = by.computeIfAbsent(r.table(), k -> new int[4]);
            c[0]++;
            if (!Double.isNaN(r.eres())) c[1]++;
            if (r.passed() != null) {
                c[2]++;
                if (r.passed()) c[3]++;
            }
        }
        Table.Builder t = Table.builder("replication-summary", "Replication: numbers compared and calibration bounds met")
                .stub("Table").columns("Published numbers", "Estimated by eres", "Calibration bounds", "Met");
        int[] all = new int[4];
        for (Map.Entry<String, int[]> e : by.entrySet()) {
            int[] c = e.getValue();
            for (int k = 0; k < 4; k++) all[k] += c[k];
            t.row(e.getKey(), Integer.toString(c[0]), Integer.toString(c[1]), Integer.toString(c[2]), Integer.toString(c[3]));
        }
        t.footer("All", Integer.toString(all[0]), Integer.toString(all[1]), Integer.toString(all[2]), Integer.toString(all[3]));
        return t.build();
    }

    private static String published(Row r) {
        String v = number(r.published()) + r.stars();
        return Double.isNaN(r.publishedSe()) ? v : v + " (" + number(r.publishedSe()) + ")";
    }

    private static String eres(Row r) {
        if (Double.isNaN(r.eres())) return "";
        String v = number(r.eres());
        return Double.isNaN(r.eresSe()) ? v : v + " (" + number(r.eresSe()) + ")";
    }

    /** Four decimals, two from 100, one from 1000 (as the study prints its numbers). */
    static String number(double v) {
        double a = Math.abs(v);
        int d = a >= 1000 ? 1 : a >= 100 ? 2 : 4;
        if (v == Math.rint(v) && a >= 1 && a < 1e6) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }
}
