package eres.plugins.g1;

import eres.core.testing.IndexFixtures;
import static eres.core.testing.IndexFixtures.hand;
import static eres.core.testing.IndexFixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eres.api.index.CompositeIndex;
import eres.api.index.IndexParameters;
import eres.api.index.Level;
import eres.api.index.Weighting;
import eres.core.report.Json;
import eres.core.testing.TestContext;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.List;
import org.junit.jupiter.api.Test;

class G1WeightingTest {
    /** Weights and scores of the hand examples are rational or closed-form: only rounding error remains. */
    private static final double EXACT = 1e-12;

    private static double[] weights(StepResult r) {
        @SuppressWarnings("unchecked")
        List<CompositeIndex.IndicatorWeight> rows = (List<CompositeIndex.IndicatorWeight>) r.sections().get("weights");
        return rows.stream().mapToDouble(CompositeIndex.IndicatorWeight::weight).toArray();
    }

    private static StepResult run(String method, String yaml) {
        IndexParameters p = params(yaml);
        return (method.equals("g1") ? new G1Weighting() : new SdG1Weighting()).run(p, new TestContext(hand()));
    }

    /** composite-index.md 4.1: m = 3, r_2 = 1.2, r_3 = 1.4 -> w_(3) = 1/(1 + 1.2*1.4 + 1.4) = 1/4.08. */
    @Test
    void g1RecursionMatchesTheSpecificationExample() {
        double[] w = G1.weights(new double[] {1.2, 1.4});
        // printed to 6 decimals in the specification
        assertThat(w[0]).isCloseTo(0.411765, within(5e-7));
        assertThat(w[1]).isCloseTo(0.343137, within(5e-7));
        assertThat(w[2]).isCloseTo(0.245098, within(5e-7));
        assertThat(w[2]).isCloseTo(1 / 4.08, within(EXACT));
        assertThat(G1.weights(new double[] {1, 1, 1})).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    /**
     * Hand example (IndexFixtures.HAND), order c > a > b, r_2 = 1.2 (c over a), r_3 = 1.4 (a over b):
     * w_b = 1/(1 + 1.2*1.4 + 1.4) = 1/4.08 = 0.24509804, w_a = 1.4 w_b = 0.34313725, w_c = 1.2 w_a = 0.41176471.
     * Scores S = w_a z_a + w_b z_b + w_c z_c:
     * A = 0; B = 0.25 w_a + 0.5 w_c = 0.29166667; C = 0.5 w_a + 0.5 w_b = 0.29411765;
     * D = 0.75 w_a + 0.5 w_b + w_c = 0.79166667; E = 1.
     */
    @Test
    void g1HandExample() {
        StepResult r = run("g1", "{indicators: [a, b, c], negative: [c], order: [c, a, b], ratios: [1.2, 1.4], shift: 0, output: g1}");
        double[] w = weights(r);
        assertThat(w[0]).isCloseTo(1.4 / 4.08, within(EXACT));
        assertThat(w[1]).isCloseTo(1 / 4.08, within(EXACT));
        assertThat(w[2]).isCloseTo(1.68 / 4.08, within(EXACT));
        double[] s = r.column("g1");
        assertThat(s[0]).isCloseTo(0, within(EXACT));
        assertThat(s[1]).isCloseTo(0.25 * 1.4 / 4.08 + 0.5 * 1.68 / 4.08, within(EXACT));
        assertThat(s[1]).isCloseTo(0.29166667, within(5e-9));
        assertThat(s[2]).isCloseTo(0.29411765, within(5e-9));
        assertThat(s[3]).isCloseTo(0.79166667, within(5e-9));
        assertThat(s[4]).isCloseTo(1, within(EXACT));
        assertThat(r.statistics()).containsEntry("method", "g1").containsEntry("nobs", 5L);
    }

    /**
     * SD-G1 on the hand example. Sample standard deviations (n - 1 = 4) of the normalised columns:
     * z_a deviations (-.5, -.25, 0, .25, .5), SS = .625, sd_a = sqrt(.15625) = 0.39528471;
     * z_b mean .4, deviations (-.4, -.4, .1, .1, .6), SS = .7, sd_b = sqrt(.175) = 0.41833001;
     * z_c mean .5, deviations (-.5, 0, -.5, .5, .5), SS = 1, sd_c = .5.
     * G1 part a = (0.34313725, 0.24509804, 0.41176471) as in g1HandExample.
     * multiplicative: a*sd = (0.13563700, 0.10253187, 0.20588235), sum 0.44405122,
     *   w = (0.30545336, 0.23090104, 0.46364560).
     * ordered-sigma-ratio (order c, a, b): r_2 = sd_c/sd_a = sqrt(1.6) = 1.26491106, r_3 = sd_b/sd_a = sqrt(1.12) = 1.05830052;
     *   w_b = 1/(1 + r_2 r_3 + r_3) = 1/3.39695652 = 0.29438116, w_a = r_3 w_b = 0.31154373, w_c = r_2 w_a = 0.39407511.
     * raw-sigma-ratio: equals SD weights sd/sum(sd) = (0.30091373, 0.31845716, 0.38062911).
     * linear (alpha .5): .5 a + .5 SD = (0.32202549, 0.28177760, 0.39619691).
     */
    @Test
    void sdG1VariantsHandExample() {
        String base = "{indicators: [a, b, c], negative: [c], order: [c, a, b], ratios: [1.2, 1.4], shift: 0";
        double sa = Math.sqrt(0.15625);
        double sb = Math.sqrt(0.175);
        double sc = 0.5;
        double aa = 1.4 / 4.08;
        double ab = 1 / 4.08;
        double ac = 1.68 / 4.08;
        double sum = aa * sa + ab * sb + ac * sc;
        assertThat(weights(run("g1-sd", base + "}"))).containsExactly(new double[] {aa * sa / sum, ab * sb / sum, ac * sc / sum}, within(EXACT));
        assertThat(weights(run("g1-sd", base + "}"))).containsExactly(new double[] {0.30545336, 0.23090104, 0.46364560}, within(5e-9));

        double r2 = Math.sqrt(1.6);
        double r3 = Math.sqrt(1.12);
        double wb = 1 / (1 + r2 * r3 + r3);
        StepResult ordered = run("g1-sd", "{indicators: [a, b, c], negative: [c], order: [c, a, b], shift: 0, variant: ordered-sigma-ratio}");
        assertThat(weights(ordered)).containsExactly(new double[] {r3 * wb, wb, r2 * r3 * wb}, within(EXACT));
        assertThat(weights(ordered)).containsExactly(new double[] {0.31154373, 0.29438116, 0.39407511}, within(5e-9));
        assertThat(ordered.warnings()).extracting(Warning::code).doesNotContain("default-ratios");

        double ssum = sa + sb + sc;
        StepResult raw = run("g1-sd", base + ", variant: raw-sigma-ratio}");
        assertThat(weights(raw)).containsExactly(new double[] {sa / ssum, sb / ssum, sc / ssum}, within(EXACT));
        assertThat(raw.warnings()).extracting(Warning::code).contains("sd-g1-raw-ratio", "unused-parameter");

        StepResult linear = run("g1-sd", base + ", variant: linear, alpha: 0.5}");
        assertThat(weights(linear)).containsExactly(new double[] {0.32202549, 0.28177760, 0.39619691}, within(5e-9));
    }

    /** A level whose columns have exactly the standard deviations (0.20, 0.25, 0.10): c * (-1, 0, 1) has sd c (n - 1 = 2). */
    private static Level levelWithSds(double... sd) {
        double[][] data = new double[sd.length][];
        for (int j = 0; j < sd.length; j++) data[j] = new double[] {0.5 - sd[j], 0.5, 0.5 + sd[j]};
        return Level.ofIndicators("indicators", List.of("A", "B", "C"), data);
    }

    /** composite-index.md 4.2 test values (printed to 6 decimals). */
    @Test
    void sdG1MatchesTheSpecificationExamples() {
        Level level = levelWithSds(0.20, 0.25, 0.10);
        Weighting mult = new G1Rule(true).weigh(level, params("{indicators: [A, B, C], ratios: [1.2, 1.4]}"));
        assertThat(mult.weights()).containsExactly(new double[] {0.427481, 0.445293, 0.127226}, within(5e-7));
        Weighting ordered = new G1Rule(true).weigh(level, params("{indicators: [A, B, C], variant: ordered-sigma-ratio}"));
        // r_2 = 0.25/0.20 = 1.25, r_3 = 0.25/0.10 = 2.5
        assertThat(ordered.weights()).containsExactly(new double[] {0.471698, 0.377358, 0.150943}, within(5e-7));
        assertThat(ordered.details()[1][1]).isCloseTo(1.25, within(EXACT));
        assertThat(ordered.details()[2][1]).isCloseTo(2.5, within(EXACT));
    }

    @Test
    void withoutRatiosTheDocumentedDefaultIsEqualImportance() {
        StepResult r = run("g1", "{indicators: [a, b, c], negative: [c]}");
        assertThat(weights(r)).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(EXACT));
        assertThat(r.warnings()).extracting(Warning::code).contains("default-ratios");
        // and g1-sd multiplicative then reduces to standard-deviation weights
        StepResult sd = run("g1-sd", "{indicators: [a, b, c], negative: [c]}");
        double ssum = Math.sqrt(0.15625) + Math.sqrt(0.175) + 0.5;
        assertThat(weights(sd)).containsExactly(new double[] {Math.sqrt(0.15625) / ssum, Math.sqrt(0.175) / ssum, 0.5 / ssum}, within(EXACT));
    }

