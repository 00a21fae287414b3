package eres.core.io;

/**
 * Sample percentiles of sorted values under the two common definitions. With {@code n} values
 * {@code x(1) <= ... <= x(n)} and {@code 0 < p < 100}:
 *
 * <ul>
 *   <li>{@link #stata}: Stata's {@code _pctile}, {@code summarize, detail}, {@code egen pctile} and
 *       {@code winsor2} ([D] pctile, Methods and formulas; R's {@code quantile(type = 2)}): with
 *       {@code P = n p / 100}, {@code i = floor(P)}, the percentile is {@code x(i + 1)} when
 *       {@code P > i} and {@code (x(i) + x(i + 1)) / 2} when {@code P = i} (bounded by {@code x(1)}
 *       and {@code x(n)});</li>
 *   <li>{@link #r}: R's default {@code quantile(type = 7)}: with {@code h = (n - 1) p / 100 + 1}, the
 *       linear interpolation {@code x(floor h) + (h - floor h) (x(floor h + 1) - x(floor h))}.</li>
 * </ul>
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Stata's definition (R type 2); {@code sorted} ascending, no missing values, not empty. */
    public static double stata(double[] sorted, double p) {
        int n = sorted.length;
        double pos = n * p / 100.0;
        int i = (int) Math.floor(pos);
        if (i < 1) return sorted[0];
        if (i >= n) return sorted[n - 1];
        if (pos > i) return sorted[i];
        return (sorted[i - 1] + sorted[i]) / 2;
    }

    /** R's default definition (type 7); {@code sorted} ascending, no missing values, not empty. */
    public static double r(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) return sorted[n - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
