package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import eres.api.linalg.LeastSquares;
import eres.api.panel.Effects;
import eres.api.panel.VcovType;
import eres.api.random.Seeds;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bootstrap kernel (one factorisation, FWL identities) against two oracles: the full-sample
 * {@code PanelRegression} fits the plugin reports (balanced and unbalanced panels, every kind of
 * effects, separate and parallel mediators), and LSDV least squares with explicit entity and period
 * dummies on cluster and observation resamples (duplicated rows, copies as new entities).
 * Tolerance 1e-8 relative: both are backward-stable least squares on designs with condition numbers
 * below 1e4, so they agree to about 1e-12; 1e-8 leaves room while still catching any wrong identity
 * (those change the numbers in the first digits).
 */
class PathKernelTest {
    private static final double TOL = 1e-8;

    @ParameterizedTest(name = "{0} effects, parallel {1}, unbalanced {2}")
    @CsvSource({"twoways,false,false", "twoways,true,false", "twoways,false,true", "twoways,true,true", "entity,false,true",
            "time,true,false", "pooled,false,true"})
    void kernelEqualsPanelRegression(String effects, boolean parallel, boolean unbalanced) {
        Panel full = Fixtures.produc();
        Panel panel = unbalanced ? full.filter(i -> (i * 7) % 11 != 3 && !(full.entityIndex(i) == 5 && full.timeIndex(i) < 4)) : full;
        assertThat(panel.isBalanced()).isEqualTo(!unbalanced);
        MediationTest.Parameters p = new MediationTest.Parameters("lpcap", List.of("lemp", "lpc"), "lgsp", List.of("unemp"),
                Effects.of(effects), eres.api.inference.CovarianceType.CR1, null, null, null, parallel, 0, null, null, null, null, null, null,
                null);
        MediationTest.Fits fits = MediationTest.fit(panel, p, Effects.parse("effects", effects), VcovType.CLUSTER);
        double[] expected = MediationTest.estimates(fits, p);
        PathKernel kernel = new PathKernel(Effects.parse("effects", effects), parallel, 2);
        double[] got = kernel.estimate(PathData.of(panel, "lgsp", "lpcap", List.of("lemp", "lpc"), List.of("unemp")));
        assertThat(got).hasSize(expected.length);
        for (int j = 0; j < got.length; j++) {
            assertThat(Fixtures.rel(got[j], expected[j])).as(PathKernel.names(List.of("lemp", "lpc"), parallel).get(j)).isLessThan(TOL);
        }
    }

    @ParameterizedTest(name = "{0} resample, parallel {1}")
    @CsvSource({"cluster,false", "cluster,true", "observation,false", "observation,true"})
    void resamplesEqualLsdvWithDummies(String unit, boolean parallel) {
        PathData data = PathData.of(Fixtures.produc(), "lgsp", "lpcap", List.of("lemp", "lpc"), List.of("unemp"));
        PathKernel kernel = new PathKernel(Effects.TWOWAYS, parallel, 2);
        for (int b = 0; b < 2; b++) {
            PathData d = unit.equals("cluster") ? data.clusterResample(Seeds.generator(99, b), data.entityStarts())
                    : data.observationResample(Seeds.generator(99, b));
            if (unit.equals("cluster")) assertThat(PathKernel.balanced(d)).isTrue();
            else assertThat(PathKernel.balanced(d)).isFalse();
            double[] got = kernel.estimate(d);
            double c = lsdv(d, d.y, List.of(d.x, d.c[0]))[0];
            double[] a = {lsdv(d, d.m[0], List.of(d.x, d.c[0]))[0], lsdv(d, d.m[1], List.of(d.x, d.c[0]))[0]};
            List<Double> want = new ArrayList<>();
            want.add(c);
            if (!parallel) {
                for (int j = 0; j < 2; j++) {
                    double[] e3 = lsdv(d, d.y, List.of(d.x, d.m[j], d.c[0]));
                    want.addAll(List.of(a[j], e3[1], a[j] * e3[1], e3[0]));
                }
            } else {
                double[] e3 = lsdv(d, d.y, List.of(d.x, d.m[0], d.m[1], d.c[0]));
                want.addAll(List.of(e3[0], a[0] * e3[1] + a[1] * e3[2]));
                for (int j = 0; j < 2; j++) want.addAll(List.of(a[j], e3[1 + j], a[j] * e3[1 + j]));
            }
            for (int j = 0; j < got.length; j++) assertThat(Fixtures.rel(got[j], want.get(j))).as(unit + " " + b + " stat " + j).isLessThan(TOL);
        }
    }

