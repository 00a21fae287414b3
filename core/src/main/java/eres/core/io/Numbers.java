package eres.core.io;

import java.nio.charset.StandardCharsets;

/**
 * Cell classification and number parsing straight from bytes, without a string or a regular
 * expression per cell. A number is {@code [+-]?(d+[.d*]|.d+)([eE][+-]?d+)?} with the decimal mark
 * {@code .} (or {@code ,} when configured); Java literal forms such as {@code 2001d}, {@code 0x7D2p0}
 * or {@code 1_000} are not numbers. Missing cells are empty, {@code NA}, {@code .}, {@code N/A} or
 * {@code #N/A}.
 *
 * <p>Values with at most 15 significant digits and a decimal exponent within ±22 are converted with
 * one exact multiplication or division by a power of ten, which is correctly rounded (Clinger 1990,
 * "How to read floating point numbers accurately", PLDI); any other value goes to
 * {@link Double#parseDouble}. Both give the double nearest to the decimal value.
 */
final class Numbers {
    /** Kinds of a cell. */
    static final int NUMBER = 0;
    static final int MISSING = 1;
    static final int NON_FINITE = 2;
    static final int TEXT = 3;

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
            1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final byte decimal;
    /** The value of the last cell classified as {@link #NUMBER}. */
    double value;

    Numbers(char decimal) {
        this.decimal = (byte) decimal;
    }

    /** First non-blank byte of {@code b[s..e)}. */
    static int trimStart(byte[] b, int s, int e) {
        while (s < e && blank(b[s])) s++;
        return s;
    }

    static int trimEnd(byte[] b, int s, int e) {
        while (e > s && blank(b[e - 1])) e--;
        return e;
    }

    /** ASCII whitespace as {@link Character#isWhitespace} sees it. */
    static boolean blank(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    /** Classifies the trimmed cell {@code b[s..e)}; sets {@link #value} for numbers. */
    int classify(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0) return MISSING;
        byte c0 = b[s];
        if (c0 >= '0' && c0 <= '9' || c0 == '-' || c0 == '+' || c0 == decimal) {
            if (parse(b, s, e)) return Double.isFinite(value) ? NUMBER : NON_FINITE;
            if (len == 1 && c0 == '.') return MISSING;
            if (isNonFinite(b, s, e)) return NON_FINITE;
            return TEXT;
        }
        if (len == 1 && c0 == '.') return MISSING;
        if (len == 2 && c0 == 'N' && b[s + 1] == 'A') return MISSING;
        if (len == 3 && c0 == 'N' && b[s + 1] == '/' && b[s + 2] == 'A') return MISSING;
        if (len == 4 && c0 == '#' && b[s + 1] == 'N' && b[s + 2] == '/' && b[s + 3] == 'A') return MISSING;
        if (isNonFinite(b, s, e)) return NON_FINITE;
        return TEXT;
    }

    private static boolean isNonFinite(byte[] b, int s, int e) {
        if (s < e && (b[s] == '+' || b[s] == '-')) s++;
        int len = e - s;
        if (len != 3 && len != 8) return false;
        String t = new String(b, s, len, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    /** Parses a number in the accepted grammar into {@link #value}; false if the cell is not one. */
    private boolean parse(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int intDigits = 0;
        int fracDigits = 0;
        int dropped = 0; // integer digits beyond what the mantissa holds
        int scale = 0;   // fractional digits kept in the mantissa
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            int d = b[i] - '0';
            if (significant < 18) {
                if (mantissa != 0 || d != 0) significant++;
                mantissa = mantissa * 10 + d;
            } else {
                dropped++;
                significant++;
            }
            intDigits++;
            i++;
        }
        if (i < e && b[i] == decimal) {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                int d = b[i] - '0';
                if (significant < 18) {
                    if (mantissa != 0 || d != 0) significant++;
                    mantissa = mantissa * 10 + d;
                    scale++;
                } else {
                    significant++;
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0) return false;
        int exp = 0;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNeg = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                expNeg = b[i] == '-';
                i++;
            }
            int expDigits = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (exp < 100_000) exp = exp * 10 + (b[i] - '0');
                expDigits++;
                i++;
            }
            if (expDigits == 0) return false;
            if (expNeg) exp = -exp;
        }
        if (i != e) return false;
        int e10 = exp + dropped - scale;
        double v;
        if (significant <= 15 && e10 >= -22 && e10 <= 22) {
            v = e10 < 0 ? mantissa / POW10[-e10] : mantissa * POW10[e10];
        } else {
            String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
            if (decimal != '.') t = t.replace((char) decimal, '.');
            v = Math.abs(Double.parseDouble(t));
        }
        value = negative ? -v : v;
        return true;
    }
}
