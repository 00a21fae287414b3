package eres.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.RawTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reshaping a table on load ({@code data: {reshape: ...}}), before it is typed into a panel. Two layouts
 * are turned into the long panel layout (one row per entity and period):
 *
 * <pre>
 * # wide to long (Stata "reshape long"; the statistical-yearbook layout): one row per entity, one column per year
 * reshape: {from: wide, years: "2008:2022", value: gdp}           # columns "2008" ... "2022" become rows of gdp
 * reshape: {from: wide, years: "2008:2022", value: gdp, columns: "{year}年"}    # headers such as 2008年
 * reshape: {from: wide, years: [2010, 2015, 2020], stubs: [gdp, pop]}   # columns gdp2010, pop2010, ...
 * reshape: {from: wide, years: "2008:2022", stubs: [gdp, pop], columns: "{stub}_{year}"}
 *
 * # long to wide on the variable (tidyr pivot_wider): rows of (entity, year, indicator, value)
 * reshape: {from: long, names-from: indicator, values-from: value}
 * </pre>
 *
 * <p>Wide: {@code data.entity} names the id column and {@code data.time} the new period column; every
 * year's column must exist (a missing one is an error naming it); columns of other years matching the
 * pattern are left out (noted); every other column (names, codes, region) is repeated on each of the
 * entity's rows. Long: rows are grouped by entity and period; the other columns must agree within a
 * group; a variable given twice for the same entity and period is an error, one not given is missing.
 * Row numbers in later error messages still point to the source rows.
 */
public final class Reshape {
    private static final Set<String> WIDE_KEYS = Set.of("from", "years", "value", "stubs", "columns");
    private static final Set<String> LONG_KEYS = Set.of("from", "names-from", "values-from");

    /** A validated reshape request. */
    public sealed interface Spec permits Wide, Long {
    }

    /**
     * Wide to long.
     *
     * @param years   the periods, in order
     * @param stubs   variable names ({@code [value]} for a single unnamed variable)
     * @param pattern column-name template with {@code {year}} and, for several variables, {@code {stub}}
     */
    public record Wide(List<Integer> years, List<String> stubs, String pattern) implements Spec {
        public Wide {
            years = List.copyOf(years);
            stubs = List.copyOf(stubs);
        }

        String column(String stub, int year) {
            return pattern.replace("{stub}", stub).replace("{year}", Integer.toString(year));
        }
    }

    /** Long to wide on a variable-name column. */
    public record Long(String namesFrom, String valuesFrom) implements Spec {
    }

