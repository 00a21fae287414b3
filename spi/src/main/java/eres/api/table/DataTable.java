package eres.api.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A typed columnar table for machine-readable outputs (a sweep's one row per specification), as
 * opposed to {@link eres.api.result.Table}, which is formatted for reading. {@code null} is a missing
 * value in every column type.
 *
 * @param name the table's name (file stem)
 */
public record DataTable(String name, List<Column> columns) {
    public DataTable {
        columns = List.copyOf(columns);
        int rows = columns.isEmpty() ? 0 : columns.get(0).values().size();
        for (Column c : columns) {
            if (c.values().size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.values().size() + " values for " + rows + " rows");
            }
        }
    }

    /** Number of rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).values().size();
    }

    /** Column types and the Java type of their values. */
    public enum Type {
        /** {@code Long} */
        LONG,
        /** {@code Double} (finite) */
        DOUBLE,
        /** {@code String} */
        TEXT,
        /** {@code Boolean} */
        BOOLEAN
    }

    /** One column; values of the type's Java class or {@code null}. */
    public record Column(String name, Type type, List<Object> values) {
        public Column {
            values = Collections.unmodifiableList(new ArrayList<>(values));
            for (Object v : values) {
                if (v == null) continue;
                boolean ok = switch (type) {
                    case LONG -> v instanceof Long;
                    case DOUBLE -> v instanceof Double d && Double.isFinite(d);
                    case TEXT -> v instanceof String;
                    case BOOLEAN -> v instanceof Boolean;
                };
                if (!ok) throw new IllegalArgumentException("column '" + name + "' (" + type + ") holds " + v.getClass().getSimpleName() + " " + v);
            }
        }
    }
}
