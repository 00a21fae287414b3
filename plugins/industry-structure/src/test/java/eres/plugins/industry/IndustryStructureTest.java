package eres.plugins.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eres.core.chain.ParameterBinder;
import eres.core.report.Json;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.DataException;
import eres.api.IndexMethod;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Warning;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived industry-structure indices on a made-up employment matrix: three provinces, four
 * industries (a, b, c, d), two years.
 *
 * <pre>
 *            2020: a   b   c   d  total     2021: a   b   c   d  total
 *   P1            50  50   0   0   100          40  40  10  10   100
 *   P2            20  30  50   0   100          25  25  25  25   100
 *   P3            10  20  70   0   100          10  20  30  40   100
 *   reference     80 100 120   0   300          75  85  65  75   300
 * </pre>
 * P1 2020 has a zero-employment industry (c; 0 ln 0 = 0) and industry d has zero reference employment
 * in 2020 (left out of the 2020 location quotients, warned). Reference shares P_2020 = (4/15, 1/3, 2/5, 0),
 * P_2021 = (1/4, 17/60, 13/60, 1/4).
 */
class IndustryStructureTest {
    private static final double EXACT = 1e-12;

    static final String CSV = """
            id,year,a,b,c,d
            P1,2020,50,50,0,0
            P2,2020,20,30,50,0
            P3,2020,10,20,70,0
            P1,2021,40,40,10,10
            P2,2021,25,25,25,25
            P3,2021,10,20,30,40
            """;

    static Panel panel(String csv) {
        return TestData.panel(csv, "id", "year", null);
    }

    static IndustryParameters params(String yaml) throws Exception {
        return ParameterBinder.bind("with", new ObjectMapper(new YAMLFactory()).readTree(yaml), IndustryParameters.class);
    }

    static StepResult run(IndexMethod<IndustryParameters> m, String yaml) throws Exception {
        return m.run(params(yaml), new TestContext(panel(CSV)));
    }

    /** Panel rows are entity-major: P1 2020, P1 2021, P2 2020, P2 2021, P3 2020, P3 2021. */
    private static double lnx(double x) {
        return x * Math.log(x);
    }

    /**
     * Div = -sum p ln p with 0 ln 0 = 0:
     * P1 2020 (.5, .5, 0, 0): ln 2 = 0.69314718; P2 2020 (.2, .3, .5, 0): 1.02965301; P3 2020 (.1, .2, .7, 0): 0.80181855;
     * P1 2021 (.4, .4, .1, .1): 1.19354960; P2 2021 uniform: ln 4 = 1.38629436; P3 2021 (.1, .2, .3, .4): 1.27985423.
     * Normalised by ln K = ln 4: P2 2021 = 1, P1 2020 = 0.5.
     */
    @Test
    void diversification() throws Exception {
        double[] v = run(new DiversificationIndex(), "{industries: [a, b, c, d]}").column("diversification");
        assertThat(v[0]).isCloseTo(Math.log(2), within(EXACT));
        assertThat(v[2]).isCloseTo(-(lnx(.2) + lnx(.3) + lnx(.5)), within(EXACT));
        assertThat(v[4]).isCloseTo(-(lnx(.1) + lnx(.2) + lnx(.7)), within(EXACT));
        assertThat(v[1]).isCloseTo(-(2 * lnx(.4) + 2 * lnx(.1)), within(EXACT));
        assertThat(v[3]).isCloseTo(Math.log(4), within(EXACT));
        assertThat(v[5]).isCloseTo(-(lnx(.1) + lnx(.2) + lnx(.3) + lnx(.4)), within(EXACT));
        assertThat(v).containsExactly(new double[] {0.69314718, 1.19354960, 1.02965301, 1.38629436, 0.80181855, 1.27985423}, within(5e-9));
        double[] n = run(new DiversificationIndex(), "{industries: [a, b, c, d], normalize: true, output: div_n}").column("div_n");
        assertThat(n[0]).isCloseTo(0.5, within(EXACT));
        assertThat(n[3]).isCloseTo(1, within(EXACT));
    }

