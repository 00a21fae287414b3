package eres.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.DataException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The panel's ordering and key rules, which every estimator relies on. */
class PanelContractTest {
    private static Panel panel(String[] entity, int[] time, double[] y) {
        return Panel.of("id", "year", null, entity, time, Map.of("y", y), Map.of());
    }

    @Test
    void rowsAreSortedByEntityThenTimeWhateverTheInputOrder() {
        Panel p = panel(new String[] {"b", "a", "b", "a"}, new int[] {2001, 2001, 2000, 2000}, new double[] {4, 2, 3, 1});
        assertThat(p.entities()).containsExactly("a", "b");
        assertThat(p.column("y")).containsExactly(1, 2, 3, 4);
        assertThat(p.times()).containsExactly(2000, 2001);
        assertThat(p.rowOf("b", 2000)).isEqualTo(2);
        assertThat(p.rowOf("c", 2000)).isEqualTo(-1);
        assertThat(p.isBalanced()).isTrue();
    }

    @Test
    void integerIdsSortNumericallyOtherIdsAsText() {
        Panel numeric = panel(new String[] {"10", "9", "2"}, new int[] {1, 1, 1}, new double[] {10, 9, 2});
        assertThat(numeric.entities()).containsExactly("2", "9", "10");
        Panel text = panel(new String[] {"10", "9", "x"}, new int[] {1, 1, 1}, new double[] {10, 9, 0});
        assertThat(text.entities()).containsExactly("10", "9", "x");
    }

    @Test
    void aDuplicateEntityTimePairIsAnErrorNamingIt() {
        assertThatThrownBy(() -> panel(new String[] {"a", "b", "a"}, new int[] {2000, 2000, 2000}, new double[] {1, 2, 3}))
                .isInstanceOf(DataException.class).hasMessageContaining("duplicate id-year pair (a, 2000)");
    }

    @Test
    void codesFollowTheOrderAndSubsetsKeepIt() {
        Panel p = panel(new String[] {"b", "a", "b"}, new int[] {2000, 2001, 2001}, new double[] {1, 2, 3});
        assertThat(p.entityIndex(0)).isZero();
        assertThat(p.entity(0)).isEqualTo("a");
        assertThat(p.isBalanced()).isFalse();
        Panel sub = p.filter(r -> p.entity(r).equals("b"));
        assertThat(sub.entities()).containsExactly("b");
        assertThat(sub.column("y")).containsExactly(1, 3);
    }

    @Test
    void theInputArraysAreNotShared() {
        String[] e = {"a", "b"};
        double[] y = {1, 2};
        Panel p = panel(e, new int[] {1, 1}, y);
        e[0] = "z";
        y[0] = 99;
        assertThat(p.entity(0)).isEqualTo("a");
        assertThat(List.of(p.entities())).isNotEmpty();
    }
}
