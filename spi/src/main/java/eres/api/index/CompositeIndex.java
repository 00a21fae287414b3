package eres.api.index;

import eres.api.linalg.Compensated;
import eres.api.stats.Descriptives;
import eres.api.table.Formats;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.DataFile;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The composite-index pipeline shared by every weighting method (composite-index.md sections 3-5, 7):
 * normalise the indicators ({@link IndicatorMatrix}), weigh them with a {@link WeightingRule} (flat,
 * or hierarchically within criterion layers and then across the layer sub-scores), and score each
 * entity-year as {@code S = sum_j w_j z_j} (the rule may define the score itself, as PCA does).
 *
 * <p>The step result carries the index as a new panel column, the weights table in the layout of the
 * study's Table 1 (criterion layer, indicator, direction, weight), the derivation of the weights,
 * the index by year, and the per entity-year values as a CSV side file.
 */
public final class CompositeIndex {
    private CompositeIndex() {
    }

    /** One indicator's weight (a row of Table 1). {@code details} are the rule's intermediate quantities. */
    public record IndicatorWeight(String layer, String indicator, String label, String direction, double weight,
                                  double weightInLayer, Map<String, Double> details) {
    }

    /** One criterion layer: its weight (sum of its indicators' weights) and its indicators. */
    public record LayerWeight(String layer, String column, double weight, List<String> indicators, Map<String, Double> details) {
    }

    /** Summary of the index in one year. */
    public record YearSummary(int year, int rows, double mean, double sd, double min, double max) {
    }

    /** The weights computed at one level, for the derivation table. */
    public record LevelDerivation(String level, List<String> columns, List<String> quantities, List<List<Double>> values,
                                  List<Double> weights) {
    }

    /**
     * Everything computed, before presentation.
     *
     * @param matrix     the normalised indicators
     * @param weights    global weight per indicator (in indicator order), summing to 1
     * @param weightInLayer per indicator, its weight within its layer (= weights without layers)
     * @param layers     layer names (empty without layers)
     * @param layerWeights per layer
     * @param score      index per matrix row (after rescaling)
     * @param subscores  per layer, the sub-score per matrix row
     * @param levels     the weightings, indicator level(s) first, then the layer level when hierarchical
     * @param levelData  the data each of {@code levels} was computed from
     * @param warnings   all warnings (deduplicated)
     * @param rawScoreMin smallest score before {@code rescale}
     * @param rawScoreMax largest score before {@code rescale}
     */
    public record Computation(IndicatorMatrix matrix, double[] weights, double[] weightInLayer, List<String> layers,
                              double[] layerWeights, double[] score, double[][] subscores, List<Weighting> levels,
                              List<Level> levelData, List<Warning> warnings, double rawScoreMin, double rawScoreMax) {
    }

