package eres.plugins.sdm;

import org.pf4j.Extension;

/** {@code sem}: Spatial error (SEM) panel with fixed effects by ML, Lee-Yu transformation or correction, tests. See {@link SpatialEstimator} and docs/methods/sdm.md. */
@Extension
public final class SemEstimator extends SpatialEstimator {
    @Override
    String model() {
        return "sem";
    }

    @Override
    public String description() {
        return "Spatial error (SEM) panel with fixed effects by ML, Lee-Yu transformation or correction, tests";
    }
}