    /**
     * Criterion layers, flat: layer weight = sum of its indicators' weights; Table 1 has one row per indicator
     * with the layer name and weight on the first row of each layer. Hierarchical pure G1 equals flat G1
     * because G1 ratios compose (w_c/w_b = r_2 r_3).
     */
    @Test
    void layersGiveTheTable1LayoutAndHierarchicalG1EqualsFlat() {
        String yaml = "{indicators: [a, b, c], negative: [c], order: [c, a, b], ratios: [1.2, 1.4], shift: 0,"
                + " layers: {Growth: [a, b], Structure: [c]}, labels: {a: Output, b: Revenue, c: Industry share}";
        StepResult flat = run("g1", yaml + "}");
        Table t = flat.tables().get(0);
        assertThat(t.id()).isEqualTo("weights");
        assertThat(t.stub()).isEqualTo("Criterion layer");
        assertThat(t.columns()).containsExactly("Layer weight", "Indicator", "Direction", "Weight");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).label()).isEqualTo("Growth");
        assertThat(t.rows().get(0).cells()).containsExactly("0.5882", "Output", "+", "0.3431");
        assertThat(t.rows().get(1).label()).isEmpty();
        assertThat(t.rows().get(1).cells()).containsExactly("", "Revenue", "+", "0.2451");
        assertThat(t.rows().get(2).cells()).containsExactly("0.4118", "Industry share", "-", "0.4118");
        StepResult hier = run("g1", yaml + ", aggregation: hierarchical}");
        assertThat(weights(hier)).containsExactly(weights(flat), within(EXACT));
        assertThat(hier.column("index")).containsExactly(flat.column("index"), within(EXACT));
        // sub-score columns on request: Growth = (w_a z_a + w_b z_b) / (w_a + w_b)
        StepResult sub = run("g1", yaml + ", subscores: true}");
        double[] growth = sub.column("index_growth");
        assertThat(growth[2]).isCloseTo(0.5, within(EXACT));
        assertThat(growth[1]).isCloseTo(0.25 * 1.4 / 2.4, within(EXACT));
    }

    /**
     * By-year scope: min and max per year. Year 2021 doubles every raw value of 2020 for a and b and keeps c,
     * so per-year normalisation gives identical z (and identical scores) in both years, whereas pooled does not.
     */
    @Test
    void byYearNormalisation() {
        String csv = IndexFixtures.HAND + """
                A,2021,4,2,9
                B,2021,8,2,7
                C,2021,12,6,9
                D,2021,16,6,5
                E,2021,20,10,5
                """;
        IndexParameters p = params("{indicators: [a, b, c], negative: [c], scope: by-year, shift: 0, order: [c, a, b], ratios: [1.2, 1.4]}");
        StepResult r = new G1Weighting().run(p, new TestContext(IndexFixtures.panel(csv)));
        double[] s = r.column("index");
        // panel rows are entity-major: A2020, A2021, B2020, ...
        for (int e = 0; e < 5; e++) assertThat(s[2 * e]).isCloseTo(s[2 * e + 1], within(EXACT));
        assertThat(s[2]).isCloseTo(0.29166667, within(5e-9));
        IndexParameters pooled = params("{indicators: [a, b, c], negative: [c], shift: 0, order: [c, a, b], ratios: [1.2, 1.4]}");
        double[] sp = new G1Weighting().run(pooled, new TestContext(IndexFixtures.panel(csv))).column("index");
        assertThat(sp[2]).isNotCloseTo(sp[3], within(1e-3));
    }

    @Test
    void resultSerialisesToJson() throws Exception {
        StepResult r = run("g1-sd", "{indicators: [a, b, c], negative: [c], layers: {G: [a, b], S: [c]}, aggregation: hierarchical}");
        String json = Json.mapper().writeValueAsString(r);
        assertThat(json).contains("\"weights\"", "\"layers\"", "\"derivation\"", "\"byYear\"", "\"normalisation\"");
        assertThat(r.files()).hasSize(1);
        assertThat(r.files().get(0).name()).isEqualTo("index-values.csv");
        assertThat(r.files().get(0).content()).startsWith("id,year,index,index_g,index_s\nA,2020,");
    }

    // ------------------------------------------------------------------ bad inputs

    @Test
    void ratioOutsideTheG1ScaleIsASpecError() {
        assertThatThrownBy(() -> params("{indicators: [a, b, c], ratios: [1.2, 2.5]}"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("ratios[1]").hasMessageContaining("r_3 = 2.5 is outside the G1 scale [1.0, 1.8]");
        assertThatThrownBy(() -> params("{indicators: [a, b, c], ratios: [0.8, 1.2]}"))
                .hasMessageContaining("r_2 = 0.8 is outside");
        assertThatThrownBy(() -> params("{indicators: [a, b, c], ratios: [1.2]}"))
                .hasMessageContaining("needs 2 values r_2..r_3");
        assertThatThrownBy(() -> params("{indicators: [a, b, c], order: [a, b]}"))
                .hasMessageContaining("misses indicator 'c'");
        assertThatThrownBy(() -> params("{indicators: [a, b, c], order: [a, b, d]}"))
                .hasMessageContaining("'d', which is not one of the indicators");
    }

    @Test
    void unknownIndicatorIsADataErrorWithAHint() {
        assertThatThrownBy(() -> run("g1", "{indicators: [a, bb, c]}"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("unknown indicator 'bb' (did you mean 'b'?)");
    }

    @Test
    void constantIndicatorIsAnErrorNamingTheScope() {
        String csv = "id,year,a,k\nA,2020,1,3\nB,2020,2,3\nC,2020,3,3\n";
        IndexParameters p = params("{indicators: [a, k]}");
        assertThatThrownBy(() -> new G1Weighting().run(p, new TestContext(IndexFixtures.panel(csv))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("indicator 'k' has zero range (constant 3.0) in the pooled sample (3 rows)");
    }

    @Test
    void allMissingColumnIsAnError() {
        var panel = hand().withColumn("empty", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        IndexParameters p = params("{indicators: [a, empty]}");
        assertThatThrownBy(() -> new G1Weighting().run(p, new TestContext(panel)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("indicator 'empty' has no values (all 5 rows missing)");
    }

    @Test
    void missingValuesAreAnErrorUnlessSkipped() {
        var panel = hand().withColumn("m", new double[] {1, Double.NaN, 3, 4, 5});
        assertThatThrownBy(() -> new G1Weighting().run(params("{indicators: [a, m]}"), new TestContext(panel)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("1 missing indicator value (id, year, indicator): (B, 2020, m)");
        StepResult r = new G1Weighting().run(params("{indicators: [a, m], missing: skip}"), new TestContext(panel));
        assertThat(r.column("index")[1]).isNaN();
        assertThat(r.warnings()).extracting(Warning::code).contains("dropped-missing");
    }

    @Test
    void sdG1RejectsZScores() {
        assertThatThrownBy(() -> run("g1-sd", "{indicators: [a, b, c], normalization: zscore}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("normalization");
        // g1 itself works on z-scores (the score is then a weighted sum of z-scores)
        StepResult r = run("g1", "{indicators: [a, b, c], normalization: zscore}");
        assertThat(r.column("index")[0]).isLessThan(0);
    }

    @Test
    void methodSpecificKeysOfOtherMethodsAreAcceptedWithAWarning() {
        StepResult r = run("g1", "{indicators: [a, b, c], pca-rule: first, weights: {a: 1, b: 1, c: 1}}");
        assertThat(r.warnings()).filteredOn(w -> w.code().equals("unused-parameter")).hasSize(2);
    }
}
