package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spatial estimators' results through the distribution, on the bundled NBS panel: sdm (transformation
 * approach and Lee-Yu correction, delta-method effects), sar, sem, slx, gwr and gtwr (past-only window) write a
 * results.json valid against the versioned schema, with the shared {@code summary} and {@code covariance}
 * sections and the one vocabulary ({@code entities}, {@code ssr}).
 */
class SpatialResultsSchemaIT {

    @Test
    void spatialResultsFollowTheSchema(@TempDir Path work) throws Exception {
        String x = "[urbanization_rate_pct, secondary_industry_share_pct]";
        String chain = "name: spatial-schema\n"
                + "data: {source: nbs, variables: [gdp_per_capita_cny, urbanization_rate_pct, secondary_industry_share_pct]}\n"
                + "transforms:\n  - log: {vars: [gdp_per_capita_cny], name: \"ln_{}\"}\n"
                + "weights: {wg: {type: inverse-distance, power: 2}}\n"
                + "steps:\n"
                + "  - {id: sdm, use: sdm, with: {y: ln_gdp_per_capita_cny, x: " + x + ", weights: wg, draws: 50}}\n"
                + "  - {id: sdm-ly, use: sdm, with: {y: ln_gdp_per_capita_cny, x: " + x + ", weights: wg, bias-correction: lee-yu, draws: 0}}\n"
                + "  - {id: sar, use: sar, with: {y: ln_gdp_per_capita_cny, x: " + x + ", weights: wg, draws: 0, tests: false}}\n"
                + "  - {id: sem, use: sem, with: {y: ln_gdp_per_capita_cny, x: " + x + ", weights: wg, tests: false}}\n"
                + "  - {id: slx, use: slx, with: {y: ln_gdp_per_capita_cny, x: " + x + ", weights: wg, tests: false}}\n"
                + "  - {id: gwr, use: gwr, with: {y: ln_gdp_per_capita_cny, x: " + x + ", adaptive: true, bandwidth: 120, permutations: 0, maps: false}}\n"
                + "  - {id: gtwr, use: gtwr, with: {y: ln_gdp_per_capita_cny, x: " + x + ", adaptive: true, bandwidth: 60, tau: 100, "
                + "time-window: past-only, permutations: 0, maps: false}}\n"
                + "report: {formats: [markdown]}\n";
        Files.writeString(work.resolve("chain.yaml"), chain, StandardCharsets.UTF_8);
        DistributionIT.Result r = DistributionIT.eres(work, Map.of(), "run", "chain.yaml", "--out", "out");
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        ResultsSchemaCheck.assertValid(work.resolve("out/results.json"));
        JsonNode res = new ObjectMapper().readTree(work.resolve("out/results.json").toFile());
        for (JsonNode step : res.get("steps")) {
            JsonNode result = step.get("result");
            String id = step.get("id").asText();
            assertThat(result.path("summary").path("entities").asInt()).as(id).isEqualTo(31);
            assertThat(result.path("covariance").path("terms").size()).as(id).isPositive();
            assertThat(result.path("statistics").has("units")).as(id).isFalse();
            assertThat(result.path("statistics").has("rss")).as(id).isFalse();
        }
        JsonNode sdm = res.get("steps").get(0).get("result");
        assertThat(sdm.path("statistics").path("biasCorrection").asText()).isEqualTo("transformation");
        assertThat(sdm.path("summary").path("covariance").asText()).isEqualTo("information");
        assertThat(sdm.path("effects").get(0).has("deltaStdError")).isTrue();
        assertThat(List.of("lm-lag", "lm-sarma")).allSatisfy(t -> assertThat(sdm.path("tests").toString()).contains(t));
    }
}
