package eres.core.chain;

import eres.api.data.Geography;
import eres.api.data.Panel;

/**
 * The panel a chain starts from, with what is known about it.
 *
 * @param sha256     hash of the source bytes
 * @param synthetic  true for generated data (always labelled as such in outputs)
 * @param label      one line naming the data and its provenance
 */
public record Dataset(Panel panel, Geography geography, String source, String sha256, boolean synthetic, String label,
                      java.util.List<String> notes) {
    public Dataset {
        notes = java.util.List.copyOf(notes);
    }

    /** This dataset with {@code more} notes (e.g. what the transforms did) after its own. */
    public Dataset withNotes(java.util.List<String> more) {
        if (more.isEmpty()) return this;
        java.util.List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Dataset(panel, geography, source, sha256, synthetic, label, all);
    }
}
