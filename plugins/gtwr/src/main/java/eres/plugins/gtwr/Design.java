package eres.plugins.gtwr;

import java.util.List;

/**
 * The regression data in the layout the local fits read: {@code x} row-major n x p with the
 * intercept first, every column divided by its root mean square (an exact reparametrisation that
 * keeps the local normal equations well scaled; estimates are scaled back on output).
 */
final class Design {
    final int n;
    final int p;
    final double[] x;
    final double[] y;
    final double[] scale;
    final List<String> terms;

    /**
     * @param columns regressors without the intercept, each of length n
     * @param terms   names: "intercept" first, then the regressors
     */
    Design(double[] y, double[][] columns, List<String> terms) {
        this.n = y.length;
        this.p = columns.length + 1;
        this.y = y.clone();
        this.terms = List.copyOf(terms);
        this.scale = new double[p];
        this.x = new double[n * p];
        scale[0] = 1;
        for (int i = 0; i < n; i++) x[i * p] = 1;
        for (int k = 1; k < p; k++) {
            double[] c = columns[k - 1];
            double ss = 0;
            for (double v : c) ss += v * v;
            double s = Math.sqrt(ss / n);
            if (!(s > 0)) s = 1;
            scale[k] = s;
            for (int i = 0; i < n; i++) x[i * p + k] = c[i] / s;
        }
    }

    private Design(int n, int p, double[] x, double[] y, double[] scale, List<String> terms) {
        this.n = n;
        this.p = p;
        this.x = x;
        this.y = y;
        this.scale = scale;
        this.terms = terms;
    }

    /** The rows reordered: new row r is old row {@code order[r]}. */
    Design permuted(int[] order) {
        double[] nx = new double[n * p];
        double[] ny = new double[n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, order[r] * p, nx, r * p, p);
            ny[r] = y[order[r]];
        }
        return new Design(n, p, nx, ny, scale, terms);
    }

    /** Regressor column k (0 = intercept) on the original scale. */
    double original(int i, int k) {
        return x[i * p + k] * scale[k];
    }
}
