package eres.plugins.sdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameters, data errors, identities and per-group weights of the spatial estimators. */
class SpatialEstimatorTest {

    static SpatialParameters params(List<String> x, List<String> durbin, String effects) {
        return Spec.of("y", "y", "x", x, "weights", "w", "effects", effects, "durbin", durbin, "draws", 0);
    }

    static SpatialWeights small() {
        // 8 units in 3 groups, fully connected row-standardised W (distinct weights)
        return SdmBenchmark.weights(new double[][] {{0, 0}, {1, 0}, {0, 1}, {2, 2}, {3, 1}, {1, 3}, {2, 0.5}, {0.5, 2.5}}, false);
    }

    static Panel simulated(SpatialWeights w) {
        return SdmBenchmark.simulate(w, 6, 3L);
    }

    @Test
    void parameterValidationNamesTheParameter() {
        assertThatThrownBy(() -> params(List.of("x1"), List.of("x2"), null)).isInstanceOf(SpecException.class)
                .hasMessageContaining("durbin").hasMessageContaining("x2");
        assertThatThrownBy(() -> params(List.of("x1"), null, "pooled")).hasMessageContaining("effects");
        assertThatThrownBy(() -> params(List.of(), null, null)).hasMessageContaining("x");
        assertThatThrownBy(() -> Spec.of("y", "y", "x", List.of("x1"), "weights", "w", "bias-correction", "kelejian"))
                .isInstanceOf(SpecException.class).hasMessageContaining("bias-correction");
        assertThatThrownBy(() -> Spec.of("y", "y", "x", List.of("x1"), "weights", "w", "draws", 200_000)).hasMessageContaining("draws");
        assertThatThrownBy(() -> Spec.of("y", "y", "x", List.of("x1"), "weights", "w", "logdet", "lu")).hasMessageContaining("logdet");
        assertThatThrownBy(() -> Spec.of("y", "y", "x", List.of("x1"), "weights", "w", "variance", "auto"))
                .hasMessageContaining("variance").hasMessageContaining("removed");
        SpatialParameters d = params(List.of("x1", "x2"), null, null);
        assertThat(d.durbin()).containsExactly("x1", "x2");
        assertThat(d.draws()).isZero();
        assertThat(d.effectsInference()).isEqualTo(SpatialParameters.EffectsInference.DELTA);
        SpatialParameters defaults = Spec.of("y", "y", "x", List.of("x1"), "weights", "w");
        assertThat(defaults.draws()).isEqualTo(1000);
        assertThat(defaults.effects()).isEqualTo(SpatialParameters.FixedEffects.TWOWAYS);
        assertThat(defaults.biasCorrection()).isEqualTo(SpatialParameters.BiasCorrection.TRANSFORMATION);
        assertThat(defaults.variance()).isEqualTo(SpatialParameters.Variance.INFORMATION);
        assertThat(defaults.logdet()).isEqualTo(SpatialParameters.LogDetMethod.AUTO);
        assertThat(defaults.effectsInference()).isEqualTo(SpatialParameters.EffectsInference.SIMULATION);
        // aliases: the spellings users know, parsed once when the chain is bound
        SpatialParameters a = Spec.of("y", "y", "x", List.of("x1"), "weights", "w", "effects", "two-way", "bias-correction", "direct",
                "variance", "observed", "logdet", "mc", "effects-inference", "delta-method");
        assertThat(a.effects()).isEqualTo(SpatialParameters.FixedEffects.TWOWAYS);
        assertThat(a.biasCorrection()).isEqualTo(SpatialParameters.BiasCorrection.NONE);
        assertThat(a.variance()).isEqualTo(SpatialParameters.Variance.HESSIAN);
        assertThat(a.logdet()).isEqualTo(SpatialParameters.LogDetMethod.MONTE_CARLO);
        assertThat(a.effectsInference()).isEqualTo(SpatialParameters.EffectsInference.DELTA);
        assertThat(Spec.of("y", "y", "x", List.of("x1"), "weights", "w", "bias-correction", "Lee_Yu").biasCorrection())
                .isEqualTo(SpatialParameters.BiasCorrection.LEE_YU);
    }

