package eres.api.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The random streams of one step run, injectable ({@code @Inject RandomStreams}): one independent
 * generator per replication index, all derived from the step's seed, so results never depend on the
 * thread count or on which replications ran first (see {@link Seeds}).
 */
public interface RandomStreams {
    /** The step's seed (record it in results together with {@link #algorithm()}). */
    long seed();

    /** The generator of replication {@code index} ({@code Seeds.generator(seed(), index)}). */
    default UniformRandomProvider stream(long index) {
        return Seeds.generator(seed(), index);
    }

    /** Independent streams for a named part of the step (e.g. one of several bootstraps). */
    default RandomStreams child(String name) {
        return of(Seeds.derive(seed(), name));
    }

    /** {@link Seeds#ALGORITHM}. */
    default String algorithm() {
        return Seeds.ALGORITHM;
    }

    /** Streams derived from {@code seed} (the runner passes the step's seed; tests may pass any). */
    static RandomStreams of(long seed) {
        return () -> seed;
    }
}
