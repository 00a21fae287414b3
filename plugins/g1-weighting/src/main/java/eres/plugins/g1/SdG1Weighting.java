package eres.plugins.g1;

import eres.api.index.CompositeIndex;
import eres.api.index.IndexParameters;
import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;
import org.pf4j.Extension;

/**
 * {@code g1-sd}: composite index with standard-deviation-modified G1 weights, the study's method for
 * its economic-resilience index (composite-index.md section 4.2; Li, Li &amp; Sun 2017, Management Review
 * 29(12): 17-26). The paper was not available to us: the default {@code multiplicative} variant and the
 * alternatives are documented in docs/methods/composite-index.md and printed with the weights.
 */
@Extension
public final class SdG1Weighting implements IndexMethod<IndexParameters> {
    @Override
    public String id() {
        return "g1-sd";
    }

    @Override
    public String description() {
        return "Composite index with standard-deviation-modified G1 weights (SD-G1: expert G1 x data standard deviations)";
    }

    @Override
    public Class<IndexParameters> parameterType() {
        return IndexParameters.class;
    }

    @Override
    public StepResult run(IndexParameters p, StepContext context) {
        return CompositeIndex.run(id(), new G1Rule(true), p, context);
    }
}
