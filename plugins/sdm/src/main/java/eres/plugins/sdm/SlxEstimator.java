package eres.plugins.sdm;

import org.pf4j.Extension;

/** {@code slx}: SLX panel (X and WX) with fixed effects by OLS, effects, tests. See {@link SpatialEstimator} and docs/methods/sdm.md. */
@Extension
public final class SlxEstimator extends SpatialEstimator {
    @Override
    String model() {
        return "slx";
    }

    @Override
    public String description() {
        return "SLX panel (X and WX) with fixed effects by OLS, effects, tests";
    }
}
