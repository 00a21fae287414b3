package eres.core.chain;

import eres.api.spatial.Weights;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.Suggestions;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import java.util.Map;
import java.util.Optional;

/** The runner's {@link StepContext}. */
final class StepContextImpl implements StepContext {
    private final String stepId;
    private final String group;
    private final Panel panel;
    private final long seed;
    private final Parallelism parallelism;
    private final ProgressReporter progress;
    private final Geography geography;
    private final Map<String, SpatialWeights> weights;
    private final Map<String, StepResult> previous;
    private final eres.core.exec.CancelToken token;

    StepContextImpl(String stepId, String group, Panel panel, long seed, Parallelism parallelism, ProgressReporter progress,
                    Geography geography, Map<String, SpatialWeights> weights, Map<String, StepResult> previous,
                    eres.core.exec.CancelToken token) {
        this.token = token;
        this.stepId = stepId;
        this.group = group;
        this.panel = panel;
        this.seed = seed;
        this.parallelism = parallelism;
        this.progress = progress;
        this.geography = geography;
        this.weights = weights;
        this.previous = previous;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    @Override
    public Panel panel() {
        return panel;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Parallelism parallelism() {
        return parallelism;
    }

    @Override
    public ProgressReporter progress() {
        return progress;
    }

    @Override
    public void checkCancelled() {
        token.check();
    }

    @Override
    public boolean cancelled() {
        return token.cancelled();
    }

    /** The prefix of this run's output files, as {@link eres.core.report.RunWriter#entryKey} names them. */
    String outputPrefix() {
        return eres.core.report.RunWriter.entryKey(stepId, group);
    }

    @Override
    public Geography geography() {
        return geography;
    }

    @Override
    public SpatialWeights weights(String name) {
        SpatialWeights w = weights.get(name);
        if (w == null) {
            throw new SpecException("weights", "no spatial weights named '" + name + "'" + Suggestions.hint(name, weights.keySet())
                    + (weights.isEmpty() ? "; the chain declares none" : "; declared: " + String.join(", ", weights.keySet())));
        }
        return Weights.restrict(w, panel.entities(), group == null ? null : "group " + group);
    }

    @Override
    public StepResult previous(String id) {
        StepResult r = previous.get(id);
        if (r == null) {
            throw new SpecException("previous", "no earlier result of step '" + id + "'" + (group == null ? "" : " for group " + group)
                    + Suggestions.hint(id, previous.keySet()));
        }
        return r;
    }
}
