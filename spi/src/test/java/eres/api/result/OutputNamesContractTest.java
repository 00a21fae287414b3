package eres.api.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.SpecException;
import org.junit.jupiter.api.Test;

/**
 * The safety properties of output names (whatever the exact rule; names of up to 250 characters): nothing that could leave the output
 * directory, hide a file or exceed the length limit is accepted, and every sanitised name is safe.
 */
class OutputNamesContractTest {
    static final String[] UNSAFE = {"", "..", "../x", "a/../b", "a/b", "a\\b", ".hidden", "x..y", "a b", "é", "a:b", "nul\0",
        "x".repeat(251), "/etc/passwd", "-"};

    @Test
    void unsafeNamesAreRefused() {
        for (String s : UNSAFE) {
            assertThat(OutputNames.isSafe(s)).as(s).isFalse();
            assertThatThrownBy(() -> OutputNames.requireSafe(s)).isInstanceOf(SpecException.class);
        }
        assertThat(OutputNames.isSafe(null)).isFalse();
    }

    @Test
    void ordinaryNamesAreSafe() {
        for (String s : new String[] {"table3", "a1-threshold", "combined_table.md", "x".repeat(120), "2008-2012"}) {
            assertThat(OutputNames.isSafe(s)).as(s).isTrue();
            assertThat(OutputNames.requireSafe(s)).isEqualTo(s);
        }
    }

    @Test
    void sanitisedNamesAreAlwaysSafe() {
        for (String s : UNSAFE) assertThat(OutputNames.isSafe(OutputNames.sanitize(s))).as("sanitize(" + s + ")").isTrue();
        assertThat(OutputNames.isSafe(OutputNames.sanitize(null))).isTrue();
        assertThat(OutputNames.sanitize("east")).isEqualTo("east");
    }
}
