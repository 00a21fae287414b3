package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Delta-method tests on the textbook example of the method specification (section 8). */
class DeltaTestsTest {
    /**
     * a = 0.5, s_a = 0.1, b = 0.4, s_b = 0.1: Sobel se = sqrt(0.16 * 0.01 + 0.25 * 0.01) = sqrt(0.0041)
     * = 0.0640312, z = 0.2 / 0.0640312 = 3.123475; Aroian adds s_a^2 s_b^2 = 1e-4 (sqrt(0.0042)),
     * Goodman subtracts it (sqrt(0.0040) = 0.0632456).
     */
    @Test
    void textbookExample() {
        DeltaTests.Test s = DeltaTests.sobel(0.5, 0.1, 0.4, 0.1, 0.95);
        assertThat(s.stdError()).isCloseTo(0.0640312, within(5e-8));
        assertThat(s.z()).isCloseTo(3.123475, within(5e-7));
        assertThat(s.pValue()).isCloseTo(0.0017875, within(5e-7));
        assertThat(s.interval().low()).isCloseTo(0.2 - 1.959964 * 0.0640312, within(1e-6));
        assertThat(DeltaTests.aroian(0.5, 0.1, 0.4, 0.1, 0.95).stdError()).isCloseTo(Math.sqrt(0.0042), within(1e-15));
        assertThat(DeltaTests.goodman(0.5, 0.1, 0.4, 0.1, 0.95).stdError()).isCloseTo(0.0632456, within(5e-8));
    }

    @Test
    void goodmanUndefinedWhenRadicandNotPositive() {
        // b^2 s_a^2 + a^2 s_b^2 - s_a^2 s_b^2 = 0 + 0 - 1 < 0
        DeltaTests.Test g = DeltaTests.goodman(0, 1, 0, 1, 0.95);
        assertThat(g.stdError()).isNaN();
        assertThat(g.pValue()).isNaN();
    }
}
