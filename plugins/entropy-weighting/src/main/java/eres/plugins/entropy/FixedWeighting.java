package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code fixed-weights}: composite index with user-given weights, e.g. to reproduce a published weights table. */
@Extension
public final class FixedWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "fixed-weights";
    }

    @Override
    public String description() {
        return "Composite index with user-given weights (weights: per indicator, non-negative)";
    }

    @Override
    WeightingRule rule() {
        return new Rules.Fixed();
    }
}
