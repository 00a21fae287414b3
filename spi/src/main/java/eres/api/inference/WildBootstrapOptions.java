package eres.api.inference;

import eres.api.SpecException;

/**
 * The chain option {@code wild-bootstrap: {reps: 9999, weights: webb}}: run the restricted wild cluster
 * bootstrap ({@link WildClusterBootstrap}) for the coefficients of interest, clustered as the standard
 * errors (the entity by default). Webb weights are the default (Webb 2023 recommends them for fewer than
 * about 12 clusters, where Rademacher has at most 2^G distinct draws).
 */
public record WildBootstrapOptions(Integer reps, WildClusterBootstrap.Weights weights) {
    public WildBootstrapOptions {
        reps = reps == null ? 9999 : reps;
        weights = weights == null ? WildClusterBootstrap.Weights.WEBB : weights;
        if (reps < 99 || reps > 1_000_000) throw new SpecException("wild-bootstrap.reps", "must be 99..1000000, got " + reps);
    }

    public WildClusterBootstrap.Spec spec(double level, long seed) {
        return new WildClusterBootstrap.Spec(reps, weights, level, seed);
    }
}
