package eres.api.inference;

import eres.api.data.Panel;
import eres.api.panel.Effects;
import eres.api.panel.FixedEffectsProjection;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRColPivDecompositionHouseholderColumn_DDRM;

/**
 * The hat matrix {@code P_D} of the absorbed fixed effects (the dummy columns partialled out), needed
 * for the leverages of the full design {@code H = P_D + X~ (X~'X~)^-1 X~'} (HC2, HC3, CR2, CR3):
 * entity effects {@code 1/T_i} within an entity; time effects {@code 1/N_t} within a period; two-way
 * effects {@code P_E + Q Q'} with Q an orthonormal basis of the entity-demeaned period dummies (on a
 * balanced panel {@code 1/T + 1/N - 1/n} patterns). An explicit constant in the design means no absorbed
 * effects ({@link #NONE}).
 */
public interface AbsorbedHat {
    /** {@code P_D[i][i]}. */
    double diagonal(int i);

    /** {@code P_D[rows][rows]}. */
    double[][] block(int[] rows);

    /** No absorbed effects (the constant, if any, is a column of the design). */
    AbsorbedHat NONE = new AbsorbedHat() {
        @Override
        public double diagonal(int i) {
            return 0;
        }

        @Override
        public double[][] block(int[] rows) {
            return new double[rows.length][rows.length];
        }
    };

    /** Entity effects over groups {@code group[i]} in {@code [0, groups)} (e.g. Hansen's within transformation). */
    static AbsorbedHat groups(int[] group, int groups) {
        int[] size = new int[groups];
        for (int g : group) size[g]++;
        return new AbsorbedHat() {
            @Override
            public double diagonal(int i) {
                return 1.0 / size[group[i]];
            }

            @Override
            public double[][] block(int[] rows) {
                double[][] b = new double[rows.length][rows.length];
                for (int a = 0; a < rows.length; a++) {
                    for (int c = 0; c < rows.length; c++) {
                        if (group[rows[a]] == group[rows[c]]) b[a][c] = 1.0 / size[group[rows[a]]];
                    }
                }
                return b;
            }
        };
    }

    /** The absorbed effects of a {@link FixedEffectsProjection} of {@code sample} with {@code effects}. */
    static AbsorbedHat of(Panel sample, Effects effects) {
        int n = sample.rows();
        return switch (effects) {
            case NONE -> new AbsorbedHat() {
                @Override
                public double diagonal(int i) {
                    return 1.0 / n;
                }

                @Override
                public double[][] block(int[] rows) {
                    double[][] b = new double[rows.length][rows.length];
                    for (double[] r : b) java.util.Arrays.fill(r, 1.0 / n);
                    return b;
                }
            };
            case ENTITY -> groups(sample.entityIndices(), sample.entityCount());
            case TIME -> groups(sample.timeIndices(), sample.timeCount());
            case TWOWAYS -> lazy(() -> twoWays(sample));   // an n x (T-1) QR that only leverage-based SEs need
        };
    }

    /** {@code hat}, computed on its first use (once, also when used from several threads). */
    private static AbsorbedHat lazy(java.util.function.Supplier<AbsorbedHat> hat) {
        return new AbsorbedHat() {
            private volatile AbsorbedHat value;

            private AbsorbedHat get() {
                AbsorbedHat v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = hat.get();
                        v = value;
                    }
                }
                return v;
            }

            @Override
            public double diagonal(int i) {
                return get().diagonal(i);
            }

            @Override
            public double[][] block(int[] rows) {
                return get().block(rows);
            }
        };
    }

    private static AbsorbedHat twoWays(Panel sample) {
        int n = sample.rows();
        int[] ent = sample.entityIndices();
        int[] per = sample.timeIndices();
        int g = sample.entityCount();
        int t = sample.timeCount();
        AbsorbedHat e = groups(ent, g);
        // orthonormal basis of the entity-demeaned period dummies (periods 2..T)
        double[][] q;
        if (t < 2) {
            q = new double[n][0];
        } else {
            DMatrixRMaj d = new DMatrixRMaj(n, t - 1);
            for (int s = 1; s < t; s++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) col[i] = per[i] == s ? 1 : 0;
                double[] dm = FixedEffectsProjection.demean(col, ent, g);
                for (int i = 0; i < n; i++) d.unsafe_set(i, s - 1, dm[i]);
            }
            QRColPivDecompositionHouseholderColumn_DDRM qr = new QRColPivDecompositionHouseholderColumn_DDRM();
            qr.decompose(d.copy());
            DMatrixRMaj r = qr.getR(null, true);
            double r0 = Math.abs(r.get(0, 0));
            int rank = 0;
            for (int k = 0; k < t - 1; k++) if (Math.abs(r.get(k, k)) > 1e-10 * r0) rank++;
            DMatrixRMaj full = qr.getQ(null, true);
            q = new double[n][rank];
            for (int i = 0; i < n; i++) for (int k = 0; k < rank; k++) q[i][k] = full.unsafe_get(i, k);
        }
        double[][] qq = q;
        return new AbsorbedHat() {
            @Override
            public double diagonal(int i) {
                double s = e.diagonal(i);
                for (double v : qq[i]) s += v * v;
                return s;
            }

            @Override
            public double[][] block(int[] rows) {
                double[][] b = e.block(rows);
                for (int a = 0; a < rows.length; a++) {
                    for (int c = 0; c < rows.length; c++) {
                        double s = 0;
                        double[] qa = qq[rows[a]];
                        double[] qc = qq[rows[c]];
                        for (int k = 0; k < qa.length; k++) s += qa[k] * qc[k];
                        b[a][c] += s;
                    }
                }
                return b;
            }
        };
    }
}
