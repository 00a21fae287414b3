package eres.plugins.gmm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Known answers from R 4.2.2 / plm 2.6-2 {@code pgmm} on the Arellano-Bond (1991) EmplUK panel
 * (fixtures/make.R writes the data and the expected values; see fixtures/README.md).
 *
 * <p>Tolerances: coefficients 1e-8 relative, standard errors and statistics 1e-7 relative. Both programs
 * solve the same normal equations directly (plm with LU, eres with Cholesky on the same sums) and the
 * fixtures carry 15 significant digits, so agreement is ~1e-10; 1e-7 leaves room only for rounding while
 * any difference of convention (instrument set, weighting, correction) shows at 1e-3 or more.
 */
class PlmKnownAnswerTest {
    private static final double REL_B = 1e-8;
    private static final double REL = 1e-7;

    static JsonNode expected(String name) throws Exception {
        return new ObjectMapper().readTree(TestData.resource(PlmKnownAnswerTest.class, "/fixtures/" + name + ".json"));
    }

    static StepResult run(Params p) {
        return new GmmEstimator().run(p.build(), new TestContext(EmplUK.panel()));
    }

    static void coefficients(String c, JsonNode e, StepResult r, String seKey) {
        assertThat(r.coefficients()).as(c + " terms").hasSize(e.get("coefficients").size());
        e.get("coefficients").fields().forEachRemaining(t -> {
            double want = t.getValue().asDouble();
            assertThat(r.coefficient(t.getKey()).estimate()).as(c + " " + t.getKey()).isCloseTo(want, rel(want, REL_B));
        });
        if (seKey != null) {
            e.get(seKey).fields().forEachRemaining(t -> {
                double want = t.getValue().asDouble();
                assertThat(r.coefficient(t.getKey()).stdError()).as(c + " " + seKey + " " + t.getKey()).isCloseTo(want, rel(want, REL));
            });
        }
    }

    static Offset<Double> rel(double v, double tol) {
        return Offset.offset(Math.max(Math.abs(v) * tol, 1e-14));
    }

    /** Arellano & Bond (1991) Table 4 (b): two-step difference GMM with period dummies. */
    static Params ab91() {
        Params p = new Params();
        p.lags = 2;
        p.x = List.of("w", "L.w", "k", "ys", "L.ys");
        p.gmm = List.of(Params.gmm("n", 2));
        p.model = "difference";
        p.steps = 2;
        return p;
    }

    @Test
    void arellanoBondTable4bTwoStep() throws Exception {
        JsonNode e = expected("ab91-table4b");
        Params p = ab91();
        p.se = "robust";
        StepResult robust = run(p);
        coefficients("ab91 robust", e, robust, "se_robust");
        assertThat(robust.statistic("instruments")).isEqualTo(e.get("instruments").asDouble());
        assertThat(robust.statistic("nobs")).isEqualTo(611);
        assertThat(robust.statistic("groups")).isEqualTo(140);
        close("hansen", robust.test("hansen").statistic(), e.get("hansen").asDouble());
        assertThat(robust.test("hansen").df()).isEqualTo(e.get("hansen_df").asDouble());
        close("ar1 robust", robust.test("ar1").statistic(), e.get("ar1_robust").asDouble());
        close("ar2 robust", robust.test("ar2").statistic(), e.get("ar2_robust").asDouble());
        p.se = "conventional";
        StepResult conv = run(p);
        coefficients("ab91 conventional", e, conv, "se_conventional");
        close("ar1 conventional", conv.test("ar1").statistic(), e.get("ar1_conventional").asDouble());
        close("ar2 conventional", conv.test("ar2").statistic(), e.get("ar2_conventional").asDouble());
    }

    @Test
    void blundellBondSystemOneStepRobust() throws Exception {
        JsonNode e = expected("bb98-system-onestep");
        Params p = new Params();
        p.lags = 1;
        p.x = List.of("w", "L.w", "k", "L.k");
        p.gmm = List.of(Params.gmm("n", 2), Params.gmm("w", 2), Params.gmm("k", 2));
        p.iv = List.of();
        p.dummyInstruments = "level";
        p.se = "robust";
        StepResult r = run(p);
        coefficients("bb98", e, r, "se_robust");
        assertThat(r.statistic("instruments")).isEqualTo(e.get("instruments").asDouble());
    }

    @Test
    void differenceOneStepCollapsedLagLimited() throws Exception {
        JsonNode e = expected("diff-onestep-collapsed");
        Params p = new Params();
        p.lags = 1;
        p.x = List.of("w", "k");
        p.gmm = List.of(Params.collapsed("n", 2, 4), Params.collapsed("w", 1, 3));
        p.model = "difference";
        p.timeDummies = false;
        p.se = "robust";
        StepResult r = run(p);
        coefficients("diff collapsed", e, r, "se_robust");
        assertThat(r.statistic("instruments")).isEqualTo(e.get("instruments").asDouble());
        close("ar1", r.test("ar1").statistic(), e.get("ar1_robust").asDouble());
        close("ar2", r.test("ar2").statistic(), e.get("ar2_robust").asDouble());
    }

    @Test
    void systemTwoStepCollapsedWindmeijer() throws Exception {
        JsonNode e = expected("sys-twostep-collapsed");
        Params p = new Params();
        p.lags = 1;
        p.x = List.of("w", "k");
        p.gmm = List.of(Params.collapsed("n", 2), Params.collapsed("w", 2), Params.collapsed("k", 2));
        p.dummyInstruments = "level";
        p.steps = 2;
        p.se = "robust";
        StepResult robust = run(p);
        coefficients("sys collapsed robust", e, robust, "se_robust");
        assertThat(robust.statistic("instruments")).isEqualTo(e.get("instruments").asDouble());
        close("hansen", robust.test("hansen").statistic(), e.get("hansen").asDouble());
        p.se = "conventional";
        coefficients("sys collapsed conventional", e, run(p), "se_conventional");
    }

    static void close(String what, double got, double want) {
        assertThat(got).as(what).isCloseTo(want, rel(want, REL));
    }
}
