package eres.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.table.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one adapter from step results to table models, and the labels applied to steps' own tables. */
class ResultAdapterTest {
    record Regime(int index, String term) {
    }

    @Test
    void statisticsUnderOneVocabularyWhateverTheEstimatorCallsThem() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("nobs", 465L);
        raw.put("groups", 31L);
        raw.put("rss", 0.84);
        raw.put("r2Within", 0.92);
        raw.put("gamma1", 0.93);
        raw.put("se", "cluster");
        Map<String, Double> s = ResultAdapter.statistics(raw);
        assertThat(s).containsEntry("nobs", 465.0).containsEntry("entities", 31.0).containsEntry("ssr", 0.84)
                .containsEntry("r2-within", 0.92).containsEntry("threshold-1", 0.93).doesNotContainKey("r2");
        raw.put("units", 30L);
        raw.put("entities", 29L);
        assertThat(ResultAdapter.statistics(raw)).containsEntry("entities", 29.0);
    }

    @Test
    void theTypedSummaryIsReadFirst() {
        ObjectNode summary = JsonNodeFactory.instance.objectNode().put("nobs", 400).put("entities", 30).put("ssr", 0.5).put("r2", 0.8)
                .put("r2Within", 0.8).put("covariance", "cr1").put("clusters", 30).put("effects", "twoways");
        summary.putArray("clusterVariables").add("code").add("year");
        Map<String, Object> raw = ResultAdapter.withSummary(Map.of("nobs", 465L, "groups", 31L, "se", "conventional"), summary);
        assertThat(ResultAdapter.statistics(raw)).containsEntry("nobs", 400.0).containsEntry("entities", 30.0).containsEntry("ssr", 0.5);
        var cov = ResultAdapter.covariance("panel-fe", raw, "code");
        assertThat(cov.type()).isEqualTo("cluster");
        assertThat(cov.describe(Language.EN)).isEqualTo("clustered by code and year (30 clusters)");
        assertThat(ResultAdapter.covariance("panel-fe", Map.of("se", "hc3"), "code").type()).isEqualTo("robust");
        assertThat(ResultAdapter.covariance("panel-fe", Map.of("se", "driscoll-kraay"), "code").describe(Language.EN))
                .isEqualTo("Driscoll-Kraay (robust to cross-sectional dependence)");
    }

    @Test
    void thresholdRegimesAreNamedByRegimeNotByValueAndModelsAreOffered() {
        StepResult r = StepResult.builder()
                .coefficient(new Coefficient("x × I(q ≤ 0.9261)", 0.1, 0.01, 10, 0.001, 0.08, 0.12))
                .coefficient(new Coefficient("x × I(0.9261 < q ≤ 1.611)", 0.2, 0.01, 20, 0.001, 0.18, 0.22))
                .coefficient(new Coefficient("x × I(q > 1.611)", 0.3, 0.01, 30, 0.001, 0.28, 0.32))
                .coefficient(new Coefficient("fdi", 0.01, 0.01, 1, 0.3, -0.01, 0.03))
                .statistic("nobs", 465L).statistic("entities", 31L).statistic("se", "cluster").statistic("gamma1", 0.9261)
                .section("regimes", List.of(new Regime(0, "x × I(q ≤ 0.9261)"), new Regime(1, "x × I(0.9261 < q ≤ 1.611)"),
                        new Regime(2, "x × I(q > 1.611)")))
                .build();
        ObjectNode with = JsonNodeFactory.instance.objectNode().put("y", "y").put("threshold", "q");
        with.putArray("controls").add("fdi");
        ResultAdapter.Model m = ResultAdapter.model("threshold", with, "code", r, "main", Language.EN, Map.of("x", "ln X"));
        assertThat(m.coefficients()).extracting(Coefficient::term).containsExactly("x:lower", "x:middle", "x:upper", "fdi");
        assertThat(m.labels()).containsEntry("x:lower", "ln X (lower regime)").containsEntry("x:upper", "ln X (upper regime)");
        assertThat(m.regimeVariable()).isEqualTo("q");
        assertThat(m.indicators()).containsEntry("controls", "yes").containsEntry("entity-effects", "yes").containsEntry("time-effects", "no")
                .containsEntry("cluster", "code");
        assertThat(m.covariance().clusters()).isEqualTo(31L);
        assertThat(ResultAdapter.modelNames(r)).containsExactly("main");
        assertThat(ResultAdapter.model("threshold", with, "code", r, "first-stage", Language.EN, Map.of())).isNull();
        assertThat(ResultAdapter.regimeNames(2)).containsExactly("lower", "upper");
        assertThat(ResultAdapter.regimeNames(4)).containsExactly("lower", "middle-1", "middle-2", "upper");
    }

    @Test
    void chainLabelsReachTheTablesStepsMake() {
        Map<String, String> labels = Map.of("ln_opt", "ln Opt", "div", "Div", "nat", "Nat");
        Table t = Table.builder("c", "C").stub("Variable").columns("ln_opt", "(2)")
                .row("ln_opt", "1", "2").row("W*ln_opt", "1", "2").row("ln_opt × I(ln_opt ≤ 0.93)", "1", "2").row("a:div", "1", "2")
                .row("national", "1", "2").row("Observations", "1", "2").build();
        Table l = Relabel.apply(t, labels);
        assertThat(l.rows()).extracting(Table.Row::label).containsExactly("ln Opt", "W*ln Opt", "ln Opt × I(ln Opt ≤ 0.93)", "a:Div",
                "national", "Observations");
        assertThat(l.columns()).containsExactly("ln Opt", "(2)");
        Table tests = Table.builder("tests", "Tests").columns("statistic").row("entity-effects-f", "86.3").row("first-stage-f ln_opt", "1502")
                .row("wald-groupwise", "104").row("ln_opt", "1").build();
        assertThat(Relabel.apply(tests, labels, eres.api.table.Language.EN).rows()).extracting(Table.Row::label)
                .containsExactly("F test (no entity effects)", "First-stage F (ln Opt)", "Wald χ² (groupwise heteroskedasticity)", "ln Opt");
        assertThat(Relabel.apply(tests, Map.of(), eres.api.table.Language.ZH).rows().get(2).label()).isEqualTo("组间异方差 Wald 检验 χ²");
    }
}
