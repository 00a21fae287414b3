package eres.plugins.entropy;

import eres.api.index.CompositeIndex;
import eres.api.index.IndexParameters;
import eres.api.index.WeightingRule;
import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;

/** An index method of this plugin: an id, a description and its weighting rule; {@link CompositeIndex} does the rest. */
abstract class IndexMethodBase implements IndexMethod<IndexParameters> {
    abstract WeightingRule rule();

    @Override
    public final Class<IndexParameters> parameterType() {
        return IndexParameters.class;
    }

    @Override
    public final StepResult run(IndexParameters p, StepContext context) {
        return CompositeIndex.run(id(), rule(), p, context);
    }
}