    @Test
    void unbalancedPanelsAndUnknownWeightsAreErrors() {
        SpatialWeights w = small();
        Panel p = simulated(w);
        Panel unbalanced = p.filter(r -> !(p.entityIndex(r) == 2 && p.timeIndex(r) == 3));
        assertThatThrownBy(() -> new SdmEstimator().run(params(List.of("x1", "x2"), null, null), new TestContext(unbalanced).weights("w", w)))
                .isInstanceOf(DataException.class).hasMessageContaining("balanced");
        assertThatThrownBy(() -> new SdmEstimator().run(params(List.of("x1"), null, null), new TestContext(p).weights("v", w)))
                .isInstanceOf(SpecException.class).hasMessageContaining("weights");
        double[] x1 = p.column("x1");
        x1[5] = Double.NaN;
        Panel missing = p.withColumn("x1m", x1);
        assertThatThrownBy(() -> new SdmEstimator().run(params(List.of("x1m"), null, null), new TestContext(missing).weights("w", w)))
                .isInstanceOf(DataException.class).hasMessageContaining("x1m");
        double[] c = new double[p.rows()];
        for (int r = 0; r < c.length; r++) c[r] = p.entityIndex(r);
        Panel absorbed = p.withColumn("unitcode", c);
        assertThatThrownBy(() -> new SdmEstimator().run(params(List.of("x1", "unitcode"), null, null), new TestContext(absorbed).weights("w", w)))
                .isInstanceOf(DataException.class).hasMessageContaining("unitcode").hasMessageContaining("absorbed");
    }

    @Test
    void effectsIdentities() {
        SpatialWeights w = small();
        Panel p = simulated(w);
        StepResult r = new SdmEstimator().run(params(List.of("x1", "x2", "x3"), null, null), new TestContext(p).weights("w", w));
        double rho = r.coefficient("rho").estimate();
        @SuppressWarnings("unchecked")
        List<SpatialReport.EffectEstimate> eff = (List<SpatialReport.EffectEstimate>) r.sections().get("effects");
        // total = (beta + theta) / (1 - rho) for a row-standardised W; indirect = total - direct
        for (int j = 0; j < 3; j++) {
            String x = "x" + (j + 1);
            double total = (r.coefficient(x).estimate() + r.coefficient("W*" + x).estimate()) / (1 - rho);
            assertThat(eff.get(3 * j + 2).point()).isCloseTo(total, within(1e-12));
            assertThat(eff.get(3 * j + 1).point()).isCloseTo(total - eff.get(3 * j).point(), within(1e-12));
        }
        // at rho = 0 and theta = 0 the direct effect is beta and the indirect effect 0
        eres.api.spatial.LogDeterminant ld = eres.api.spatial.LogDeterminant.eigen(w);
        SpatialFit f = new Models(new SpatialPanel(p, "y", List.of("x1"), List.of("x1"), w, eres.api.panel.Effects.TWOWAYS), ld,
                new MultiplierTraces(w, ld, 1L, 10, null), new Models.Options(SpatialParameters.BiasCorrection.NONE,
                SpatialParameters.Variance.INFORMATION, null)).fit("sdm");
        double[] theta = f.estimates().clone();
        theta[0] = 0.7;
        theta[1] = 0;
        theta[2] = 0;
        double[] e = Impacts.effects(f, List.of("x1"), eres.api.spatial.LogDeterminant.eigen(w), w, true, theta);
        assertThat(e).containsExactly(new double[] {0.7, 0, 0.7}, within(1e-15));
    }

    /** A by-group run sees the group's units with W restricted and row-standardised again. */
    @Test
    void perGroupWeightsAreRestandardised() {
        SpatialWeights w = small();
        Panel p = simulated(w);
        Panel group = p.filter(r -> p.entityIndex(r) < 5);
        TestContext ctx = new TestContext(group).weights("w", w).group("a");
        SpatialWeights g = ctx.weights("w");
        assertThat(g.size()).isEqualTo(5);
        assertThat(g.isRowStandardized()).isTrue();
        StepResult r = new SarEstimator().run(params(List.of("x1", "x2"), null, "entity"), ctx);
        assertThat(r.statistic("entities")).isEqualTo(5);
        assertThat(r.coefficient("rho").stdError()).isPositive();
    }

    @Test
    void partialDurbinListMakesTheSemTestsNotApplicable() {
        SpatialWeights w = small();
        Panel p = simulated(w);
        StepResult r = new SdmEstimator().run(params(List.of("x1", "x2"), List.of("x1"), null), new TestContext(p).weights("w", w));
        assertThat(r.coefficients().stream().map(c -> c.term()).toList()).containsExactly("x1", "x2", "W*x1", "rho");
        assertThat(r.test("lr-sdm-vs-sem").statistic()).isNaN();
        assertThat(r.test("lr-sdm-vs-sem").note()).contains("durbin");
        assertThat(r.test("wald-sdm-vs-sar").df()).isEqualTo(1.0);
    }
}
