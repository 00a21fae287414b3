package eres.plugins.gtwr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic properties of GWR (issue 11): with an (effectively) infinite fixed Gaussian bandwidth
 * every weight is 1, so every local regression is the global OLS fit; and reversing the row order of
 * the panel does not change any local estimate.
 */
class MetamorphicGwrTest {
    static final Panel PANEL = GtwrBehaviourTest.PANEL;
    static final String BASE = "\"y\": \"y\", \"x\": [\"x1\", \"x2\"], \"lat\": \"lat\", \"lon\": \"lon\", \"permutations\": 0, "
            + "\"maps\": false, \"output\": \"m\"";

    @Test
    void anInfiniteBandwidthGivesOrdinaryLeastSquaresEverywhere() {
        // 1e9 km: exp(-(d/b)^2 / 2) = 1 - O(1e-13) for d < 5,000 km
        StepResult r = GtwrBehaviourTest.gwr(PANEL, "{" + BASE + ", \"kernel\": \"gaussian\", \"bandwidth\": 1e9}");
        PanelFit ols = PanelRegression.fit(PANEL, new PanelRegression.Spec("y", List.of("x1", "x2"), Effects.NONE,
                VcovType.CONVENTIONAL, null, 0.95));
        double[] b1 = r.column("m.x1");
        double[] b2 = r.column("m.x2");
        for (int i = 0; i < PANEL.rows(); i++) {
            assertThat(b1[i]).isCloseTo(ols.coefficient("x1").estimate(), within(1e-8 * Math.abs(ols.coefficient("x1").estimate())));
            assertThat(b2[i]).isCloseTo(ols.coefficient("x2").estimate(), within(1e-8 * Math.abs(ols.coefficient("x2").estimate())));
        }
        assertThat(r.statistic("ssr")).isCloseTo(ols.ssr(), within(1e-8 * ols.ssr()));
    }

    @Test
    void rowOrderDoesNotMatter() {
        int n = PANEL.rows();
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) reversed[i] = n - 1 - i;
        String json = "{" + BASE + ", \"adaptive\": true, \"bandwidth\": 60}";
        StepResult a = GtwrBehaviourTest.gwr(PANEL, json);
        StepResult b = GtwrBehaviourTest.gwr(PANEL.rows(reversed), json);
        assertThat(b.column("m.x1")).containsExactly(a.column("m.x1"));
        assertThat(b.statistic("aicc")).isEqualTo(a.statistic("aicc"));
    }
}
