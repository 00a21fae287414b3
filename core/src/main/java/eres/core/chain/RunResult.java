package eres.core.chain;

import eres.spi.data.Panel;
import java.time.Instant;
import java.util.List;

/** Everything a finished run produced, before it is written. */
public record RunResult(Chain chain, String chainSource, String chainSha256, Dataset dataset, Panel finalPanel,
                        List<StepOutcome> outcomes, long seed, int threads, Instant started, Instant finished) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean anyFailed() {
        return outcomes.stream().anyMatch(StepOutcome::failed);
    }
}
