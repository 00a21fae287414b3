package eres.plugins.gmm;

import java.util.List;

/**
 * Sufficient statistics of a dynamic-panel GMM problem: per entity {@code Z_i'X_i} (L x k) and
 * {@code Z_i'y_i} (L), and the sums {@code Z'HZ}, {@code Z'X}, {@code Z'y}; the transformed-equation cross
 * products for the residual variance; the first-difference rows for the Arellano-Bond tests; counts.
 * Chunks are combined in index order, so sums do not depend on the thread count.
 */
final class Moments {
    /** First-difference rows of one entity: grid period, {@code D.y}, {@code D.X}. */
    record FdRows(int[] period, double[] dy, double[][] dx) {
    }

    final int entities;
    final int l;
    final int k;
    final List<String> regressors;
    final List<String> droppedRegressors;
    final List<Design.Column> columns;
    final List<Design.Group> groups;
    final boolean system;
    final double[][][] zx;
    final double[][] zy;
    final FdRows[] fd;
    final double[][] zhz;
    final double[][] zxSum;
    final double[] zySum;
    /** Cross products of the transformed equation: X*'X*, X*'y*, y*'y* and its row count. */
    final double[][] txx;
    final double[] txy;
    final double tyy;
    final long transformedRows;
    final long levelRows;
    /** Rows per entity in the reported sample (transformed for difference GMM, levels for system GMM). */
    final int[] sampleRows;

    private Moments(int entities, int l, int k, List<String> regressors, List<String> dropped, List<Design.Column> columns,
                    List<Design.Group> groups, boolean system, double[][][] zx, double[][] zy, FdRows[] fd, double[][] zhz,
                    double[][] txx, double[] txy, double tyy, long transformedRows, long levelRows, int[] sampleRows) {
        this.entities = entities;
        this.l = l;
        this.k = k;
        this.regressors = List.copyOf(regressors);
        this.droppedRegressors = List.copyOf(dropped);
        this.columns = List.copyOf(columns);
        this.groups = List.copyOf(groups);
        this.system = system;
        this.zx = zx;
        this.zy = zy;
        this.fd = fd;
        this.zhz = Dense.symmetrise(zhz);
        this.txx = txx;
        this.txy = txy;
        this.tyy = tyy;
        this.transformedRows = transformedRows;
        this.levelRows = levelRows;
        this.sampleRows = sampleRows;
        this.zxSum = new double[l][k];
        this.zySum = new double[l];
        for (int i = 0; i < entities; i++) {
            if (zx[i] == null) continue;
            for (int a = 0; a < l; a++) {
                zySum[a] += zy[i][a];
                for (int j = 0; j < k; j++) zxSum[a][j] += zx[i][a][j];
            }
        }
    }

    /** Partial statistics of a contiguous range of entities. */
    static final class Chunk {
        final int from;
        final int l;
        final int k;
        final double[][][] zx;
        final double[][] zy;
        final FdRows[] fd;
        final double[][] zhz;
        final double[][] txx;
        final double[] txy;
        double tyy;
        long transformed;
        long level;
        final int[] sample;

        Chunk(int from, int to, int l, int k) {
            this.from = from;
            this.l = l;
            this.k = k;
            int n = to - from;
            zx = new double[n][][];
            zy = new double[n][];
            fd = new FdRows[n];
            sample = new int[n];
            zhz = new double[l][l];
            txx = new double[k][k];
            txy = new double[k];
        }

