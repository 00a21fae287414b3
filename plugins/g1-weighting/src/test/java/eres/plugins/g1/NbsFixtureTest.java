package eres.plugins.g1;

import eres.core.testing.IndexFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.plugins.studychina.Provinces;
import eres.api.index.CompositeIndex;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * G1 and the four SD-G1 variants (flat and hierarchical) on the real NBS indicators bundled with eres,
 * against the independent R implementation in {@code fixtures/make.R} (R 4.2.2, base R), with
 * illustrative expert inputs. Tolerance 1e-10: double precision on both sides, different summation
 * order, expected values stored with 15 significant digits.
 */
class NbsFixtureTest {
    private static final double TOL = 1e-10;
    private static JsonNode expected;
    private static Panel panel;
    private static List<String> indicators;
    private static String common;

    @BeforeAll
    static void load() throws Exception {
        expected = new ObjectMapper().readTree(TestData.resource(NbsFixtureTest.class, "/fixtures/nbs-g1/expected.json"));
        String csv = Provinces.resource("panel_2008_2022.csv");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(sha).isEqualTo(expected.get("sha256").asText());
        indicators = new ArrayList<>();
        expected.get("indicators").forEach(n -> indicators.add(n.asText()));
        List<String> order = new ArrayList<>();
        expected.get("order").forEach(n -> order.add(n.asText()));
        List<String> ratios = new ArrayList<>();
        expected.get("ratios").forEach(n -> ratios.add(n.asText()));
        panel = TestData.panel(csv, "code", "year", "region", indicators);
        common = "indicators: " + indicators + ", negative: [secondary_industry_share_pct], order: " + order + ", ratios: " + ratios;
    }

    private static StepResult run(boolean sd, String extra) {
        var p = IndexFixtures.params("{" + common + extra + "}");
        return (sd ? new SdG1Weighting() : new G1Weighting()).run(p, new TestContext(panel));
    }

    private static void assertWeights(StepResult r, JsonNode w) {
        @SuppressWarnings("unchecked")
        List<CompositeIndex.IndicatorWeight> rows = (List<CompositeIndex.IndicatorWeight>) r.sections().get("weights");
        assertThat(rows).hasSize(indicators.size());
        for (CompositeIndex.IndicatorWeight row : rows) {
            double e = w.get(row.indicator()).asDouble();
            assertThat(row.weight()).as(row.indicator()).isCloseTo(e, within(TOL * e));
        }
    }

    private static void assertScores(double[] got, JsonNode s) {
        for (int i = 0; i < got.length; i++) assertThat(got[i]).as("row " + i).isCloseTo(s.get(i).asDouble(), within(TOL));
    }

    @Test
    void g1AndSdG1Variants() {
        assertWeights(run(false, ""), expected.get("g1"));
        StepResult mult = run(true, "");
        assertWeights(mult, expected.get("g1_sd_multiplicative").get("weights"));
        assertScores(mult.column("index"), expected.get("g1_sd_multiplicative").get("scores"));
        assertWeights(run(true, ", variant: ordered-sigma-ratio"), expected.get("g1_sd_ordered_sigma_ratio").get("weights"));
        assertWeights(run(true, ", variant: raw-sigma-ratio"), expected.get("g1_sd_raw_sigma_ratio").get("weights"));
        assertWeights(run(true, ", variant: linear, alpha: 0.5"), expected.get("g1_sd_linear").get("weights"));
    }

    @Test
    void hierarchicalSdG1() {
        StepResult r = run(true, ", aggregation: hierarchical, layers: {Economy: [gdp_per_capita_cny, local_tax_revenue_100m_cny],"
                + " Public: [general_budget_expenditure_100m_cny], Innovation: [invention_patent_applications],"
                + " Labour: [urban_unit_employment_10k], Structure: [secondary_industry_share_pct]}");
        JsonNode h = expected.get("g1_sd_hierarchical");
        assertWeights(r, h.get("weights"));
        assertScores(r.column("index"), h.get("scores"));
        @SuppressWarnings("unchecked")
        List<CompositeIndex.LayerWeight> layers = (List<CompositeIndex.LayerWeight>) r.sections().get("layers");
        for (CompositeIndex.LayerWeight l : layers) {
            assertThat(l.weight()).isCloseTo(h.get("layer_weights").get(l.layer()).asDouble(), within(TOL));
        }
    }
}
