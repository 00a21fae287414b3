package eres.plugins.dynthreshold;

import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first-differenced design of Seo &amp; Shin (2016) on a balanced panel of N entities and T periods:
 *
 * <pre>  D.y_it = b' D.x_it + d' [ (1, x_it')' 1(q_it &gt; g) - (1, x_i,t-1')' 1(q_i,t-1 &gt; g) ] + D.e_it</pre>
 *
 * for t = 3..T (dynamic, x_it contains y_i,t-1) or t = 2..T (static), with the per-period instruments of
 * Stata's xthenreg: a constant; in the dynamic model {@code y_i1 .. y_i,t-2}; {@code D.x_it} for regressors
 * taken as exogenous; {@code x_i1 .. x_i,t-2} for endogenous ones; {@code x_i1 .. x_it} for those declared
 * {@code exogenous} (xthenreg's {@code exo()}); additional instruments at t. The threshold variable never
 * enters the instruments by itself, so it may be endogenous. Instruments are stored as an L x N matrix
 * (moment row by entity), never as a block-diagonal matrix.
 */
final class FdMoments {
    final int n;
    final int periods;
    final int first;
    final int k1;
    final List<String> regressors = new ArrayList<>();
    final double[][] q;
    /** Instrument value of moment row l for entity i, and the row's equation period. */
    final double[][] z;
    final int[] rowPeriod;
    /** Per equation period t and entity i: D.y, D.x (k1), x_t and x_t-1 (k1 each), q_t, q_t-1. */
    final double[][] dy;
    final double[][][] dx;
    final double[][][] xNow;
    final double[][][] xLag;
    final int droppedEntities;
    final List<String> entities;

    FdMoments(Panel panel, String y, String threshold, List<String> x, List<String> endogenous, List<String> exogenous,
              List<String> instruments, boolean dynamic, String where) {
        List<String> needed = new ArrayList<>(List.of(y, threshold));
        needed.addAll(x);
        needed.addAll(endogenous);
        needed.addAll(exogenous);
        needed.addAll(instruments);
        panel.requireNumeric(needed);
        int[] times = panel.times();
        int tCount = times.length;
        if (tCount < 2 || times[tCount - 1] - times[0] + 1 != tCount) {
            throw new DataException(where + "dynamic-threshold needs consecutive periods (got " + tCount + " distinct periods from "
                    + (tCount == 0 ? "-" : times[0] + " to " + times[tCount - 1]) + ")");
        }
        // balanced entities without missing values (xthenreg drops the others)
        List<Integer> keep = new ArrayList<>();
        int[] count = new int[panel.entityCount()];
        boolean[] bad = new boolean[panel.entityCount()];
        for (int r = 0; r < panel.rows(); r++) {
            int e = panel.entityIndex(r);
            count[e]++;
            for (String v : needed) if (Double.isNaN(panel.value(v, r))) bad[e] = true;
        }
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < count.length; e++) {
            if (count[e] == tCount && !bad[e]) {
                keep.add(e);
                ids.add(panel.entities().get(e));
            }
        }
        this.droppedEntities = count.length - keep.size();
        this.entities = List.copyOf(ids);
        this.n = keep.size();
        this.periods = tCount;
        this.first = dynamic ? 2 : 1;
        if (periods - first < 2) {
            throw new DataException(where + "too few periods: " + periods + " period(s) leave " + Math.max(0, periods - first)
                    + " differenced equation(s); the " + (dynamic ? "dynamic" : "static") + " model needs at least " + (first + 2));
        }
        if (n < 2) throw new DataException(where + "fewer than 2 entities observed in every period without missing values");
        double[][] yv = grid(panel, y, keep, times[0]);
        this.q = grid(panel, threshold, keep, times[0]);
        List<double[][]> xs = new ArrayList<>();
        if (dynamic) {
            regressors.add("L." + y);
            double[][] lag = new double[n][periods];
            for (int i = 0; i < n; i++) {
                lag[i][0] = Double.NaN;
                for (int t = 1; t < periods; t++) lag[i][t] = yv[i][t - 1];
            }
            xs.add(lag);
        }
        List<String> all = new ArrayList<>(x);
        all.addAll(endogenous);
        all.addAll(exogenous);
        for (String v : all) {
            regressors.add(v);
            xs.add(grid(panel, v, keep, times[0]));
        }
        this.k1 = regressors.size();
        if (k1 == 0) throw new DataException(where + "no regressor: give x or use the dynamic model");
        int eqs = periods - first;
        dy = new double[eqs][n];
        dx = new double[eqs][k1][n];
        xNow = new double[eqs][k1][n];
        xLag = new double[eqs][k1][n];
        for (int e = 0; e < eqs; e++) {
            int t = first + e;
            for (int i = 0; i < n; i++) {
                dy[e][i] = yv[i][t] - yv[i][t - 1];
                for (int j = 0; j < k1; j++) {
                    xNow[e][j][i] = xs.get(j)[i][t];
                    xLag[e][j][i] = xs.get(j)[i][t - 1];
                    dx[e][j][i] = xNow[e][j][i] - xLag[e][j][i];
                }
            }
        }
        // instruments, equation by equation
        List<double[]> zr = new ArrayList<>();
        List<Integer> rp = new ArrayList<>();
        List<double[][]> instr = new ArrayList<>();
        for (String v : instruments) instr.add(grid(panel, v, keep, times[0]));
        int xFrom = dynamic ? 1 : 0;
        for (int e = 0; e < eqs; e++) {
            int t = first + e;
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            add(zr, rp, e, ones);
            if (dynamic) for (int s = 0; s <= t - 2; s++) add(zr, rp, e, column(yv, s));
            for (int j = 0; j < x.size(); j++) add(zr, rp, e, dx[e][xFrom + j].clone());
            for (int j = 0; j < endogenous.size(); j++) {
                double[][] s = xs.get(xFrom + x.size() + j);
                for (int u = 0; u <= t - 2; u++) add(zr, rp, e, column(s, u));
            }
            for (int j = 0; j < exogenous.size(); j++) {
                double[][] s = xs.get(xFrom + x.size() + endogenous.size() + j);
                for (int u = 0; u <= t; u++) add(zr, rp, e, column(s, u));
            }
            for (double[][] s : instr) add(zr, rp, e, column(s, t));
        }
        this.z = zr.toArray(new double[0][]);
        this.rowPeriod = rp.stream().mapToInt(Integer::intValue).toArray();
        if (z.length < 2 * k1 + 2) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where + z.length
                    + " moment conditions for " + (2 * k1 + 2) + " parameters (slopes, regime differences, threshold): add"
                    + " periods or instruments");
        }
    }

    private static void add(List<double[]> z, List<Integer> rp, int e, double[] v) {
        z.add(v);
        rp.add(e);
    }

    private static double[] column(double[][] s, int t) {
        double[] c = new double[s.length];
        for (int i = 0; i < s.length; i++) c[i] = s[i][t];
        return c;
    }

    private double[][] grid(Panel panel, String v, List<Integer> keep, int t0) {
        int[] pos = new int[panel.entityCount()];
        Arrays.fill(pos, -1);
        for (int a = 0; a < keep.size(); a++) pos[keep.get(a)] = a;
        double[][] out = new double[keep.size()][panel.timeCount()];
        double[] col = panel.column(v);
        for (int r = 0; r < panel.rows(); r++) {
            int a = pos[panel.entityIndex(r)];
            if (a >= 0) out[a][panel.time(r) - t0] = col[r];
        }
        return out;
    }

    int moments() {
        return z.length;
    }

    int equations() {
        return periods - first;
    }
}
