package eres.plugins.sdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.core.testing.TestContext;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metamorphic properties of the spatial estimators (issue 11): the spatial Durbin model with rho fixed
 * at 0 is the SLX model, whose slopes must equal the two-way fixed-effects regression of y on X and WX
 * (WX built period by period); and permuting the panel rows changes nothing.
 */
class MetamorphicSpatialTest {

    static SpatialParameters slx() {
        return Spec.of("y", "y", "x", List.of("x1", "x2"), "weights", "w", "bias-correction", "none", "draws", 0, "tests", false);
    }

    @Test
    void sdmWithRhoFixedAtZeroEqualsFixedEffectsWithWx() {
        SpatialWeights w = SpatialEstimatorTest.small();
        Panel p = SpatialEstimatorTest.simulated(w);
        StepResult r = new SlxEstimator().run(slx(), new TestContext(p).weights("w", w));
        // W x per period, aligned with the panel rows
        Panel withWx = p;
        for (String v : List.of("x1", "x2")) {
            double[] x = p.column(v);
            double[] wx = new double[x.length];
            for (int t : p.times()) {
                double[] xt = new double[p.entityCount()];
                for (int e = 0; e < p.entityCount(); e++) xt[e] = x[p.rowOf(e, t)];
                double[] lag = w.restrictTo(p.entities()).multiply(xt);
                for (int e = 0; e < p.entityCount(); e++) wx[p.rowOf(e, t)] = lag[e];
            }
            withWx = withWx.withColumn("W_" + v, wx);
        }
        PanelFit fe = PanelRegression.fit(withWx, new PanelRegression.Spec("y", List.of("x1", "x2", "W_x1", "W_x2"), Effects.TWOWAYS,
                VcovType.CONVENTIONAL, null, 0.95));
        List<Double> slx = r.coefficients().stream().map(c -> c.estimate()).toList();
        assertThat(slx).hasSize(4);
        for (int j = 0; j < 4; j++) {
            assertThat(slx.get(j)).as("coefficient " + j).isCloseTo(fe.coefficients().get(j).estimate(),
                    within(1e-9 * Math.abs(fe.coefficients().get(j).estimate()) + 1e-12));
        }
    }

    @Test
    void permutingRowsChangesNothing() {
        SpatialWeights w = SpatialEstimatorTest.small();
        Panel p = SpatialEstimatorTest.simulated(w);
        int n = p.rows();
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) reversed[i] = n - 1 - i;
        Panel q = p.rows(reversed);
        SpatialParameters sdm = Spec.of("y", "y", "x", List.of("x1", "x2"), "weights", "w", "draws", 0, "tests", false);
        StepResult a = new SdmEstimator().run(sdm, new TestContext(p).weights("w", w));
        StepResult b = new SdmEstimator().run(sdm, new TestContext(q).weights("w", w));
        assertThat(b.coefficients()).isEqualTo(a.coefficients());
    }
}
