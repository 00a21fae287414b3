package eres.plugins.sdm;

import eres.api.EstimationException;
import eres.api.panel.SymmetricInverse;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The small dense operations of this plugin (vectors of length NT, matrices of order K + 2), in one place
 * so that they map one to one onto the shared linear-algebra layer of the API once it exists (issue 16,
 * item 1): products by plain loops, inverse, Cholesky and Moore-Penrose inverse by EJML. The spatial
 * solves ({@code (I - rho W)^-1}) are in {@link eres.api.spatial.SpatialFilter}.
 */
final class Dense {
    private Dense() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Z b for Z given by rows. */
    static double[] times(double[][] z, double[] b) {
        double[] out = new double[z.length];
        for (int r = 0; r < z.length; r++) out[r] = dot(z[r], b);
        return out;
    }

    /** A'B for matrices given by rows. */
    static double[][] crossprod(double[][] a, double[][] b) {
        int p = a[0].length;
        int q = b[0].length;
        double[][] out = new double[p][q];
        for (int r = 0; r < a.length; r++) for (int i = 0; i < p; i++) for (int j = 0; j < q; j++) out[i][j] += a[r][i] * b[r][j];
        return out;
    }

    /** A'v for A given by rows. */
    static double[] crossprod(double[][] a, double[] v) {
        int p = a[0].length;
        double[] out = new double[p];
        for (int r = 0; r < a.length; r++) for (int j = 0; j < p; j++) out[j] += a[r][j] * v[r];
        return out;
    }

    /** m v for a square (or p x q) matrix. */
    static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = dot(m[i], v);
        return out;
    }

    /** A B' ... as {@code g V g'} for a k x p matrix g and a p x p matrix V. */
    static double[][] sandwich(double[][] g, double[][] v) {
        int k = g.length;
        int p = v.length;
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            double[] gv = new double[p];
            for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) gv[j] += g[a][i] * v[i][j];
            for (int b = 0; b < k; b++) out[a][b] = dot(gv, g[b]);
        }
        return out;
    }

    /** Inverse of a symmetric matrix (Cholesky, LU when not positive definite). */
    static double[][] inverse(double[][] m) {
        return SymmetricInverse.invert(m);
    }

    /** Lower Cholesky factor of a symmetric positive-definite matrix. */
    static double[][] cholesky(double[][] a, String what) {
        int k = a.length;
        CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(k, true);
        if (!c.decompose(new DMatrixRMaj(a))) {
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what + " is not positive definite");
        }
        DMatrixRMaj l = c.getT(null);
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = l.get(i, j);
                if (i == j && !(out[i][i] > 0)) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what + " is not positive definite");
            }
        }
        return out;
    }

    /** Moore-Penrose inverse of a small symmetric matrix by eigen-decomposition; its rank in {@code rank[0]}. */
    static double[][] pinv(double[][] a, int[] rank) {
        int k = a.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(new DMatrixRMaj(a))) throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "eigenvalues did not converge");
        double max = 0;
        for (int i = 0; i < k; i++) max = Math.max(max, Math.abs(eig.getEigenvalue(i).real));
        double[][] out = new double[k][k];
        for (int q = 0; q < k; q++) {
            double lam = eig.getEigenvalue(q).real;
            if (Math.abs(lam) <= 1e-12 * max) continue;
            rank[0]++;
            DMatrixRMaj vec = eig.getEigenVector(q);
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] += vec.get(i) * vec.get(j) / lam;
        }
        return out;
    }
}
