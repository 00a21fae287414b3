package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.core.report.Json;
import eres.core.testing.TestContext;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known thresholds, determinism, unbalanced panels, groups, the dynamic variant and the output contract. */
class SyntheticTest {
    static final double[] TRUE = {0.3, 0.7};

    static Panel doubleThreshold(long seed, int entities, int periods, int minT) {
        return Synthetic.panel(seed, entities, periods, TRUE, new double[] {1.0, 2.0, 0.5}, 0.5, minT);
    }

    static Params synthetic(int thresholds, int reps) {
        Params p = new Params();
        p.controls = List.of("z");
        p.thresholds = thresholds;
        p.trim = List.of(0.05);
        p.bootstrap = List.of(reps);
        return p;
    }

    @Test
    void recoversAKnownDoubleThreshold() {
        StepResult r = new ThresholdEstimator().run(synthetic(3, 99).build(), new TestContext(doubleThreshold(7, 200, 10, 10), 3, 1));
        // the estimates are data values next to the truth: 2000 draws of q put about 2 per 0.001
        assertThat(r.statistic("gamma1")).isCloseTo(0.3, within(0.01));
        assertThat(r.statistic("gamma2")).isCloseTo(0.7, within(0.01));
        assertThat(r.statistic("selectedThresholds")).isEqualTo(2);
        assertThat(HansenKnownAnswerTest.test(r, 1).pValue()).isEqualTo(0.0);
        assertThat(HansenKnownAnswerTest.test(r, 2).pValue()).isEqualTo(0.0);
        assertThat(HansenKnownAnswerTest.test(r, 3).pValue()).isGreaterThan(0.05);
        List<Coefficient> c = r.coefficients();
        assertThat(c.get(0).estimate()).isCloseTo(1.0, within(4 * c.get(0).stdError()));
        assertThat(c.get(1).estimate()).isCloseTo(2.0, within(4 * c.get(1).stdError()));
        assertThat(c.get(2).estimate()).isCloseTo(0.5, within(4 * c.get(2).stdError()));
        assertThat(r.coefficient("z").estimate()).isCloseTo(0.5, within(4 * r.coefficient("z").stdError()));
        ThresholdEstimator.ThresholdEstimate th1 = HansenKnownAnswerTest.th(r, "Th-21");
        assertThat(th1.ciLow()).isLessThanOrEqualTo(th1.value());
        assertThat(th1.ciHigh()).isGreaterThanOrEqualTo(th1.value());
        assertThat(r.figures()).singleElement().satisfies(f -> assertThat(f.svg()).startsWith("<svg").contains("polyline"));
        assertThat(r.files()).singleElement().satisfies(f -> assertThat(f.content()).startsWith("threshold,gamma,lr\nTh-1,"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 6})
    void bootstrapIsBitIdenticalForAnyThreadCount(int minT) throws Exception {
        Panel panel = doubleThreshold(9, 60, 10, minT);
        Params p = synthetic(3, 40);
        StepResult one = new ThresholdEstimator().run(p.build(), new TestContext(panel, 42, 1));
        StepResult four = new ThresholdEstimator().run(p.build(), new TestContext(panel, 42, 4));
        for (int k = 1; k <= 3; k++) {
            ThresholdEstimator.ThresholdTest a = HansenKnownAnswerTest.test(one, k);
            ThresholdEstimator.ThresholdTest b = HansenKnownAnswerTest.test(four, k);
            assertThat(b).isEqualTo(a);
        }
        assertThat(Json.mapper().writeValueAsString(four)).isEqualTo(Json.mapper().writeValueAsString(one));
        StepResult other = new ThresholdEstimator().run(p.build(), new TestContext(panel, 43, 1));
        assertThat(HansenKnownAnswerTest.test(other, 1).crit5()).isNotEqualTo(HansenKnownAnswerTest.test(one, 1).crit5());
    }

    @Test
    void resultSerialisesToJson() throws Exception {
        StepResult r = new ThresholdEstimator().run(synthetic(2, 20).build(), new TestContext(doubleThreshold(5, 40, 8, 8), 1, 1));
        String json = Json.mapper().writeValueAsString(r);
        var tree = Json.mapper().readTree(json);
        assertThat(tree.get("thresholds").get(0).get("name").asText()).isEqualTo("Th-1");
        assertThat(tree.get("thresholdTests").get(1).get("model").asText()).isEqualTo("double");
        assertThat(tree.get("regimes").get(0).get("lower").isNull()).isTrue();
        assertThat(tree.get("bootstrap").get("scheme").asText()).isEqualTo("residual");
        assertThat(tree.get("tables").size()).isEqualTo(2);
    }

    @Test
    void finalRegressionEqualsPanelFeOnTheRegimeColumns() {
        // oracle: without deletion the regime table is xtreg, fe on x*1(regime) columns, for all three covariances
        Panel panel = doubleThreshold(21, 50, 8, 5);
        for (String se : List.of("conventional", "robust", "cluster")) {
            Params p = synthetic(2, 0);
            p.se = se;
            p.model = new ThresholdEstimator.Model(2);
            StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(panel));
            double g1 = r.statistic("gamma1");
            double g2 = r.statistic("gamma2");
            double[] q = panel.column("q");
            double[] x = panel.column("x");
            double[][] c = new double[3][panel.rows()];
            for (int i = 0; i < q.length; i++) c[q[i] <= g1 ? 0 : q[i] <= g2 ? 1 : 2][i] = x[i];
            Panel withCols = panel.withColumn("r0", c[0]).withColumn("r1", c[1]).withColumn("r2", c[2]);
            VcovType v = se.equals("conventional") ? VcovType.CONVENTIONAL : se.equals("robust") ? VcovType.ROBUST : VcovType.CLUSTER;
            PanelFit fe = PanelRegression.fit(withCols, new PanelRegression.Spec("y", List.of("r0", "r1", "r2", "z"), Effects.ENTITY,
                    v, null, 0.95));
            for (int j = 0; j < 4; j++) {
                Coefficient a = r.coefficients().get(j);
                Coefficient b = fe.coefficients().get(j);
                assertThat(a.estimate()).as(se).isCloseTo(b.estimate(), within(1e-10));
                assertThat(a.stdError()).as(se).isCloseTo(b.stdError(), within(1e-10 * b.stdError() + 1e-14));
                assertThat(a.pValue()).as(se).isCloseTo(b.pValue(), within(1e-9));
            }
            assertThat(r.statistic("r2Within")).isCloseTo(fe.r2(), within(1e-10));
        }
    }

