package eres.api.table;

import eres.api.result.Coefficient;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The publication regression table (Stata {@code esttab}, R {@code modelsummary}): models side by side
 * in columns numbered {@code (1) ... (k)}, optional spanning groups over columns and a line of column
 * titles, the dependent variable, one row per term with the estimate and its stars and the standard error
 * (or t, p, confidence interval) on the line beneath, then indicator rows (controls, fixed effects,
 * clustering), then statistics rows (observations, R^2 of the kind asked for, tests under their display
 * names), and notes generated from what the models did: what is under the estimates, the star levels, and
 * the standard-error type and clusters, per column when the columns differ.
 *
 * <p>Several panels (Panel A, Panel B ...) stack blocks of rows that share the column heads; each panel
 * has its own models (the same number of columns in each). An indicator or statistics row that no column
 * of a panel has is left out of that panel (a threshold row under a panel of linear models).
 *
 * <p>Everything here is presentation: the numbers come in complete ({@link Coefficient}, statistics,
 * {@link TestStatistic}) and are only formatted. Every writer (HTML, Markdown, LaTeX, Word, CSV, JSON)
 * renders the resulting {@link Table}, so all formats hold the same cells.
 */
public final class EstimatesTable {
    private EstimatesTable() {
    }

    /** What goes on the line under each estimate. */
    public enum Detail {
        /** the standard error in parentheses (the default of economics journals) */
        SE("se", "detail.se"),
        /** the standard error in square brackets */
        SE_BRACKETS("brackets", "detail.se-brackets"),
        /** the t (or z) statistic in parentheses */
        T("t", "detail.t"),
        /** the p-value in parentheses */
        P("p", "detail.p"),
        /** the confidence interval in square brackets */
        CI("ci", "detail.ci"),
        /** nothing */
        NONE("none", null);

        private final String id;
        private final String note;

        Detail(String id, String note) {
            this.id = id;
            this.note = note;
        }

        /** The chain-file spelling. */
        public String id() {
            return id;
        }

        /** {@code se} (or {@code parentheses}), {@code brackets}, {@code t}, {@code p}, {@code ci}, {@code none}; null otherwise. */
        public static Detail parse(String s) {
            if (s == null) return null;
            String v = s.toLowerCase(Locale.ROOT);
            if (v.equals("parentheses")) return SE;
            for (Detail d : values()) if (d.id.equals(v)) return d;
            return null;
        }
    }

    /**
     * The covariance a model used, for the notes: {@code type} one of {@code conventional}, {@code robust},
     * {@code cluster}, {@code information}, {@code bootstrap} (anything else is printed as it is).
     */
    public record Covariance(String type, String clusterVariable, Long clusters) {
        /** The description in a note, e.g. {@code clustered by code (31 clusters)}. */
        public String describe(Language l) {
            if (type == null) return null;
            return switch (type) {
                case "cluster" -> clusterVariable == null ? Messages.text(l, "se.cluster-unknown", "entity")
                        : clusters == null ? Messages.text(l, "se.cluster-unknown", clusterVariable)
                        : Messages.text(l, "se.cluster", clusterVariable, clusters);
                case "robust", "conventional", "information", "bootstrap", "driscoll-kraay" -> Messages.text(l, "se." + type);
                default -> Messages.text(l, "se.other", type);
            };
        }
    }

    /**
     * One model column.
     *
     * @param title        the column's title line (null: none)
     * @param span         the spanning group it belongs to (consecutive columns with the same span share one header)
     * @param dependent    the dependent variable (its label is looked up)
     * @param coefficients the estimates
     * @param statistics   model statistics by vocabulary id ({@link Vocabulary#statistics()})
     * @param tests        the model's tests
     * @param indicators   indicator values by indicator id: {@code yes}, {@code no}, a message key
     *                     ({@code fe.twoways}, {@code ind.se.cluster}: translated) or text
     * @param covariance   what the standard errors are (null: not known, nothing said)
     * @param level        confidence level of the intervals (for the note when they are shown)
     */
    public record Column(String title, String span, String dependent, List<Coefficient> coefficients, Map<String, Double> statistics,
                         List<TestStatistic> tests, Map<String, String> indicators, Covariance covariance, double level) {
        public Column {
            coefficients = List.copyOf(coefficients);
            statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
            tests = List.copyOf(tests);
            indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        }
    }

