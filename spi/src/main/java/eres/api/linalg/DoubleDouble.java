package eres.api.linalg;

/**
 * Double-double arithmetic (about 32 significant digits) on (hi, lo) pairs, using the error-free
 * transformations TwoSum (Knuth) and TwoProduct via {@link Math#fma} (Dekker; Hida, Li &amp; Bailey 2001,
 * "Algorithms for quad-double precision floating point arithmetic"). Used only where double
 * precision provably cannot deliver the accuracy asked for (ill-conditioned least squares).
 */
record DoubleDouble(double hi, double lo) {
    static final DoubleDouble ZERO = new DoubleDouble(0, 0);

    static DoubleDouble of(double a) {
        return new DoubleDouble(a, 0);
    }

    double value() {
        return hi + lo;
    }

    DoubleDouble add(DoubleDouble b) {
        double s = hi + b.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (b.hi - bb);
        e += lo + b.lo;
        return renormalize(s, e);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble sub(DoubleDouble b) {
        return add(b.negate());
    }

    DoubleDouble mul(DoubleDouble b) {
        double p = hi * b.hi;
        double e = Math.fma(hi, b.hi, -p);
        e += hi * b.lo + lo * b.hi;
        return renormalize(p, e);
    }

    DoubleDouble mul(double b) {
        double p = hi * b;
        double e = Math.fma(hi, b, -p);
        e += lo * b;
        return renormalize(p, e);
    }

    DoubleDouble div(DoubleDouble b) {
        double q1 = hi / b.hi;
        DoubleDouble r = sub(b.mul(q1));
        double q2 = r.hi / b.hi;
        r = r.sub(b.mul(q2));
        double q3 = r.hi / b.hi;
        return renormalize(q1, q2).add(of(q3));
    }

    DoubleDouble sqrt() {
        if (hi <= 0) return ZERO;
        double x = Math.sqrt(hi);
        // one Newton step: x + (a - x^2) / (2x)
        DoubleDouble xx = of(x).mul(of(x));
        double corr = sub(xx).hi / (2 * x);
        return renormalize(x, corr);
    }

    int signum() {
        return hi > 0 ? 1 : hi < 0 ? -1 : (int) Math.signum(lo);
    }

    private static DoubleDouble renormalize(double s, double e) {
        double h = s + e;
        return new DoubleDouble(h, e - (h - s));
    }
}
