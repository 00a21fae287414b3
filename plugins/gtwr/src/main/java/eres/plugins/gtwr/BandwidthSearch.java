package eres.plugins.gtwr;

import eres.api.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional minimisation of a bandwidth criterion (AICc or CV). Adaptive bandwidths are
 * neighbour counts, so candidates are integers; every distinct candidate is evaluated once (cached)
 * and logged in evaluation order. The returned optimum is the best candidate evaluated (ties: the
 * smaller bandwidth). A criterion of {@code +Inf} (singular local designs, {@code n - 2 - tr S <= 0})
 * is treated as "bandwidth too small".
 */
final class BandwidthSearch {
    static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    static final double PHI = 1 / GOLDEN;

    /** Search rules. */
    public enum Method {
        /** Golden section (integer-valued when adaptive, then the last bracket searched exhaustively). */
        GOLDEN,
        /** An exact replica of GWmodel's {@code gold()} (to reproduce its selected bandwidth). */
        GWMODEL,
        /** Every candidate on a grid (all integers when adaptive). */
        INTERVAL,
        /** Geometric growth from the lower bound until the criterion rises, then golden section in the bracket. */
        EXPANDING,
        /** GOLDEN for small problems, EXPANDING for large ones. */
        AUTO;

        /** Parsed once when the chain is bound; aliases {@code golden-section}, {@code gold}, {@code grid}, {@code exhaustive}. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Method parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "golden", "golden-section" -> GOLDEN;
                case "gwmodel", "gold" -> GWMODEL;
                case "interval", "grid", "exhaustive" -> INTERVAL;
                case "expanding" -> EXPANDING;
                case "auto" -> AUTO;
                default -> throw new SpecException("search", "must be auto, golden, gwmodel, interval or expanding, got '" + s + "'");
            };
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String toString() {
            return label();
        }
    }

    /** One criterion evaluation. */
    record Evaluation(double bandwidth, double score) {
    }

    private final DoubleUnaryOperator objective;
    private final boolean adaptive;
    private final List<Evaluation> log = new ArrayList<>();
    private final Map<Double, Double> cache = new HashMap<>();

    BandwidthSearch(DoubleUnaryOperator objective, boolean adaptive) {
        this.objective = objective;
        this.adaptive = adaptive;
    }

    List<Evaluation> evaluations() {
        return List.copyOf(log);
    }

    double evaluate(double bw) {
        double key = adaptive ? Math.rint(bw) : bw;
        Double v = cache.get(key);
        if (v != null) return v;
        double s = objective.applyAsDouble(key);
        if (Double.isNaN(s)) s = Double.POSITIVE_INFINITY;
        cache.put(key, s);
        log.add(new Evaluation(key, s));
        return s;
    }

    /** The best evaluation so far (smallest score, ties: smallest bandwidth). */
    Evaluation best() {
        Evaluation b = null;
        for (Evaluation e : log) {
            if (b == null || e.score() < b.score() || (e.score() == b.score() && e.bandwidth() < b.bandwidth())) b = e;
        }
        return b;
    }

    /**
     * Minimises over {@code [lo, hi]}.
     *
     * @param step grid step for {@link Method#INTERVAL} (neighbours or distance); NaN = 1 neighbour
     *             (adaptive) or (hi - lo) / 100 (fixed)
     */
    Evaluation minimise(Method method, double lo, double hi, double step) {
        return minimise(method, lo, hi, step, Double.NaN);
    }

    /** As {@link #minimise(Method, double, double, double)}; {@link Method#EXPANDING} starts at {@code start} if given. */
    Evaluation minimise(Method method, double lo, double hi, double step, double start) {
        switch (method) {
            case GOLDEN -> golden(lo, hi);
            case GWMODEL -> {
                gwmodel(lo, hi);
                return new Evaluation(gwmodelOptimum, cache.get(gwmodelOptimum));
            }
            case INTERVAL -> interval(lo, hi, step);
            case EXPANDING -> expanding(lo, hi, start);
            default -> throw new IllegalArgumentException("resolve AUTO first");
        }
        return best();
    }

