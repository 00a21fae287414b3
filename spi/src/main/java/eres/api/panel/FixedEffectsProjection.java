package eres.api.panel;

import eres.api.linalg.Compensated;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRColPivDecompositionHouseholderColumn_DDRM;

/**
 * Partials the fixed effects out of a variable (Frisch–Waugh–Lovell): maps a column to its residual
 * from a regression on the effect dummies, so that OLS on projected columns gives the LSDV slopes,
 * residuals and (for any sandwich) the slope block of the LSDV covariance.
 *
 * <ul>
 *   <li>{@code NONE}: centring (the constant);</li>
 *   <li>{@code ENTITY} / {@code TIME}: group demeaning;</li>
 *   <li>{@code TWOWAYS}, balanced: double demeaning {@code w - wbar_i. - wbar_.t + wbar_..};</li>
 *   <li>{@code TWOWAYS}, unbalanced: entity demeaning, then the residual from the entity-demeaned
 *       year dummies (T - 1, first year dropped), exact and identical to Stata's
 *       {@code xtreg y x i.year, fe}, when T is small; for long T (more than 50 periods, or more than
 *       2*10^7 dummy cells) accelerated alternating projections ({@link Absorber}: conjugate gradients
 *       on the symmetric Kaczmarz sweep, as reghdfe), which give the same result to rounding;</li>
 *   <li>further absorbed factors ({@link #of(Panel, Effects, List)}, e.g. industry or firm x year):
 *       accelerated alternating projections over all factors, any number of them.</li>
 * </ul>
 *
 * <p>{@link #applyAll} projects several columns in parallel (one column per task; the result does not
 * depend on the number of threads).
 */
public final class FixedEffectsProjection {
    /** How two-way effects are removed on unbalanced panels. */
    public enum Method { DUMMIES, ALTERNATING }

    /** A further absorbed factor: dense codes in {@code [0, levels)}, one per row of the sample. */
    public record Factor(String name, int[] codes, int levels) {
    }

    /** Unbalanced two-way panels with more periods than this use alternating projections. */
    static final int MAX_DUMMY_PERIODS = 50;
    static final long MAX_DUMMY_CELLS = 20_000_000L;

    private final Effects effects;
    private final int n;
    private final int[] entity;
    private final int[] period;
    private final int entities;
    private final int periods;
    private final boolean balanced;
    private final Method method;
    // unbalanced two-way: thin Q of the entity-demeaned dummies (identified columns only)
    private final DMatrixRMaj q;
    private final int identifiedDummies;
    // alternating projections (long T, or further factors)
    private final Absorber absorber;
    private final int absorbedByFactors;

    private FixedEffectsProjection(Panel sample, Effects effects, Method method, List<Factor> extra) {
        this.effects = effects;
        this.n = sample.rows();
        this.entity = sample.entityIndices();
        this.period = sample.timeIndices();
        this.entities = sample.entityCount();
        this.periods = sample.timeCount();
        this.balanced = sample.isBalanced();
        this.method = method;
        if (!extra.isEmpty() || (effects == Effects.TWOWAYS && !balanced && method == Method.ALTERNATING && periods > 1)) {
            List<int[]> codes = new ArrayList<>();
            List<Integer> levels = new ArrayList<>();
            if (effects.hasEntity()) {
                codes.add(entity);
                levels.add(entities);
            }
            if (effects.hasTime()) {
                codes.add(period);
                levels.add(periods);
            }
            for (Factor f : extra) {
                if (f.codes().length != n) throw new IllegalArgumentException("factor " + f.name() + " has " + f.codes().length + " rows");
                codes.add(f.codes());
                levels.add(f.levels());
            }
            if (codes.isEmpty()) throw new IllegalArgumentException("no factor to absorb");
            this.absorber = new Absorber(codes, levels);
            this.absorbedByFactors = absorber.absorbedParameters();
            this.q = null;
            this.identifiedDummies = effects == Effects.TWOWAYS ? absorber.twoWayTimeDummies() : 0;
            return;
        }
        this.absorber = null;
        this.absorbedByFactors = -1;
        if (effects == Effects.TWOWAYS && !balanced && method == Method.DUMMIES && periods > 1) {
            int m = periods - 1;
            DMatrixRMaj d = new DMatrixRMaj(n, m);
            for (int t = 1; t < periods; t++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = period[i] == t ? 1 : 0;
                double[] dm = demean(col, entity, entities);
                for (int i = 0; i < n; i++) d.unsafe_set(i, t - 1, dm[i]);
            }
            QRColPivDecompositionHouseholderColumn_DDRM qr = new QRColPivDecompositionHouseholderColumn_DDRM();
            qr.decompose(d.copy());
            DMatrixRMaj r = qr.getR(null, true);
            double r0 = Math.abs(r.get(0, 0));
            int rank = 0;
            for (int k = 0; k < m; k++) if (Math.abs(r.get(k, k)) > 1e-10 * r0) rank++;
            DMatrixRMaj full = qr.getQ(null, true);
            this.q = new DMatrixRMaj(n, rank);
            for (int i = 0; i < n; i++) for (int k = 0; k < rank; k++) q.unsafe_set(i, k, full.unsafe_get(i, k));
            this.identifiedDummies = rank;
        } else {
            this.q = null;
            this.identifiedDummies = effects.hasTime() && effects.hasEntity() ? periods - 1 : 0;
        }
    }

