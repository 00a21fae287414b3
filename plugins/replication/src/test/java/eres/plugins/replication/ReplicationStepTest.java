package eres.plugins.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The replication step: locators find numbers in results as results.json shows them, the calibration
 * bounds are evaluated as documented, and the bundled copy of the study's tables is complete and
 * consistent with the transcription (shared/study/published-tables.md).
 */
class ReplicationStepTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode node(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void locatorsSelectByFieldIndexAndNearestValue() throws Exception {
        JsonNode r = node("""
                {"coefficients": [{"term": "ln_opt", "estimate": 0.06, "stdError": 0.002}, {"term": "ln_fdi", "estimate": 0.01}],
                 "statistics": {"nobs": 465, "r2.within": 0.5},
                 "thresholds": [{"name": "Th-1", "model": 1, "value": 5.6}, {"name": "Th-21", "model": 2, "value": 5.64},
                                {"name": "Th-22", "model": 2, "value": 5.06}]}""");
        assertThat(Locator.parse("s: coefficients[term=ln_fdi].estimate").resolve(r).asDouble()).isEqualTo(0.01);
        assertThat(Locator.parse("s: coefficients[#0]").resolve(r).get("stdError").asDouble()).isEqualTo(0.002);
        assertThat(Locator.parse("s: statistics.nobs").resolve(r).asInt()).isEqualTo(465);
        assertThat(Locator.parse("s: thresholds[model=2][nearest=5.0632].name").resolve(r).asText()).isEqualTo("Th-22");
        assertThat(Locator.parse("s: thresholds[model=2][nearest=5.7]").resolve(r).get("name").asText()).isEqualTo("Th-21");
        assertThat(Locator.parse("s: thresholds[model=3][nearest=5]").resolve(r)).isNull();
        assertThat(Locator.parse("s: thresholds[model=2][order=0].name").resolve(r).asText()).isEqualTo("Th-22");
        assertThat(Locator.parse("s: thresholds[model=2][order=1].name").resolve(r).asText()).isEqualTo("Th-21");
        assertThat(Locator.parse("s: thresholds[model=2][order=2]").resolve(r)).isNull();
        assertThat(Locator.parse("s: coefficients[term=ln_int]").resolve(r)).isNull();
        assertThat(Locator.parse("t6-opt--east: statistics.nobs").step()).isEqualTo("t6-opt--east");
        assertThat(Locator.tokens("a.b[c=1.5][#2].d")).containsExactly("a", "b", "[c=1.5]", "[#2]", "d");
        assertThatThrownBy(() -> Locator.parse("no colon")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> Locator.parse("s: a[b").resolve(r)).isInstanceOf(SpecException.class);
    }

    @Test
    void valuesAreEstimatesWithTheirStandardErrorsOrPlainNumbers() throws Exception {
        assertThat(ReplicationStep.value(node("{\"estimate\": 1.5, \"stdError\": 0.5}"))).containsExactly(1.5, 0.5);
        assertThat(ReplicationStep.value(node("2.5"))[0]).isEqualTo(2.5);
        assertThat(ReplicationStep.value(node("{\"value\": 5.06, \"ciLow\": 5.0}"))[0]).isEqualTo(5.06);
        assertThat(ReplicationStep.value(null)[0]).isNaN();
        assertThat(ReplicationStep.value(node("\"text\""))[0]).isNaN();
    }

    private static Published.Number number(double value, double se, Published.Check check) {
        return new Published.Number("T|c|r", "T", "c", "r", value, se, "", null, check, null);
    }

    @Test
    void calibrationBoundsAreEvaluatedAsDocumented() throws Exception {
        Panel panel = TestData.panel("id,year,q\na,1,4.9\na,2,5.05\nb,1,5.07\nb,2,5.2\n", "id", "year", null);
        Map<String, double[]> none = Map.of();
        // within 2 published SEs and the same sign
        Published.Check se = new Published.Check("se", 2, null, null);
        assertThat(ReplicationStep.holds(number(0.0614, 0.0025, se), new double[] {0.066, 0.004}, null, none, panel)).isTrue();
        assertThat(ReplicationStep.holds(number(0.0614, 0.0025, se), new double[] {0.0665, 0.004}, null, none, panel)).isFalse();
        assertThat(ReplicationStep.holds(number(0.0016, 0.0061, se), new double[] {-0.001, 0.004}, null, none, panel)).isFalse();
        Published.Check rel = new Published.Check("relative", 0.15, null, null);
        assertThat(ReplicationStep.holds(number(0.1848, Double.NaN, rel), new double[] {0.21, Double.NaN}, null, none, panel)).isTrue();
        assertThat(ReplicationStep.holds(number(0.1848, Double.NaN, rel), new double[] {0.22, Double.NaN}, null, none, panel)).isFalse();
        // the published threshold 5.06 splits the sample like the data value 5.05: covered by [5.05, 5.07], not by [5.07, 5.2]
        Published.Check in = new Published.Check("in-interval", Double.NaN, "q", null);
        assertThat(ReplicationStep.split(panel, "q", 5.06)).isEqualTo(5.05);
        assertThat(ReplicationStep.holds(number(5.06, Double.NaN, in), new double[] {5.07, Double.NaN},
                node("{\"value\": 5.07, \"ciLow\": 5.05, \"ciHigh\": 5.07}"), none, panel)).isTrue();
        assertThat(ReplicationStep.holds(number(5.06, Double.NaN, in), new double[] {5.07, Double.NaN},
                node("{\"value\": 5.07, \"ciLow\": 5.07, \"ciHigh\": 5.2}"), none, panel)).isFalse();
        Published.Check pos = new Published.Check("positive-significant", Double.NaN, null, null);
        assertThat(ReplicationStep.holds(number(0.471, 0.064, pos), new double[] {0.42, 0.06}, node("{\"estimate\": 0.42, \"ciLow\": 0.3}"),
                none, panel)).isTrue();
        assertThat(ReplicationStep.holds(number(0.471, 0.064, pos), new double[] {0.05, 0.06}, node("{\"estimate\": 0.05, \"ciLow\": -0.07}"),
                none, panel)).isFalse();
        Published.Check below = new Published.Check("below", Double.NaN, null, "T|c|low");
        assertThat(ReplicationStep.holds(number(0.0383, 0.0055, below), new double[] {0.02, Double.NaN}, null,
                Map.of("T|c|low", new double[] {0.03, Double.NaN}), panel)).isTrue();
        assertThat(ReplicationStep.holds(number(2, Double.NaN, new Published.Check("equal", Double.NaN, null, null)), new double[] {1, 0}, null,
                none, panel)).isFalse();
        assertThat(ReplicationStep.holds(number(-0.07, 0.1, new Published.Check("sign", Double.NaN, null, null)), new double[] {-0.01, 0}, null,
                none, panel)).isTrue();
    }

    @Test
    void theGrandMeanConstantIsMeanYMinusMeanXTimesTheSlopes() throws Exception {
        Panel panel = TestData.panel("id,year,y,x\na,1,1,2\na,2,3,4\nb,1,2,1\nb,2,6,5\n", "id", "year", null);
        JsonNode r = node("{\"coefficients\": [{\"term\": \"x\", \"estimate\": 0.5}]}");
        assertThat(ReplicationStep.grandMeanConstant(r, "y", panel)).isCloseTo(3.0 - 0.5 * 3.0, within(1e-15));
        assertThat(ReplicationStep.grandMeanConstant(r, "nothing", panel)).isNaN();
    }

    @Test
    void runsOnEarlierResultsAndListsWhatItCannotFind() {
        Panel panel = TestData.panel("id,year,eres,ln_opt\na,1,0.1,4\na,2,0.2,5\nb,1,0.3,4.5\nb,2,0.4,5.5\n", "id", "year", null);
        StepResult t3 = StepResult.builder().coefficient(new Coefficient("ln_opt", 0.0614 + 0.0025, 0.003, 20, 0, 0.06, 0.07))
                .statistic("nobs", 465L).build();
        TestContext ctx = new TestContext(panel).previous("t3-opt", t3);
        StepResult r = new ReplicationStep().run(new ReplicationStep.Parameters(null, null, null), ctx);
        @SuppressWarnings("unchecked")
        List<ReplicationStep.Row> rows = (List<ReplicationStep.Row>) r.sectionsForJson().get("replication");
        ReplicationStep.Row opt = rows.stream().filter(x -> x.id().equals("Table 3|(1)|Opt")).findFirst().orElseThrow();
        assertThat(opt.eres()).isEqualTo(0.0639);
        assertThat(opt.difference()).isCloseTo(1.0, within(1e-12));
        assertThat(opt.passed()).isTrue();
        ReplicationStep.Row missing = rows.stream().filter(x -> x.id().equals("Table 3|(2)|Opt")).findFirst().orElseThrow();
        assertThat(missing.eres()).isNaN();
        assertThat(missing.passed()).isFalse();
        assertThat(r.statistics().get("numbers")).isEqualTo((long) rows.size());
        assertThat(r.tables()).extracting(t -> t.id()).containsExactly("replication", "replication-summary");
    }

    @Test
    void theBundledTablesHoldEveryPublishedNumberOnce() {
        Published p = Published.load("jiao-chen-li-2025");
        assertThat(p.provenance()).contains("published-tables.md");
        // spot checks against the transcription
        Map<String, Published.Number> by = new java.util.HashMap<>();
        for (Published.Number n : p.numbers()) by.put(n.id(), n);
        assertThat(by.get("Table 1|weight|Students enrolled in regular higher education (10,000)").value()).isEqualTo(0.1042);
        assertThat(by.get("Table 2|sd|Spe").value()).isEqualTo(2.4063);
        assertThat(by.get("Table 3|(4)|Nat").se()).isEqualTo(0.0095);
        assertThat(by.get("Table 4|(1) first stage|iv").value()).isEqualTo(0.7138);
        assertThat(by.get("Table 5|(2)|threshold q2").value()).isEqualTo(8.8589);
        assertThat(by.get("Table 6|northeast|Opt: threshold 1").value()).isEqualTo(4.3447);
        assertThat(by.get("Table 7|Int (3) Eres|MID").value()).isEqualTo(0.131);
        assertThat(by.get("Table 8|Spe / Int|indirect: 95% CI high").value()).isEqualTo(0.0008);
        assertThat(by.get("Table A1|1/VIF|Nat").value()).isEqualTo(0.1175);
        assertThat(by.get("Table A2|(2) Int|LM-lag").value()).isEqualTo(6.590);
        // Table 1's weights sum to one (as printed, 0.9998)
        double sum = p.numbers().stream().filter(n -> n.table().equals("Table 1")).mapToDouble(Published.Number::value).sum();
        assertThat(sum).isCloseTo(1.0, within(5e-4));
        // every Table 3 coefficient is checked within two published SEs
        assertThat(p.numbers().stream().filter(n -> n.table().equals("Table 3") && !Double.isNaN(n.se())))
                .hasSize(18).allMatch(n -> n.check() != null && n.check().kind().equals("se"));
        assertThatThrownBy(() -> Published.load("no-such-study")).isInstanceOf(SpecException.class).hasMessageContaining("bundled");
        assertThatThrownBy(() -> Published.load("../x")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> new ReplicationStep.Parameters("no-such-study", null, null)).isInstanceOf(SpecException.class)
                .hasMessageContaining("no published tables 'no-such-study'");
    }
}
