package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eres.core.report.Json;
import eres.core.testing.TestContext;
import eres.api.EstimationException;
import eres.api.data.Panel;
import eres.api.result.Figure;
import eres.api.result.StepResult;
import eres.api.result.Table;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Tables in the study's layout, path diagrams, the JSON sections, warnings and errors. */
class ResultShapeTest {

    @Test
    void separateMediatorsTableLayout() {
        StepResult r = Fixtures.run(Fixtures.produc(), Fixtures.params("lpcap", List.of("lemp", "lpc"), "lgsp", List.of("unemp"), false,
                200, null, null, null), 3, 2);
        assertThat(r.tables()).extracting(Table::id).containsExactly("mediation", "bootstrap", "verdict");
        Table t = r.tables().get(0);
        // E1, then E2/E3 for each mediator (the study's Table 7)
        assertThat(t.columns()).containsExactly("(1) lgsp", "(2) lemp", "(3) lgsp", "(4) lpc", "(5) lgsp");
        assertThat(t.spans()).extracting(Table.Span::label).containsExactly("E1", "E2 / E3: lemp", "E2 / E3: lpc");
        assertThat(t.rows()).extracting(Table.Row::label).startsWith("lpcap", "", "lemp", "", "lpc", "", "unemp", "");
        Table.Row sobel = row(t, "Sobel z");
        assertThat(sobel.cells().get(0)).isEmpty();
        assertThat(sobel.cells().get(1)).isEmpty();
        assertThat(sobel.cells().get(2)).matches("-?\\d+\\.\\d{3}\\**");
        assertThat(sobel.cells().get(4)).isNotEmpty();
        assertThat(row(t, "95% CI, bias-corrected").cells().get(2)).matches("\\[-?\\d.*, -?\\d.*\\]");
        assertThat(row(t, "Verdict").cells().get(2)).isIn("Complete mediation", "Partial mediation", "Masking effect", "No mediation");
        assertThat(row(t, "Observations").cells()).containsOnly("816");
        assertThat(row(t, "Entity FE").cells()).containsOnly("Yes");
        assertThat(t.notes()).anyMatch(n -> n.contains("clustered by state (48 clusters)"));
        assertThat(t.notes()).anyMatch(n -> n.contains("200 replications") && n.contains("each drawn copy a new entity"));

        Table boot = r.tables().get(1);
        assertThat(boot.columns()).containsExactly("Estimate", "Boot SE", "z", "p-value", "95% CI (percentile)", "95% CI (bias-corrected)",
                "95% CI (normal)");
        assertThat(boot.rows()).extracting(Table.Row::label).contains("Indirect effect (a\u00d7b)", "Direct effect (c')", "Total effect (c)");
        Table verdict = r.tables().get(2);
        assertThat(verdict.rows()).extracting(Table.Row::label).containsExactly("lemp", "lpc");
        assertThat(verdict.notes().get(0)).startsWith("lemp: Step 1 (total effect)");

        // one path diagram per mediator, valid self-contained SVG with the coefficients and stars
        assertThat(r.figures()).extracting(Figure::id).containsExactly("path-lemp", "path-lpc");
        for (Figure f : r.figures()) {
            Document svg = parse(f.svg());
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(f.svg()).doesNotContain("href").contains("a = ").contains("b = ").contains("c&#39; = ").contains("total c = ")
                    .contains("***").contains("bias-corrected bootstrap CI").contains("Wen &amp; Ye (2014)");
            assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(3);   // three arrowheads
        }
        assertThat(r.warnings()).extracting(w -> w.code()).doesNotContain("few-replications", "dropped-missing");
    }

    @Test
    void parallelMediatorsTableLayout() {
        StepResult r = Fixtures.run(Fixtures.produc(), Fixtures.params("lpcap", List.of("lemp", "lpc"), "lgsp", List.of("unemp"), true,
                100, null, List.of("percentile"), null), 3, 2);
        Table t = r.tables().get(0);
        assertThat(t.columns()).containsExactly("(1) lgsp", "(2) lemp", "(3) lpc", "(4) lgsp");
        assertThat(t.spans()).extracting(Table.Span::label).containsExactly("E1", "E2", "E3 (parallel mediators)");
        Table.Row sobel = row(t, "Sobel z");
        assertThat(sobel.cells().get(1)).isNotEmpty();
        assertThat(sobel.cells().get(2)).isNotEmpty();
        assertThat(sobel.cells().get(3)).isEmpty();
        assertThat(row(t, "Indirect effect a\u00d7b").cells().get(3)).endsWith("(total)");
        // only the requested interval is reported; the decision interval (BC) is still computed and named
        assertThat(r.tables().get(1).columns()).containsExactly("Estimate", "Boot SE", "z", "p-value", "95% CI (percentile)");
        assertThat(r.coefficients()).extracting(c -> c.term())
                .containsExactly("total", "a:lemp", "b:lemp", "indirect:lemp", "a:lpc", "b:lpc", "indirect:lpc", "direct", "indirect:total");
        assertThat(r.warnings()).extracting(w -> w.code()).contains("few-replications");
    }