    /**
     * LQ_k = p_k / P_k. 2020 (d left out: reference 0): P1 (1.875, 1.5, 0) -> 1.875 (a); P2 (.75, .9, 1.25) -> 1.25 (c);
     * P3 (.375, .6, 1.75) -> 1.75 (c). 2021: P1 (1.6, 24/17, 6/13, .4) -> 1.6 (a);
     * P2 (1, 15/17, 15/13, 1) -> 15/13 = 1.15384615 (c); P3 (.4, 12/17, 18/13, 1.6) -> 1.6 (d).
     */
    @Test
    void specialization() throws Exception {
        StepResult r = run(new SpecializationIndex(), "{industries: [a, b, c, d], output: spec}");
        assertThat(r.column("spec")).containsExactly(new double[] {1.875, 1.6, 1.25, 15 / 13.0, 1.75, 1.6}, within(EXACT));
        assertThat(r.warnings()).extracting(Warning::code).containsExactly("zero-reference-industry");
        assertThat(r.warnings().get(0).message()).contains("d in [2020]");
        assertThat(r.files().get(0).content()).contains("P1,2020,1.875,a\n", "P3,2021,1.6,d\n");
    }

    /** HHI = sum p^2: 2020 P1 .5, P2 .38, P3 .54; 2021 P1 .34, P2 .25, P3 .30; normalised (H - 1/4)/(3/4): P2 2021 = 0. */
    @Test
    void herfindahl() throws Exception {
        assertThat(run(new HerfindahlIndex(), "{industries: [a, b, c, d]}").column("hhi"))
                .containsExactly(new double[] {0.5, 0.34, 0.38, 0.25, 0.54, 0.30}, within(EXACT));
        assertThat(run(new HerfindahlIndex(), "{industries: [a, b, c, d], normalize: true}").column("hhi")[0])
                .isCloseTo((0.5 - 0.25) / 0.75, within(EXACT));
    }

    /**
     * Krugman = sum |p_k - P_k|: 2020 P1 |.5 - 4/15| + |.5 - 1/3| + |0 - .4| = .8, P2 .2, P3 .6;
     * 2021 P1 .15 + 7/60 + 7/60 + .15 = 8/15, P2 0 + 2/60 + 2/60 + 0 = 1/15, P3 .15 + 5/60 + 5/60 + .15 = 7/15.
     */
    @Test
    void krugman() throws Exception {
        assertThat(run(new KrugmanIndex(), "{industries: [a, b, c, d]}").column("krugman"))
                .containsExactly(new double[] {0.8, 8 / 15.0, 0.2, 1 / 15.0, 0.6, 7 / 15.0}, within(EXACT));
    }

    /** Long-format employment reshaped with a prefix: emp_* names every industry column, in the panel's order. */
    @Test
    void industryPatternsMatchPanelColumns() throws Exception {
        String csv = CSV.replace("id,year,a,b,c,d", "id,year,emp_a,emp_b,emp_c,emp_d");
        StepResult r = new KrugmanIndex().run(params("{industries: [\"emp_*\"]}"), new TestContext(panel(csv)));
        assertThat(r.column("krugman")).containsExactly(new double[] {0.8, 8 / 15.0, 0.2, 1 / 15.0, 0.6, 7 / 15.0}, within(EXACT));
        assertThat(r.statistics().get("industries")).isEqualTo(4L);
        assertThatThrownBy(() -> new KrugmanIndex().run(params("{industries: [\"job_*\"]}"), new TestContext(panel(csv))))
                .hasMessageContaining("'job_*' matches no column of the panel");
    }

    /** National reference columns instead of the panel sum: with the same totals the results are identical. */
    @Test
    void nationalReferenceColumns() throws Exception {
        String csv = """
                id,year,a,b,c,d,na,nb,nc,nd
                P1,2020,50,50,0,0,80,100,120,0
                P2,2020,20,30,50,0,80,100,120,0
                P3,2020,10,20,70,0,80,100,120,0
                P1,2021,40,40,10,10,75,85,65,75
                P2,2021,25,25,25,25,75,85,65,75
                P3,2021,10,20,30,40,75,85,65,75
                """;
        StepResult r = new SpecializationIndex().run(params("{industries: [a, b, c, d], national: [na, nb, nc, nd]}"),
                new TestContext(panel(csv)));
        assertThat(r.column("specialization")).containsExactly(new double[] {1.875, 1.6, 1.25, 15 / 13.0, 1.75, 1.6}, within(EXACT));
        String bad = csv.replace("P2,2020,20,30,50,0,80", "P2,2020,20,30,50,0,81");
        assertThatThrownBy(() -> new KrugmanIndex().run(params("{industries: [a, b, c, d], national: [na, nb, nc, nd]}"),
                new TestContext(panel(bad))))
                .isInstanceOf(DataException.class).hasMessageContaining("national column 'na' differs within year 2020");
    }

