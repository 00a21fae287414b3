package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code critic}: composite index with CRITIC weights (Diakoulaki, Mavrotas and Papayannakis 1995; composite-index.md section 4.4). */
@Extension
public final class CriticWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "critic";
    }

    @Override
    public String description() {
        return "Composite index with CRITIC weights (contrast intensity x conflict between indicators)";
    }

    @Override
    WeightingRule rule() {
        return new Rules.Critic();
    }
}
