package eres.plugins.industry;

import eres.api.IndexMethod;
import eres.api.StepContext;
import eres.api.result.StepResult;
import org.pf4j.Extension;

/** {@code krugman}: Krugman specialisation (dissimilarity) index, {@code sum_k |p_ik - P_k|} (Krugman 1991, Geography and Trade). */
@Extension
public final class KrugmanIndex implements IndexMethod<IndustryParameters> {
    @Override
    public String id() {
        return "krugman";
    }

    @Override
    public String description() {
        return "Krugman specialization index: sum of absolute share differences from the reference structure (wide input)";
    }

    @Override
    public Class<IndustryParameters> parameterType() {
        return IndustryParameters.class;
    }

    @Override
    public StepResult run(IndustryParameters p, StepContext context) {
        return IndustryStructure.run(IndustryStructure.Kind.KRUGMAN, p, context.panel(), context.stepId());
    }
}
