package eres.api;

import eres.api.data.RawTable;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a data file into a {@link RawTable} of text cells; the engine types the columns and builds
 * the panel, so every reader gets the same missing-value and error handling.
 *
 * @param <P> reader options bound from the chain's {@code data:} block keys other than the engine's
 */
public interface DataReader<P> extends Extension<P> {
    /** Lower-case file extensions handled, without the dot, e.g. {@code csv}. */
    Set<String> fileExtensions();

    RawTable read(Path file, P options);

    /**
     * The tables a file holds, by name (an Excel workbook's sheets), for {@code eres inspect}; empty when
     * the file is one table.
     */
    default java.util.List<String> tables(Path file) {
        return java.util.List.of();
    }

    /** The 1-based row or line {@link #read} takes the column names from, when the reader chooses it (Excel). */
    default java.util.OptionalInt headerRow(Path file, P options) {
        return java.util.OptionalInt.empty();
    }

    /**
     * Variable labels the file carries (Stata's), by column name; empty when the format has none. They
     * become the columns' default display labels.
     */
    default java.util.Map<String, String> labels(Path file, P options) {
        return java.util.Map.of();
    }

    @Override
    default ExtensionKind kind() {
        return ExtensionKind.READER;
    }
}
