package eres.core.testing;

import eres.core.exec.PoolParallelism;
import eres.api.spatial.Weights;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link StepContext} for plugin unit tests. */
public final class TestContext implements StepContext {
    private final Panel panel;
    private final long seed;
    private final Parallelism parallelism;
    private Geography geography = Geography.EMPTY;
    private final Map<String, SpatialWeights> weights = new HashMap<>();
    private final Map<String, StepResult> previous = new HashMap<>();
    private String group;

    public TestContext(Panel panel, long seed, int threads) {
        this.panel = panel;
        this.seed = seed;
        this.parallelism = new PoolParallelism(threads);
    }

    public TestContext(Panel panel) {
        this(panel, 1L, 1);
    }

    public TestContext geography(Geography g) {
        this.geography = g;
        return this;
    }

    public TestContext weights(String name, SpatialWeights w) {
        weights.put(name, w);
        return this;
    }

    public TestContext previous(String id, StepResult r) {
        previous.put(id, r);
        return this;
    }

    public TestContext group(String g) {
        this.group = g;
        return this;
    }

    @Override
    public String stepId() {
        return "test";
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
        return ProgressReporter.SILENT;
    }

    @Override
    public Geography geography() {
        return geography;
    }

    @Override
    public SpatialWeights weights(String name) {
        SpatialWeights w = weights.get(name);
        if (w == null) throw new SpecException("weights", "no weights " + name);
        return Weights.restrict(w, panel.entities(), group == null ? null : "group " + group);
    }

    @Override
    public StepResult previous(String stepId) {
        StepResult r = previous.get(stepId);
        if (r == null) throw new SpecException("previous", "no step " + stepId);
        return r;
    }
}
