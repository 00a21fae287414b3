package eres.plugins.formats;

/** How readers turn numbers into the text cells of a {@link eres.api.data.RawTable}. */
final class CellText {
    /** Below 2^53 every integer is exact in a double and prints without a fraction. */
    private static final double EXACT_INTEGERS = 9_007_199_254_740_992.0;

    private CellText() {
    }

    /**
     * The shortest text that parses back to exactly {@code v}: integral values without a fraction
     * ({@code 11}, not {@code 11.0}, so numeric id codes stay codes), others as {@link Double#toString}
     * (which round-trips). Negative zero prints as {@code 0}. Non-finite values are not numbers a data
     * file can hold and become {@code null} (missing).
     */
    static String of(double v) {
        if (!Double.isFinite(v)) return null;
        if (v == Math.rint(v) && Math.abs(v) < EXACT_INTEGERS) return Long.toString((long) v);
        return Double.toString(v);
    }
}
