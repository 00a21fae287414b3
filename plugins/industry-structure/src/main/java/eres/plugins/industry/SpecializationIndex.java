package eres.plugins.industry;

import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;
import org.pf4j.Extension;

/** {@code specialization}: maximum location quotient over industries, {@code max_k (p_ik / P_k)} (composite-index.md section 6). */
@Extension
public final class SpecializationIndex implements IndexMethod<IndustryParameters> {
    @Override
    public String id() {
        return "specialization";
    }

    @Override
    public String description() {
        return "Industry specialization: maximum location quotient over industries (wide input)";
    }

    @Override
    public Class<IndustryParameters> parameterType() {
        return IndustryParameters.class;
    }

    @Override
    public StepResult run(IndustryParameters p, StepContext context) {
        return IndustryStructure.run(IndustryStructure.Kind.SPECIALIZATION, p, context.panel(), context.stepId());
    }
}
