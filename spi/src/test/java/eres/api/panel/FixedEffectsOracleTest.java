package eres.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.random.Seeds;
import eres.api.EstimationException;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Oracle tests (fixest/plm practice): the within estimator equals least squares with explicit entity
 * and year dummies (LSDV) on balanced and unbalanced panels, slopes and conventional SEs; the dummy and
 * alternating-projection methods agree on unbalanced two-way panels.
 */
class FixedEffectsOracleTest {

    /** y = 1.5 x1 - 0.7 x2 + a_i + l_t + e; rows deleted at random when {@code dropShare} > 0. */
    static Panel synthetic(long seed, int n, int t, double dropShare) {
        UniformRandomProvider rng = Seeds.generator(seed);
        List<String> ids = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<double[]> vals = new ArrayList<>();
        double[] a = new double[n];
        double[] l = new double[t];
        for (int i = 0; i < n; i++) a[i] = rng.nextDouble() * 4;
        for (int s = 0; s < t; s++) l[s] = rng.nextDouble() * 2;
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                double x1 = rng.nextDouble() + 0.3 * a[i];
                double x2 = rng.nextDouble() + 0.2 * l[s];
                double y = 1.5 * x1 - 0.7 * x2 + a[i] + l[s] + 0.3 * (rng.nextDouble() - 0.5);
                if (rng.nextDouble() < dropShare) continue;
                ids.add("e" + i);
                years.add(2000 + s);
                vals.add(new double[] {y, x1, x2});
            }
        }
        int m = ids.size();
        double[] y = new double[m];
        double[] x1 = new double[m];
        double[] x2 = new double[m];
        int[] tt = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = vals.get(i)[0];
            x1[i] = vals.get(i)[1];
            x2[i] = vals.get(i)[2];
            tt[i] = years.get(i);
        }
        Map<String, double[]> num = new java.util.LinkedHashMap<>();
        num.put("y", y);
        num.put("x1", x1);
        num.put("x2", x2);
        return Panel.of("id", "year", null, ids.toArray(new String[0]), tt, num, Map.of());
    }

    /** LSDV: x1, x2, constant, entity dummies (first dropped), year dummies (first dropped). */
    static LeastSquaresFit lsdv(Panel p, boolean entity, boolean time) {
        int n = p.rows();
        List<double[]> cols = new ArrayList<>();
        cols.add(p.column("x1"));
        cols.add(p.column("x2"));
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        cols.add(one);
        if (entity) {
            for (int g = 1; g < p.entityCount(); g++) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = p.entityIndex(i) == g ? 1 : 0;
                cols.add(d);
            }
        }
        if (time) {
            for (int s = 1; s < p.timeCount(); s++) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = p.timeIndex(i) == s ? 1 : 0;
                cols.add(d);
            }
        }
        double[][] x = new double[n][cols.size()];
        for (int i = 0; i < n; i++) for (int j = 0; j < cols.size(); j++) x[i][j] = cols.get(j)[i];
        return LeastSquares.fit(x, p.column("y"), null);
    }

    @Test
    void withinEqualsLsdvBalancedAndUnbalanced() {
        for (double drop : new double[] {0.0, 0.25}) {
            Panel p = synthetic(42, 30, 12, drop);
            for (Effects e : new Effects[] {Effects.ENTITY, Effects.TIME, Effects.TWOWAYS}) {
                PanelFit fe = PanelRegression.fit(p, new PanelRegression.Spec("y", List.of("x1", "x2"), e, VcovType.CONVENTIONAL, null, 0.95));
                LeastSquaresFit d = lsdv(p, e.hasEntity(), e.hasTime());
                int dfLsdv = p.rows() - d.parameters();
                double s2 = d.ssr() / dfLsdv;
                assertThat(fe.dfResid()).as(e + " drop " + drop).isEqualTo(dfLsdv);
                for (int j = 0; j < 2; j++) {
                    assertThat(fe.coefficients().get(j).estimate()).as(e + " beta").isCloseTo(d.beta(j), within(1e-10));
                    assertThat(fe.coefficients().get(j).stdError()).as(e + " se")
                            .isCloseTo(Math.sqrt(s2 * d.xtxInverse(j, j)), within(1e-10));
                }
                assertThat(fe.ssr()).isCloseTo(d.ssr(), within(1e-9));
            }
        }
    }

    @Test
    void dummiesAndAlternatingProjectionsAgreeOnUnbalancedTwoWay() {
        Panel p = synthetic(7, 25, 10, 0.3);
        assertThat(p.isBalanced()).isFalse();
        FixedEffectsProjection a = FixedEffectsProjection.of(p, Effects.TWOWAYS, FixedEffectsProjection.Method.DUMMIES);
        FixedEffectsProjection b = FixedEffectsProjection.of(p, Effects.TWOWAYS, FixedEffectsProjection.Method.ALTERNATING);
        for (String v : List.of("y", "x1", "x2")) {
            double[] ra = a.apply(p.column(v));
            double[] rb = b.apply(p.column(v));
            for (int i = 0; i < ra.length; i++) assertThat(ra[i]).isCloseTo(rb[i], within(1e-8));
        }
    }

    @Test
    void timeInvariantRegressorIsReportedAsAbsorbed() {
        Panel p = synthetic(3, 10, 5, 0);
        double[] invariant = new double[p.rows()];
        for (int i = 0; i < p.rows(); i++) invariant[i] = p.entityIndex(i) * 1.5;
        Panel q = p.withColumn("size", invariant);
        assertThatThrownBy(() -> PanelRegression.fit(q, new PanelRegression.Spec("y", List.of("x1", "size"), Effects.TWOWAYS,
                VcovType.CLUSTER, null, 0.95)))
                .isInstanceOf(EstimationException.class)
                .hasMessage("regressor 'size' is collinear with the entity and time fixed effects");
    }

    @Test
    void perfectlyCollinearRegressorsAreNamed() {
        Panel p = synthetic(3, 10, 5, 0);
        double[] x1 = p.column("x1");
        double[] x2 = p.column("x2");
        double[] sum = new double[x1.length];
        for (int i = 0; i < sum.length; i++) sum[i] = 2 * x1[i] - x2[i];
        Panel q = p.withColumn("x3", sum);
        assertThatThrownBy(() -> PanelRegression.fit(q, new PanelRegression.Spec("y", List.of("x1", "x2", "x3"), Effects.ENTITY,
                VcovType.CONVENTIONAL, null, 0.95)))
                .isInstanceOf(EstimationException.class)
                .hasMessageStartingWith("perfectly collinear regressors: ");
    }

    @Test
    void rowsWithMissingValuesAreDroppedAndCounted() {
        Panel p = synthetic(5, 8, 6, 0);
        double[] x1 = p.column("x1");
        x1[3] = Double.NaN;
        x1[10] = Double.NaN;
        PanelFit f = PanelRegression.fit(p.withColumn("x1", x1), new PanelRegression.Spec("y", List.of("x1", "x2"),
                Effects.TWOWAYS, VcovType.CLUSTER, null, 0.95));
        assertThat(f.droppedRows()).isEqualTo(2);
        assertThat(f.nobs()).isEqualTo(p.rows() - 2);
        assertThat(f.sampleRows()).doesNotContain(3, 10);
    }

    @Test
    void tooFewObservationsIsAClearError() {
        Panel p = synthetic(5, 2, 2, 0);
        assertThatThrownBy(() -> PanelRegression.fit(p, new PanelRegression.Spec("y", List.of("x1", "x2"), Effects.TWOWAYS,
                VcovType.CONVENTIONAL, null, 0.95)))
                .isInstanceOf(EstimationException.class)
                .hasMessageContaining("leave no residual degrees of freedom");
    }
}
