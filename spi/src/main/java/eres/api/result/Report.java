package eres.api.result;

import java.util.List;
import java.util.Map;

/**
 * What report writers render: the run's title, provenance (data hash, seed, plugin versions ...),
 * and per step and group the tables and figures, in chain order. {@code combined} holds tables
 * assembled across steps (e.g. one regression table with a column per region).
 *
 * @param notices    shown at the top of the report (the synthetic-data notice first)
 * @param fileNotice a short line every table file and figure file carries on its own (e.g. "SYNTHETIC DATA
 *                   ..."), so that a table pasted elsewhere keeps it; null when there is none
 * @param language   language of the report's generated words, {@code en} or {@code zh}
 * @param tablesFirst document writers put the {@code combined} tables first and the steps' own output after
 *                   them, as an appendix (the chain's {@code report: {layout: paper}}); otherwise the steps come
 *                   first in chain order and the combined tables last
 */
public record Report(String title, Map<String, Object> provenance, List<Entry> entries, List<Table> combined,
                     List<String> notices, String fileNotice, String language, boolean tablesFirst) {
    public Report {
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        entries = List.copyOf(entries);
        combined = List.copyOf(combined);
        notices = List.copyOf(notices);
        if (language == null) language = "en";
    }

    /** A report with the steps first and the combined tables last. */
    public Report(String title, Map<String, Object> provenance, List<Entry> entries, List<Table> combined,
                  List<String> notices, String fileNotice, String language) {
        this(title, provenance, entries, combined, notices, fileNotice, language, false);
    }

    /** A report in English without a file notice. */
    public Report(String title, Map<String, Object> provenance, List<Entry> entries, List<Table> combined, List<String> notices) {
        this(title, provenance, entries, combined, notices, null, "en");
    }

    /** Whether the generated words are Chinese. */
    public boolean chinese() {
        return language.equals("zh");
    }

    /** One step (for one group, or {@code group == null}). {@code figurePaths} are relative to the output dir. */
    public record Entry(String stepId, String use, String group, String title, List<Table> tables, List<Figure> figures,
                        List<String> figurePaths, List<Warning> warnings, String error) {
        public Entry {
            tables = List.copyOf(tables);
            figures = List.copyOf(figures);
            figurePaths = List.copyOf(figurePaths);
            warnings = List.copyOf(warnings);
        }
    }
}
