package eres.core.chain;

import eres.api.data.Panel;
import java.time.Instant;
import java.util.List;

/** Everything a finished run produced, before it is written. */
public record RunResult(Chain chain, ChainSource source, Dataset dataset, Panel finalPanel,
                        List<StepOutcome> outcomes, long seed, int threads, Instant started, Instant finished) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
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
