package eres.plugins.industry;

import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;
import org.pf4j.Extension;

/** {@code hhi}: Herfindahl-Hirschman concentration of employment shares, {@code sum_k p_k^2}. */
@Extension
public final class HerfindahlIndex implements IndexMethod<IndustryParameters> {
    @Override
    public String id() {
        return "hhi";
    }

    @Override
    public String description() {
        return "Herfindahl-Hirschman index of employment shares over industries (wide input)";
    }

    @Override
    public Class<IndustryParameters> parameterType() {
        return IndustryParameters.class;
    }

    @Override
    public StepResult run(IndustryParameters p, StepContext context) {
        return IndustryStructure.run(IndustryStructure.Kind.HHI, p, context.panel(), context.stepId());
    }
}
