package eres.plugins.entropy;

import eres.core.testing.IndexFixtures;
import static eres.core.testing.IndexFixtures.hand;
import static eres.core.testing.IndexFixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eres.api.index.CompositeIndex;
import eres.api.index.IndexParameters;
import eres.core.report.Json;
import eres.core.testing.TestContext;
import eres.api.EstimationException;
import eres.api.IndexMethod;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked examples for every method of this plugin on the 5 x 3 matrix of {@link Fixtures#HAND}
 * (normalised without shift: z_a = (0, .25, .5, .75, 1), z_b = (0, 0, .5, .5, 1), z_c = (0, .5, 0, 1, 1)),
 * plus the 4 x 2 validation case of composite-index.md section 9 and the error cases.
 *
 * <p>Shared hand quantities (sample sd, n - 1 = 4): sd_a = sqrt(.625/4) = 0.39528471,
 * sd_b = sqrt(.7/4) = 0.41833001, sd_c = sqrt(1/4) = .5; cross-products of deviations S_ab = .625,
 * S_ac = .625, S_bc = .5, so r_ab = sqrt(.625/.7) = 0.94491118, r_ac = sqrt(.625) = 0.79056942,
 * r_bc = .5/sqrt(.7) = 0.59761430.
 */
class ObjectiveWeightingTest {
    /** Closed-form hand values: only floating-point rounding remains. */
    private static final double EXACT = 1e-12;
    /** Values written to 8 decimals in the derivations. */
    private static final double PRINTED = 5e-9;

    static double[] weights(StepResult r) {
        @SuppressWarnings("unchecked")
        List<CompositeIndex.IndicatorWeight> rows = (List<CompositeIndex.IndicatorWeight>) r.sections().get("weights");
        return rows.stream().mapToDouble(CompositeIndex.IndicatorWeight::weight).toArray();
    }

    static StepResult run(IndexMethod<IndexParameters> m, String yaml, Panel panel) {
        return m.run(params(yaml), new TestContext(panel));
    }

    private static final String ABC = "{indicators: [a, b, c], negative: [c], shift: 0";

    /**
     * Entropy with shift 1 (the "translate by 1" convention), so Z + 1 has column sums 7.5, 7, 7.5:
     * p_a = (2/15, 1/6, 1/5, 7/30, 4/15), p_b = (1/7, 1/7, 3/14, 3/14, 2/7), p_c = (2/15, 1/5, 2/15, 4/15, 4/15);
     * e_j = -sum p ln p / ln 5 = (0.98245675, 0.97804167, 0.97184954); d = 1 - e = (0.01754325, 0.02195833, 0.02815046);
     * w = d / 0.06765204 = (0.25931590, 0.32457757, 0.41610653).
     * Scores on the shifted values: A = w_a + w_b + w_c = 1; B = 1 + .25 w_a + .5 w_c = 1.27288224;
     * C = 1 + .5 w_a + .5 w_b = 1.29194673; D = 1 + .75 w_a + .5 w_b + w_c = 1.77288224; E = 2.
     */
    @Test
    void entropyHandExample() {
        StepResult r = run(new EntropyWeighting(), "{indicators: [a, b, c], negative: [c], shift: 1}", hand());
        double[] pa = {2 / 15.0, 1 / 6.0, 1 / 5.0, 7 / 30.0, 4 / 15.0};
        double[] pb = {1 / 7.0, 1 / 7.0, 3 / 14.0, 3 / 14.0, 2 / 7.0};
        double[] pc = {2 / 15.0, 1 / 5.0, 2 / 15.0, 4 / 15.0, 4 / 15.0};
        double da = 1 - h(pa) / Math.log(5);
        double db = 1 - h(pb) / Math.log(5);
        double dc = 1 - h(pc) / Math.log(5);
        double sum = da + db + dc;
        assertThat(weights(r)).containsExactly(new double[] {da / sum, db / sum, dc / sum}, within(EXACT));
        assertThat(weights(r)).containsExactly(new double[] {0.25931590, 0.32457757, 0.41610653}, within(PRINTED));
        assertThat(r.column("index")).containsExactly(new double[] {1, 1.27288224, 1.29194673, 1.77288224, 2}, within(PRINTED));
    }

    private static double h(double[] p) {
        double s = 0;
        for (double v : p) s -= v * Math.log(v);
        return s;
    }

    /**
     * CRITIC: conflict_j = sum_k (1 - r_jk): a = (1 - .94491118) + (1 - .79056942) = 0.26451940,
     * b = (1 - .94491118) + (1 - .59761430) = 0.45747451, c = (1 - .79056942) + (1 - .59761430) = 0.61181628;
     * C = sd * conflict = (0.10456047, 0.19137532, 0.30590814), sum 0.60184393;
     * w = (0.17373354, 0.31798164, 0.50828483).
     */
    @Test
    void criticHandExample() {
        StepResult r = run(new CriticWeighting(), ABC + "}", hand());
        double rab = Math.sqrt(0.625 / 0.7);
        double rac = Math.sqrt(0.625);
        double rbc = 0.5 / Math.sqrt(0.7);
        double ca = Math.sqrt(0.15625) * (2 - rab - rac);
        double cb = Math.sqrt(0.175) * (2 - rab - rbc);
        double cc = 0.5 * (2 - rac - rbc);
        double sum = ca + cb + cc;
        assertThat(weights(r)).containsExactly(new double[] {ca / sum, cb / sum, cc / sum}, within(EXACT));
        assertThat(weights(r)).containsExactly(new double[] {0.17373354, 0.31798164, 0.50828483}, within(PRINTED));
    }

    /**
     * Coefficient of variation on the unshifted z: means (.5, .4, .5), v = sd/mean = (0.79056942, 1.04582503, 1),
     * sum 2.83639445, w = (0.27872337, 0.36871636, 0.35256027).
     * SD weights: sd / (0.39528471 + 0.41833001 + .5) = (0.30091373, 0.31845716, 0.38062911).
     * Equal: 1/3 each, score = mean z, e.g. B = (.25 + 0 + .5)/3 = .25.
     */
    @Test
    void cvSdAndEqualHandExamples() {
        double sa = Math.sqrt(0.15625);
        double sb = Math.sqrt(0.175);
        double va = sa / 0.5;
        double vb = sb / 0.4;
        double vc = 1;
        double vs = va + vb + vc;
        assertThat(weights(run(new CvWeighting(), ABC + "}", hand())))
                .containsExactly(new double[] {va / vs, vb / vs, vc / vs}, within(EXACT))
                .containsExactly(new double[] {0.27872337, 0.36871636, 0.35256027}, within(PRINTED));
        double ss = sa + sb + 0.5;
        assertThat(weights(run(new SdWeighting(), ABC + "}", hand())))
                .containsExactly(new double[] {sa / ss, sb / ss, 0.5 / ss}, within(EXACT))
                .containsExactly(new double[] {0.30091373, 0.31845716, 0.38062911}, within(PRINTED));
        StepResult eq = run(new EqualWeighting(), ABC + "}", hand());
        assertThat(weights(eq)).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(EXACT));
        assertThat(eq.column("index")).containsExactly(new double[] {0, 0.25, 1 / 3.0, 0.75, 1}, within(EXACT));
    }

    /**
     * PCA: the correlation matrix has trace 3, sum of principal 2x2 minors (1 - .625/.7) + (1 - .625) + (1 - .25/.7) = 1.125
     * and determinant 1 - r_ab^2 - r_ac^2 - r_bc^2 + 2 r_ab r_ac r_bc = 1/56, so the eigenvalues solve
     * lambda^3 - 3 lambda^2 + 1.125 lambda - 1/56 = 0: (2.56393831, 0.41945755, 0.01660414). Kaiser keeps one
     * component; its eigenvector with positive sum is v_1 = (0.61835838, 0.57735027, 0.53319750), so b = v_1 and
     * the reported weights are v_1 / sum v_1 = (0.35765873, 0.33393962, 0.30840165). The score of A is
     * v_1 . (-.5/sd_a, -.4/sd_b, -.5/sd_c) = -1.86741831. Checked with R eigen() and prcomp().
     */
    @Test
    void pcaHandExample() {
        StepResult r = run(new PcaWeighting(), ABC + "}", hand());
        PrincipalComponents.Components c = (PrincipalComponents.Components) r.sections().get("pca");
        for (double l : c.eigenvalues()) {
            assertThat(l * l * l - 3 * l * l + 1.125 * l - 1 / 56.0).isCloseTo(0, within(EXACT));
        }
        assertThat(c.eigenvalues().get(0)).isCloseTo(2.56393831, within(PRINTED));
        assertThat(c.eigenvalues().get(1)).isCloseTo(0.41945755, within(PRINTED));
        assertThat(c.eigenvalues().get(2)).isCloseTo(0.01660414, within(PRINTED));
        assertThat(c.kept()).isEqualTo(1);
        assertThat(weights(r)).containsExactly(new double[] {0.35765873, 0.33393962, 0.30840165}, within(PRINTED));
        assertThat(r.column("index")[0]).isCloseTo(-1.86741831, within(PRINTED));
        assertThat(r.column("index")[4]).isCloseTo(2.14344453, within(PRINTED));
        // second eigenvector is (-1, 1, -1)/sqrt(3) up to sign; with the positive-sum convention (1, ... ) * sign
        assertThat(Math.abs(c.vectors().get(1).get(1))).isCloseTo(1 / Math.sqrt(3), within(EXACT));
        // pca-rule first and share 0.99 (needs 2 components: 0.8546 < 0.99 <= 0.9945)
        StepResult two = run(new PcaWeighting(), ABC + ", pca-rule: share, pca-share: 0.99}", hand());
        assertThat(((PrincipalComponents.Components) two.sections().get("pca")).kept()).isEqualTo(2);
    }

    /** User-given weights {a: 2, b: 1, c: 1} are divided by their sum 4 (warned). */
    @Test
    void fixedWeights() {
        StepResult r = run(new FixedWeighting(), ABC + ", weights: {a: 2, b: 1, c: 1}}", hand());
        assertThat(weights(r)).containsExactly(0.5, 0.25, 0.25);
        assertThat(r.column("index")[1]).isCloseTo(0.5 * 0.25 + 0.25 * 0.5, within(EXACT));
        assertThat(r.warnings()).extracting(Warning::code).contains("weights-normalised");
    }

    /**
     * composite-index.md section 9 (numbers computed by the specification's authors with numpy):
     * A (positive) = (10, 20, 30, 25), B (negative) = (5, 3, 1, 4), pooled min-max, shift 1e-4.
     */
    @Test
    void specificationValidationCase() {
        Panel p = IndexFixtures.panel("id,year,A,B\nr1,2020,10,5\nr2,2020,20,3\nr3,2020,30,1\nr4,2020,25,4\n");
        String with = "{indicators: [A, B], negative: [B]}";
        StepResult ent = run(new EntropyWeighting(), with, p);
        // printed to 7 decimals in the specification
        assertThat(weights(ent)).containsExactly(new double[] {0.4304617, 0.5695383}, within(5e-8));
        assertThat(ent.column("index")).containsExactly(new double[] {0.0001, 0.5001, 1.0001, 0.4653308}, within(5e-8));
        assertThat(weights(run(new CriticWeighting(), with, p))).containsExactly(new double[] {0.5, 0.5}, within(EXACT));
        assertThat(weights(run(new CvWeighting(), with, p))).containsExactly(new double[] {0.4375125, 0.5624875}, within(5e-8));
        assertThat(weights(run(new SdWeighting(), with, p))).containsExactly(new double[] {0.5, 0.5}, within(EXACT));
    }

    /** Every method of this plugin binds the same with: block (only use: changes in a chain). */
    @Test
    void sameParameterShapeForEveryMethod() {
        String with = "{indicators: [a, b, c], negative: [c], layers: {G: [a, b], S: [c]}, order: [c, a, b], ratios: [1.2, 1.4],"
                + " weights: {a: 1, b: 1, c: 2}, output: idx}";
        List<IndexMethod<IndexParameters>> methods = List.of(new EntropyWeighting(), new CriticWeighting(), new CvWeighting(),
                new SdWeighting(), new EqualWeighting(), new PcaWeighting(), new FixedWeighting());
        for (IndexMethod<IndexParameters> m : methods) {
            StepResult r = run(m, with, hand());
            assertThat(r.column("idx")).hasSize(5);
            assertThat(r.tables().get(0).id()).isEqualTo("weights");
            assertThat(weights(r)).hasSize(3);
            assertThat(r.warnings()).extracting(Warning::code).contains("unused-parameter");
        }
    }

    @Test
    void hierarchicalEntropyWeighsWithinLayersThenAcrossSubScores() throws Exception {
        StepResult r = run(new EntropyWeighting(), "{indicators: [a, b, c], negative: [c], shift: 1, layers: {G: [a, b], S: [c]},"
                + " aggregation: hierarchical}", hand());
        double[] w = weights(r);
        assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(EXACT));
        @SuppressWarnings("unchecked")
        List<CompositeIndex.LayerWeight> layers = (List<CompositeIndex.LayerWeight>) r.sections().get("layers");
        assertThat(layers.get(0).weight()).isCloseTo(w[0] + w[1], within(EXACT));
        assertThat(Json.mapper().writeValueAsString(r)).contains("\"layers\"");
        assertThat(r.tables()).extracting(t -> t.id()).contains("weights", "derivation", "index-by-year");
    }

    /** Defaults of the shared parameter record (composite-index.md section 2) and the full key mapping. */
    @Test
    void parameterDefaultsAndFullMapping() {
        IndexParameters d = params("{indicators: [a, b]}");
        assertThat(d.negative()).isEmpty();
        assertThat(d.minMax()).isTrue();
        assertThat(d.pooled()).isTrue();
        assertThat(d.shift()).isEqualTo(1e-4);
        assertThat(d.output()).isEqualTo("index");
        assertThat(d.aggregation()).isEqualTo("flat");
        assertThat(d.expertOrder()).containsExactly("a", "b");
        assertThat(d.expertRatios()).containsExactly(1.0);
        assertThat(d.sdG1Variant()).isEqualTo("multiplicative");
        assertThat(d.linearAlpha()).isEqualTo(0.5);
        assertThat(d.pcaRetention()).isEqualTo("kaiser");
        assertThat(d.pcaCumulativeShare()).isEqualTo(0.85);
        assertThat(d.rescale()).isEqualTo("none");
        assertThat(d.missing()).isEqualTo("error");
        assertThat(d.subscores()).isFalse();
        assertThat(d.decimals()).isEqualTo(4);
        assertThat(d.methodKeysSet()).isEmpty();
        IndexParameters f = params("{indicators: [a, b, c], direction: {a: positive, b: '+', c: cost}, layers: {L1: [a], L2: [b, c]},"
                + " aggregation: hierarchical, normalization: zscore, scope: by-year, shift: 0.01, output: out, labels: {a: A},"
                + " order: [b, a, c], ratios: [1.2, 1.8], variant: linear, alpha: 0.3, pca-rule: share, pca-share: 0.9,"
                + " weights: {a: 1, b: 2, c: 3}, rescale: percent, missing: skip, subscores: true, decimals: 3}");
        assertThat(f.isNegative("c")).isTrue();
        assertThat(f.isNegative("b")).isFalse();
        assertThat(f.layers().keySet()).containsExactly("L1", "L2");
        assertThat(f.hierarchical()).isTrue();
        assertThat(f.minMax()).isFalse();
        assertThat(f.pooled()).isFalse();
        assertThat(f.label("a")).isEqualTo("A");
        assertThat(f.label("b")).isEqualTo("b");
        assertThat(f.methodKeysSet()).containsExactly("order", "ratios", "variant", "alpha", "pca-rule", "pca-share", "weights");
        assertThat(f.pcaCumulativeShare()).isEqualTo(0.9);
        assertThat(f.rescale()).isEqualTo("percent");
        assertThatThrownBy(() -> params("{indicators: [a, b], direction: {a: positive}}"))
                .hasMessageContaining("has no direction for indicator 'b'");
        assertThatThrownBy(() -> params("{indicators: [a, b], direction: {a: up, b: cost}}"))
                .hasMessageContaining("'up' is not a direction");
        assertThatThrownBy(() -> params("{indicators: [a, b], unknown-key: 1}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown-key");
    }

    /** rescale: unit maps the score to [0, 1]; percent multiplies by 100. */
    @Test
    void rescale() {
        double[] unit = run(new EntropyWeighting(), "{indicators: [a, b, c], negative: [c], shift: 1, rescale: unit}", hand()).column("index");
        assertThat(unit[0]).isCloseTo(0, within(EXACT));
        assertThat(unit[4]).isCloseTo(1, within(EXACT));
        assertThat(unit[1]).isCloseTo(0.27288224, within(PRINTED));
        double[] pct = run(new EqualWeighting(), ABC + ", rescale: percent}", hand()).column("index");
        assertThat(pct[1]).isCloseTo(25, within(1e-10));
    }

    // ------------------------------------------------------------------ bad inputs

    /** composite-index.md section 9: two perfectly correlated indicators make every C_j = 0. */
    @Test
    void criticWithPerfectlyCorrelatedIndicatorsIsAnError() {
        Panel p = IndexFixtures.panel("id,year,A,B\nr1,2020,1,2\nr2,2020,2,4\nr3,2020,3,6\n");
        assertThatThrownBy(() -> run(new CriticWeighting(), "{indicators: [A, B]}", p))
                .isInstanceOf(EstimationException.class)
                .hasMessageContaining("CRITIC weights undefined (all indicators perfectly correlated)");
    }

    @Test
    void entropyNeedsMinMaxWithAPositiveShift() {
        assertThatThrownBy(() -> run(new EntropyWeighting(), "{indicators: [a, b], shift: 0}", hand()))
                .isInstanceOf(SpecException.class).hasMessageContaining("'shift' entropy needs shift > 0");
        assertThatThrownBy(() -> run(new EntropyWeighting(), "{indicators: [a, b], normalization: zscore}", hand()))
                .isInstanceOf(SpecException.class).hasMessageContaining("'normalization' entropy needs normalization: minmax");
        assertThatThrownBy(() -> run(new CvWeighting(), "{indicators: [a, b], normalization: zscore}", hand()))
                .isInstanceOf(SpecException.class).hasMessageContaining("cv needs normalization: minmax");
        assertThatThrownBy(() -> run(new PcaWeighting(), "{indicators: [a, b, c], layers: {G: [a, b], S: [c]}, aggregation: hierarchical}", hand()))
                .isInstanceOf(SpecException.class).hasMessageContaining("does not define hierarchical aggregation");
    }

    @Test
    void negativeWeightRequestIsASpecError() {
        assertThatThrownBy(() -> params("{indicators: [a, b], weights: {a: 0.7, b: -0.3}}"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'weights.b' is negative (-0.3); weights must be >= 0");
        assertThatThrownBy(() -> params("{indicators: [a, b], weights: {a: 1}}"))
                .hasMessageContaining("has no weight for indicator 'b'");
        assertThatThrownBy(() -> params("{indicators: [a, b], weights: {a: 0, b: 0}}"))
                .hasMessageContaining("are all zero");
        assertThatThrownBy(() -> run(new FixedWeighting(), "{indicators: [a, b]}", hand()))
                .isInstanceOf(SpecException.class).hasMessageContaining("'weights' is required by fixed-weights");
    }

    @Test
    void parameterProblemsAreReportedTogether() {
        assertThatThrownBy(() -> params("{indicators: [a, b], negative: [x], scope: monthly, rescale: log, alpha: 2}"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'negative' lists 'x'")
                .hasMessageContaining("'scope' 'monthly' is not pooled or by-year")
                .hasMessageContaining("'alpha' must be in [0, 1], got 2.0")
                .hasMessageContaining("'rescale' 'log' is not none, unit or percent");
    }
}
