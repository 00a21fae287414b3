package eres.plugins.iv;

import eres.api.linalg.Dense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.linalg.LeastSquares;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.result.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identification statistics against independent textbook computations and exact identities. */
class IdentificationTest {

    /**
     * Anderson LM and Cragg–Donald F on a small case (n = 15, two endogenous regressors, three excluded
     * instruments, a control and a constant) against the textbook formulas evaluated with R's
     * {@code cancor()} (stats package, R 4.2.2): {@code LM = n r_min^2},
     * {@code CD = r_min^2/(1 - r_min^2) (n - L)/L1}, with r the canonical correlations between the
     * endogenous regressors and the excluded instruments after partialling out [1, w]
     * ({@code fixtures/cancor-small/make.R}). Our implementation takes a different route (Cholesky
     * standardisation of the reduced form and its SVD, as ivreg2's ranktest). Tolerance 1e-10: both are
     * direct, well-conditioned computations on 15 observations.
     */
    @Test
    void andersonAndCraggDonaldMatchCancorTextbookFormulas() throws Exception {
        JsonNode e = new ObjectMapper().readTree(TestData.resource(getClass(), "/fixtures/cancor-small/expected.json"));
        StepResult r = new IvEstimator().run(params(List.of("x1", "x2"), List.of("z1", "z2", "z3"), "conventional"),
                new TestContext(TestData.panel(TestData.resource(getClass(), "/fixtures/cancor-small/input.csv"), "id", "t", null)));
        @SuppressWarnings("unchecked")
        double[] cc = (double[]) ((Map<String, Object>) r.sections().get("identification")).get("canonicalCorrelations");
        assertThat(cc).hasSize(2);
        for (int k = 0; k < 2; k++) {
            assertThat(cc[k]).isCloseTo(e.get("canonical_correlations").get(k).asDouble(), within(1e-10));
        }
        assertThat(r.test("anderson-lm").statistic()).isCloseTo(e.get("anderson_lm").asDouble(), within(1e-10));
        assertThat(r.test("anderson-lm").df()).isEqualTo(2.0); // L1 - K1 + 1
        assertThat(r.test("cragg-donald-f").statistic()).isCloseTo(e.get("cragg_donald_f").asDouble(), within(1e-10));
    }

    /**
     * Under the homoskedastic score covariance {@code Sigma kron Qzz} the Kleibergen–Paap rk statistic
     * reduces to Anderson's LM ({@code Sigma = Qyy}: {@code n r_min^2}) and to the Cragg–Donald Wald
     * chi2 ({@code Sigma} = covariance of the first-stage residuals: {@code n r_min^2/(1 - r_min^2)})
     * (Kleibergen & Paap 2006, section 3). Checks the K1 = 2 partition/rotation algebra, which the
     * Stata fixtures (K1 = 1) do not exercise.
     */
    @Test
    void kleibergenPaapReducesToAndersonAndCraggDonaldUnderHomoskedasticity() {
        Map<String, double[]> d = smallData();
        double[][] x2 = {ones(15), d.get("w")};
        double[][] x1p = {partial(d.get("x1"), x2), partial(d.get("x2"), x2)};
        double[][] z1p = {partial(d.get("z1"), x2), partial(d.get("z2"), x2), partial(d.get("z3"), x2)};
        int n = 15;
        CanonicalCorrelations cc = CanonicalCorrelations.of(x1p, z1p);
        double lmin = cc.minSquared();
        double[][] qzz = Dense.scale(Dense.cross(z1p, z1p), 1.0 / n);
        double[][] qyy = Dense.scale(Dense.cross(x1p, x1p), 1.0 / n);
        KleibergenPaap.Rk lm = KleibergenPaap.rk(cc, Dense.kron(qyy, qzz), n);
        assertThat(lm.chi2()).isCloseTo(n * lmin, within(1e-10));
        assertThat(lm.df()).isEqualTo(2.0);
        // first-stage residuals of the partialled regressions
        double[][] v = new double[2][];
        for (int j = 0; j < 2; j++) {
            double[] pi = LeastSquares.fit(Iv2sls.rows(z1p), x1p[j], null).beta();
            v[j] = Iv2sls.residuals(x1p[j], z1p, pi);
        }
        double[][] sigma = Dense.scale(Dense.cross(v, v), 1.0 / n);
        KleibergenPaap.Rk wald = KleibergenPaap.rk(cc, Dense.kron(sigma, qzz), n);
        assertThat(wald.chi2()).isCloseTo(n * lmin / (1 - lmin), within(1e-10));
    }

    /** Identities of the specification (section 10) with one endogenous regressor and one instrument, on Card data. */
    @Test
    void justIdentifiedIdentities() {
        Iv2sls.Result iid = CardIvreg2Test.fit(false, false, "iid", false);
        // Cragg-Donald F = iid first-stage F; C statistic = Durbin
        assertThat(iid.craggDonald().statistic()).isCloseTo(iid.firstStages().get(0).f().statistic(), within(1e-9));
        assertThat(iid.endogeneity().statistic()).isCloseTo(iid.durbin().statistic(), within(1e-9));
        // Shea partial R2 = partial R2 with one endogenous regressor
        assertThat(iid.firstStages().get(0).sheaPartialR2()).isCloseTo(iid.firstStages().get(0).partialR2(), within(1e-10));
        Iv2sls.Result hc = CardIvreg2Test.fit(false, false, "hc1", false);
        // Kleibergen-Paap Wald F = robust first-stage F
        assertThat(hc.kpWald().statistic()).isCloseTo(hc.firstStages().get(0).f().statistic(), within(1e-9));
        // Wu-Hausman regression F under iid = textbook (delta/q)/((e_e'e_e - delta)/v) (spec 7.2): 19.246772, which the
        // spec derived with numpy from the CSV's 8-digit lwage (we use Stata's float values), hence 2e-6
        assertThat(iid.wuHausman().statistic()).isCloseTo(19.246772, within(2e-6));
        assertThat(iid.wuHausman().df2()).isEqualTo(3003.0);
    }

    static IvEstimator.Parameters params(List<String> endog, List<String> inst, String se) {
        return new IvEstimator.Parameters("y", endog, inst, List.of("w"), eres.api.panel.Effects.NONE,
                eres.api.inference.CovarianceType.of(se), null, null, null, false, null, 0.95, Map.of());
    }

    static Map<String, double[]> smallData() {
        var p = TestData.panel(TestData.resource(IdentificationTest.class, "/fixtures/cancor-small/input.csv"), "id", "t", null);
        Map<String, double[]> m = new java.util.HashMap<>();
        for (String c : List.of("x1", "x2", "w", "z1", "z2", "z3")) m.put(c, p.column(c));
        return m;
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    static double[] partial(double[] v, double[][] x) {
        return LeastSquares.fit(Iv2sls.rows(x), v, null).residuals();
    }
}
