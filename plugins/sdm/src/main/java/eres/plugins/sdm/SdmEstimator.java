package eres.plugins.sdm;

import org.pf4j.Extension;

/** {@code sdm}: Spatial Durbin model (SDM) panel with fixed effects by ML: rho, beta, theta, Lee-Yu transformation or correction, effects, tests. See {@link SpatialEstimator} and docs/methods/sdm.md. */
@Extension
public final class SdmEstimator extends SpatialEstimator {
    @Override
    String model() {
        return "sdm";
    }

    @Override
    public String description() {
        return "Spatial Durbin model (SDM) panel with fixed effects by ML: rho, beta, theta, Lee-Yu transformation or correction, effects, tests";
    }
}
