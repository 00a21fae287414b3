package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code sd}: composite index with standard-deviation weights (composite-index.md section 4.6). */
@Extension
public final class SdWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "sd";
    }

    @Override
    public String description() {
        return "Composite index with standard-deviation (mean-square-deviation) weights";
    }

    @Override
    WeightingRule rule() {
        return new Rules.StandardDeviation();
    }
}
