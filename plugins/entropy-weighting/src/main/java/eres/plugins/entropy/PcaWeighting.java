package eres.plugins.entropy;

import eres.api.index.WeightingRule;
import org.pf4j.Extension;

/** {@code pca}: principal-component index (composite-index.md section 4.8). */
@Extension
public final class PcaWeighting extends IndexMethodBase {
    @Override
    public String id() {
        return "pca";
    }

    @Override
    public String description() {
        return "Composite index from principal components (variance-weighted kept components; implied weights reported)";
    }

    @Override
    WeightingRule rule() {
        return new PrincipalComponents();
    }
}
