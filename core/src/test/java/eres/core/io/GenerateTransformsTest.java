package eres.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * generate, dummies, winsorize and interpolate: known answers from base R on the real NBS panel
 * ({@code src/test/resources/transforms/make.R}), the notes they leave for run.json, and their errors.
 */
class GenerateTransformsTest {
    static Panel nbs() {
        String csv = TestData.resource(GenerateTransformsTest.class, "/transforms/input.csv");
        return PanelLoader.load(CsvReader.parse("input.csv", csv, ','), new DataSpec("input.csv", "code", "year", "region", null, "keep", null))
                .panel();
    }

    static Panel expected() {
        String csv = TestData.resource(GenerateTransformsTest.class, "/transforms/expected.csv");
        return PanelLoader.load(CsvReader.parse("expected.csv", csv, ','), new DataSpec("expected.csv", "code", "year", null, null, "keep", null))
                .panel();
    }

    static List<JsonNode> yaml(String s) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        new YAMLMapper().readTree(s).forEach(l::add);
        return l;
    }

    /** Same values where R has a value, missing where R has NA; relative tolerance 1e-12 (R writes 15 significant digits). */
    static void sameAsR(Panel p, String column, Panel r, String expected) {
        double[] a = p.column(column);
        double[] b = r.column(expected);
        assertThat(a).hasSize(b.length);
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(b[i])) {
                assertThat(a[i]).as(column + " row " + i + " " + p.entity(i) + " " + p.time(i)).isNaN();
            } else {
                assertThat(a[i]).as(column + " row " + i + " " + p.entity(i) + " " + p.time(i)).isCloseTo(b[i], within(1e-12 * Math.max(1, Math.abs(b[i]))));
            }
        }
    }

    @Test
    void generateMatchesR() throws Exception {
        List<String> notes = new ArrayList<>();
        Panel p = Transforms.bind(yaml("""
                - generate:
                    ln_pc: "ln(gdp / pop)"
                    dev_region: "gdppc - mean(gdppc) by (region, year)"
                    rank_year: "rank(gdppc) by year"
                    sd_code: "sd(gdppc) by code"
                    growth: "gdp / L.gdp - 1"
                """)).apply(nbs(), notes);
        Panel r = expected();
        for (String c : List.of("ln_pc", "dev_region", "rank_year", "sd_code", "growth")) sameAsR(p, c, r, c);
        assertThat(notes).isEmpty();
    }

    @Test
    void winsorizeMatchesStataAndRDefinitions() throws Exception {
        List<String> notes = new ArrayList<>();
        Panel p = Transforms.bind(yaml("""
                - winsorize: {vars: [gdppc], p: [5, 95], by: year}
                - winsorize: {vars: [gdppc], p: [5, 95], by: year, method: r, name: "{}_r"}
                """)).apply(nbs(), notes);
        Panel r = expected();
        sameAsR(p, "gdppc_w", r, "w_stata");
        sameAsR(p, "gdppc_r", r, "w_r");
        // 31 provinces a year: P = 31 * 5 / 100 = 1.55 -> x(2) and x(30) (Stata); so 1 raised and 1 lowered per year
        assertThat(notes.get(0)).contains("percentiles 5 and 95 within year (Stata definition): 15 value(s) raised, 15 lowered -> gdppc_w");
    }

    @Test
    void interpolateMatchesRApproxAndLeavesTheEnds() throws Exception {
        List<String> notes = new ArrayList<>();
        Panel p = Transforms.bind(yaml("- interpolate: {vars: [gdppc_holes, net], name: \"{}_i\"}\n")).apply(nbs(), notes);
        Panel r = expected();
        sameAsR(p, "gdppc_holes_i", r, "gdppc_i");
        sameAsR(p, "net_i", r, "net_i");
        assertThat(notes.get(0)).startsWith("transforms[0].interpolate: 'gdppc_holes': 39 missing value(s) interpolated linearly within code");
        assertThat(notes.get(1)).contains("'net': 0 missing value(s) interpolated").contains("248 leading or trailing missing value(s) left missing");
    }

    @Test
    void interpolateUsesCalendarTimeAcrossAbsentYears() throws Exception {
        // entity 1 observed in 2000 and 2004 with 2001 missing and 2002-2003 absent: x_2001 = 1 + (9 - 1) / 4
        Panel p = PanelLoader.load(CsvReader.parse("t.csv", "id,year,x\n1,2000,1\n1,2001,NA\n1,2004,9\n2,2000,5\n2,2001,6\n", ','),
                new DataSpec("t.csv", "id", "year", null, null, "keep", null)).panel();
        List<String> notes = new ArrayList<>();
        Panel q = Transforms.bind(yaml("- interpolate: [x]\n")).apply(p, notes);
        assertThat(q.column("x")).containsExactly(1, 3, 9, 5, 6);
        assertThat(q.rows()).isEqualTo(5);
    }

    @Test
    void dummiesOfTextPeriodsAndNumbers() throws Exception {
        List<String> notes = new ArrayList<>();
        Panel p = Transforms.bind(yaml("""
                - dummies: [region]
                - dummies: {vars: [year], drop: none, prefix: "y"}
                - dummies: {vars: [region], drop: west, prefix: "r_"}
                """)).apply(nbs(), notes);
        assertThat(p.numericColumns()).contains("region_east", "region_northeast", "region_west", "y2008", "y2022", "r_central", "r_east")
                .doesNotContain("region_central", "r_west");
        int bj = p.rowOf("11", 2010);
        assertThat(p.value("region_east", bj)).isEqualTo(1);
        assertThat(p.value("region_west", bj)).isEqualTo(0);
        assertThat(p.value("y2010", bj)).isEqualTo(1);
        assertThat(p.value("y2011", bj)).isEqualTo(0);
        assertThat(notes.get(0)).isEqualTo("transforms[0].dummies: 3 dummies of 'region' (base level 'central' left out): region_east,"
                + " region_northeast, region_west");
        assertThat(notes.get(1)).contains("15 dummies of 'year': y2008, y2009");
    }

    @Test
    void errorsNameTheTransform() throws Exception {
        assertThatThrownBy(() -> Transforms.bind(yaml("- generate: {y: \"ln(gdp\"}\n"))).isInstanceOf(SpecException.class)
                .hasMessage("'transforms[0].generate.y' column 7: expected ')' or ',', found end of the expression: ln(gdp\u2038");
        assertThatThrownBy(() -> Transforms.bind(yaml("- generate: {y: \"ln(gdpp)\"}\n")).apply(nbs()))
                .hasMessageContaining("'transforms[0].generate.y' column 4: unknown column 'gdpp' (did you mean 'gdp'?): ln(\u2038gdpp)");
        assertThatThrownBy(() -> Transforms.bind(yaml("- generate: {gdp: \"pop * 2\"}\n")).apply(nbs()))
                .hasMessageContaining("writes column 'gdp', which already exists");
        assertThatThrownBy(() -> Transforms.bind(yaml("- generate: {y: \"L20.gdp\"}\n")).apply(nbs())).isInstanceOf(DataException.class)
                .hasMessageContaining("every value of 'y' is missing");
        assertThatThrownBy(() -> Transforms.bind(yaml("- generate: [y]\n"))).hasMessageContaining("must map new column names to expressions");
        assertThatThrownBy(() -> Transforms.bind(yaml("- winsorize: {vars: [gdp], p: [99, 1]}\n"))).hasMessageContaining("0 <= low < high <= 100");
        assertThatThrownBy(() -> Transforms.bind(yaml("- winsorize: {vars: [gdp], method: sas}\n"))).hasMessageContaining("stata or r");
        assertThatThrownBy(() -> Transforms.bind(yaml("- winsorize: {vars: [gdp], by: regoin}\n")).apply(nbs()))
                .hasMessageContaining("no column 'regoin' (did you mean 'region'?)");
        assertThatThrownBy(() -> Transforms.bind(yaml("- dummies: {vars: [region], drop: south}\n")).apply(nbs()))
                .hasMessageContaining("'south' is not a level of 'region'");
        assertThatThrownBy(() -> Transforms.bind(yaml("- dummies: {vars: [region, year], prefix: d}\n")))
                .hasMessageContaining("include {} for the variable name");
        assertThatThrownBy(() -> Transforms.bind(yaml("- dummies: [region]\n- dummies: {vars: [region], prefix: \"region_\"}\n"))
                .apply(nbs())).hasMessageContaining("writes column 'region_east', which already exists");
    }

    @Test
    void domainProblemsAreReportedNotFatal() throws Exception {
        List<String> notes = new ArrayList<>();
        Panel p = Transforms.bind(yaml("- generate: {lnnet: \"ln(net - 50)\"}\n")).apply(nbs(), notes);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).startsWith("transforms[0].generate.lnnet: ").contains("value(s) set missing: ln of a non-positive number (first at (");
        assertThat(p.hasNumeric("lnnet")).isTrue();
    }
}
