package eres.plugins.threshold;

import java.util.Arrays;

/**
 * Candidate thresholds, ascending, each with its {@code cut}: the number of observations in the lower
 * regime (positions {@code [0, cut)} of the q order). Two constructions:
 *
 * <ul>
 *   <li>{@link #all}: every distinct value of q that leaves both regimes non-empty; trimming is then by
 *       observation counts per step ({@link #admissible});</li>
 *   <li>{@link #quantile}: Hansen's grid, exactly as his code ({@code pdR::ptm}): with the sorted distinct
 *       values {@code dd} (m of them) and {@code s = trim, trim + 1/qn, ..., trim + (qn - 2 qn trim)/qn}
 *       (R's {@code seq}, last point clipped to the end), candidates {@code dd[floor(s m)]} (1-based;
 *       index 0 dropped; duplicates kept, as in his code). Later steps exclude a band of
 *       {@code qn * trim} grid positions around each fixed threshold.</li>
 * </ul>
 *
 * The lower regime is {@code q <= gamma}, or {@code q < gamma} with {@code strict} (Hansen's code).
 */
final class Candidates {
    final double[] value;
    final int[] cut;
    final int qn;
    final boolean strict;
    final int n;

    private Candidates(double[] value, int[] cut, int qn, boolean strict, int n) {
        this.value = value;
        this.cut = cut;
        this.qn = qn;
        this.strict = strict;
        this.n = n;
    }

    int size() {
        return value.length;
    }

    static Candidates all(Prepared d, boolean strict) {
        int m = d.distinct.length;
        double[] v = new double[Math.max(0, m - 1)];
        int[] c = new int[v.length];
        for (int j = 0; j < v.length; j++) {
            if (strict) {
                v[j] = d.distinct[j + 1];
                c[j] = d.cumCount[j];
            } else {
                v[j] = d.distinct[j];
                c[j] = d.cumCount[j];
            }
        }
        return new Candidates(v, c, 0, strict, d.n);
    }

    static Candidates quantile(Prepared d, int qn, double trim, boolean strict) {
        int m = d.distinct.length;
        double by = 1.0 / qn;
        double qnt = qn * trim;
        double from = trim;
        double to = trim + by * (qn - 2 * qnt);
        int steps = (int) Math.floor((to - from) / by + 1e-10);
        double[] v = new double[steps + 1];
        int[] c = new int[steps + 1];
        int k = 0;
        for (int j = 0; j <= steps; j++) {
            double s = Math.min(from + j * by, to);
            int idx = (int) Math.floor(s * m); // 1-based index into dd
            if (idx < 1 || idx > m) continue;
            v[k] = d.distinct[idx - 1];
            c[k] = strict ? (idx >= 2 ? d.cumCount[idx - 2] : 0) : d.cumCount[idx - 1];
            k++;
        }
        return new Candidates(Arrays.copyOf(v, k), Arrays.copyOf(c, k), qn, strict, d.n);
    }

    /** Minimum regime size (observations) of a step with trimming proportion {@code trim}. */
    int minRegime(double trim) {
        return Math.max(1, (int) Math.ceil(trim * n - 1e-9));
    }

    /**
     * The candidates admissible in a step that adds one threshold to {@code fixed} (candidate indices),
     * ascending. Every candidate must leave all regimes non-empty and differ from the fixed ones; with
     * the all-values grid each of the two regimes it creates holds at least {@link #minRegime} observations;
     * with Hansen's grid, steps after the first exclude the {@code qn * trim} band of grid positions around
     * each fixed threshold (his rule: 1-based positions {@code i} with {@code nn - qn trim <= i < nn + qn trim},
     * {@code nn} the number of grid points below the fixed value).
     */
    int[] admissible(int[] fixed, double trim) {
        int[] fixedCuts = new int[fixed.length];
        for (int i = 0; i < fixed.length; i++) fixedCuts[i] = cut[fixed[i]];
        Arrays.sort(fixedCuts);
        int[] out = new int[size()];
        int k = 0;
        int min = minRegime(trim);
        double qnt = qn * trim;
        int[] nn = new int[fixed.length];
        for (int i = 0; i < fixed.length; i++) {
            int count = 0;
            for (double v : value) if (v < value[fixed[i]]) count++;
            nn[i] = count;
        }
        for (int c = 0; c < size(); c++) {
            int cu = cut[c];
            if (cu <= 0 || cu >= n) continue;
            int lo = 0;
            int hi = n;
            boolean clash = false;
            for (int f : fixedCuts) {
                if (f == cu) clash = true;
                if (f < cu) lo = Math.max(lo, f);
                if (f > cu) hi = Math.min(hi, f);
            }
            if (clash) continue;
            if (qn == 0) {
                if (cu - lo < min || hi - cu < min) continue;
            } else {
                int i1 = c + 1;
                boolean inBand = false;
                for (int b : nn) if (b - qnt <= i1 && i1 < b + qnt) inBand = true;
                if (inBand) continue;
            }
            out[k++] = c;
        }
        return Arrays.copyOf(out, k);
    }
}
