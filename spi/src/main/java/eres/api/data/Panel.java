package eres.api.data;

import eres.api.DataException;
import eres.api.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * An immutable long-format panel: one row per (entity, time), rows sorted by entity then time,
 * numeric variables as {@code double} columns ({@code NaN} = missing) and text columns (e.g. the
 * region). Balanced and unbalanced panels are both allowed; gaps in time are allowed.
 *
 * <p>Entities sort numerically when every id is an integer (so "2" precedes "10"; ids that are the
 * same number written differently, {@code 01} and {@code 1}, stay distinct and sort by their text),
 * else lexicographically; the order therefore does not depend on the order of the input rows.
 *
 * <p>Storage is columnar: entity and time are dense {@code int} codes built once, columns are
 * primitive arrays shared between a panel and the panels derived from it ({@link #withColumn} copies
 * only the new column), and {@link #rowOf(int, int)} is a constant-time lookup (an offset for balanced
 * panels, a code table for unbalanced ones unless they are very sparse, then a binary search within the
 * entity's rows).
 */
public final class Panel {
    private final String entityName;
    private final String timeName;
    private final String groupName;
    /** Entity ids in panel order. */
    private final String[] entityLevels;
    /** Entity code per row, non-decreasing. */
    private final int[] entityCode;
    private final int[] time;
    /** Distinct periods, ascending. */
    private final int[] timeLevels;
    private final int[] timeCode;
    /** Rows of entity e are entityStart[e] .. entityStart[e + 1] - 1. */
    private final int[] entityStart;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;
    /** (entity code * periods + time code) to row, -1 where absent; null when balanced or very sparse. */
    private final int[] cell;
    private volatile Map<String, Integer> entityLookup;
    private volatile List<String> entityList;

    /** Shares every array; callers guarantee sorted rows, dense codes and matching lengths. */
    private Panel(String entityName, String timeName, String groupName, String[] entityLevels, int[] entityCode, int[] time,
                  int[] timeLevels, int[] timeCode, int[] entityStart, Map<String, double[]> numeric, Map<String, String[]> text,
                  int[] cell) {
        this.entityName = entityName;
        this.timeName = timeName;
        this.groupName = groupName;
        this.entityLevels = entityLevels;
        this.entityCode = entityCode;
        this.time = time;
        this.timeLevels = timeLevels;
        this.timeCode = timeCode;
        this.entityStart = entityStart;
        this.numeric = numeric;
        this.text = text;
        this.cell = cell;
        if (groupName != null && !text.containsKey(groupName)) {
            throw new DataException("group column '" + groupName + "' is not a text column of the panel"
                    + Suggestions.hint(groupName, text.keySet()));
        }
    }

    /** A panel like this one with other columns (same rows and indexes). */
    private Panel derive(String group, Map<String, double[]> num, Map<String, String[]> txt) {
        return new Panel(entityName, timeName, group, entityLevels, entityCode, time, timeLevels, timeCode, entityStart, num, txt,
                cell);
    }

    /**
     * Builds a panel from columns in any row order (they are sorted by entity then time). The arrays
     * are copied.
     *
     * @param groupName name of the text column holding the group (e.g. region), or {@code null}
     * @throws DataException on a duplicate (entity, time) pair or a missing entity id
     */
    public static Panel of(String entityName, String timeName, String groupName, String[] entity, int[] time,
                           Map<String, double[]> numeric, Map<String, String[]> text) {
        int n = entity.length;
        Map<String, Integer> codes = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            if (entity[i] == null) throw new DataException("missing " + entityName + " in a row");
            Integer c = codes.get(entity[i]);
            if (c == null) {
                c = levels.size();
                codes.put(entity[i], c);
                levels.add(entity[i]);
            }
            code[i] = c;
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        numeric.forEach((k, v) -> num.put(k, v.clone()));
        Map<String, String[]> txt = new LinkedHashMap<>();
        text.forEach((k, v) -> txt.put(k, v.clone()));
        return ofCodes(entityName, timeName, groupName, levels, code, time.clone(), num, txt, null);
    }

    /**
     * Builds a panel from dictionary-coded entities, for readers that never hold one string per row.
     * The arrays and maps are <b>taken over, not copied</b>: the caller must not use them afterwards.
     * Rows may come in any order; an input already sorted by entity then time is not permuted.
     *
     * @param entityLevels distinct entity ids, in any order; {@code entityCodes[i]} indexes it
     * @param locate       describes input row {@code i} for error messages (e.g. "d.csv line 7"), or null
     * @throws DataException on a duplicate (entity, time) pair, naming both rows when {@code locate} is given
     */
    public static Panel ofCodes(String entityName, String timeName, String groupName, List<String> entityLevels,
                                int[] entityCodes, int[] time, Map<String, double[]> numeric, Map<String, String[]> text,
                                IntFunction<String> locate) {
        int n = entityCodes.length;
        if (time.length != n) throw new IllegalArgumentException("entity and time lengths differ");
        numeric = new LinkedHashMap<>(numeric); // the maps (not the arrays) are copied: callers may pass Map.of()
        text = new LinkedHashMap<>(text);
        numeric.forEach((k, v) -> {
            if (v.length != n) throw new IllegalArgumentException("column " + k + " has " + v.length + " rows, expected " + n);
        });
        text.forEach((k, v) -> {
            if (v.length != n) throw new IllegalArgumentException("column " + k + " has " + v.length + " rows, expected " + n);
        });
        // 1. entity levels in panel order; recode
        int g0 = entityLevels.size();
        Integer[] order = new Integer[g0];
        for (int e = 0; e < g0; e++) order[e] = e;
        Comparator<String> cmp = entityOrder(entityLevels);
        Arrays.sort(order, (a, b) -> cmp.compare(entityLevels.get(a), entityLevels.get(b)));
        int[] rank = new int[g0];
        String[] levels = new String[g0];
        for (int r = 0; r < g0; r++) {
            rank[order[r]] = r;
            levels[r] = entityLevels.get(order[r]);
        }
        boolean[] present = new boolean[g0];
        for (int i = 0; i < n; i++) {
            int c = entityCodes[i];
            if (c < 0 || c >= g0) throw new IllegalArgumentException("entity code " + c + " out of range");
            entityCodes[i] = rank[c];
            present[rank[c]] = true;
        }
        // drop levels that no row uses
        int g = 0;
        int[] compact = new int[g0];
        for (int r = 0; r < g0; r++) if (present[r]) compact[r] = g++;
        if (g < g0) {
            String[] kept = new String[g];
            for (int r = 0; r < g0; r++) if (present[r]) kept[compact[r]] = levels[r];
            levels = kept;
            for (int i = 0; i < n; i++) entityCodes[i] = compact[entityCodes[i]];
        }
        // 2. time levels and codes
        int[] timeLevels = distinctSorted(time);
        int[] timeCode = new int[n];
        for (int i = 0; i < n; i++) timeCode[i] = Arrays.binarySearch(timeLevels, time[i]);
        // 3. sort rows by (entity, time) when needed: two stable counting sorts (LSD radix)
        int[] perm = null;
        if (!isSorted(entityCodes, timeCode)) {
            perm = countingOrder(entityCodes, timeCode, g, timeLevels.length);
            entityCodes = permute(entityCodes, perm);
            time = permute(time, perm);
            timeCode = permute(timeCode, perm);
            for (Map.Entry<String, double[]> c : numeric.entrySet()) c.setValue(permute(c.getValue(), perm));
            for (Map.Entry<String, String[]> c : text.entrySet()) c.setValue(permute(c.getValue(), perm));
        }
        for (int i = 1; i < n; i++) {
            if (entityCodes[i] == entityCodes[i - 1] && timeCode[i] == timeCode[i - 1]) {
                String where = "";
                if (locate != null) {
                    int a = perm == null ? i - 1 : perm[i - 1];
                    int b = perm == null ? i : perm[i];
                    where = locate.apply(Math.max(a, b)) + ": ";
                    String first = locate.apply(Math.min(a, b));
                    throw new DataException(where + "duplicate " + entityName + "-" + timeName + " pair (" + oneLine(levels[entityCodes[i]])
                            + ", " + time[i] + "), first at " + first.substring(first.lastIndexOf(' ', first.lastIndexOf(' ') - 1) + 1));
                }
                throw new DataException("duplicate " + entityName + "-" + timeName + " pair (" + oneLine(levels[entityCodes[i]]) + ", "
                        + time[i] + ")");
            }
        }
        int[] start = new int[g + 1];
        for (int i = 0; i < n; i++) start[entityCodes[i] + 1]++;
        for (int e = 0; e < g; e++) start[e + 1] += start[e];
        return new Panel(entityName, timeName, groupName, levels, entityCodes, time, timeLevels, timeCode, start, numeric, text,
                cellTable(entityCodes, timeCode, g, timeLevels.length));
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static boolean isSorted(int[] e, int[] t) {
        for (int i = 1; i < e.length; i++) {
            if (e[i] < e[i - 1] || (e[i] == e[i - 1] && t[i] < t[i - 1])) return false;
        }
        return true;
    }

    /** Row order sorting by (entity, time): counting sort by time, then a stable one by entity. */
    private static int[] countingOrder(int[] e, int[] t, int g, int periods) {
        int n = e.length;
        int[] byTime = new int[n];
        int[] count = new int[periods + 1];
        for (int i = 0; i < n; i++) count[t[i] + 1]++;
        for (int k = 0; k < periods; k++) count[k + 1] += count[k];
        for (int i = 0; i < n; i++) byTime[count[t[i]]++] = i;
        int[] out = new int[n];
        count = new int[g + 1];
        for (int i = 0; i < n; i++) count[e[i] + 1]++;
        for (int k = 0; k < g; k++) count[k + 1] += count[k];
        for (int r : byTime) out[count[e[r]]++] = r;
        return out;
    }

    private static int[] cellTable(int[] e, int[] t, int g, int periods) {
        int n = e.length;
        long cells = (long) g * periods;
        if (cells == n || cells > 4L * n + 4096) return null; // balanced: offsets; very sparse: binary search
        int[] c = new int[(int) cells];
        Arrays.fill(c, -1);
        for (int i = 0; i < n; i++) c[e[i] * periods + t[i]] = i;
        return c;
    }

    private static int[] distinctSorted(int[] v) {
        if (v.length == 0) return new int[0];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        long range = (long) max - min + 1;
        if (range <= 4L * v.length + 1024) {
            boolean[] seen = new boolean[(int) range];
            int k = 0;
            for (int x : v) {
                if (!seen[x - min]) {
                    seen[x - min] = true;
                    k++;
                }
            }
            int[] out = new int[k];
            int j = 0;
            for (int r = 0; r < range; r++) if (seen[r]) out[j++] = (int) (r + min);
            return out;
        }
        return Arrays.stream(v).distinct().sorted().toArray();
    }

    private static int[] permute(int[] a, int[] perm) {
        int[] o = new int[perm.length];
        for (int i = 0; i < perm.length; i++) o[i] = a[perm[i]];
        return o;
    }

    private static double[] permute(double[] a, int[] perm) {
        double[] o = new double[perm.length];
        for (int i = 0; i < perm.length; i++) o[i] = a[perm[i]];
        return o;
    }

    private static String[] permute(String[] a, int[] perm) {
        String[] o = new String[perm.length];
        for (int i = 0; i < perm.length; i++) o[i] = a[perm[i]];
        return o;
    }

    /**
     * The order of entity ids: numeric when every id is an integer (ties between spellings of one
     * number, such as {@code 01} and {@code 1}, broken by the text), else lexicographic.
     */
    static Comparator<String> entityOrder(Collection<String> ids) {
        for (String s : ids) {
            if (!isInteger(s)) return Comparator.naturalOrder();
        }
        Comparator<String> numeric = Comparator.comparingLong(Long::parseLong);
        return numeric.thenComparing(Comparator.naturalOrder());
    }

    private static boolean isInteger(String s) {
        if (s == null || s.isEmpty()) return false;
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digits = s.length() - i;
        if (digits < 1 || digits > 18) return false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    public String entityName() {
        return entityName;
    }

    public String timeName() {
        return timeName;
    }

    /** The text column used for grouping (e.g. {@code region}), if the data declared one. */
    public Optional<String> groupName() {
        return Optional.ofNullable(groupName);
    }

    public int rows() {
        return entityCode.length;
    }

    public String entity(int row) {
        return entityLevels[entityCode[row]];
    }

    public int time(int row) {
        return time[row];
    }

    /** Dense entity code in {@code [0, entityCount())}, following {@link #entities()}. */
    public int entityIndex(int row) {
        return entityCode[row];
    }

    /** Dense time code in {@code [0, timeCount())}, following {@link #times()}. */
    public int timeIndex(int row) {
        return timeCode[row];
    }

    public int[] entityIndices() {
        return entityCode.clone();
    }

    public int[] timeIndices() {
        return timeCode.clone();
    }

    /** First row of entity {@code e} (rows of an entity are contiguous, sorted by time). */
    public int entityStart(int e) {
        return entityStart[e];
    }

    /** Number of rows of entity {@code e}. */
    public int entityRows(int e) {
        return entityStart[e + 1] - entityStart[e];
    }

    /** Entity ids in panel order. */
    public List<String> entities() {
        List<String> l = entityList;
        if (l == null) {
            l = Collections.unmodifiableList(Arrays.asList(entityLevels));
            entityList = l;
        }
        return l;
    }

    public int entityCount() {
        return entityLevels.length;
    }

    /** Distinct time values, ascending. */
    public int[] times() {
        return timeLevels.clone();
    }

    public int timeCount() {
        return timeLevels.length;
    }

    /** Every entity observed in every period. */
    public boolean isBalanced() {
        return rows() == entityCount() * timeCount();
    }

    /** Row of {@code (entity, t)} or -1. */
    public int rowOf(String entityId, int t) {
        Map<String, Integer> m = entityLookup;
        if (m == null) {
            m = new HashMap<>(entityLevels.length * 2);
            for (int e = 0; e < entityLevels.length; e++) m.put(entityLevels[e], e);
            entityLookup = m;
        }
        Integer e = m.get(entityId);
        return e == null ? -1 : rowOf(e, t);
    }

    /** Row of {@code (entity index, t)} or -1. */
    public int rowOf(int entityIdx, int t) {
        if (entityIdx < 0 || entityIdx >= entityLevels.length) return -1;
        int tc = Arrays.binarySearch(timeLevels, t);
        if (tc < 0) return -1;
        if (isBalanced()) return entityStart[entityIdx] + tc;
        if (cell != null) return cell[entityIdx * timeLevels.length + tc];
        int lo = entityStart[entityIdx];
        int hi = entityStart[entityIdx + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timeCode[mid] < tc) lo = mid + 1;
            else if (timeCode[mid] > tc) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    public List<String> numericColumns() {
        return List.copyOf(numeric.keySet());
    }

    public List<String> textColumns() {
        return List.copyOf(text.keySet());
    }

    public boolean hasNumeric(String name) {
        return numeric.containsKey(name);
    }

    public boolean hasText(String name) {
        return text.containsKey(name);
    }

    /**
     * A copy of a numeric column.
     *
     * @throws DataException naming the column (with a suggestion) if it does not exist or is text
     */
    public double[] column(String name) {
        return numericArray(name).clone();
    }

    /** Value of a numeric column at a row. */
    public double value(String name, int row) {
        return numericArray(name)[row];
    }

    private double[] numericArray(String name) {
        double[] c = numeric.get(name);
        if (c == null) {
            if (text.containsKey(name)) throw new DataException("column '" + name + "' is text, not numeric");
            if (name != null && (name.equals(entityName) || name.equals(timeName))) {
                throw new DataException("column '" + name + "' is the panel's " + (name.equals(entityName) ? "entity" : "time")
                        + " identifier, not a variable");
            }
            throw new DataException("unknown column '" + name + "'" + Suggestions.hint(name, numeric.keySet())
                    + "; numeric columns: " + String.join(", ", numeric.keySet()));
        }
        return c;
    }

    /** Checks that every name is a numeric column, reporting all unknown names at once. */
    public void requireNumeric(Collection<String> names) {
        List<String> bad = new ArrayList<>();
        for (String n : names) if (!numeric.containsKey(n)) bad.add(n);
        if (bad.size() == 1) numericArray(bad.get(0));
        if (!bad.isEmpty()) {
            StringBuilder sb = new StringBuilder("unknown columns");
            for (String b : bad) sb.append(" '").append(b).append("'").append(Suggestions.hint(b, numeric.keySet()));
            throw new DataException(sb + "; numeric columns: " + String.join(", ", numeric.keySet()));
        }
    }

    /** A copy of a text column. */
    public String[] textColumn(String name) {
        String[] c = text.get(name);
        if (c == null) {
            throw new DataException("unknown text column '" + name + "'" + Suggestions.hint(name, text.keySet()));
        }
        return c.clone();
    }

    /** The group label of a row, or {@code null} if the panel has no group column. */
    public String group(int row) {
        return groupName == null ? null : text.get(groupName)[row];
    }

    /** This panel with a numeric column added (or replaced, keeping its position); only the new column is copied. */
    public Panel withColumn(String name, double[] values) {
        if (values.length != rows()) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " values for " + rows() + " rows");
        }
        if (text.containsKey(name) || name.equals(entityName) || name.equals(timeName)) {
            throw new DataException("cannot create numeric column '" + name + "': the name is taken by a text or id column");
        }
        Map<String, double[]> m = new LinkedHashMap<>(numeric);
        m.put(name, values.clone());
        return derive(groupName, m, text);
    }

    /** This panel with a text column added or replaced. */
    public Panel withTextColumn(String name, String[] values) {
        if (values.length != rows()) throw new IllegalArgumentException("text column length mismatch");
        if (numeric.containsKey(name)) throw new DataException("cannot create text column '" + name + "': numeric column exists");
        Map<String, String[]> m = new LinkedHashMap<>(text);
        m.put(name, values.clone());
        return derive(groupName, numeric, m);
    }

    /** This panel with another group column. */
    public Panel withGroup(String textColumn) {
        return derive(textColumn, numeric, text);
    }

    /** The rows at the given indices (ascending indices keep the order without sorting). */
    public Panel rows(int[] rowIndices) {
        int m = rowIndices.length;
        int g = entityLevels.length;
        int[] newCode = new int[g];
        Arrays.fill(newCode, -1);
        List<String> levels = new ArrayList<>();
        int[] e = new int[m];
        int[] t = new int[m];
        for (int i = 0; i < m; i++) {
            int r = rowIndices[i];
            int c = entityCode[r];
            if (newCode[c] < 0) {
                newCode[c] = levels.size();
                levels.add(entityLevels[c]);
            }
            e[i] = newCode[c];
            t[i] = time[r];
        }
        Map<String, double[]> nm = new LinkedHashMap<>();
        numeric.forEach((k, v) -> {
            double[] c = new double[m];
            for (int i = 0; i < m; i++) c[i] = v[rowIndices[i]];
            nm.put(k, c);
        });
        Map<String, String[]> tm = new LinkedHashMap<>();
        text.forEach((k, v) -> {
            String[] c = new String[m];
            for (int i = 0; i < m; i++) c[i] = v[rowIndices[i]];
            tm.put(k, c);
        });
        return ofCodes(entityName, timeName, groupName, levels, e, t, nm, tm, null);
    }

    /** The rows for which {@code keep} is true. */
    public Panel filter(IntPredicate keep) {
        int n = rows();
        int[] idx = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) if (keep.test(i)) idx[m++] = i;
        return m == n ? this : rows(Arrays.copyOf(idx, m));
    }

    /** Rows with a missing ({@code NaN}) value in any of the named numeric columns. */
    public int[] incompleteRows(Collection<String> names) {
        requireNumeric(names);
        boolean[] bad = new boolean[rows()];
        for (String n : names) {
            double[] c = numeric.get(n);
            for (int i = 0; i < c.length; i++) if (Double.isNaN(c[i])) bad[i] = true;
        }
        return java.util.stream.IntStream.range(0, rows()).filter(i -> bad[i]).toArray();
    }

    /** The rows complete on the named columns (listwise deletion). */
    public Panel complete(Collection<String> names) {
        int[] bad = incompleteRows(names);
        if (bad.length == 0) return this;
        boolean[] drop = new boolean[rows()];
        for (int b : bad) drop[b] = true;
        return filter(i -> !drop[i]);
    }

    /** Splits by the values of a text column, groups in sorted order. Rows with no value are left out. */
    public Map<String, Panel> split(String textColumnName) {
        String[] g = textColumn(textColumnName);
        Map<String, int[]> count = new TreeMap<>();
        for (String s : g) {
            if (s == null || s.isEmpty()) continue;
            count.computeIfAbsent(s, k -> new int[1])[0]++;
        }
        Map<String, int[]> idx = new LinkedHashMap<>();
        count.forEach((k, c) -> idx.put(k, new int[c[0]]));
        Map<String, int[]> fill = new HashMap<>();
        for (String k : idx.keySet()) fill.put(k, new int[1]);
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null || g[i].isEmpty()) continue;
            int[] pos = fill.get(g[i]);
            idx.get(g[i])[pos[0]++] = i;
        }
        Map<String, Panel> out = new LinkedHashMap<>();
        idx.forEach((k, v) -> out.put(k, rows(v)));
        return out;
    }

    @Override
    public String toString() {
        return "Panel[" + entityCount() + " " + entityName + " x " + timeCount() + " " + timeName + ", " + rows()
                + " rows, " + (isBalanced() ? "balanced" : "unbalanced") + ", numeric " + numeric.keySet() + "]";
    }
}
