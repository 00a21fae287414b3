package eres.plugins.panelfe;

import eres.api.stats.Descriptives;
import eres.api.table.Formats;
import eres.api.Estimator;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Descriptive statistics with Stata {@code summarize} conventions (the study's Table 2): Obs
 * (non-missing), mean, standard deviation (n - 1), min, max, per variable in the given order.
 */
@Extension
public final class DescribeEstimator implements Estimator<DescribeEstimator.Parameters> {

    /** Parameters of {@code describe}. */
    public record Parameters(
            @Param(value = "variables to summarise, in table order", required = true) List<String> vars,
            @Param(value = "display labels (variable -> label)", defaultValue = "{}") Map<String, String> labels,
            @Param(value = "decimals in the table", defaultValue = "3") Integer decimals) {
        public Parameters {
            if (vars == null || vars.isEmpty()) throw new SpecException("vars", "needs at least one variable");
            vars = List.copyOf(vars);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            decimals = decimals == null ? 3 : decimals;
            if (decimals < 0 || decimals > 12) throw new SpecException("decimals", "must be 0..12, got " + decimals);
        }
    }

    /** One variable's summary (a row of Table 2). */
    public record Summary(String variable, String label, long obs, double mean, double sd, double min, double max) {
    }

    @Override
    public String id() {
        return "describe";
    }

    @Override
    public String description() {
        return "Descriptive statistics: Obs, mean, sd, min, max (Stata summarize)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        Panel panel = context.panel();
        panel.requireNumeric(p.vars());
        List<Summary> rows = new ArrayList<>();
        Table.Builder t = Table.builder("descriptives", "Descriptive statistics").stub("Variable")
                .columns("Symbol", "Obs", "Mean", "Std. dev.", "Min", "Max");
        for (String v : p.vars()) {
            Descriptives d = Descriptives.of(panel.column(v));
            String label = p.labels().getOrDefault(v, v);
            rows.add(new Summary(v, label, d.obs(), d.mean(), d.sd(), d.min(), d.max()));
            int k = p.decimals();
            t.row(label, v, Formats.count(d.obs()), Formats.fixed(d.mean(), k), Formats.fixed(d.sd(), k),
                    Formats.fixed(d.min(), k), Formats.fixed(d.max(), k));
        }
        t.note("Std. dev. with the n - 1 denominator; Obs counts non-missing values.");
        return StepResult.builder()
                .statistic("nobs", panel.rows())
                .statistic("entities", panel.entityCount())
                .statistic("periods", panel.timeCount())
                .section("descriptives", rows)
                .table(t.build())
                .build();
    }
}
