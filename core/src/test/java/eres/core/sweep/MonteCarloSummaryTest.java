package eres.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.core.chain.ChainSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bias, RMSE, coverage and rejection rates against values computed by hand. */
class MonteCarloSummaryTest {
    @Test
    void summariesByHand() {
        String text = SweepPlanTest.CHAIN + """
                sweep:
                  dimensions:
                    vcov: {substitute: steps.fe.with.se, values: [cluster, robust]}
                    r: {substitute: data.seed, range: [1, 4]}
                  collect: {b: "steps.fe.coefficients[0].estimate", se: "steps.fe.coefficients[0].stdError", p: "steps.fe.coefficients[0].pValue"}
                  monte-carlo: {replications: r, quantities: {b: {truth: 1.0, se: se, p: p}}}
                """;
        ChainSource src = new ChainSource("s.yaml", text, Path.of("/tmp"), "s.yaml");
        SweepPlan plan = SweepPlan.of(src, src.parse(), 1);
        // estimates 0.9, 1.1, 1.3, 0.5 with se 0.1 and p 0.01, 0.2, 0.001, 0.04; the robust setting has one failure
        double[] b = {0.9, 1.1, 1.3, 0.5};
        double[] p = {0.01, 0.2, 0.001, 0.04};
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean failed = i == 7;
            rows.add(new SweepRow(i + 1, 0, failed ? "failed" : "ok", failed ? "singular" : null,
                    failed ? Arrays.asList(null, null, null) : List.of(b[i % 4], 0.1, p[i % 4]), List.of(), null, null));
        }
        List<MonteCarloSummary.Line> lines = MonteCarloSummary.lines(plan, SweepTable.of(plan, rows));
        assertThat(lines).hasSize(2);
        MonteCarloSummary.Line c = lines.get(0);
        assertThat(c.setting()).isEqualTo("vcov=cluster");
        assertThat(c.replications()).isEqualTo(4);
        assertThat(c.failed()).isZero();
        assertThat(c.mean()).isCloseTo(0.95, within(1e-15));
        assertThat(c.bias()).isCloseTo(-0.05, within(1e-15));
        // RMSE: sqrt((0.01 + 0.01 + 0.09 + 0.25) / 4) = sqrt(0.09) = 0.3
        assertThat(c.rmse()).isCloseTo(0.3, within(1e-15));
        // sd: deviations from 0.95 are -0.05, 0.15, 0.35, -0.45; sum of squares 0.35; / 3
        assertThat(c.sd()).isCloseTo(Math.sqrt(0.35 / 3), within(1e-15));
        // coverage with b ± 1.96 se: |b - 1| <= 0.196 for 0.9 and 1.1 only
        assertThat(c.coverage()).isEqualTo(0.5);
        // rejection at 5%: p < 0.05 for 0.01, 0.001, 0.04
        assertThat(c.rejection()).isEqualTo(0.75);
        MonteCarloSummary.Line r = lines.get(1);
        assertThat(r.replications()).isEqualTo(3);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.truth()).isEqualTo(1.0);
    }
}