        /** Adds entity {@code local} of this chunk: its rows (transformed first), Z (n x L), H (n x n). */
        void add(int local, int n, int transformedRows, double[] y, double[][] x, double[][] z, double[][] h, FdRows fdRows) {
            fd[local] = fdRows;
            transformed += transformedRows;
            level += n - transformedRows;
            if (n == 0) return;
            double[][] zxi = new double[l][k];
            double[] zyi = new double[l];
            for (int a = 0; a < n; a++) {
                double[] za = z[a];
                for (int c = 0; c < l; c++) {
                    double v = za[c];
                    if (v == 0) continue;
                    zyi[c] += v * y[a];
                    double[] row = zxi[c];
                    for (int j = 0; j < k; j++) row[j] += v * x[a][j];
                }
            }
            // Z' H Z = sum_a sum_b z_a h_ab z_b'
            for (int a = 0; a < n; a++) {
                double[] hz = new double[l];
                boolean any = false;
                for (int b = 0; b < n; b++) {
                    double hab = h[a][b];
                    if (hab == 0) continue;
                    any = true;
                    for (int c = 0; c < l; c++) hz[c] += hab * z[b][c];
                }
                if (!any) continue;
                double[] za = z[a];
                for (int c = 0; c < l; c++) {
                    double v = za[c];
                    if (v == 0) continue;
                    double[] row = zhz[c];
                    for (int d = 0; d < l; d++) row[d] += v * hz[d];
                }
            }
            for (int a = 0; a < transformedRows; a++) {
                for (int p = 0; p < k; p++) {
                    txy[p] += x[a][p] * y[a];
                    for (int q = 0; q < k; q++) txx[p][q] += x[a][p] * x[a][q];
                }
                tyy += y[a] * y[a];
            }
            zx[local] = zxi;
            zy[local] = zyi;
            sample[local] = n == transformedRows ? n : n - transformedRows;
        }
    }

    static Moments combine(List<Chunk> parts, int entities, List<String> regressors, List<String> dropped,
                           List<Design.Column> columns, List<Design.Group> groups, boolean system) {
        int l = columns.size();
        int k = regressors.size();
        double[][][] zx = new double[entities][][];
        double[][] zy = new double[entities][];
        FdRows[] fd = new FdRows[entities];
        int[] sample = new int[entities];
        double[][] zhz = new double[l][l];
        double[][] txx = new double[k][k];
        double[] txy = new double[k];
        double tyy = 0;
        long tr = 0;
        long lr = 0;
        for (Chunk c : parts) {
            for (int a = 0; a < c.zx.length; a++) {
                zx[c.from + a] = c.zx[a];
                zy[c.from + a] = c.zy[a];
                fd[c.from + a] = c.fd[a];
                sample[c.from + a] = c.sample[a];
            }
            for (int a = 0; a < l; a++) for (int b = 0; b < l; b++) zhz[a][b] += c.zhz[a][b];
            for (int p = 0; p < k; p++) {
                txy[p] += c.txy[p];
                for (int q = 0; q < k; q++) txx[p][q] += c.txx[p][q];
            }
            tyy += c.tyy;
            tr += c.transformed;
            lr += c.level;
        }
        if (!system) for (int i = 0; i < entities; i++) sample[i] = zx[i] == null ? 0 : sample[i];
        return new Moments(entities, l, k, regressors, dropped, columns, groups, system, zx, zy, fd, zhz, txx, txy, tyy, tr, lr, sample);
    }

    /** Moment contributions {@code u_i = Z_i'(y_i - X_i b)}, null for entities without rows. */
    double[][] residualMoments(double[] b) {
        double[][] u = new double[entities][];
        for (int i = 0; i < entities; i++) {
            if (zx[i] == null) continue;
            double[] ui = zy[i].clone();
            for (int a = 0; a < l; a++) {
                double[] row = zx[i][a];
                double s = 0;
                for (int j = 0; j < k; j++) s += row[j] * b[j];
                ui[a] -= s;
            }
            u[i] = ui;
        }
        return u;
    }

    /** {@code sum_i u_i u_i'} (the robust moment covariance, unscaled). */
    static double[][] outer(double[][] u, int l) {
        double[][] s = new double[l][l];
        for (double[] ui : u) {
            if (ui == null) continue;
            for (int a = 0; a < l; a++) {
                double v = ui[a];
                if (v == 0) continue;
                double[] row = s[a];
                for (int b = 0; b < l; b++) row[b] += v * ui[b];
            }
        }
        return Dense.symmetrise(s);
    }

    static double[] sum(double[][] u, int l) {
        double[] s = new double[l];
        for (double[] ui : u) if (ui != null) for (int a = 0; a < l; a++) s[a] += ui[a];
        return s;
    }

    /** Entities with at least one row in the reported sample. */
    int groupsInSample() {
        int g = 0;
        for (int s : sampleRows) if (s > 0) g++;
        return g;
    }
}
