package eres.plugins.industry;

import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;
import org.pf4j.Extension;

/** {@code diversification}: Shannon entropy of employment shares over industries, {@code -sum_k p_k ln p_k} (composite-index.md section 6). */
@Extension
public final class DiversificationIndex implements IndexMethod<IndustryParameters> {
    @Override
    public String id() {
        return "diversification";
    }

    @Override
    public String description() {
        return "Industry diversification: Shannon entropy of employment shares (wide input, one column per industry)";
    }

    @Override
    public Class<IndustryParameters> parameterType() {
        return IndustryParameters.class;
    }

    @Override
    public StepResult run(IndustryParameters p, StepContext context) {
        return IndustryStructure.run(IndustryStructure.Kind.DIVERSIFICATION, p, context.panel(), context.stepId());
    }
}
