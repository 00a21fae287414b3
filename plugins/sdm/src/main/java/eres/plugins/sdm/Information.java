package eres.plugins.sdm;

import eres.api.linalg.Dense;
import eres.api.spatial.LogDeterminant;
import java.util.Arrays;

/**
 * Expected and observed information of the spatial panel models at {@code theta = (beta, rho, sigma2)},
 * with {@code G = W (I - rho W)^-1}, {@code m} observations and log-determinant weight {@code tau}
 * ({@link LikelihoodScale}).
 *
 * <p>Lag models, expected (Elhorst's {@code sar_panel_FE}; spatialreg's asymptotic covariance of the
 * model with unit and period dummies):
 * {@code [b,b] = Z'Z/s2}, {@code [b,rho] = sum_t Z_t' u_t / s2}, {@code [rho,rho] = sum_t u_t'u_t / s2 + tau (tr GG + tr G'G)},
 * {@code [rho,s2] = tau tr G / s2}, {@code [s2,s2] = m / (2 s2^2)}, where {@code u_t = G Z_t b} with its period
 * mean removed when the model has time effects (the time effects absorb it; issue 16, defect 3: without this
 * SE(rho) was 7 % below spatialreg's on Produc). Observed: {@code [rho,rho] = (Wy)~'(Wy)~/s2 + tau tr(GG)},
 * {@code [b,rho] = Z'(Wy)~/s2}, {@code [b,s2] = Z'e/s2^2}, {@code [rho,s2] = (Wy)~'e/s2^2},
 * {@code [s2,s2] = -m/(2 s2^2) + e'e/s2^3}.
 *
 * <p>Error model, expected: {@code [b,b] = X_f'X_f/s2} with {@code X_f = (X - lambda WX)~},
 * {@code [lambda,lambda] = tau (tr GG + tr G'G)}, {@code [lambda,s2] = tau tr G / s2}, {@code [b,lambda] = 0};
 * observed with {@code u = y~ - X~b}, {@code Wu = (Wy)~ - (WX)~ b}, {@code e = u - lambda Wu}.
 *
 * <p>For the transformation approach with time effects the traces are those of the transformed G
 * ({@link MultiplierTraces.Traces#transformed}) and the observed {@code [rho,rho]} loses {@code tau/(1 - rho)^2}.
 */
final class Information {
    private Information() {
    }

    static double[][] lagExpected(SpatialPanel d, double[][] z, double[] theta, MultiplierTraces mt, LikelihoodScale sc, boolean transformed) {
        int k = z[0].length;
        double rho = theta[k];
        double s2 = theta[k + 1];
        double[] beta = Arrays.copyOf(theta, k);
        double[][] info = slopeBlock(z, s2, k + 2);
        MultiplierTraces.Traces tr = mt.at(rho, transformed);
        double[] u = mt.applyPeriods(rho, Dense.multiply(z, beta), d.t, transformed);
        if (d.effects.hasTime()) u = d.demeanPeriods(u);
        double[] br = Dense.crossRows(z, u);
        for (int j = 0; j < k; j++) info[j][k] = info[k][j] = br[j] / s2;
        info[k][k] = Dense.dot(u, u) / s2 + sc.logDetWeight() * (tr.trGG() + tr.trGtG());
        info[k][k + 1] = info[k + 1][k] = sc.logDetWeight() * tr.tr() / s2;
        info[k + 1][k + 1] = sc.observations() / (2 * s2 * s2);
        return info;
    }

    static double[][] lagObserved(SpatialPanel d, double[][] z, double[] theta, LogDeterminant ld, LikelihoodScale sc) {
        int k = z[0].length;
        double rho = theta[k];
        double s2 = theta[k + 1];
        double[][] info = slopeBlock(z, s2, k + 2);
        double[] e = Models.residual(d.yd, d.wyd, rho, z, Arrays.copyOf(theta, k));
        double[] zw = Dense.crossRows(z, d.wyd);
        double[] ze = Dense.crossRows(z, e);
        for (int j = 0; j < k; j++) {
            info[j][k] = info[k][j] = zw[j] / s2;
            info[j][k + 1] = info[k + 1][j] = ze[j] / (s2 * s2);
        }
        info[k][k] = Dense.dot(d.wyd, d.wyd) / s2 + sc.logDetWeight() * ld.traceWGWG(rho) + sc.curvatureCorrection(rho);
        info[k][k + 1] = info[k + 1][k] = Dense.dot(d.wyd, e) / (s2 * s2);
        info[k + 1][k + 1] = -sc.observations() / (2 * s2 * s2) + Dense.dot(e, e) / (s2 * s2 * s2);
        return info;
    }

    /**
     * @param xf          the filtered demeaned design {@code (X - lambda WX)~} at theta's lambda
     * @param transformed the traces of the transformed G** (transformation approach with time effects)
     */
    static double[][] errorExpected(double[][] xf, double[] theta, MultiplierTraces mt, LikelihoodScale sc, boolean transformed) {
        int k = xf[0].length;
        double lambda = theta[k];
        double s2 = theta[k + 1];
        double[][] info = slopeBlock(xf, s2, k + 2);
        MultiplierTraces.Traces tr = mt.at(lambda, transformed);
        info[k][k] = sc.logDetWeight() * (tr.trGG() + tr.trGtG());
        info[k][k + 1] = info[k + 1][k] = sc.logDetWeight() * tr.tr() / s2;
        info[k + 1][k + 1] = sc.observations() / (2 * s2 * s2);
        return info;
    }

    static double[][] errorObserved(SpatialPanel d, double[][] x, double[][] wx, double[] wy, double[] theta, LogDeterminant ld,
                                    LikelihoodScale sc) {
        int k = x[0].length;
        double lambda = theta[k];
        double s2 = theta[k + 1];
        double[] beta = Arrays.copyOf(theta, k);
        double[][] xs = Models.filtered(x, wx, lambda);
        double[][] info = slopeBlock(xs, s2, k + 2);
        int nt = x.length;
        double[] xb = Dense.multiply(x, beta);
        double[] wxb = Dense.multiply(wx, beta);
        double[] wu = new double[nt];
        double[] e = new double[nt];
        for (int r = 0; r < nt; r++) {
            double u = d.yd[r] - xb[r];
            wu[r] = wy[r] - wxb[r];
            e[r] = u - lambda * wu[r];
        }
        double[] a1 = Dense.crossRows(wx, e);
        double[] a2 = Dense.crossRows(xs, wu);
        double[] a3 = Dense.crossRows(xs, e);
        for (int j = 0; j < k; j++) {
            info[j][k] = info[k][j] = (a1[j] + a2[j]) / s2;
            info[j][k + 1] = info[k + 1][j] = a3[j] / (s2 * s2);
        }
        info[k][k] = Dense.dot(wu, wu) / s2 + sc.logDetWeight() * ld.traceWGWG(lambda) + sc.curvatureCorrection(lambda);
        info[k][k + 1] = info[k + 1][k] = Dense.dot(wu, e) / (s2 * s2);
        info[k + 1][k + 1] = -sc.observations() / (2 * s2 * s2) + Dense.dot(e, e) / (s2 * s2 * s2);
        return info;
    }

    /** A p x p matrix with {@code Z'Z / s2} in its leading block. */
    private static double[][] slopeBlock(double[][] z, double s2, int p) {
        int k = z[0].length;
        double[][] info = new double[p][p];
        double[][] zz = Dense.crossRows(z);
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) info[a][b] = zz[a][b] / s2;
        return info;
    }
}
