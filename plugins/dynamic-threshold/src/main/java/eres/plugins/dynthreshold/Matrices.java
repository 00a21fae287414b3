package eres.plugins.dynthreshold;

import eres.api.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Small dense helpers on row-major {@code double[][]}; inputs are never modified. */
final class Matrices {
    private Matrices() {
    }

    static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) s += a[i][j] * x[j];
            y[i] = s;
        }
        return y;
    }

    /** {@code a' b} for a (n x p), b (n x q). */
    static double[][] crossTimes(double[][] a, double[][] b) {
        int p = a[0].length;
        int q = b[0].length;
        double[][] c = new double[p][q];
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < p; i++) {
                double v = a[r][i];
                if (v == 0) continue;
                for (int j = 0; j < q; j++) c[i][j] += v * b[r][j];
            }
        }
        return c;
    }

    /** {@code a' x} for a (n x p). */
    static double[] crossTimes(double[][] a, double[] x) {
        double[] c = new double[a[0].length];
        for (int r = 0; r < a.length; r++) for (int i = 0; i < c.length; i++) c[i] += a[r][i] * x[r];
        return c;
    }

    static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int p = 0; p < b.length; p++) {
                double v = a[i][p];
                if (v == 0) continue;
                for (int j = 0; j < b[0].length; j++) c[i][j] += v * b[p][j];
            }
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Inverse of a symmetric positive-definite matrix, or null if Cholesky fails. */
    static double[][] inverseOrNull(double[][] m) {
        int k = m.length;
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
        if (!chol.setA(new DMatrixRMaj(m))) return null;
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        chol.invert(inv);
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] = 0.5 * (inv.get(i, j) + inv.get(j, i));
        return out;
    }

    /**
     * Inverse of a symmetric positive semi-definite weighting matrix: Cholesky when it is well conditioned,
     * otherwise the Moore-Penrose pseudo-inverse (eigenvalues below 1e-9 times the largest set to zero);
     * xthenreg uses Stata's {@code invsym} generalized inverse in the same place.
     */
    static double[][] weightInverse(double[][] m) {
        int k = m.length;
        double[][] s = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) s[i][j] = 0.5 * (m[i][j] + m[j][i]);
        SymmetricEigen e = SymmetricEigen.of(s);
        double tol = 1e-9 * Math.max(Math.abs(e.values()[0]), Double.MIN_NORMAL);
        if (e.values()[k - 1] > tol) {
            double[][] inv = inverseOrNull(s);
            if (inv != null) return inv;
        }
        double[][] out = new double[k][k];
        for (int c = 0; c < k; c++) {
            double l = e.values()[c];
            if (l <= tol) continue;
            for (int i = 0; i < k; i++) {
                double vi = e.vectors()[i][c] / l;
                for (int j = 0; j < k; j++) out[i][j] += vi * e.vectors()[j][c];
            }
        }
        return out;
    }
}
