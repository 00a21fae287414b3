package eres.core.report;

import eres.api.SpecException;
import eres.api.result.OutputNames;
import eres.api.result.Table;
import eres.api.table.EstimatesTable;
import eres.api.table.Language;
import eres.api.table.Messages;
import eres.core.chain.RunResult;
import eres.core.chain.StepOutcome;
import eres.core.chain.StepSpec;
import eres.core.chain.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the report's tables across steps: every {@code tables:} block of the chain, then one table per
 * {@code by:} step with a column per group (overall first), regimes of threshold models aligned by name.
 * Results are read through {@link ResultAdapter}; the tables are {@link EstimatesTable}s.
 */
public final class TableAssembler {
    private final RunResult run;
    private final Language language;
    private final Map<String, String> chainLabels;

    public TableAssembler(RunResult run) {
        this.run = run;
        this.language = Language.parse(run.chain().report().language());
        this.chainLabels = displayLabels(run);
    }

    /** Display labels: the data's own (Stata variable labels) as defaults, the chain's {@code labels:} over them. */
    public static Map<String, String> displayLabels(RunResult run) {
        Map<String, String> labels = new LinkedHashMap<>(run.dataset().labels());
        labels.putAll(run.chain().labels());
        return labels;
    }

    /** The chain's table blocks, then the by-group tables. */
    public List<Table> tables() {
        List<Table> out = new ArrayList<>();
        for (TableSpec t : run.chain().tables()) out.add(build(t));
        out.addAll(byGroupTables());
        return out;
    }

    /** One resolved column: its model and header parts. */
    private record Resolved(ResultAdapter.Model model, String title, String span, Map<String, String> indicators) {
    }

    /** A step's own table under the block's id and title, with the block's notes after its own. */
    private Table copied(TableSpec spec) {
        String where = "tables." + spec.id() + ".from";
        TableSpec.FromSpec from = spec.from();
        StepOutcome o = run.outcomes().stream().filter(x -> x.stepId().equals(from.step()) && x.group() == null).findFirst()
                .orElseThrow(() -> new SpecException(where + ".step", "step '" + from.step() + "' has no overall result (it runs by groups only)"));
        if (o.failed() || o.result() == null) throw new SpecException(where, "step '" + from.step() + "' failed: its table cannot be shown");
        List<String> ids = o.result().tables().stream().map(Table::id).toList();
        Table t = o.result().tables().stream().filter(x -> x.id().equals(from.table())).findFirst()
                .orElseThrow(() -> new SpecException(where + ".table", "step '" + from.step() + "' has no table '" + from.table() + "'"
                        + eres.api.Suggestions.hint(from.table(), ids) + "; its tables: " + ids));
        List<String> notes = new ArrayList<>(t.notes());
        notes.addAll(spec.notes());
        Table labelled = Relabel.apply(t, chainLabels, language);
        return new Table(spec.id(), spec.title() != null ? spec.title() : t.title(), labelled.stub(), labelled.columns(), labelled.spans(),
                labelled.rows(), notes, labelled.heads());
    }

