package eres.api.inference;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The WRE bootstrap from cross-products against brute-force R refits of AER::ivreg with dummies for all
 * 2^9 Rademacher sign vectors ({@code fixtures/wild/make-wre.R}): Produc, lpcap instrumented by unemp,
 * controls lpc and lemp, two-way effects, 9 regions as clusters. Enumerated p-values are exact multiples
 * of 1/512 and must agree exactly.
 */
class WildRestrictedEfficientTest {
    @Test
    void enumerationMatchesBruteForceIvRefits() throws IOException {
        JsonNode exp;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/wild/expected-wre.json")) {
            exp = new ObjectMapper().readTree(in);
        }
        Panel p = ProducInferenceTest.PRODUC;
        FixedEffectsProjection proj = FixedEffectsProjection.of(p, Effects.TWOWAYS);
        double[] y1 = proj.apply(p.column("lgsp"));
        double[] y2 = proj.apply(p.column("lpcap"));
        double[][] x2 = {proj.apply(p.column("lpc")), proj.apply(p.column("lemp"))};
        double[][] z = {proj.apply(p.column("unemp")), x2[0], x2[1]};
        Clusters cl = ClusterResolver.resolve(p, List.of("region"), Effects.TWOWAYS);
        WildClusterBootstrap.Spec spec = new WildClusterBootstrap.Spec(999, WildClusterBootstrap.Weights.RADEMACHER, 0.95, 1);
        for (JsonNode t : exp.get("tests")) {
            double b0 = t.get("b0").asDouble();
            double pv = WildRestrictedEfficient.pValue(b0, y1, y2, x2, z, cl.codes(0), cl.count(), proj::apply, spec);
            assertThat(pv).as("b0 = " + b0).isEqualTo(t.get("p").asDouble());
        }
    }
}
