package eres.api.table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a publication table prints numbers: {@code decimals} digits for coefficients and their standard
 * errors, {@code statisticDecimals} for R^2, F and test statistics, counts with an optional thousands
 * separator, and p-values with {@code pDecimals} digits and {@code <pMin} below {@code pMin} (never
 * {@code 0.0000}).
 *
 * <p>Estimates and standard errors never switch to scientific notation: a value so small that the
 * decimals would keep at most one significant digit (a first-stage coefficient of 0.0000826 at four
 * decimals) gets as many further decimals as it needs for {@code significant} significant digits, at most
 * 10, so the reader sees {@code 0.0000826}, not {@code 0.0001} or {@code 8.258e-05}. Rounding is half-even on the exact
 * binary value; negative zero prints as {@code 0}; NaN prints as an empty cell. Locale-independent.
 *
 * @param decimals          decimals of estimates, standard errors and intervals (0-10)
 * @param statisticDecimals decimals of model statistics and test statistics (0-10)
 * @param thousands         separator inserted every three digits of counts and of the integer part of
 *                          large numbers ({@code ""} for none)
 * @param pMin              p-values below it print as {@code <pMin}
 * @param pDecimals         decimals of p-values (at least as many as {@code pMin} needs)
 * @param significant       significant digits kept for values smaller than the last printed decimal
 */
public record NumberFormat(int decimals, int statisticDecimals, String thousands, double pMin, int pDecimals, int significant) {
    /** esttab-like defaults: 4 decimals, 3 for statistics, no separator, {@code <0.001}. */
    public static final NumberFormat DEFAULT = new NumberFormat(4, 3, "", 0.001, 3, 3);

    public NumberFormat {
        if (decimals < 0 || decimals > 10) throw new IllegalArgumentException("decimals must be 0..10, got " + decimals);
        if (statisticDecimals < 0 || statisticDecimals > 10) {
            throw new IllegalArgumentException("statistic decimals must be 0..10, got " + statisticDecimals);
        }
        if (!(pMin > 0 && pMin < 1)) throw new IllegalArgumentException("p-min must be in (0, 1), got " + pMin);
        if (thousands == null) thousands = "";
        int needed = (int) Math.ceil(-Math.log10(pMin) - 1e-9);
        if (pDecimals < needed) pDecimals = needed;
        if (significant < 1 || significant > 6) throw new IllegalArgumentException("significant digits must be 1..6, got " + significant);
    }

    /**
     * A coefficient, standard error or interval bound: {@code decimals} decimals; a magnitude below
     * {@code 10^-(decimals-1)}, which would keep at most one significant digit, gets the decimals it needs
     * for {@code significant} significant digits (at most 10), trailing zeros beyond {@code decimals} dropped.
     */
    public String estimate(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        double a = Math.abs(v);
        if (a > 0 && a < Math.pow(10, -(decimals - 1)) && decimals > 0) {
            int e = (int) Math.floor(Math.log10(a));
            int d = Math.min(10, Math.max(decimals, significant - 1 - e));
            String s = fixed(v, d);
            int keep = s.indexOf('.') + 1 + decimals;
            int end = s.length();
            while (end > keep && s.charAt(end - 1) == '0') end--;
            return group(s.substring(0, end));
        }
        return group(fixed(v, decimals));
    }

    /** A model or test statistic (R^2, F, chi2). */
    public String statistic(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        return group(fixed(v, statisticDecimals));
    }

    /** A count: integral, with the thousands separator. */
    public String count(long n) {
        return group(Long.toString(n));
    }

    /** A p-value: {@code pDecimals} decimals, {@code <pMin} below {@code pMin}. */
    public String pValue(double p) {
        if (Double.isNaN(p)) return "";
        if (p < pMin) return "<" + plain(pMin);
        return fixed(p, pDecimals);
    }

    /** {@code value} with exactly {@code decimals} decimals (half-even on the exact binary value), no grouping. */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) return "";
        if (Double.isInfinite(value)) return value > 0 ? "Inf" : "-Inf";
        String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-") && s.matches("-0(\\.0*)?")) s = s.substring(1);
        return s;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Inserts the separator into the integer part of a plain decimal string. */
    String group(String s) {
        if (thousands.isEmpty()) return s;
        int start = s.startsWith("-") ? 1 : 0;
        int dot = s.indexOf('.');
        int end = dot < 0 ? s.length() : dot;
        if (end - start <= 3) return s;
        StringBuilder b = new StringBuilder(s.substring(0, start));
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) b.append(thousands);
            b.append(s.charAt(i));
        }
        return b.append(s.substring(end)).toString();
    }
}
