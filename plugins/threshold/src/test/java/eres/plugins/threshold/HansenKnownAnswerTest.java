package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.core.testing.TestContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hansen (1999) investment data, his specification: y = i, regime-dependent c1 = cf_{t-1}, threshold
 * d1 = d_{t-1}, controls q1, q1^2, q1^3, d1, q1 d1; Hansen's 400-point grid, trim (0.01, 0.01, 0.05),
 * strict lower regime. Reference numbers: shared/methods/panel-threshold.md section 10 (independent numpy
 * implementation; the single-threshold step cross-checked against R pdR::ptm), printed there to 5-8
 * significant digits, so tolerances are half a unit of the last printed digit.
 */
class HansenKnownAnswerTest {
    static Panel panel;

    @BeforeAll
    static void load() {
        panel = HansenData.panel();
    }

    static StepResult run(boolean delete) {
        Params p = Params.hansen(delete);
        p.bootstrap = List.of(0);
        p.model = new ThresholdEstimator.Model(2);
        return new ThresholdEstimator().run(p.build(), new TestContext(panel));
    }

    @SuppressWarnings("unchecked")
    static ThresholdEstimator.ThresholdEstimate th(StepResult r, String name) {
        for (ThresholdEstimator.ThresholdEstimate e : (List<ThresholdEstimator.ThresholdEstimate>) r.sections().get("thresholds")) {
            if (e.name().equals(name)) return e;
        }
        throw new AssertionError(name);
    }

    @SuppressWarnings("unchecked")
    static ThresholdEstimator.ThresholdTest test(StepResult r, int k) {
        return ((List<ThresholdEstimator.ThresholdTest>) r.sections().get("thresholdTests")).get(k - 1);
    }

    @Test
    void variantADeletionMatchesHansensCode() {
        StepResult r = run(true);
        assertThat(r.statistic("nobsRegression")).isEqualTo(7345);
        assertThat(r.statistic("ssrLinear")).isCloseTo(16.591220, within(5e-7));
        assertThat(th(r, "Th-1").value()).isCloseTo(0.01570, within(5e-6));
        assertThat(test(r, 1).rss()).isCloseTo(16.517795, within(5e-7));
        assertThat(test(r, 1).f()).isCloseTo(32.650, within(5e-4));
        assertThat(th(r, "Th-1").ciLow()).isCloseTo(0.01392, within(5e-6));
        assertThat(th(r, "Th-1").ciHigh()).isCloseTo(0.01806, within(5e-6));
        assertThat(th(r, "Th-22").value()).isCloseTo(0.53616, within(5e-6));
        assertThat(test(r, 2).rss()).isCloseTo(16.459979, within(5e-7));
        assertThat(test(r, 2).f()).isCloseTo(25.799, within(5e-4));
        assertThat(th(r, "Th-22").ciLow()).isCloseTo(0.53049, within(5e-6));
        assertThat(th(r, "Th-22").ciHigh()).isCloseTo(0.56287, within(5e-6));
        assertThat(th(r, "Th-21").value()).isCloseTo(0.01570, within(5e-6));
        assertThat(th(r, "Th-21").ciLow()).isCloseTo(0.01392, within(5e-6));
        assertThat(th(r, "Th-21").ciHigh()).isCloseTo(0.01806, within(5e-6));
        assertThat(th(r, "Th-3").value()).isCloseTo(0.33134, within(5e-6));
        assertThat(test(r, 3).rss()).isCloseTo(16.450614, within(5e-7));
        assertThat(test(r, 3).f()).isCloseTo(4.181, within(5e-4));
        // double-threshold coefficients; homoskedastic SEs as Hansen's program, s2 = SSR/(n(T-1) - n - k) (issue 16, defect 1;
        // the specification's 0.005451, 0.005463, 0.011382 used SSR/(rows - k)); HansenStandardErrorsTest checks every SE
        assertThat(r.coefficients().get(0).estimate()).isCloseTo(0.063154, within(5e-7));
        assertThat(r.coefficients().get(0).stdError()).isCloseTo(0.005673, within(5e-7));
        assertThat(r.coefficients().get(1).estimate()).isCloseTo(0.097726, within(5e-7));
        assertThat(r.coefficients().get(1).stdError()).isCloseTo(0.005686, within(5e-7));
        assertThat(r.coefficients().get(2).estimate()).isCloseTo(0.039209, within(5e-7));
        assertThat(r.coefficients().get(2).stdError()).isCloseTo(0.011847, within(5e-7));
        assertThat(r.coefficient("q1").estimate()).isCloseTo(0.010285, within(5e-7));
        assertThat(r.coefficient("q2").estimate()).isCloseTo(-0.00019753, within(5e-9));
        assertThat(r.coefficient("q3").estimate()).isCloseTo(1.04665e-06, within(5e-12));
        assertThat(r.coefficient("d1").estimate()).isCloseTo(-0.016489, within(5e-7));
        assertThat(r.coefficient("qd1").estimate()).isCloseTo(0.0014807, within(5e-8));
        assertThat(r.coefficients().get(0).term()).isEqualTo("c1 × I(d1 < 0.0157)");
        assertThat(r.coefficients().get(1).term()).isEqualTo("c1 × I(0.0157 ≤ d1 < 0.5362)");
        assertThat(r.coefficients().get(2).term()).isEqualTo("c1 × I(d1 ≥ 0.5362)");
    }

    @Test
    void variantBAllRowsMatchesReference() {
        StepResult r = run(false);
        assertThat(r.statistic("nobsRegression")).isEqualTo(7910);
        assertThat(r.statistic("dfWithin")).isEqualTo(7345);
        assertThat(r.statistic("ssrLinear")).isCloseTo(17.861099, within(5e-7));
        assertThat(th(r, "Th-1").value()).isCloseTo(0.01570, within(5e-6));
        assertThat(test(r, 1).rss()).isCloseTo(17.781690, within(5e-7));
        assertThat(test(r, 1).f()).isCloseTo(32.801, within(5e-4));
        assertThat(th(r, "Th-1").ciLow()).isCloseTo(0.01453, within(5e-6));
        assertThat(th(r, "Th-1").ciHigh()).isCloseTo(0.01806, within(5e-6));
        assertThat(th(r, "Th-22").value()).isCloseTo(0.54072, within(5e-6));
        assertThat(test(r, 2).rss()).isCloseTo(17.725498, within(5e-7));
        assertThat(test(r, 2).f()).isCloseTo(23.285, within(5e-4));
        assertThat(th(r, "Th-22").ciLow()).isCloseTo(0.52469, within(5e-6));
        assertThat(th(r, "Th-22").ciHigh()).isCloseTo(1.00593, within(5e-6));
        assertThat(th(r, "Th-3").value()).isCloseTo(1.00593, within(5e-6));
        assertThat(test(r, 3).rss()).isCloseTo(17.706611, within(5e-7));
        assertThat(test(r, 3).f()).isCloseTo(7.834, within(5e-4));
        assertThat(r.coefficients().get(0).estimate()).isCloseTo(0.059263, within(5e-7));
        assertThat(r.coefficients().get(1).estimate()).isCloseTo(0.093011, within(5e-7));
        assertThat(r.coefficients().get(2).estimate()).isCloseTo(0.038672, within(5e-7));
        assertThat(r.coefficients().get(0).stdError()).isCloseTo(0.005389, within(5e-7));
        assertThat(r.coefficients().get(1).stdError()).isCloseTo(0.005379, within(5e-7));
        assertThat(r.coefficients().get(2).stdError()).isCloseTo(0.011152, within(5e-7));
    }
}
