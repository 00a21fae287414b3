package eres.plugins.sdm;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's (1973) bounded one-dimensional minimiser: golden-section steps with parabolic interpolation,
 * the algorithm behind Matlab's {@code fminbnd} and R's {@code optimize}. Written from the published
 * algorithm (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 5).
 */
final class Brent {
    private static final double GOLDEN = 0.5 * (3 - Math.sqrt(5));

    private Brent() {
    }

    /** Result of a minimisation: argument, value, iterations. */
    record Min(double x, double value, int iterations) {
    }

    /** Minimises {@code f} on [a, b] to absolute tolerance {@code tol} in x. */
    static Min minimize(DoubleUnaryOperator f, double a, double b, double tol, int maxIter) {
        double x = a + GOLDEN * (b - a);
        double w = x;
        double v = x;
        double fx = f.applyAsDouble(x);
        double fw = fx;
        double fv = fx;
        double d = 0;
        double e = 0;
        int it = 0;
        for (; it < maxIter; it++) {
            double m = 0.5 * (a + b);
            double tol1 = 1e-12 * Math.abs(x) + tol / 3;
            double tol2 = 2 * tol1;
            if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p;
                else q = -q;
                double eOld = e;
                e = d;
                if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
                    d = p / q;
                    double u = x + d;
                    if (u - a < tol2 || b - u < tol2) d = x < m ? tol1 : -tol1;
                    golden = false;
                }
            }
            if (golden) {
                e = (x < m ? b : a) - x;
                d = GOLDEN * e;
            }
            double u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
            double fu = f.applyAsDouble(u);
            if (fu <= fx) {
                if (u < x) b = x;
                else a = x;
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) a = u;
                else b = u;
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return new Min(x, fx, it);
    }
}
