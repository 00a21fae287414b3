package eres.api.linalg;

import eres.api.EstimationException;
import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a real symmetric matrix {@code A = V diag(values) V'} (EJML's symmetric QR
 * algorithm after tridiagonal reduction), eigenvalues in descending order, eigenvectors of unit
 * length as the columns of {@code vectors}. Eigenvector signs are arbitrary; callers fix a sign
 * convention (e.g. PCA: positive loading sum).
 *
 * @param values  eigenvalues, descending
 * @param vectors {@code vectors[i][c]} = component i of the eigenvector of {@code values[c]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /**
     * Decomposes {@code a} (Not modified).
     *
     * @throws IllegalArgumentException if {@code a} is not square or not symmetric (to 1e-12 relative)
     * @throws EstimationException      {@code NOT_CONVERGED} if the QR iterations fail
     */
    public static SymmetricEigen of(double[][] a) {
        int k = a.length;
        double scale = 0;
        for (double[] row : a) {
            if (row.length != k) throw new IllegalArgumentException("matrix is not square");
            for (double v : row) scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(m)) {
            throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "symmetric eigen-decomposition did not converge");
        }
        Integer[] order = new Integer[k];
        double[] raw = new double[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
            raw[c] = eig.getEigenvalue(c).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> -raw[c]).thenComparingInt(c -> c));
        double[] values = new double[k];
        double[][] vectors = new double[k][k];
        for (int c = 0; c < k; c++) {
            values[c] = raw[order[c]];
            DMatrixRMaj v = eig.getEigenVector(order[c]);
            double norm = 0;
            for (int i = 0; i < k; i++) norm += v.get(i, 0) * v.get(i, 0);
            norm = Math.sqrt(norm);
            for (int i = 0; i < k; i++) vectors[i][c] = v.get(i, 0) / norm;
        }
        return new SymmetricEigen(values, vectors);
    }
}
