package eres.core.sweep;

import eres.api.table.DataTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tidy table of a sweep: one row per specification, in specification order, with the columns
 * {@code spec}, one per dimension (the label), {@code seed}, {@code status}, {@code error}, and one per
 * collected quantity. A collected column is integer when every value is, a number when every value
 * is numeric, else text; the same rows give the same table whatever computed them.
 */
public final class SweepTable {
    private SweepTable() {
    }

    /** The table of {@code rows} (ascending specification numbers). */
    public static DataTable of(SweepPlan plan, List<SweepRow> rows) {
        List<DataTable.Column> cols = new ArrayList<>();
        List<Object> spec = new ArrayList<>();
        List<Object> seed = new ArrayList<>();
        List<Object> status = new ArrayList<>();
        List<Object> error = new ArrayList<>();
        for (SweepRow r : rows) {
            spec.add(r.spec());
            seed.add(r.seed());
            status.add(r.status());
            error.add(r.error());
        }
        cols.add(new DataTable.Column("spec", DataTable.Type.LONG, spec));
        for (SweepSpec.Dimension d : plan.spec().dimensions()) {
            List<Object> labels = new ArrayList<>();
            for (SweepRow r : rows) labels.add(plan.labels(r.spec()).get(d.name()));
            cols.add(new DataTable.Column(d.name(), DataTable.Type.TEXT, labels));
        }
        cols.add(new DataTable.Column("seed", DataTable.Type.LONG, seed));
        cols.add(new DataTable.Column("status", DataTable.Type.TEXT, status));
        cols.add(new DataTable.Column("error", DataTable.Type.TEXT, error));
        int k = 0;
        for (String name : plan.spec().collect().keySet()) {
            List<Object> vs = new ArrayList<>();
            for (SweepRow r : rows) vs.add(r.values().get(k));
            cols.add(column(name, vs));
            k++;
        }
        return new DataTable("sweep", cols);
    }

    static DataTable.Column column(String name, List<Object> vs) {
        boolean allLong = true;
        boolean allNumber = true;
        boolean allBoolean = true;
        for (Object v : vs) {
            if (v == null) continue;
            allLong &= v instanceof Long;
            allNumber &= v instanceof Long || v instanceof Double;
            allBoolean &= v instanceof Boolean;
        }
        if (allLong) return new DataTable.Column(name, DataTable.Type.LONG, vs);
        if (allNumber) return new DataTable.Column(name, DataTable.Type.DOUBLE, vs.stream().map(v -> v == null ? null : (Object) ((Number) v).doubleValue()).toList());
        if (allBoolean) return new DataTable.Column(name, DataTable.Type.BOOLEAN, vs);
        return new DataTable.Column(name, DataTable.Type.TEXT, vs.stream().map(v -> v == null ? null : (Object) text(v)).toList());
    }

    /** A value as the CSV writes it: integers plainly, numbers in Java's shortest round-trip form (exact). */
    public static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.toString(d);
        return v.toString();
    }

    /** The table as CSV (RFC 4180, UTF-8, a header line, missing values empty). */
    public static byte[] csv(DataTable t) {
        StringBuilder sb = new StringBuilder();
        List<DataTable.Column> cols = t.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) sb.append(',');
            sb.append(quote(cols.get(c).name()));
        }
        sb.append('\n');
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) sb.append(',');
                Object v = cols.get(c).values().get(r);
                sb.append(v instanceof String s ? quote(s) : text(v));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.strip().equals(s)) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The values of a column by name ({@code null} if there is none). */
    public static List<Object> column(DataTable t, String name) {
        for (DataTable.Column c : t.columns()) if (c.name().equals(name)) return c.values();
        return null;
    }
}
