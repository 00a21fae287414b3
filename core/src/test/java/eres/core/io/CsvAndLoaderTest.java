package eres.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.DataException;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad-input catalogue for reading and typing CSV panels: each error is one line naming what is wrong. */
class CsvAndLoaderTest {
    static DataSpec spec(List<String> vars, String missing) {
        return new DataSpec("t.csv", "id", "year", null, vars, missing, null);
    }

    static Panel load(String csv) {
        return PanelLoader.load(CsvReader.parse("t.csv", csv, ','), spec(null, "error")).panel();
    }

    @Test
    void readsBomCrlfQuotesAndBlankLines() {
        String csv = "\uFEFFid,year,\"y, quoted\",name\r\n1,2001,1.5,\"a \"\"b\"\"\"\r\n\r\n1,2002,2.5,\"multi\nline\"\r\n";
        RawTable t = CsvReader.parse("t.csv", csv, ',');
        assertThat(t.columns()).containsExactly("id", "year", "y, quoted", "name");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0)[3]).isEqualTo("a \"b\"");
        assertThat(t.rows().get(1)[3]).isEqualTo("multi\nline");
        assertThat(t.lineNumbers()).containsExactly(2, 4);
        Panel p = PanelLoader.load(t, spec(null, "error")).panel();
        assertThat(p.column("y, quoted")).containsExactly(1.5, 2.5);
        assertThat(p.textColumn("name")).containsExactly("a \"b\"", "multi\nline");
    }

    @Test
    void emptyFileAndHeaderOnlyAreErrors() {
        assertThatThrownBy(() -> CsvReader.parse("e.csv", "", ',')).isInstanceOf(DataException.class).hasMessage("e.csv is empty");
        assertThatThrownBy(() -> CsvReader.parse("h.csv", "id,year,y\n", ',')).isInstanceOf(DataException.class)
                .hasMessage("h.csv has a header but no data rows");
    }

    @Test
    void duplicateAndEmptyColumnNamesAreErrors() {
        assertThatThrownBy(() -> CsvReader.parse("d.csv", "id,year,y,y\n1,2000,1,2\n", ','))
                .hasMessage("d.csv line 1: duplicate column name 'y'");
        assertThatThrownBy(() -> CsvReader.parse("d.csv", "id,,y\n1,2000,1\n", ','))
                .hasMessage("d.csv line 1: column 2 has an empty name");
    }

    @Test
    void raggedRowsAndBadQuotesAreErrors() {
        assertThatThrownBy(() -> CsvReader.parse("r.csv", "id,year,y\n1,2000\n", ','))
                .hasMessage("r.csv line 2: 2 fields, the header has 3");
        assertThatThrownBy(() -> CsvReader.parse("q.csv", "id,year,y\n1,2000,\"abc\n", ','))
                .hasMessage("q.csv line 2: unterminated quoted field");
        assertThatThrownBy(() -> CsvReader.parse("q.csv", "id,year,y\n1,2000,\"a\"b\n", ','))
                .hasMessage("q.csv line 2: text after a closing quote");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() {
        assertThatThrownBy(() -> load("id,year,y\n1,2000,1.0\n1,2001,abc\n"))
                .isInstanceOf(DataException.class).hasMessage("t.csv line 3, column 'y': 'abc' is not a number (the column mixes numbers"
                        + " and text; if it is not needed, list the needed columns in data.variables)");
        assertThatThrownBy(() -> load("id,year,y\n1,2000,\"1,5\"\n1,2001,2\n"))
                .hasMessage("t.csv line 2, column 'y': '1,5' is not a number (for decimal commas set data.decimal: ',')");
    }

    @Test
    void nanAndInfinityAreErrors() {
        assertThatThrownBy(() -> load("id,year,y\n1,2000,NaN\n1,2001,2\n"))
                .hasMessageContaining("t.csv line 2, column 'y': 'NaN' is not a finite number");
        assertThatThrownBy(() -> load("id,year,y\n1,2000,1\n1,2001,-Inf\n"))
                .hasMessageContaining("line 3, column 'y': '-Inf' is not a finite number");
    }

    @Test
    void textColumnsAreKeptAndTimeMustBeInteger() {
        Panel p = load("id,year,region,y\n1,2000,east,1\n1,2001,east,2\n");
        assertThat(p.textColumns()).containsExactly("region");
        assertThatThrownBy(() -> load("id,year,y\n1,2000.5,1\n"))
                .hasMessage("t.csv line 2: year '2000.5' is not an integer period");
    }

    @Test
    void duplicateEntityTimeNamesBothLines() {
        assertThatThrownBy(() -> load("id,year,y\n1,2000,1\n2,2000,1\n1,2000,3\n"))
                .hasMessage("t.csv line 4: duplicate id-year pair (1, 2000), first at line 2");
    }

    @Test
    void missingValuesErrorByDefaultAndDropOnRequest() {
        String csv = "id,year,y,x\n1,2000,1,NA\n1,2001,2,3\n2,2000,.,4\n2,2001,5,6\n";
        assertThatThrownBy(() -> PanelLoader.load(CsvReader.parse("t.csv", csv, ','), spec(null, "error")))
                .isInstanceOf(DataException.class)
                .hasMessage("column 'y' has 1 missing value (first at t.csv line 4) and 1 other column(s) have missing values too;"
                        + " set data.missing: drop to drop incomplete rows, or list only the needed columns in data.variables");
        PanelLoader.Loaded l = PanelLoader.load(CsvReader.parse("t.csv", csv, ','), spec(null, "drop"));
        assertThat(l.panel().rows()).isEqualTo(2);
        assertThat(l.report().rowsDropped()).isEqualTo(2);
        assertThat(l.report().notes()).contains("2 row(s) with missing values dropped (data.missing: drop)");
        // declaring only complete variables avoids the error
        assertThat(PanelLoader.load(CsvReader.parse("t.csv", "id,year,y,x\n1,2000,1,NA\n1,2001,2,3\n", ','),
                spec(List.of("y"), "error")).panel().rows()).isEqualTo(2);
    }

    @Test
    void allMissingColumnIsErrorWhenDeclaredAndSkippedOtherwise() {
        String csv = "id,year,y,z\n1,2000,1,\n1,2001,2,NA\n";
        assertThatThrownBy(() -> PanelLoader.load(CsvReader.parse("t.csv", csv, ','), spec(List.of("y", "z"), "error")))
                .hasMessage("column 'z' in t.csv has no values (all missing)");
        PanelLoader.Loaded l = PanelLoader.load(CsvReader.parse("t.csv", csv, ','), spec(null, "error"));
        assertThat(l.panel().hasNumeric("z")).isFalse();
        assertThat(l.report().notes()).contains("column 'z' is entirely missing and was not loaded");
    }

    @Test
    void unknownIdentifierColumnsSuggestTheClosest() {
        assertThatThrownBy(() -> PanelLoader.load(CsvReader.parse("t.csv", "code,year,y\n1,2000,1\n", ','), spec(null, "error")))
                .hasMessage("data.entity: no column 'id' in t.csv; columns: code, year, y");
        assertThatThrownBy(() -> PanelLoader.load(CsvReader.parse("t.csv", "id,yaer,y\n1,2000,1\n", ','), spec(null, "error")))
                .hasMessage("data.time: no column 'year' in t.csv (did you mean 'yaer'?); columns: id, yaer, y");
    }

    @Test
    void unknownVariableInStepSuggestsTheClosest() {
        Panel p = load("id,year,gdp,pop\n1,2000,1,2\n");
        assertThatThrownBy(() -> p.column("gpd")).isInstanceOf(DataException.class)
                .hasMessage("unknown column 'gpd' (did you mean 'gdp'?); numeric columns: gdp, pop");
    }

    @Test
    void unbalancedPanelsAndGapsAreAllowed() {
        Panel p = load("id,year,y\n1,2000,1\n1,2002,2\n2,2001,3\n");
        assertThat(p.isBalanced()).isFalse();
        assertThat(p.times()).containsExactly(2000, 2001, 2002);
        assertThat(p.rowOf("1", 2001)).isEqualTo(-1);
    }

    @Test
    void rowsAreCanonicallyOrderedWhateverTheInputOrder() {
        Panel a = load("id,year,y\n10,2001,4\n2,2000,1\n10,2000,3\n2,2001,2\n");
        assertThat(a.entities()).containsExactly("2", "10");
        assertThat(a.column("y")).containsExactly(1, 2, 3, 4);
    }
}
