package eres.core.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import eres.api.SpecException;
import java.util.List;
import java.util.Map;

/**
 * The chain's {@code report:} block.
 *
 * @param formats  report writer ids (default: markdown)
 * @param tables   no longer here: tables are the chain's top-level {@code tables:} blocks (an error says so)
 * @param options  per writer id, the writer's options (bound to its parameter record), e.g.
 *                 {@code options: {docx: {font-size: 9}}}
 * @param language language of generated table text (notes, statistics and test names): {@code en}
 *                 (default) or {@code zh}
 * @param layout   {@code steps} (default: every step's output in chain order, the {@code tables:} blocks
 *                 after them) or {@code paper} (the {@code tables:} blocks first, the steps' output after
 *                 them as an appendix)
 */
public record ReportSpec(@JsonProperty("formats") List<String> formats,
                         @JsonProperty("title") String title,
                         @JsonProperty("tables") com.fasterxml.jackson.databind.JsonNode tables,
                         @JsonProperty("options") Map<String, com.fasterxml.jackson.databind.JsonNode> options,
                         @JsonProperty("language") String language,
                         @JsonProperty("layout") String layout) {
    public ReportSpec {
        formats = formats == null ? List.of("markdown") : List.copyOf(formats);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        if (tables != null && !tables.isNull()) {
            throw new SpecException("report.tables", "tables are now blocks at the top level of the chain ('tables:' beside 'steps:'),"
                    + " with columns, rows, statistics and format; see docs/tables.md");
        }
        if (language == null) language = "en";
        if (eres.api.table.Language.parse(language) == null) {
            throw new SpecException("report.language", "'" + language + "' is not a supported language (en or zh)");
        }
        language = eres.api.table.Language.parse(language).code();
        if (layout == null) layout = "steps";
        if (!layout.equals("steps") && !layout.equals("paper")) {
            throw new SpecException("report.layout", "'" + layout + "' is not a layout; layouts: steps (the default), paper");
        }
    }

    public ReportSpec(List<String> formats, String title) {
        this(formats, title, null, null, null, null);
    }

    /** True for {@code layout: paper}: the tables blocks first, the steps' output after them. */
    public boolean tablesFirst() {
        return layout.equals("paper");
    }

}