    /** A block of rows under a section heading (null title: no heading). */
    public record Panel(String title, List<Column> columns) {
        public Panel {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Which coefficient rows, in which order: {@code keep} (only these, in this order; empty: all),
     * {@code drop}, {@code order} (these first), {@code rename} (old term to new term; terms renamed to
     * the same name share a row, as in esttab's {@code rename()}).
     */
    public record Rows(List<String> keep, List<String> drop, List<String> order, Map<String, String> rename) {
        public static final Rows ALL = new Rows(List.of(), List.of(), List.of(), Map.of());

        public Rows {
            keep = keep == null ? List.of() : List.copyOf(keep);
            drop = drop == null ? List.of() : List.copyOf(drop);
            order = order == null ? List.of() : List.copyOf(order);
            rename = rename == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rename));
        }
    }

    /** An indicator row: the column value of {@code id}; {@code label}, {@code yes}, {@code no} null for the defaults. */
    public record Indicator(String id, String label, String yes, String no) {
    }

    /** A statistics row: a vocabulary id or a test; {@code label} null for the display name. */
    public record Statistic(String id, String label) {
    }

    /**
     * How the table prints.
     *
     * @param numbers   column heads {@code (1) ... (k)} (with the titles on a line below); false: titles as heads
     * @param dependent a line naming each column's dependent variable
     */
    public record Style(NumberFormat format, Stars stars, Detail detail, boolean numbers, boolean dependent, Language language) {
        public static final Style DEFAULT = new Style(NumberFormat.DEFAULT, Stars.DEFAULT, Detail.SE, true, true, Language.EN);

        public Style {
            Objects.requireNonNull(format);
            Objects.requireNonNull(stars);
            Objects.requireNonNull(detail);
            Objects.requireNonNull(language);
        }
    }

    /** Everything about a table except its models. */
    public record Layout(Rows rows, Map<String, String> labels, List<Indicator> indicators, List<Statistic> statistics, Style style,
                         List<String> notes) {
        public Layout {
            rows = rows == null ? Rows.ALL : rows;
            labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            statistics = statistics == null ? List.of() : List.copyOf(statistics);
            style = style == null ? Style.DEFAULT : style;
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /**
     * Builds the table.
     *
     * @throws IllegalArgumentException if there are no columns or the panels differ in their number of columns
     */
    public static Table build(String id, String title, List<Panel> panels, Layout layout) {
        if (panels.isEmpty() || panels.get(0).columns().isEmpty()) throw new IllegalArgumentException("table " + id + " has no columns");
        int k = panels.get(0).columns().size();
        for (Panel p : panels) {
            if (p.columns().size() != k) {
                throw new IllegalArgumentException("table " + id + ": panel '" + p.title() + "' has " + p.columns().size()
                        + " columns, the first has " + k);
            }
        }
        Style st = layout.style();
        Language lang = st.language();
        List<Column> first = panels.get(0).columns();
        Table.Builder b = Table.builder(id, title).stub("");

        // heads
        List<String> titles = new ArrayList<>();
        boolean anyTitle = false;
        for (Column c : first) {
            titles.add(c.title() == null ? "" : c.title());
            anyTitle |= c.title() != null && !c.title().isEmpty();
        }
        if (st.numbers()) {
            List<String> numbers = new ArrayList<>();
            for (int j = 1; j <= k; j++) numbers.add("(" + j + ")");
            b.columns(numbers);
            if (anyTitle) b.head("", titles);
        } else {
            b.columns(titles);
        }
        for (int j = 0; j < k; ) {
            String s = first.get(j).span();
            int e = j;
            while (e + 1 < k && s != null && s.equals(first.get(e + 1).span())) e++;
            if (s != null && !s.isEmpty()) b.span(s, j, e);
            j = e + 1;
        }
        if (st.dependent() && first.stream().anyMatch(c -> c.dependent() != null)) {
            List<String> dep = new ArrayList<>();
            for (Column c : first) dep.add(c.dependent() == null ? "" : layout.labels().getOrDefault(c.dependent(), c.dependent()));
            b.head(Messages.text(lang, "head.dependent"), dep);
        }

        boolean sections = panels.size() > 1 || panels.get(0).title() != null;
        for (Panel p : panels) {
            if (sections && p.title() != null) b.section(p.title());
            coefficientRows(b, p.columns(), layout);
            indicatorRows(b, p.columns(), layout);
            statisticRows(b, p.columns(), layout);
        }
        notes(b, panels, layout);
        return b.build();
    }

    private static void coefficientRows(Table.Builder b, List<Column> columns, Layout layout) {
        Rows rows = layout.rows();
        List<Map<String, Coefficient>> byTerm = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Column c : columns) {
            Map<String, Coefficient> m = new LinkedHashMap<>();
            for (Coefficient co : c.coefficients()) {
                String term = rows.rename().getOrDefault(co.term(), co.term());
                m.putIfAbsent(term, co);
                seen.add(term);
            }
            byTerm.add(m);
        }
        List<String> terms = new ArrayList<>();
        if (!rows.keep().isEmpty()) {
            for (String t : rows.keep()) if (seen.contains(t)) terms.add(t);
        } else {
            terms.addAll(seen);
        }
        terms.removeAll(rows.drop());
        if (!rows.order().isEmpty()) {
            List<String> ordered = new ArrayList<>();
            for (String t : rows.order()) if (terms.contains(t)) ordered.add(t);
            for (String t : terms) if (!ordered.contains(t)) ordered.add(t);
            terms = ordered;
        }
        Style st = layout.style();
        for (String term : terms) {
            List<String> est = new ArrayList<>();
            List<String> det = new ArrayList<>();
            for (Map<String, Coefficient> m : byTerm) {
                Coefficient c = m.get(term);
                est.add(c == null ? "" : st.format().estimate(c.estimate()) + st.stars().of(c.pValue()));
                det.add(c == null ? "" : detail(c, st));
            }
            b.row(layout.labels().getOrDefault(term, term), est);
            if (st.detail() != Detail.NONE) b.detail(det);
        }
    }

    private static String detail(Coefficient c, Style st) {
        NumberFormat f = st.format();
        return switch (st.detail()) {
            case SE -> Double.isNaN(c.stdError()) ? "" : "(" + f.estimate(c.stdError()) + ")";
            case SE_BRACKETS -> Double.isNaN(c.stdError()) ? "" : "[" + f.estimate(c.stdError()) + "]";
            case T -> Double.isNaN(c.statistic()) ? "" : "(" + NumberFormat.fixed(c.statistic(), 2) + ")";
            case P -> Double.isNaN(c.pValue()) ? "" : "(" + f.pValue(c.pValue()) + ")";
            case CI -> Double.isNaN(c.ciLow()) || Double.isNaN(c.ciHigh()) ? ""
                    : "[" + f.estimate(c.ciLow()) + ", " + f.estimate(c.ciHigh()) + "]";
            case NONE -> "";
        };
    }

    private static void indicatorRows(Table.Builder b, List<Column> columns, Layout layout) {
        Language lang = layout.style().language();
        for (Indicator ind : layout.indicators()) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) {
                String v = c.indicators().get(ind.id());
                if (v == null) cells.add("");
                else if (v.equals("yes")) cells.add(ind.yes() != null ? ind.yes() : Messages.text(lang, "yes"));
                else if (v.equals("no")) cells.add(ind.no() != null ? ind.no() : Messages.text(lang, "no"));
                else if ((v.startsWith("fe.") || v.startsWith("ind.")) && Messages.has(v)) cells.add(Messages.text(lang, v));
                else cells.add(v);
            }
            if (cells.stream().allMatch(String::isEmpty)) continue; // no column of this panel says anything
            String label = ind.label() != null ? ind.label()
                    : Messages.has("indicator." + ind.id()) ? Messages.text(lang, "indicator." + ind.id()) : ind.id();
            b.indicator(label, cells);
        }
    }