    /** Builds one table block. */
    public Table build(TableSpec spec) {
        if (spec.from() != null) return copied(spec);
        Map<String, String> labels = new LinkedHashMap<>(chainLabels);
        labels.putAll(spec.labels());
        List<String> notes = new ArrayList<>();
        List<List<Resolved>> panels = new ArrayList<>();
        List<String> panelTitles = new ArrayList<>();
        String where = "tables." + spec.id();
        for (TableSpec.PanelSpec p : spec.effectivePanels()) {
            List<TableSpec.ColumnSpec> columns = new ArrayList<>(p.columns());
            for (String s : p.steps()) columns.add(new TableSpec.ColumnSpec(s, null, null, null, null, null));
            List<Resolved> resolved = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) resolved.addAll(resolve(where + ".columns[" + i + "]", columns.get(i), labels, notes));
            panels.add(resolved);
            panelTitles.add(p.title());
        }
        if (panels.stream().allMatch(List::isEmpty)) {
            throw new SpecException(where, "has no column with results (every step in it failed)");
        }
        int k = panels.get(0).size();
        for (int i = 1; i < panels.size(); i++) {
            if (panels.get(i).size() != k) {
                throw new SpecException(where + ".panels[" + i + "]", "has " + panels.get(i).size() + " columns, the first panel has " + k
                        + " (panels share the column heads)");
            }
        }
        return assemble(spec.id(), spec.title() == null ? spec.id() : spec.title(), panels, panelTitles, labels, spec, notes);
    }

    private Table assemble(String id, String title, List<List<Resolved>> panels, List<String> panelTitles, Map<String, String> labels,
                           TableSpec spec, List<String> notes) {
        Map<String, String> allLabels = new LinkedHashMap<>();
        java.util.Set<String> regimeVariables = new java.util.LinkedHashSet<>();
        for (List<Resolved> p : panels) {
            for (Resolved r : p) {
                allLabels.putAll(r.model().labels());
                if (r.model().regimeVariable() != null) regimeVariables.add(r.model().regimeVariable());
            }
        }
        allLabels.putAll(labels);
        // composite terms (W*x, a:div) print with the labels of the names inside them
        for (List<Resolved> p : panels) {
            for (Resolved r : p) {
                for (var c : r.model().coefficients()) {
                    if (allLabels.containsKey(c.term())) continue;
                    String l = Relabel.label(c.term(), labels);
                    if (!l.equals(c.term())) allLabels.put(c.term(), l);
                }
            }
        }
        List<EstimatesTable.Panel> built = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            List<EstimatesTable.Column> cols = new ArrayList<>();
            for (Resolved r : panels.get(i)) {
                Map<String, String> ind = new LinkedHashMap<>(r.model().indicators());
                ind.putAll(r.indicators());
                cols.add(new EstimatesTable.Column(r.title(), r.span(), r.model().dependent(), r.model().coefficients(),
                        r.model().statistics(), r.model().tests(), ind, r.model().covariance(), r.model().level()));
            }
            built.add(new EstimatesTable.Panel(panelTitles.get(i), cols));
        }
        List<EstimatesTable.Statistic> stats = new ArrayList<>();
        if (spec == null || spec.defaultStatistics()) {
            stats.addAll(defaultStatistics(panels));
        } else {
            for (TableSpec.StatisticRow s : spec.statisticRows()) stats.add(new EstimatesTable.Statistic(s.id(), s.label()));
        }
        List<EstimatesTable.Indicator> indicators = new ArrayList<>();
        if (spec != null) {
            for (TableSpec.IndicatorRow r : spec.indicatorRows()) indicators.add(new EstimatesTable.Indicator(r.id(), r.label(), r.yes(), r.no()));
        }
        List<String> allNotes = new ArrayList<>(notes);
        if (regimeVariables.size() == 1) {
            String v = regimeVariables.iterator().next();
            String q = allLabels.getOrDefault(v, v);
            allNotes.add(Messages.text(language, "regime.note", q, q, q, q, q) + Messages.text(language, "note.end"));
        } else if (regimeVariables.size() > 1) {
            // columns with different threshold variables: the note names them all and calls each column's Th
            List<String> names = regimeVariables.stream().map(v -> allLabels.getOrDefault(v, v)).toList();
            allNotes.add(Messages.text(language, "regime.note.several", String.join(", ", names)) + Messages.text(language, "note.end"));
        }
        if (spec != null) allNotes.addAll(spec.notes());
        EstimatesTable.Style style = spec == null ? new EstimatesTable.Style(EstimatesTable.Style.DEFAULT.format(),
                EstimatesTable.Style.DEFAULT.stars(), EstimatesTable.Detail.SE, true, true, language)
                : new EstimatesTable.Style(spec.numberFormat(), spec.starLevels(), spec.detail(),
                spec.numbers() == null || spec.numbers(), spec.dependent() == null || spec.dependent(), language);
        EstimatesTable.Layout layout = new EstimatesTable.Layout(spec == null ? null : spec.rows().toRows(), allLabels, indicators, stats,
                style, allNotes);
        return EstimatesTable.build(id, title, built, layout);
    }

    /** Observations, the R^2 the columns have (within if any has it, else plain), threshold values. */
    private static List<EstimatesTable.Statistic> defaultStatistics(List<List<Resolved>> panels) {
        Set<String> present = new LinkedHashSet<>();
        for (List<Resolved> p : panels) for (Resolved r : p) present.addAll(r.model().statistics().keySet());
        List<EstimatesTable.Statistic> out = new ArrayList<>();
        out.add(new EstimatesTable.Statistic("nobs", null));
        if (present.contains("r2-within")) out.add(new EstimatesTable.Statistic("r2-within", null));
        else if (present.contains("r2")) out.add(new EstimatesTable.Statistic("r2", null));
        for (String t : List.of("threshold-1", "threshold-2", "threshold-3")) if (present.contains(t)) out.add(new EstimatesTable.Statistic(t, null));
        return out;
    }

    /** A column entry: one column, or one per group of a {@code by:} step without {@code group}. */
    private List<Resolved> resolve(String where, TableSpec.ColumnSpec c, Map<String, String> labels, List<String> notes) {
        StepSpec step = step(c.step());
        List<StepOutcome> outcomes = new ArrayList<>();
        for (StepOutcome o : run.outcomes()) if (o.stepId().equals(c.step())) outcomes.add(o);
        if (c.group() != null) {
            List<String> groups = new ArrayList<>();
            StepOutcome found = null;
            for (StepOutcome o : outcomes) {
                if (o.group() != null) groups.add(o.group());
                if (c.group().equals(o.group())) found = o;
            }
            if (found == null) {
                throw new SpecException(where + ".group", "step '" + c.step() + "' has no group '" + c.group() + "'"
                        + eres.api.Suggestions.hint(c.group(), groups) + " (groups: " + String.join(", ", groups) + ")");
            }
            outcomes = List.of(found);
        }
        boolean expand = c.group() == null && step.by() != null;
        List<Resolved> out = new ArrayList<>();
        for (StepOutcome o : outcomes) {
            if (o.failed() || o.result() == null) {
                notes.add("Step " + o.stepId() + (o.group() == null ? "" : " [" + o.group() + "]") + " failed; its column is left out.");
                continue;
            }
            String model = c.model() == null ? "main" : c.model();
            ResultAdapter.Model m = ResultAdapter.model(o.use(), step.with(), run.chain().data() == null ? null : entity(), o.result(), model,
                    language, labels);
            if (m == null) {
                throw new SpecException(where + ".model", "step '" + c.step() + "' (" + o.use() + ") has no model '" + model + "' (models: "
                        + String.join(", ", ResultAdapter.modelNames(o.result())) + ")");
            }
            String title = c.title();
            if (title == null && expand) title = o.group() == null ? Messages.text(language, "group.overall") : o.group();
            out.add(new Resolved(m, title, c.span(), c.indicators()));
        }
        return out;
    }

    private String entity() {
        String e = run.chain().data().entity();
        return e == null ? "code" : e;
    }

    private StepSpec step(String id) {
        for (StepSpec s : run.chain().steps()) if (s.id().equals(id)) return s;
        throw new SpecException("tables", "no step '" + id + "'");
    }

    /** One table per {@code by:} step with coefficients: overall (when run) and a column per group. */
    List<Table> byGroupTables() {
        List<Table> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (StepOutcome o : run.outcomes()) {
            if (o.group() == null || o.failed() || o.result().coefficients().isEmpty() || !done.add(o.stepId())) continue;
            StepSpec step = step(o.stepId());
            List<String> notes = new ArrayList<>();
            List<Resolved> cols = resolve("steps." + o.stepId(), new TableSpec.ColumnSpec(o.stepId(), null, null, null, null, null),
                    chainLabels, notes);
            if (cols.isEmpty()) continue;
            String heading = step.title() != null ? step.title() : o.stepId();
            out.add(assemble(OutputNames.sanitize(o.stepId() + "-by-group"), heading + Messages.text(language, "group.title"),
                    List.of(cols), java.util.Arrays.asList((String) null), chainLabels, null, notes));
        }
        return out;
    }
}
