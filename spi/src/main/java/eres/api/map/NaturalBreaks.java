package eres.api.map;

import java.util.Arrays;

/**
 * Jenks natural breaks by exact optimisation (Fisher 1958, "On grouping for maximum homogeneity",
 * JASA 53:789-798): the values are split into {@code k} contiguous classes of the sorted data that
 * minimise the total within-class sum of squared deviations (SSD). This is the classification
 * ArcGIS, mapclassify {@code FisherJenks} and R classInt ({@code style = "fisher"} / {@code "jenks"})
 * compute; it is not Jenks' iterative approximation.
 *
 * <p>Algorithm: the DP {@code D[c][j] = min_{i<j} D[c-1][i] + SSD(i+1..j)} over the <em>distinct</em>
 * sorted values weighted by their multiplicity, with SSD from prefix sums of centred values. Working
 * on distinct values means equal values are never split between classes (an optimal partition with
 * this property always exists: moving a tied run to the side whose mean is nearer never raises the
 * SSD). For {@code k m^2 <= 5e7} (m distinct values) every split is tried (O(k m^2)); above that the
 * optimal split index is monotone in j for this cost (the SSD of intervals satisfies the quadrangle
 * inequality; Wang &amp; Song 2011, Ckmeans.1d.dp), so divide and conquer gives the same optimum in
 * O(k m log m).
 *
 * <p>Verified against R classInt 0.4-9 ({@code classIntervals(x, k, "jenks")} upper bounds and
 * {@code "fisher"} partitions) and the mapclassify FisherJenks example on California employment
 * density (tests in core and the gtwr plugin).
 */
public final class NaturalBreaks {
    /** Above this k m^2 the divide-and-conquer DP is used. */
    static final double FULL_DP_LIMIT = 5e7;

    private NaturalBreaks() {
    }

    /**
     * A classification into {@code upperBounds.length} classes: class {@code c} holds the values in
     * {@code (upperBounds[c-1], upperBounds[c]]}, class 0 those in {@code [min, upperBounds[0]]}.
     *
     * @param min         smallest classified value
     * @param upperBounds largest value of each class (data values), ascending; the last is the maximum
     * @param counts      number of values in each class
     * @param ssd         total within-class sum of squared deviations
     * @param sdam        sum of squared deviations from the overall mean
     * @param gvf         goodness of variance fit {@code 1 - ssd / sdam} (1 when sdam is 0)
     */
    public record Classification(double min, double[] upperBounds, int[] counts, double ssd, double sdam, double gvf) {
        public Classification {
            upperBounds = upperBounds.clone();
            counts = counts.clone();
        }

