package eres.core.io;

import eres.api.data.RawTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code eres inspect} shows of a table before a chain is written: per column its type as the
 * loader would see it, the number of missing cells and a few examples; and hints for the chain: year
 * columns to reshape, text in numeric columns that looks like a missing-value code.
 */
public final class Inspection {
    /** Columns whose names hold a year (2008, 2008年, gdp_2008): the wide yearbook layout. */
    private static final Pattern YEAR = Pattern.compile("^(\\D*?)((?:18|19|20|21)\\d\\d)(\\D*)$");

    private Inspection() {
    }

    /**
     * One column.
     *
     * @param type      {@code integer}, {@code number}, {@code text}, {@code numbers and text} or {@code empty}
     * @param firstText in a column of numbers and text, the first text cell (a missing-value code?), else null
     */
    public record Column(String name, String type, int missing, List<String> examples, String firstText, int distinct) {
    }

    /** The columns and the hints. */
    public record Result(int rows, List<Column> columns, List<String> hints) {
    }

    public static Result of(RawTable t) {
        return of(t, '.');
    }

    /** With the decimal mark the file uses ({@code .} or {@code ,}). */
    public static Result of(RawTable t, char decimal) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < t.columns().size(); j++) cols.add(column(t, j, decimal));
        return new Result(t.rows().size(), cols, hints(t, cols, decimal));
    }

    private static int filled(String[] row) {
        int n = 0;
        for (String c : row) if (c != null && !c.isBlank()) n++;
        return n;
    }

    private static Column column(RawTable t, int j, char decimal) {
        int missing = 0;
        int numbers = 0;
        int texts = 0;
        boolean integral = true;
        String firstText = null;
        Set<String> examples = new LinkedHashSet<>();
        Set<String> distinct = new LinkedHashSet<>();
        for (String[] row : t.rows()) {
            String cell = j < row.length && row[j] != null ? row[j].strip() : "";
            Double v = Numbers.cell(cell, decimal);
            if (v != null && v.isNaN()) {
                missing++;
                continue;
            }
            if (distinct.size() <= 1000) distinct.add(cell);
            if (examples.size() < 3) examples.add(cell);
            if (v != null) {
                numbers++;
                if (v != Math.rint(v)) integral = false;
            } else {
                texts++;
                if (firstText == null) firstText = cell;
            }
        }
        String type;
        if (numbers == 0 && texts == 0) type = "empty";
        else if (texts == 0) type = integral ? "integer" : "number";
        else if (numbers == 0) type = "text";
        else type = "numbers and text";
        return new Column(t.columns().get(j), type, missing, List.copyOf(examples), numbers > 0 && texts > 0 ? firstText : null,
                distinct.size());
    }

    private static List<String> hints(RawTable t, List<Column> cols, char decimal) {
        List<String> hints = new ArrayList<>();
        // notes under a table: trailing rows that fill one cell only
        int last = t.rows().size();
        while (last > 1 && filled(t.rows().get(last - 1)) == 1 && cols.size() > 2) last--;
        if (last < t.rows().size()) {
            int[] lines = t.lineNumbers();
            hints.add(t.lineWord() + "s " + lines[last] + "-" + lines[t.rows().size() - 1] + " fill one cell only (notes under the table?):"
                    + " leave them out with last-row: " + lines[last - 1]);
        }
        if (decimal == '.') {
            for (Column c : cols) {
                if ((c.type().equals("text") || c.firstText() != null) && c.examples().stream().anyMatch(e -> e.matches("[+-]?\\d+,\\d+"))) {
                    hints.add("column '" + c.name() + "' has numbers written with a decimal comma (" + c.examples().get(0) + "): set data.decimal:"
                            + " ',' (the delimiter must then be another character, e.g. ';')");
                    break;
                }
            }
        }
        // wide layout: year columns sharing a pattern
        Map<String, TreeSet<Integer>> patterns = new LinkedHashMap<>();
        for (Column c : cols) {
            Matcher m = YEAR.matcher(c.name());
            if (m.matches()) patterns.computeIfAbsent(m.group(1) + "{year}" + m.group(3), k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
        }
        for (Map.Entry<String, TreeSet<Integer>> e : patterns.entrySet()) {
            if (e.getValue().size() < 3) continue;
            String pattern = e.getKey();
            String stub = pattern.substring(0, pattern.indexOf("{year}")).replaceAll("[_.\\-]$", "");
            String years = e.getValue().first() + ":" + e.getValue().last();
            String gaps = e.getValue().last() - e.getValue().first() + 1 == e.getValue().size() ? "" : " (some years are missing: list them)";
            hints.add(e.getValue().size() + " columns hold years " + years + gaps + ": reshape: {from: wide, years: \"" + years + "\", value: "
                    + (stub.isEmpty() ? "<name>" : stub) + (pattern.equals("{year}") ? "" : ", columns: \"" + pattern + "\"") + "}");
        }
        Set<String> codes = new TreeSet<>();
        for (Column c : cols) {
            if (c.type().equals("text") && c.distinct() <= 3) {
                for (String e : c.examples()) if (!e.isEmpty() && e.codePoints().noneMatch(Character::isLetterOrDigit)) codes.add(e);
            }
        }
        if (!codes.isEmpty()) {
            hints.add("columns hold only " + codes.stream().map(x -> "'" + x + "'").reduce((a, b) -> a + ", " + b).orElse("")
                    + ": if that marks a missing value, set data.missing-codes: [" + codes.stream().map(x -> "\"" + x + "\"")
                    .reduce((a, b) -> a + ", " + b).orElse("") + "]");
        }
        for (Column c : cols) {
            if (c.firstText() != null) {
                hints.add("column '" + c.name() + "' has numbers and text (first text '" + c.firstText() + "'): if it marks a missing value,"
                        + " set data.missing-codes: [\"" + c.firstText() + "\"]");
            }
        }
        // long layout: a text column with few distinct names and a numeric column
        Column names = null;
        for (Column c : cols) {
            if (c.type().equals("text") && c.distinct() >= 2 && c.distinct() <= 200 && t.rows().size() >= 3 * c.distinct()) {
                if (names == null || c.distinct() < names.distinct()) names = c;
            }
        }
        Column values = null;
        for (Column c : cols) if (c.type().equals("number") && values == null) values = c;
        boolean wide = patterns.values().stream().anyMatch(v -> v.size() >= 3);
        if (!wide && names != null && values != null && cols.size() <= 8) {
            hints.add("if '" + names.name() + "' names the variables (" + String.join(", ", names.examples()) + ", ...): reshape: {from: long,"
                    + " names-from: " + names.name() + ", values-from: " + values.name() + "}");
        }
        return hints;
    }
}
