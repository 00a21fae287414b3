package eres.plugins.sdm;

import eres.api.panel.Effects;
import eres.api.DataException;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import java.util.ArrayList;
import java.util.List;

/**
 * A balanced panel arranged as the spatial likelihood needs it: stacked by period, rows
 * {@code r = t N + i} (N units of W's order within each period), with the spatial lags {@code W y_t}
 * and {@code W X_t} computed period by period on the raw data, then every column demeaned by the
 * fixed effects (Elhorst 2014, sec. 3.3): two-way {@code w - wbar_i. - wbar_.t + wbar_..}, entity
 * {@code w - wbar_i.}, time {@code w - wbar_.t}. Immutable after construction.
 */
final class SpatialPanel {
    final int n;
    final int t;
    final Effects effects;
    final SpatialWeights w;
    final List<String> units;
    final int[] periods;
    /** Raw and demeaned dependent variable and its lag. */
    final double[] y;
    final double[] wy;
    final double[] yd;
    final double[] wyd;
    /** Raw and demeaned regressors x[j][r] and their demeaned lags: {@code wxd} of the Durbin columns, {@code wxAll} of every x. */
    final List<String> xNames;
    final double[][] xd;
    final List<String> durbinNames;
    final double[][] wxd;
    final double[][] wxAll;
    /** True if every row of W sums to one (then W applied before or after demeaning differ only by period means). */
    final boolean rowStandardized;
    /** Raw regressors (time-major), for the between/RE computations of the Hausman test. */
    final double[][] x;

    SpatialPanel(Panel panel, String yName, List<String> xNames, List<String> durbinNames, SpatialWeights w, Effects effects) {
        this.n = panel.entityCount();
        this.t = panel.timeCount();
        this.effects = effects;
        this.w = w;
        this.units = panel.entities();
        this.periods = panel.times();
        if (!w.ids().equals(units)) throw new IllegalArgumentException("W is not ordered as the panel's units");
        if (!panel.isBalanced()) {
            throw new DataException("spatial panel models need a balanced panel: " + panel.rows() + " rows for " + n + " units x "
                    + t + " periods (missing unit-periods are not allowed)");
        }
        if (t < 2 && effects.hasEntity()) throw new DataException("entity fixed effects need at least 2 periods, the panel has " + t);
        if (n < 3) throw new DataException("spatial models need at least 3 units, the panel has " + n);
        List<String> all = new ArrayList<>();
        all.add(yName);
        all.addAll(xNames);
        panel.requireNumeric(all);
        this.y = timeMajor(panel, yName);
        this.xNames = List.copyOf(xNames);
        this.durbinNames = List.copyOf(durbinNames);
        this.x = new double[xNames.size()][];
        for (int j = 0; j < xNames.size(); j++) x[j] = timeMajor(panel, xNames.get(j));
        this.wy = lag(y);
        this.yd = demean(y);
        this.wyd = demean(wy);
        this.xd = new double[xNames.size()][];
        for (int j = 0; j < x.length; j++) {
            xd[j] = demean(x[j]);
            if (isZero(xd[j], x[j])) {
                throw new DataException("regressor '" + xNames.get(j) + "' does not vary within the " + effects.label()
                        + " fixed effects (it is absorbed)");
            }
        }
        this.wxAll = new double[x.length][];
        for (int j = 0; j < x.length; j++) wxAll[j] = demean(lag(x[j]));
        this.wxd = new double[durbinNames.size()][];
        for (int j = 0; j < durbinNames.size(); j++) {
            int src = xNames.indexOf(durbinNames.get(j));
            wxd[j] = wxAll[src];
            if (isZero(wxd[j], x[src])) {
                throw new DataException("spatial lag W*" + durbinNames.get(j) + " does not vary within the " + effects.label()
                        + " fixed effects (it is absorbed)");
            }
        }
        this.rowStandardized = eres.api.spatial.Weights.rowsSumToOne(w);
    }