        @Override
        public double[] upperBounds() {
            return upperBounds.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        /** Number of classes (fewer than requested when there are fewer distinct values). */
        public int classes() {
            return upperBounds.length;
        }

        /**
         * Class index of {@code v} (0-based): the first class whose upper bound is {@code >= v}; values
         * below the minimum go to class 0 and above the maximum to the last class; NaN gives -1.
         */
        public int classOf(double v) {
            if (Double.isNaN(v)) return -1;
            for (int c = 0; c < upperBounds.length; c++) if (v <= upperBounds[c]) return c;
            return upperBounds.length - 1;
        }

        /** Lower bound of class {@code c}: the minimum for class 0, else the previous upper bound. */
        public double lowerBound(int c) {
            return c == 0 ? min : upperBounds[c - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Classification c && Double.compare(min, c.min) == 0 && Arrays.equals(upperBounds, c.upperBounds)
                    && Arrays.equals(counts, c.counts) && Double.compare(ssd, c.ssd) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(upperBounds) + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "Classification[min=" + min + ", upperBounds=" + Arrays.toString(upperBounds) + ", counts="
                    + Arrays.toString(counts) + ", gvf=" + gvf + "]";
        }
    }

    /**
     * Jenks (Fisher) natural breaks of the finite values of {@code values} (NaN values are ignored).
     *
     * @param classes requested number of classes, &gt;= 1; fewer are returned when there are fewer
     *                distinct values
     * @throws IllegalArgumentException if there is no finite value, a value is infinite or classes &lt; 1
     */
    public static Classification jenks(double[] values, int classes) {
        return classify(values, classes, null);
    }

    /** As {@link #jenks} but always with the O(k m^2) dynamic programme (for tests). */
    static Classification jenksFull(double[] values, int classes) {
        return classify(values, classes, Boolean.TRUE);
    }

    /** As {@link #jenks} but always with the divide-and-conquer programme (for tests). */
    static Classification jenksDivideAndConquer(double[] values, int classes) {
        return classify(values, classes, Boolean.FALSE);
    }

    private static Classification classify(double[] values, int classes, Boolean forceFull) {
        if (classes < 1) throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (x.length == 0) throw new IllegalArgumentException("no finite value to classify");
        for (double v : x) if (Double.isInfinite(v)) throw new IllegalArgumentException("cannot classify an infinite value");
        Arrays.sort(x);
        // distinct values and multiplicities
        int m = 0;
        double[] u = new double[x.length];
        int[] w = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (m > 0 && x[i] == u[m - 1]) {
                w[m - 1]++;
            } else {
                u[m] = x[i];
                w[m] = 1;
                m++;
            }
        }
        int k = Math.min(classes, m);
        double centre = u[m / 2];
        // prefix sums over distinct values (1-based): count, sum and sum of squares of centred values
        double[] cw = new double[m + 1];
        double[] s1 = new double[m + 1];
        double[] s2 = new double[m + 1];
        for (int i = 0; i < m; i++) {
            double z = u[i] - centre;
            cw[i + 1] = cw[i] + w[i];
            s1[i + 1] = s1[i] + w[i] * z;
            s2[i + 1] = s2[i] + w[i] * z * z;
        }
        Ssd ssd = new Ssd(cw, s1, s2);
        // D[c][j]: best SSD of the first j distinct values in c+1 classes; arg[c][j]: start of the last class
        double[][] d = new double[k][m + 1];
        int[][] arg = new int[k][m + 1];
        for (int j = 1; j <= m; j++) d[0][j] = ssd.of(0, j);
        boolean full = forceFull != null ? forceFull : (double) k * m * m <= FULL_DP_LIMIT;
        for (int c = 1; c < k; c++) {
            Arrays.fill(d[c], Double.POSITIVE_INFINITY);
            if (full) {
                for (int j = c + 1; j <= m; j++) {
                    double best = Double.POSITIVE_INFINITY;
                    int bi = c;
                    for (int i = c; i < j; i++) {
                        double v = d[c - 1][i] + ssd.of(i, j);
                        if (v < best) {
                            best = v;
                            bi = i;
                        }
                    }
                    d[c][j] = best;
                    arg[c][j] = bi;
                }
            } else {
                divideAndConquer(d[c - 1], d[c], arg[c], ssd, c + 1, m, c, m - 1);
            }
        }
        // backtrack class ends
        double[] upper = new double[k];
        int[] counts = new int[k];
        int j = m;
        for (int c = k - 1; c >= 0; c--) {
            int i = c == 0 ? 0 : arg[c][j];
            upper[c] = u[j - 1];
            counts[c] = (int) Math.round(cw[j] - cw[i]);
            j = i;
        }
        double total = d[k - 1][m];
        double sdam = ssd.of(0, m);
        double gvf = sdam > 0 ? 1 - total / sdam : 1.0;
        return new Classification(u[0], upper, counts, total, sdam, gvf);
    }

    /** Fills cur[j] for j in [jlo, jhi] knowing the optimal split lies in [ilo, ihi]. */
    private static void divideAndConquer(double[] prev, double[] cur, int[] arg, Ssd ssd, int jlo, int jhi, int ilo, int ihi) {
        // iterative stack to avoid deep recursion on large inputs
        int[] stack = new int[4 * 64];
        int top = 0;
        stack[top++] = jlo;
        stack[top++] = jhi;
        stack[top++] = ilo;
        stack[top++] = ihi;
        while (top > 0) {
            int hi = stack[--top];
            int lo = stack[--top];
            int b = stack[--top];
            int a = stack[--top];
            // (a, b) = j range, (lo, hi) = i range
            if (a > b) continue;
            int mid = (a + b) >>> 1;
            double best = Double.POSITIVE_INFINITY;
            int bi = lo;
            int upto = Math.min(hi, mid - 1);
            for (int i = lo; i <= upto; i++) {
                double v = prev[i] + ssd.of(i, mid);
                if (v < best) {
                    best = v;
                    bi = i;
                }
            }
            cur[mid] = best;
            arg[mid] = bi;
            if (top + 8 > stack.length) stack = Arrays.copyOf(stack, stack.length * 2);
            stack[top++] = a;
            stack[top++] = mid - 1;
            stack[top++] = lo;
            stack[top++] = bi;
            stack[top++] = mid + 1;
            stack[top++] = b;
            stack[top++] = bi;
            stack[top++] = hi;
        }
    }

    /** SSD of distinct values (i, j] (0-based prefix positions) from prefix sums. */
    private record Ssd(double[] cw, double[] s1, double[] s2) {
        double of(int i, int j) {
            double n = cw[j] - cw[i];
            double a = s1[j] - s1[i];
            double v = (s2[j] - s2[i]) - a * a / n;
            return v > 0 ? v : 0.0;
        }
    }
}
