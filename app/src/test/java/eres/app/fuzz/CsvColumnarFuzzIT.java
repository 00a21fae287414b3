package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.api.EresException;
import eres.api.data.Panel;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.HeapBudget;
import eres.core.io.PanelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzz target for the streaming columnar CSV path (byte tokenizer, byte number parser, dictionary
 * coding, heap check): raw bytes, any delimiter and decimal mark. Besides "only one-line eres errors"
 * ({@link FuzzSupport}), a differential property: whenever the bytes are valid UTF-8 and the comma
 * options are used, the columnar path and the cell path ({@code RawTable} + {@link PanelLoader}) both
 * fail or both give the same panel.
 */
class CsvColumnarFuzzIT {
    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempFile("eres-fuzz", ".csv");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) throws IOException {
        boolean drop = data.consumeBoolean();
        boolean semicolon = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        Files.write(FILE, bytes);
        DataSpec spec = new DataSpec("fuzz.csv", "id", "year", null, null, drop ? "drop" : "error", null);
        CsvReader.Options o = semicolon ? new CsvReader.Options(";", null, ",") : null;
        Panel[] fast = new Panel[1];
        FuzzSupport.expectOnlyEresErrors(() -> fast[0] = new CsvReader().load(FILE, o, spec, new HeapBudget()).panel());
        if (semicolon) return;
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return;
        }
        Panel cells;
        try {
            cells = PanelLoader.load(CsvReader.parse("fuzz.csv", text, ','), spec).panel();
        } catch (EresException e) {
            if (fast[0] != null) throw new AssertionError("the cell path fails (" + e.getMessage() + ") where the columnar path reads");
            return;
        }
        if (fast[0] == null) throw new AssertionError("the columnar path fails where the cell path reads " + cells);
        Panel a = fast[0];
        if (!a.entities().equals(cells.entities()) || !Arrays.equals(a.times(), cells.times())
                || !a.numericColumns().equals(cells.numericColumns()) || !a.textColumns().equals(cells.textColumns())) {
            throw new AssertionError("different panels: " + a + " vs " + cells);
        }
        for (String c : a.numericColumns()) {
            if (!Arrays.equals(a.column(c), cells.column(c))) throw new AssertionError("column " + c + " differs");
        }
        for (String c : a.textColumns()) {
            if (!Arrays.equals(a.textColumn(c), cells.textColumn(c))) throw new AssertionError("text column " + c + " differs");
        }
    }
}
