package eres.app.study;

import java.util.ArrayList;
import java.util.List;

/**
 * Least squares with explicit dummy variables (LSDV), written independently of the plugins' within
 * transformations: the recovery test computes the value each linear estimator is consistent for by
 * applying the same model to the noise-free causal signal, and this must not share code with the
 * estimators it checks. Normal equations solved by Cholesky; the designs here are small and well
 * conditioned (465 rows, at most about 55 columns).
 */
final class Lsdv {
    private Lsdv() {
    }

    /** Effects in the dummy design. */
    enum Effects { ENTITY, TWOWAYS }

    /**
     * Coefficients of the regressors {@code x[j][i][t]} in {@code y[i][t]} with entity (and year)
     * dummies, over the entities marked in {@code keep}.
     */
    static double[] fit(double[][] y, List<double[][]> x, boolean[] keep, Effects effects) {
        Design d = design(y, x, keep, effects);
        double[] b = solve(d.x, d.y);
        double[] out = new double[x.size()];
        System.arraycopy(b, 0, out, 0, x.size());
        return out;
    }

    /**
     * Two-stage least squares, two-way dummies: the coefficient vector of {@code [endogenous, controls]}
     * with {@code instrument} as the excluded instrument.
     */
    static double[] twoStage(double[][] y, double[][] endogenous, double[][] instrument, List<double[][]> controls, boolean[] keep) {
        List<double[][]> zs = new ArrayList<>();
        zs.add(instrument);
        zs.addAll(controls);
        Design first = design(endogenous, zs, keep, Effects.TWOWAYS);
        double[] pi = solve(first.x, first.y);
        double[] fitted = multiply(first.x, pi);
        List<double[][]> xs = new ArrayList<>();
        xs.add(endogenous);
        xs.addAll(controls);
        Design second = design(y, xs, keep, Effects.TWOWAYS);
        for (int r = 0; r < fitted.length; r++) second.x[r][0] = fitted[r];
        double[] b = solve(second.x, second.y);
        double[] out = new double[xs.size()];
        System.arraycopy(b, 0, out, 0, xs.size());
        return out;
    }

    private record Design(double[][] x, double[] y) {
    }

    private static Design design(double[][] y, List<double[][]> x, boolean[] keep, Effects effects) {
        int n = y.length;
        int t = y[0].length;
        List<Integer> entities = new ArrayList<>();
        for (int i = 0; i < n; i++) if (keep[i]) entities.add(i);
        int k = x.size();
        int cols = k + entities.size() + (effects == Effects.TWOWAYS ? t - 1 : 0);
        int rows = entities.size() * t;
        double[][] xm = new double[rows][cols];
        double[] ym = new double[rows];
        int r = 0;
        for (int e = 0; e < entities.size(); e++) {
            int i = entities.get(e);
            for (int s = 0; s < t; s++, r++) {
                ym[r] = y[i][s];
                for (int j = 0; j < k; j++) xm[r][j] = x.get(j)[i][s];
                xm[r][k + e] = 1;
                if (effects == Effects.TWOWAYS && s > 0) xm[r][k + entities.size() + s - 1] = 1;
            }
        }
        return new Design(xm, ym);
    }

    private static double[] multiply(double[][] x, double[] b) {
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double s = 0;
            for (int j = 0; j < b.length; j++) s += x[r][j] * b[j];
            out[r] = s;
        }
        return out;
    }

    /** Normal equations by Cholesky. */
    static double[] solve(double[][] x, double[] y) {
        int p = x[0].length;
        double[][] a = new double[p][p];
        double[] c = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                if (row[j] == 0) continue;
                for (int l = 0; l <= j; l++) a[j][l] += row[j] * row[l];
            }
        }
        for (int r = 0; r < x.length; r++) for (int j = 0; j < p; j++) c[j] += x[r][j] * y[r];
        double[][] lo = new double[p][p];
        for (int j = 0; j < p; j++) {
            double s = a[j][j];
            for (int l = 0; l < j; l++) s -= lo[j][l] * lo[j][l];
            if (!(s > 1e-12 * Math.max(1, a[j][j]))) throw new IllegalStateException("singular LSDV design at column " + j);
            lo[j][j] = Math.sqrt(s);
            for (int m = j + 1; m < p; m++) {
                double v = a[m][j];
                for (int l = 0; l < j; l++) v -= lo[m][l] * lo[j][l];
                lo[m][j] = v / lo[j][j];
            }
        }
        double[] z = new double[p];
        for (int j = 0; j < p; j++) {
            double s = c[j];
            for (int l = 0; l < j; l++) s -= lo[j][l] * z[l];
            z[j] = s / lo[j][j];
        }
        double[] b = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double s = z[j];
            for (int l = j + 1; l < p; l++) s -= lo[l][j] * b[l];
            b[j] = s / lo[j][j];
        }
        return b;
    }
}
