package eres.core.io;

import eres.api.DataException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Types a {@link RawTable} into a {@link Panel}: the entity column (text), the time column (integers),
 * the group column (text), numeric variables and other text columns.
 *
 * <p>Missing cells are empty, {@code NA} or {@code .} (Stata). {@code NaN} and infinities are errors.
 * A column whose non-missing cells all parse as numbers is numeric; a declared variable must be
 * numeric, and an undeclared column with both numbers and text is reported as an error naming the
 * first non-numeric cell (declare {@code variables:} to load only the columns a chain needs).
 */
public final class PanelLoader {
    private static final Set<String> MISSING = Set.of("", "NA", ".", "N/A", "#N/A");

    /** What loading did (for run.json and warnings). */
    public record LoadReport(int rowsRead, int rowsDropped, Map<String, Integer> missingByColumn, List<String> notes) {
    }

    /** The loaded panel and its report. */
    public record Loaded(Panel panel, LoadReport report) {
    }

    private PanelLoader() {
    }

    public static Loaded load(RawTable raw, DataSpec spec) {
        List<String> cols = raw.columns();
        String src = raw.source();
        requireColumn(raw, spec.entity(), "data.entity");
        requireColumn(raw, spec.time(), "data.time");
        if (spec.group() != null) requireColumn(raw, spec.group(), "data.group");
        if (spec.entity().equals(spec.time())) throw new DataException("data.entity and data.time name the same column");
        int ie = cols.indexOf(spec.entity());
        int it = cols.indexOf(spec.time());
        int n = raw.rows().size();
        String[] entity = new String[n];
        int[] time = new int[n];
        Map<String, Integer> keyLine = new HashMap<>();
        for (int r = 0; r < n; r++) {
            String[] row = raw.rows().get(r);
            String e = row[ie] == null ? "" : row[ie].strip(); // RawTable: null or empty = missing
            if (MISSING.contains(e)) throw new DataException(raw.locate(r) + ": " + spec.entity() + " is missing");
            entity[r] = e;
            String t = row[it] == null ? "" : row[it].strip();
            try {
                double tv = Double.parseDouble(t);
                if (tv != Math.rint(tv) || Math.abs(tv) > 1e9) throw new NumberFormatException();
                time[r] = (int) tv;
            } catch (NumberFormatException ex) {
                throw new DataException(raw.locate(r) + ": " + spec.time() + " '" + t + "' is not an integer period");
            }
            Integer prev = keyLine.put(e + "\u0000" + time[r], r);
            if (prev != null) {
                throw new DataException(raw.locate(r) + ": duplicate " + spec.entity() + "-" + spec.time() + " pair (" + e
                        + ", " + time[r] + "), first at " + raw.lineWord() + " " + raw.lineNumbers()[prev]);
            }
        }
        List<String> declared = spec.variables();
        if (declared != null) {
            for (String v : declared) requireColumn(raw, v, "data.variables");
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        Map<String, String[]> text = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> missingCount = new LinkedHashMap<>();
        for (int j = 0; j < cols.size(); j++) {
            String name = cols.get(j);
            if (j == ie || j == it) continue;
            boolean isDeclared = declared != null && declared.contains(name);
            boolean isGroup = name.equals(spec.group());
            String[] cells = new String[n];
            for (int r = 0; r < n; r++) cells[r] = raw.rows().get(r)[j];
            if (isGroup) {
                text.put(name, stripAll(cells));
                continue;
            }
            if (declared != null && !isDeclared) {
                text.put(name, stripAll(cells));
                continue;
            }
            double[] values = new double[n];
            int firstBad = -1;
            int numbers = 0;
            int missing = 0;
            for (int r = 0; r < n; r++) {
                String c = cells[r] == null ? "" : cells[r].strip();
                if (MISSING.contains(c)) {
                    values[r] = Double.NaN;
                    missing++;
                    continue;
                }
                double v = parseNumber(c);
                if (Double.isNaN(v) && !isNonFinite(c)) {
                    if (firstBad < 0) firstBad = r;
                    continue;
                }
                if (!Double.isFinite(v)) {
                    throw new DataException(raw.locate(r) + ", column '" + name + "': '" + c
                            + "' is not a finite number (write missing values as empty cells or NA)");
                }
                values[r] = v;
                numbers++;
            }
            if (firstBad >= 0) {
                if (isDeclared || numbers > 0) {
                    throw new DataException(raw.locate(firstBad) + ", column '" + name + "': '" + cells[firstBad].strip()
                            + "' is not a number");
                }
                text.put(name, stripAll(cells));
                continue;
            }
            if (numbers == 0) {
                if (isDeclared) throw new DataException("column '" + name + "' in " + src + " has no values (all missing)");
                notes.add("column '" + name + "' is entirely missing and was not loaded");
                continue;
            }
            numeric.put(name, values);
            if (missing > 0) missingCount.put(name, missing);
        }
        int dropped = 0;
        if (!missingCount.isEmpty()) {
            if (!spec.dropMissing()) {
                Map.Entry<String, Integer> first = missingCount.entrySet().iterator().next();
                double[] v = numeric.get(first.getKey());
                int at = 0;
                while (!Double.isNaN(v[at])) at++;
                throw new DataException("column '" + first.getKey() + "' has " + first.getValue() + " missing value"
                        + (first.getValue() == 1 ? "" : "s") + " (first at " + raw.locate(at) + ")"
                        + (missingCount.size() > 1 ? " and " + (missingCount.size() - 1) + " other column(s) have missing values too" : "")
                        + "; set data.missing: drop to drop incomplete rows, or list only the needed columns in data.variables");
            }
            boolean[] bad = new boolean[n];
            for (String c : missingCount.keySet()) {
                double[] v = numeric.get(c);
                for (int r = 0; r < n; r++) if (Double.isNaN(v[r])) bad[r] = true;
            }
            List<Integer> keep = new ArrayList<>();
            for (int r = 0; r < n; r++) if (!bad[r]) keep.add(r);
            dropped = n - keep.size();
            if (keep.isEmpty()) throw new DataException("every row of " + src + " has a missing value; nothing left after data.missing: drop");
            entity = subset(entity, keep);
            time = subset(time, keep);
            numeric.replaceAll((k, v) -> subset(v, keep));
            text.replaceAll((k, v) -> subset(v, keep));
            notes.add(dropped + " row(s) with missing values dropped (data.missing: drop)");
        }
        Panel panel = Panel.of(spec.entity(), spec.time(), spec.group(), entity, time, numeric, text);
        return new Loaded(panel, new LoadReport(n, dropped, missingCount, notes));
    }

    private static void requireColumn(RawTable raw, String name, String path) {
        if (name == null) throw new DataException(path + " is required");
        if (!raw.columns().contains(name)) {
            throw new DataException(path + ": no column '" + name + "' in " + raw.source()
                    + Suggestions.hint(name, raw.columns()) + "; columns: " + String.join(", ", raw.columns()));
        }
    }

    private static boolean isNonFinite(String c) {
        String s = c.toLowerCase(Locale.ROOT);
        return s.equals("nan") || s.equals("inf") || s.equals("-inf") || s.equals("+inf") || s.equals("infinity")
                || s.equals("-infinity") || s.equals("+infinity");
    }

    /** Parses a plain decimal number; NaN if it is not one (hex, thousands separators, words are rejected). */
    static double parseNumber(String c) {
        if (isNonFinite(c)) return c.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
                : (c.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        if (!c.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Double.NaN;
        return Double.parseDouble(c);
    }

    private static String[] stripAll(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i].strip();
            out[i] = MISSING.contains(c) ? null : c;
        }
        return out;
    }

    private static String[] subset(String[] a, List<Integer> keep) {
        String[] o = new String[keep.size()];
        for (int i = 0; i < o.length; i++) o[i] = a[keep.get(i)];
        return o;
    }

    private static int[] subset(int[] a, List<Integer> keep) {
        int[] o = new int[keep.size()];
        for (int i = 0; i < o.length; i++) o[i] = a[keep.get(i)];
        return o;
    }

    private static double[] subset(double[] a, List<Integer> keep) {
        double[] o = new double[keep.size()];
        for (int i = 0; i < o.length; i++) o[i] = a[keep.get(i)];
        return o;
    }
}