    @Test
    void unbalancedPanelUsesPerEntityDfAndWildBootstrap() {
        Panel panel = doubleThreshold(13, 80, 10, 4);
        assertThat(panel.isBalanced()).isFalse();
        StepResult r = new ThresholdEstimator().run(synthetic(2, 49).build(), new TestContext(panel, 5, 2));
        assertThat(r.statistic("dfWithin")).isEqualTo(panel.rows() - 80);
        assertThat(r.statistics().get("bootstrapScheme")).isEqualTo("wild");
        assertThat(r.statistic("gamma1")).isCloseTo(0.3, within(0.02));
        assertThat(r.statistic("gamma2")).isCloseTo(0.7, within(0.02));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("unbalanced"));
        Params p = synthetic(1, 10);
        p.scheme = "residual";
        assertThatThrownBy(() -> new ThresholdEstimator().run(p.build(), new TestContext(panel)))
                .isInstanceOf(SpecException.class).hasMessageContaining("unbalanced");
    }

    @Test
    void groupWithTooFewObservationsForTheTrimmingFailsClearly() {
        Panel small = doubleThreshold(3, 4, 5, 5);
        Params p = synthetic(3, 0);
        p.trim = List.of(0.2, 0.2, 0.3);
        assertThatThrownBy(() -> new ThresholdEstimator().run(p.build(), new TestContext(small).group("west")))
                .isInstanceOf(EstimationException.class)
                .hasMessageContaining("group 'west'")
                .hasMessageContaining("too few observations for threshold 3")
                .hasMessageContaining("at least 6 of the 20 observations (trim 0.3)");
    }

    @Test
    void dynamicVariantAddsLagsAndReportsTheNickellBias() {
        Panel panel = doubleThreshold(17, 60, 10, 10);
        Params p = synthetic(1, 0);
        p.lags = 1;
        p.model = new ThresholdEstimator.Model(1);
        StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(panel));
        assertThat(r.statistic("nobs")).isEqualTo(60 * 9);
        assertThat(r.coefficient("L1.y")).isNotNull();
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("nickell-bias");
            assertThat(w.message()).contains("Nickell").contains("Seo & Shin");
        });
        // Nickell (1981): at rho = 0, T = 9 the bias is -1/T (A = 1 - 1/T ... reduces to -(1/(T-1))(1 - 1/T) = -1/T)
        assertThat(Nickell.bias(0, 9)).isCloseTo(-1.0 / 9, within(1e-12));
        assertThat(Nickell.implied(0.5 + Nickell.bias(0.5, 9), 9)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void lrCriticalValuesAreHansens() {
        // Hansen (2000) Table 1: c(0.90) = 5.94, c(0.95) = 7.35, c(0.99) = 10.59
        assertThat(Procedure.criticalValue(0.90)).isCloseTo(5.9395, within(5e-5));
        assertThat(Procedure.criticalValue(0.95)).isCloseTo(7.3523, within(5e-5));
        assertThat(Procedure.criticalValue(0.99)).isCloseTo(10.5916, within(5e-5));
    }
}
