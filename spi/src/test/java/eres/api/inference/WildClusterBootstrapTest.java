package eres.api.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.data.Panel;
import eres.api.panel.Effects;
import eres.api.panel.FixedEffectsProjection;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closed-form WCR against a brute-force R implementation that refits lm() with dummies for every
 * one of the 2^9 Rademacher sign vectors ({@code fixtures/wild/make.R}): Produc, two-way effects, the
 * 9 regions as clusters (year effects not nested: the general residual maker is exercised). With full
 * enumeration the p-value is deterministic, so it must agree exactly (a multiple of 1/512).
 */
class WildClusterBootstrapTest {
    static final List<String> X = ProducInferenceTest.X;

    @Test
    void enumerationMatchesBruteForceRefits() throws IOException {
        JsonNode exp;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/wild/expected.json")) {
            exp = new ObjectMapper().readTree(in);
        }
        Panel p = ProducInferenceTest.PRODUC;
        FixedEffectsProjection proj = FixedEffectsProjection.of(p, Effects.TWOWAYS);
        double[][] x = new double[X.size()][];
        for (int j = 0; j < X.size(); j++) x[j] = proj.apply(p.column(X.get(j)));
        double[] y = proj.apply(p.column("lgsp"));
        Clusters cl = ClusterResolver.resolve(p, List.of("region"), Effects.TWOWAYS);
        double factor = exp.get("factor").asDouble();
        WildClusterBootstrap.Spec spec = new WildClusterBootstrap.Spec(999, WildClusterBootstrap.Weights.RADEMACHER, 0.95, 1);
        for (JsonNode t : exp.get("tests")) {
            int j = X.indexOf(t.get("term").asText());
            WildClusterBootstrap.Replications r = WildClusterBootstrap.replicate(x, y, j, cl.codes(0), cl.count(), proj::apply,
                    factor, spec);
            assertThat(r.replications()).isEqualTo(512);
            double b0 = t.get("b0").asDouble();
            assertThat((r.estimate() - b0) / r.standardError()).as("t").isCloseTo(t.get("t").asDouble(), within(1e-9));
            assertThat(r.pValue(b0)).as(t.get("term").asText() + " b0=" + b0).isEqualTo(t.get("p").asDouble());
        }
    }

    @Test
    void webbDrawsAreReproducibleAndInvertTheTest() {
        Panel p = ProducInferenceTest.PRODUC;
        FixedEffectsProjection proj = FixedEffectsProjection.of(p, Effects.TWOWAYS);
        double[][] x = new double[X.size()][];
        for (int j = 0; j < X.size(); j++) x[j] = proj.apply(p.column(X.get(j)));
        double[] y = proj.apply(p.column("lgsp"));
        Clusters cl = ClusterResolver.resolve(p, List.of("region"), Effects.TWOWAYS);
        WildClusterBootstrap.Spec spec = new WildClusterBootstrap.Spec(1999, WildClusterBootstrap.Weights.WEBB, 0.95, 42);
        WildClusterBootstrap.Result a = WildClusterBootstrap.test("unemp", x, y, 3, cl.codes(0), cl.count(), proj::apply, 1.1, spec);
        WildClusterBootstrap.Result b = WildClusterBootstrap.test("unemp", x, y, 3, cl.codes(0), cl.count(), proj::apply, 1.1, spec);
        assertThat(a).isEqualTo(b);
        assertThat(a.enumerated()).isFalse();
        // the bounds of the inverted set are where the p-value crosses 5 %
        WildClusterBootstrap.Replications r = WildClusterBootstrap.replicate(x, y, 3, cl.codes(0), cl.count(), proj::apply, 1.1, spec);
        double eps = 1e-6 * r.standardError();
        assertThat(r.pValue(a.ciLow() + eps)).isGreaterThan(0.05);
        assertThat(r.pValue(a.ciLow() - eps)).isLessThanOrEqualTo(0.05);
        assertThat(r.pValue(a.ciHigh() - eps)).isGreaterThan(0.05);
        assertThat(r.pValue(a.ciHigh() + eps)).isLessThanOrEqualTo(0.05);
    }
}
