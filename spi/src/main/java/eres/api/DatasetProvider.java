package eres.api;

import eres.api.data.Geography;
import eres.api.data.ProvidedDataset;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * A named dataset a chain can start from: {@code data: {source: <id>}} (or one of the
 * {@link #aliases()}). The provider returns the data as text cells with its provenance and, where it
 * knows them, the entities' geography; the engine types the columns and builds the panel exactly as
 * for a data file, so missing values and errors behave the same. The chain's other {@code data:}
 * keys (those the engine does not use: entity, time, group, variables, missing, format, reshape) bind
 * to the provider's option record {@code P}, strictly.
 *
 * <p>A provider that knows a geography (coordinates, boundaries) may also offer it for data files whose
 * entities it recognises ({@link #geography(Collection)}), so that a user's own yearbook file of the
 * same provinces gets maps and distance weights.
 *
 * @param <P> options from the chain's {@code data:} block
 */
public interface DatasetProvider<P> extends Extension<P> {
    /** Other names a chain may use for this dataset (e.g. an older name). */
    default Set<String> aliases() {
        return Set.of();
    }

    /** The dataset, built or read now. */
    ProvidedDataset load(P options);

    /**
     * The geography of {@code entities} if this provider knows every one of them (e.g. they are all
     * province codes), for data files; empty otherwise.
     */
    default Optional<Geography> geography(Collection<String> entities) {
        return Optional.empty();
    }

    @Override
    default ExtensionKind kind() {
        return ExtensionKind.DATASET;
    }
}
