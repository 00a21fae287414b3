package eres.core.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import eres.api.SpecException;
import eres.api.result.OutputNames;
import java.util.List;
import java.util.Map;

/**
 * The chain's {@code report:} block.
 *
 * @param formats report writer ids (default: markdown)
 * @param tables  tables combining several steps, one column per step (and group)
 * @param options per writer id, the writer's options (bound to its parameter record), e.g.
 *                {@code options: {docx: {font-size: 9}}}
 */
public record ReportSpec(@JsonProperty("formats") List<String> formats,
                         @JsonProperty("title") String title,
                         @JsonProperty("tables") List<CombinedTable> tables,
                         @JsonProperty("options") Map<String, com.fasterxml.jackson.databind.JsonNode> options) {
    public ReportSpec {
        formats = formats == null ? List.of("markdown") : List.copyOf(formats);
        tables = tables == null ? List.of() : List.copyOf(tables);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    public ReportSpec(List<String> formats, String title, List<CombinedTable> tables) {
        this(formats, title, tables, null);
    }

    /**
     * A regression table with one column per listed step (a per-group step contributes one column per group).
     *
     * @param terms  terms to show, in order (default: all)
     * @param labels display labels of terms
     * @param footer statistics to show under the coefficients, as {label: statistic-name}
     */
    public record CombinedTable(@JsonProperty("id") String id,
                                @JsonProperty("title") String title,
                                @JsonProperty("steps") List<String> steps,
                                @JsonProperty("terms") List<String> terms,
                                @JsonProperty("labels") Map<String, String> labels,
                                @JsonProperty("footer") Map<String, String> footer) {
        public CombinedTable {
            if (id == null || !OutputNames.isSafe(id)) throw new SpecException("report.tables.id", "must be a safe name, got '" + id + "'");
            if (steps == null || steps.isEmpty()) throw new SpecException("report.tables." + id + ".steps", "must list steps");
            steps = List.copyOf(steps);
            terms = terms == null ? List.of() : List.copyOf(terms);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            footer = footer == null ? null : new java.util.LinkedHashMap<>(footer);
        }
    }
}
