package eres.api.panel;

import eres.api.EstimationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Inverse of a symmetric positive-definite matrix by Cholesky (EJML), falling back to LU. */
public final class SymmetricInverse {
    private SymmetricInverse() {
    }

    /**
     * @throws EstimationException {@code SINGULAR_MATRIX} if the matrix cannot be inverted
     */
    public static double[][] invert(double[][] m) {
        int k = m.length;
        DMatrixRMaj a = new DMatrixRMaj(m);
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
        if (!chol.setA(a.copy())) {
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(k);
            if (!lu.setA(a.copy()) || lu.quality() < 1e-14) {
                throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, "matrix is singular");
            }
            lu.invert(inv);
        } else {
            chol.invert(inv);
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] = inv.get(i, j);
        return out;
    }
}
