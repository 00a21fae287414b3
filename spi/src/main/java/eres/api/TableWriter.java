package eres.api;

import eres.api.result.OutputSink;
import eres.api.table.DataTable;

/**
 * Writes a typed {@link DataTable} in a machine-readable format (e.g. Parquet) into a run's output
 * directory. A writer extension (listed by {@code eres plugins} with the report writers), but not a
 * report format: a sweep asks for it by id.
 *
 * @param <P> writer options
 */
public interface TableWriter<P> extends Extension<P> {
    /** The file extension of what {@link #write} produces, without the dot ({@code parquet}). */
    String fileExtension();

    /** Writes {@code table} to {@code path} (relative, in the output directory) through {@code sink}. */
    void write(DataTable table, P options, OutputSink sink, String path);

    @Override
    default ExtensionKind kind() {
        return ExtensionKind.WRITER;
    }
}
