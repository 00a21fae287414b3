package eres.api.result;

import java.util.ArrayList;
import java.util.List;

/**
 * A presentation table, already formatted (numbers as text with stars), that every report writer can
 * render: a stub column of row labels, data columns with optional spanning group headers, rows of
 * four kinds, and notes underneath.
 *
 * <ul>
 *   <li>{@link Row.Kind#BODY}: an ordinary row (a coefficient with stars);</li>
 *   <li>{@link Row.Kind#DETAIL}: the line under a body row (standard error in brackets), no label;</li>
 *   <li>{@link Row.Kind#SECTION}: a heading spanning the table (panel A, panel B ...);</li>
 *   <li>{@link Row.Kind#FOOTER}: below a rule (observations, R^2, fixed effects yes/no).</li>
 * </ul>
 */
public record Table(String id, String title, String stub, List<String> columns, List<Span> spans, List<Row> rows,
                    List<String> notes) {

    public Table {
        OutputNames.requireSafe(id);
        columns = List.copyOf(columns);
        spans = List.copyOf(spans);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        for (Row r : rows) {
            if (r.kind() != Row.Kind.SECTION && r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": row '" + r.label() + "' has " + r.cells().size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** A header spanning data columns {@code first..last} (0-based, inclusive). */
    public record Span(String label, int first, int last) {
    }

    /** One row; cells are formatted text, one per data column ({@code null} treated as empty). */
    public record Row(String label, List<String> cells, Kind kind) {
        public enum Kind { BODY, DETAIL, SECTION, FOOTER }

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

        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        public Table build() {
            return new Table(id, title, stub, columns, spans, rows, notes);
        }
    }
}
