package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code cv}: composite index with coefficient-of-variation weights (composite-index.md section 4.5). */
@Extension
public final class CvWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "cv";
    }

    @Override
    public String description() {
        return "Composite index with coefficient-of-variation weights (sd / mean of the normalised indicators)";
    }

    @Override
    WeightingRule rule() {
        return new Rules.CoefficientOfVariation();
    }
}
