package eres.api.table;

import eres.api.result.Coefficient;
import eres.api.result.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the regression table every economics paper uses (like Stata's {@code esttab}): one column
 * per model, a row per term with the estimate and stars, the standard error (or t) in parentheses
 * beneath, then footer rows (observations, R^2, fixed effects). Terms appear in first-seen order
 * unless {@link #order} is given.
 */
public final class RegressionTable {
    /** What goes in brackets under each estimate. */
    public enum Detail { SE, T }

    /** One model column: its header, coefficients, and footer values by footer label. */
    public record Column(String header, List<Coefficient> coefficients, Map<String, String> footer) {
        public Column {
            coefficients = List.copyOf(coefficients);
            footer = new LinkedHashMap<>(footer);
        }
    }

    private final String id;
    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Table.Span> spans = new ArrayList<>();
    private List<String> order;
    private Map<String, String> labels = Map.of();
    private Detail detail = Detail.SE;
    private int decimals = 4;
    private String stub = "";

    public RegressionTable(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public RegressionTable column(Column c) {
        columns.add(c);
        return this;
    }

    public RegressionTable column(String header, List<Coefficient> coefficients, Map<String, String> footer) {
        return column(new Column(header, coefficients, footer));
    }

    /** Term order (terms not listed follow in first-seen order). */
    public RegressionTable order(List<String> terms) {
        this.order = List.copyOf(terms);
        return this;
    }

    /** Display labels for terms. */
    public RegressionTable labels(Map<String, String> termLabels) {
        this.labels = Map.copyOf(termLabels);
        return this;
    }

    public RegressionTable detail(Detail d) {
        this.detail = d;
        return this;
    }

    public RegressionTable decimals(int d) {
        this.decimals = d;
        return this;
    }

    public RegressionTable stub(String s) {
        this.stub = s;
        return this;
    }

    public RegressionTable span(String label, int first, int last) {
        spans.add(new Table.Span(label, first, last));
        return this;
    }

    public RegressionTable note(String n) {
        notes.add(n);
        return this;
    }

    public Table build() {
        Set<String> terms = new LinkedHashSet<>();
        if (order != null) terms.addAll(order);
        for (Column c : columns) for (Coefficient k : c.coefficients()) terms.add(k.term());
        Set<String> footers = new LinkedHashSet<>();
        for (Column c : columns) footers.addAll(c.footer().keySet());

        Table.Builder b = Table.builder(id, title).stub(stub)
                .columns(columns.stream().map(Column::header).toList());
        spans.forEach(s -> b.span(s.label(), s.first(), s.last()));
        for (String term : terms) {
            List<String> est = new ArrayList<>();
            List<String> det = new ArrayList<>();
            boolean any = false;
            for (Column c : columns) {
                Coefficient k = find(c, term);
                if (k == null) {
                    est.add("");
                    det.add("");
                } else {
                    any = true;
                    est.add(Formats.estimate(k.estimate(), k.pValue(), decimals));
                    det.add(Formats.parenthesised(detail == Detail.SE ? k.stdError() : k.statistic(), detail == Detail.SE ? decimals : 2));
                }
            }
            if (!any) continue;
            b.row(labels.getOrDefault(term, term), est);
            b.detail(det);
        }
        for (String f : footers) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) cells.add(c.footer().getOrDefault(f, ""));
            b.footer(f, cells);
        }
        b.note((detail == Detail.SE ? "Standard errors" : "t statistics") + " in parentheses; *** p<0.01, ** p<0.05, * p<0.1.");
        notes.forEach(b::note);
        return b.build();
    }

    private static Coefficient find(Column c, String term) {
        for (Coefficient k : c.coefficients()) if (k.term().equals(term)) return k;
        return null;
    }
}
