package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Th-3 is searched given the unrefined Th-1 and Th-22, so it may equal the refined Th-21; the triple model
 * must then not use two equal thresholds (an empty regime made the whole step fail: seen on the
 * synthetic study panel with data seed 17).
 */
class TripleCollisionTest {
    private static Procedure.Estimate estimate(String name, double value) {
        return new Procedure.Estimate(name, 0, value, 1, 1, new double[0], new double[0], value, value, true, 0, 1);
    }

    @Test
    void theTripleModelFallsBackToTheUnrefinedFirstThresholdWhenTh3EqualsTh21() {
        Procedure.Observed o = new Procedure.Observed(1, List.of(estimate("Th-1", 0.90), estimate("Th-22", 1.60), estimate("Th-3", 0.92)),
                estimate("Th-21", 0.92), List.of());
        assertThat(o.tripleUsesUnrefined()).isTrue();
        assertThat(o.thresholds(3)).containsExactly(0.90, 0.92, 1.60);
        assertThat(o.thresholds(2)).containsExactly(0.92, 1.60);
        assertThat(o.thresholds(1)).containsExactly(0.90);
    }

    @Test
    void distinctThresholdsKeepTheRefinedFirstThreshold() {
        Procedure.Observed o = new Procedure.Observed(1, List.of(estimate("Th-1", 0.90), estimate("Th-22", 1.60), estimate("Th-3", 2.10)),
                estimate("Th-21", 0.92), List.of());
        assertThat(o.tripleUsesUnrefined()).isFalse();
        assertThat(o.thresholds(3)).containsExactly(0.92, 1.60, 2.10);
    }
}
