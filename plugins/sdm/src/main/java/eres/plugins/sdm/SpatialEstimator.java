package eres.plugins.sdm;

import eres.api.Estimator;
import eres.api.StepContext;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;

/**
 * The four spatial panel estimators share this run: arrange the panel ({@link SpatialPanel}), estimate
 * ({@link SpatialModel#fit} to typed {@link SpatialResults}), present ({@link SpatialReport#build}).
 * Subclasses only name their model.
 */
abstract class SpatialEstimator implements Estimator<SpatialParameters> {
    /** sdm, sar, sem or slx. */
    abstract String model();

    @Override
    public String id() {
        return model();
    }

    @Override
    public Class<SpatialParameters> parameterType() {
        return SpatialParameters.class;
    }

    @Override
    public StepResult run(SpatialParameters p, StepContext context) {
        SpatialWeights w = context.weights(p.weights());
        SpatialPanel d = new SpatialPanel(context.panel(), p.y(), p.x(), p.durbin(), w, p.effects().effects());
        SpatialResults r = fit(p, d, context);
        return SpatialReport.build(p, r);
    }

    SpatialResults fit(SpatialParameters p, SpatialPanel d, StepContext context) {
        return SpatialModel.fit(model(), p, d, new SpatialModel.Environment(context.seed(), context.parallelism(), context.progress()));
    }
}
