package eres.plugins.sdm;

import org.pf4j.Extension;

/** {@code sar}: Spatial lag (SAR) panel with fixed effects by ML, Lee-Yu transformation or correction, effects, tests. See {@link SpatialEstimator} and docs/methods/sdm.md. */
@Extension
public final class SarEstimator extends SpatialEstimator {
    @Override
    String model() {
        return "sar";
    }

    @Override
    public String description() {
        return "Spatial lag (SAR) panel with fixed effects by ML, Lee-Yu transformation or correction, effects, tests";
    }
}
