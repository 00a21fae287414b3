package eres.core.io;

import eres.api.DataException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Types records straight into primitive columns and builds the {@link Panel}: entity ids are
 * dictionary-coded (one string per distinct id, not per row), periods parsed as integers, numeric
 * variables into {@code double[]}, text columns dictionary-coded. The rules (the same for every
 * reader):
 *
 * <ul>
 *   <li>missing cells are empty, {@code NA}, {@code .}, {@code N/A} or {@code #N/A}; {@code NaN} and
 *       infinities are errors;</li>
 *   <li>with {@code data.variables}, the listed columns must be numeric and the others are kept as
 *       text; without it, a column whose non-missing cells are all numbers is numeric, one with no
 *       number is text, and one mixing both is an error naming the first non-number;</li>
 *   <li>a column with no value at all is an error if listed, else left out with a note;</li>
 *   <li>periods are integers written as plain decimal numbers (no {@code 2001d}, no hexadecimal).</li>
 * </ul>
 */
final class ColumnarLoader {
    private static final int ENTITY = 0;
    private static final int TIME = 1;
    private static final int TEXT = 2;
    private static final int NUMERIC = 3;
    private static final int CANDIDATE = 4;
    /** A candidate whose first value was text: a later number makes the column an error. */
    private static final int MIXED_CHECK = 5;

    private final String source;
    private final DataSpec spec;
    private final String lineWord;
    private final Numbers numbers;
    private final char decimal;
    private List<String> columns;
    private Column[] cols;
    private int entityCol = -1;
    private int timeCol = -1;
    private int rows;
    private int capacity = 1024;
    private int[] entity = new int[capacity];
    private int[] time = new int[capacity];
    private final TextDictionary entities = new TextDictionary();
    // line numbers: line(row) = row + delta, delta a step function stored at its change points
    private int[] deltaRow = new int[16];
    private int[] deltaValue = new int[16];
    private int deltas;
    private long recordBytes;
    private final MemoryCheck memory;

    /** Checks the expected size of the table against the heap once the first rows are known. */
    interface MemoryCheck {
        /** @return rows to reserve room for (the estimate), or 0 if unknown */
        int check(int rowsSoFar, long bytesSoFar, int numericColumns, int textColumns);
    }

    ColumnarLoader(String source, DataSpec spec, String lineWord, char decimal, MemoryCheck memory) {
        this.source = source;
        this.spec = spec;
        this.lineWord = lineWord;
        this.decimal = decimal;
        this.numbers = new Numbers(decimal);
        this.memory = memory;
    }

    /** Validates the header and sets up the columns. */
    void header(List<String> names) {
        this.columns = List.copyOf(names);
        if (spec.entity() == null) throw new DataException("data.entity is required");
        if (spec.time() == null) throw new DataException("data.time is required");
        requireColumn(spec.entity(), "data.entity");
        requireColumn(spec.time(), "data.time");
        if (spec.group() != null) requireColumn(spec.group(), "data.group");
        if (spec.entity().equals(spec.time())) throw new DataException("data.entity and data.time name the same column");
        List<String> declared = spec.variables();
        if (declared != null) for (String v : declared) requireColumn(v, "data.variables");
        cols = new Column[names.size()];
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            int kind;
            if (name.equals(spec.entity())) {
                kind = ENTITY;
                entityCol = j;
            } else if (name.equals(spec.time())) {
                kind = TIME;
                timeCol = j;
            } else if (name.equals(spec.group())) {
                kind = TEXT;
            } else if (declared != null) {
                kind = declared.contains(name) ? NUMERIC : TEXT;
            } else {
                kind = CANDIDATE;
            }
            cols[j] = new Column(name, kind, capacity);
        }
    }

    private void requireColumn(String name, String path) {
        if (!columns.contains(name)) {
            throw new DataException(path + ": no column '" + shown(name) + "' in " + source + shown(Suggestions.hint(name, columns)
                    + "; columns: " + String.join(", ", columns)) + delimiterHint());
        }
    }

    /** A hint when the header looks separated by another character than the one in use. */
    private String delimiterHint() {
        for (String c : columns) {
            for (char d : new char[] {';', '\t', '|'}) {
                if (c.indexOf(d) >= 0) {
                    String shown = d == '\t' ? "\"\\t\"" : "'" + d + "'";
                    return "; the header looks separated by " + shown + ": set data.delimiter: " + shown
                            + (d == ';' ? " (and data.decimal: ',' if numbers are written like 1,5)" : "");
                }
            }
        }
        return "";
    }

    /** One data record: {@code fields} cells as byte ranges. */
    void record(byte[] buf, int[] start, int[] end, boolean[] escaped, int fields, int line) {
        if (fields != cols.length) {
            throw new DataException(source + " " + lineWord + " " + line + ": " + fields + " fields, the header has " + cols.length);
        }
        int r = rows;
        if (r == capacity) grow(capacity + (capacity >> 1) + 1);
        noteLine(r, line);
        if (fields > 0) recordBytes += end[fields - 1] - start[0] + 1;
        for (int j = 0; j < fields; j++) {
            Column c = cols[j];
            byte[] b = buf;
            int s = start[j];
            int e = end[j];
            if (escaped[j]) {
                b = CsvTokenizer.unescape(buf, s, e);
                s = 0;
                e = b.length;
            }
            switch (c.kind) {
                case ENTITY -> {
                    int code = entities.code(b, s, e);
                    if (code < 0) throw new DataException(locate(r) + ": " + spec.entity() + " is missing");
                    entity[r] = code;
                }
                case TIME -> time[r] = period(b, s, e, r);
                case TEXT -> c.codes[r] = c.dict.code(b, s, e);
                default -> numeric(c, b, s, e, r);
            }
        }
        rows = r + 1;
        if (rows == 1000 && memory != null) {
            int expected = memory.check(rows, recordBytes, numericColumns(), cols.length - numericColumns() - 2);
            if (expected > capacity) grow(expected);
        }
    }

    private int numericColumns() {
        int k = 0;
        for (Column c : cols) if (c.kind == NUMERIC || c.kind == CANDIDATE) k++;
        return k;
    }

    private int period(byte[] b, int s, int e, int r) {
        int ts = Numbers.trimStart(b, s, e);
        int te = Numbers.trimEnd(b, ts, e);
        int kind = numbers.classify(b, ts, te);
        double v = numbers.value;
        if (kind != Numbers.NUMBER || v != Math.rint(v) || Math.abs(v) > 1e9) {
            if (kind == Numbers.MISSING) {
                throw new DataException(locate(r) + ": " + spec.time() + " is missing");
            }
            throw new DataException(locate(r) + ": " + spec.time() + " '" + shown(text(b, ts, te)) + "' is not an integer period");
        }
        return (int) v;
    }

    private void numeric(Column c, byte[] b, int s, int e, int r) {
        int ts = Numbers.trimStart(b, s, e);
        int te = Numbers.trimEnd(b, ts, e);
        int kind = numbers.classify(b, ts, te);
        if (kind == Numbers.TEXT && hasNonAscii(b, ts, te)) { // Unicode blanks around a number
            byte[] u = text(b, ts, te).getBytes(StandardCharsets.UTF_8);
            kind = numbers.classify(u, 0, u.length);
        }
        if (c.kind == MIXED_CHECK) { // an undeclared column that turned out to be text
            if (kind == Numbers.NUMBER) throw notANumber(c, c.firstBadRow, c.firstBad);
            c.codes[r] = c.dict.code(b, s, e);
            return;
        }
        switch (kind) {
            case Numbers.NUMBER -> {
                c.values[r] = numbers.value;
                c.numbers++;
            }
            case Numbers.MISSING -> {
                c.values[r] = Double.NaN;
                if (c.missing++ == 0) c.firstMissing = r;
            }
            case Numbers.NON_FINITE -> throw new DataException(locate(r) + ", column '" + shown(c.name) + "': '" + shown(text(b, ts, te))
                    + "' is not a finite number (write missing values as empty cells or NA)");
            default -> {
                String cell = text(b, ts, te);
                if (c.kind == NUMERIC || c.numbers > 0 || decimal == '.' && decimalComma(cell)) throw notANumber(c, r, cell);
                c.toText(r, capacity);
                c.firstBad = cell;
                c.firstBadRow = r;
                c.codes[r] = c.dict.code(b, s, e);
            }
        }
    }

    private DataException notANumber(Column c, int r, String cell) {
        String hint = "";
        if (decimal == '.' && decimalComma(cell)) {
            hint = " (for decimal commas set data.decimal: ',')";
        } else if (c.kind != NUMERIC && spec.variables() == null) {
            hint = " (the column mixes numbers and text; if it is not needed, list the needed columns in data.variables)";
        }
        return new DataException(locate(r) + ", column '" + shown(c.name) + "': '" + shown(cell) + "' is not a number" + hint);
    }

    /** A number written with a decimal comma, such as {@code 1,5} or {@code -2,25e1}. */
    private static boolean decimalComma(String cell) {
        return cell.matches("[+-]?\\d+,\\d+([eE][+-]?\\d+)?");
    }

    private static boolean hasNonAscii(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) if (b[i] < 0) return true;
        return false;
    }

    private static String text(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.UTF_8).strip();
    }

    /** Cell text for a one-line message: line breaks and other controls escaped. */
    static String shown(String t) {
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private void grow(int to) {
        capacity = to;
        entity = Arrays.copyOf(entity, to);
        time = Arrays.copyOf(time, to);
        for (Column c : cols) c.grow(to);
    }

    private void noteLine(int row, int line) {
        int delta = line - row;
        if (deltas > 0 && deltaValue[deltas - 1] == delta) return;
        if (deltas == deltaRow.length) {
            deltaRow = Arrays.copyOf(deltaRow, deltas * 2);
            deltaValue = Arrays.copyOf(deltaValue, deltas * 2);
        }
        deltaRow[deltas] = row;
        deltaValue[deltas] = delta;
        deltas++;
    }

    /** The source line (or row, observation) of data row {@code r}. */
    int lineOf(int r) {
        int k = Arrays.binarySearch(deltaRow, 0, deltas, r);
        if (k < 0) k = -k - 2;
        return r + deltaValue[k];
    }

    String locate(int r) {
        return source + " " + lineWord + " " + lineOf(r);
    }

    /** Builds the panel from the rows read so far. */
    PanelLoader.Loaded finish() {
        if (cols == null) throw new DataException(source + " is empty");
        if (rows == 0) throw new DataException(source + " has a header but no data rows");
        int n = rows;
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> missingCount = new LinkedHashMap<>();
        Map<String, Integer> firstMissing = new HashMap<>();
        for (Column c : cols) {
            if (c.kind == ENTITY || c.kind == TIME) continue;
            if (c.kind == TEXT || c.kind == MIXED_CHECK) {
                text.put(c.name, c.strings(n));
                continue;
            }
            if (c.numbers == 0) {
                if (c.kind == NUMERIC) throw new DataException("column '" + shown(c.name) + "' in " + source + " has no values (all missing)");
                notes.add("column '" + shown(c.name) + "' is entirely missing and was not loaded");
                c.values = null;
                continue;
            }
            numeric.put(c.name, c.values.length == n ? c.values : Arrays.copyOf(c.values, n));
            c.values = null;
            if (c.missing > 0) {
                missingCount.put(c.name, c.missing);
                firstMissing.put(c.name, c.firstMissing);
            }
        }
        int[] ent = entity.length == n ? entity : Arrays.copyOf(entity, n);
        int[] tim = time.length == n ? time : Arrays.copyOf(time, n);
        entity = null;
        time = null;
        int dropped = 0;
        int[] keep = null;
        if (!missingCount.isEmpty()) {
            if (!spec.dropMissing()) {
                Map.Entry<String, Integer> first = missingCount.entrySet().iterator().next();
                throw new DataException("column '" + shown(first.getKey()) + "' has " + first.getValue() + " missing value"
                        + (first.getValue() == 1 ? "" : "s") + " (first at " + locate(firstMissing.get(first.getKey())) + ")"
                        + (missingCount.size() > 1 ? " and " + (missingCount.size() - 1) + " other column(s) have missing values too" : "")
                        + "; set data.missing: drop to drop incomplete rows, or list only the needed columns in data.variables");
            }
            boolean[] bad = new boolean[n];
            for (String c : missingCount.keySet()) {
                double[] v = numeric.get(c);
                for (int r = 0; r < n; r++) if (Double.isNaN(v[r])) bad[r] = true;
            }
            int m = 0;
            keep = new int[n];
            for (int r = 0; r < n; r++) if (!bad[r]) keep[m++] = r;
            dropped = n - m;
            if (m == 0) throw new DataException("every row of " + source + " has a missing value; nothing left after data.missing: drop");
            keep = Arrays.copyOf(keep, m);
            ent = subset(ent, keep);
            tim = subset(tim, keep);
            for (Map.Entry<String, double[]> c : numeric.entrySet()) c.setValue(subset(c.getValue(), keep));
            for (Map.Entry<String, String[]> c : text.entrySet()) c.setValue(subset(c.getValue(), keep));
            notes.add(dropped + " row(s) with missing values dropped (data.missing: drop)");
        }
        List<String> levels = entities.levels();
        String same = sameNumber(levels);
        if (same != null) notes.add(same);
        int[] rowsKept = keep;
        Panel panel = Panel.ofCodes(spec.entity(), spec.time(), spec.group(), levels, ent, tim, numeric, text,
                r -> locate(rowsKept == null ? r : rowsKept[r]));
        return new PanelLoader.Loaded(panel, new PanelLoader.LoadReport(n, dropped, missingCount, notes));
    }

    /** A notice when two entity ids are the same integer written differently ({@code 01} and {@code 1}). */
    static String sameNumber(List<String> levels) {
        Map<Long, String> seen = new HashMap<>();
        for (String l : levels) {
            if (!isInteger(l)) continue;
            String prev = seen.putIfAbsent(Long.parseLong(l), l);
            if (prev != null) {
                return "notice: " + "entity ids '" + prev + "' and '" + l + "' are the same number written differently;"
                        + " they are treated as two different entities (write ids consistently if they are one)";
            }
        }
        return null;
    }

    private static boolean isInteger(String s) {
        int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() - i < 1 || s.length() - i > 18) return false;
        for (; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static int[] subset(int[] a, int[] keep) {
        int[] o = new int[keep.length];
        for (int i = 0; i < o.length; i++) o[i] = a[keep[i]];
        return o;
    }

    private static double[] subset(double[] a, int[] keep) {
        double[] o = new double[keep.length];
        for (int i = 0; i < o.length; i++) o[i] = a[keep[i]];
        return o;
    }

    private static String[] subset(String[] a, int[] keep) {
        String[] o = new String[keep.length];
        for (int i = 0; i < o.length; i++) o[i] = a[keep[i]];
        return o;
    }

    /** One column being built. */
    private static final class Column {
        final String name;
        int kind;
        double[] values;
        int[] codes;
        TextDictionary dict;
        int numbers;
        int missing;
        int firstMissing = -1;
        int firstBadRow = -1;
        String firstBad;

        Column(String name, int kind, int capacity) {
            this.name = name;
            this.kind = kind;
            if (kind == TEXT) {
                codes = new int[capacity];
                dict = new TextDictionary();
            } else if (kind == NUMERIC || kind == CANDIDATE) {
                values = new double[capacity];
            }
        }

        void grow(int to) {
            if (values != null) values = Arrays.copyOf(values, to);
            if (codes != null) codes = Arrays.copyOf(codes, to);
        }

        /** Switches a candidate column whose cells so far were all missing to text. */
        void toText(int rowsSoFar, int capacity) {
            kind = MIXED_CHECK;
            values = null;
            codes = new int[capacity];
            Arrays.fill(codes, 0, rowsSoFar, -1);
            dict = new TextDictionary();
        }

        String[] strings(int n) {
            List<String> levels = dict.levels();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) out[i] = codes[i] < 0 ? null : levels.get(codes[i]);
            codes = null;
            return out;
        }
    }

    /**
     * Distinct cell texts: raw bytes are hashed without making a string; each distinct byte sequence
     * is decoded once, stripped, and mapped to a code shared by every spelling that strips to the same
     * text (-1 for missing cells).
     */
    static final class TextDictionary {
        private static final Set<String> MISSING = new HashSet<>(List.of("", "NA", ".", "N/A", "#N/A"));
        private int[] slots = new int[64]; // raw id + 1, 0 = empty
        private int[] hashes = new int[64];
        private byte[] pool = new byte[1024];
        private int poolSize;
        private int[] rawStart = new int[32];
        private int[] rawEnd = new int[32];
        private int[] rawCode = new int[32];
        private int raws;
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> levels = new ArrayList<>();

        private int lastRaw = -1;

        int code(byte[] b, int s, int e) {
            // ids and group labels usually repeat on consecutive rows
            if (lastRaw >= 0 && Arrays.equals(pool, rawStart[lastRaw], rawEnd[lastRaw], b, s, e)) return rawCode[lastRaw];
            int h = 1;
            for (int i = s; i < e; i++) h = 31 * h + b[i];
            h ^= h >>> 16;
            int mask = slots.length - 1;
            int k = h & mask;
            while (slots[k] != 0) {
                int id = slots[k] - 1;
                if (hashes[k] == h && Arrays.equals(pool, rawStart[id], rawEnd[id], b, s, e)) {
                    lastRaw = id;
                    return rawCode[id];
                }
                k = (k + 1) & mask;
            }
            // new byte sequence
            String t = new String(b, s, e - s, StandardCharsets.UTF_8).strip();
            int code;
            if (MISSING.contains(t)) code = -1;
            else {
                Integer c = codes.get(t);
                if (c == null) {
                    c = levels.size();
                    codes.put(t, c);
                    levels.add(t);
                }
                code = c;
            }
            int len = e - s;
            while (poolSize + len > pool.length) pool = Arrays.copyOf(pool, pool.length * 2);
            System.arraycopy(b, s, pool, poolSize, len);
            if (raws == rawStart.length) {
                rawStart = Arrays.copyOf(rawStart, raws * 2);
                rawEnd = Arrays.copyOf(rawEnd, raws * 2);
                rawCode = Arrays.copyOf(rawCode, raws * 2);
            }
            rawStart[raws] = poolSize;
            rawEnd[raws] = poolSize + len;
            rawCode[raws] = code;
            poolSize += len;
            slots[k] = raws + 1;
            hashes[k] = h;
            lastRaw = raws;
            raws++;
            if (raws * 2 > slots.length) rehash();
            return code;
        }

        private void rehash() {
            int[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new int[oldSlots.length * 2];
            hashes = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int k = 0; k < oldSlots.length; k++) {
                if (oldSlots[k] == 0) continue;
                int j = oldHashes[k] & mask;
                while (slots[j] != 0) j = (j + 1) & mask;
                slots[j] = oldSlots[k];
                hashes[j] = oldHashes[k];
            }
        }

        List<String> levels() {
            return levels;
        }
    }

}
