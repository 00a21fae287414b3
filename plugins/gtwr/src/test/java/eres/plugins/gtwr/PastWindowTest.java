package eres.plugins.gtwr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 5: GTWR with the one-sided time window ({@code time-window: past-only}) and an adaptive
 * bandwidth larger than the observations inside the window follows GWmodel 2.3-3's rule ({@code gw_weight_vec}:
 * the k-th smallest of all n distances, those outside the window at +Inf, so the bandwidth is +Inf and every
 * observation in the window has weight 1; GWmodel's NaN weights outside the window are 0 here). Known answers
 * from {@code fixtures/gwmodel-past-window/make.R} (R 4.2.2: the rule written out, local fits by {@code lm} with
 * weights; at the first year's points that is OLS on that year). Tolerance 1e-9 relative: both sides solve the
 * same weighted least-squares problems of 12-48 observations.
 */
class PastWindowTest {

    @Test
    void adaptiveBandwidthBeyondTheWindowFollowsGwmodel() {
        Panel panel = TestData.panel(Fixtures.resource("gwmodel-past-window/input.csv"), "id", "year", null);
        String json = "{\"y\": \"y\", \"x\": [\"x1\"], \"x-coord\": \"px\", \"y-coord\": \"py\", \"adaptive\": true, \"bandwidth\": 20, "
                + "\"tau\": 4, \"time-window\": \"past-only\", \"kernel\": \"bisquare\", \"permutations\": 0, \"maps\": false}";
        StepResult r = new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class, json), new TestContext(panel));
        double[] b0 = r.column("gtwr.intercept");
        double[] b1 = r.column("gtwr.x1");
        String[] lines = Fixtures.resource("gwmodel-past-window/expected.csv").split("\\R");
        int infinite = 0;
        for (int k = 1; k < lines.length; k++) {
            String[] f = lines[k].split(",");
            int row = panel.rowOf(panel.entities().indexOf(f[0]), Integer.parseInt(f[1]));
            double e0 = Double.parseDouble(f[4]);
            double e1 = Double.parseDouble(f[5]);
            assertThat(b0[row]).as("intercept at %s %s", f[0], f[1]).isCloseTo(e0, within(1e-9 * Math.max(1, Math.abs(e0))));
            assertThat(b1[row]).as("x1 at %s %s", f[0], f[1]).isCloseTo(e1, within(1e-9 * Math.max(1, Math.abs(e1))));
            if (f[3].equals("Inf")) infinite++;
        }
        assertThat(infinite).isEqualTo(12);
        // the side file reports the infinite bandwidth of the first year's points
        String csv = r.files().get(0).content();
        assertThat(csv.lines().filter(l -> l.contains(",Infinity,")).count()).isEqualTo(12);
    }
}
