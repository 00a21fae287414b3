package eres.plugins.iv;

import eres.api.linalg.Dense;

/**
 * The Kleibergen–Paap (2006) rk statistic for H0: rank(Pi) = K1 - 1, as computed by Stata's
 * {@code ranktest} (Kleibergen, Schaffer &amp; Windmeijer) for ivreg2. With the full SVD
 * {@code theta = U S V'} and {@code k = K1 - 1}, partition U and V after their first k rows/columns:
 * {@code aq = [u12; u22] u22^{-1} (u22 u22')^{1/2}}, {@code bq = (v22 v22')^{1/2} v22'^{-1} [v12; v22]'},
 * {@code lambda = (bq kron aq') vec(theta)},
 * {@code Var(vec theta) = (Ry^{-1}' kron Rz^{-1}') S0 (Ry^{-1}' kron Rz^{-1}')'},
 * {@code V_lambda = (bq kron aq') Var(vec theta) (bq kron aq')'} and
 * {@code rk = n lambda' V_lambda^{-1} lambda}, chi2(L1 - K1 + 1). {@code S0} is the covariance of the
 * scores {@code vhat_i kron z1p_i}: with {@code vhat = X1p} it gives the LM form, with the first-stage
 * residuals the Wald form. When S0 is replaced by its homoskedastic form {@code Sigma kron Qzz} the
 * LM form reduces to Anderson's {@code n lambda_min} and the Wald form to {@code n lambda_min/(1 - lambda_min)}
 * (Cragg–Donald); the unit tests use this identity.
 */
final class KleibergenPaap {
    private KleibergenPaap() {
    }

    /** The rk chi2 and its degrees of freedom; chi2 is NaN when {@code V_lambda} is numerically singular. */
    record Rk(double chi2, double df) {
    }

    static Rk rk(CanonicalCorrelations cc, double[][] shat0, int n) {
        double[][] u = cc.u();
        double[][] v = cc.v();
        int l1 = u.length;
        int k1 = v.length;
        int k = k1 - 1;
        double[][] t = Dense.kron(Dense.transpose(cc.invRy()), Dense.transpose(cc.invRz()));
        double[][] kpvar = Dense.symmetrize(Dense.multiply(Dense.multiply(t, shat0), Dense.transpose(t)));

        double[][] u12 = block(u, 0, k, k, l1);
        double[][] u22 = block(u, k, l1, k, l1);
        double[][] v12 = block(v, 0, k, k, k1);
        double[][] v22 = block(v, k, k1, k, k1);
        double[][] u22h = Dense.symmetricSqrt(Dense.multiply(u22, Dense.transpose(u22)));
        double[][] v22h = Dense.symmetricSqrt(Dense.multiply(v22, Dense.transpose(v22)));
        double[][] uStack = stack(u12, u22);
        double[][] vStack = stack(v12, v22);
        double[][] u22inv = invert(u22);
        double[][] v22tInv = invert(Dense.transpose(v22));
        if (u22inv == null || v22tInv == null) return new Rk(Double.NaN, l1 - k);
        double[][] aq = Dense.multiply(Dense.multiply(uStack, u22inv), u22h);
        double[][] bq = Dense.multiply(Dense.multiply(v22h, v22tInv), Dense.transpose(vStack));

        double[] vecTheta = new double[l1 * k1];
        for (int j = 0; j < k1; j++) for (int i = 0; i < l1; i++) vecTheta[j * l1 + i] = cc.theta()[i][j];
        double[][] kba = Dense.kron(bq, Dense.transpose(aq));
        double[] lab = Dense.multiply(kba, vecTheta);
        double[][] vlab = Dense.symmetrize(Dense.multiply(Dense.multiply(kba, kpvar), Dense.transpose(kba)));
        double df = l1 - k;
        double q;
        if (lab.length == 1) {
            q = vlab[0][0] > 0 ? lab[0] * lab[0] / vlab[0][0] : Double.NaN;
        } else {
            q = Dense.reciprocalCondition(vlab) < Iv2sls.WALD_SINGULAR ? Double.NaN : Dense.quadraticInverse(vlab, lab);
        }
        return new Rk(n * q, df);
    }

    private static double[][] block(double[][] m, int r0, int r1, int c0, int c1) {
        double[][] b = new double[r1 - r0][c1 - c0];
        for (int i = r0; i < r1; i++) for (int j = c0; j < c1; j++) b[i - r0][j - c0] = m[i][j];
        return b;
    }

    private static double[][] stack(double[][] top, double[][] bottom) {
        double[][] s = new double[top.length + bottom.length][];
        for (int i = 0; i < top.length; i++) s[i] = top[i].clone();
        for (int i = 0; i < bottom.length; i++) s[top.length + i] = bottom[i].clone();
        return s;
    }

    /** General inverse by LU (u22 is square but not symmetric); null if singular. */
    private static double[][] invert(double[][] a) {
        int k = a.length;
        var lu = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.lu(k);
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(a);
        if (!lu.setA(m) || lu.quality() < 1e-14) return null;
        org.ejml.data.DMatrixRMaj inv = new org.ejml.data.DMatrixRMaj(k, k);
        lu.invert(inv);
        return Dense.toArray(inv);
    }
}