    /**
     * Computes the index of {@code panel}.
     *
     * @throws SpecException       for a parameter the method cannot use
     * @throws eres.api.DataException for unusable indicators
     * @throws EstimationException when the weights are undefined
     */
    public static Computation compute(WeightingRule rule, IndexParameters p, Panel panel) {
        rule.check(p);
        if (p.hierarchical() && !rule.supportsHierarchy()) {
            throw new SpecException("aggregation", rule.label() + " does not define hierarchical aggregation; use aggregation: flat");
        }
        List<Warning> warnings = new ArrayList<>();
        for (String key : p.methodKeysSet()) {
            if (!rule.reads().contains(key)) {
                warnings.add(new Warning("unused-parameter", "'" + key + "' is not used by " + rule.label()
                        + " (accepted so that a chain can swap methods by changing only 'use')"));
            }
        }
        IndicatorMatrix z = IndicatorMatrix.of(panel, p);
        if (z.skippedRows() > 0) {
            warnings.add(new Warning("dropped-missing", z.skippedRows() + " row(s) with a missing indicator were left out"
                    + " (missing: skip); their index is missing"));
        }
        int m = z.columns();
        int n = z.rows();
        List<String> names = z.names();
        double[][] data = new double[m][];
        for (int j = 0; j < m; j++) data[j] = z.column(j);

        List<String> layers = new ArrayList<>();
        List<int[]> layerIdx = new ArrayList<>();
        if (p.hasLayers()) {
            for (Map.Entry<String, List<String>> e : p.layers().entrySet()) {
                layers.add(e.getKey());
                layerIdx.add(e.getValue().stream().mapToInt(names::indexOf).toArray());
            }
        }
        int q = layers.size();
        double[] w = new double[m];
        double[] within = new double[m];
        double[] layerW = new double[q];
        double[][] sub = new double[q][n];
        double[] score;
        List<Weighting> levels = new ArrayList<>();
        List<Level> levelData = new ArrayList<>();
        if (!p.hierarchical()) {
            Level lvl = Level.ofIndicators("indicators", names, data);
            Weighting wt = m == 1 && rule.supportsHierarchy() ? single() : checked(rule.weigh(lvl, p), lvl);
            levels.add(wt);
            levelData.add(lvl);
            System.arraycopy(wt.weights(), 0, w, 0, m);
            score = wt.score() != null ? wt.score().clone() : weightedSum(data, w, n);
            for (int d = 0; d < q; d++) {
                double total = 0;
                for (int j : layerIdx.get(d)) total += w[j];
                layerW[d] = total;
                for (int j : layerIdx.get(d)) within[j] = total > 0 ? w[j] / total : Double.NaN;
                if (total > 0) {
                    double[][] cols = new double[layerIdx.get(d).length][];
                    double[] ww = new double[cols.length];
                    for (int k = 0; k < cols.length; k++) {
                        cols[k] = data[layerIdx.get(d)[k]];
                        ww[k] = within[layerIdx.get(d)[k]];
                    }
                    sub[d] = weightedSum(cols, ww, n);
                } else {
                    Arrays.fill(sub[d], Double.NaN);
                    warnings.add(new Warning("zero-layer-weight", "layer '" + layers.get(d) + "' has weight 0; its sub-score is undefined"));
                }
            }
            if (q == 0) System.arraycopy(w, 0, within, 0, m);
        } else {
            List<List<String>> members = new ArrayList<>();
            for (int d = 0; d < q; d++) {
                int[] idx = layerIdx.get(d);
                List<String> mem = new ArrayList<>();
                double[][] cols = new double[idx.length][];
                for (int k = 0; k < idx.length; k++) {
                    mem.add(names.get(idx[k]));
                    cols[k] = data[idx[k]];
                }
                members.add(mem);
                Level lvl = Level.ofIndicators("layer '" + layers.get(d) + "'", mem, cols);
                Weighting wt = idx.length == 1 ? single() : checked(rule.weigh(lvl, p), lvl);
                levels.add(wt);
                levelData.add(lvl);
                for (int k = 0; k < idx.length; k++) within[idx[k]] = wt.weights()[k];
                sub[d] = weightedSum(cols, wt.weights(), n);
            }
            Level top = new Level("layers", layers, members, sub);
            Weighting wt = q == 1 ? single() : checked(rule.weigh(top, p), top);
            levels.add(wt);
            levelData.add(top);
            System.arraycopy(wt.weights(), 0, layerW, 0, q);
            for (int d = 0; d < q; d++) for (int j : layerIdx.get(d)) w[j] = layerW[d] * within[j];
            score = weightedSum(sub, layerW, n);
        }
        for (Weighting wt : levels) {
            for (Warning x : wt.warnings()) if (!warnings.contains(x)) warnings.add(x);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        switch (p.rescale()) {
            case "unit" -> {
                if (!(max > min)) {
                    throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS, "the index is constant (" + min + "); rescale: unit is undefined");
                }
                for (int i = 0; i < n; i++) score[i] = (score[i] - min) / (max - min);
            }
            case "percent" -> {
                for (int i = 0; i < n; i++) score[i] *= 100;
            }
            default -> {
            }
        }
        return new Computation(z, w, within, layers, layerW, score, sub, levels, levelData, warnings, min, max);
    }

