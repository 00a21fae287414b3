package eres.plugins.sdm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.data.Geography;
import eres.api.data.Location;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import eres.api.spatial.LogDeterminant;
import eres.core.spatial.WeightsFactory;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Produc (48 US states x 17 years), W^G = row-standardised inverse squared distance between state
 * centroids, against fixtures/make.R (R 4.2.2; own implementation of the formulas cross-checked with
 * spatialreg 1.2.6, spdep 1.2.7, plm 2.6.2; see fixtures/README.md) and against the peers' own numbers
 * stored in the fixture's {@code peer} section (spatialreg's ML with unit and period dummies, and spatialreg
 * on the Lee-Yu-transformed data).
 *
 * <p>Tolerances: estimates, standard errors, log-likelihoods and test statistics 1e-6 relative against
 * make.R. Both sides maximise the same concentrated likelihood (R optimize to 1e-12, Java Brent to 1e-10 in
 * rho), so rho agrees to about 1e-10 and everything downstream to about 1e-8; 1e-6 leaves room for the
 * different linear algebra. Against spatialreg's lag models also 1e-6 (its optimiser stops within 4e-8 of the
 * optimum). Against spatialreg's error model with 64 dummies 1e-4 for lambda and its standard errors: its
 * normal-equation sum of squares is noisy at 5e-10 relative and the profile likelihood is flat (see make.R).
 * Simulated effect standard errors are Monte Carlo quantities (1000 draws, relative sampling error about
 * 1/sqrt(2000) = 2.2%): they are checked against the delta-method standard errors within 10%.
 */
class ProducKnownAnswerTest {
    static final List<String> X = List.of("lpcap", "lpc", "lemp", "unemp");
    static final List<String> SDM_TERMS = List.of("lpcap", "lpc", "lemp", "unemp", "W*lpcap", "W*lpc", "W*lemp", "W*unemp", "rho");
    static Panel panel;
    static SpatialWeights wg;
    static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        panel = TestData.panel(TestData.resource(ProducKnownAnswerTest.class, "/fixtures/produc/input.csv"), "state", "year", null);
        Map<String, Location> loc = new LinkedHashMap<>();
        String[] lines = TestData.resource(ProducKnownAnswerTest.class, "/fixtures/produc/centroids.csv").split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            loc.put(f[0], new Location(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        }
        Geography geo = new Geography(loc, Map.of(), null, null, "US state centroids (R datasets::state.center)");
        wg = WeightsFactory.build("wg", new ObjectMapper().readTree("{\"type\":\"inverse-distance\",\"power\":2}"), geo, panel.entities());
        expected = new ObjectMapper().readTree(TestData.resource(ProducKnownAnswerTest.class, "/fixtures/produc/expected.json"));
    }

    static SpatialParameters params(String effects, String bc, int draws, String logdet, String variance) {
        return Spec.of("y", "lgsp", "x", X, "weights", "wg", "effects", effects, "bias-correction", bc, "draws", draws, "logdet", logdet,
                "variance", variance);
    }

    static StepResult run(SpatialEstimator est, SpatialParameters p, int threads) {
        return est.run(p, new TestContext(panel, 20250101L, threads).weights("wg", wg));
    }

