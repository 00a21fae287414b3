package eres.api.panel;

/**
 * Sandwich covariance pieces shared by the linear estimators. All take the "bread"
 * {@code A = (X'X)^{-1}} (or its 2SLS analogue) and return {@code A M A} for a meat {@code M}.
 */
public final class Covariance {
    private Covariance() {
    }

    /** {@code s2 * A}. */
    public static double[][] conventional(double[][] a, double s2) {
        int k = a.length;
        double[][] v = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) v[i][j] = s2 * a[i][j];
        return v;
    }

    /** Heteroskedasticity meat {@code sum_i e_i^2 x_i x_i'}; {@code x[j][i]} is regressor j at row i. */
    public static double[][] heteroskedasticMeat(double[][] x, double[] e) {
        int k = x.length;
        double[][] m = new double[k][k];
        for (int i = 0; i < e.length; i++) {
            double e2 = e[i] * e[i];
            for (int a = 0; a < k; a++) {
                double xa = x[a][i] * e2;
                for (int b = 0; b <= a; b++) m[a][b] += xa * x[b][i];
            }
        }
        mirrorLower(m);
        return m;
    }

    /**
     * Cluster meat {@code sum_g s_g s_g'} with score sums {@code s_g = sum_{i in g} x_i e_i}, one pass
     * O(n k) plus O(G k^2). {@code cluster[i]} in {@code [0, clusters)}.
     */
    public static double[][] clusterMeat(double[][] x, double[] e, int[] cluster, int clusters) {
        int k = x.length;
        double[][] s = new double[clusters][k];
        for (int i = 0; i < e.length; i++) {
            double[] sg = s[cluster[i]];
            for (int a = 0; a < k; a++) sg[a] += x[a][i] * e[i];
        }
        double[][] m = new double[k][k];
        for (double[] sg : s) {
            for (int a = 0; a < k; a++) for (int b = 0; b <= a; b++) m[a][b] += sg[a] * sg[b];
        }
        mirrorLower(m);
        return m;
    }

    /** {@code c * A M A}. */
    public static double[][] sandwich(double[][] a, double[][] meat, double c) {
        int k = a.length;
        double[][] am = multiply(a, meat);
        double[][] v = multiply(am, a);
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) v[i][j] *= c;
        symmetrize(v);
        return v;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
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

    private static void mirrorLower(double[][] m) {
        for (int a = 0; a < m.length; a++) for (int b = 0; b < a; b++) m[b][a] = m[a][b];
    }

    private static void symmetrize(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < a; b++) {
                double v = 0.5 * (m[a][b] + m[b][a]);
                m[a][b] = v;
                m[b][a] = v;
            }
        }
    }
}
