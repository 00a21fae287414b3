package eres.api.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A presentation table, already formatted (numbers as text with stars), that every report writer
 * renders the same way (the model behind the HTML, Markdown, LaTeX, Word, CSV and JSON tables).
 *
 * <p>The header, top to bottom: the spanning group headers {@code spans} (e.g. "ln Opt" over columns
 * 1-2, with a rule under each), the column heads {@code columns} (e.g. {@code (1) ... (k)}), then
 * further header lines {@code heads} (column titles, the dependent variable), each with a label in the
 * stub column. The body is a list of rows of five kinds, and the writers draw a rule wherever the
 * block changes ({@link #ruleAbove}):
 *
 * <ul>
 *   <li>{@link Row.Kind#BODY}: an ordinary row (a coefficient with stars);</li>
 *   <li>{@link Row.Kind#DETAIL}: the line under a body row (standard error in parentheses), no label;</li>
 *   <li>{@link Row.Kind#SECTION}: a heading spanning the table (panel A, panel B ...);</li>
 *   <li>{@link Row.Kind#INDICATOR}: yes/no rows below the coefficients (controls, fixed effects,
 *       clustering);</li>
 *   <li>{@link Row.Kind#FOOTER}: statistics below a rule (observations, R^2, tests).</li>
 * </ul>
 *
 * <p>{@code notes} follow the table. {@code heads} is left out of the JSON form when empty, so tables
 * without extra header lines serialise as before.
 */
public record Table(String id, String title, String stub, List<String> columns, List<Span> spans, List<Row> rows,
                    List<String> notes, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Row> heads) {

    public Table {
        OutputNames.requireSafe(id);
        columns = List.copyOf(columns);
        spans = List.copyOf(spans);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        heads = heads == null ? List.of() : List.copyOf(heads);
        for (Row r : rows) {
            if (r.kind() != Row.Kind.SECTION && r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": row '" + r.label() + "' has " + r.cells().size()
                        + " cells for " + columns.size() + " columns");
            }
        }
        for (Row r : heads) {
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": header line '" + r.label() + "' has " + r.cells().size()
                        + " cells for " + columns.size() + " columns");
            }
        }
        for (Span s : spans) {
            if (s.first() < 0 || s.last() < s.first() || s.last() >= columns.size()) {
                throw new IllegalArgumentException("table " + id + ": span '" + s.label() + "' covers columns " + s.first() + "-"
                        + s.last() + " of " + columns.size());
            }
        }
    }

    /** A table without extra header lines. */
    public Table(String id, String title, String stub, List<String> columns, List<Span> spans, List<Row> rows, List<String> notes) {
        this(id, title, stub, columns, spans, rows, notes, List.of());
    }

    /**
     * Whether a horizontal rule separates row {@code i} from the row above it: between blocks of
     * different kinds (coefficients, indicators, statistics), and above a section heading that does not
     * open the table. No rule above the first row (the header's own rule is there).
     */
    public boolean ruleAbove(int i) {
        if (i <= 0 || i >= rows.size()) return false;
        Row.Kind now = rows.get(i).kind();
        Row.Kind before = rows.get(i - 1).kind();
        if (now == Row.Kind.SECTION) return true;
        if (before == Row.Kind.SECTION) return false;
        return block(now) != block(before);
    }

    private static int block(Row.Kind k) {
        return switch (k) {
            case BODY, DETAIL -> 0;
            case INDICATOR -> 1;
            case FOOTER -> 2;
            case SECTION -> 3;
        };
    }

    /** A header spanning data columns {@code first..last} (0-based, inclusive). */
    public record Span(String label, int first, int last) {
    }

    /** One row; cells are formatted text, one per data column ({@code null} treated as empty). */
    public record Row(String label, List<String> cells, Kind kind) {
        public enum Kind { BODY, DETAIL, SECTION, FOOTER, INDICATOR }

        public Row {
            cells = cells.stream().map(c -> c == null ? "" : c).toList();
        }
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Mutable builder; {@link #build()} validates the shape. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String stub = "";
        private List<String> columns = List.of();
        private final List<Span> spans = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Row> heads = new ArrayList<>();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder stub(String s) {
            this.stub = s;
            return this;
        }

        public Builder columns(List<String> c) {
            this.columns = List.copyOf(c);
            return this;
        }

        public Builder columns(String... c) {
            return columns(List.of(c));
        }

        public Builder span(String label, int first, int last) {
            spans.add(new Span(label, first, last));
            return this;
        }

        public Builder row(String label, List<String> cells) {
            rows.add(new Row(label, cells, Row.Kind.BODY));
            return this;
        }

        public Builder row(String label, String... cells) {
            return row(label, java.util.Arrays.asList(cells));
        }

        public Builder detail(List<String> cells) {
            rows.add(new Row("", cells, Row.Kind.DETAIL));
            return this;
        }

        public Builder section(String label) {
            rows.add(new Row(label, List.of(), Row.Kind.SECTION));
            return this;
        }

        public Builder footer(String label, List<String> cells) {
            rows.add(new Row(label, cells, Row.Kind.FOOTER));
            return this;
        }

        public Builder footer(String label, String... cells) {
            return footer(label, java.util.Arrays.asList(cells));
        }

        /** A header line under the column heads (column titles, the dependent variable). */
        public Builder head(String label, List<String> cells) {
            heads.add(new Row(label, cells, Row.Kind.BODY));
            return this;
        }

        /** An indicator row (controls yes/no, fixed effects, clustering). */
        public Builder indicator(String label, List<String> cells) {
            rows.add(new Row(label, cells, Row.Kind.INDICATOR));
            return this;
        }

        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        public Table build() {
            return new Table(id, title, stub, columns, spans, rows, notes, heads);
        }
    }
}
