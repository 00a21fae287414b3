package eres.plugins.panelfe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.Panel;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.inference.CovarianceType;
import eres.api.inference.DofConvention;
import eres.api.panel.Effects;
import eres.api.result.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Defect 2 of issue 16: sigma_u and rho as Stata {@code xtreg, fe} (one u_i per panel, divisor G - 1),
 * against Wang (2015)'s printed xthreg output on Hansen's data ({@code fixtures/xthreg-wang2015}):
 * sigma_u = .03980548, rho = .39535508 at xthreg's threshold 0.0154. Tolerance: half a unit of the last
 * printed digit (5e-9).
 */
class XthregSigmaUTest {
    @Test
    void sigmaUAndRhoMatchWangsXthregOutput() {
        Panel p = TestData.panel(TestData.resource(XthregSigmaUTest.class, "/fixtures/xthreg-wang2015/hansen1999.csv"), "id", "year", null);
        double[] c1 = p.column("c1");
        double[] d1 = p.column("d1");
        // xthreg's threshold: the d1 value 0.01538 (float32 in the .dta)
        double gamma = Double.NaN;
        for (double v : d1) if (Math.abs(v - 0.01538) < 5e-9) gamma = v;
        assertThat(gamma).isCloseTo(0.01537999976, within(1e-10));
        double[] lo = new double[c1.length];
        double[] hi = new double[c1.length];
        for (int i = 0; i < c1.length; i++) {
            lo[i] = d1[i] <= gamma ? c1[i] : 0;
            hi[i] = d1[i] > gamma ? c1[i] : 0;
        }
        Panel q = p.withColumn("c1_lo", lo).withColumn("c1_hi", hi);
        var params = new PanelFeEstimator.Parameters("i", List.of("c1_lo", "c1_hi"), List.of("q1", "q2", "q3", "d1", "qd1"),
                Effects.ENTITY, CovarianceType.CONVENTIONAL, null, null, DofConvention.STATA, null, 0.95, Map.of());
        StepResult r = new PanelFeEstimator().run(params, new TestContext(q));
        assertThat(r.statistic("sigmaU")).isCloseTo(0.03980548, within(5e-9));
        assertThat(r.statistic("rho")).isCloseTo(0.39535508, within(5e-9));
        assertThat(r.statistic("entities")).isEqualTo(565);
    }
}
