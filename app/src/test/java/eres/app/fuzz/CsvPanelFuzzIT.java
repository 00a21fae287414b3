package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.api.data.Panel;
import eres.api.data.RawTable;

/** Fuzz target: see {@link FuzzSupport}. */
class CsvPanelFuzzIT {
    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        boolean drop = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        FuzzSupport.expectOnlyEresErrors(() -> {
            RawTable raw = CsvReader.parse("fuzz.csv", text, ',');
            Panel p = PanelLoader.load(raw, new DataSpec("fuzz.csv", "id", "year", null, null, drop ? "drop" : "error", null)).panel();
            p.toString();
        });
    }
}
