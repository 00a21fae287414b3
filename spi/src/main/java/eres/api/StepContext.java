package eres.api;

import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.data.WeightsRef;
import eres.api.result.StepResult;
import java.util.Optional;

/** Everything a step may read while it runs. */
public interface StepContext {
    /** The step id from the chain. */
    String stepId();

    /** The group label when the step runs once per group ({@code by:}), else empty. */
    Optional<String> group();

    /** The panel as it stands at this step (the group's rows when run per group). */
    Panel panel();

    /**
     * This step's seed, derived from the run's master seed, the step id and the group, so that adding
     * a step or a group does not change the others. Derive per-replication seeds from it with
     * {@code eres.api.random.Seeds}.
     */
    long seed();

    /**
     * This step run's worker pool: cancelled with the step, so its tasks stop at the next index once
     * the runner cancels (the same instance a constructor gets with {@code @Inject Parallelism}).
     */
    Parallelism parallelism();

    /** This step run's progress reporter; its tasks' {@code advance} also checks for cancellation. */
    ProgressReporter progress();

    /**
     * Throws {@link CancelledException} once the runner has cancelled this step run (time limit
     * exceeded, run interrupted). Long loops call it now and then (every replication, every
     * candidate); the step's {@link #parallelism()} and {@link #progress()} tasks call it for you.
     */
    default void checkCancelled() {
    }

    /** True once this step run has been cancelled (for loops that prefer to stop without throwing). */
    default boolean cancelled() {
        return false;
    }

    /** Coordinates and boundaries of the panel's entities (may be empty). */
    Geography geography();

    /**
     * The spatial weights declared under the chain's {@code weights:} block, restricted and ordered
     * to the entities of {@link #panel()}. When the declared weights are row-standardised and the step
     * sees a subset of units (a {@code by:} group), the restricted matrix is row-standardised again;
     * a unit left without neighbours is then a {@code DataException} naming it.
     *
     * @throws SpecException if no weights of that name are declared
     */
    SpatialWeights weights(String name);

    /** {@link #weights(String)} for a parameter of type {@link WeightsRef} (checked when the chain was bound). */
    default SpatialWeights weights(WeightsRef ref) {
        return weights(ref.name());
    }

    /**
     * The result of an earlier step (for the same group when this step runs per group). The result of an
     * earlier per-group step for one group is also available as {@code id--group}.
     *
     * @throws SpecException if there is no such earlier step
     */
    StepResult previous(String stepId);
}
