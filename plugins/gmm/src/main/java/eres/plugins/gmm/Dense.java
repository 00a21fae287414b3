package eres.plugins.gmm;

import eres.api.EstimationException;
import eres.api.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The few dense matrix operations GMM needs, on row-major {@code double[][]} (instrument counts are
 * small: tens to a few hundred). Inputs are never modified.
 */
final class Dense {
    private Dense() {
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            double[] ai = a[i];
            for (int p = 0; p < inner; p++) {
                double v = ai[p];
                if (v == 0) continue;
                double[] bp = b[p];
                for (int j = 0; j < m; j++) ci[j] += v * bp[j];
            }
        }
        return c;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            double[] ai = a[i];
            for (int j = 0; j < x.length; j++) s += ai[j] * x[j];
            y[i] = s;
        }
        return y;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** {@code x' A x}. */
    static double quadratic(double[][] a, double[] x) {
        return dot(x, multiply(a, x));
    }

    static double[][] add(double[][] a, double[][] b) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] + b[i][j];
        return c;
    }

    static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) c[i][j] = a[i][j] * s;
        return c;
    }

    /** Symmetrises {@code a} in place as (a + a') / 2 and returns it. */
    static double[][] symmetrise(double[][] a) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = v;
                a[j][i] = v;
            }
        }
        return a;
    }

    /** Rows and columns {@code keep} of a square matrix. */
    static double[][] sub(double[][] a, int[] keep) {
        double[][] s = new double[keep.length][keep.length];
        for (int i = 0; i < keep.length; i++) for (int j = 0; j < keep.length; j++) s[i][j] = a[keep[i]][keep[j]];
        return s;
    }

    /** Rows {@code keep} of a matrix. */
    static double[][] rows(double[][] a, int[] keep) {
        double[][] s = new double[keep.length][];
        for (int i = 0; i < keep.length; i++) s[i] = a[keep[i]].clone();
        return s;
    }

    static double[] entries(double[] a, int[] keep) {
        double[] s = new double[keep.length];
        for (int i = 0; i < keep.length; i++) s[i] = a[keep[i]];
        return s;
    }

    /**
     * Inverse of a symmetric positive-definite matrix by Cholesky.
     *
     * @throws EstimationException {@code SINGULAR_MATRIX} naming {@code what} if it is not positive definite
     */
    static double[][] inverseSpd(double[][] m, String what) {
        int k = m.length;
        DMatrixRMaj a = new DMatrixRMaj(m);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(k);
        if (!chol.setA(a)) {
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what + " is singular");
        }
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        chol.invert(inv);
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] = inv.get(i, j);
        return symmetrise(out);
    }

    /** Result of {@link #generalizedInverse}: the inverse and whether it is a pseudo-inverse. */
    record Inverse(double[][] matrix, boolean generalized, int rank) {
    }

    /**
     * Inverse of a symmetric positive semi-definite matrix: the ordinary inverse when its smallest
     * eigenvalue exceeds {@code 1e-9} times the largest, otherwise the Moore-Penrose pseudo-inverse with
     * eigenvalues below that bound treated as zero. plm's {@code pgmm} switches to {@code MASS::ginv} the
     * same way (with an absolute bound); Stata's {@code invsym} (xtabond2) uses another generalized
     * inverse, which gives the same estimates and statistics whenever the moment vectors lie in the
     * matrix's column space (always for the weighting matrices of these estimators).
     */
    static Inverse generalizedInverse(double[][] m) {
        int k = m.length;
        double[][] sym = symmetrise(copy(m));
        SymmetricEigen eig = SymmetricEigen.of(sym);
        double max = Math.max(Math.abs(eig.values()[0]), Double.MIN_NORMAL);
        double tol = 1e-9 * max;
        boolean singular = eig.values()[k - 1] <= tol;
        if (!singular) {
            try {
                return new Inverse(inverseSpd(sym, "matrix"), false, k);
            } catch (EstimationException e) {
                singular = true;
            }
        }
        double[][] v = eig.vectors();
        double[][] out = new double[k][k];
        int rank = 0;
        for (int c = 0; c < k; c++) {
            double lambda = eig.values()[c];
            if (lambda <= tol) continue;
            rank++;
            double inv = 1 / lambda;
            for (int i = 0; i < k; i++) {
                double vi = v[i][c] * inv;
                if (vi == 0) continue;
                for (int j = 0; j < k; j++) out[i][j] += vi * v[j][c];
            }
        }
        return new Inverse(symmetrise(out), true, rank);
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
