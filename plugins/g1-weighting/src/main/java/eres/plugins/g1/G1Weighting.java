package eres.plugins.g1;

import eres.api.index.CompositeIndex;
import eres.api.index.IndexParameters;
import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;
import org.pf4j.Extension;

/**
 * {@code g1}: composite index with order-relation (G1) weights from an expert ranking and ratios
 * (composite-index.md section 4.1). Reference: Guo Yajun (2002), Comprehensive Evaluation: Theory and
 * Methods (in Chinese), Science Press, Beijing; see docs/methods/composite-index.md.
 */
@Extension
public final class G1Weighting implements IndexMethod<IndexParameters> {
    @Override
    public String id() {
        return "g1";
    }

    @Override
    public String description() {
        return "Composite index with G1 (order-relation analysis) weights from an expert order and ratios";
    }

    @Override
    public Class<IndexParameters> parameterType() {
        return IndexParameters.class;
    }

    @Override
    public StepResult run(IndexParameters p, StepContext context) {
        return CompositeIndex.run(id(), new G1Rule(false), p, context);
    }
}
