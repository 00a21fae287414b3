package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three fixed-effects equations and the Sobel/Aroian/Goodman tests against R (fixtures/make.R:
 * lm LSDV with state and year dummies, cross-checked with plm within; Stata's cluster factor) on plm's
 * Produc panel: x = log(pcap), m = log(emp), y = log(gsp), with and without controls, two mediators
 * separately and in parallel.
 *
 * <p>Tolerances: coefficients and standard errors 1e-9 relative (PanelRegression agrees with R to about
 * 1e-12 on this panel, see the panel-fe fixtures; the margin covers the LSDV rounding on R's side);
 * the derived z statistics and p-values inherit it (p-values down to 1e-38 compared relatively, since
 * the normal tail is evaluated directly on both sides).
 */
class ProducFixtureTest {
    private static final double TOL = 1e-9;

    @ParameterizedTest(name = "{0} ({1} standard errors)")
    @CsvSource({"simple,cluster", "simple,conventional", "controls,cluster", "controls,conventional", "separate2,cluster",
            "parallel,cluster", "parallel,conventional"})
    void equationsAndDeltaTestsMatchR(String name, String se) {
        JsonNode c = Fixtures.producExpected().get("cases").get(name);
        String x = c.get("x").asText();
        List<String> meds = strings(c.get("mediators"));
        List<String> controls = strings(c.get("controls"));
        boolean parallel = c.get("parallel").asBoolean();
        StepResult r = Fixtures.run(Fixtures.produc(), Fixtures.params(x, meds, "lgsp", controls, parallel, 0, null, null, se), 1, 1);
        String seKey = se.equals("cluster") ? "se_cluster" : "se_conventional";

        @SuppressWarnings("unchecked")
        List<Results.Equation> eqs = (List<Results.Equation>) r.sections().get("equations");
        compare(equation(eqs, "E1"), c.get("e1"), seKey);
        for (String m : meds) compare(equation(eqs, "E2:" + m), c.get("e2").get(m), seKey);
        if (parallel) {
            compare(equation(eqs, "E3"), c.get("e3").get("all"), seKey);
        } else {
            for (String m : meds) compare(equation(eqs, "E3:" + m), c.get("e3").get(m), seKey);
        }

        @SuppressWarnings("unchecked")
        List<Results.Mediator> mediators = (List<Results.Mediator>) r.sections().get("mediation");
        double sumIndirect = 0;
        for (Results.Mediator m : mediators) {
            JsonNode e = c.get("mediation").get(m.mediator());
            assertThat(Fixtures.rel(m.indirect(), e.get("indirect").asDouble())).isLessThan(TOL);
            JsonNode s = e.get(se.equals("cluster") ? "sobel_cluster" : "sobel_conventional");
            for (DeltaTests.Test t : List.of(m.sobel(), m.aroian(), m.goodman())) {
                assertThat(Fixtures.rel(t.stdError(), s.get(t.name() + "_se").asDouble())).as(t.name() + " se").isLessThan(TOL);
                assertThat(Fixtures.rel(t.z(), s.get(t.name() + "_z").asDouble())).as(t.name() + " z").isLessThan(TOL);
                assertThat(Fixtures.rel(t.pValue(), s.get(t.name() + "_p").asDouble())).as(t.name() + " p").isLessThan(1e-7);
            }
            assertThat(r.test("sobel:" + m.mediator()).statistic()).isEqualTo(m.sobel().z());
            sumIndirect += m.indirect();
            // the OLS identity c = c' + ab on one common sample (method spec section 1): exact up to rounding
            if (!parallel) assertThat(m.total().estimate() - (m.direct().estimate() + m.indirect())).isCloseTo(0, within(1e-12));
        }
        if (parallel) {
            Results.Mediator first = mediators.get(0);
            assertThat(first.total().estimate() - (first.direct().estimate() + sumIndirect)).isCloseTo(0, within(1e-12));
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    private static void compare(Results.Equation eq, JsonNode expected, String seKey) {
        assertThat(eq.nobs()).isEqualTo(816);
        assertThat(Fixtures.rel(eq.r2Within(), expected.get("r2_within").asDouble())).as(eq.id() + " r2").isLessThan(TOL);
        expected.get("coefficients").fields().forEachRemaining(f -> {
            Coefficient k = eq.coefficients().stream().filter(q -> q.term().equals(f.getKey())).findFirst().orElseThrow();
            assertThat(Fixtures.rel(k.estimate(), f.getValue().get("estimate").asDouble())).as(eq.id() + " " + f.getKey()).isLessThan(TOL);
            assertThat(Fixtures.rel(k.stdError(), f.getValue().get(seKey).asDouble())).as(eq.id() + " se " + f.getKey()).isLessThan(TOL);
            String pKey = seKey.equals("se_cluster") ? "p_cluster" : "p_conventional";
            assertThat(Fixtures.rel(k.pValue(), f.getValue().get(pKey).asDouble())).as(eq.id() + " p " + f.getKey()).isLessThan(1e-6);
        });
    }

    private static Results.Equation equation(List<Results.Equation> eqs, String id) {
        return eqs.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no equation " + id));
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(v -> out.add(v.asText()));
        else if (n.isTextual()) out.add(n.asText());
        return out;
    }
}
