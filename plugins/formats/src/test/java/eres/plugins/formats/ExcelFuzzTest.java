package eres.plugins.formats;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.api.EresException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing (Jazzer) of the Excel reader (POI underneath): a corrupt workbook must fail
 * with the documented one-line {@link EresException}, never with a POI exception. Seeds: the yearbook
 * .xls fixture (OLE2; the .xlsx zip container mostly fails at the zip layer, which is also checked).
 */
class ExcelFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] bytes) throws IOException {
        Path f = Files.createTempFile("fuzz", ".xls");
        try {
            Files.write(f, bytes);
            new ExcelReader().read(f, null);
        } catch (EresException expected) {
            if (expected.getMessage().contains("\n")) throw new AssertionError("multi-line message: " + expected.getMessage());
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
