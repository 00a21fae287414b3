package eres.core.spatial;

import eres.api.spatial.LogDeterminant;
import eres.api.spatial.Weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.core.exec.PoolParallelism;
import eres.api.data.SpatialWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Log-determinant and traces: eigenvalue route against dense LU / inverse; Monte Carlo within its stated error. */
class LogDeterminantTest {

    /** Random points in the unit square; symmetric inverse-distance (or asymmetric kNN) weights, row-standardised. */
    static SpatialWeights random(int n, boolean knn, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][2];
        for (double[] q : p) {
            q[0] = r.nextDouble();
            q[1] = r.nextDouble();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("u" + i);
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            Integer[] o = new Integer[n];
            for (int j = 0; j < n; j++) {
                d[j] = i == j ? Double.POSITIVE_INFINITY : Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
                o[j] = j;
            }
            if (knn) {
                java.util.Arrays.sort(o, (a, b) -> Double.compare(d[a], d[b]));
                cols[i] = new int[6];
                vals[i] = new double[6];
                for (int q = 0; q < 6; q++) {
                    cols[i][q] = o[q];
                    vals[i][q] = 1;
                }
            } else {
                cols[i] = new int[n - 1];
                vals[i] = new double[n - 1];
                int m = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    cols[i][m] = j;
                    vals[i][m++] = 1 / (d[j] * d[j]);
                }
            }
        }
        return Weights.fromRows(ids, cols, vals, false, "random").rowStandardize();
    }

    static DMatrixRMaj iMinusRhoW(SpatialWeights w, double rho) {
        int n = w.size();
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        for (int i = 0; i < n; i++) for (int k = w.rowStart(i); k < w.rowEnd(i); k++) a.add(i, w.column(k), -rho * w.value(k));
        return a;
    }

    @Test
    void eigenRouteMatchesDenseLuAndInverse() {
        for (boolean knn : new boolean[] {false, true}) {
            SpatialWeights w = random(60, knn, 7);
            LogDeterminant ld = LogDeterminant.eigen(w);
            assertThat(ld.upper()).isCloseTo(1.0, within(1e-10));
            assertThat(ld.lower()).isLessThan(-1.0 + 1e-9);
            for (double rho : new double[] {-0.8, -0.3, 0.2, 0.55, 0.9}) {
                DMatrixRMaj a = iMinusRhoW(w, rho);
                double lu = Math.log(CommonOps_DDRM.det(a));
                assertThat(ld.logDet(rho)).as("logdet knn=%s rho=%s", knn, rho).isCloseTo(lu, within(1e-12 * Math.max(1, Math.abs(lu)) * 10));
                DMatrixRMaj g = a.copy();
                CommonOps_DDRM.invert(g);
                DMatrixRMaj wd = new DMatrixRMaj(w.toDense());
                DMatrixRMaj wg = new DMatrixRMaj(60, 60);
                CommonOps_DDRM.mult(wd, g, wg);
                DMatrixRMaj wgwg = new DMatrixRMaj(60, 60);
                CommonOps_DDRM.mult(wg, wg, wgwg);
                assertThat(ld.traceG(rho)).isCloseTo(CommonOps_DDRM.trace(g), within(1e-10));
                assertThat(ld.traceWG(rho)).isCloseTo(CommonOps_DDRM.trace(wg), within(1e-10));
                assertThat(ld.traceWGWG(rho)).isCloseTo(CommonOps_DDRM.trace(wgwg), within(1e-10));
                DMatrixRMaj wgg = new DMatrixRMaj(60, 60);
                CommonOps_DDRM.mult(wg, g, wgg);
                assertThat(ld.traceWGG(rho)).as("tr(W G G)").isCloseTo(CommonOps_DDRM.trace(wgg), within(1e-10));
                // tr(W G G) = d/drho tr G
                double h = 1e-5;
                assertThat(ld.traceWGG(rho)).isCloseTo((ld.traceG(rho + h) - ld.traceG(rho - h)) / (2 * h), within(1e-5));
            }
        }
    }

    @Test
    void monteCarloIsWithinItsStatedErrorAndThreadInvariant() {
        SpatialWeights w = random(400, true, 11);
        LogDeterminant exact = LogDeterminant.eigen(w);
        LogDeterminant mc1 = LogDeterminant.monteCarlo(w, 60, 40, 42L, new PoolParallelism(1));
        LogDeterminant mc4 = LogDeterminant.monteCarlo(w, 60, 40, 42L, new PoolParallelism(4));
        for (double rho : new double[] {-0.5, 0.1, 0.4, 0.7, 0.85}) {
            double e = mc1.error(rho);
            assertThat(mc1.logDet(rho)).isEqualTo(mc4.logDet(rho));
            assertThat(Math.abs(mc1.logDet(rho) - exact.logDet(rho))).as("rho %s error %s", rho, e).isLessThanOrEqualTo(e);
            // the traces follow the same series: loose checks (relative 2%)
            assertThat(mc1.traceG(rho)).isCloseTo(exact.traceG(rho), within(0.02 * Math.abs(exact.traceG(rho))));
            // tr(WGG) is the derivative of the same series as tr G; it weights the noisy high moments by j
            double h = 1e-5;
            double numeric = (mc1.traceG(rho + h) - mc1.traceG(rho - h)) / (2 * h);
            assertThat(mc1.traceWGG(rho)).isCloseTo(numeric, within(1e-5 * Math.abs(numeric) + 1e-6));
            if (rho <= 0.7) assertThat(mc1.traceWGG(rho)).isCloseTo(exact.traceWGG(rho), within(0.05 * Math.abs(exact.traceWGG(rho))));
        }
        assertThat(mc1.error(0.5)).isLessThan(0.5);
        // tr((WG)'(WG)) from the kept Krylov vectors, against the dense product (within 4 Monte Carlo standard errors)
        assertThat(mc1.hasKrylovGram()).isTrue();
        for (double rho : new double[] {-0.4, 0.3, 0.6}) {
            DMatrixRMaj g = iMinusRhoW(w, rho);
            CommonOps_DDRM.invert(g);
            DMatrixRMaj wg = new DMatrixRMaj(400, 400);
            CommonOps_DDRM.mult(new DMatrixRMaj(w.toDense()), g, wg);
            double exactGtG = 0;
            for (double v : wg.data) exactGtG += v * v;
            double[] est = mc1.traceGtG(rho, false);
            assertThat(Math.abs(est[0] - exactGtG)).as("rho %s: %s vs %s (se %s)", rho, est[0], exactGtG, est[1]).isLessThan(4 * est[1]);
            assertThat(mc4.traceGtG(rho, false)).containsExactly(est);
        }
        assertThat(exact.hasKrylovGram()).isFalse();
    }
}
