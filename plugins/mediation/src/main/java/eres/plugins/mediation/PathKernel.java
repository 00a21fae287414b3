package eres.plugins.mediation;

import eres.api.panel.Effects;
import eres.api.panel.FixedEffectsProjection;
import java.util.ArrayList;
import java.util.List;

/**
 * The path coefficients of a mediation model on one data set, computed with one factorisation:
 * the fixed effects are partialled out (Frisch–Waugh–Lovell), the design {@code [X, C]} is
 * factorised once and solved for every right-hand side {@code Y, M_1..M_J}, giving the total effect
 * {@code c} (E1), the a paths {@code a_j} (E2) and the residuals {@code e_Y}, {@code e_Mj}. By FWL
 * the E3 coefficient of a mediator is the regression of {@code e_Y} on the mediator residuals
 * ({@code b_j = e_Mj'e_Y / e_Mj'e_Mj} for separate mediators, a J-column least squares for
 * parallel mediators), and the OLS identity {@code c = c' + sum_j a_j b_j} gives the direct effect.
 *
 * <p>Two-way effects: double demeaning when every entity is observed once in every period (a cluster
 * resample of a balanced panel stays balanced); otherwise entity demeaning plus entity-demeaned
 * period dummies as extra columns (exact for unbalanced panels and for observation resamples,
 * which duplicate rows), unidentified dummies dropped.
 *
 * <p>Statistics, in order: separate mediators {@code [c, a_1, b_1, a_1 b_1, c'_1, ..., a_J, b_J,
 * a_J b_J, c'_J]}; parallel mediators {@code [c, c', sum_j a_j b_j, a_1, b_1, a_1 b_1, ...]}.
 */
final class PathKernel {
    private final Effects effects;
    private final boolean parallel;
    private final int mediators;

    PathKernel(Effects effects, boolean parallel, int mediators) {
        this.effects = effects;
        this.parallel = parallel;
        this.mediators = mediators;
    }

    /** Names of the statistics, as in the fixtures: total, a:m, b:m, indirect:m, direct:m ... */
    static List<String> names(List<String> mediators, boolean parallel) {
        List<String> out = new ArrayList<>();
        out.add("total");
        if (parallel) {
            out.add("direct");
            out.add("indirect:total");
            for (String m : mediators) {
                out.add("a:" + m);
                out.add("b:" + m);
                out.add("indirect:" + m);
            }
        } else {
            for (String m : mediators) {
                out.add("a:" + m);
                out.add("b:" + m);
                out.add("indirect:" + m);
                out.add("direct:" + m);
            }
        }
        return out;
    }

    int size() {
        return parallel ? 3 + 3 * mediators : 1 + 4 * mediators;
    }

    /** The statistics, or {@code null} if the design is singular on this data set. */
    double[] estimate(PathData d) {
        boolean doubleDemean = effects == Effects.TWOWAYS && balanced(d);
        int n = d.n;
        int k = d.c.length;
        SequentialQr qr = new SequentialQr(n, k + 1 + (effects == Effects.TWOWAYS ? d.periods : 0));
        if (effects == Effects.TWOWAYS && !doubleDemean) addPeriodDummies(d, qr);
        int xPos = qr.columns();
        if (!qr.add(project(d.x, d, doubleDemean), SequentialQr.norm(d.x))) return null;
        for (double[] ctrl : d.c) if (!qr.add(project(ctrl, d, doubleDemean), SequentialQr.norm(ctrl))) return null;

        double[] ey = new double[n];
        double c = qr.solve(project(d.y, d, doubleDemean), ey)[xPos];
        double[] a = new double[mediators];
        double[][] em = new double[mediators][n];
        for (int j = 0; j < mediators; j++) a[j] = qr.solve(project(d.m[j], d, doubleDemean), em[j])[xPos];

        double[] out = new double[size()];
        out[0] = c;
        if (!parallel) {
            for (int j = 0; j < mediators; j++) {
                double ss = dot(em[j], em[j]);
                double ref = SequentialQr.TOLERANCE * SequentialQr.norm(d.m[j]);
                if (!(ss > ref * ref)) return null;
                double b = dot(em[j], ey) / ss;
                out[1 + 4 * j] = a[j];
                out[2 + 4 * j] = b;
                out[3 + 4 * j] = a[j] * b;
                out[4 + 4 * j] = c - a[j] * b;
            }
            return out;
        }
        SequentialQr q2 = new SequentialQr(n, mediators);
        for (int j = 0; j < mediators; j++) if (!q2.add(em[j], SequentialQr.norm(d.m[j]))) return null;
        double[] b = q2.solve(ey, null);
        double indirect = 0;
        for (int j = 0; j < mediators; j++) {
            out[3 + 3 * j] = a[j];
            out[4 + 3 * j] = b[j];
            out[5 + 3 * j] = a[j] * b[j];
            indirect += a[j] * b[j];
        }
        out[1] = c - indirect;
        out[2] = indirect;
        return out;
    }

    private void addPeriodDummies(PathData d, SequentialQr qr) {
        int[] count = new int[d.periods];
        for (int t : d.time) count[t]++;
        boolean first = true;
        for (int t = 0; t < d.periods; t++) {
            if (count[t] == 0) continue;
            if (first) {
                first = false;
                continue;
            }
            double[] dummy = new double[d.n];
            for (int i = 0; i < d.n; i++) dummy[i] = d.time[i] == t ? 1 : 0;
            qr.add(FixedEffectsProjection.demean(dummy, d.entity, d.entities), Math.sqrt(count[t]));
        }
    }

    private double[] project(double[] v, PathData d, boolean doubleDemean) {
        return switch (effects) {
            case NONE -> FixedEffectsProjection.demean(v, new int[d.n], 1);
            case ENTITY -> FixedEffectsProjection.demean(v, d.entity, d.entities);
            case TIME -> FixedEffectsProjection.demean(v, d.time, d.periods);
            case TWOWAYS -> {
                double[] e = FixedEffectsProjection.demean(v, d.entity, d.entities);
                yield doubleDemean ? FixedEffectsProjection.demean(e, d.time, d.periods) : e;
            }
        };
    }

    /** Every present entity observed exactly once in every present period. */
    static boolean balanced(PathData d) {
        int[] cell = new int[d.entities * d.periods];
        boolean[] ent = new boolean[d.entities];
        boolean[] per = new boolean[d.periods];
        for (int i = 0; i < d.n; i++) {
            int k = d.entity[i] * d.periods + d.time[i];
            if (++cell[k] > 1) return false;
            ent[d.entity[i]] = true;
            per[d.time[i]] = true;
        }
        int e = 0;
        int p = 0;
        for (boolean b : ent) if (b) e++;
        for (boolean b : per) if (b) p++;
        return (long) e * p == d.n;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
