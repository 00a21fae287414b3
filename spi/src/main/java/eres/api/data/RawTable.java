package eres.api.data;

import java.util.List;

/**
 * A data file as read, before typing: column names and rows of text cells ({@code null} or empty =
 * missing). {@code lineNumbers[i]} locates row {@code i} in the source for error messages, in the
 * unit {@code lineWord} ("line" for text files, "row" for spreadsheets).
 */
public record RawTable(String source, List<String> columns, List<String[]> rows, int[] lineNumbers,
                       String lineWord) {
    public RawTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        lineNumbers = lineNumbers.clone();
        if (lineNumbers.length != rows.size()) {
            throw new IllegalArgumentException("lineNumbers must have one entry per row");
        }
    }

    @Override
    public int[] lineNumbers() {
        return lineNumbers.clone();
    }

    /** E.g. {@code "data.csv line 17"}. */
    public String locate(int row) {
        return source + " " + lineWord + " " + lineNumbers[row];
    }
}
