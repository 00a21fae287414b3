package eres.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link eres.api.DatasetProvider} returns.
 *
 * @param table       the data as text cells (long: one row per entity and period)
 * @param entity      default entity column (a chain's {@code data.entity} overrides it)
 * @param time        default time column
 * @param group       default group column, or {@code null}
 * @param geography   the entities' geography ({@link Geography#EMPTY} if none)
 * @param source      where the data came from, recorded in {@code run.json} (e.g. {@code embedded:nbs/panel.csv})
 * @param sha256      SHA-256 (hex) of the source bytes, so that {@code eres rerun} can tell whether the data changed
 * @param synthetic   true for generated data: every output then says so
 * @param label       one line naming the data and its provenance
 * @param notes       lines for {@code run.json}'s data notes
 * @param attachments named texts that belong with the data (e.g. {@code truth.json}, the parameters a
 *                    simulation planted), written by {@code eres simulate}
 */
public record ProvidedDataset(RawTable table, String entity, String time, String group, Geography geography, String source,
                              String sha256, boolean synthetic, String label, List<String> notes, Map<String, String> attachments) {
    public ProvidedDataset {
        if (table == null || entity == null || time == null || source == null || sha256 == null || label == null) {
            throw new IllegalArgumentException("table, entity, time, source, sha256 and label are required");
        }
        geography = geography == null ? Geography.EMPTY : geography;
        notes = notes == null ? List.of() : List.copyOf(notes);
        attachments = attachments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
    }
}