    private static void statisticRows(Table.Builder b, List<Column> columns, Layout layout) {
        Style st = layout.style();
        Language lang = st.language();
        for (Statistic s : layout.statistics()) {
            List<String> cells = new ArrayList<>();
            String label = s.label();
            if (Vocabulary.isTest(s.id())) {
                String wanted = s.id().startsWith("test:") ? s.id().substring(5) : s.id();
                Set<String> names = new LinkedHashSet<>();
                for (Column c : columns) {
                    TestStatistic t = findTest(c.tests(), wanted);
                    if (t == null || Double.isNaN(t.statistic())) {
                        cells.add("");
                    } else {
                        cells.add(st.format().statistic(t.statistic()) + st.stars().of(t.pValue()));
                        names.add(t.name());
                    }
                }
                // one qualifier for the row ("First-stage F (ln Opt)") only when every column's test has it
                String shown = names.size() == 1 ? names.iterator().next() : wanted;
                if (label == null) label = Vocabulary.testName(shown, lang, layout.labels());
            } else {
                Vocabulary.Kind kind = Vocabulary.kind(s.id());
                for (Column c : columns) {
                    Double v = c.statistics().get(s.id());
                    if (v == null || v.isNaN()) cells.add("");
                    else if (kind == Vocabulary.Kind.COUNT) cells.add(st.format().count(Math.round(v)));
                    else if (kind == Vocabulary.Kind.ESTIMATE) cells.add(st.format().estimate(v));
                    else cells.add(st.format().statistic(v));
                }
                if (label == null) label = Messages.has("stat." + s.id()) ? Messages.text(lang, "stat." + s.id()) : s.id();
            }
            if (cells.stream().allMatch(String::isEmpty)) continue; // no column of this panel has it
            b.footer(label, cells);
        }
    }

