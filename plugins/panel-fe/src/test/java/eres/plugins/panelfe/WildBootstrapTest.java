package eres.plugins.panelfe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.Panel;
import eres.api.inference.CovarianceType;
import eres.api.inference.DofConvention;
import eres.api.inference.WildBootstrapOptions;
import eres.api.inference.WildClusterBootstrap;
import eres.api.panel.Effects;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code wild-bootstrap} in panel-fe on Produc (48 states): the bootstrap t equals the CR1 t of the
 * coefficient table, the inverted set contains the estimate and lies near the CR1 interval with 48
 * clusters, and the same seed gives the same numbers (entity effects: nested, no residual maker; two-way:
 * the year effects' residual maker).
 */
class WildBootstrapTest {
    @ParameterizedTest
    @EnumSource(value = Effects.class, names = {"ENTITY", "TWOWAYS"})
    void bootstrapAgreesWithTheClusterTable(Effects effects) {
        Panel panel = TestData.panel(TestData.resource(WildBootstrapTest.class, "/fixtures/produc-twoways/input.csv"), "state", "year", null);
        var p = new PanelFeEstimator.Parameters("lgsp", List.of("lpcap", "unemp"), List.of("lpc", "lemp"), effects, CovarianceType.CR1,
                null, null, DofConvention.STATA, new WildBootstrapOptions(1999, WildClusterBootstrap.Weights.WEBB), 0.95, Map.of());
        StepResult r = new PanelFeEstimator().run(p, new TestContext(panel, 7, 1));
        @SuppressWarnings("unchecked")
        List<WildClusterBootstrap.Result> w = (List<WildClusterBootstrap.Result>) r.sections().get("wildBootstrap");
        assertThat(w).extracting(WildClusterBootstrap.Result::term).containsExactly("lpcap", "unemp");
        for (WildClusterBootstrap.Result x : w) {
            var c = r.coefficient(x.term());
            assertThat(x.t()).isCloseTo(c.statistic(), within(1e-9 * Math.abs(c.statistic())));
            assertThat(x.ciLow()).isLessThan(x.estimate());
            assertThat(x.ciHigh()).isGreaterThan(x.estimate());
            // with 48 clusters the bootstrap interval is close to the t(47) interval (within a third of its width)
            double width = c.ciHigh() - c.ciLow();
            assertThat(x.ciLow()).isCloseTo(c.ciLow(), within(width / 3));
            assertThat(x.ciHigh()).isCloseTo(c.ciHigh(), within(width / 3));
            assertThat(x.clusters()).isEqualTo(48);
        }
        StepResult again = new PanelFeEstimator().run(p, new TestContext(panel, 7, 4));
        assertThat(again.sections().get("wildBootstrap")).isEqualTo(w);
    }
}
