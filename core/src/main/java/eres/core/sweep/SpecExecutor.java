package eres.core.sweep;

import eres.api.DataException;
import eres.api.EresException;
import eres.api.SpecException;
import eres.core.chain.RunOptions;
import eres.core.chain.RunResult;
import eres.core.chain.Runner;
import eres.core.chain.StepOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one specification with the ordinary engine ({@link Runner}, one worker thread, the
 * specification's seed) and reads its row. Thread-safe: a sweep runs many specifications at once
 * through one executor.
 *
 * <p>A problem with the input (a substituted chain that does not bind, a sample filter naming a group
 * the data lack) stops the whole sweep with one line naming the specification; a step that fails
 * (a singular design, a timeout) makes a row with status {@code failed} and its error.
 */
public final class SpecExecutor {
    private final SweepPlan plan;
    private final Runner runner;
    private final DatasetCache cache;
    private final int stepTimeoutSeconds;

    public SpecExecutor(SweepPlan plan, Runner runner, DatasetCache cache, int stepTimeoutSeconds) {
        this.plan = plan;
        this.runner = runner;
        this.cache = cache;
        this.stepTimeoutSeconds = stepTimeoutSeconds;
    }

    public SweepPlan plan() {
        return plan;
    }

    /** Runs specification {@code n}. */
    public SweepRow run(long n) {
        SweepPlan.Resolved r = plan.resolve(n);
        RunOptions options = new RunOptions(null, r.seed(), 1, null, stepTimeoutSeconds);
        RunResult run;
        try {
            run = runner.run(r.chain(), r.source(), options, () -> cache.get(r.dataKey(), r.chain().data(), r.source().baseDir()));
        } catch (SpecException | DataException e) {
            throw new SpecException("sweep", "specification " + n + " (" + plan.coordinatesText(n) + "): " + e.getMessage());
        } catch (EresException e) {
            if (Thread.currentThread().isInterrupted()) throw e;
            return new SweepRow(n, r.seed(), "failed", e.getMessage(), Collections.nCopies(plan.spec().collect().size(), null), List.of(), null,
                    null);
        }
        List<Object> collected = Collector.collect(run, plan.spec().collect(), r.labels(), plan.stepIds());
        List<Object> values = new ArrayList<>(collected.size());
        List<String> missing = new ArrayList<>();
        List<String> names = new ArrayList<>(plan.spec().collect().keySet());
        for (int i = 0; i < collected.size(); i++) {
            Object v = collected.get(i);
            if (v instanceof Collector.Missing m) {
                missing.add(names.get(i) + ": " + m.why());
                values.add(null);
            } else {
                values.add(v);
            }
        }
        String error = null;
        for (StepOutcome o : run.outcomes()) {
            if (o.failed()) {
                error = "step '" + o.stepId() + "'" + (o.group() == null ? "" : " [" + o.group() + "]") + " failed: " + o.error();
                break;
            }
        }
        return new SweepRow(n, r.seed(), error == null ? "ok" : "failed", error, values, missing, kept(run),
                run.dataset().synthetic() ? run.dataset().label() : null);
    }

    /** The specification's own outputs named by {@code keep:}. */
    private Map<String, byte[]> kept(RunResult run) {
        java.util.Set<String> keep = plan.spec().keep();
        if (keep.isEmpty()) return null;
        Map<String, byte[]> out = new java.util.TreeMap<>();
        if (keep.contains("results")) {
            try {
                out.put("results.json", eres.core.report.Json.mapper().writeValueAsBytes(eres.core.report.RunWriter.resultsJson(run)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new EresException("cannot serialise results: " + e.getOriginalMessage(), e);
            }
        }
        if (keep.contains("files")) {
            for (StepOutcome o : run.outcomes()) {
                if (o.failed()) continue;
                for (eres.api.result.DataFile f : o.result().files()) {
                    out.put("files/" + eres.core.report.RunWriter.entryKey(o.stepId(), o.group()) + "-" + f.name(),
                            f.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** Map of collected name to path, for messages. */
    Map<String, String> collect() {
        return plan.spec().collect();
    }
}
