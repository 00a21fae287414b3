package eres.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Panel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming columnar CSV path ({@link CsvReader#load}): same panel as the cell path, options, messages. */
class ColumnarCsvTest {
    @TempDir
    Path dir;

    static DataSpec spec(List<String> vars, String missing) {
        return new DataSpec("t.csv", "id", "year", null, vars, missing, null);
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    PanelLoader.Loaded load(String text, CsvReader.Options o, DataSpec spec) throws IOException {
        return new CsvReader().load(write("t.csv", text), o, spec, new HeapBudget());
    }

    @Test
    void sameNumbersAsTheCellPathAcrossBufferBoundaries() throws IOException {
        // > 1 MB so that records, quoted fields with line breaks and CRLFs straddle the tokenizer's buffer
        Random r = new Random(7);
        StringBuilder b = new StringBuilder("id,year,y,x,\"note, quoted\"\r\n");
        for (int i = 0; i < 800; i++) {
            for (int t = 0; t < 50; t++) {
                double y = r.nextGaussian() * Math.pow(10, r.nextInt(30) - 15);
                String x = r.nextInt(10) == 0 ? "NA" : Double.toString(r.nextDouble() * 1e6);
                String note = r.nextInt(5) == 0 ? "\"multi\nline \"\"quoted\"\" text\"" : "plain " + i;
                b.append(i).append(',').append(1990 + t).append(',').append(y).append(',').append(x).append(',').append(note)
                        .append(r.nextBoolean() ? "\r\n" : "\n");
            }
        }
        String text = b.toString();
        assertThat(text.length()).isGreaterThan(2 << 20);
        Panel fast = load(text, null, spec(null, "drop")).panel();
        Panel cells = PanelLoader.load(CsvReader.parse("t.csv", text, ','), spec(null, "drop")).panel();
        assertThat(fast.rows()).isEqualTo(cells.rows());
        assertThat(fast.column("y")).containsExactly(cells.column("y"));
        assertThat(fast.column("x")).containsExactly(cells.column("x"));
        assertThat(fast.textColumn("note, quoted")).containsExactly(cells.textColumn("note, quoted"));
        // every value is the double nearest to its decimal text
        double[] y = fast.column("y");
        String[] lines = text.split("\r?\n(?=\\d+,\\d{4},)");
        assertThat(y[0]).isEqualTo(Double.parseDouble(lines[1].split(",")[2]));
    }

    @Test
    void gzipFilesAreReadDirectly() throws IOException {
        Path p = dir.resolve("t.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write("id,year,y\n1,2000,1.5\n1,2001,2.5\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(new CsvReader().load(p, null, spec(null, "error"), new HeapBudget()).panel().column("y"))
                .containsExactly(1.5, 2.5);
    }

    @Test
    void semicolonFilesWithDecimalCommas() throws IOException {
        String csv = "id;year;y\n1;2000;1,5\n1;2001;-2,25e1\n";
        // read with the defaults: the header is one column, and the message says what to set
        assertThatThrownBy(() -> load(csv, null, spec(null, "error"))).isInstanceOf(DataException.class)
                .hasMessage("data.entity: no column 'id' in t.csv; columns: id;year;y; the header looks separated by ';':"
                        + " set data.delimiter: ';' (and data.decimal: ',' if numbers are written like 1,5)");
        assertThatThrownBy(() -> load(csv, new CsvReader.Options(";", null, null), spec(null, "error")))
                .hasMessage("t.csv line 2, column 'y': '1,5' is not a number (for decimal commas set data.decimal: ',')");
        Panel p = load(csv, new CsvReader.Options(";", null, ","), spec(null, "error")).panel();
        assertThat(p.column("y")).containsExactly(1.5, -22.5);
        assertThatThrownBy(() -> new CsvReader.Options(",", null, ",")).isInstanceOf(SpecException.class)
                .hasMessageContaining("data.decimal");
    }

    @Test
    void javaNumberLiteralsAreNotYearsOrNumbers() throws IOException {
        for (String year : List.of("2001d", "0x7D2p0", "2_001", "2001f", "2001L")) {
            assertThatThrownBy(() -> load("id,year,y\n1," + year + ",1\n", null, spec(null, "error")))
                    .as(year).hasMessage("t.csv line 2: year '" + year + "' is not an integer period");
        }
        assertThatThrownBy(() -> load("id,year,y\n1,2001,1\n2,2001,1e400\n", null, spec(List.of("y"), "error")))
                .hasMessageContaining("'1e400' is not a finite number");
        assertThatThrownBy(() -> load("id,year,y\n1,2001,1\n2,2001,0x10\n", null, spec(List.of("y"), "error")))
                .hasMessage("t.csv line 3, column 'y': '0x10' is not a number");
    }

    @Test
    void idsThatAreOneNumberWrittenTwiceGetANotice() throws IOException {
        PanelLoader.Loaded l = load("id,year,y\n01,2000,1\n1,2000,2\n01,2001,3\n1,2001,4\n", null, spec(null, "error"));
        assertThat(l.panel().entities()).containsExactly("01", "1");
        assertThat(l.panel().column("y")).containsExactly(1, 3, 2, 4);
        assertThat(l.report().notes()).anyMatch(n -> n.startsWith("notice: entity ids '01' and '1' are the same number"));
    }

    @Test
    void unicodeBlanksAroundNumbersAndInvalidUtf8() throws IOException {
        assertThat(load("id,year,y\n1,2000,\u30001.5\u3000\n", null, spec(null, "error")).panel().column("y")).containsExactly(1.5);
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, new byte[] {'i', 'd', ',', 'y', 'e', 'a', 'r', '\n', '1', ',', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> new CsvReader().load(bad, null, spec(null, "error"), null))
                .hasMessage("bad.csv is not valid UTF-8 text (set data.encoding, e.g. GB18030)");
        Path gb = dir.resolve("gb.csv");
        Files.write(gb, "省,year,y\n北京,2000,1\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
        Panel p = new CsvReader().load(gb, new CsvReader.Options(null, "GB18030", null),
                new DataSpec("gb.csv", "省", "year", null, null, "error", null), null).panel();
        assertThat(p.entities()).containsExactly("北京");
    }

    @Test
    void heapCheckRefusesWhatCannotFitWithTheSettingToUse() {
        DataException e = HeapBudget.tooLarge("big.csv", 50_000_000L, 9, 8L << 30, 6L << 30, 1L << 28);
        assertThat(e.getMessage()).isEqualTo("big.csv: about 50,000,000 rows x 9 columns need about 8.0 GB of memory, more than"
                + " the 5.8 GB the JVM may use; run with more, e.g. ERES_JAVA_OPTS=-Xmx21g (see docs/errors-and-limits.md)");
        assertThatThrownBy(() -> new HeapBudget().check("huge.csv", 20L << 30, 1000, 64_000, 6, 1))
                .hasMessage("huge.csv has about 335,544,320 rows (from its size), more than the limit of 10,000,000 rows");
    }
}
