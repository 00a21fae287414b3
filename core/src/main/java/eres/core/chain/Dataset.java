package eres.core.chain;

import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.core.io.PanelJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The panel a chain starts from, with what is known about it.
 *
 * @param sha256     hash of the source bytes (of the sources' hashes for several sources)
 * @param synthetic  true for generated data (always labelled as such in outputs)
 * @param label      one line naming the data and its provenance
 * @param joins      what each join of {@code data.sources} did (empty for one source)
 * @param labels     variable labels the sources carry (Stata variable labels), by column
 */
public record Dataset(Panel panel, Geography geography, String source, String sha256, boolean synthetic, String label,
                      List<String> notes, List<PanelJoin.Report> joins, Map<String, String> labels) {
    public Dataset {
        notes = List.copyOf(notes);
        joins = joins == null ? List.of() : List.copyOf(joins);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    public Dataset(Panel panel, Geography geography, String source, String sha256, boolean synthetic, String label, List<String> notes) {
        this(panel, geography, source, sha256, synthetic, label, notes, List.of(), Map.of());
    }

    /** This dataset with {@code more} notes (e.g. what the transforms did) after its own. */
    public Dataset withNotes(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Dataset(panel, geography, source, sha256, synthetic, label, all, joins, labels);
    }

    /** This dataset with another geography (the chain's {@code geography:} block). */
    public Dataset withGeography(Geography g) {
        return new Dataset(panel, g, source, sha256, synthetic, label, notes, joins, labels);
    }
}
