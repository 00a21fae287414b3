package eres.api;

/**
 * The run's master seed and the derivation every component uses, injectable with
 * {@code @Inject SeedSource}. A step's own seed is {@link StepContext#seed()}
 * ({@code derive(stepId)}, then {@code derive(group)} for per-group runs).
 */
public interface SeedSource {
    /** The master seed of the run (the chain's {@code seed:} or {@code --seed}). */
    long master();

    /** A child seed of {@code parent} for a named part, stable across runs, JVMs and thread counts. */
    long derive(long parent, String name);

    /** {@code derive(master(), name)}. */
    default long derive(String name) {
        return derive(master(), name);
    }
}