    /**
     * A projection for the rows of {@code sample} (the estimation sample); unbalanced two-way panels use
     * year dummies for short panels and alternating projections for long ones.
     */
    public static FixedEffectsProjection of(Panel sample, Effects effects) {
        Method m = Method.DUMMIES;
        if (effects == Effects.TWOWAYS && !sample.isBalanced()) {
            long cells = (long) sample.rows() * (sample.timeCount() - 1);
            if (sample.timeCount() > MAX_DUMMY_PERIODS || cells > MAX_DUMMY_CELLS) m = Method.ALTERNATING;
        }
        return new FixedEffectsProjection(sample, effects, m, List.of());
    }

    public static FixedEffectsProjection of(Panel sample, Effects effects, Method method) {
        return new FixedEffectsProjection(sample, effects, method, List.of());
    }

    /**
     * A projection absorbing {@code effects} and further factors (none: as {@link #of(Panel, Effects)}),
     * by accelerated alternating projections. Absorbed parameters follow reghdfe's count (see
     * {@link Absorber#absorbedParameters()}).
     */
    public static FixedEffectsProjection of(Panel sample, Effects effects, List<Factor> extra) {
        if (extra.isEmpty()) return of(sample, effects);
        return new FixedEffectsProjection(sample, effects, Method.ALTERNATING, List.copyOf(extra));
    }

    /** Rows of the sample that are not singletons of any absorbed factor, dropped iteratively (reghdfe). */
    public static int[] withoutSingletons(Panel sample, Effects effects, List<Factor> extra) {
        List<int[]> codes = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        if (effects.hasEntity()) {
            codes.add(sample.entityIndices());
            levels.add(sample.entityCount());
        }
        if (effects.hasTime()) {
            codes.add(sample.timeIndices());
            levels.add(sample.timeCount());
        }
        for (Factor f : extra) {
            codes.add(f.codes());
            levels.add(f.levels());
        }
        return Absorber.withoutSingletons(codes, levels, sample.rows());
    }

    public Effects effects() {
        return effects;
    }

    /**
     * Number of parameters the effects absorb, including the constant: 1 (pooled), G (entity),
     * T (time), G + identified year dummies (two-way).
     */
    public int absorbedParameters() {
        if (absorber != null) return absorbedByFactors;
        return switch (effects) {
            case NONE -> 1;
            case ENTITY -> entities;
            case TIME -> periods;
            case TWOWAYS -> entities + identifiedDummies;
        };
    }

    /** Year dummies identified in a two-way model (T - 1 unless the panel is degenerate). */
    public int identifiedTimeDummies() {
        return identifiedDummies;
    }

    public int entities() {
        return entities;
    }

    public int periods() {
        return periods;
    }

    /** The residuals of several columns (new arrays), computed in parallel over columns. */
    public double[][] applyAll(double[][] columns) {
        double[][] out = new double[columns.length][];
        java.util.stream.IntStream.range(0, columns.length).parallel().forEach(j -> out[j] = apply(columns[j]));
        return out;
    }

    /** The residual of {@code x} after removing the effects (a new array). */
    public double[] apply(double[] x) {
        if (x.length != n) throw new IllegalArgumentException("column has " + x.length + " rows, sample has " + n);
        if (absorber != null) return absorber.residual(x);
        switch (effects) {
            case NONE: {
                double m = Compensated.sum(x) / n;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) out[i] = x[i] - m;
                return out;
            }
            case ENTITY:
                return demean(x, entity, entities);
            case TIME:
                return demean(x, period, periods);
            default:
                if (balanced || periods == 1) {
                    double[] a = demean(x, entity, entities);
                    return demean(a, period, periods);
                }
                double[] a = demean(x, entity, entities);
                // a - Q Q' a
                int k = q.numCols;
                double[] c = new double[k];
                for (int j = 0; j < k; j++) {
                    Compensated s = new Compensated(0);
                    for (int i = 0; i < n; i++) s.addProduct(q.unsafe_get(i, j), a[i]);
                    c[j] = s.value();
                }
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) s += q.unsafe_get(i, j) * c[j];
                    a[i] -= s;
                }
                return a;
        }
    }

    /** x minus its group means (compensated sums). */
    public static double[] demean(double[] x, int[] group, int groups) {
        double[] hi = new double[groups];
        double[] lo = new double[groups];
        int[] count = new int[groups];
        for (int i = 0; i < x.length; i++) {
            int g = group[i];
            double s = hi[g] + x[i];
            double bb = s - hi[g];
            lo[g] += (hi[g] - (s - bb)) + (x[i] - bb);
            hi[g] = s;
            count[g]++;
        }
        double[] mean = new double[groups];
        for (int g = 0; g < groups; g++) mean[g] = count[g] == 0 ? 0 : (hi[g] + lo[g]) / count[g];
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] - mean[group[i]];
        return out;
    }

    /** Group means of x, one per group. */
    public static double[] groupMeans(double[] x, int[] group, int groups) {
        double[] d = demean(x, group, groups);
        double[] m = new double[groups];
        boolean[] seen = new boolean[groups];
        for (int i = 0; i < x.length; i++) {
            if (!seen[group[i]]) {
                m[group[i]] = x[i] - d[i];
                seen[group[i]] = true;
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "FixedEffectsProjection[" + effects + ", " + entities + " entities, " + periods + " periods"
                + (balanced ? "" : ", unbalanced") + "]";
    }
}