    static void close(double actual, double expected, double rel, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(1e-300, Math.abs(expected))));
    }

    static SpatialEstimator estimator(String model) {
        return switch (model) {
            case "sdm" -> new SdmEstimator();
            case "sar" -> new SarEstimator();
            case "sem" -> new SemEstimator();
            default -> new SlxEstimator();
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"twoways_leeyu, sdm", "twoways_leeyu, sar", "twoways_leeyu, sem", "twoways_leeyu, slx",
            "twoways_none, sdm", "twoways_none, sar", "twoways_none, sem", "twoways_none, slx",
            "twoways_transformation, sdm", "twoways_transformation, sar", "twoways_transformation, sem", "twoways_transformation, slx",
            "entity_leeyu, sdm", "entity_leeyu, sem", "entity_leeyu, slx", "entity_transformation, sdm", "entity_transformation, sem",
            "time_none, sdm", "time_none, sem", "time_transformation, sdm", "time_transformation, sar", "time_transformation, sem"})
    void estimatesMatchR(String kase, String model) {
        JsonNode c = expected.get(kase);
        JsonNode e = c.get(model);
        StepResult r = run(estimator(model), params(c.get("effects").asText(), c.get("bias_correction").asText(), 0, "auto", null), 1);
        JsonNode terms = e.get("terms");
        for (int j = 0; j < terms.size() - 1; j++) {
            String term = terms.get(j).asText();
            close(r.coefficient(term).estimate(), e.get("estimates").get(j).asDouble(), 1e-6, kase + " " + model + " " + term);
            close(r.coefficient(term).stdError(), e.get("se").get(j).asDouble(), 1e-6, kase + " " + model + " se " + term);
        }
        close(r.statistic("sigma2"), e.get("estimates").get(terms.size() - 1).asDouble(), 1e-6, "sigma2");
        close(r.statistic("logLik"), e.get("logLik").asDouble(), 1e-9, "logLik");
        close(r.statistic("r2"), e.get("r2").asDouble(), 1e-9, "r2");
        if (!e.get("corr2").isNull()) close(r.statistic("corr2"), e.get("corr2").asDouble(), 1e-6, "corr2");
        @SuppressWarnings("unchecked")
        Map<String, Double> ml = (Map<String, Double>) r.sections().get("mlEstimates");
        for (int j = 0; j < terms.size(); j++) {
            close(ml.get(terms.get(j).asText()), e.get("ml").get(j).asDouble(), 1e-6, "ml " + terms.get(j).asText());
        }
        // the tests table is the same whichever model the step estimates
        JsonNode lm = c.get("lm");
        close(r.test("lm-lag").statistic(), lm.get("lm_lag").asDouble(), 1e-6, "lm-lag");
        close(r.test("robust-lm-lag").statistic(), lm.get("robust_lm_lag").asDouble(), 1e-6, "robust-lm-lag");
        close(r.test("lm-error").statistic(), lm.get("lm_error").asDouble(), 1e-6, "lm-error");
        close(r.test("robust-lm-error").statistic(), lm.get("robust_lm_error").asDouble(), 1e-6, "robust-lm-error");
        close(r.test("lm-sarma").statistic(), lm.get("sarma").asDouble(), 1e-6, "lm-sarma");
        assertThat(r.test("lm-sarma").df()).isEqualTo(2.0);
        close(r.test("lr-sdm-vs-sar").statistic(), c.get("lr_sdm_sar").asDouble(), 1e-6, "lr sar");
        close(r.test("lr-sdm-vs-sem").statistic(), c.get("lr_sdm_sem").asDouble(), 1e-6, "lr sem");
        close(r.test("wald-sdm-vs-sar").statistic(), c.get("wald_sdm_sar").asDouble(), 1e-6, "wald sar");
        close(r.test("wald-sdm-vs-sem").statistic(), c.get("wald_sdm_sem").asDouble(), 1e-6, "wald sem");
        if (c.has("hausman")) {
            close(r.test("hausman").statistic(), c.get("hausman").get("statistic").asDouble(), 1e-8, "hausman");
        } else {
            assertThat(r.test("hausman").statistic()).isNaN();
        }
    }

    /**
     * Defect 3 of issue 16: with time effects the [rho, rho] information term uses G Z b with its period
     * means removed. Regression test against spatialreg's asymptotic standard errors of the same likelihood
     * (lagsarlm with unit and period dummies): before the fix SE(rho) of the two-way SDM was 0.05484 against
     * spatialreg's 0.05915 (7.3 % too small).
     */
    @Test
    void standardErrorsMatchSpatialregWithDummies() {
        for (String[] c : new String[][] {{"sdm_twoways", "sdm", "twoways"}, {"sar_twoways", "sar", "twoways"}, {"sdm_time", "sdm", "time"}}) {
            JsonNode peer = expected.get("peer").get(c[0]);
            StepResult r = run(estimator(c[1]), params(c[2], "none", 0, "eigen", "information"), 1);
            List<String> terms = c[1].equals("sar") ? List.of("lpcap", "lpc", "lemp", "unemp", "rho") : SDM_TERMS;
            for (int j = 0; j < terms.size(); j++) {
                close(r.coefficient(terms.get(j)).estimate(), peer.get("estimates").get(j).asDouble(), 1e-6, c[0] + " " + terms.get(j));
                close(r.coefficient(terms.get(j)).stdError(), peer.get("se").get(j).asDouble(), 1e-6, c[0] + " se " + terms.get(j));
            }
            close(r.statistic("logLik"), peer.get("logLik").asDouble(), 1e-9, c[0] + " logLik");
        }
    }

    /** The Lee-Yu corrected estimate uses the expected information whatever {@code variance} asks for (issue 16, defect 3). */
    @Test
    void leeYuCorrectionDoesNotDependOnTheCovariance() {
        StepResult info = run(new SdmEstimator(), params("twoways", "lee-yu", 0, "eigen", "information"), 1);
        StepResult hess = run(new SdmEstimator(), params("twoways", "lee-yu", 0, "eigen", "hessian"), 1);
        JsonNode e = expected.get("twoways_leeyu").get("sdm");
        for (int j = 0; j < SDM_TERMS.size(); j++) {
            assertThat(hess.coefficient(SDM_TERMS.get(j)).estimate()).isEqualTo(info.coefficient(SDM_TERMS.get(j)).estimate());
            close(info.coefficient(SDM_TERMS.get(j)).estimate(), e.get("estimates").get(j).asDouble(), 1e-6, "corrected " + SDM_TERMS.get(j));
        }
        assertThat(hess.statistic("sigma2")).isEqualTo(info.statistic("sigma2"));
        assertThat(info.statistics().get("variance")).isEqualTo("information");
        assertThat(hess.statistics().get("variance")).isEqualTo("hessian");
    }

    /**
     * Defect 4 of issue 16: the SEM is the exact fixed-effects likelihood, the same family as the SDM, so
     * the LR test of the SDM against the SEM compares like with like. Regression test against spatialreg's
     * error model with unit and period dummies (errorsarlm) and the LR statistic from spatialreg's two
     * log-likelihoods (lagsarlm and errorsarlm with dummies).
     */
    @Test
    void semIsTheExactFixedEffectsLikelihood() {
        JsonNode peer = expected.get("peer").get("sem_twoways");
        StepResult r = run(new SemEstimator(), params("twoways", "none", 0, "eigen", "information"), 1);
        List<String> terms = List.of("lpcap", "lpc", "lemp", "unemp", "lambda");
        for (int j = 0; j < terms.size(); j++) {
            // estimates within 1e-3 of the peer's standard error (its optimum moves by 4e-4 SE in lambda, see make.R)
            assertThat(r.coefficient(terms.get(j)).estimate()).as("sem " + terms.get(j))
                    .isCloseTo(peer.get("estimates").get(j).asDouble(), within(1e-3 * peer.get("se").get(j).asDouble()));
            close(r.coefficient(terms.get(j)).stdError(), peer.get("se").get(j).asDouble(), 1e-4, "sem se " + terms.get(j));
        }
        close(r.statistic("logLik"), peer.get("logLik").asDouble(), 1e-9, "sem logLik");
        double lrPeer = 2 * (expected.get("peer").get("sdm_twoways").get("logLik").asDouble() - peer.get("logLik").asDouble());
        // spatialreg's error-model log-likelihood is 2e-7 above the exact one (its rounding): LR to 1e-5
        assertThat(r.test("lr-sdm-vs-sem").statistic()).isCloseTo(lrPeer, within(1e-5));
    }

    /** Lee & Yu's transformation approach against spatialreg on the transformed data (F_N' Y F_T with I (x) F_N'W F_N). */
    @Test
    void transformationApproachMatchesSpatialregOnTheTransformedData() {
        JsonNode sdmPeer = expected.get("peer").get("sdm_transformation");
        StepResult r = run(new SdmEstimator(), params("twoways", "transformation", 0, "eigen", "information"), 1);
        for (int j = 0; j < SDM_TERMS.size(); j++) {
            close(r.coefficient(SDM_TERMS.get(j)).estimate(), sdmPeer.get("estimates").get(j).asDouble(), 1e-6, "transformation " + SDM_TERMS.get(j));
            close(r.coefficient(SDM_TERMS.get(j)).stdError(), sdmPeer.get("se").get(j).asDouble(), 1e-6, "transformation se " + SDM_TERMS.get(j));
        }
        close(r.statistic("sigma2"), sdmPeer.get("sigma2").asDouble(), 1e-6, "transformation sigma2");
        close(r.statistic("logLik"), sdmPeer.get("logLik").asDouble(), 1e-9, "transformation logLik");
        JsonNode semPeer = expected.get("peer").get("sem_transformation");
        StepResult s = run(new SemEstimator(), params("twoways", "transformation", 0, "eigen", "information"), 1);
        List<String> terms = List.of("lpcap", "lpc", "lemp", "unemp", "lambda");
        for (int j = 0; j < terms.size(); j++) {
            close(s.coefficient(terms.get(j)).estimate(), semPeer.get("estimates").get(j).asDouble(), 1e-6, "sem transformation " + terms.get(j));
            close(s.coefficient(terms.get(j)).stdError(), semPeer.get("se").get(j).asDouble(), 1e-6, "sem transformation se " + terms.get(j));
        }
        close(s.statistic("logLik"), semPeer.get("logLik").asDouble(), 1e-9, "sem transformation logLik");
    }

    @Test
    void sdmEffectsMatchPointValuesAndDeltaStandardErrors() {
        JsonNode c = expected.get("twoways_leeyu");
        StepResult r = run(new SdmEstimator(), params("twoways", "lee-yu", 1000, "auto", null), 2);
        @SuppressWarnings("unchecked")
        List<SpatialReport.EffectEstimate> eff = (List<SpatialReport.EffectEstimate>) r.sections().get("effects");
        JsonNode point = c.get("sdm_effects").get("point");
        JsonNode delta = c.get("sdm_effects").get("delta_se");
        assertThat(eff).hasSize(12);
        for (int q = 0; q < 12; q++) {
            SpatialReport.EffectEstimate e = eff.get(q);
            close(e.point(), point.get(q).asDouble(), 1e-6, "point " + e.variable() + " " + e.effect());
            close(e.deltaStdError(), delta.get(q).asDouble(), 1e-6, "delta se " + e.variable() + " " + e.effect());
            close(e.stdError(), delta.get(q).asDouble(), 0.10, "simulated sd " + e.variable() + " " + e.effect());
            assertThat(Math.abs(e.estimate() - e.point())).as("mean vs point " + e.variable() + " " + e.effect())
                    .isLessThan(0.2 * e.stdError());
        }
        assertThat(r.tables()).extracting(t -> t.id()).containsExactly("table-a2", "effects", "tests");
        assertThat(r.statistic("draws")).isEqualTo(1000);
    }

    @Test
    void effectsDoNotDependOnTheThreadCount() {
        SpatialParameters p = params("twoways", "lee-yu", 200, "auto", null);
        StepResult one = run(new SdmEstimator(), p, 1);
        StepResult four = run(new SdmEstimator(), p, 4);
        assertThat(four.sections().get("effects")).isEqualTo(one.sections().get("effects"));
    }

    /**
     * The expected information above 1000 units estimates tr(G'G) by Hutchinson's estimator. On Produc: by
     * iterative solves with 2000 probe vectors (when the log-determinant is exact) and from the Monte Carlo
     * log-determinant's own probes and powers of W (2000 probes, 60 terms); both within 4 of their Monte Carlo standard
     * errors of the exact trace (plain and transformed), and the standard errors of the transformation-approach SDM
     * move by less than 1 % (the trace's relative standard error is about 0.3 %).
     */
    @Test
    void stochasticInformationTracesAgreeWithTheExactOnes() {
        LogDeterminant ld = LogDeterminant.eigen(wg);
        LogDeterminant mcLd = LogDeterminant.monteCarlo(wg, 60, 2000, 9L, null);
        assertThat(mcLd.hasKrylovGram()).isTrue();
        MultiplierTraces exact = new MultiplierTraces(wg, ld, 5L, 2000, null, true);
        MultiplierTraces solves = new MultiplierTraces(wg, ld, 5L, 2000, null, false);
        MultiplierTraces krylov = new MultiplierTraces(wg, mcLd, 5L, 2000, null, false);
        for (double rho : new double[] {-0.3, 0.2, 0.57}) {
            MultiplierTraces.Traces a = exact.at(rho);
            MultiplierTraces.Traces b = solves.at(rho);
            MultiplierTraces.Traces c = krylov.at(rho);
            assertThat(b.tr()).isCloseTo(a.tr(), within(1e-9));
            assertThat(b.trGG()).isCloseTo(a.trGG(), within(1e-9));
            assertThat(b.error()).isPositive();
            assertThat(Math.abs(b.trGtG() - a.trGtG())).as("solves, rho %s", rho).isLessThan(4 * b.error());
            assertThat(Math.abs(c.trGtG() - a.trGtG())).as("krylov, rho %s", rho).isLessThan(4 * c.error());
            // the same probes and the same series as the log-determinant's traces: within their Monte Carlo error
            assertThat(c.trGG()).isCloseTo(a.trGG(), within(0.02 * a.trGG()));
            double[] v = new double[wg.size() * 3];
            for (int i = 0; i < v.length; i++) v[i] = Math.sin(i);
            assertThat(solves.applyPeriods(rho, v, 3, false)).containsExactly(exact.applyPeriods(rho, v, 3, false), within(1e-10));
            // the transformed traces: identities and projected probes (stochastic paths) against the explicit F'GF (dense path)
            MultiplierTraces.Traces at = exact.at(rho, true);
            MultiplierTraces.Traces bt = solves.at(rho, true);
            MultiplierTraces.Traces ct = krylov.at(rho, true);
            assertThat(bt.tr()).isCloseTo(at.tr(), within(1e-9));
            assertThat(bt.trGG()).isCloseTo(at.trGG(), within(1e-9));
            assertThat(Math.abs(bt.trGtG() - at.trGtG())).isLessThan(4 * bt.error());
            assertThat(Math.abs(ct.trGtG() - at.trGtG())).as("krylov projected, rho %s", rho).isLessThan(4 * ct.error());
            assertThat(at.tr()).isCloseTo(a.transformed(rho, wg.size()).tr(), within(1e-9));
            assertThat(at.trGtG()).isCloseTo(a.transformed(rho, wg.size()).trGtG(), within(1e-9));
        }
        SpatialPanel d = new SpatialPanel(panel, "lgsp", X, X, wg, eres.api.panel.Effects.TWOWAYS);
        Models.Options o = new Models.Options(SpatialParameters.BiasCorrection.TRANSFORMATION, SpatialParameters.Variance.INFORMATION, null);
        SpatialFit fe = new Models(d, ld, exact, o).fit("sdm");
        SpatialFit fm = new Models(d, ld, solves, o).fit("sdm");
        for (int j = 0; j < fe.terms().size(); j++) close(fm.se(j), fe.se(j), 0.01, "se " + fe.terms().get(j));
    }

    /**
     * The scalable path (Monte Carlo log-determinant, observed-information covariance) on the same
     * data: estimates within the Monte Carlo error of the exact ones (rho to 1e-3); standard errors
     * within 1% of the observed-information ones computed with the exact log-determinant. Against the
     * expected-information standard errors only a sanity bound of 25%: observed and expected
     * information differ in finite samples.
     */
    @Test
    void scalablePathAgreesWithTheExactOne() {
        JsonNode e = expected.get("twoways_none").get("sdm");
        StepResult r = run(new SdmEstimator(), params("twoways", "none", 0, "monte-carlo", "hessian"), 1);
        StepResult exactHessian = run(new SdmEstimator(), params("twoways", "none", 0, "eigen", "hessian"), 1);
        assertThat(r.statistics().get("logdet")).isEqualTo("monte-carlo");
        assertThat(r.statistics().get("variance")).isEqualTo("hessian");
        assertThat(r.coefficient("rho").estimate()).isCloseTo(e.get("estimates").get(8).asDouble(), within(1e-3));
        for (int j = 0; j < 9; j++) {
            String term = e.get("terms").get(j).asText();
            assertThat(r.coefficient(term).estimate()).as(term).isCloseTo(e.get("estimates").get(j).asDouble(),
                    within(2e-3 + 0.02 * Math.abs(e.get("estimates").get(j).asDouble())));
            close(r.coefficient(term).stdError(), exactHessian.coefficient(term).stdError(), 0.01, "se vs exact hessian " + term);
            close(r.coefficient(term).stdError(), e.get("se").get(j).asDouble(), 0.25, "se vs information " + term);
        }
        assertThat(r.statistic("logdetError")).isLessThan(1.0);
    }
}
