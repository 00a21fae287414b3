package eres.plugins.entropy;

import eres.core.testing.IndexFixtures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.plugins.studychina.Provinces;
import eres.api.index.CompositeIndex;
import eres.api.index.IndexParameters;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.IndexMethod;
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
 * Entropy, CRITIC, CV, SD and PCA on the real NBS indicators bundled with eres (31 provinces x 2008-2022),
 * against the independent R implementation in {@code fixtures/make.R} (R 4.2.2, base R).
 *
 * <p>Tolerances: both sides compute in double precision with different summation orders; the expected
 * values are stored with 15 significant digits. Weights and scores agree to about 1e-14 in practice;
 * we assert 1e-10 (relative for weights, absolute for scores and eigenvalues), far below anything
 * that could matter in a table and far above rounding noise.
 */
class NbsFixtureTest {
    private static final double TOL = 1e-10;
    private static JsonNode expected;
    private static Panel panel;
    private static List<String> indicators;

    @BeforeAll
    static void load() throws Exception {
        expected = new ObjectMapper().readTree(TestData.resource(NbsFixtureTest.class, "/fixtures/nbs-objective/expected.json"));
        String csv = Provinces.resource("panel_2008_2022.csv");
        // the fixture was computed from exactly the bundled file
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(sha).isEqualTo(expected.get("sha256").asText());
        indicators = new ArrayList<>();
        expected.get("indicators").forEach(n -> indicators.add(n.asText()));
        panel = TestData.panel(csv, "code", "year", "region", indicators);
        assertThat(panel.rows()).isEqualTo(expected.get("rows").asInt());
    }

    private static String with(String extra) {
        return "{indicators: " + indicators + ", negative: [secondary_industry_share_pct], shift: 0.0001" + extra + "}";
    }

    private static StepResult run(IndexMethod<IndexParameters> m, String extra) {
        return m.run(IndexFixtures.params(with(extra)), new TestContext(panel));
    }

    private static void assertWeights(StepResult r, JsonNode w) {
        double[] got = ObjectiveWeightingTest.weights(r);
        for (int j = 0; j < indicators.size(); j++) {
            double e = w.get(indicators.get(j)).asDouble();
            assertThat(got[j]).as(indicators.get(j)).isCloseTo(e, within(TOL * Math.abs(e)));
        }
    }

    private static void assertScores(double[] got, JsonNode s) {
        assertThat(got).hasSize(s.size());
        for (int i = 0; i < got.length; i++) assertThat(got[i]).as("row " + i).isCloseTo(s.get(i).asDouble(), within(TOL));
    }

    @Test
    void entropyPooled() {
        StepResult r = run(new EntropyWeighting(), "");
        JsonNode e = expected.get("entropy");
        assertWeights(r, e.get("weights"));
        assertScores(r.column("index"), e.get("scores"));
        @SuppressWarnings("unchecked")
        List<CompositeIndex.IndicatorWeight> rows = (List<CompositeIndex.IndicatorWeight>) r.sections().get("weights");
        for (CompositeIndex.IndicatorWeight row : rows) {
            assertThat(row.details().get("e_j")).isCloseTo(e.get("e").get(row.indicator()).asDouble(), within(TOL));
        }
    }

    @Test
    void entropyByYear() {
        StepResult r = run(new EntropyWeighting(), ", scope: by-year");
        assertWeights(r, expected.get("entropy_by_year").get("weights"));
        assertScores(r.column("index"), expected.get("entropy_by_year").get("scores"));
    }

    @Test
    void entropyHierarchical() {
        StepResult r = run(new EntropyWeighting(), ", aggregation: hierarchical, layers: {Economy: [gdp_per_capita_cny,"
                + " local_tax_revenue_100m_cny], Public: [general_budget_expenditure_100m_cny], Innovation: [invention_patent_applications],"
                + " Labour: [urban_unit_employment_10k], Structure: [secondary_industry_share_pct]}");
        JsonNode h = expected.get("entropy_hierarchical");
        double[] got = ObjectiveWeightingTest.weights(r);
        for (int j = 0; j < indicators.size(); j++) {
            assertThat(got[j]).isCloseTo(h.get("weights").get(indicators.get(j)).asDouble(), within(TOL));
        }
        assertScores(r.column("index"), h.get("scores"));
    }

    @Test
    void critic() {
        StepResult r = run(new CriticWeighting(), "");
        assertWeights(r, expected.get("critic").get("weights"));
        assertScores(r.column("index"), expected.get("critic").get("scores"));
    }

    @Test
    void cvAndSd() {
        assertWeights(run(new CvWeighting(), ""), expected.get("cv").get("weights"));
        assertWeights(run(new SdWeighting(), ""), expected.get("sd").get("weights"));
    }

    @Test
    void pca() {
        StepResult r = run(new PcaWeighting(), "");
        JsonNode e = expected.get("pca");
        PrincipalComponents.Components c = (PrincipalComponents.Components) r.sections().get("pca");
        assertThat(c.kept()).isEqualTo(e.get("kept").asInt());
        for (int k = 0; k < indicators.size(); k++) {
            assertThat(c.eigenvalues().get(k)).isCloseTo(e.get("eigenvalues").get(k).asDouble(), within(TOL));
        }
        assertWeights(r, e.get("weights"));
        assertScores(r.column("index"), e.get("scores"));
    }
}