    /** Runs the method as a chain step: {@link #compute} plus the index column, tables, sections and values file. */
    public static StepResult run(String methodId, WeightingRule rule, IndexParameters p, StepContext context) {
        Panel panel = context.panel();
        Computation c = compute(rule, p, panel);
        IndicatorMatrix z = c.matrix();
        int n = z.rows();
        StepResult.Builder b = StepResult.builder();

        double[] column = new double[panel.rows()];
        Arrays.fill(column, Double.NaN);
        for (int i = 0; i < n; i++) column[z.panelRow(i)] = c.score()[i];
        b.column(p.output(), column);
        List<String> layerColumns = layerColumnNames(p.output(), c.layers());
        if (p.subscores()) {
            for (int d = 0; d < c.layers().size(); d++) {
                double[] s = new double[panel.rows()];
                Arrays.fill(s, Double.NaN);
                for (int i = 0; i < n; i++) s[z.panelRow(i)] = c.subscores()[d][i];
                b.column(layerColumns.get(d), s);
            }
        }

        Descriptives all = Descriptives.of(c.score());
        b.statistic("method", methodId);
        b.statistic("output", p.output());
        b.statistic("indicators", z.columns());
        b.statistic("nobs", n);
        b.statistic("skippedRows", z.skippedRows());
        b.statistic("normalization", p.normalization());
        b.statistic("scope", p.scope());
        if (p.minMax()) b.statistic("shift", p.shift());
        b.statistic("aggregation", p.hasLayers() ? p.aggregation() : "flat");
        b.statistic("rescale", p.rescale());
        b.statistic("indexMean", all.mean());
        b.statistic("indexSd", all.sd());
        b.statistic("indexMin", all.min());
        b.statistic("indexMax", all.max());

        List<IndicatorWeight> rows = indicatorWeights(c, p);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("method", methodId);
        setup.put("label", rule.label());
        setup.put("output", p.output());
        setup.put("normalization", p.normalization());
        setup.put("scope", p.scope());
        setup.put("shift", p.minMax() ? p.shift() : null);
        setup.put("aggregation", p.hasLayers() ? p.aggregation() : "flat");
        setup.put("rescale", p.rescale());
        setup.put("rows", n);
        setup.put("skippedRows", z.skippedRows());
        setup.put("scoreFormula", c.levels().get(0).score() != null ? "defined by the method (see notes)" : "S = sum_j w_j z_j");
        b.section("index", setup);
        b.section("weights", rows);
        if (!c.layers().isEmpty()) b.section("layers", layerWeights(c, p, layerColumns));
        b.section("derivation", derivations(c));
        b.section("normalisation", z.ranges());
        List<YearSummary> years = byYear(panel, z, c.score());
        b.section("byYear", years);
        for (Weighting wt : c.levels()) wt.sections().forEach(b::section);

        b.table(weightsTable(methodId, rule, p, c, rows));
        for (Table t : derivationTables(rule, p, c)) b.table(t);
        for (Weighting wt : c.levels()) wt.tables().forEach(b::table);
        b.table(yearTable(p, years, context.stepId()));
        b.file(valuesFile(panel, p, c, layerColumns));
        c.warnings().forEach(b::warning);
        return b.build();
    }

    // ------------------------------------------------------------------ computation helpers

    private static Weighting single() {
        return Weighting.of(new double[] {1.0}, List.of(), new double[1][0]);
    }

