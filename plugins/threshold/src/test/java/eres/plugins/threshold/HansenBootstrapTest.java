package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.core.testing.TestContext;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap p-values of Hansen's example against the reference (panel-threshold.md section 10, variant A:
 * 300 replications per test with another seed and generator). The p-values are Monte Carlo quantities:
 * with B = 300 their standard error is at most 0.029, so they must agree within 0.05 (the spec's
 * tolerance); the 5% critical values (standard error about 1 from the bootstrap density) within 25%.
 */
class HansenBootstrapTest {
    @Test
    void pValuesAndCriticalValuesAgreeWithinMonteCarloError() {
        Params p = Params.hansen(true);
        p.bootstrap = List.of(300);
        StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(HansenData.panel(), 20250101L, 2));
        double[] pRef = {0.0067, 0.020, 0.723};
        double[] c5Ref = {18.13, 18.76, 15.41};
        for (int k = 1; k <= 3; k++) {
            ThresholdEstimator.ThresholdTest t = HansenKnownAnswerTest.test(r, k);
            assertThat(t.pValue()).as("p-value of test %d", k).isCloseTo(pRef[k - 1], within(0.05));
            assertThat(t.crit5()).as("5%% critical value of test %d", k).isCloseTo(c5Ref[k - 1], within(0.25 * c5Ref[k - 1]));
            System.out.printf("test %d: F %.4f p %.4f crit %.3f %.3f %.3f%n", k, t.f(), t.pValue(), t.crit10(), t.crit5(), t.crit1());
        }
        assertThat(r.statistic("selectedThresholds")).isEqualTo(2);
        assertThat(r.statistic("reportedThresholds")).isEqualTo(2);
    }
}
