package eres.core.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.result.OutputNames;
import eres.api.table.EstimatesTable;
import eres.api.table.NumberFormat;
import eres.api.table.Stars;
import eres.api.table.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code tables:} block of a chain: a publication table combining any steps (docs/tables.md).
 *
 * <pre>
 * tables:
 *   - id: table3
 *     title: "Table 3: Baseline regressions"
 *     columns:
 *       - {step: t3-opt, span: ln Opt}
 *       - {step: t3-opt-controls, span: ln Opt}
 *     rows: {keep: [ln_opt, fdi], rename: {ln_int: ln_opt}}
 *     indicators: [controls, {indicator: fixed-effects, label: Fixed region and time}]
 *     statistics: [nobs, r2-within, breusch-pagan]
 *     format: {decimals: 4, statistics-decimals: 3, thousands: ",", p-min: 0.001}
 *     stars: [0.1, 0.05, 0.01]
 *     se: parentheses
 * </pre>
 *
 * Columns come from {@code columns} (one per entry; a {@code by:} step without {@code group} gives one
 * per group), or {@code steps} (shorthand: one column per step and group), or {@code panels} (blocks of
 * rows, each with its own columns). Everything is checked when the chain is loaded
 * ({@link #problems}); what depends on the results (groups, a step's sub-models) when the table is built.
 */
public record TableSpec(@JsonProperty("id") String id,
                        @JsonProperty("title") String title,
                        @JsonProperty("columns") List<ColumnSpec> columns,
                        @JsonProperty("steps") List<String> steps,
                        @JsonProperty("panels") List<PanelSpec> panels,
                        @JsonProperty("rows") RowsSpec rows,
                        @JsonProperty("labels") Map<String, String> labels,
                        @JsonProperty("indicators") List<JsonNode> indicators,
                        @JsonProperty("statistics") List<JsonNode> statistics,
                        @JsonProperty("format") FormatSpec format,
                        @JsonProperty("stars") JsonNode stars,
                        @JsonProperty("se") String se,
                        @JsonProperty("numbers") Boolean numbers,
                        @JsonProperty("dependent") Boolean dependent,
                        @JsonProperty("notes") List<String> notes,
                        @JsonProperty("from") FromSpec from) {

    /**
     * A step's own table placed among the chain's tables ({@code from: {step: index, table: weights}}), e.g. the
     * weights of an index or a descriptive table that a paper numbers with its regression tables; the block
     * gives its id, title and notes, the step the content.
     */
    public record FromSpec(@JsonProperty("step") String step, @JsonProperty("table") String table) {
    }

    /** The indicator ids eres fills from what each step did. */
    public static final List<String> INDICATORS = List.of("controls", "fixed-effects", "entity-effects", "time-effects", "cluster", "se");

    public TableSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
        steps = steps == null ? List.of() : List.copyOf(steps);
        panels = panels == null ? List.of() : List.copyOf(panels);
        if (rows == null) rows = new RowsSpec(null, null, null, null);
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        statistics = statistics == null ? null : List.copyOf(statistics);
        if (format == null) format = new FormatSpec(null, null, null, null);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One column: {@code step} (required), {@code group} (one group of a {@code by:} step), {@code title},
     * {@code span} (a spanning group header over consecutive columns), {@code model} (a sub-model of the
     * step: {@code first-stage} of iv-2sls, {@code E1}, {@code E2:div}, {@code E3:div} of mediation),
     * {@code indicators} (values of indicator rows for this column, overriding what eres derives).
     */
    public record ColumnSpec(@JsonProperty("step") String step,
                             @JsonProperty("group") String group,
                             @JsonProperty("title") String title,
                             @JsonProperty("span") String span,
                             @JsonProperty("model") String model,
                             @JsonProperty("indicators") Map<String, String> indicators) {
        public ColumnSpec {
            indicators = indicators == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        }
    }

    /** A panel: a section heading and its own columns (or {@code steps}). */
    public record PanelSpec(@JsonProperty("title") String title,
                            @JsonProperty("columns") List<ColumnSpec> columns,
                            @JsonProperty("steps") List<String> steps) {
        public PanelSpec {
            columns = columns == null ? List.of() : List.copyOf(columns);
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** Row selection: {@code keep} (only these, in this order), {@code drop}, {@code order}, {@code rename}. */
    public record RowsSpec(@JsonProperty("keep") List<String> keep,
                           @JsonProperty("drop") List<String> drop,
                           @JsonProperty("order") List<String> order,
                           @JsonProperty("rename") Map<String, String> rename) {
        public EstimatesTable.Rows toRows() {
            return new EstimatesTable.Rows(keep, drop, order, rename);
        }
    }

    /** Number format: decimals of estimates and of statistics, thousands separator, the {@code <p-min} threshold. */
    public record FormatSpec(@JsonProperty("decimals") Integer decimals,
                             @JsonProperty("statistics-decimals") Integer statisticsDecimals,
                             @JsonProperty("thousands") JsonNode thousands,
                             @JsonProperty("p-min") Double pMin) {
    }

    /** A statistics row: id (vocabulary statistic or test) and optional label. */
    public record StatisticRow(String id, String label) {
    }

    /** An indicator row. */
    public record IndicatorRow(String id, String label, String yes, String no) {
    }

    /** The panels to build: the {@code panels}, or one untitled panel of {@code columns} / {@code steps}. */
    public List<PanelSpec> effectivePanels() {
        if (!panels.isEmpty()) return panels;
        return List.of(new PanelSpec(null, columns, steps));
    }

    /** Every step named anywhere in the table. */
    public Set<String> stepIds() {
        Set<String> s = new LinkedHashSet<>();
        if (from != null && from.step() != null) s.add(from.step());
        for (PanelSpec p : effectivePanels()) {
            s.addAll(p.steps());
            for (ColumnSpec c : p.columns()) if (c.step() != null) s.add(c.step());
        }
        return s;
    }

    /** The statistics rows given; when none are given ({@link #defaultStatistics}) the table builder chooses. */
    public List<StatisticRow> statisticRows() {
        if (statistics == null) return List.of();
        List<StatisticRow> out = new ArrayList<>();
        for (JsonNode n : statistics) {
            if (n.isTextual()) out.add(new StatisticRow(n.asText(), null));
            else out.add(new StatisticRow(text(n, "stat"), text(n, "label")));
        }
        return out;
    }

    /** Whether the statistics rows were left to the default. */
    public boolean defaultStatistics() {
        return statistics == null;
    }

    public List<IndicatorRow> indicatorRows() {
        List<IndicatorRow> out = new ArrayList<>();
        for (JsonNode n : indicators) {
            if (n.isTextual()) out.add(new IndicatorRow(n.asText(), null, null, null));
            else out.add(new IndicatorRow(text(n, "indicator"), text(n, "label"), text(n, "yes"), text(n, "no")));
        }
        return out;
    }

    public NumberFormat numberFormat() {
        NumberFormat d = NumberFormat.DEFAULT;
        String sep = d.thousands();
        if (format.thousands() != null) {
            JsonNode t = format.thousands();
            sep = t.isBoolean() ? (t.asBoolean() ? "," : "") : t.asText();
        }
        return new NumberFormat(format.decimals() == null ? d.decimals() : format.decimals(),
                format.statisticsDecimals() == null ? d.statisticDecimals() : format.statisticsDecimals(), sep,
                format.pMin() == null ? d.pMin() : format.pMin(), d.pDecimals(), d.significant());
    }

    public Stars starLevels() {
        if (stars == null || stars.isNull()) return Stars.DEFAULT;
        if (stars.isBoolean()) return stars.asBoolean() ? Stars.DEFAULT : Stars.NONE;
        List<Double> l = new ArrayList<>();
        for (JsonNode n : stars) l.add(n.asDouble());
        return new Stars(l);
    }

    public EstimatesTable.Detail detail() {
        return se == null ? EstimatesTable.Detail.SE : EstimatesTable.Detail.parse(se);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Every problem with this block, given the chain's step ids and which of them run {@code by:} a column. */
    List<SpecException.Problem> problems(int index, List<String> stepIds, Set<String> byGroupSteps) {
        List<SpecException.Problem> out = new ArrayList<>();
        String where = id == null ? "tables[" + index + "]" : "tables." + id;
        if (id == null || !OutputNames.isSafe(id)) {
            out.add(new SpecException.Problem(where + ".id", "must be a name of letters, digits, '-', '_' or '.', got '" + id + "'"));
        }
        if (from != null) {
            if (!columns.isEmpty() || !steps.isEmpty() || !panels.isEmpty() || statistics != null || !indicators.isEmpty()
                    || !labels.isEmpty() || rows.keep() != null || se != null) {
                out.add(new SpecException.Problem(where + ".from", "copies a step's own table: give only id, title and notes with it"));
            }
            if (from.step() == null) {
                out.add(new SpecException.Problem(where + ".from.step", "is required"));
            } else if (!stepIds.contains(from.step())) {
                out.add(new SpecException.Problem(where + ".from.step", "no step '" + from.step() + "'" + Suggestions.hint(from.step(), stepIds)));
            }
            if (from.table() == null) out.add(new SpecException.Problem(where + ".from.table", "is required (the id of one of the step's tables)"));
            return out;
        }
        int sources = (columns.isEmpty() ? 0 : 1) + (steps.isEmpty() ? 0 : 1) + (panels.isEmpty() ? 0 : 1);
        if (sources != 1) {
            out.add(new SpecException.Problem(where, sources == 0 ? "needs 'columns', 'steps', 'panels' or 'from'"
                    : "give only one of 'columns', 'steps' and 'panels'"));
        }
        for (int p = 0; p < panels.size(); p++) {
            PanelSpec ps = panels.get(p);
            String pw = where + ".panels[" + p + "]";
            if (ps.columns().isEmpty() == ps.steps().isEmpty()) out.add(new SpecException.Problem(pw, "needs 'columns' or 'steps' (one of them)"));
        }
        Set<String> customIndicators = new LinkedHashSet<>();
        for (PanelSpec ps : effectivePanels()) {
            for (String s : ps.steps()) {
                if (!stepIds.contains(s)) out.add(new SpecException.Problem(where + ".steps", "no step '" + s + "'" + Suggestions.hint(s, stepIds)));
            }
            for (int c = 0; c < ps.columns().size(); c++) {
                ColumnSpec col = ps.columns().get(c);
                String cw = where + ".columns[" + c + "]";
                if (col.step() == null) {
                    out.add(new SpecException.Problem(cw + ".step", "is required"));
                } else if (!stepIds.contains(col.step())) {
                    out.add(new SpecException.Problem(cw + ".step", "no step '" + col.step() + "'" + Suggestions.hint(col.step(), stepIds)));
                } else if (col.group() != null && !byGroupSteps.contains(col.step())) {
                    out.add(new SpecException.Problem(cw + ".group", "step '" + col.step() + "' does not run by groups (it has no 'by:')"));
                }
                customIndicators.addAll(col.indicators().keySet());
            }
        }
        List<String> knownStats = new ArrayList<>(Vocabulary.statistics());
        knownStats.addAll(Vocabulary.tests());
        if (statistics != null) {
            for (int i = 0; i < statistics.size(); i++) {
                JsonNode n = statistics.get(i);
                String sw = where + ".statistics[" + i + "]";
                if (!n.isTextual() && !(n.isObject() && n.hasNonNull("stat") && onlyKeys(n, "stat", "label"))) {
                    out.add(new SpecException.Problem(sw, "must be a statistic name or {stat: NAME, label: TEXT}"));
                    continue;
                }
                String s = n.isTextual() ? n.asText() : n.get("stat").asText();
                if (Vocabulary.kind(s) == null && !Vocabulary.isTest(s)) {
                    out.add(new SpecException.Problem(sw, "unknown statistic '" + s + "'" + Suggestions.hint(s, knownStats)
                            + " (statistics: " + String.join(", ", Vocabulary.statistics()) + "; tests by name, or test:NAME)"));
                }
            }
        }
        List<String> knownIndicators = new ArrayList<>(INDICATORS);
        knownIndicators.addAll(customIndicators);
        for (int i = 0; i < indicators.size(); i++) {
            JsonNode n = indicators.get(i);
            String iw = where + ".indicators[" + i + "]";
            if (!n.isTextual() && !(n.isObject() && n.hasNonNull("indicator") && onlyKeys(n, "indicator", "label", "yes", "no"))) {
                out.add(new SpecException.Problem(iw, "must be an indicator name or {indicator: NAME, label: TEXT, yes: TEXT, no: TEXT}"));
                continue;
            }
            String s = n.isTextual() ? n.asText() : n.get("indicator").asText();
            if (!knownIndicators.contains(s)) {
                out.add(new SpecException.Problem(iw, "unknown indicator '" + s + "'" + Suggestions.hint(s, knownIndicators) + " (indicators: "
                        + String.join(", ", INDICATORS) + ", or a name the columns set under 'indicators:')"));
            }
        }
        if (format.decimals() != null && (format.decimals() < 0 || format.decimals() > 10)) {
            out.add(new SpecException.Problem(where + ".format.decimals", "must be 0..10, got " + format.decimals()));
        }
        if (format.statisticsDecimals() != null && (format.statisticsDecimals() < 0 || format.statisticsDecimals() > 10)) {
            out.add(new SpecException.Problem(where + ".format.statistics-decimals", "must be 0..10, got " + format.statisticsDecimals()));
        }
        if (format.pMin() != null && !(format.pMin() > 0 && format.pMin() < 1)) {
            out.add(new SpecException.Problem(where + ".format.p-min", "must be between 0 and 1 (e.g. 0.001), got " + format.pMin()));
        }
        if (format.thousands() != null && !(format.thousands().isBoolean() || (format.thousands().isTextual()
                && format.thousands().asText().length() <= 2))) {
            out.add(new SpecException.Problem(where + ".format.thousands", "must be true, false or a separator such as \",\" or \" \""));
        }
        if (stars != null && !stars.isNull()) {
            String bad = null;
            if (stars.isArray()) {
                List<Double> l = new ArrayList<>();
                for (JsonNode n : stars) {
                    if (!n.isNumber()) bad = "'" + n.asText() + "' is not a number";
                    l.add(n.asDouble());
                }
                if (bad == null) {
                    try {
                        new Stars(l);
                    } catch (IllegalArgumentException e) {
                        bad = e.getMessage();
                    }
                }
            } else if (!stars.isBoolean()) {
                bad = "must be a list of levels from the largest, e.g. [0.1, 0.05, 0.01], or false";
            }
            if (bad != null) out.add(new SpecException.Problem(where + ".stars", bad));
        }
        if (se != null && EstimatesTable.Detail.parse(se) == null) {
            out.add(new SpecException.Problem(where + ".se", "'" + se + "' is not one of parentheses, brackets, t, p, ci, none"));
        }
        return out;
    }

    private static boolean onlyKeys(JsonNode n, String... keys) {
        List<String> allowed = List.of(keys);
        for (var it = n.fieldNames(); it.hasNext(); ) if (!allowed.contains(it.next())) return false;
        return true;
    }
}
