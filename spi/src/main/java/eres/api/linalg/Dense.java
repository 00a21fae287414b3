package eres.api.linalg;

import eres.api.EstimationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The one dense linear-algebra layer of the estimators, on EJML (the platform's library). Matrices are
 * {@code double[rows][cols]}; data columns are {@code double[k][n]} (column j, observation i) where a
 * method says "columns", observation rows {@code double[n][k]} where it says "rows". Small matrices
 * only (k x k, G x G, cluster blocks); n-length loops only form cross products. No method modifies its
 * arguments.
 *
 * <p>Failure is uniform: the {@code try*} methods return {@code null} (or NaN) when a matrix is not
 * numerically positive definite / invertible; the others throw {@link EstimationException} with reason
 * {@code SINGULAR_MATRIX} naming {@code what}. Positive definiteness is decided by EJML's Cholesky;
 * the inverse of a symmetric matrix that is not positive definite falls back to LU with a reciprocal
 * condition check ({@link #LU_QUALITY}), as Stata's {@code cholinv} then {@code luinv}.
 */
public final class Dense {
    /** Machine epsilon. */
    public static final double EPS = Math.ulp(1.0);
    /** EJML LU quality (|det| relative to the scale) below which a matrix counts as singular. */
    public static final double LU_QUALITY = 1e-14;

    private Dense() {
    }

    // ------------------------------------------------------------------ products

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** {@code A'B} for columns {@code a[ka][n]}, {@code b[kb][n]}. */
    public static double[][] cross(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) c[i][j] = dot(a[i], b[j]);
        return c;
    }

    /** {@code A'v} for columns {@code a[k][n]}. */
    public static double[] cross(double[][] a, double[] v) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = dot(a[i], v);
        return c;
    }

    /** {@code Z'Z} for observation rows {@code z[n][k]}. */
    public static double[][] crossRows(double[][] z) {
        int k = z[0].length;
        double[][] out = new double[k][k];
        for (double[] row : z) for (int a = 0; a < k; a++) for (int b = a; b < k; b++) out[a][b] += row[a] * row[b];
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) out[a][b] = out[b][a];
        return out;
    }

    /** {@code Z'v} for observation rows {@code z[n][k]}. */
    public static double[] crossRows(double[][] z, double[] v) {
        int k = z[0].length;
        double[] out = new double[k];
        for (int r = 0; r < z.length; r++) for (int j = 0; j < k; j++) out[j] += z[r][j] * v[r];
        return out;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = k == 0 ? 0 : b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double ail = a[i][l];
                if (ail == 0) continue;
                for (int j = 0; j < m; j++) c[i][j] += ail * b[l][j];
            }
        }
        return c;
    }

    /** {@code A v} (A given by rows). */
    public static double[] multiply(double[][] a, double[] v) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = dot(a[i], v);
        return c;
    }

    /** {@code A B A'}, symmetrised (the sandwich with bread A). */
    public static double[][] sandwich(double[][] a, double[][] meat) {
        return symmetrize(multiply(multiply(a, meat), transpose(a)));
    }

    public static double[][] transpose(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[][] t = new double[c][r];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) t[j][i] = a[i][j];
        return t;
    }

    /** Columns to observation rows. */
    public static double[][] rows(double[][] cols) {
        return transpose(cols);
    }

    public static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
            for (int j = 0; j < c[i].length; j++) c[i][j] *= s;
        }
        return c;
    }

    public static double[][] add(double[][] a, double[][] b, double bScale) {
        double[][] c = copy(a);
        for (int i = 0; i < c.length; i++) for (int j = 0; j < c[i].length; j++) c[i][j] += bScale * b[i][j];
        return c;
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    public static double[][] identity(int k) {
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) c[i][i] = 1;
        return c;
    }

    /** {@code (A + A')/2} (a new matrix). */
    public static double[][] symmetrize(double[][] a) {
        int k = a.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) c[i][j] = 0.5 * (a[i][j] + a[j][i]);
        return c;
    }

    /** Kronecker product. */
    public static double[][] kron(double[][] a, double[][] b) {
        DMatrixRMaj c = new DMatrixRMaj(a.length * b.length, a[0].length * b[0].length);
        CommonOps_DDRM.kron(new DMatrixRMaj(a), new DMatrixRMaj(b), c);
        return toArray(c);
    }

    /** Columns {@code idx} of a column array (shared, not copied). */
    public static double[][] columns(double[][] cols, int... idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) out[i] = cols[idx[i]];
        return out;
    }

    /** The square submatrix of rows and columns {@code idx}. */
    public static double[][] sub(double[][] a, int[] idx) {
        double[][] out = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) for (int j = 0; j < idx.length; j++) out[i][j] = a[idx[i]][idx[j]];
        return out;
    }

    public static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) out[i][j] = m.get(i, j);
        return out;
    }

    // ------------------------------------------------------------------ score sums

    /** Score columns {@code s_j = x_j e} (element-wise) for columns {@code x[k][n]}. */
    public static double[][] scores(double[][] x, double[] e) {
        double[][] s = new double[x.length][e.length];
        for (int j = 0; j < x.length; j++) for (int i = 0; i < e.length; i++) s[j][i] = x[j][i] * e[i];
        return s;
    }

    /** Per-group sums of score columns: {@code out[g][j] = sum_{i in g} s[j][i]}. */
    public static double[][] groupSums(double[][] s, int[] group, int groups) {
        double[][] out = new double[groups][s.length];
        int n = s.length == 0 ? 0 : s[0].length;
        for (int i = 0; i < n; i++) {
            double[] g = out[group[i]];
            for (int j = 0; j < s.length; j++) g[j] += s[j][i];
        }
        return out;
    }

    /** {@code sum_r v_r v_r'} over rows {@code v[r][k]}. */
    public static double[][] outerSum(double[][] rows, int k) {
        double[][] m = new double[k][k];
        for (double[] r : rows) {
            for (int a = 0; a < k; a++) {
                double ra = r[a];
                if (ra == 0) continue;
                for (int b = 0; b <= a; b++) m[a][b] += ra * r[b];
            }
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) m[b][a] = m[a][b];
        return m;
    }

    /** Heteroskedastic meat {@code sum_i s_i s_i'} of score columns {@code s[k][n]}. */
    public static double[][] scoreMeat(double[][] s) {
        int k = s.length;
        int n = k == 0 ? 0 : s[0].length;
        double[][] m = new double[k][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                double sa = s[a][i];
                if (sa == 0) continue;
                for (int b = 0; b <= a; b++) m[a][b] += sa * s[b][i];
            }
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) m[b][a] = m[a][b];
        return m;
    }

    // ------------------------------------------------------------------ factorisations

    /**
     * Upper Cholesky factor R with {@code R'R = A} (EJML), or {@code null} if A is not numerically
     * positive definite.
     */
    public static double[][] tryCholeskyUpper(double[][] a) {
        int k = a.length;
        CholeskyDecomposition_F64<DMatrixRMaj> c = DecompositionFactory_DDRM.chol(k, false);
        DMatrixRMaj m = new DMatrixRMaj(symmetrize(a));
        if (!c.decompose(m)) return null;
        DMatrixRMaj r = c.getT(null);
        double[][] out = toArray(r);
        for (int i = 0; i < k; i++) {
            if (!(out[i][i] > 0) || !Double.isFinite(out[i][i])) return null;
            for (int j = 0; j < i; j++) out[i][j] = 0;
        }
        return out;
    }

    /** Lower Cholesky factor L with {@code LL' = A}; throws naming {@code what} if A is not positive definite. */
    public static double[][] choleskyLower(double[][] a, String what) {
        double[][] r = tryCholeskyUpper(a);
        if (r == null) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what + " is not positive definite");
        return transpose(r);
    }

    /** Inverse of an upper-triangular matrix. */
    public static double[][] invertUpper(double[][] r) {
        int k = r.length;
        double[][] inv = new double[k][k];
        for (int j = 0; j < k; j++) {
            inv[j][j] = 1 / r[j][j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int l = i + 1; l <= j; l++) s += r[i][l] * inv[l][j];
                inv[i][j] = -s / r[i][i];
            }
        }
        return inv;
    }

    /**
     * Inverse of a symmetric matrix: Cholesky (EJML) when positive definite, else LU with the quality
     * check {@link #LU_QUALITY}; {@code null} if singular.
     */
    public static double[][] tryInverseSymmetric(double[][] a) {
        double[][] r = tryCholeskyUpper(a);
        if (r != null) {
            double[][] ri = invertUpper(r);
            return symmetrize(multiply(ri, transpose(ri)));
        }
        int k = a.length;
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(k);
        if (!lu.setA(new DMatrixRMaj(a)) || !(lu.quality() >= LU_QUALITY)) return null;
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        lu.invert(inv);
        return symmetrize(toArray(inv));
    }

    /** As {@link #tryInverseSymmetric}; throws {@code SINGULAR_MATRIX} naming {@code what}. */
    public static double[][] inverseSymmetric(double[][] a, String what) {
        double[][] inv = tryInverseSymmetric(a);
        if (inv == null) throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX, what + " is singular");
        return inv;
    }

    /** {@code b' A^{-1} b} for symmetric positive-definite A; NaN if A is not positive definite. */
    public static double quadraticInverse(double[][] a, double[] b) {
        double[][] r = tryCholeskyUpper(a);
        if (r == null) return Double.NaN;
        int k = b.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int l = 0; l < i; l++) s -= r[l][i] * z[l];
            z[i] = s / r[i][i];
        }
        return dot(z, z);
    }

    /** {@code A^{-1} b} for symmetric A; {@code null} if singular. */
    public static double[] trySolveSymmetric(double[][] a, double[] b) {
        double[][] inv = tryInverseSymmetric(a);
        return inv == null ? null : multiply(inv, b);
    }

    /** Eigenvalues (descending) and eigenvectors (columns) of a symmetric matrix. */
    public record Eigen(double[] values, double[][] vectors) {
    }

    /** Symmetric eigen-decomposition (EJML), eigenvalues in descending order. */
    public static Eigen eigenSymmetric(double[][] a) {
        int k = a.length;
        EigenDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.eig(k, true, true);
        if (!d.decompose(new DMatrixRMaj(symmetrize(a)))) {
            throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "symmetric eigen-decomposition failed");
        }
        Integer[] order = new Integer[k];
        double[] vals = new double[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
            vals[i] = d.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(vals[y], vals[x]));
        double[] values = new double[k];
        double[][] vectors = new double[k][k];
        for (int l = 0; l < k; l++) {
            values[l] = vals[order[l]];
            DMatrixRMaj vec = d.getEigenVector(order[l]);
            for (int i = 0; i < k; i++) vectors[i][l] = vec.get(i, 0);
        }
        return new Eigen(values, vectors);
    }

    /**
     * {@code f(A)} for a symmetric matrix through its eigen-decomposition, with eigenvalues at or below
     * {@code max(|lambda|) * k * eps * 10} treated as zero (mapped to 0): the Moore–Penrose form used for
     * (I - H_gg)^{-1/2} and (I - H_gg)^{-1} of the CR2/CR3 adjustments (clubSandwich's convention).
     */
    public static double[][] symmetricFunction(double[][] a, java.util.function.DoubleUnaryOperator f) {
        double max = 0;
        for (double[] r : a) for (double v : r) max = Math.max(max, Math.abs(v));
        return symmetricFunction(a, f, max * a.length * EPS * 10);
    }

    /** As {@link #symmetricFunction(double[][], java.util.function.DoubleUnaryOperator)} with eigenvalues at or below {@code tol} mapped to 0. */
    public static double[][] symmetricFunction(double[][] a, java.util.function.DoubleUnaryOperator f, double tol) {
        Eigen e = eigenSymmetric(a);
        int k = a.length;
        double[][] out = new double[k][k];
        for (int l = 0; l < k; l++) {
            double lam = e.values()[l];
            if (!(lam > tol)) continue;
            double s = f.applyAsDouble(lam);
            for (int i = 0; i < k; i++) {
                double vi = e.vectors()[i][l] * s;
                for (int j = 0; j < k; j++) out[i][j] += vi * e.vectors()[j][l];
            }
        }
        return out;
    }

    /** Symmetric square root of a symmetric positive semi-definite matrix (negative eigenvalues clamped to 0). */
    public static double[][] symmetricSqrt(double[][] a) {
        return symmetricFunction(a, Math::sqrt);
    }

    /** Pseudo-inverse of a symmetric PSD matrix and the number of eigenvalues dropped (at or below {@code max eps k}). */
    public record PseudoInverse(double[][] inverse, int rankDeficit) {
    }

    public static PseudoInverse pseudoInverse(double[][] a) {
        Eigen e = eigenSymmetric(a);
        int k = a.length;
        double tol = Math.max(e.values()[0], 0) * EPS * k;
        double[][] out = new double[k][k];
        int dropped = 0;
        for (int l = 0; l < k; l++) {
            if (!(e.values()[l] > tol)) {
                dropped++;
                continue;
            }
            double s = 1 / e.values()[l];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] += e.vectors()[i][l] * s * e.vectors()[j][l];
        }
        return new PseudoInverse(out, dropped);
    }

    /** Condition measure of a covariance matrix: smallest over largest eigenvalue of its correlation form (0 if degenerate). */
    public static double reciprocalCondition(double[][] v) {
        int k = v.length;
        for (int i = 0; i < k; i++) if (!(v[i][i] > 0)) return 0;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) c[i][j] = v[i][j] / Math.sqrt(v[i][i] * v[j][j]);
        double[] ev = eigenSymmetric(c).values();
        return ev[0] > 0 ? Math.max(ev[k - 1], 0) / ev[0] : 0;
    }

    /**
     * Generalised inverse by symmetric sweeping with the largest remaining diagonal as pivot; rows and
     * columns whose pivot is not above {@code max|diag| * sqrt(eps)} are zeroed, as Stata's {@code invsym()}.
     */
    public static double[][] sweepInverse(double[][] a) {
        int k = a.length;
        double[][] m = new double[k][2 * k];
        double maxDiag = 0;
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], 0, m[i], 0, k);
            m[i][k + i] = 1;
            maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
        }
        double tol = maxDiag * Math.sqrt(EPS);
        boolean[] done = new boolean[k];
        for (int step = 0; step < k; step++) {
            int best = -1;
            for (int i = 0; i < k; i++) if (!done[i] && (best < 0 || m[i][i] > m[best][best])) best = i;
            if (best < 0 || !(m[best][best] > tol)) break;
            double p = m[best][best];
            for (int j = 0; j < 2 * k; j++) m[best][j] /= p;
            for (int i = 0; i < k; i++) {
                if (i == best) continue;
                double f = m[i][best];
                if (f == 0) continue;
                for (int j = 0; j < 2 * k; j++) m[i][j] -= f * m[best][j];
            }
            done[best] = true;
        }
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g[i][j] = done[i] && done[j] ? m[i][k + j] : 0;
        return symmetrize(g);
    }

    /** Full singular value decomposition {@code A = U diag(s) V'}, singular values descending. */
    public record Svd(double[][] u, double[] s, double[][] v) {
    }

    public static Svd svd(double[][] a) {
        int r = a.length;
        int c = a[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(r, c, true, true, false);
        if (!d.decompose(new DMatrixRMaj(a))) throw new EstimationException(EstimationException.Reason.NOT_CONVERGED, "SVD failed");
        DMatrixRMaj u = d.getU(null, false);
        DMatrixRMaj w = d.getW(null);
        DMatrixRMaj v = d.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int m = Math.min(r, c);
        double[] s = new double[m];
        for (int i = 0; i < m; i++) s[i] = w.get(i, i);
        return new Svd(toArray(u), s, toArray(v));
    }
}
