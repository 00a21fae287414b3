package eres.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {
    // entity 1 has a gap in 2002
    static final String CSV = "id,year,region,x,y\n1,2000,east,1,10\n1,2001,east,2,20\n1,2003,east,4,40\n"
            + "2,2000,west,5,50\n2,2001,west,6,60\n2,2002,west,7,70\n";

    static Panel panel() {
        return PanelLoader.load(CsvReader.parse("t.csv", CSV, ','), new DataSpec("t.csv", "id", "year", "region", null, "error", null)).panel();
    }

    static List<JsonNode> yaml(String s) throws Exception {
        JsonNode n = new YAMLMapper().readTree(s);
        List<JsonNode> l = new ArrayList<>();
        n.forEach(l::add);
        return l;
    }

    @Test
    void lagLeadDiffRespectTimeGaps() throws Exception {
        Panel p = Transforms.apply(panel(), yaml("- lag: [x]\n- lead: [x]\n- diff: [x]\n- lag: {vars: [x], k: 2}\n"));
        assertThat(p.column("L.x")).containsExactly(Double.NaN, 1, Double.NaN, Double.NaN, 5, 6);
        assertThat(p.column("F.x")).containsExactly(2, Double.NaN, Double.NaN, 6, 7, Double.NaN);
        assertThat(p.column("D.x")).containsExactly(Double.NaN, 1, Double.NaN, Double.NaN, 1, 1);
        assertThat(p.column("L2.x")).containsExactly(Double.NaN, Double.NaN, 2, Double.NaN, Double.NaN, 5);
    }

    @Test
    void logInPlaceOrIntoNewColumns() throws Exception {
        Panel p = Transforms.apply(panel(), yaml("- log: {vars: [y], name: 'ln_{}'}\n- log: [x]\n"));
        assertThat(p.column("ln_y")[0]).isEqualTo(Math.log(10));
        assertThat(p.column("x")[1]).isEqualTo(Math.log(2));
    }

    @Test
    void logOfNonPositiveValueNamesTheRow() throws Exception {
        Panel p = panel().withColumn("z", new double[] {1, 0, 2, 3, 4, 5});
        assertThatThrownBy(() -> Transforms.apply(p, yaml("- log: [z]\n"))).isInstanceOf(DataException.class)
                .hasMessage("log of 'z': value 0.0 at (1, 2001) is not positive");
    }

    @Test
    void productStandardizeAndFilters() throws Exception {
        Panel p = Transforms.apply(panel(), yaml("- product: {of: [x, y], name: xy}\n- standardize: {vars: [x], name: zx}\n"));
        assertThat(p.column("xy")).containsExactly(10, 40, 160, 250, 360, 490);
        double[] z = p.column("zx");
        assertThat(java.util.Arrays.stream(z).sum()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Transforms.apply(panel(), yaml("- filter: {group: [west]}\n")).rows()).isEqualTo(3);
        assertThat(Transforms.apply(panel(), yaml("- filter: {exclude-group: [west]}\n")).rows()).isEqualTo(3);
        assertThat(Transforms.apply(panel(), yaml("- filter: {years: '2001:2002'}\n")).rows()).isEqualTo(3);
        assertThat(Transforms.apply(panel(), yaml("- filter: {years: [2000]}\n")).rows()).isEqualTo(2);
    }

    @Test
    void badTransformsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> Transforms.apply(panel(), yaml("- lgo: [x]\n"))).isInstanceOf(SpecException.class)
                .hasMessage("'transforms[0]' unknown transform 'lgo' (did you mean 'log'?); transforms: log, lag, lead, diff, standardize, product, filter");
        assertThatThrownBy(() -> Transforms.apply(panel(), yaml("- lag: {vars: [x], kk: 2}\n")))
                .hasMessageContaining("unknown key 'kk' (did you mean 'k'?)");
        assertThatThrownBy(() -> Transforms.apply(panel(), yaml("- filter: {group: [north]}\n")))
                .hasMessageContaining("group 'north' does not occur in column 'region'");
        assertThatThrownBy(() -> Transforms.apply(panel(), yaml("- log: [gdp]\n"))).isInstanceOf(DataException.class)
                .hasMessageStartingWith("unknown column 'gdp'");
        assertThatThrownBy(() -> Transforms.apply(panel(), List.of(new ObjectMapper().readTree("{\"log\":[\"x\"],\"lag\":[\"x\"]}"))))
                .hasMessageContaining("must be a map with one operation");
    }

    @Test
    void transformsNeverOverwriteColumnsSilently() throws Exception {
        // two variables into one name (issue 19 item 4)
        assertThatThrownBy(() -> Transforms.bind(yaml("- log: {vars: [x, y], name: lnx}\n"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("'lnx' gives the same column 'lnx' for 2 variables");
        // a data column
        assertThatThrownBy(() -> Transforms.apply(panel(), yaml("- lag: {vars: [x], name: y}\n"))).isInstanceOf(DataException.class)
                .hasMessage("transforms[0].lag writes column 'y', which already exists; choose another name (name: ...)");
        // a column an earlier transform writes
        assertThatThrownBy(() -> Transforms.bind(yaml("- lag: [x]\n- lag: [x]\n"))).isInstanceOf(SpecException.class)
                .hasMessageContaining("writes column 'L.x', which transforms[0].lag already writes");
        // in place is the documented use of log and standardize
        Panel p = Transforms.apply(panel(), yaml("- log: [x]\n- standardize: [x]\n"));
        assertThat(p.numericColumns()).containsExactly("x", "y");
    }

    @Test
    void everyBindingProblemIsReportedAtOnce() throws Exception {
        assertThatThrownBy(() -> Transforms.bind(yaml("- lgo: [x]\n- lag: {vars: [x], k: 0}\n"))).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(((SpecException) e).problems()).hasSize(2));
    }

    @Test
    void shiftsBeyondTheDataSpanAreErrorsNotOverflows() throws Exception {
        assertThatThrownBy(() -> Transforms.apply(panel(), yaml("- lead: {vars: [x], k: 2147483647}\n")))
                .isInstanceOf(DataException.class)
                .hasMessage("transforms[0].lead: a lead of 2147483647 periods leaves no values; the data span 2000-2003");
    }
}
