package eres.plugins.iv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimator as a chain step: parameters, errors, tables, result contract. */
class IvEstimatorTest {

    static Panel cigar() {
        return CigarPanelTest.panel();
    }

    static IvEstimator.Parameters params(List<String> endog, List<String> inst, List<String> controls, String effects, String se) {
        return new IvEstimator.Parameters("ln_sales", endog, inst, controls, eres.api.panel.Effects.of(effects),
                eres.api.inference.CovarianceType.of(se), null, null, null, false, null, 0.95,
                Map.of("ln_price", "Log real price"));
    }

    static StepResult run(IvEstimator.Parameters p, Panel panel) {
        return new IvEstimator().run(p, new TestContext(panel));
    }

    @Test
    void fewerInstrumentsThanEndogenousIsASpecError() {
        assertThatThrownBy(() -> params(List.of("ln_price", "ln_ndi"), List.of("ln_pimin"), List.of(), "twoways", "cluster"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'instruments' has 1 excluded instrument(s) for 2 endogenous regressor(s)")
                .hasMessageContaining("not identified");
    }

    @Test
    void endogenousVariableAlsoAControlIsASpecError() {
        assertThatThrownBy(() -> params(List.of("ln_price"), List.of("ln_pimin"), List.of("ln_ndi", "ln_price"), "twoways", "cluster"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'controls' 'ln_price' is also listed as endogenous");
    }

    @Test
    void instrumentListedAsControlOrDependentIsASpecError() {
        assertThatThrownBy(() -> params(List.of("ln_price"), List.of("ln_ndi"), List.of("ln_ndi"), "twoways", "cluster"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'ln_ndi' is also a control");
        assertThatThrownBy(() -> params(List.of("ln_price"), List.of("ln_sales"), List.of(), "twoways", "cluster"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'ln_sales' is also used");
        assertThatThrownBy(() -> params(List.of("ln_price"), List.of("ln_pimin"), List.of(), "random", "cluster"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'effects'");
    }

    @Test
    void timeInvariantInstrumentIsAbsorbedByEntityEffects() {
        Panel p = cigar();
        double[] z = p.column("ln_pimin");
        double[] means = eres.api.panel.FixedEffectsProjection.groupMeans(z, p.entityIndices(), p.entityCount());
        double[] ti = new double[z.length];
        for (int i = 0; i < z.length; i++) ti[i] = means[p.entityIndex(i)];
        Panel q = p.withColumn("pimin_1964", ti);
        assertThatThrownBy(() -> run(params(List.of("ln_price"), List.of("pimin_1964"), List.of("ln_ndi"), "entity", "cluster"), q))
                .isInstanceOf(EstimationException.class)
                .hasMessageStartingWith("instrument 'pimin_1964' is absorbed by the entity fixed effects")
                .satisfies(ex -> assertThat(((EstimationException) ex).reason()).isEqualTo(EstimationException.Reason.ABSORBED_REGRESSOR));
        // with pooled effects the same column is a valid instrument
        assertThat(run(params(List.of("ln_price"), List.of("pimin_1964"), List.of("ln_ndi"), "pooled", "cluster"), q).coefficients())
                .isNotEmpty();
    }

    @Test
    void instrumentCollinearWithControlsIsAnError() {
        Panel p = cigar();
        double[] ndi = p.column("ln_ndi");
        double[] z = new double[ndi.length];
        for (int i = 0; i < z.length; i++) z[i] = 2 * ndi[i] + 1;
        Panel q = p.withColumn("z_bad", z);
        assertThatThrownBy(() -> run(params(List.of("ln_price"), List.of("z_bad"), List.of("ln_ndi"), "twoways", "cluster"), q))
                .isInstanceOf(EstimationException.class)
                .hasMessage("instrument 'z_bad' is collinear with the controls (and the fixed effects): it carries no excluded variation");
    }

    @Test
    void unknownColumnIsADataError() {
        assertThatThrownBy(() -> run(params(List.of("ln_price"), List.of("ln_pimn"), List.of(), "twoways", "cluster"), cigar()))
                .isInstanceOf(eres.api.DataException.class).hasMessageContaining("ln_pimn");
    }

    @Test
    void table4LayoutHasFirstAndSecondStageSideBySideWithDiagnosticsUnderneath() {
        StepResult r = run(params(List.of("ln_price"), List.of("ln_pimin", "ln_pimin_lag"), List.of("ln_ndi"), "twoways", "cluster"),
                cigar());
        Table t = r.tables().get(0);
        assertThat(t.id()).isEqualTo("iv");
        assertThat(t.columns()).containsExactly("(1) Log real price", "(2) ln_sales");
        assertThat(t.spans()).extracting(Table.Span::label).containsExactly("First stage", "Second stage");
        List<String> body = t.rows().stream().filter(x -> x.kind() == Table.Row.Kind.BODY).map(Table.Row::label).toList();
        assertThat(body).containsExactly("Log real price", "ln_pimin", "ln_pimin_lag", "ln_ndi");
        List<String> footer = t.rows().stream().filter(x -> x.kind() == Table.Row.Kind.FOOTER).map(Table.Row::label).toList();
        assertThat(footer).containsExactly("First-stage F", "Partial R-squared", "Kleibergen-Paap rk LM [p]", "Cragg-Donald Wald F",
                "Kleibergen-Paap rk Wald F", "Stock-Yogo 10% maximal IV size", "Durbin-Wu-Hausman chi2 [p]", "Wu-Hausman F [p]",
                "Hansen J chi2 [p]", "R-squared", "Entity FE", "Year FE", "Observations", "Entities");
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("clustered by state (46 clusters)"));
        Table.Row firstF = t.rows().stream().filter(x -> x.label().equals("First-stage F")).findFirst().orElseThrow();
        assertThat(firstF.cells().get(0)).startsWith(eres.api.table.Formats.fixed(r.statistic("firstStageF"), 2));
        assertThat(firstF.cells().get(1)).isEmpty();
        Table.Row sy = t.rows().stream().filter(x -> x.label().startsWith("Stock-Yogo")).findFirst().orElseThrow();
        assertThat(sy.cells().get(1)).isEqualTo("19.93"); // K1 = 1, L1 = 2
        assertThat(r.tables()).extracting(Table::id).containsExactly("iv", "first-stage", "iv-tests");
        assertThat(r.statistic("dofminus")).isEqualTo(46);
        assertThat(r.statistic("sdofminus")).isEqualTo(28);
        // two-way effects leave little first-stage variation with state clusters: flagged
        assertThat(r.warnings()).extracting(eres.api.result.Warning::code).containsOnly("weak-instruments");
    }

    @Test
    void conventionalTableShowsAndersonAndSarganAndWeakInstrumentWarning() {
        StepResult r = run(params(List.of("ln_price", "ln_ndi"), List.of("ln_pimin", "ln_pimin_lag", "ln_ndi_lag"), List.of(),
                "twoways", "conventional"), cigar());
        List<String> footer = r.tables().get(0).rows().stream().filter(x -> x.kind() == Table.Row.Kind.FOOTER).map(Table.Row::label).toList();
        assertThat(footer).contains("Anderson canon. corr. LM [p]", "Sargan chi2 [p]", "Sanderson-Windmeijer F")
                .doesNotContain("Kleibergen-Paap rk LM [p]");
        assertThat(r.tables().get(0).columns()).hasSize(3);
        assertThat(r.test("kleibergen-paap-lm").note()).contains("robust or cluster");
        assertThat(r.statistic("stockYogo10")).isEqualTo(13.43); // K1 = 2, L1 = 3
    }

    @Test
    void resultIsDeterministicAndSerialisable() throws Exception {
        IvEstimator.Parameters p = params(List.of("ln_price"), List.of("ln_pimin"), List.of("ln_ndi"), "twoways", "cluster");
        ObjectMapper json = new ObjectMapper();
        String a = json.writeValueAsString(run(p, cigar()));
        String b = json.writeValueAsString(run(p, cigar()));
        assertThat(a).isEqualTo(b).contains("\"firstStage\"", "\"identification\"", "\"kleibergen-paap-lm\"", "\"coefficients\"");
        assertThat(json.readTree(a).get("statistics").get("nobs").asInt()).isEqualTo(1334);
    }

    @Test
    void droppedRowsAreCountedAndWarned() {
        Panel p = cigar();
        double[] z = p.column("ln_pimin").clone();
        z[0] = Double.NaN;
        z[5] = Double.NaN;
        StepResult r = run(params(List.of("ln_price"), List.of("z_gap"), List.of("ln_ndi"), "entity", "robust"), p.withColumn("z_gap", z));
        assertThat(r.statistic("nobs")).isEqualTo(1332);
        assertThat(r.statistic("droppedRows")).isEqualTo(2);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("dropped-missing"));
    }

    @Test
    void isAnEstimatorExtensionListedInThePf4jIndex() throws Exception {
        assertThat(new IvEstimator().id()).isEqualTo("iv-2sls");
        assertThat(new IvEstimator().kind()).isEqualTo(eres.api.ExtensionKind.ESTIMATOR);
        StringBuilder all = new StringBuilder();
        var urls = IvEstimatorTest.class.getClassLoader().getResources("META-INF/extensions.idx");
        while (urls.hasMoreElements()) {
            try (var in = urls.nextElement().openStream()) {
                all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(all.toString()).contains(IvEstimator.class.getName());
    }

    @Test
    void stockYogoTableSpotChecks() {
        assertThat(StockYogo.criticalValues(1, 1)).containsEntry("10% maximal IV size", 16.38).containsEntry("25% maximal IV size", 5.53)
                .doesNotContainKey("5% maximal IV relative bias");
        assertThat(StockYogo.criticalValues(3, 30)).containsEntry("5% maximal IV relative bias", 20.27).hasSize(4);
        assertThat(StockYogo.criticalValues(1, 31)).isEmpty();
        assertThat(StockYogo.size10(2, 2)).isEqualTo(7.03);
    }
}
