package eres.plugins.iv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.SpecException;
import eres.api.inference.CovarianceType;
import eres.api.inference.WildBootstrapOptions;
import eres.api.inference.WildClusterBootstrap;
import eres.api.panel.Effects;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code wild-bootstrap} in iv-2sls (WRE; the algebra is checked against brute-force refits in eres-api's
 * {@code WildRestrictedEfficientTest}): on the Cigar panel (46 states, two-way effects) the bootstrap t is
 * the table's t (large-sample cluster sandwich), the inverted set contains the estimate and lies near the
 * normal interval with 46 clusters, and the numbers do not depend on the thread count.
 */
class WreTest {
    static IvEstimator.Parameters params(WildBootstrapOptions w, List<String> endog, List<String> inst) {
        return new IvEstimator.Parameters("ln_sales", endog, inst, List.of(), Effects.TWOWAYS, CovarianceType.CR1, null, null, null,
                false, w, 0.95, Map.of());
    }

    @Test
    void wreOnTheCigarPanel() {
        var p = params(new WildBootstrapOptions(199, WildClusterBootstrap.Weights.WEBB), List.of("ln_price"), List.of("ln_pimin"));
        StepResult r = new IvEstimator().run(p, new TestContext(CigarPanelTest.panel(), 5, 1));
        @SuppressWarnings("unchecked")
        List<WildClusterBootstrap.Result> w = (List<WildClusterBootstrap.Result>) r.sections().get("wildBootstrap");
        WildClusterBootstrap.Result x = w.get(0);
        var c = r.coefficient("ln_price");
        assertThat(x.t()).isCloseTo(c.statistic(), org.assertj.core.api.Assertions.within(1e-9 * Math.abs(c.statistic())));
        assertThat(x.ciLow()).isLessThan(x.estimate());
        assertThat(x.ciHigh()).isGreaterThan(x.estimate());
        double width = c.ciHigh() - c.ciLow();
        assertThat(x.ciLow()).isCloseTo(c.ciLow(), org.assertj.core.api.Assertions.within(width / 2));
        assertThat(x.ciHigh()).isCloseTo(c.ciHigh(), org.assertj.core.api.Assertions.within(width / 2));
        assertThat(x.clusters()).isEqualTo(46);
        StepResult again = new IvEstimator().run(p, new TestContext(CigarPanelTest.panel(), 5, 4));
        assertThat(again.sections().get("wildBootstrap")).isEqualTo(w);
        assertThat(r.tables()).anyMatch(t -> t.id().equals("wild-bootstrap"));
    }

    @Test
    void wreNeedsOneEndogenousRegressor() {
        assertThatThrownBy(() -> params(new WildBootstrapOptions(199, null), List.of("ln_price", "ln_ndi"),
                List.of("ln_pimin", "ln_pimin_lag", "ln_ndi_lag"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("one endogenous regressor");
    }
}
