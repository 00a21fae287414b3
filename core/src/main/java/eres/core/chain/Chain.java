package eres.core.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import eres.core.io.DataSpec;
import java.util.List;

/**
 * A chain file: data, transforms, steps, report. See docs/chain-reference.md.
 *
 * @param seed  master seed (the command line's {@code --seed} overrides it)
 * @param sweep the {@code sweep:} block (specification sweeps, docs/multiverse.md), kept as written and
 *              read by {@code eres.core.sweep.SweepSpec}; {@code null} for an ordinary chain. The runner
 *              ignores it: a sweep's specifications are chains without it.
 */
public record Chain(@JsonProperty("name") String name,
                    @JsonProperty("title") String title,
                    @JsonProperty("description") String description,
                    @JsonProperty("seed") Long seed,
                    @JsonProperty("data") DataSpec data,
                    @JsonProperty("transforms") List<JsonNode> transforms,
                    @JsonProperty("weights") java.util.Map<String, JsonNode> weights,
                    @JsonProperty("steps") List<StepSpec> steps,
                    @JsonProperty("report") ReportSpec report,
                    @JsonProperty("sweep") JsonNode sweep) {
    public Chain {
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
        weights = weights == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (report == null) report = new ReportSpec(null, null, null);
        if (sweep != null && sweep.isNull()) sweep = null;
    }
}
