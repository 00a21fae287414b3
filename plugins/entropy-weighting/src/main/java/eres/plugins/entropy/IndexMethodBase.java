package eres.plugins.entropy;

import eres.core.index.CompositeIndex;
import eres.core.index.IndexParameters;
import eres.core.index.WeightingRule;
import eres.spi.IndexMethod;
import eres.spi.StepContext;
import eres.spi.result.StepResult;

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
