package eres.core.io;

import eres.api.DataException;
import eres.api.Limits;
import java.util.Locale;

/**
 * Checks a table's expected size against the heap before its columns are filled, so that a file
 * too large for the JVM fails at once with the figure to set, not after minutes with an
 * {@code OutOfMemoryError}. The expected rows come from the file size and the mean width of the first
 * rows; the bytes per row from the column types (8 per numeric cell, 4 per text cell as a reference
 * to a shared string, 12 for the entity code, period and period code) plus 8 for sorting and
 * listwise deletion.
 */
public final class HeapBudget implements CsvReader.HeapCheck {
    /** Expected rows above the limit by more than this factor fail before reading on. */
    private static final double ESTIMATE_SLACK = 1.1;

    @Override
    public int check(String source, long fileBytes, int rowsSoFar, long bytesSoFar, int numericColumns, int textColumns) {
        if (fileBytes <= 0 || rowsSoFar == 0 || bytesSoFar == 0) return 0;
        double perRecord = (double) bytesSoFar / rowsSoFar;
        long rows = (long) Math.ceil(fileBytes / perRecord);
        if (rows > Limits.MAX_ROWS * ESTIMATE_SLACK) {
            throw new DataException(String.format(Locale.ROOT, "%s has about %,d rows (from its size), more than the limit of %,d rows",
                    source, rows, Limits.MAX_ROWS));
        }
        long need = rows * (8L * numericColumns + 4L * textColumns + 12 + 8);
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long available = rt.maxMemory() - used;
        if (need > available) throw tooLarge(source, rows, numericColumns + textColumns + 2, need, rt.maxMemory(), used);
        return (int) Math.min(rows + rows / 20 + 16, Limits.MAX_ROWS + 1L);
    }

    static DataException tooLarge(String source, long rows, int columns, long need, long max, long used) {
        // room for the data, the estimation's working copies (about as much again) and what is in use
        long suggest = (long) Math.ceil((used + 2.5 * need) / (double) (1L << 30));
        return new DataException(String.format(Locale.ROOT, "%s: about %,d rows x %d columns need about %s of memory, more than the %s"
                        + " the JVM may use; run with more, e.g. ERES_JAVA_OPTS=-Xmx%dg (see docs/errors-and-limits.md)",
                source, rows, columns, size(need), size(max - used), Math.max(suggest, 1)));
    }

    /** A byte count for messages: "1.4 GB", "350 MB". */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }
}