    private static Weighting checked(Weighting wt, Level lvl) {
        double[] w = wt.weights();
        if (w.length != lvl.size()) {
            throw new IllegalStateException("rule returned " + w.length + " weights for " + lvl.size() + " columns");
        }
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            if (!Double.isFinite(w[j]) || w[j] < 0) {
                throw new EstimationException(EstimationException.Reason.NOT_FINITE, "weight of '" + lvl.columns().get(j) + "' in "
                        + lvl.name() + " is " + w[j]);
            }
            sum += w[j];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalStateException("weights of " + lvl.name() + " sum to " + sum + ", not 1");
        }
        return wt;
    }

    /** {@code sum_j w_j cols[j][i]} for every row, compensated. */
    static double[] weightedSum(double[][] cols, double[] w, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            Compensated acc = new Compensated(0);
            for (int j = 0; j < cols.length; j++) acc.addProduct(w[j], cols[j][i]);
            s[i] = acc.value();
        }
        return s;
    }

    /** Column names of layer sub-scores: {@code <output>_<layer slug>}, unique. */
    static List<String> layerColumnNames(String output, List<String> layers) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int d = 0; d < layers.size(); d++) {
            String slug = layers.get(d).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            if (slug.isEmpty()) slug = "layer" + (d + 1);
            String name = output + "_" + slug;
            if (!used.add(name)) {
                name = output + "_" + slug + "_" + (d + 1);
                used.add(name);
            }
            out.add(name);
        }
        return out;
    }

    private static String layerOf(IndexParameters p, String indicator) {
        if (!p.hasLayers()) return null;
        for (Map.Entry<String, List<String>> e : p.layers().entrySet()) if (e.getValue().contains(indicator)) return e.getKey();
        return null;
    }

    private static List<IndicatorWeight> indicatorWeights(Computation c, IndexParameters p) {
        IndicatorMatrix z = c.matrix();
        Map<String, Map<String, Double>> det = new LinkedHashMap<>();
        for (int l = 0; l < c.levels().size(); l++) {
            Weighting wt = c.levels().get(l);
            Level lvl = c.levelData().get(l);
            if (!lvl.indicatorLevel()) continue;
            for (int j = 0; j < lvl.size(); j++) {
                Map<String, Double> d = new LinkedHashMap<>();
                for (int k = 0; k < wt.detailNames().size(); k++) d.put(wt.detailNames().get(k), wt.details()[j][k]);
                det.put(lvl.columns().get(j), d);
            }
        }
        List<IndicatorWeight> rows = new ArrayList<>();
        for (String ind : tableOrder(c, p)) {
            int j = z.names().indexOf(ind);
            rows.add(new IndicatorWeight(layerOf(p, ind), ind, p.label(ind), z.negative(j) ? "negative" : "positive",
                    c.weights()[j], c.weightInLayer()[j], det.getOrDefault(ind, Map.of())));
        }
        return rows;
    }

    /** Indicators in table order: by layer (layers in order), else the indicator order. */
    private static List<String> tableOrder(Computation c, IndexParameters p) {
        if (!p.hasLayers()) return c.matrix().names();
        List<String> out = new ArrayList<>();
        p.layers().values().forEach(out::addAll);
        return out;
    }

    private static List<LayerWeight> layerWeights(Computation c, IndexParameters p, List<String> layerColumns) {
        List<LayerWeight> out = new ArrayList<>();
        Weighting top = p.hierarchical() ? c.levels().get(c.levels().size() - 1) : null;
        for (int d = 0; d < c.layers().size(); d++) {
            Map<String, Double> det = new LinkedHashMap<>();
            if (top != null) {
                for (int k = 0; k < top.detailNames().size(); k++) det.put(top.detailNames().get(k), top.details()[d][k]);
            }
            out.add(new LayerWeight(c.layers().get(d), layerColumns.get(d), c.layerWeights()[d], p.layers().get(c.layers().get(d)), det));
        }
        return out;
    }

    private static List<LevelDerivation> derivations(Computation c) {
        List<LevelDerivation> out = new ArrayList<>();
        for (int l = 0; l < c.levels().size(); l++) {
            Weighting wt = c.levels().get(l);
            Level lvl = c.levelData().get(l);
            List<List<Double>> values = new ArrayList<>();
            for (double[] row : wt.details()) values.add(Arrays.stream(row).boxed().toList());
            out.add(new LevelDerivation(lvl.name(), lvl.columns(), wt.detailNames(), values,
                    Arrays.stream(wt.weights()).boxed().toList()));
        }
        return out;
    }

    private static List<YearSummary> byYear(Panel panel, IndicatorMatrix z, double[] score) {
        Map<Integer, List<Double>> by = new java.util.TreeMap<>();
        for (int i = 0; i < z.rows(); i++) by.computeIfAbsent(panel.time(z.panelRow(i)), k -> new ArrayList<>()).add(score[i]);
        List<YearSummary> out = new ArrayList<>();
        by.forEach((t, v) -> {
            Descriptives d = Descriptives.of(v.stream().mapToDouble(Double::doubleValue).toArray());
            out.add(new YearSummary(t, (int) d.obs(), d.mean(), d.sd(), d.min(), d.max()));
        });
        return out;
    }

    // ------------------------------------------------------------------ presentation

    private static String normalisationNote(IndexParameters p) {
        String scope = p.pooled() ? "pooled over all entity-years" : "within each year";
        if (p.minMax()) {
            return "Normalisation: min-max " + scope + ", positive (x - min)/(max - min), negative (max - x)/(max - min), plus shift "
                    + java.math.BigDecimal.valueOf(p.shift()).toPlainString() + ".";
        }
        return "Normalisation: z-score " + scope + " (sd with n - 1), sign reversed for negative indicators.";
    }

    static Table weightsTable(String methodId, WeightingRule rule, IndexParameters p, Computation c, List<IndicatorWeight> rows) {
        int k = p.decimals();
        Table.Builder t = Table.builder("weights", "Indicator weights: " + rule.label() + " (" + p.output() + ")");
        if (c.layers().isEmpty()) {
            t.stub("Indicator").columns("Direction", "Weight");
            for (IndicatorWeight r : rows) t.row(r.label(), sign(r.direction()), Formats.fixed(r.weight(), k));
        } else {
            t.stub("Criterion layer").columns("Layer weight", "Indicator", "Direction", "Weight");
            String current = null;
            for (IndicatorWeight r : rows) {
                boolean first = !r.layer().equals(current);
                current = r.layer();
                int d = c.layers().indexOf(r.layer());
                t.row(first ? r.layer() : "", first ? Formats.fixed(c.layerWeights()[d], k) : "", r.label(), sign(r.direction()),
                        Formats.fixed(r.weight(), k));
            }
        }
        t.note("Method: " + rule.label() + " (" + methodId + "). Weights sum to 1; full precision in results.json.");
        t.note(normalisationNote(p));
        if (!c.layers().isEmpty()) {
            t.note(p.hierarchical()
                    ? "Hierarchical: weights within each layer, layer weights from the layer sub-scores; weight = layer weight x weight within layer."
                    : "Flat: weights over all indicators; a layer's weight is the sum of its indicators' weights.");
        }
        Set<String> notes = new java.util.LinkedHashSet<>();
        for (Weighting wt : c.levels()) notes.addAll(wt.notes());
        notes.forEach(t::note);
        if (!p.rescale().equals("none")) {
            t.note(p.rescale().equals("unit") ? "Index rescaled to [0, 1] by its min and max over all rows."
                    : "Index multiplied by 100.");
        }
        return t.build();
    }

    private static String sign(String direction) {
        return direction.equals("negative") ? "-" : "+";
    }

    static List<Table> derivationTables(WeightingRule rule, IndexParameters p, Computation c) {
        List<Table> out = new ArrayList<>();
        int k = Math.max(p.decimals(), 4);
        // group levels with the same quantities into one table (one section per level)
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int l = 0; l < c.levels().size(); l++) {
            if (c.levelData().get(l).size() == 1 && c.levels().get(l).detailNames().isEmpty()) continue;
            groups.computeIfAbsent(c.levels().get(l).detailNames(), x -> new ArrayList<>()).add(l);
        }
        int g = 0;
        for (Map.Entry<List<String>, List<Integer>> e : groups.entrySet()) {
            List<String> cols = new ArrayList<>(e.getKey());
            cols.add("Weight");
            String id = g == 0 ? "derivation" : "derivation-" + (g + 1);
            Table.Builder t = Table.builder(id, "Derivation of the weights: " + rule.label()).stub("Indicator").columns(cols);
            boolean sections = c.levels().size() > 1;
            for (int l : e.getValue()) {
                Weighting wt = c.levels().get(l);
                Level lvl = c.levelData().get(l);
                if (sections) t.section(lvl.name().equals("layers") ? "Criterion layers" : "Within " + lvl.name());
                boolean[] integral = new boolean[wt.detailNames().size()];
                for (int q = 0; q < integral.length; q++) {
                    integral[q] = true;
                    for (double[] row : wt.details()) {
                        double v = row[q];
                        if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) > 1e9)) integral[q] = false;
                    }
                }
                for (int j = 0; j < lvl.size(); j++) {
                    List<String> cells = new ArrayList<>();
                    for (int q = 0; q < wt.detailNames().size(); q++) {
                        double v = wt.details()[j][q];
                        cells.add(integral[q] && !Double.isNaN(v) ? Formats.count((long) v) : Formats.number(v, k + 2));
                    }
                    cells.add(Formats.fixed(wt.weights()[j], k + 2));
                    String name = lvl.columns().get(j);
                    t.row(lvl.indicatorLevel() ? p.label(name) : name, cells);
                }
            }
            t.note("Intermediate quantities as defined in docs/methods/composite-index.md; computed on the normalised data.");
            out.add(t.build());
            g++;
        }
        return out;
    }

    static Table yearTable(IndexParameters p, List<YearSummary> years, String stepId) {
        Table.Builder t = Table.builder("index-by-year", "Index " + p.output() + " by year").stub("Year")
                .columns("Obs", "Mean", "Std. dev.", "Min", "Max");
        for (YearSummary y : years) {
            t.row(String.valueOf(y.year()), Formats.count(y.rows()), Formats.fixed(y.mean(), 4), Formats.fixed(y.sd(), 4),
                    Formats.fixed(y.min(), 4), Formats.fixed(y.max(), 4));
        }
        return t.note("Per entity-year values: files/" + stepId + "-" + p.output() + "-values.csv (group steps add --<group>).").build();
    }

    static DataFile valuesFile(Panel panel, IndexParameters p, Computation c, List<String> layerColumns) {
        StringBuilder sb = new StringBuilder();
        sb.append(csv(panel.entityName())).append(',').append(csv(panel.timeName())).append(',').append(csv(p.output()));
        for (String lc : layerColumns) sb.append(',').append(csv(lc));
        sb.append('\n');
        IndicatorMatrix z = c.matrix();
        int i = 0;
        for (int r = 0; r < panel.rows(); r++) {
            boolean used = i < z.rows() && z.panelRow(i) == r;
            sb.append(csv(panel.entity(r))).append(',').append(panel.time(r)).append(',');
            sb.append(used ? Double.toString(c.score()[i]) : "");
            for (int d = 0; d < layerColumns.size(); d++) {
                sb.append(',');
                if (used) sb.append(c.subscores()[d][i]);
            }
            sb.append('\n');
            if (used) i++;
        }
        return new DataFile(p.output() + "-values.csv", "text/csv", sb.toString());
    }

    private static String csv(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
