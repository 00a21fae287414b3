package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code equal}: composite index with equal weights (composite-index.md section 4.7). */
@Extension
public final class EqualWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "equal";
    }

    @Override
    public String description() {
        return "Composite index with equal weights (1/m per level)";
    }

    @Override
    WeightingRule rule() {
        return new Rules.Equal();
    }
}
