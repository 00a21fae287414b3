package eres.plugins.iv;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Small dense matrix kernels for the IV diagnostics. Matrices are {@code double[rows][cols]};
 * data columns are {@code double[k][n]} (column j, observation i), as in {@code eres.api.panel.Covariance}.
 * All the matrices here are at most (K1 L1) x (K1 L1) or L x L; n-length loops only form cross products.
 * No method modifies its arguments.
 */
final class Dense {
    /** Machine epsilon. */
    static final double EPS = Math.ulp(1.0);

    private Dense() {
    }

    /** {@code A'B} for column arrays {@code a[ka][n]}, {@code b[kb][n]}. */
    static double[][] cross(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) c[i][j] = dot(a[i], b[j]);
        }
        return c;
    }

    /** {@code A'v}. */
    static double[] cross(double[][] a, double[] v) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = dot(a[i], v);
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double[][] multiply(double[][] a, double[][] b) {
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

    static double[] multiply(double[][] a, double[] v) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = dot(a[i], v);
        return c;
    }

    static double[][] transpose(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[][] t = new double[c][r];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) t[j][i] = a[i][j];
        return t;
    }

    static double[][] scale(double[][] a, double s) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
            for (int j = 0; j < c[i].length; j++) c[i][j] *= s;
        }
        return c;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    static double[][] identity(int k) {
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) c[i][i] = 1;
        return c;
    }

    /** {@code (A + A')/2} (a new matrix). */
    static double[][] symmetrize(double[][] a) {
        int k = a.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) c[i][j] = 0.5 * (a[i][j] + a[j][i]);
        return c;
    }

    /** Upper Cholesky factor R with {@code R'R = A}, or {@code null} if A is not numerically positive definite. */
    static double[][] choleskyUpper(double[][] a) {
        int k = a.length;
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            double s = a[j][j];
            for (int l = 0; l < j; l++) s -= r[l][j] * r[l][j];
            if (!(s > 0)) return null;
            double d = Math.sqrt(s);
            r[j][j] = d;
            for (int i = j + 1; i < k; i++) {
                double t = a[j][i];
                for (int l = 0; l < j; l++) t -= r[l][j] * r[l][i];
                r[j][i] = t / d;
            }
        }
        return r;
    }

    /** Inverse of an upper-triangular matrix. */
    static double[][] invertUpper(double[][] r) {
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
     * Inverse of a symmetric positive-definite matrix by Cholesky, falling back to LU with a
     * quality check (Stata's {@code cholinv} then {@code luinv}); {@code null} if singular.
     */
    static double[][] inverseSpd(double[][] a) {
        double[][] r = choleskyUpper(a);
        if (r != null) {
            double[][] ri = invertUpper(r);
            return symmetrize(multiply(ri, transpose(ri)));
        }
        int k = a.length;
        var lu = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.lu(k);
        DMatrixRMaj m = new DMatrixRMaj(a);
        if (!lu.setA(m) || lu.quality() < 1e-14) return null;
        DMatrixRMaj inv = new DMatrixRMaj(k, k);
        lu.invert(inv);
        return symmetrize(toArray(inv));
    }

    /** {@code b' A^{-1} b} for symmetric positive-definite A; NaN if A is not positive definite. */
    static double quadraticInverse(double[][] a, double[] b) {
        double[][] r = choleskyUpper(a);
        if (r == null) return Double.NaN;
        // solve R' z = b
        int k = b.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int l = 0; l < i; l++) s -= r[l][i] * z[l];
            z[i] = s / r[i][i];
        }
        return dot(z, z);
    }

    /** {@code A^{-1} b} by Cholesky (QR fallback through the LU inverse); {@code null} if singular. */
    static double[] solveSpd(double[][] a, double[] b) {
        double[][] inv = inverseSpd(a);
        return inv == null ? null : multiply(inv, b);
    }

    /** Kronecker product. */
    static double[][] kron(double[][] a, double[][] b) {
        DMatrixRMaj c = new DMatrixRMaj(a.length * b.length, a[0].length * b[0].length);
        CommonOps_DDRM.kron(new DMatrixRMaj(a), new DMatrixRMaj(b), c);
        return toArray(c);
    }

    /** Eigenvalues of a symmetric matrix, descending. */
    static double[] symmetricEigenvalues(double[][] a) {
        return eigen(a).values;
    }

    /** Condition measure of a covariance matrix: smallest over largest eigenvalue of its correlation form (0 if degenerate). */
    static double reciprocalCondition(double[][] v) {
        int k = v.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            if (!(v[i][i] > 0)) return 0;
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) c[i][j] = v[i][j] / Math.sqrt(v[i][i] * v[j][j]);
        }
        double[] ev = symmetricEigenvalues(c);
        double max = ev[0];
        double min = ev[k - 1];
        return max > 0 ? Math.max(min, 0) / max : 0;
    }

    /** Symmetric square root of a symmetric positive semi-definite matrix (negative eigenvalues clamped to 0). */
    static double[][] symmetricSqrt(double[][] a) {
        Eigen e = eigen(a);
        int k = a.length;
        double[][] out = new double[k][k];
        for (int l = 0; l < k; l++) {
            double s = Math.sqrt(Math.max(e.values[l], 0));
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] += e.vectors[i][l] * s * e.vectors[j][l];
        }
        return out;
    }

    /**
     * Moore–Penrose-style inverse of a symmetric PSD matrix from its eigen-decomposition, dropping
     * eigenvalues at or below {@code max * eps * k}; also returns the number dropped.
     */
    static PseudoInverse pseudoInverse(double[][] a) {
        Eigen e = eigen(a);
        int k = a.length;
        double tol = Math.max(e.values[0], 0) * EPS * k;
        double[][] out = new double[k][k];
        int dropped = 0;
        for (int l = 0; l < k; l++) {
            if (!(e.values[l] > tol)) {
                dropped++;
                continue;
            }
            double s = 1 / e.values[l];
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) out[i][j] += e.vectors[i][l] * s * e.vectors[j][l];
        }
        return new PseudoInverse(out, dropped);
    }

    record PseudoInverse(double[][] inverse, int rankDeficit) {
    }

    /**
     * Generalised inverse by symmetric sweeping with the largest remaining diagonal as pivot; rows and
     * columns whose pivot is not above {@code max|diag| * sqrt(eps)} are zeroed. This reproduces how
     * Stata's {@code invsym()} (used by {@code test}) treats a rank-deficient covariance matrix:
     * the collinear directions are dropped rather than pseudo-inverted.
     */
    static double[][] sweepInverse(double[][] a) {
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
            for (int i = 0; i < k; i++) {
                if (!done[i] && (best < 0 || m[i][i] > m[best][best])) best = i;
            }
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
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) g[i][j] = done[i] && done[j] ? m[i][k + j] : 0;
        }
        return symmetrize(g);
    }

    /** Full singular value decomposition {@code A = U diag(s) V'} with descending singular values. */
    static Svd svd(double[][] a) {
        int r = a.length;
        int c = a[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(r, c, true, true, false);
        if (!d.decompose(new DMatrixRMaj(a))) throw new IllegalStateException("SVD failed");
        DMatrixRMaj u = d.getU(null, false);
        DMatrixRMaj w = d.getW(null);
        DMatrixRMaj v = d.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int m = Math.min(r, c);
        double[] s = new double[m];
        for (int i = 0; i < m; i++) s[i] = w.get(i, i);
        return new Svd(toArray(u), s, toArray(v));
    }

    record Svd(double[][] u, double[] s, double[][] v) {
    }

    private record Eigen(double[] values, double[][] vectors) {
    }

    private static Eigen eigen(double[][] a) {
        int k = a.length;
        EigenDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.eig(k, true, true);
        if (!d.decompose(new DMatrixRMaj(symmetrize(a)))) throw new IllegalStateException("eigen-decomposition failed");
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

    static double[][] toArray(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) out[i][j] = m.get(i, j);
        return out;
    }

    /** Columns {@code idx} of a column array. */
    static double[][] columns(double[][] cols, int... idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) out[i] = cols[idx[i]];
        return out;
    }

    /** Submatrix rows/cols {@code idx}. */
    static double[][] sub(double[][] a, int[] idx) {
        double[][] out = new double[idx.length][idx.length];
        for (int i = 0; i < idx.length; i++) for (int j = 0; j < idx.length; j++) out[i][j] = a[idx[i]][idx[j]];
        return out;
    }

    /** Per-cluster sums of each column: {@code out[g][j] = sum_{i in g} s[j][i]}. */
    static double[][] clusterSums(double[][] s, int[] cluster, int clusters) {
        double[][] out = new double[clusters][s.length];
        int n = s.length == 0 ? 0 : s[0].length;
        for (int i = 0; i < n; i++) {
            double[] g = out[cluster[i]];
            for (int j = 0; j < s.length; j++) g[j] += s[j][i];
        }
        return out;
    }

    /** {@code sum_g s_g s_g'} from per-cluster (or per-observation) score rows. */
    static double[][] outerSum(double[][] rows, int k) {
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

    /** Heteroskedastic meat {@code sum_i s_i s_i'} with score columns {@code s[j][i]}. */
    static double[][] scoreMeat(double[][] s) {
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
}