    /** Observations {@code N T}. */
    int rows() {
        return n * t;
    }

    private double[] timeMajor(Panel p, String col) {
        double[] v = p.column(col);
        double[] out = new double[n * t];
        for (int row = 0; row < p.rows(); row++) {
            double a = v[row];
            if (!Double.isFinite(a)) {
                throw new DataException("column '" + col + "' is missing or not finite for unit " + p.entity(row) + " in " + p.time(row)
                        + " (spatial panel models need complete data)");
            }
            out[p.timeIndex(row) * n + p.entityIndex(row)] = a;
        }
        return out;
    }

    /** {@code (I_T kron W) v}. */
    double[] lag(double[] v) {
        double[] out = new double[v.length];
        for (int s = 0; s < t; s++) {
            int off = s * n;
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int k = w.rowStart(i); k < w.rowEnd(i); k++) acc += w.value(k) * v[off + w.column(k)];
                out[off + i] = acc;
            }
        }
        return out;
    }

    /** The fixed-effects transformation of a time-major column. */
    double[] demean(double[] v) {
        double[] out = v.clone();
        if (effects == Effects.NONE) return out;
        double[] unitMean = new double[n];
        double[] timeMean = new double[t];
        double all = 0;
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                double a = v[s * n + i];
                unitMean[i] += a / t;
                timeMean[s] += a / n;
                all += a;
            }
        }
        all /= n * t;
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                int r = s * n + i;
                switch (effects) {
                    case ENTITY -> out[r] = v[r] - unitMean[i];
                    case TIME -> out[r] = v[r] - timeMean[s];
                    default -> out[r] = v[r] - unitMean[i] - timeMean[s] + all;
                }
            }
        }
        return out;
    }

    /** Entity demeaning only ({@code w - wbar_i.}), whatever the model's effects. */
    double[] demeanEntity(double[] v) {
        double[] out = v.clone();
        double[] unitMean = new double[n];
        for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) unitMean[i] += v[s * n + i] / t;
        for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) out[s * n + i] -= unitMean[i];
        return out;
    }

    /** Removes the period means (what time effects absorb) from a time-major vector; a copy. */
    double[] demeanPeriods(double[] v) {
        double[] out = v.clone();
        for (int s = 0; s < t; s++) {
            double m = 0;
            for (int i = 0; i < n; i++) m += v[s * n + i];
            m /= n;
            for (int i = 0; i < n; i++) out[s * n + i] -= m;
        }
        return out;
    }

    private static boolean isZero(double[] demeaned, double[] raw) {
        double scale = 0;
        for (double a : raw) scale = Math.max(scale, Math.abs(a));
        double max = 0;
        for (double a : demeaned) max = Math.max(max, Math.abs(a));
        return max <= 1e-12 * Math.max(scale, Double.MIN_NORMAL);
    }

    /** The demeaned design of the model: X~, then (WX)~ of the Durbin columns when {@code durbin}. */
    double[][] design(boolean durbin) {
        int k = xd.length + (durbin ? wxd.length : 0);
        double[][] z = new double[rows()][k];
        for (int r = 0; r < rows(); r++) {
            for (int j = 0; j < xd.length; j++) z[r][j] = xd[j][r];
            if (durbin) for (int j = 0; j < wxd.length; j++) z[r][xd.length + j] = wxd[j][r];
        }
        return z;
    }

    List<String> designNames(boolean durbin) {
        List<String> names = new ArrayList<>(xNames);
        if (durbin) for (String d : durbinNames) names.add("W*" + d);
        return names;
    }

    /** Total sum of squares of the raw y about its mean (Elhorst's R^2 denominator). */
    double totalSumOfSquares() {
        double m = 0;
        for (double a : y) m += a / y.length;
        double s = 0;
        for (double a : y) s += (a - m) * (a - m);
        return s;
    }
}