    /** Singular designs give {@code null} (a failed replication), never a number. */
    @Test
    void singularDesignsAreDetected() {
        PathData d = PathData.of(Fixtures.produc(), "lgsp", "lpcap", List.of("lemp"), List.of("unemp"));
        PathKernel k = new PathKernel(Effects.TWOWAYS, false, 1);
        // a control identical to x
        assertThat(k.estimate(PathData.of(d.entity, d.time, d.y, d.x, d.m, new double[][] {d.x.clone()}))).isNull();
        // x constant within entities: absorbed by the entity effects
        double[] xFixed = new double[d.n];
        for (int i = 0; i < d.n; i++) xFixed[i] = d.entity[i] * 0.37 + 1;
        assertThat(k.estimate(PathData.of(d.entity, d.time, d.y, xFixed, d.m, d.c))).isNull();
        // a mediator that is a linear combination of x and the control: no b path
        double[] m = new double[d.n];
        for (int i = 0; i < d.n; i++) m[i] = 2 * d.x[i] - d.c[0][i] + 0.5;
        assertThat(k.estimate(PathData.of(d.entity, d.time, d.y, d.x, new double[][] {m}, d.c))).isNull();
        assertThat(new PathKernel(Effects.TWOWAYS, true, 1).estimate(PathData.of(d.entity, d.time, d.y, d.x, new double[][] {m}, d.c))).isNull();
        // every cluster draw the same entity: all copies identical, x absorbed by the period effects
        int rows = d.entityStarts()[1];
        int copies = 5;
        int[] ent = new int[rows * copies];
        int[] tim = new int[rows * copies];
        double[] y = new double[rows * copies];
        double[] x = new double[rows * copies];
        double[][] mm = new double[1][rows * copies];
        double[][] cc = new double[1][rows * copies];
        for (int r = 0; r < copies; r++) {
            for (int i = 0; i < rows; i++) {
                int k2 = r * rows + i;
                ent[k2] = r;
                tim[k2] = d.time[i];
                y[k2] = d.y[i];
                x[k2] = d.x[i];
                mm[0][k2] = d.m[0][i];
                cc[0][k2] = d.c[0][i];
            }
        }
        assertThat(k.estimate(PathData.of(ent, tim, y, x, mm, cc))).isNull();
    }

    /** Slopes of {@code dep} on {@code regs} with a constant, entity and period dummies (LSDV). */
    private static double[] lsdv(PathData d, double[] dep, List<double[]> regs) {
        int[] entCount = new int[d.entities];
        for (int e : d.entity) entCount[e]++;
        int[] perCount = new int[d.periods];
        for (int t : d.time) perCount[t]++;
        List<double[]> cols = new ArrayList<>(regs);
        double[] one = new double[d.n];
        java.util.Arrays.fill(one, 1);
        cols.add(one);
        for (int e = 1; e < d.entities; e++) {
            if (entCount[e] == 0) continue;
            double[] col = new double[d.n];
            for (int i = 0; i < d.n; i++) col[i] = d.entity[i] == e ? 1 : 0;
            cols.add(col);
        }
        for (int t = 1; t < d.periods; t++) {
            if (perCount[t] == 0) continue;
            double[] col = new double[d.n];
            for (int i = 0; i < d.n; i++) col[i] = d.time[i] == t ? 1 : 0;
            cols.add(col);
        }
        double[][] x = new double[d.n][cols.size()];
        for (int i = 0; i < d.n; i++) for (int j = 0; j < cols.size(); j++) x[i][j] = cols.get(j)[i];
        return LeastSquares.fit(x, dep, null).beta();
    }
}