    /** The first test named {@code wanted} exactly, else the first whose base name is {@code wanted}. */
    static TestStatistic findTest(List<TestStatistic> tests, String wanted) {
        for (TestStatistic t : tests) if (t.name().equals(wanted)) return t;
        for (TestStatistic t : tests) if (Vocabulary.base(t.name()).equals(wanted)) return t;
        return null;
    }

    private static void notes(Table.Builder b, List<Panel> panels, Layout layout) {
        Style st = layout.style();
        Language lang = st.language();
        String end = Messages.text(lang, "note.end");
        List<String> first = new ArrayList<>();
        if (st.detail() != Detail.NONE) {
            if (st.detail() == Detail.CI) {
                double level = panels.get(0).columns().get(0).level();
                first.add(Messages.text(lang, st.detail().note, NumberFormat.fixed(100 * (Double.isNaN(level) ? 0.95 : level), 0)));
            } else {
                first.add(Messages.text(lang, st.detail().note));
            }
        }
        String legend = st.stars().legend(Messages.text(lang, "stars.separator"));
        if (!legend.isEmpty()) first.add(legend);
        if (!first.isEmpty()) b.note(String.join(Messages.text(lang, "note.join"), first) + end);
        String se = seNote(panels, lang);
        if (se != null) b.note(se + end);
        layout.notes().forEach(b::note);
    }

    /** "Standard errors: clustered by code (31 clusters)", or per column group when they differ. */
    static String seNote(List<Panel> panels, Language lang) {
        int k = panels.get(0).columns().size();
        List<String> per = new ArrayList<>();
        boolean any = false;
        for (int j = 0; j < k; j++) {
            Set<String> d = new LinkedHashSet<>();
            for (Panel p : panels) {
                Covariance c = p.columns().get(j).covariance();
                String s = c == null ? null : c.describe(lang);
                if (s != null) d.add(s);
            }
            any |= !d.isEmpty();
            per.add(d.isEmpty() ? null : String.join(" / ", d));
        }
        if (!any) return null;
        // one cluster variable everywhere, only the number of clusters differs: say it once
        List<Covariance> covs = new ArrayList<>();
        for (Column c : panels.get(0).columns()) covs.add(c.covariance());
        for (Panel p : panels) {
            for (int j = 0; j < k; j++) {
                Covariance a = covs.get(j);
                Covariance b = p.columns().get(j).covariance();
                if (a == null || b == null || !Objects.equals(a.clusters(), b.clusters())
                        || !Objects.equals(a.clusterVariable(), b.clusterVariable()) || !Objects.equals(a.type(), b.type())) {
                    covs.set(j, null);
                }
            }
        }
        if (covs.size() > 1 && covs.stream().allMatch(c -> c != null && "cluster".equals(c.type()) && c.clusters() != null
                && c.clusterVariable() != null && c.clusterVariable().equals(covs.get(0).clusterVariable()))
                && covs.stream().map(Covariance::clusters).distinct().count() > 1) {
            List<String> counts = new ArrayList<>();
            for (Covariance c : covs) counts.add(Long.toString(c.clusters()));
            List<Integer> all = new ArrayList<>();
            for (int j = 1; j <= covs.size(); j++) all.add(j);
            return Messages.text(lang, "se.all", Messages.text(lang, "se.cluster-counts", covs.get(0).clusterVariable(),
                    String.join(", ", counts), ranges(all)));
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String s : per) if (s != null) distinct.add(s);
        boolean allKnown = per.stream().allMatch(Objects::nonNull);
        if (distinct.size() == 1 && allKnown) return Messages.text(lang, "se.all", distinct.iterator().next());
        List<String> parts = new ArrayList<>();
        for (String s : distinct) {
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < k; j++) if (s.equals(per.get(j))) cols.add(j + 1);
            parts.add(ranges(cols) + " " + s);
        }
        return Messages.text(lang, "se.columns", String.join(Messages.text(lang, "note.join"), parts));
    }

    /** {@code (1)-(3), (5)}. */
    static String ranges(List<Integer> cols) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); ) {
            int j = i;
            while (j + 1 < cols.size() && cols.get(j + 1) == cols.get(j) + 1) j++;
            out.add(i == j ? "(" + cols.get(i) + ")" : "(" + cols.get(i) + ")-(" + cols.get(j) + ")");
            i = j + 1;
        }
        return String.join(", ", out);
    }
}
