package eres.plugins.iv;

import eres.api.linalg.Dense;

/**
 * Canonical correlations between the partialled endogenous regressors {@code X1p} (n x K1) and the
 * partialled excluded instruments {@code Z1p} (n x L1), computed as ivreg2/ranktest do:
 * {@code Qzz = Z1p'Z1p/n}, {@code Qyy = X1p'X1p/n}, {@code Qzy = Z1p'X1p/n}, upper Cholesky factors
 * {@code Qzz = Rz'Rz}, {@code Qyy = Ry'Ry}, reduced-form coefficients {@code pihat = Qzz^{-1} Qzy} and
 * the standardised matrix {@code theta = Rz pihat Ry^{-1}} (L1 x K1), whose singular values are the
 * canonical correlations. The full SVD of theta feeds the Kleibergen–Paap statistics.
 *
 * @param theta     L1 x K1 standardised reduced form
 * @param u         L1 x L1 left singular vectors
 * @param s         singular values (canonical correlations), descending
 * @param v         K1 x K1 right singular vectors
 * @param pihat     L1 x K1
 * @param invRy     {@code Ry^{-1}} (K1 x K1)
 * @param invRz     {@code Rz^{-1}} (L1 x L1)
 */
record CanonicalCorrelations(double[][] theta, double[][] u, double[] s, double[][] v, double[][] pihat, double[][] invRy,
                             double[][] invRz) {

    /** Computes the decomposition; {@code null} if a cross-product matrix is singular or a correlation is 1. */
    static CanonicalCorrelations of(double[][] x1p, double[][] z1p) {
        int n = x1p[0].length;
        double[][] qzz = Dense.scale(Dense.cross(z1p, z1p), 1.0 / n);
        double[][] qyy = Dense.scale(Dense.cross(x1p, x1p), 1.0 / n);
        double[][] qzy = Dense.scale(Dense.cross(z1p, x1p), 1.0 / n);
        double[][] rz = Dense.tryCholeskyUpper(qzz);
        double[][] ry = Dense.tryCholeskyUpper(qyy);
        if (rz == null || ry == null) return null;
        double[][] irz = Dense.invertUpper(rz);
        double[][] iry = Dense.invertUpper(ry);
        // Qzz^{-1} = Rz^{-1} Rz^{-T}
        double[][] qzzInv = Dense.multiply(irz, Dense.transpose(irz));
        double[][] pihat = Dense.multiply(qzzInv, qzy);
        double[][] theta = Dense.multiply(Dense.multiply(rz, pihat), iry);
        Dense.Svd svd = Dense.svd(theta);
        for (double c : svd.s()) if (!(c < 1)) return null;
        return new CanonicalCorrelations(theta, svd.u(), svd.s(), svd.v(), pihat, iry, irz);
    }

    /** The canonical correlations (min(K1, L1) of them), descending. */
    double[] correlations() {
        return s.clone();
    }

    /** Smallest squared canonical correlation (the smallest eigenvalue behind Anderson's LM and Cragg–Donald). */
    double minSquared() {
        double m = s[s.length - 1];
        return m * m;
    }
}