    /**
     * composite-index.md section 6 tests: shares (0.5, 0.5) -> Div = ln 2, shares (1, 0) -> 0; a region with
     * shares (0.6, 0.4) when the nation has (0.3, 0.7): LQ = (2.0, 0.571429), Spec = 2.0 (national columns);
     * (only the maximum location quotient is an output; R1's Krugman index checks the same shares).
     */
    @Test
    void specificationExamples() throws Exception {
        String csv = """
                id,year,a,b,na,nb
                R1,2020,60,40,30,70
                R2,2020,50,50,30,70
                R3,2020,80,0,30,70
                """;
        Panel p = panel(csv);
        double[] div = new DiversificationIndex().run(params("{industries: [a, b]}"), new TestContext(p)).column("diversification");
        assertThat(div[1]).isCloseTo(Math.log(2), within(EXACT));
        assertThat(div[2]).isEqualTo(0.0);
        double[] spec = new SpecializationIndex().run(params("{industries: [a, b], national: [na, nb]}"), new TestContext(p))
                .column("specialization");
        assertThat(spec[0]).isCloseTo(2.0, within(EXACT));
        // R2: LQ = (0.5/0.3, 0.5/0.7) -> 1.666667; R3 (shares (1, 0)): LQ = (1/0.3, 0) -> 3.333333
        assertThat(spec[1]).isCloseTo(0.5 / 0.3, within(EXACT));
        assertThat(spec[2]).isCloseTo(1 / 0.3, within(EXACT));
        // Krugman for R1 with the national shares: |0.6 - 0.3| + |0.4 - 0.7| = 0.6
        double[] k = new KrugmanIndex().run(params("{industries: [a, b], national: [na, nb]}"), new TestContext(p)).column("krugman");
        assertThat(k[0]).isCloseTo(0.6, within(EXACT));
    }

    @Test
    void negativeCountIsAnError() throws Exception {
        String csv = CSV.replace("P2,2021,25,25,25,25", "P2,2021,25,-5,25,25");
        assertThatThrownBy(() -> new DiversificationIndex().run(params("{industries: [a, b, c, d]}"), new TestContext(panel(csv))))
                .isInstanceOf(DataException.class)
                .hasMessage("negative employment -5.0 in industry 'b' at (P2, 2021); employment counts must be >= 0");
    }

    @Test
    void otherBadInputs() throws Exception {
        String zero = CSV.replace("P2,2021,25,25,25,25", "P2,2021,0,0,0,0");
        assertThatThrownBy(() -> new HerfindahlIndex().run(params("{industries: [a, b, c, d]}"), new TestContext(panel(zero))))
                .isInstanceOf(DataException.class).hasMessageContaining("(P2, 2021) has zero total employment over the 4 industries");
        assertThatThrownBy(() -> run(new HerfindahlIndex(), "{industries: [a, b, x]}"))
                .isInstanceOf(DataException.class).hasMessageContaining("unknown industry column 'x'");
        assertThatThrownBy(() -> params("{industries: [a]}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("needs at least two industry columns");
        Panel withEmpty = panel(CSV).withColumn("e", new double[6]);
        Panel allMissing = withEmpty.withColumn("e", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        assertThatThrownBy(() -> new HerfindahlIndex().run(params("{industries: [a, e]}"), new TestContext(allMissing)))
                .isInstanceOf(DataException.class).hasMessageContaining("industry column 'e' has no values (all 6 rows missing)");
    }

    @Test
    void sameParameterShapeAndJson() throws Exception {
        String with = "{industries: [a, b, c, d], normalize: true, labels: {a: Agriculture}}";
        for (IndexMethod<IndustryParameters> m : java.util.List.<IndexMethod<IndustryParameters>>of(new DiversificationIndex(),
                new SpecializationIndex(), new HerfindahlIndex(), new KrugmanIndex())) {
            StepResult r = run(m, with);
            assertThat(r.columnNames()).containsExactly(m.id());
            assertThat(Json.mapper().writeValueAsString(r)).contains("\"byYear\"");
        }
        assertThat(run(new KrugmanIndex(), with).warnings()).extracting(Warning::code).contains("unused-parameter");
    }
}
