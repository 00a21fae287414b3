package eres.api.stats;

import eres.api.linalg.Compensated;

/**
 * Stata {@code summarize} conventions: Obs = non-missing count, standard deviation with the n - 1
 * denominator, min and max over non-missing values. Sums are compensated.
 *
 * @param obs non-missing observations
 */
public record Descriptives(long obs, double mean, double sd, double min, double max) {

    /** Summary of the non-NaN values of {@code x}. */
    public static Descriptives of(double[] x) {
        long n = 0;
        Compensated sum = new Compensated(0);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isNaN(v)) continue;
            n++;
            sum.add(v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (n == 0) return new Descriptives(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double mean = sum.value() / n;
        Compensated ss = new Compensated(0);
        for (double v : x) if (!Double.isNaN(v)) ss.addProduct(v - mean, v - mean);
        double sd = n > 1 ? Math.sqrt(ss.value() / (n - 1)) : Double.NaN;
        return new Descriptives(n, mean, sd, min, max);
    }

    /** Mean of all values (no NaN handling). */
    public static double mean(double[] x) {
        return Compensated.sum(x) / x.length;
    }

    /** Sample variance (n - 1). */
    public static double variance(double[] x) {
        double m = mean(x);
        Compensated ss = new Compensated(0);
        for (double v : x) ss.addProduct(v - m, v - m);
        return ss.value() / (x.length - 1);
    }

    /** Pearson correlation. */
    public static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        Compensated sxy = new Compensated(0);
        Compensated sxx = new Compensated(0);
        Compensated syy = new Compensated(0);
        for (int i = 0; i < x.length; i++) {
            sxy.addProduct(x[i] - mx, y[i] - my);
            sxx.addProduct(x[i] - mx, x[i] - mx);
            syy.addProduct(y[i] - my, y[i] - my);
        }
        return sxy.value() / Math.sqrt(sxx.value() * syy.value());
    }
}
