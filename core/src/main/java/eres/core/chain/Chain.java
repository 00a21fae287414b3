package eres.core.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import eres.core.io.DataSpec;
import java.util.List;

/**
 * A chain file: data, transforms, steps, tables, report. See docs/chain-reference.md.
 *
 * @param seed   master seed (the command line's {@code --seed} overrides it)
 * @param labels display labels of variables and terms for every table of the report
 * @param tables publication tables combining steps (docs/tables.md)
 * @param geography the entities' points and boundaries ({@code eres.core.geography.GeographySpec}), or null
 * @param sweep  the {@code sweep:} block (specification sweeps, docs/multiverse.md), kept as written and
 *               read by {@code eres.core.sweep.SweepSpec}; {@code null} for an ordinary chain. The runner
 *               ignores it: a sweep's specifications are chains without it.
 */
public record Chain(@JsonProperty("name") String name,
                    @JsonProperty("title") String title,
                    @JsonProperty("description") String description,
                    @JsonProperty("seed") Long seed,
                    @JsonProperty("data") DataSpec data,
                    @JsonProperty("transforms") List<JsonNode> transforms,
                    @JsonProperty("weights") java.util.Map<String, JsonNode> weights,
                    @JsonProperty("labels") java.util.Map<String, String> labels,
                    @JsonProperty("geography") JsonNode geography,
                    @JsonProperty("steps") List<StepSpec> steps,
                    @JsonProperty("tables") List<TableSpec> tables,
                    @JsonProperty("report") ReportSpec report,
                    @JsonProperty("sweep") JsonNode sweep) {
    public Chain {
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
        weights = weights == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        labels = labels == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        steps = steps == null ? List.of() : List.copyOf(steps);
        tables = tables == null ? List.of() : List.copyOf(tables);
        if (report == null) report = new ReportSpec(null, null);
        if (sweep != null && sweep.isNull()) sweep = null;
    }
}
