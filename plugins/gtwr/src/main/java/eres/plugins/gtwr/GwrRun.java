package eres.plugins.gtwr;

import eres.api.StepContext;
import eres.api.result.StepResult;

/** The shared body of the {@code gwr} and {@code gtwr} steps: data ({@link GwrData}), fit ({@link GwrModel}), presentation ({@link GwrReport}). */
final class GwrRun {
    private GwrRun() {
    }

    static StepResult run(GwrOptions o, StepContext ctx) {
        GwrData data = GwrData.from(ctx.panel(), o, ctx.geography());
        GwrModel.GwrResults results = GwrModel.fit(o, data, ctx.seed(), ctx.parallelism(), ctx.progress());
        return GwrReport.build(o, data, results, ctx.geography());
    }
}
