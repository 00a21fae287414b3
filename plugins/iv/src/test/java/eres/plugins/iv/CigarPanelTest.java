package eres.plugins.iv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Panel known answers computed with R (AER 1.2-10 LSDV 2SLS cross-checked against plm 2.6-2's within
 * IV estimator, sandwich 3.0-2) on plm's Cigar data: entity and two-way effects, just- and
 * over-identified, one and two endogenous regressors, conventional and state-clustered standard
 * errors, a pooled model with robust errors, time effects only, and an unbalanced two-way panel (30 rows removed). {@code fixtures/cigar/make.R} documents how every
 * expected number is obtained and put on ivreg2/xtivreg2 conventions.
 *
 * <p>The Anderson LM and Cragg–Donald F expected values come from R's {@code cancor()} on the
 * partialled variables and the textbook formulas {@code (n - G) r_min^2} and
 * {@code r_min^2/(1 - r_min^2) (n - L - G - sdofminus)/L1}: an implementation independent of ours
 * (which goes through the Cholesky-standardised reduced form and its SVD, as ranktest does).
 *
 * <p>Tolerance 1e-8 relative (or 1e-11 absolute, see {@link #ABS_TOL}): both sides solve well-conditioned least-squares problems by QR
 * (R's LINPACK QR on the dummy-variable design, ours on the within-transformed data), which agree to
 * about 1e-12; the margin covers the sandwich and statistic arithmetic.
 */
class CigarPanelTest {
    static final double TOL = 1e-8;
    /**
     * Absolute floor for statistics near zero: AER computes Sargan as n (1 - RSS_aux / TSS), whose rounding
     * error is about n eps = 3e-13 in absolute terms (the over-identified two-way Sargan is 5.7e-6).
     */
    static final double ABS_TOL = 1e-11;
    static final ObjectMapper JSON = new ObjectMapper();

    static Panel panel() {
        return panel("input.csv");
    }

    static Panel panel(String file) {
        return TestData.panel(TestData.resource(CigarPanelTest.class, "/fixtures/cigar/" + file), "state", "year", null);
    }

    static JsonNode expected(String name) {
        try {
            return JSON.readTree(TestData.resource(CigarPanelTest.class, "/fixtures/cigar/" + name + ".json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) n.forEach(v -> out.add(v.asText()));
        else out.add(n.asText());
        return out;
    }

    static double[] doubles(JsonNode n) {
        if (!n.isArray()) return new double[] {n.asDouble()};
        double[] out = new double[n.size()];
        for (int i = 0; i < n.size(); i++) out[i] = n.get(i).asDouble();
        return out;
    }

    static StepResult run(JsonNode e, boolean small) {
        IvEstimator.Parameters p = new IvEstimator.Parameters("ln_sales", strings(e.get("endogenous")), strings(e.get("instruments")),
                strings(e.get("controls")).stream().filter(s -> !s.isEmpty()).toList(), eres.api.panel.Effects.of(e.get("effects").asText()),
                eres.api.inference.CovarianceType.of(e.get("se").asText()), null, null, null, small, null, 0.95, Map.of());
        return new IvEstimator().run(p, new TestContext(panel(e.get("input").asText())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"just-entity-conventional", "just-twoways-cluster", "over-twoways-conventional", "over-entity-cluster",
            "two-endog-twoways-conventional", "two-endog-entity-cluster", "just-pooled-robust", "just-time-conventional",
            "over-twoways-unbalanced-cluster"})
    void matchesR(String name) {
        JsonNode e = expected(name);
        SoftAssertions soft = new SoftAssertions();
        for (boolean small : List.of(false, true)) {
            StepResult r = run(e, small);
            String tag = name + (small ? " small" : "");
            List<String> terms = strings(e.get("terms"));
            double[] b = doubles(e.get("b"));
            double[] se = doubles(e.get(small ? "se_small" : "se_large"));
            soft.assertThat(r.coefficients().stream().map(Coefficient::term).toList()).as(tag).containsExactlyElementsOf(terms);
            for (int j = 0; j < terms.size(); j++) {
                close(soft, tag + " b " + terms.get(j), r.coefficient(terms.get(j)).estimate(), b[j]);
                close(soft, tag + " se " + terms.get(j), r.coefficient(terms.get(j)).stdError(), se[j]);
            }
            soft.assertThat(r.statistic("nobs")).isEqualTo(e.get("n").asDouble());
            soft.assertThat(r.statistic("dofminus")).isEqualTo(e.get("dofminus").asDouble());
            soft.assertThat(r.statistic("sdofminus")).isEqualTo(e.get("sdofminus").asDouble());

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fs = (List<Map<String, Object>>) r.sections().get("firstStage");
            JsonNode efs = e.get("first_stage");
            for (int j = 0; j < efs.size(); j++) {
                JsonNode f = efs.get(j);
                Map<String, Object> mine = fs.get(j);
                @SuppressWarnings("unchecked")
                List<Coefficient> coefs = (List<Coefficient>) mine.get("coefficients");
                List<String> ft = strings(f.get("terms"));
                double[] fb = doubles(f.get("b"));
                double[] fse = doubles(f.get(small ? "se_small" : "se_large"));
                for (int k = 0; k < ft.size(); k++) {
                    String term = ft.get(k);
                    Coefficient c = coefs.stream().filter(x -> x.term().equals(term)).findFirst().orElseThrow();
                    close(soft, tag + " first stage " + j + " b " + ft.get(k), c.estimate(), fb[k]);
                    close(soft, tag + " first stage " + j + " se " + ft.get(k), c.stdError(), fse[k]);
                }
                eres.api.result.TestStatistic fStat = (eres.api.result.TestStatistic) mine.get("f");
                close(soft, tag + " first-stage F " + j, fStat.statistic(), f.get("F").asDouble());
                soft.assertThat(fStat.df()).as(tag).isEqualTo(f.get("F_df1").asDouble());
                soft.assertThat(fStat.df2()).as(tag).isEqualTo(f.get("F_df2").asDouble());
                close(soft, tag + " partial R2 " + j, (Double) mine.get("partialR2"), f.get("partial_r2").asDouble());
                close(soft, tag + " first-stage rmse " + j, (Double) mine.get("rmse"), f.get("rmse").asDouble());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> id = (Map<String, Object>) r.sections().get("identification");
            double[] cc = (double[]) id.get("canonicalCorrelations");
            double[] ecc = doubles(e.get("canonical_correlations"));
            for (int k = 0; k < ecc.length; k++) close(soft, tag + " canonical correlation " + k, cc[k], ecc[k]);
            close(soft, tag + " Anderson LM (cancor)", r.test("anderson-lm").statistic(), e.get("anderson_lm").asDouble());
            close(soft, tag + " Cragg-Donald F (cancor)", r.test("cragg-donald-f").statistic(), e.get("cragg_donald_f").asDouble());
            for (String key : Set.of("wu_hausman", "durbin", "sargan", "anderson_rubin_f", "kp_lm", "kp_wald_f", "hansen_j")) {
                if (!e.has(key)) continue;
                String test = switch (key) {
                    case "wu_hausman" -> "wu-hausman";
                    case "durbin" -> "durbin";
                    case "sargan" -> "sargan";
                    case "anderson_rubin_f" -> "anderson-rubin-f";
                    case "kp_lm" -> "kleibergen-paap-lm";
                    case "kp_wald_f" -> "kleibergen-paap-f";
                    default -> "hansen-j";
                };
                close(soft, tag + " " + key, r.test(test).statistic(), e.get(key).asDouble());
            }
            if (e.has("wu_hausman_df2")) soft.assertThat(r.test("wu-hausman").df2()).as(tag).isEqualTo(e.get("wu_hausman_df2").asDouble());
        }
        soft.assertAll();
    }

    static void close(SoftAssertions soft, String what, double mine, double expected) {
        double diff = Math.abs(mine - expected);
        soft.assertThat(diff <= TOL * Math.abs(expected) || diff <= ABS_TOL).as("%s: ours %s, R %s", what, mine, expected).isTrue();
    }
}
