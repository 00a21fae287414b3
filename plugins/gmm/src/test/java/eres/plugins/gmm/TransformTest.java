package eres.plugins.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic checks. (1) Arellano &amp; Bover (1995): on a balanced panel, one-step GMM on forward orthogonal
 * deviations (H = I) and on first differences (H = G) with all available lags as instruments give identical
 * estimates, which checks the FOD weights and xtabond2's storage of the deviation one period late.
 * (2) The per-entity sums are combined in fixed chunks, so results are bit-identical for any thread count.
 * (3) Row order of the input does not matter.
 */
class TransformTest {
    static Panel balanced() {
        Panel p = EmplUK.panel();
        int[] count = new int[p.entityCount()];
        for (int r = 0; r < p.rows(); r++) count[p.entityIndex(r)]++;
        Panel full = p.filter(r -> count[p.entityIndex(r)] == 9);
        return full;
    }

    @Test
    void orthogonalDeviationsEqualFirstDifferencesOnBalancedPanels() {
        Panel panel = balanced();
        assertThat(panel.entityCount()).isEqualTo(14); // the firms observed in all nine years
        Params p = new Params();
        p.lags = 1;
        p.model = "difference";
        p.timeDummies = false;
        p.gmm = List.of(Params.gmm("n", 2));
        StepResult fd = new GmmEstimator().run(p.build(), new TestContext(panel));
        p.transformation = "fod";
        StepResult fod = new GmmEstimator().run(p.build(), new TestContext(panel));
        assertThat(fod.statistic("instruments")).isEqualTo(fd.statistic("instruments"));
        assertThat(fod.coefficient("L.n").estimate()).isCloseTo(fd.coefficient("L.n").estimate(), within(1e-10));
    }

    @Test
    void identicalForAnyThreadCountAndRowOrder() {
        Params p = PlmKnownAnswerTest.ab91();
        p.se = "robust";
        Panel panel = EmplUK.panel();
        StepResult one = new GmmEstimator().run(p.build(), new TestContext(panel, 1, 1));
        StepResult four = new GmmEstimator().run(p.build(), new TestContext(panel, 1, 4));
        assertThat(four.coefficients()).isEqualTo(one.coefficients());
        assertThat(four.tests()).isEqualTo(one.tests());
        int[] reversed = new int[panel.rows()];
        for (int r = 0; r < reversed.length; r++) reversed[r] = reversed.length - 1 - r;
        StepResult shuffled = new GmmEstimator().run(p.build(), new TestContext(panel.rows(reversed), 1, 2));
        assertThat(shuffled.coefficient("L.n").estimate()).isEqualTo(one.coefficient("L.n").estimate());
    }
}
