package eres.plugins.mediation;

import eres.api.data.Panel;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The common estimation sample of the mediation equations as plain arrays (rows sorted by entity,
 * then time), with the resamples the bootstrap and the jackknife need. Entity codes are dense
 * {@code 0..entities-1}; time codes index the sample's periods and are never renumbered (a period
 * may be absent from a resample).
 */
final class PathData {
    final int n;
    final int[] entity;
    final int[] time;
    final int entities;
    final int periods;
    final double[] y;
    final double[] x;
    final double[][] m;
    final double[][] c;

    private PathData(int[] entity, int[] time, int entities, int periods, double[] y, double[] x, double[][] m, double[][] c) {
        this.n = y.length;
        this.entity = entity;
        this.time = time;
        this.entities = entities;
        this.periods = periods;
        this.y = y;
        this.x = x;
        this.m = m;
        this.c = c;
    }

    /** The arrays of a panel that is complete on every named column. */
    static PathData of(Panel sample, String y, String x, List<String> mediators, List<String> controls) {
        double[][] m = new double[mediators.size()][];
        for (int j = 0; j < m.length; j++) m[j] = sample.column(mediators.get(j));
        double[][] c = new double[controls.size()][];
        for (int j = 0; j < c.length; j++) c[j] = sample.column(controls.get(j));
        return new PathData(sample.entityIndices(), sample.timeIndices(), sample.entityCount(), sample.timeCount(),
                sample.column(y), sample.column(x), m, c);
    }

    /** Synthetic data for tests: arrays are used as given. */
    static PathData of(int[] entity, int[] time, double[] y, double[] x, double[][] m, double[][] c) {
        int g = 0;
        int t = 0;
        for (int e : entity) g = Math.max(g, e + 1);
        for (int p : time) t = Math.max(t, p + 1);
        return new PathData(entity, time, g, t, y, x, m, c);
    }

    /** First row of each entity, plus {@code n} at the end (rows are grouped by entity). */
    int[] entityStarts() {
        int[] start = new int[entities + 1];
        java.util.Arrays.fill(start, -1);
        for (int i = n - 1; i >= 0; i--) start[entity[i]] = i;
        start[entities] = n;
        for (int g = entities - 1; g >= 0; g--) if (start[g] < 0) start[g] = start[g + 1];
        return start;
    }

    /**
     * A cluster resample: {@code entities} draws of whole entities with replacement; the copy drawn in
     * position {@code p} becomes entity {@code p}, so fixed effects are estimated per copy (Stata
     * {@code bootstrap, cluster(id) idcluster(newid)}).
     */
    PathData clusterResample(UniformRandomProvider rng, int[] starts) {
        int[] draw = new int[entities];
        int rows = 0;
        for (int p = 0; p < entities; p++) {
            draw[p] = rng.nextInt(entities);
            rows += starts[draw[p] + 1] - starts[draw[p]];
        }
        int[] idx = new int[rows];
        int[] ent = new int[rows];
        int k = 0;
        for (int p = 0; p < entities; p++) {
            for (int i = starts[draw[p]]; i < starts[draw[p] + 1]; i++) {
                idx[k] = i;
                ent[k++] = p;
            }
        }
        return select(idx, ent, entities);
    }

    /** An observation resample: {@code n} rows drawn with replacement, original entity ids kept. */
    PathData observationResample(UniformRandomProvider rng) {
        int[] idx = new int[n];
        int[] ent = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
            ent[i] = entity[idx[i]];
        }
        return select(idx, ent, entities);
    }

    /** The sample without entity {@code g} (jackknife over clusters). */
    PathData withoutEntity(int g, int[] starts) {
        int removed = starts[g + 1] - starts[g];
        int[] idx = new int[n - removed];
        int[] ent = new int[n - removed];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (entity[i] == g) continue;
            idx[k] = i;
            ent[k++] = entity[i] < g ? entity[i] : entity[i] - 1;
        }
        return select(idx, ent, entities - 1);
    }

    /** The sample without row {@code r} (jackknife over observations). */
    PathData withoutRow(int r) {
        int[] idx = new int[n - 1];
        int[] ent = new int[n - 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == r) continue;
            idx[k] = i;
            ent[k++] = entity[i];
        }
        return select(idx, ent, entities);
    }

    private PathData select(int[] idx, int[] ent, int entityCount) {
        int rows = idx.length;
        int[] t = new int[rows];
        for (int i = 0; i < rows; i++) t[i] = time[idx[i]];
        double[][] mm = new double[m.length][];
        for (int j = 0; j < m.length; j++) mm[j] = pick(m[j], idx);
        double[][] cc = new double[c.length][];
        for (int j = 0; j < c.length; j++) cc[j] = pick(c[j], idx);
        return new PathData(ent, t, entityCount, periods, pick(y, idx), pick(x, idx), mm, cc);
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }
}
