package eres.plugins.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .dta reader against files written by R haven 2.5.1 (formats 113-119, fixtures/stata/make.R) and
 * pandas 1.5.3 (byte/int/float, both byte orders, fixtures/stata/make.py). Expected values are what
 * haven reads back from the same file (expected_*.csv) or what pandas wrote. Numbers are compared
 * exactly: both sides are the same IEEE doubles printed with enough digits to round-trip.
 */
class StataReaderTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/stata");
    private final StataReader reader = new StataReader();

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {113, 114, 115, 117, 118, 119})
    void readsWhatHavenReadsBack(int format) {
        RawTable t = reader.read(FIXTURES.resolve("panel_" + format + ".dta"), null);
        RawTable expected = csv(FIXTURES.resolve("expected_" + format + ".csv"));
        assertThat(t.columns()).containsExactlyElementsOf(expected.columns());
        assertThat(t.rows()).hasSameSizeAs(expected.rows());
        for (int r = 0; r < t.rows().size(); r++) {
            for (int j = 0; j < t.columns().size(); j++) {
                String got = t.rows().get(r)[j];
                String want = expected.rows().get(r)[j];
                String where = "format " + format + " observation " + (r + 1) + " " + t.columns().get(j);
                if (want.isBlank()) {
                    assertThat(got).as(where).isNull();
                } else if (isNumber(want) && isNumber(got)) {
                    assertThat(Double.parseDouble(got)).as(where).isEqualTo(Double.parseDouble(want));
                } else {
                    assertThat(got).as(where).isEqualTo(want);
                }
            }
        }
        assertThat(t.locate(4)).isEqualTo("panel_" + format + ".dta observation 5");
    }

    /** Variable labels (set in make.R: gdp "GDP (100 million yuan)") are the columns' default display labels, in every format. */
    @Test
    void variableLabelsAreRead() {
        for (String f : java.util.List.of("panel_113.dta", "panel_115.dta", "panel_117.dta", "panel_118.dta", "panel_119.dta")) {
            assertThat(reader.labels(FIXTURES.resolve(f), null)).as(f).containsEntry("gdp", "GDP (100 million yuan)");
        }
    }

    @Test
    void valueLabelsBecomeTextAndUnlabelledValuesStayNumbers() {
        RawTable t = reader.read(FIXTURES.resolve("panel_118.dta"), null);
        int p = t.columns().indexOf("province");
        assertThat(t.rows().get(0)[p]).isEqualTo("北京市");
        assertThat(t.rows().get(t.rows().size() - 1)[p]).isEqualTo("65"); // Xinjiang has no label in make.R
        RawTable codes = reader.read(FIXTURES.resolve("panel_118.dta"), new StataReader.Options("codes", null));
        assertThat(codes.rows().get(0)[p]).isEqualTo("11");
    }

    @Test
    void strLAndMissingValues() {
        RawTable t = reader.read(FIXTURES.resolve("panel_117.dta"), null);
        int note = t.columns().indexOf("note");
        int gdp = t.columns().indexOf("gdp");
        assertThat(t.rows().get(0)[note]).hasSize(3000).startsWith("long text long text");
        assertThat(t.rows().get(2)[note]).isEqualTo("census year");
        assertThat(t.rows().get(1)[note]).isNull();
        assertThat(t.rows().get(1)[gdp]).as(". (system missing)").isNull();
        assertThat(t.rows().get(2)[gdp]).as(".a (extended missing)").isNull();
        assertThat(t.rows().get(0)[gdp]).isEqualTo("12167.6");
    }

    @Test
    void loadsAsAPanelWithChineseEntityNames() {
        RawTable t = reader.read(FIXTURES.resolve("panel_119.dta"), null);
        Panel panel = PanelLoader.load(t, new DataSpec("panel_119.dta", "province", "year", "region",
                List.of("gdp", "pop", "urb"), "drop", null)).panel();
        assertThat(panel.entities()).contains("北京市", "上海市", "广东省", "65");
        // rows 2-6 carry the planted missing values (gdp ., gdp .a, pop ., region "", flag .); region and
        // flag are not variables, so three rows are dropped
        assertThat(panel.rows()).isEqualTo(30 - 3);
        assertThat(panel.value("gdp", panel.rowOf("北京市", 2008))).isEqualTo(12167.6);
        assertThat(panel.value("gdp", panel.rowOf("65", 2012))).isEqualTo(7499.5);
    }

    @ParameterizedTest(name = "pandas format {0}")
    @ValueSource(strings = {"114_lsf", "114_msf", "117_lsf", "117_msf", "118_lsf", "118_msf", "119_lsf", "119_msf"})
    void narrowTypesAndBigEndianFromPandas(String variant) {
        StataFile.Contents c = StataFile.parse("x", bytes(FIXTURES.resolve("pandas_" + variant + ".dta")), StandardCharsets.ISO_8859_1);
        assertThat(c.variables()).extracting(StataFile.Variable::type).containsExactly(StataFile.Type.LONG,
                StataFile.Type.BYTE, StataFile.Type.INT, StataFile.Type.FLOAT, StataFile.Type.DOUBLE, StataFile.Type.STR);
        RawTable t = reader.read(FIXTURES.resolve("pandas_" + variant + ".dta"), null);
        RawTable expected = csv(FIXTURES.resolve("expected_pandas.csv"));
        assertThat(t.columns()).containsExactlyElementsOf(expected.columns());
        for (int r = 0; r < 5; r++) {
            for (int j = 0; j < t.columns().size(); j++) {
                String want = expected.rows().get(r)[j];
                String got = t.rows().get(r)[j];
                String where = variant + " row " + (r + 1) + " " + t.columns().get(j);
                if (want.isEmpty()) assertThat(got).as(where).isNull();
                else if (isNumber(want)) assertThat(Double.parseDouble(got)).as(where).isEqualTo(Double.parseDouble(want) + 0.0);
                else assertThat(got).as(where).isEqualTo(want);
            }
        }
        // the float column holds the exact double of the float32, as Stata computes with it
        assertThat(Double.parseDouble(t.rows().get(0)[3])).isEqualTo((double) 0.1f);
    }

    @Test
    void rejectsBrokenAndForeignFiles(@TempDir Path dir) throws IOException {
        byte[] good = bytes(FIXTURES.resolve("panel_118.dta"));
        Path truncated = dir.resolve("cut.dta");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> reader.read(truncated, null)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("cut.dta").hasMessageNotContaining("Exception");
        Path text = dir.resolve("notes.dta");
        Files.writeString(text, "this is not a Stata file");
        assertThatThrownBy(() -> reader.read(text, null)).isInstanceOf(DataException.class)
                .hasMessage("notes.dta is not a Stata .dta file (formats 113-119 are read)");
        Path old = dir.resolve("old.dta");
        byte[] v110 = Arrays.copyOf(bytes(FIXTURES.resolve("panel_114.dta")), 200);
        v110[0] = 110;
        Files.write(old, v110);
        assertThatThrownBy(() -> reader.read(old, null)).isInstanceOf(DataException.class)
                .hasMessageContaining("format 110 (Stata 7 or older) is not supported");
        assertThatThrownBy(() -> new StataReader.Options("labels", null)).isInstanceOf(SpecException.class)
                .hasMessageContaining("'strings' or 'codes'");
        assertThatThrownBy(() -> new StataReader.Options(null, "no-such-charset")).isInstanceOf(SpecException.class);
    }

    static RawTable csv(Path p) {
        return CsvReader.parse(p.getFileName().toString(), new String(bytes(p), StandardCharsets.UTF_8), ',');
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isNumber(String s) {
        if (s == null) return false;
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
