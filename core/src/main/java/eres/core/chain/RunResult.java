package eres.core.chain;

import eres.api.data.Panel;
import java.time.Instant;
import java.util.List;

/**
 * Everything a finished run produced, before it is written.
 *
 * @param warnings run-level warnings (e.g. rows left out of {@code by:} groups), shown in the run
 *                 summary, {@code run.json} and the report's notices
 */
public record RunResult(Chain chain, ChainSource source, Dataset dataset, Panel finalPanel,
                        List<StepOutcome> outcomes, long seed, int threads, Instant started, Instant finished, List<String> warnings) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public RunResult(Chain chain, ChainSource source, Dataset dataset, Panel finalPanel, List<StepOutcome> outcomes, long seed,
                     int threads, Instant started, Instant finished) {
        this(chain, source, dataset, finalPanel, outcomes, seed, threads, started, finished, List.of());
    }

    /** Where the chain came from (file path or builtin:name). */
    public String chainSource() {
        return source.origin();
    }

    public String chainSha256() {
        return source.sha256();
    }

    public boolean anyFailed() {
        return outcomes.stream().anyMatch(StepOutcome::failed);
    }
}
