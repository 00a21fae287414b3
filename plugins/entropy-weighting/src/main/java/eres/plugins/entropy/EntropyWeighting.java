package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code entropy}: composite index with entropy weights (composite-index.md section 4.3). */
@Extension
public final class EntropyWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "entropy";
    }

    @Override
    public String description() {
        return "Composite index with entropy weights (objective; needs min-max with a positive shift)";
    }

    @Override
    WeightingRule rule() {
        return new Rules.Entropy();
    }
}
