package eres.core.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.SpatialWeights;
import eres.api.spatial.SpatialFilter;
import eres.core.exec.PoolParallelism;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The spatial multiplier against a dense inverse: fixed-point and LU paths, transposed and multi-period solves. */
class SpatialFilterTest {

    static double[] dense(DMatrixRMaj m, double[] v) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, 1);
        CommonOps_DDRM.mult(m, DMatrixRMaj.wrap(v.length, 1, v), out);
        return out.data;
    }

    @Test
    void solvesMatchTheDenseInverse() {
        SpatialWeights w = LogDeterminantTest.random(50, true, 3);     // asymmetric kNN, row-standardised
        Random r = new Random(5);
        double[] b = new double[50];
        for (int i = 0; i < 50; i++) b[i] = r.nextGaussian();
        // 0.6: fixed point; -1.5: |rho| ||W|| > 1, dense LU
        for (double rho : new double[] {0.6, -1.5}) {
            DMatrixRMaj g = LogDeterminantTest.iMinusRhoW(w, rho);
            CommonOps_DDRM.invert(g);
            DMatrixRMaj gt = g.copy();
            CommonOps_DDRM.transpose(gt);
            double[] x = SpatialFilter.solve(w, rho, b);
            double[] xt = SpatialFilter.solveTransposed(w, rho, b);
            double[] ex = dense(g, b);
            double[] ext = dense(gt, b);
            for (int i = 0; i < 50; i++) {
                assertThat(x[i]).as("rho %s", rho).isCloseTo(ex[i], within(1e-11));
                assertThat(xt[i]).as("transposed rho %s", rho).isCloseTo(ext[i], within(1e-11));
            }
            // W G as a dense matrix
            DMatrixRMaj wg = SpatialFilter.multiplierTimesW(w, rho);
            DMatrixRMaj expect = new DMatrixRMaj(50, 50);
            CommonOps_DDRM.mult(new DMatrixRMaj(w.toDense()), g, expect);
            for (int k = 0; k < 2500; k++) assertThat(wg.data[k]).isCloseTo(expect.data[k], within(1e-12));
        }
        // three periods at once, 1 and 3 threads
        double[] b3 = new double[150];
        for (int i = 0; i < 150; i++) b3[i] = r.nextGaussian();
        double[] p1 = SpatialFilter.solvePeriods(w, 0.4, b3, 3, new PoolParallelism(1));
        double[] p3 = SpatialFilter.solvePeriods(w, 0.4, b3, 3, new PoolParallelism(3));
        assertThat(p3).containsExactly(p1);
        for (int s = 0; s < 3; s++) {
            double[] one = SpatialFilter.solve(w, 0.4, java.util.Arrays.copyOfRange(b3, s * 50, s * 50 + 50));
            for (int i = 0; i < 50; i++) assertThat(p1[s * 50 + i]).isCloseTo(one[i], within(1e-12));
        }
        double[] wt = SpatialFilter.multiplyTransposed(w, b);
        double[][] wd = w.toDense();
        for (int j = 0; j < 50; j++) {
            double s = 0;
            for (int i = 0; i < 50; i++) s += wd[i][j] * b[i];
            assertThat(wt[j]).isCloseTo(s, within(1e-13));
        }
    }
}