    /** The reshaped table and what was done, for the run's notes. */
    public record Result(RawTable table, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private Reshape() {
    }

    /** Validates the {@code data.reshape} block. */
    public static Spec parse(JsonNode n) {
        String path = "data.reshape";
        if (n == null || !n.isObject()) {
            throw new SpecException(path, "must be a map, e.g. {from: wide, years: \"2008:2022\", value: gdp}");
        }
        JsonNode from = n.get("from");
        if (from == null || !from.isTextual()) throw new SpecException(path + ".from", "is required: 'wide' or 'long'");
        String f = from.asText();
        if (!f.equals("wide") && !f.equals("long")) throw new SpecException(path + ".from", "must be 'wide' or 'long', got '" + f + "'");
        Set<String> allowed = f.equals("wide") ? WIDE_KEYS : LONG_KEYS;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new SpecException(path, "unknown key '" + k + "' for from: " + f + Suggestions.hint(k, allowed)
                        + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        if (f.equals("long")) {
            return new Long(text(n, "names-from", path), text(n, "values-from", path));
        }
        List<Integer> years = years(n.get("years"), path + ".years");
        boolean hasValue = n.has("value");
        boolean hasStubs = n.has("stubs");
        if (hasValue == hasStubs) {
            throw new SpecException(path, "give either value: NAME (the year columns hold one variable) or stubs: [a, b]"
                    + " (columns a2008, b2008, ...)");
        }
        List<String> stubs = new ArrayList<>();
        if (hasValue) {
            stubs.add(text(n, "value", path));
        } else {
            JsonNode s = n.get("stubs");
            if (!s.isArray() || s.isEmpty()) throw new SpecException(path + ".stubs", "must be a list of variable names");
            for (JsonNode e : s) {
                if (!e.isTextual() || e.asText().isBlank()) throw new SpecException(path + ".stubs", "must be names, got " + e);
                if (stubs.contains(e.asText())) throw new SpecException(path + ".stubs", "'" + e.asText() + "' is listed twice");
                stubs.add(e.asText());
            }
        }
        String pattern = n.has("columns") ? text(n, "columns", path) : hasStubs ? "{stub}{year}" : "{year}";
        if (!pattern.contains("{year}")) throw new SpecException(path + ".columns", "must contain {year}, got '" + pattern + "'");
        if (hasStubs && !pattern.contains("{stub}")) {
            throw new SpecException(path + ".columns", "must contain {stub} when stubs are given, got '" + pattern + "'");
        }
        if (hasValue && pattern.contains("{stub}")) {
            throw new SpecException(path + ".columns", "{stub} needs stubs: [...]; with value: there is one variable");
        }
        return new Wide(years, stubs, pattern);
    }

    /** Applies a reshape; {@code entity} and {@code time} are the data block's columns. */
    public static Result apply(RawTable raw, Spec spec, String entity, String time) {
        if (entity == null) throw new SpecException("data.entity", "is required with data.reshape");
        if (time == null) throw new SpecException("data.time", "is required with data.reshape");
        if (spec instanceof Wide w) return wide(raw, w, entity, time);
        return pivot(raw, (Long) spec, entity, time);
    }

    private static Result wide(RawTable raw, Wide w, String entity, String time) {
        List<String> cols = raw.columns();
        String src = raw.source();
        if (!cols.contains(entity)) {
            throw new DataException("data.entity: no column '" + entity + "' in " + src + Suggestions.hint(entity, cols)
                    + "; columns: " + String.join(", ", cols));
        }
        int[][] at = new int[w.stubs().size()][w.years().size()];
        Set<Integer> used = new HashSet<>();
        for (int s = 0; s < w.stubs().size(); s++) {
            for (int y = 0; y < w.years().size(); y++) {
                String name = w.column(w.stubs().get(s), w.years().get(y));
                int j = cols.indexOf(name);
                if (j < 0) {
                    throw new DataException("data.reshape: no column '" + name + "' in " + src + " for year " + w.years().get(y)
                            + Suggestions.hint(name, cols) + "; columns: " + String.join(", ", cols));
                }
                at[s][y] = j;
                used.add(j);
            }
        }
        // columns of years outside the request that match the pattern are left out
        List<String> dropped = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String stub : w.stubs()) {
            String p = Pattern.quote(w.pattern().replace("{stub}", stub)).replace("{year}", "\\E(-?\\d{1,9})\\Q");
            patterns.add(Pattern.compile(p));
        }
        List<Integer> carried = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            if (used.contains(j)) continue;
            boolean yearColumn = false;
            for (Pattern p : patterns) {
                Matcher m = p.matcher(cols.get(j));
                if (m.matches()) yearColumn = true;
            }
            if (yearColumn) dropped.add(cols.get(j));
            else carried.add(j);
        }
        List<String> names = new ArrayList<>();
        for (int j : carried) names.add(cols.get(j));
        if (names.contains(time)) {
            throw new DataException("data.time: '" + time + "' is already a column of " + src + "; name the new period column otherwise");
        }
        names.add(time);
        for (String stub : w.stubs()) {
            if (names.contains(stub)) {
                throw new DataException("data.reshape: variable '" + stub + "' would clash with the column of that name in " + src);
            }
            names.add(stub);
        }
        int years = w.years().size();
        int n = raw.rows().size();
        if ((long) n * years > eres.api.Limits.MAX_ROWS) {
            throw new DataException("data.reshape: " + n + " rows x " + years + " years is above the limit of " + eres.api.Limits.MAX_ROWS + " rows");
        }
        List<String[]> rows = new ArrayList<>(n * years);
        int[] lines = new int[n * years];
        int[] srcLines = raw.lineNumbers();
        int k = 0;
        for (int r = 0; r < n; r++) {
            String[] in = raw.rows().get(r);
            for (int y = 0; y < years; y++) {
                String[] out = new String[names.size()];
                int c = 0;
                for (int j : carried) out[c++] = in[j];
                out[c++] = Integer.toString(w.years().get(y));
                for (int s = 0; s < w.stubs().size(); s++) out[c++] = in[at[s][y]];
                rows.add(out);
                lines[k++] = srcLines[r];
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("reshaped " + src + " from wide to long: " + n + " rows x " + years + " years (" + w.years().get(0) + "-"
                + w.years().get(years - 1) + ") of " + String.join(", ", w.stubs()));
        if (!dropped.isEmpty()) notes.add("columns of other years left out by data.reshape.years: " + String.join(", ", dropped));
        return new Result(new RawTable(src, names, rows, lines, raw.lineWord()), notes);
    }

    private static Result pivot(RawTable raw, Long l, String entity, String time) {
        List<String> cols = raw.columns();
        String src = raw.source();
        int ie = require(raw, entity, "data.entity");
        int it = require(raw, time, "data.time");
        int in = require(raw, l.namesFrom(), "data.reshape.names-from");
        int iv = require(raw, l.valuesFrom(), "data.reshape.values-from");
        if (new HashSet<>(List.of(ie, it, in, iv)).size() < 4) {
            throw new SpecException("data.reshape", "entity, time, names-from and values-from must be four different columns");
        }
        List<Integer> carried = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) if (j != in && j != iv) carried.add(j);
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        List<Integer> firstRow = new ArrayList<>();
        LinkedHashSet<String> variables = new LinkedHashSet<>();
        Map<String, Integer> cellRow = new HashMap<>();
        int n = raw.rows().size();
        int[] group = new int[n];
        for (int r = 0; r < n; r++) {
            String[] row = raw.rows().get(r);
            String key = strip(row[ie]) + "\u0000" + strip(row[it]);
            Integer g = groupOf.get(key);
            if (g == null) {
                g = firstRow.size();
                groupOf.put(key, g);
                firstRow.add(r);
            } else {
                String[] first = raw.rows().get(firstRow.get(g));
                for (int j : carried) {
                    if (!strip(first[j]).equals(strip(row[j]))) {
                        throw new DataException(raw.locate(r) + ": column '" + cols.get(j) + "' is '" + strip(row[j]) + "' but '"
                                + strip(first[j]) + "' at " + raw.lineWord() + " " + raw.lineNumbers()[firstRow.get(g)]
                                + " for the same " + entity + " and " + time + " (data.reshape from long needs it constant)");
                    }
                }
            }
            group[r] = g;
            String var = strip(row[in]);
            if (var.isEmpty()) throw new DataException(raw.locate(r) + ": " + l.namesFrom() + " is empty");
            variables.add(var);
            Integer prev = cellRow.put(g + "\u0000" + var, r);
            if (prev != null) {
                throw new DataException(raw.locate(r) + ": '" + var + "' for (" + strip(row[ie]) + ", " + strip(row[it])
                        + ") is given twice, first at " + raw.lineWord() + " " + raw.lineNumbers()[prev]);
            }
        }
        List<String> names = new ArrayList<>();
        for (int j : carried) names.add(cols.get(j));
        for (String v : variables) {
            if (names.contains(v)) {
                throw new DataException("data.reshape: variable '" + v + "' from column '" + l.namesFrom()
                        + "' would clash with the column of that name in " + src);
            }
            names.add(v);
        }
        List<String> varList = new ArrayList<>(variables);
        int groups = firstRow.size();
        List<String[]> rows = new ArrayList<>(groups);
        int[] lines = new int[groups];
        for (int g = 0; g < groups; g++) {
            String[] first = raw.rows().get(firstRow.get(g));
            String[] out = new String[names.size()];
            int c = 0;
            for (int j : carried) out[c++] = first[j];
            rows.add(out);
            lines[g] = raw.lineNumbers()[firstRow.get(g)];
        }
        for (int r = 0; r < n; r++) {
            String[] row = raw.rows().get(r);
            int v = varList.indexOf(strip(row[in]));
            rows.get(group[r])[carried.size() + v] = row[iv];
        }
        List<String> notes = List.of("reshaped " + src + " from long to wide on '" + l.namesFrom() + "': " + n + " rows into "
                + groups + " rows with " + varList.size() + " variable(s)");
        return new Result(new RawTable(src, names, rows, lines, raw.lineWord()), notes);
    }

    private static int require(RawTable raw, String name, String path) {
        int j = raw.columns().indexOf(name);
        if (j < 0) {
            throw new DataException(path + ": no column '" + name + "' in " + raw.source() + Suggestions.hint(name, raw.columns())
                    + "; columns: " + String.join(", ", raw.columns()));
        }
        return j;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String text(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new SpecException(path + "." + key, "is required (text)");
        return v.asText();
    }

    private static List<Integer> years(JsonNode y, String path) {
        if (y == null) throw new SpecException(path, "is required: a range \"2008:2022\" or a list of years");
        List<Integer> out = new ArrayList<>();
        if (y.isTextual() && y.asText().matches("\\s*-?\\d{1,9}\\s*:\\s*-?\\d{1,9}\\s*")) {
            String[] parts = y.asText().split(":");
            int from = Integer.parseInt(parts[0].strip());
            int to = Integer.parseInt(parts[1].strip());
            if (to < from) throw new SpecException(path, "range " + y.asText() + " is empty");
            if (to - from > 1000) throw new SpecException(path, "range " + y.asText() + " has more than 1000 periods");
            for (int v = from; v <= to; v++) out.add(v);
        } else if (y.isArray() && !y.isEmpty()) {
            for (JsonNode e : y) {
                if (!e.isIntegralNumber() || !e.canConvertToInt()) throw new SpecException(path, "must be integers, got " + e);
                if (out.contains(e.asInt())) throw new SpecException(path, "year " + e.asInt() + " is listed twice");
                out.add(e.asInt());
            }
        } else {
            throw new SpecException(path, "must be a range \"2008:2022\" or a list of years, got " + y);
        }
        return out;
    }
}
