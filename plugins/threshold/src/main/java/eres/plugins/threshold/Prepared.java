package eres.plugins.threshold;

import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The estimation sample of a threshold model, prepared once and shared (read-only) by every search
 * and bootstrap replication.
 *
 * <ul>
 *   <li>rows complete on y, the regime regressors, the controls, q and the lags of y (others dropped and
 *       counted); entities with fewer than two rows dropped (they carry no within variation);</li>
 *   <li>the within transformation {@code W} per entity over its own {@code T_i} rows (so unbalanced
 *       panels are transformed exactly), optionally followed by Hansen's deletion {@code D} of each
 *       entity's last demeaned row; the transformed sample has {@code N'} rows and the within degrees of
 *       freedom are {@code sum_i (T_i - 1)} either way;</li>
 *   <li>one sort of the observations by q (ties by row), shared by all searches.</li>
 * </ul>
 *
 * Arrays are indexed by kept row {@code r} in {@code [0, n)} (entity-major, time ascending) unless
 * named {@code ...t} (transformed row in {@code [0, nt)}) or {@code ...Sorted} (position in q order).
 */
final class Prepared {
    final int n;
    final int entities;
    final int[] entity;
    final int[] tCount;
    final int[] start;
    final boolean deleteLast;
    final int nt;
    final int[] trow;
    final int[] tStart;
    final int kz;
    final int kr;
    final double[] q;
    final double[] x;
    final double[] yt;
    final double[][] zt;
    final double[][] xt;
    final double[] tssY;
    final int df;
    final boolean balanced;
    final int[] order;
    final double[] xSorted;
    final int[] entitySorted;
    final boolean[] lastSorted;
    final double[] distinct;
    final int[] cumCount;
    final int droppedMissing;
    final int droppedEntities;
    final int[] panelRow;
    final List<String> zNames;
    final List<String> xNames;
    final double[] yRaw;
    final double[][] zRaw;
    final String entityName;
    final int periodCount;

