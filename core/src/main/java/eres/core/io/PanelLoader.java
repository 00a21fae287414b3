package eres.core.io;

import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Types a {@link RawTable} (what plugin readers return) into a {@link Panel}, with the rules of
 * {@link ColumnarLoader}: the entity column (text), the time column (integers), the group column
 * (text), numeric variables and other text columns.
 *
 * <p>Missing cells are empty, {@code NA}, {@code .} (Stata), {@code N/A} or {@code #N/A}. {@code NaN}
 * and infinities are errors. A column whose non-missing cells all parse as numbers is numeric; a
 * declared variable must be numeric, and an undeclared column with both numbers and text is reported
 * as an error naming the first non-numeric cell (declare {@code variables:} to load only the columns
 * a chain needs). CSV files skip the {@code RawTable} and are typed while they are read
 * ({@link CsvReader#load}).
 */
public final class PanelLoader {

    /** What loading did (for run.json and warnings). */
    public record LoadReport(int rowsRead, int rowsDropped, Map<String, Integer> missingByColumn, List<String> notes) {
    }

    /** The loaded panel and its report. */
    public record Loaded(Panel panel, LoadReport report) {
    }

    private PanelLoader() {
    }

    public static Loaded load(RawTable raw, DataSpec spec) {
        ColumnarLoader loader = new ColumnarLoader(raw.source(), spec, raw.lineWord(), '.', null);
        loader.header(raw.columns());
        int k = raw.columns().size();
        int[] start = new int[k];
        int[] end = new int[k];
        boolean[] escaped = new boolean[k];
        int[] lines = raw.lineNumbers();
        byte[] buf = new byte[256];
        for (int r = 0; r < raw.rows().size(); r++) {
            String[] row = raw.rows().get(r);
            int pos = 0;
            int fields = row.length;
            if (fields > start.length) {
                start = new int[fields];
                end = new int[fields];
                escaped = new boolean[fields];
            }
            for (int j = 0; j < fields; j++) {
                byte[] cell = row[j] == null ? new byte[0] : row[j].getBytes(StandardCharsets.UTF_8);
                if (pos + cell.length > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + cell.length));
                System.arraycopy(cell, 0, buf, pos, cell.length);
                start[j] = pos;
                pos += cell.length;
                end[j] = pos;
            }
            loader.record(buf, start, end, escaped, fields, lines[r]);
        }
        return loader.finish();
    }
}
