package eres.plugins.formats;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.api.EresException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of the Stata .dta parser: any byte string must either parse or fail
 * with the documented one-line {@link EresException}. {@code mvn verify} replays the corpus in
 * {@code src/test/resources/eres/plugins/formats/StataFuzzTestInputs/fuzz/} (real haven/pandas files
 * and every finding so far); {@code .ci/fuzz} fuzzes it for a fixed time.
 */
class StataFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] bytes) {
        try {
            StataReader.toTable("fuzz.dta", StataFile.parse("fuzz.dta", bytes, StandardCharsets.ISO_8859_1), true);
        } catch (EresException expected) {
            if (expected.getMessage().contains("\n")) throw new AssertionError("multi-line message: " + expected.getMessage());
        }
    }
}
