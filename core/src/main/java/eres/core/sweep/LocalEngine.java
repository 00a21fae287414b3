package eres.core.sweep;

import java.util.List;

/** The built-in engine: {@link LocalSweep} over this JVM's threads. */
public final class LocalEngine implements SweepEngine {
    private final SpecExecutor executor;

    public LocalEngine(SpecExecutor executor) {
        this.executor = executor;
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public List<SweepRow> run(SweepJob job, SweepPlan plan, List<Long> todo, Journal journal, SweepProgress progress) {
        return LocalSweep.run(executor, todo, job.threads(), journal, progress);
    }
}
