package eres.api.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting for tables: fixed decimals, significance stars ({@code *** p<0.01, ** p<0.05,
 * * p<0.1}), parentheses. Locale-independent; NaN prints as an empty cell; negative zero prints as 0.
 * The rules are those of {@link NumberFormat#DEFAULT} (no scientific notation for small standard
 * errors, p-values as {@code <0.001}); publication tables across steps use {@link EstimatesTable}.
 */
public final class Formats {
    private Formats() {
    }

    /** Stars for a p-value: *** &lt; 0.01, ** &lt; 0.05, * &lt; 0.1. */
    public static String stars(double p) {
        if (Double.isNaN(p)) return "";
        if (p < 0.01) return "***";
        if (p < 0.05) return "**";
        if (p < 0.1) return "*";
        return "";
    }

    /** {@code value} with {@code decimals} digits after the point (half-even rounding of the exact binary value). */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) return "";
        if (Double.isInfinite(value)) return value > 0 ? "Inf" : "-Inf";
        String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-") && s.matches("-0(\\.0*)?")) s = s.substring(1);
        return s;
    }

    /**
     * Fixed decimals; a magnitude below the last decimal gets the further decimals it needs for three
     * significant digits ({@code 0.0000826}, never {@code 8.258e-05}); scientific notation only from 1e15.
     */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value)) return "";
        if (Math.abs(value) >= 1e15) return String.format(Locale.ROOT, "%." + Math.max(1, decimals - 1) + "e", value);
        return new NumberFormat(Math.min(10, decimals), 3, "", 0.001, 3, 3).estimate(value);
    }

    /** Estimate with stars, e.g. {@code 0.1234***}. */
    public static String estimate(double value, double pValue, int decimals) {
        return number(value, decimals) + stars(pValue);
    }

    /** {@code (value)} or empty. */
    public static String parenthesised(double value, int decimals) {
        return Double.isNaN(value) ? "" : "(" + number(value, decimals) + ")";
    }

    /** {@code [value]} or empty (for intervals and p-values beside a statistic; standard errors go in parentheses). */
    public static String bracketed(double value, int decimals) {
        return Double.isNaN(value) ? "" : "[" + number(value, decimals) + "]";
    }

    /** A p-value: 3 decimals, {@code <0.001} below that (never {@code 0.0000}). */
    public static String pValue(double p) {
        return NumberFormat.DEFAULT.pValue(p);
    }

    /** An integer count with no grouping. */
    public static String count(long n) {
        return Long.toString(n);
    }
}
