package eres.api.linalg;

/**
 * Compensated (double-double) accumulation of sums of products, Ogita, Rump &amp; Oishi (2005),
 * "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6): the result is as accurate as if
 * computed in twice the working precision, then rounded.
 */
public final class Compensated {
    private double hi;
    private double lo;

    public Compensated(double start) {
        this.hi = start;
    }

    /** Adds {@code a * b} exactly (up to the final rounding of the accumulated sum). */
    public void addProduct(double a, double b) {
        double p = a * b;
        double pe = Math.fma(a, b, -p);
        double s = hi + p;
        double bb = s - hi;
        lo += (hi - (s - bb)) + (p - bb) + pe;
        hi = s;
    }

    public void add(double a) {
        double s = hi + a;
        double bb = s - hi;
        lo += (hi - (s - bb)) + (a - bb);
        hi = s;
    }

    public double value() {
        return hi + lo;
    }

    /** Accurate dot product {@code sum x_i y_i}. */
    public static double dot(double[] x, double[] y) {
        Compensated c = new Compensated(0);
        for (int i = 0; i < x.length; i++) c.addProduct(x[i], y[i]);
        return c.value();
    }

    /** Accurate sum. */
    public static double sum(double[] x) {
        Compensated c = new Compensated(0);
        for (double v : x) c.add(v);
        return c.value();
    }

    /** {@code (y + yLo) - (xRow + xLoRow) . b}, accumulated in double-double. */
    static double residual(double y, double yLo, double[] xRow, double[] xLoRow, double[] b) {
        Compensated c = new Compensated(y);
        c.add(yLo);
        for (int j = 0; j < b.length; j++) {
            c.addProduct(-xRow[j], b[j]);
            if (xLoRow != null) c.addProduct(-xLoRow[j], b[j]);
        }
        return c.value();
    }
}