    private void golden(double lo, double hi) {
        if (adaptive) {
            long a = Math.round(Math.ceil(lo));
            long b = Math.round(Math.floor(hi));
            while (b - a > 3) {
                long off = Math.round((b - a) * (1 - GOLDEN));
                long x1 = a + off;
                long x2 = b - off;
                if (x1 >= x2) x2 = x1 + 1;
                double f1 = evaluate(x1);
                double f2 = evaluate(x2);
                if (f1 == Double.POSITIVE_INFINITY && f2 == Double.POSITIVE_INFINITY) {
                    a = x1;
                } else if (f1 <= f2) {
                    b = x2;
                } else {
                    a = x1;
                }
            }
            for (long k = a; k <= b; k++) evaluate(k);
            return;
        }
        double a = lo;
        double b = hi;
        double x1 = b - GOLDEN * (b - a);
        double x2 = a + GOLDEN * (b - a);
        double f1 = evaluate(x1);
        double f2 = evaluate(x2);
        int guard = 0;
        while (b - a > 1e-5 * 0.5 * (Math.abs(a) + Math.abs(b)) && guard++ < 200) {
            boolean right = (f1 == Double.POSITIVE_INFINITY && f2 == Double.POSITIVE_INFINITY) || f1 > f2;
            if (right) {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + GOLDEN * (b - a);
                f2 = evaluate(x2);
            } else {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - GOLDEN * (b - a);
                f1 = evaluate(x1);
            }
        }
    }

    /** GWmodel 2.x {@code gold()}: note x1 is the upper interior point and the stopping rule uses the score difference. */
    private void gwmodel(double xL, double xU) {
        double eps = 1e-4;
        double d = GOLDEN * (xU - xL);
        double x1 = adaptive ? Math.floor(xL + d) : xL + d;
        double x2 = adaptive ? Math.rint(xU - d) : xU - d;
        double f1 = evaluateExact(x1);
        double f2 = evaluateExact(x2);
        double d1 = f2 - f1;
        int guard = 0;
        while (Math.abs(d) > eps && Math.abs(d1) > eps && guard++ < 1000) {
            d = GOLDEN * d;
            if (f1 < f2) {
                xL = x2;
                x2 = x1;
                x1 = adaptive ? Math.rint(xL + d) : xL + d;
                f2 = f1;
                f1 = evaluateExact(x1);
            } else {
                xU = x1;
                x1 = x2;
                x2 = adaptive ? Math.floor(xU - d) : xU - d;
                f1 = f2;
                f2 = evaluateExact(x2);
            }
            d1 = f2 - f1;
        }
        gwmodelOptimum = f1 < f2 ? x1 : x2;
    }

    /** GWmodel's answer is its last interior point, not the best point it visited. */
    private double gwmodelOptimum = Double.NaN;

    /** Evaluates without the infinite-to-NaN conversion mattering (GWmodel compares raw scores). */
    private double evaluateExact(double bw) {
        return evaluate(bw);
    }

    private void interval(double lo, double hi, double step) {
        if (adaptive) {
            long s = Double.isNaN(step) ? 1 : Math.max(1, Math.round(step));
            for (long k = Math.round(Math.ceil(lo)); k <= hi; k += s) evaluate(k);
            return;
        }
        double s = Double.isNaN(step) ? (hi - lo) / 100 : step;
        if (!(s > 0)) throw new SpecException("interval-step", "must be > 0");
        long count = (long) Math.floor((hi - lo) / s + 1e-9);
        if (count > 100_000) throw new SpecException("interval-step", "gives " + count + " candidates (limit 100000)");
        for (long k = 0; k <= count; k++) evaluate(lo + k * s);
    }

    private double up(double bw, double hi) {
        return Math.min(hi, adaptive ? Math.max(bw + 1, Math.rint(bw * PHI)) : bw * PHI);
    }

    private double down(double bw, double lo) {
        return Math.max(lo, adaptive ? Math.min(bw - 1, Math.rint(bw / PHI)) : bw / PHI);
    }

    /**
     * Geometric steps by the golden ratio from {@code start} (or from {@code lo} when NaN) in the
     * direction the criterion falls, until it rises; then golden section in the last bracket.
     */
    private void expanding(double lo, double hi, double start) {
        double b = Double.isNaN(start) ? lo : Math.max(lo, Math.min(hi, adaptive ? Math.rint(start) : start));
        double fb = evaluate(b);
        if (b > lo && b < hi && Double.isFinite(fb)) {
            double u = up(b, hi);
            double fu = evaluate(u);
            if (fu > fb) {
                // the minimum lies below u: walk down while the criterion falls
                double upper = u;
                double cur = b;
                double fc = fb;
                while (true) {
                    double d = down(cur, lo);
                    if (d >= cur) {
                        golden(lo, upper);
                        return;
                    }
                    double fd = evaluate(d);
                    if (!(fd < fc)) {
                        golden(d, upper);
                        return;
                    }
                    upper = cur;
                    cur = d;
                    fc = fd;
                }
            }
        }
        List<Double> path = new ArrayList<>();
        path.add(b);
        double prev = fb;
        double bw = b;
        while (bw < hi) {
            bw = up(bw, hi);
            double f = evaluate(bw);
            path.add(bw);
            if (Double.isFinite(prev) && f > prev) break;
            prev = f;
        }
        int m = path.size();
        double a = m >= 3 ? path.get(m - 3) : path.get(0);
        double c = path.get(m - 1);
        if (c > a) golden(a, c);
    }

}