    @Test
    void resultsJsonHasTheSections() throws Exception {
        StepResult r = Fixtures.run(Fixtures.produc(), Fixtures.params("lpcap", List.of("lemp"), "lgsp", List.of(), false, 200, null,
                List.of("percentile", "bc", "bca", "normal"), null), 3, 1);
        JsonNode j = Json.mapper().readTree(Json.mapper().writeValueAsString(r));
        assertThat(j.get("coefficients").get(0).get("term").asText()).isEqualTo("total");
        assertThat(j.get("statistics").get("nobs").asInt()).isEqualTo(816);
        assertThat(j.get("statistics").get("verdict:lemp").asText()).isIn("COMPLETE_MEDIATION", "PARTIAL_MEDIATION");
        assertThat(j.get("statistics").get("seed").asLong()).isEqualTo(3);
        assertThat(j.get("tests").get(0).get("name").asText()).isEqualTo("sobel:lemp");
        JsonNode med = j.get("mediation").get(0);
        assertThat(med.get("mediator").asText()).isEqualTo("lemp");
        assertThat(med.get("verdict").get("steps").size()).isGreaterThanOrEqualTo(3);
        assertThat(med.get("bootstrap").get(0).get("bca").get("low").isNumber()).isTrue();
        assertThat(med.get("bootstrap").get(0).get("acceleration").isNumber()).isTrue();
        assertThat(j.get("equations")).hasSize(3);
        assertThat(j.get("bootstrap").get("resample").asText()).isEqualTo("cluster");
        assertThat(j.get("bootstrap").get("jackknife").asText()).isEqualTo("entity");
        assertThat(j.get("bootstrap").get("algorithm").asText()).contains("xoshiro256++");
    }

    @Test
    void commonSampleWithMissingMediatorValues() {
        Panel full = Fixtures.produc();
        double[] m = full.column("lemp");
        for (int i = 0; i < m.length; i += 37) m[i] = Double.NaN;
        Panel panel = full.withColumn("lemp", m);
        StepResult r = Fixtures.run(panel, Fixtures.params("lpcap", List.of("lemp"), "lgsp", List.of(), false, 0, null, null, null), 1, 1);
        @SuppressWarnings("unchecked")
        List<Results.Equation> eqs = (List<Results.Equation>) r.sections().get("equations");
        int dropped = (m.length + 36) / 37;
        assertThat(eqs).extracting(Results.Equation::nobs).containsOnly(816 - dropped);
        assertThat(r.statistic("droppedRows")).isEqualTo(dropped);
        assertThat(r.warnings()).extracting(w -> w.code()).contains("dropped-missing");
        // no bootstrap: the verdict still exists and says the Sobel test decided if step 3 was needed
        assertThat(r.tables()).extracting(Table::id).containsExactly("mediation", "verdict");
        assertThat(r.sections()).doesNotContainKey("bootstrap");
    }

    @Test
    void mediatorAbsorbedByFixedEffectsIsAnError() {
        Panel full = Fixtures.produc();
        double[] fixed = new double[full.rows()];
        for (int i = 0; i < fixed.length; i++) fixed[i] = full.entityIndex(i) * 0.1;
        Panel panel = full.withColumn("mfixed", fixed);
        assertThatThrownBy(() -> Fixtures.run(panel, Fixtures.params("lpcap", List.of("mfixed"), "lgsp", List.of(), false, 0, null, null,
                null), 1, 1)).isInstanceOf(EstimationException.class)
                .hasMessageContaining("equation E2 (mfixed), mfixed on lpcap: dependent variable 'mfixed' is absorbed")
                .hasMessageContaining("entity and time fixed effects");
    }

    /** {@code by: region}: the runner hands each region's rows to the step; each gets its own seed. */
    @Test
    void perRegionRuns() {
        Panel panel = Synthetic.panel(5, 36, 10, 0.3, new double[] {0.5}, new double[] {0.4});
        MediationTest.Parameters p = Fixtures.params("x", List.of("m1"), "y", List.of("w"), false, 200, null, null, null);
        for (Map.Entry<String, Panel> g : panel.split("region").entrySet()) {
            StepResult r = new MediationTest().run(p, new TestContext(g.getValue(), g.getKey().hashCode(), 2).group(g.getKey()));
            assertThat(r.statistic("entities")).isEqualTo(18.0);
            assertThat(r.statistic("nobs")).isEqualTo(180.0);
            assertThat(r.warnings()).extracting(w -> w.code()).contains("few-clusters");
            assertThat(SyntheticTest.mediators(r).get(0).verdict().classification()).isEqualTo(WenYe.Classification.PARTIAL_MEDIATION);
        }
    }

    private static Table.Row row(Table t, String label) {
        return t.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("invalid SVG: " + e.getMessage(), e);
        }
    }
}
