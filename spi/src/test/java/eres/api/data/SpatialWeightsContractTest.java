package eres.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.DataException;
import eres.api.spatial.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sparse weights refuse malformed input with messages that name the unit or cell. */
class SpatialWeightsContractTest {
    static final List<String> IDS = List.of("a", "b", "c");

    @Test
    void wellFormedCsrWeightsWork() {
        SpatialWeights w = new SpatialWeights(IDS, new int[] {0, 1, 3, 4}, new int[] {1, 0, 2, 1}, new double[] {1, 1, 1, 1}, false, "chain");
        assertThat(w.get(1, 2)).isEqualTo(1);
        assertThat(w.get(0, 2)).isZero();
        assertThat(w.multiply(new double[] {1, 2, 3})).containsExactly(2, 4, 2);
        assertThat(w.rowStandardize().multiply(new double[] {1, 2, 3})).containsExactly(2, 2, 2);
        assertThat(w.isSymmetric(1e-12)).isTrue();
    }

    @Test
    void malformedStructureIsRefused() {
        // unsorted columns within a row, a self-loop, a column out of range, a wrong row pointer
        assertThatThrownBy(() -> new SpatialWeights(IDS, new int[] {0, 2, 2, 2}, new int[] {2, 1}, new double[] {1, 1}, false, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> new SpatialWeights(IDS, new int[] {0, 1, 1, 1}, new int[] {0}, new double[] {1}, false, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpatialWeights(IDS, new int[] {0, 1, 1, 1}, new int[] {3}, new double[] {1}, false, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpatialWeights(IDS, new int[] {0, 1, 1}, new int[] {1}, new double[] {1}, false, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("malformed CSR weights");
    }

    @Test
    void negativeOrNonFiniteWeightsNameTheCell() {
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SpatialWeights(IDS, new int[] {0, 1, 1, 1}, new int[] {2}, new double[] {bad}, false, "x"))
                    .isInstanceOf(DataException.class).hasMessageContaining("W[a,c]").hasMessageContaining("not a finite non-negative");
        }
    }

    @Test
    void denseDiagonalAndDuplicatePairsAreErrors() {
        assertThatThrownBy(() -> SpatialWeights.fromDense(IDS, new double[][] {{0, 1, 0}, {1, 2, 0}, {0, 0, 0}}, false, "x"))
                .isInstanceOf(DataException.class).hasMessageContaining("W[b,b]");
        assertThatThrownBy(() -> Weights.fromRows(IDS, new int[][] {{1, 1}, {}, {}}, new double[][] {{1, 1}, {}, {}}, false, "x"))
                .isInstanceOf(DataException.class).hasMessageContaining("(a, b) twice");
    }

    @Test
    void islandsCannotBeRowStandardisedAndUnknownUnitsCannotBeSelected() {
        SpatialWeights w = new SpatialWeights(IDS, new int[] {0, 1, 2, 2}, new int[] {1, 0}, new double[] {1, 1}, false, "pair");
        assertThat(w.islands()).containsExactly("c");
        assertThatThrownBy(w::rowStandardize).isInstanceOf(DataException.class).hasMessageContaining("c");
        assertThatThrownBy(() -> w.restrictTo(List.of("a", "d"))).isInstanceOf(DataException.class)
                .hasMessageContaining("unit 'd' is not in spatial weights 'pair'");
        assertThat(w.restrictTo(List.of("b", "a")).get(0, 1)).isEqualTo(1);
    }
}
