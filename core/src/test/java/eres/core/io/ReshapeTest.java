package eres.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.ChainLoader;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import org.junit.jupiter.api.Test;

/** {@code data.reshape}: wide (year columns) and long (variable-name column) layouts into the panel layout. */
class ReshapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Reshape.Spec spec(String json) throws Exception {
        return Reshape.parse(JSON.readTree(json));
    }

    @Test
    void wideYearColumnsBecomeRowsAndOtherColumnsAreRepeated() throws Exception {
        RawTable raw = CsvReader.parse("gdp.csv", "province,region,2009,2010,2011\nA,east,1,2,3\nB,west,4,,6\n", ',');
        Reshape.Result r = Reshape.apply(raw, spec("{\"from\":\"wide\",\"years\":\"2010:2011\",\"value\":\"gdp\"}"), "province", "year");
        assertThat(r.table().columns()).containsExactly("province", "region", "year", "gdp");
        assertThat(r.table().rows()).extracting(a -> String.join("|", java.util.Arrays.asList(a)))
                .containsExactly("A|east|2010|2", "A|east|2011|3", "B|west|2010|", "B|west|2011|6");
        assertThat(r.table().lineNumbers()).containsExactly(2, 2, 3, 3);
        assertThat(r.notes()).anyMatch(n -> n.contains("left out") && n.endsWith("2009"));
        Panel p = PanelLoader.load(r.table(), new DataSpec("gdp.csv", "province", "year", "region", null, "drop", null)).panel();
        assertThat(p.rows()).isEqualTo(3);
    }

    @Test
    void stubsAndColumnPatterns() throws Exception {
        RawTable raw = CsvReader.parse("x.csv", "id,gdp_2000,pop_2000,gdp_2001,pop_2001\n1,10,5,11,6\n", ',');
        RawTable t = Reshape.apply(raw, spec("{\"from\":\"wide\",\"years\":[2000,2001],\"stubs\":[\"gdp\",\"pop\"],\"columns\":\"{stub}_{year}\"}"),
                "id", "t").table();
        assertThat(t.columns()).containsExactly("id", "t", "gdp", "pop");
        assertThat(t.rows().get(1)).containsExactly("1", "2001", "11", "6");
    }

    @Test
    void longRowsPivotOnTheVariableColumn() throws Exception {
        RawTable raw = CsvReader.parse("l.csv", "p,y,var,val,region\nA,1,gdp,10,e\nA,1,pop,2,e\nB,1,gdp,20,w\nA,2,gdp,11,e\n", ',');
        RawTable t = Reshape.apply(raw, spec("{\"from\":\"long\",\"names-from\":\"var\",\"values-from\":\"val\"}"), "p", "y").table();
        assertThat(t.columns()).containsExactly("p", "y", "region", "gdp", "pop");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0)).containsExactly("A", "1", "e", "10", "2");
        assertThat(t.rows().get(1)).containsExactly("B", "1", "w", "20", null);
    }

    @Test
    void problemsNameTheColumnAndRow() throws Exception {
        RawTable raw = CsvReader.parse("gdp.csv", "province,2010,2012\nA,1,2\n", ',');
        assertThatThrownBy(() -> Reshape.apply(raw, spec("{\"from\":\"wide\",\"years\":\"2010:2012\",\"value\":\"gdp\"}"), "province", "year"))
                .isInstanceOf(DataException.class).hasMessageContaining("no column '2011' in gdp.csv for year 2011");
        assertThatThrownBy(() -> Reshape.apply(raw, spec("{\"from\":\"wide\",\"years\":\"2010:2010\",\"value\":\"gdp\"}"), "provnce", "year"))
                .isInstanceOf(DataException.class).hasMessageContaining("did you mean 'province'");
        RawTable dup = CsvReader.parse("l.csv", "p,y,var,val\nA,1,gdp,10\nA,1,gdp,11\n", ',');
        assertThatThrownBy(() -> Reshape.apply(dup, spec("{\"from\":\"long\",\"names-from\":\"var\",\"values-from\":\"val\"}"), "p", "y"))
                .isInstanceOf(DataException.class).hasMessage("l.csv line 3: 'gdp' for (A, 1) is given twice, first at line 2");
        assertThatThrownBy(() -> spec("{\"from\":\"wide\",\"years\":\"2010:2012\"}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("either value");
        assertThatThrownBy(() -> spec("{\"from\":\"wide\",\"years\":\"2010:2012\",\"value\":\"g\",\"colums\":\"{year}\"}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("did you mean 'columns'");
        assertThatThrownBy(() -> spec("{\"from\":\"sideways\"}")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> spec("{\"from\":\"wide\",\"years\":\"2012:2010\",\"value\":\"g\"}")).hasMessageContaining("is empty");
    }

    @Test
    void theChainFileCarriesAndValidatesReshape() {
        var chain = ChainLoader.parse("c.yaml", """
                name: t
                data: {source: y.xlsx, entity: province, time: year, sheet: GDP, reshape: {from: wide, years: "2008:2022", value: gdp}}
                steps: [{id: a, use: panel-fe, with: {y: gdp, x: [gdp]}}]
                """);
        assertThat(chain.data().reshape()).isInstanceOf(Reshape.Wide.class);
        assertThat(chain.data().readerOptions()).containsOnlyKeys("sheet");
        assertThatThrownBy(() -> ChainLoader.parse("c.yaml", """
                name: t
                data: {source: y.xlsx, entity: province, time: year, reshape: {from: wide, years: "2008-2022", value: gdp}}
                steps: [{id: a, use: panel-fe, with: {y: gdp, x: [gdp]}}]
                """)).isInstanceOf(SpecException.class).hasMessageContaining("data.reshape.years");
    }
}
