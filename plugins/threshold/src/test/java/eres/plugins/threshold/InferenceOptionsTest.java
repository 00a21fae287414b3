package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.EstimationException;
import eres.api.data.Panel;
import eres.api.inference.WildBootstrapOptions;
import eres.api.inference.WildClusterBootstrap;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.core.testing.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two-way effects, the tiny-regime guard and the wild cluster bootstrap of the regime coefficients. */
class InferenceOptionsTest {
    static Panel small() {
        // 6 entities x 8 periods: with trim 0.05 a regime can hold 3 observations
        return Synthetic.panel(11, 6, 8, new double[] {0.3}, new double[] {1.0, 2.0}, 0.5, 8);
    }

    @Test
    void tinyRegimesLoseTheirStarsAndWarn() {
        Params p = new Params();
        p.controls = List.of("z");
        p.trim = List.of(0.05);
        p.bootstrap = List.of(0);
        p.model = new ThresholdEstimator.Model(1);
        StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(small()));
        @SuppressWarnings("unchecked")
        List<ThresholdEstimator.RegimeInfo> regimes = (List<ThresholdEstimator.RegimeInfo>) r.sections().get("regimes");
        boolean tiny = regimes.stream().anyMatch(g -> g.observations() < 10);
        if (tiny) {
            assertThat(r.warnings()).anyMatch(w -> w.code().equals("tiny-regime"));
            Table t = r.tables().stream().filter(x -> x.id().equals("regime-coefficients")).findFirst().orElseThrow();
            assertThat(t.notes()).anyMatch(n -> n.contains("No significance stars"));
            // results.json keeps the real p-values
            assertThat(r.coefficients().get(0).pValue()).isBetween(0.0, 1.0);
        }
        // with min-regime-obs above every regime the guard must fire
        p.minRegime = 40;
        StepResult r2 = new ThresholdEstimator().run(p.build(), new TestContext(small()));
        assertThat(r2.warnings()).anyMatch(w -> w.code().equals("tiny-regime") && w.message().contains("min-regime-obs 40"));
        p.tiny = ThresholdEstimator.TinyRegime.ERROR;
        assertThatThrownBy(() -> new ThresholdEstimator().run(p.build(), new TestContext(small())))
                .isInstanceOf(EstimationException.class).hasMessageContaining("exclude-group").hasMessageContaining("on-error: continue");
    }

    @Test
    void twoWayEffectsAddPeriodDummiesThatTheTablesHide() {
        Params p = new Params();
        p.controls = List.of("z");
        p.trim = List.of(0.1);
        p.bootstrap = List.of(19);
        p.effects = "twoways";
        Panel panel = Synthetic.panel(5, 30, 8, new double[] {0.4}, new double[] {1.0, 2.0}, 0.5, 8);
        StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(panel, 3, 1));
        assertThat(r.coefficients()).extracting(Coefficient::term).anyMatch(t -> t.startsWith(ThresholdModel.PERIOD_DUMMY));
        assertThat(r.statistic("gamma1")).isBetween(0.3, 0.5);
        Table t = r.tables().stream().filter(x -> x.id().equals("regime-coefficients")).findFirst().orElseThrow();
        assertThat(t.rows()).noneMatch(row -> row.label().startsWith(ThresholdModel.PERIOD_DUMMY));
        assertThat(r.statistics().get("effects")).isEqualTo("twoways");
        // same results with 1 and 4 threads
        StepResult r4 = new ThresholdEstimator().run(p.build(), new TestContext(panel, 3, 4));
        assertThat(r4.test("threshold-single").pValue()).isEqualTo(r.test("threshold-single").pValue());
    }

    @Test
    void wildBootstrapOfTheRegimeCoefficientsEnumeratesFewClusters() {
        Params p = new Params();
        p.controls = List.of("z");
        p.trim = List.of(0.1);
        p.bootstrap = List.of(0);
        p.model = new ThresholdEstimator.Model(1);
        p.se = "cluster";
        p.wild = new WildBootstrapOptions(999, WildClusterBootstrap.Weights.RADEMACHER);
        Panel panel = Synthetic.panel(5, 8, 10, new double[] {0.4}, new double[] {1.0, 2.0}, 0.5, 10);
        StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(panel));
        @SuppressWarnings("unchecked")
        List<WildClusterBootstrap.Result> w = (List<WildClusterBootstrap.Result>) r.sections().get("wildBootstrap");
        assertThat(w).hasSize(2);
        for (WildClusterBootstrap.Result x : w) {
            assertThat(x.enumerated()).isTrue();
            assertThat(x.replications()).isEqualTo(256);
            assertThat(x.ciLow()).isLessThan(x.estimate());
            assertThat(x.ciHigh()).isGreaterThan(x.estimate());
        }
        assertThat(r.tables()).anyMatch(t -> t.id().equals("wild-bootstrap"));
    }
}
