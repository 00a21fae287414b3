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

    @Override
    default ExtensionKind kind() {
        return ExtensionKind.READER;
    }
}
