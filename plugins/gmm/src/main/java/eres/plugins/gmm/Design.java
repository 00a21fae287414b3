package eres.plugins.gmm;

import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.plugins.gmm.Instruments.Equation;
import eres.plugins.gmm.Instruments.GmmStyle;
import eres.plugins.gmm.Instruments.IvStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dynamic-panel design of {@code gmm}: the equations (transformed, and levels for system GMM), the
 * regressors and the instrument columns, reduced entity by entity to the sufficient statistics the
 * estimator needs, {@code Z_i'X_i}, {@code Z_i'y_i}, {@code sum_i Z_i' H_i Z_i} and the first-difference
 * rows for the Arellano-Bond tests. The block-diagonal instrument matrix is never formed: memory is
 * {@code O(N L k)} and time {@code O(N n_i L (n_i + k))} for N entities with n_i equation rows each.
 *
 * <p>Conventions (xtabond2's, Roodman 2009): a row of the transformed equation is a linear combination of
 * the level errors of one entity; first differences {@code e_t - e_{t-1}} need complete observations at t
 * and t-1; forward orthogonal deviations {@code c_t (e_t - mean of e_s over the later complete s)},
 * {@code c_t = sqrt(m / (m + 1))}, are stored one period late (at t + 1) so that the same lags are valid
 * instruments under both transforms. A complete observation has y, every regressor and every IV-style
 * instrument; GMM-style instruments with missing values count as zeros.
 */
final class Design {
    private static final Pattern LAGGED = Pattern.compile("L(\\d*)\\.(.+)");
    /** Entities per parallel chunk; fixed so that sums do not depend on the thread count. */
    private static final int CHUNK = 256;

    record Config(String y, int lags, List<String> x, List<GmmStyle> gmm, List<IvStyle> iv, boolean system, boolean fod,
                  boolean timeDummies, boolean dummyInstrumentsInLevelsOnly, boolean constant, int h, boolean collapse,
                  String where) {
    }

    enum Kind { GMM_DIFF, GMM_LEVEL_DIFF, GMM_LEVEL_LAGS, IV_DIFF, IV_LEVEL, DUMMY_DIFF, DUMMY_LEVEL, CONSTANT }

    /** One instrument column: its group (for difference-in-Hansen), kind, variable, lag and period (-1 = collapsed). */
    record Column(int group, Kind kind, int var, int lag, int period, boolean passthru) {
    }

    /** An instrument group as reported by the difference-in-Hansen tests. */
    record Group(String label, boolean tested) {
    }

    /** One equation row of an entity: its stored period and its weights over the entity's level periods. */
    private record Row(boolean level, int stored, int[] periods, double[] weights) {
    }

    final Config config;
    final Panel panel;
    final int entities;
    final int grid;
    final int firstTime;
    final List<String> regressorNames = new ArrayList<>();
    final List<Column> columns = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    private final List<double[][]> regressorSeries = new ArrayList<>();
    private final List<Integer> dummyPeriods = new ArrayList<>();
    private final List<double[][]> instrumentSeries = new ArrayList<>();
    private final List<String> instrumentNames = new ArrayList<>();
    private final double[][] ySeries;
    private final boolean[][] complete;
    private final List<List<Row>> rows = new ArrayList<>();
    private final int baseRegressors;

    Design(Panel panel, Config c) {
        this.config = c;
        this.panel = panel;
        this.entities = panel.entityCount();
        int[] times = panel.times();
        if (times.length == 0) throw new DataException(c.where + "the panel has no rows");
        this.firstTime = times[0];
        long span = (long) times[times.length - 1] - times[0] + 1;
        if (span > 10_000) {
            throw new DataException(c.where + "time values span " + span + " periods; gmm needs consecutive integer periods"
                    + " (years, quarters numbered 1, 2, ...)");
        }
        this.grid = (int) span;
        this.ySeries = series(c.y);
        for (int l = 1; l <= c.lags; l++) {
            regressorNames.add((l == 1 ? "L." : "L" + l + ".") + c.y);
            regressorSeries.add(shift(ySeries, l));
        }
        for (String v : c.x) {
            regressorNames.add(v);
            regressorSeries.add(series(v));
        }
        this.baseRegressors = regressorNames.size();
        List<double[][]> ivSeries = new ArrayList<>();
        for (IvStyle g : c.iv) for (String v : g.vars()) ivSeries.add(series(v));
        this.complete = new boolean[entities][grid];
        for (int i = 0; i < entities; i++) {
            for (int g = 0; g < grid; g++) {
                boolean ok = !Double.isNaN(ySeries[i][g]);
                for (double[][] s : regressorSeries) ok &= !Double.isNaN(s[i][g]);
                for (double[][] s : ivSeries) ok &= !Double.isNaN(s[i][g]);
                complete[i][g] = ok;
            }
        }
        TreeSet<Integer> levelPeriods = new TreeSet<>();
        for (int i = 0; i < entities; i++) for (int g = 0; g < grid; g++) if (complete[i][g]) levelPeriods.add(g);
        if (levelPeriods.isEmpty()) {
            throw new DataException(c.where + "no complete observation: every row misses " + c.y + ", a regressor (lags of "
                    + c.y + " need " + c.lags + " earlier period" + (c.lags == 1 ? "" : "s") + ") or an iv instrument");
        }
        if (c.timeDummies) {
            boolean full = c.system && !c.constant;
            for (int g : levelPeriods) {
                if (!full && g == levelPeriods.first()) continue;
                dummyPeriods.add(g);
                regressorNames.add(panel.timeName() + "_" + (firstTime + g));
            }
        }
        if (c.system && c.constant) regressorNames.add("_cons");
        buildRows();
        buildColumns(levelPeriods);
    }

    /** The value series of a variable on the dense time grid, {@code [entity][period]}, NaN where missing. */
    private double[][] series(String name) {
        if (panel.hasNumeric(name)) {
            double[] v = panel.column(name);
            double[][] s = new double[entities][grid];
            for (double[] row : s) java.util.Arrays.fill(row, Double.NaN);
            for (int r = 0; r < panel.rows(); r++) s[panel.entityIndex(r)][panel.time(r) - firstTime] = v[r];
            return s;
        }
        Matcher m = LAGGED.matcher(name);
        if (m.matches() && panel.hasNumeric(m.group(2))) {
            int lag = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
            if (lag < 1 || lag > 50) throw new SpecException("x", "lag " + lag + " of '" + m.group(2) + "' is out of range 1..50");
            return shift(series(m.group(2)), lag);
        }
        panel.column(name); // throws the standard unknown-column message with a suggestion
        throw new DataException("unknown column '" + name + "'");
    }

    private double[][] shift(double[][] s, int lag) {
        double[][] out = new double[entities][grid];
        for (int i = 0; i < entities; i++) {
            for (int g = 0; g < grid; g++) out[i][g] = g - lag >= 0 ? s[i][g - lag] : Double.NaN;
        }
        return out;
    }

    private void buildRows() {
        for (int i = 0; i < entities; i++) {
            List<Row> r = new ArrayList<>();
            boolean[] ok = complete[i];
            for (int g = 0; g < grid; g++) {
                if (!ok[g]) continue;
                if (!config.fod) {
                    if (g > 0 && ok[g - 1]) r.add(new Row(false, g, new int[] {g, g - 1}, new double[] {1, -1}));
                } else {
                    int m = 0;
                    for (int s = g + 1; s < grid; s++) if (ok[s]) m++;
                    if (m == 0) continue;
                    int[] p = new int[m + 1];
                    double[] w = new double[m + 1];
                    double cst = Math.sqrt(m / (m + 1.0));
                    p[0] = g;
                    w[0] = cst;
                    int q = 1;
                    for (int s = g + 1; s < grid; s++) {
                        if (!ok[s]) continue;
                        p[q] = s;
                        w[q++] = -cst / m;
                    }
                    r.add(new Row(false, g + 1, p, w));
                }
            }
            if (config.system) for (int g = 0; g < grid; g++) if (ok[g]) r.add(new Row(true, g, new int[] {g}, new double[] {1}));
            rows.add(r);
        }
    }

    private int instrumentVar(String name) {
        int k = instrumentNames.indexOf(name);
        if (k >= 0) return k;
        instrumentNames.add(name);
        instrumentSeries.add(series(name));
        return instrumentNames.size() - 1;
    }

    private void buildColumns(TreeSet<Integer> levelPeriods) {
        TreeSet<Integer> stored = new TreeSet<>();
        for (List<Row> r : rows) for (Row row : r) if (!row.level) stored.add(row.stored);
        if (stored.isEmpty()) {
            throw new DataException(config.where + "too few periods: no entity has two consecutive complete observations, so the "
                    + (config.fod ? "orthogonal deviations" : "first differences") + " cannot be formed (" + config.lags
                    + " lag(s) of " + config.y + " use up " + config.lags + " period(s))");
        }
        for (GmmStyle gs : config.gmm) {
            int group = groups.size();
            groups.add(new Group(gs.label(), true));
            boolean collapse = gs.collapse() == null ? config.collapse : gs.collapse();
            Equation eq = gs.eq();
            if (!config.system && eq == Equation.LEVEL) {
                throw new SpecException("gmm.equation", "'level' needs model: system (" + gs.label() + ")");
            }
            for (String v : gs.vars()) {
                int var = instrumentVar(v);
                if (eq != Equation.LEVEL) {
                    int maxLag = Math.min(gs.last(), stored.last());
                    if (collapse) {
                        for (int l = gs.first(); l <= maxLag; l++) columns.add(new Column(group, Kind.GMM_DIFF, var, l, -1, false));
                    } else {
                        for (int s : stored) {
                            for (int l = gs.first(); l <= Math.min(gs.last(), s); l++) {
                                columns.add(new Column(group, Kind.GMM_DIFF, var, l, s, false));
                            }
                        }
                    }
                }
                if (config.system && eq == Equation.BOTH) {
                    int d = gs.first() >= 1 ? gs.first() - 1 : 0;
                    if (collapse) columns.add(new Column(group, Kind.GMM_LEVEL_DIFF, var, d, -1, false));
                    else for (int t : levelPeriods) if (t - d - 1 >= 0) columns.add(new Column(group, Kind.GMM_LEVEL_DIFF, var, d, t, false));
                }
                if (config.system && eq == Equation.LEVEL) {
                    int maxLag = Math.min(gs.last(), levelPeriods.last() - 1);
                    for (int l = gs.first(); l <= maxLag; l++) {
                        if (collapse) columns.add(new Column(group, Kind.GMM_LEVEL_LAGS, var, l, -1, false));
                        else for (int t : levelPeriods) if (t - l - 1 >= 0) columns.add(new Column(group, Kind.GMM_LEVEL_LAGS, var, l, t, false));
                    }
                }
            }
        }
        for (IvStyle is : config.iv) {
            int group = groups.size();
            groups.add(new Group(is.label(), true));
            Equation eq = is.eq();
            if (!config.system && eq == Equation.LEVEL) {
                throw new SpecException("iv.equation", "'level' needs model: system (" + is.label() + ")");
            }
            for (String v : is.vars()) {
                int var = instrumentVar(v);
                if (eq != Equation.LEVEL) columns.add(new Column(group, Kind.IV_DIFF, var, 0, -1, is.passthru()));
                if (config.system && eq != Equation.DIFF) columns.add(new Column(group, Kind.IV_LEVEL, var, 0, -1, false));
            }
        }
        if (!dummyPeriods.isEmpty()) {
            int group = groups.size();
            groups.add(new Group("iv(time dummies" + (config.system && config.dummyInstrumentsInLevelsOnly ? ", eq(level))" : ")"), true));
            for (int d = 0; d < dummyPeriods.size(); d++) {
                if (!config.system || !config.dummyInstrumentsInLevelsOnly) columns.add(new Column(group, Kind.DUMMY_DIFF, d, 0, -1, false));
                if (config.system) columns.add(new Column(group, Kind.DUMMY_LEVEL, d, 0, -1, false));
            }
        }
        if (config.system && config.constant) {
            int group = groups.size();
            groups.add(new Group("constant", false));
            columns.add(new Column(group, Kind.CONSTANT, 0, 0, -1, false));
        }
    }

    /** Level value of regressor j for entity i at period g. */
    private double regressor(int j, int i, int g) {
        if (j < baseRegressors) return regressorSeries.get(j)[i][g];
        int d = j - baseRegressors;
        if (d < dummyPeriods.size()) return dummyPeriods.get(d) == g ? 1 : 0;
        return 1; // constant
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private double instrument(Column c, Row row, int i) {
        switch (c.kind) {
            case GMM_DIFF: {
                if (row.level || (c.period >= 0 && c.period != row.stored)) return 0;
                int g = row.stored - c.lag;
                return g >= 0 && g < grid ? orZero(instrumentSeries.get(c.var)[i][g]) : 0;
            }
            case GMM_LEVEL_DIFF:
            case GMM_LEVEL_LAGS: {
                if (!row.level || (c.period >= 0 && c.period != row.stored)) return 0;
                int g = row.stored - c.lag;
                if (g - 1 < 0 || g >= grid) return 0;
                double[] s = instrumentSeries.get(c.var)[i];
                return orZero(s[g] - s[g - 1]);
            }
            case IV_DIFF: {
                if (row.level) return 0;
                double[] s = instrumentSeries.get(c.var)[i];
                if (c.passthru) return row.stored < grid ? orZero(s[row.stored]) : 0;
                double v = 0;
                for (int p = 0; p < row.periods.length; p++) v += row.weights[p] * s[row.periods[p]];
                return v;
            }
            case IV_LEVEL:
                return row.level ? instrumentSeries.get(c.var)[i][row.stored] : 0;
            case DUMMY_DIFF: {
                if (row.level) return 0;
                int period = dummyPeriods.get(c.var);
                double v = 0;
                for (int p = 0; p < row.periods.length; p++) if (row.periods[p] == period) v += row.weights[p];
                return v;
            }
            case DUMMY_LEVEL:
                return row.level && dummyPeriods.get(c.var) == row.stored ? 1 : 0;
            case CONSTANT:
                return row.level ? 1 : 0;
            default:
                throw new IllegalStateException();
        }
    }

    /** One entity's rows as dense arrays: y, X (all regressors), Z (all columns), H. */
    private record Block(int rows, int transformed, double[] y, double[][] x, double[][] z, double[][] h) {
    }

    private Block block(int i, int[] zCols) {
        List<Row> r = rows.get(i);
        int n = r.size();
        int k = regressorNames.size();
        double[] y = new double[n];
        double[][] x = new double[n][k];
        double[][] z = new double[n][zCols.length];
        int transformed = 0;
        for (int a = 0; a < n; a++) {
            Row row = r.get(a);
            if (!row.level) transformed++;
            double yv = 0;
            for (int p = 0; p < row.periods.length; p++) yv += row.weights[p] * ySeries[i][row.periods[p]];
            y[a] = yv;
            for (int j = 0; j < k; j++) {
                double v = 0;
                for (int p = 0; p < row.periods.length; p++) v += row.weights[p] * regressor(j, i, row.periods[p]);
                x[a][j] = v;
            }
            for (int c = 0; c < zCols.length; c++) z[a][c] = instrument(columns.get(zCols[c]), row, i);
        }
        double[][] h = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double v = hEntry(r.get(a), r.get(b), a == b);
                h[a][b] = v;
                h[b][a] = v;
            }
        }
        return new Block(n, transformed, y, x, z, h);
    }

    /** The one-step weighting kernel H (xtabond2 {@code h()}): 1 = identity, 2 = MM' and I blocks, 3 = the full [MM', M; M', I]. */
    private double hEntry(Row a, Row b, boolean same) {
        if (config.h == 1) return same ? 1 : 0;
        if (a.level && b.level) return same ? 1 : 0;
        if (a.level != b.level && config.h == 2) return 0;
        double s = 0;
        for (int p = 0; p < a.periods.length; p++) {
            for (int q = 0; q < b.periods.length; q++) if (a.periods[p] == b.periods[q]) s += a.weights[p] * b.weights[q];
        }
        return s;
    }

    /** The reduced design: per-entity moment blocks and the sums the estimator needs (kept columns only). */
    Moments reduce(Parallelism parallelism) {
        int kAll = regressorNames.size();
        int lAll = columns.size();
        int[] allZ = new int[lAll];
        for (int c = 0; c < lAll; c++) allZ[c] = c;
        int chunks = (entities + CHUNK - 1) / CHUNK;
        // pass 1: X'X over all rows (collinear regressors) and instrument column norms (empty columns)
        List<double[][]> first = parallelism.map(chunks, ch -> {
            double[][] acc = new double[kAll + 1][Math.max(kAll, lAll)];
            for (int i = ch * CHUNK; i < Math.min(entities, (ch + 1) * CHUNK); i++) {
                Block b = block(i, allZ);
                for (int a = 0; a < b.rows; a++) {
                    for (int p = 0; p < kAll; p++) for (int q = 0; q < kAll; q++) acc[p][q] += b.x[a][p] * b.x[a][q];
                    for (int c = 0; c < lAll; c++) acc[kAll][c] += b.z[a][c] * b.z[a][c];
                }
            }
            return acc;
        });
        double[][] xtx = new double[kAll][kAll];
        double[] zNorm = new double[lAll];
        for (double[][] acc : first) {
            for (int p = 0; p < kAll; p++) for (int q = 0; q < kAll; q++) xtx[p][q] += acc[p][q];
            for (int c = 0; c < lAll; c++) zNorm[c] += acc[kAll][c];
        }
        int[] keepX = independentColumns(xtx);
        List<Integer> kz = new ArrayList<>();
        for (int c = 0; c < lAll; c++) if (zNorm[c] > 0) kz.add(c);
        int[] keepZ = kz.stream().mapToInt(Integer::intValue).toArray();
        if (keepZ.length == 0) throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, config.where + "no instruments: every instrument column is zero in the estimation sample");
        // pass 2: moments with the kept columns
        int k = keepX.length;
        int l = keepZ.length;
        List<Moments.Chunk> parts = parallelism.map(chunks, ch -> {
            int from = ch * CHUNK;
            int to = Math.min(entities, (ch + 1) * CHUNK);
            Moments.Chunk part = new Moments.Chunk(from, to, l, k);
            for (int i = from; i < to; i++) {
                Block b = block(i, keepZ);
                part.add(i - from, b.rows, b.transformed, b.y, select(b.x, keepX), b.z, b.h, fdRows(i, keepX));
            }
            return part;
        });
        List<String> names = new ArrayList<>();
        for (int j : keepX) names.add(regressorNames.get(j));
        List<String> dropped = new ArrayList<>();
        for (int j = 0; j < kAll; j++) {
            boolean kept = false;
            for (int q : keepX) kept |= q == j;
            if (!kept && j < baseRegressors) dropped.add(regressorNames.get(j));
        }
        List<Column> cols = new ArrayList<>();
        for (int c : keepZ) cols.add(columns.get(c));
        return Moments.combine(parts, entities, names, dropped, cols, groups, config.system);
    }

    private static double[][] select(double[][] x, int[] keep) {
        double[][] out = new double[x.length][keep.length];
        for (int a = 0; a < x.length; a++) for (int j = 0; j < keep.length; j++) out[a][j] = x[a][keep[j]];
        return out;
    }

    /** First-difference rows (complete at t and t-1) of entity i for the Arellano-Bond tests: period, dy, dX. */
    private Moments.FdRows fdRows(int i, int[] keepX) {
        boolean[] ok = complete[i];
        int count = 0;
        for (int g = 1; g < grid; g++) if (ok[g] && ok[g - 1]) count++;
        int[] period = new int[count];
        double[] dy = new double[count];
        double[][] dx = new double[count][keepX.length];
        int a = 0;
        for (int g = 1; g < grid; g++) {
            if (!(ok[g] && ok[g - 1])) continue;
            period[a] = g;
            dy[a] = ySeries[i][g] - ySeries[i][g - 1];
            for (int j = 0; j < keepX.length; j++) dx[a][j] = regressor(keepX[j], i, g) - regressor(keepX[j], i, g - 1);
            a++;
        }
        return new Moments.FdRows(period, dy, dx);
    }

    /**
     * Columns of a Gram matrix that are linearly independent of the columns before them (Cholesky with
     * skipping, relative pivot tolerance 1e-10), as Stata drops collinear regressors in order.
     */
    static int[] independentColumns(double[][] gram) {
        int k = gram.length;
        List<Integer> keep = new ArrayList<>();
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double d = gram[j][j];
            if (!(d > 0)) continue;
            double[] row = new double[keep.size()];
            for (int a = 0; a < keep.size(); a++) {
                int p = keep.get(a);
                double s = gram[j][p];
                for (int b = 0; b < a; b++) s -= row[b] * l[a][b];
                row[a] = s / l[a][a];
            }
            double pivot = d;
            for (double v : row) pivot -= v * v;
            if (pivot <= 1e-10 * d) continue;
            int a = keep.size();
            System.arraycopy(row, 0, l[a], 0, row.length);
            l[a][a] = Math.sqrt(pivot);
            keep.add(j);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
