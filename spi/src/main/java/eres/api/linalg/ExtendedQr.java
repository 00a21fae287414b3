package eres.api.linalg;

/**
 * Householder QR in double-double arithmetic for ill-conditioned designs (Golub &amp; Van Loan,
 * Matrix Computations, 4th ed., Algorithm 5.2.1), in a given column order. Small problems only:
 * O(n p^2) double-double operations.
 */
final class ExtendedQr {
    private final int n;
    private final int p;
    private final int[] piv;
    /** Column-major working copy; after factorisation holds R above the diagonal and v below. */
    private final DoubleDouble[][] col;
    private final DoubleDouble[] rDiag;
    private final DoubleDouble[] tau;

    ExtendedQr(double[][] a, double[][] aLo, int[] piv) {
        this.n = a.length;
        this.p = a[0].length;
        this.piv = piv;
        col = new DoubleDouble[p][n];
        for (int k = 0; k < p; k++) {
            int j = piv[k];
            for (int i = 0; i < n; i++) {
                col[k][i] = aLo == null ? DoubleDouble.of(a[i][j]) : new DoubleDouble(a[i][j], 0).add(DoubleDouble.of(aLo[i][j]));
            }
        }
        rDiag = new DoubleDouble[p];
        tau = new DoubleDouble[p];
        for (int k = 0; k < p; k++) {
            DoubleDouble[] v = col[k];
            DoubleDouble norm2 = DoubleDouble.ZERO;
            for (int i = k; i < n; i++) norm2 = norm2.add(v[i].mul(v[i]));
            DoubleDouble norm = norm2.sqrt();
            DoubleDouble alpha = v[k].signum() >= 0 ? norm.negate() : norm;
            // v = x - alpha e1 ; H = I - tau v v', tau = 1 / (alpha (alpha - x_k)) * (-1)...
            DoubleDouble vk = v[k].sub(alpha);
            v[k] = vk;
            // v'v = norm2 - x_k^2 + (x_k - alpha)^2 = 2 alpha^2 - 2 alpha x_k = -2 alpha vk
            DoubleDouble vtv = alpha.mul(vk).mul(-2.0);
            tau[k] = DoubleDouble.of(2.0).div(vtv);
            rDiag[k] = alpha;
            for (int j = k + 1; j < p; j++) {
                DoubleDouble[] c = col[j];
                DoubleDouble s = DoubleDouble.ZERO;
                for (int i = k; i < n; i++) s = s.add(v[i].mul(c[i]));
                DoubleDouble ts = tau[k].mul(s);
                for (int i = k; i < n; i++) c[i] = c[i].sub(ts.mul(v[i]));
            }
        }
    }

    private DoubleDouble r(int i, int j) {
        return i == j ? rDiag[i] : col[j][i];
    }

    /** Least-squares solution in the original column order. */
    double[] solve(double[] y, double[] yLo) {
        DoubleDouble[] z = new DoubleDouble[n];
        for (int i = 0; i < n; i++) z[i] = yLo == null ? DoubleDouble.of(y[i]) : DoubleDouble.of(y[i]).add(DoubleDouble.of(yLo[i]));
        for (int k = 0; k < p; k++) {
            DoubleDouble[] v = col[k];
            DoubleDouble s = DoubleDouble.ZERO;
            for (int i = k; i < n; i++) s = s.add(v[i].mul(z[i]));
            DoubleDouble ts = tau[k].mul(s);
            for (int i = k; i < n; i++) z[i] = z[i].sub(ts.mul(v[i]));
        }
        DoubleDouble[] b = new DoubleDouble[p];
        for (int k = p - 1; k >= 0; k--) {
            DoubleDouble s = z[k];
            for (int l = k + 1; l < p; l++) s = s.sub(r(k, l).mul(b[l]));
            b[k] = s.div(r(k, k));
        }
        double[] out = new double[p];
        for (int k = 0; k < p; k++) out[piv[k]] = b[k].value();
        return out;
    }

    /** (A'A)^{-1} = R^{-1} R^{-T} (permuted back), in the original column order. */
    double[][] xtxInverse() {
        // Rinv upper triangular
        DoubleDouble[][] rinv = new DoubleDouble[p][p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < p; i++) rinv[i][j] = DoubleDouble.ZERO;
            rinv[j][j] = DoubleDouble.of(1).div(r(j, j));
            for (int i = j - 1; i >= 0; i--) {
                DoubleDouble s = DoubleDouble.ZERO;
                for (int l = i + 1; l <= j; l++) s = s.add(r(i, l).mul(rinv[l][j]));
                rinv[i][j] = s.negate().div(r(i, i));
            }
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                DoubleDouble s = DoubleDouble.ZERO;
                for (int l = Math.max(i, j); l < p; l++) s = s.add(rinv[i][l].mul(rinv[j][l]));
                out[piv[i]][piv[j]] = s.value();
            }
        }
        return out;
    }
}
