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
import java.util.function.IntPredicate;

/**
 * An immutable long-format panel: one row per (entity, time), rows sorted by entity then time,
 * numeric variables as {@code double} columns ({@code NaN} = missing) and text columns (e.g. the
 * region). Balanced and unbalanced panels are both allowed; gaps in time are allowed.
 *
 * <p>Entities sort numerically when every id is an integer (so "2" precedes "10"), else
 * lexicographically; the order therefore does not depend on the order of the input rows.
 */
public final class Panel {
    private final String entityName;
    private final String timeName;
    private final String groupName;
    private final String[] entity;
    private final int[] time;
    private final Map<String, double[]> numeric;
    private final Map<String, String[]> text;
    // derived
    private final List<String> entityLevels;
    private final int[] entityIndex;
    private final int[] timeLevels;
    private final int[] timeIndex;
    private final Map<Long, Integer> rowByKey;

    private Panel(String entityName, String timeName, String groupName, String[] entity, int[] time,
                  Map<String, double[]> numeric, Map<String, String[]> text, boolean sorted) {
        this.entityName = entityName;
        this.timeName = timeName;
        this.groupName = groupName;
        int n = entity.length;
        if (time.length != n) throw new IllegalArgumentException("entity and time lengths differ");
        numeric.forEach((k, v) -> {
            if (v.length != n) throw new IllegalArgumentException("column " + k + " has " + v.length + " rows, expected " + n);
        });
        text.forEach((k, v) -> {
            if (v.length != n) throw new IllegalArgumentException("column " + k + " has " + v.length + " rows, expected " + n);
        });
        Comparator<String> order = entityOrder(Arrays.asList(entity));
        Integer[] perm = new Integer[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        if (!sorted) {
            Arrays.sort(perm, (a, b) -> {
                int c = order.compare(entity[a], entity[b]);
                return c != 0 ? c : Integer.compare(time[a], time[b]);
            });
        }
        this.entity = new String[n];
        this.time = new int[n];
        for (int i = 0; i < n; i++) {
            this.entity[i] = entity[perm[i]];
            this.time[i] = time[perm[i]];
        }
        this.numeric = new LinkedHashMap<>();
        numeric.forEach((k, v) -> {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = v[perm[i]];
            this.numeric.put(k, c);
        });
        this.text = new LinkedHashMap<>();
        text.forEach((k, v) -> {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) c[i] = v[perm[i]];
            this.text.put(k, c);
        });
        if (groupName != null && !this.text.containsKey(groupName)) {
            throw new DataException("group column '" + groupName + "' is not a text column of the panel"
                    + Suggestions.hint(groupName, this.text.keySet()));
        }
        // levels and indices
        List<String> levels = new ArrayList<>();
        this.entityIndex = new int[n];
        for (int i = 0; i < n; i++) {
            if (entity[perm[i]] == null) throw new DataException("missing " + entityName + " in a row");
            if (i == 0 || !this.entity[i].equals(this.entity[i - 1])) levels.add(this.entity[i]);
            entityIndex[i] = levels.size() - 1;
        }
        this.entityLevels = Collections.unmodifiableList(levels);
        this.timeLevels = Arrays.stream(this.time).distinct().sorted().toArray();
        this.timeIndex = new int[n];
        for (int i = 0; i < n; i++) timeIndex[i] = Arrays.binarySearch(timeLevels, this.time[i]);
        this.rowByKey = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (i > 0 && entityIndex[i] == entityIndex[i - 1] && this.time[i] == this.time[i - 1]) {
                throw new DataException("duplicate " + entityName + "-" + timeName + " pair (" + this.entity[i]
                        + ", " + this.time[i] + ")");
            }
            rowByKey.put(key(entityIndex[i], this.time[i]), i);
        }
    }

    private static long key(int entityIdx, int t) {
        return ((long) entityIdx << 32) ^ (t & 0xffffffffL);
    }

    /**
     * Builds a panel from columns in any row order (they are sorted by entity then time).
     *
     * @param groupName name of the text column holding the group (e.g. region), or {@code null}
     * @throws DataException on a duplicate (entity, time) pair or a missing entity id
     */
    public static Panel of(String entityName, String timeName, String groupName, String[] entity, int[] time,
                           Map<String, double[]> numeric, Map<String, String[]> text) {
        return new Panel(entityName, timeName, groupName, entity.clone(), time.clone(), numeric, text, false);
    }

    static Comparator<String> entityOrder(Collection<String> ids) {
        boolean allIntegers = true;
        for (String s : ids) {
            if (s == null || !s.matches("-?\\d{1,18}")) {
                allIntegers = false;
                break;
            }
        }
        if (allIntegers) return Comparator.comparingLong(Long::parseLong);
        return Comparator.naturalOrder();
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
        return entity.length;
    }

    public String entity(int row) {
        return entity[row];
    }

    public int time(int row) {
        return time[row];
    }

    /** Dense entity code in {@code [0, entityCount())}, following {@link #entities()}. */
    public int entityIndex(int row) {
        return entityIndex[row];
    }

    /** Dense time code in {@code [0, timeCount())}, following {@link #times()}. */
    public int timeIndex(int row) {
        return timeIndex[row];
    }

    public int[] entityIndices() {
        return entityIndex.clone();
    }

    public int[] timeIndices() {
        return timeIndex.clone();
    }

    /** Entity ids in panel order. */
    public List<String> entities() {
        return entityLevels;
    }

    public int entityCount() {
        return entityLevels.size();
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
        int e = entityLevels.indexOf(entityId);
        if (e < 0) return -1;
        Integer r = rowByKey.get(key(e, t));
        return r == null ? -1 : r;
    }

    /** Row of {@code (entity index, t)} or -1. */
    public int rowOf(int entityIdx, int t) {
        Integer r = rowByKey.get(key(entityIdx, t));
        return r == null ? -1 : r;
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

    /** This panel with a numeric column added (or replaced, keeping its position). */
    public Panel withColumn(String name, double[] values) {
        if (values.length != rows()) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " values for " + rows() + " rows");
        }
        if (text.containsKey(name) || name.equals(entityName) || name.equals(timeName)) {
            throw new DataException("cannot create numeric column '" + name + "': the name is taken by a text or id column");
        }
        Map<String, double[]> m = new LinkedHashMap<>(numeric);
        m.put(name, values.clone());
        return new Panel(entityName, timeName, groupName, entity, time, m, text, true);
    }

    /** This panel with a text column added or replaced. */
    public Panel withTextColumn(String name, String[] values) {
        if (values.length != rows()) throw new IllegalArgumentException("text column length mismatch");
        if (numeric.containsKey(name)) throw new DataException("cannot create text column '" + name + "': numeric column exists");
        Map<String, String[]> m = new LinkedHashMap<>(text);
        m.put(name, values.clone());
        return new Panel(entityName, timeName, groupName, entity, time, numeric, m, true);
    }

    /** This panel with another group column. */
    public Panel withGroup(String textColumn) {
        return new Panel(entityName, timeName, textColumn, entity, time, numeric, text, true);
    }

    /** The rows at the given (ascending) indices. */
    public Panel rows(int[] rowIndices) {
        int m = rowIndices.length;
        String[] e = new String[m];
        int[] t = new int[m];
        for (int i = 0; i < m; i++) {
            e[i] = entity[rowIndices[i]];
            t[i] = time[rowIndices[i]];
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
        boolean ascending = true;
        for (int i = 1; i < m; i++) if (rowIndices[i] <= rowIndices[i - 1]) ascending = false;
        return new Panel(entityName, timeName, groupName, e, t, nm, tm, ascending);
    }

    /** The rows for which {@code keep} is true. */
    public Panel filter(IntPredicate keep) {
        return rows(java.util.stream.IntStream.range(0, rows()).filter(keep).toArray());
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
        Map<String, List<Integer>> idx = new TreeMap<>();
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null || g[i].isEmpty()) continue;
            idx.computeIfAbsent(g[i], k -> new ArrayList<>()).add(i);
        }
        Map<String, Panel> out = new LinkedHashMap<>();
        idx.forEach((k, v) -> out.put(k, rows(v.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }

    @Override
    public String toString() {
        return "Panel[" + entityCount() + " " + entityName + " x " + timeCount() + " " + timeName + ", " + rows()
                + " rows, " + (isBalanced() ? "balanced" : "unbalanced") + ", numeric " + numeric.keySet() + "]";
    }
}