    /**
     * @param zNames regime-independent regressors (controls, then the lags of y as {@code L1.y} ... which
     *               this method builds when {@code lags > 0})
     */
    Prepared(Panel panel, String y, List<String> regime, String threshold, List<String> controls, int lags,
             boolean deleteLast, String where) {
        List<String> needed = new ArrayList<>();
        needed.add(y);
        needed.addAll(regime);
        needed.add(threshold);
        needed.addAll(controls);
        panel.requireNumeric(needed);
        this.entityName = panel.entityName();
        int rows = panel.rows();
        double[] yAll = panel.column(y);
        double[][] lagCols = new double[lags][];
        for (int l = 1; l <= lags; l++) lagCols[l - 1] = lag(panel, yAll, l);
        boolean[] keep = new boolean[rows];
        int missing = 0;
        double[][] zAll = new double[controls.size() + lags][];
        for (int j = 0; j < controls.size(); j++) zAll[j] = panel.column(controls.get(j));
        for (int l = 0; l < lags; l++) zAll[controls.size() + l] = lagCols[l];
        double[][] xAll = new double[regime.size()][];
        for (int j = 0; j < regime.size(); j++) xAll[j] = panel.column(regime.get(j));
        double[] qAll = panel.column(threshold);
        for (int r = 0; r < rows; r++) {
            boolean ok = Double.isFinite(yAll[r]) && Double.isFinite(qAll[r]);
            for (double[] c : xAll) ok &= Double.isFinite(c[r]);
            for (double[] c : zAll) ok &= Double.isFinite(c[r]);
            keep[r] = ok;
            if (!ok) missing++;
        }
        // drop entities with fewer than two complete rows
        int[] perEntity = new int[panel.entityCount()];
        for (int r = 0; r < rows; r++) if (keep[r]) perEntity[panel.entityIndex(r)]++;
        int droppedEnt = 0;
        for (int c : perEntity) if (c == 1) droppedEnt++;
        for (int r = 0; r < rows; r++) if (keep[r] && perEntity[panel.entityIndex(r)] < 2) keep[r] = false;
        int count = 0;
        for (boolean k : keep) if (k) count++;
        this.droppedMissing = missing;
        this.droppedEntities = droppedEnt;
        this.n = count;
        this.kz = zAll.length;
        this.kr = xAll.length;
        this.deleteLast = deleteLast;
        List<String> zn = new ArrayList<>(controls);
        for (int l = 1; l <= lags; l++) zn.add("L" + l + "." + y);
        this.zNames = List.copyOf(zn);
        this.xNames = List.copyOf(regime);
        if (count == 0) {
            throw new DataException(where + "no complete observations on " + needed
                    + (lags > 0 ? " and " + lags + " lag(s) of " + y : ""));
        }
        panelRow = new int[count];
        entity = new int[count];
        q = new double[count];
        x = new double[count * kr];
        yRaw = new double[count];
        zRaw = new double[kz][count];
        double[][] xRaw = new double[kr][count];
        List<Integer> starts = new ArrayList<>();
        int e = -1;
        int lastPanelEntity = -1;
        int i = 0;
        for (int r = 0; r < rows; r++) {
            if (!keep[r]) continue;
            int pe = panel.entityIndex(r);
            if (pe != lastPanelEntity) {
                e++;
                starts.add(i);
                lastPanelEntity = pe;
            }
            panelRow[i] = r;
            entity[i] = e;
            q[i] = qAll[r];
            yRaw[i] = yAll[r];
            for (int j = 0; j < kr; j++) {
                x[i * kr + j] = xAll[j][r];
                xRaw[j][i] = xAll[j][r];
            }
            for (int j = 0; j < kz; j++) zRaw[j][i] = zAll[j][r];
            i++;
        }
        entities = e + 1;
        boolean[] seenT = new boolean[panel.timeCount()];
        int pc = 0;
        for (int r2 : panelRow) if (!seenT[panel.timeIndex(r2)]) {
            seenT[panel.timeIndex(r2)] = true;
            pc++;
        }
        periodCount = pc;
        start = new int[entities + 1];
        for (int k = 0; k < entities; k++) start[k] = starts.get(k);
        start[entities] = count;
        tCount = new int[entities];
        boolean bal = true;
        for (int k = 0; k < entities; k++) {
            tCount[k] = start[k + 1] - start[k];
            if (tCount[k] != tCount[0]) bal = false;
        }
        balanced = bal;
        df = count - entities;
        nt = deleteLast ? count - entities : count;
        trow = new int[count];
        tStart = new int[entities + 1];
        int t = 0;
        for (int k = 0; k < entities; k++) {
            tStart[k] = t;
            for (int r = start[k]; r < start[k + 1]; r++) {
                boolean deleted = deleteLast && r == start[k + 1] - 1;
                trow[r] = deleted ? -1 : t++;
            }
        }
        tStart[entities] = t;
        if (df <= kz + 2 * kr) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where + n + " observations in "
                    + entities + " entities leave " + df + " within degrees of freedom for " + (kz + 2 * kr) + " coefficients");
        }
        yt = transform(yRaw);
        zt = new double[kz][];
        for (int j = 0; j < kz; j++) zt[j] = transform(zRaw[j]);
        xt = new double[kr][];
        for (int j = 0; j < kr; j++) xt[j] = transform(xRaw[j]);
        tssY = new double[] {dot(yt, yt)};
        checkVariation(where, y, yRaw, yt);
        for (int j = 0; j < kz; j++) checkVariation(where, zn.get(j), zRaw[j], zt[j]);
        for (int j = 0; j < kr; j++) checkVariation(where, regime.get(j), xRaw[j], xt[j]);

        // one sort by q (ties by row), distinct values and cumulative counts
        Integer[] idx = new Integer[count];
        for (int r = 0; r < count; r++) idx[r] = r;
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(q[a], q[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        order = new int[count];
        xSorted = new double[count * kr];
        entitySorted = new int[count];
        lastSorted = new boolean[count];
        for (int p = 0; p < count; p++) {
            int r = idx[p];
            order[p] = r;
            System.arraycopy(x, r * kr, xSorted, p * kr, kr);
            entitySorted[p] = entity[r];
            lastSorted[p] = r == start[entity[r] + 1] - 1;
        }
        double[] dv = new double[count];
        int[] cc = new int[count];
        int m = 0;
        for (int p = 0; p < count; p++) {
            double v = q[order[p]];
            if (m == 0 || v != dv[m - 1]) {
                dv[m++] = v;
            }
            cc[m - 1] = p + 1;
        }
        distinct = Arrays.copyOf(dv, m);
        cumCount = Arrays.copyOf(cc, m);
    }

    /** Lag {@code l} of a column by the panel's time levels (NaN where the earlier period is absent). */
    static double[] lag(Panel panel, double[] v, int l) {
        int[] times = panel.times();
        double[] out = new double[panel.rows()];
        for (int r = 0; r < panel.rows(); r++) {
            int ti = panel.timeIndex(r) - l;
            int src = ti < 0 ? -1 : panel.rowOf(panel.entityIndex(r), times[ti]);
            out[r] = src < 0 ? Double.NaN : v[src];
        }
        return out;
    }

    private void checkVariation(String where, String name, double[] raw, double[] within) {
        double scale = 0;
        for (double v : raw) scale = Math.max(scale, Math.abs(v));
        double w = 0;
        for (double v : within) w = Math.max(w, Math.abs(v));
        if (eres.api.linalg.Collinearity.absorbed(raw, within)) {
            throw new EstimationException(EstimationException.Reason.ABSORBED_REGRESSOR,
                    where + "'" + name + "' does not vary within entities (it is absorbed by the fixed effects)");
        }
    }

    /** {@code D W v}: entity demeaning over the entity's own rows, then the optional deletion (length nt). */
    double[] transform(double[] v) {
        double[] out = new double[nt];
        for (int k = 0; k < entities; k++) {
            double mean = mean(v, start[k], start[k + 1]);
            for (int r = start[k]; r < start[k + 1]; r++) {
                if (trow[r] >= 0) out[trow[r]] = v[r] - mean;
            }
        }
        return out;
    }

    /**
     * {@code W D' u} for a transformed vector (length n): zero in deleted rows, then entity demeaning.
     * Without deletion a transformed vector is already demeaned and is returned as is (not copied).
     */
    double[] back(double[] u) {
        if (!deleteLast) return u;
        double[] out = new double[n];
        for (int k = 0; k < entities; k++) {
            double s = 0;
            for (int r = start[k]; r < start[k + 1]; r++) {
                double v = trow[r] >= 0 ? u[trow[r]] : 0;
                out[r] = v;
                s += v;
            }
            double mean = s / tCount[k];
            for (int r = start[k]; r < start[k + 1]; r++) out[r] -= mean;
        }
        return out;
    }

    /** Rows (in the transformed sample) of entity k: {@code [tStart[k], tStart[k+1])}. */
    int tRows(int k) {
        return tStart[k + 1] - tStart[k];
    }

    static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += v[i];
        double m = s / (to - from);
        // one correction pass (accurate mean even for large offsets)
        double c = 0;
        for (int i = from; i < to; i++) c += v[i] - m;
        return m + c / (to - from);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Number of observations with {@code q <= v} (v a distinct value index j: cumCount[j]). */
    int countAtOrBelow(double v) {
        int j = Arrays.binarySearch(distinct, v);
        if (j >= 0) return cumCount[j];
        int ins = -j - 1;
        return ins == 0 ? 0 : cumCount[ins - 1];
    }

    /** Number of observations with {@code q < v}. */
    int countBelow(double v) {
        int j = Arrays.binarySearch(distinct, v);
        int ins = j >= 0 ? j : -j - 1;
        return ins == 0 ? 0 : cumCount[ins - 1];
    }
}
