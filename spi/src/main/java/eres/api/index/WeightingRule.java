package eres.api.index;

import java.util.Set;

/**
 * A weighting method of a composite index (G1, SD-G1, entropy, CRITIC ...). Implemented by the index
 * plugins; {@link CompositeIndex} does the rest (normalisation, hierarchy, score, tables, columns), so
 * every method shares the parameter shape {@link IndexParameters} and the output layout.
 */
public interface WeightingRule {
    /** The method's name as printed (e.g. {@code Entropy weight method}). */
    String label();

    /** The method-specific keys of {@link IndexParameters} the rule reads (see {@link IndexParameters#METHOD_KEYS}). */
    Set<String> reads();

    /**
     * Checks parameter combinations the method cannot use (e.g. entropy with z-scores or shift 0),
     * before any data is read.
     *
     * @throws eres.api.SpecException naming the parameter
     */
    default void check(IndexParameters p) {
    }

    /** Whether the rule defines a hierarchical (layer-level) weighting; PCA does not. */
    default boolean supportsHierarchy() {
        return true;
    }

    /**
     * The weights of the level's columns.
     *
     * @param level the data (not modified)
     * @throws eres.api.EstimationException when the weights are undefined for these data
     */
    Weighting weigh(Level level, IndexParameters p);
}
