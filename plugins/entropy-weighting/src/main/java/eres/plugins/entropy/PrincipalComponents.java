package eres.plugins.entropy;

import eres.api.index.IndexParameters;
import eres.api.index.Level;
import eres.api.index.Weighting;
import eres.api.index.WeightingRule;
import eres.api.linalg.Compensated;
import eres.api.linalg.SymmetricEigen;
import eres.api.stats.Descriptives;
import eres.api.table.Formats;
import eres.api.result.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Principal-component index (composite-index.md section 4.8). The normalised indicators are
 * standardised (z-score, sd with n - 1); {@code R = V Lambda V'} is the eigen-decomposition of their
 * correlation matrix, eigenvalues descending, each eigenvector's sign chosen so that its entries sum
 * to a positive number. Components are kept by {@code pca-rule}: {@code kaiser} (eigenvalue &gt; 1, at
 * least one), {@code share} (the fewest whose cumulative share reaches {@code pca-share}) or {@code first}.
 *
 * <p>The index is the variance-weighted sum of the kept component scores,
 * {@code S_i = sum_c (lambda_c / sum_kept lambda) F_ci} with {@code F_c = Zs v_c}, so it has mean 0. It is
 * linear in the standardised indicators, {@code S = sum_j b_j zs_j} with
 * {@code b_j = sum_c (lambda_c / sum_kept lambda) V_jc}; the reported indicator weights are
 * {@code |b_j| / sum_k |b_k|} (for reporting only; conventions differ between papers).
 */
final class PrincipalComponents implements WeightingRule {
    /** Eigen-structure for results.json. */
    record Components(String rule, int kept, List<Double> eigenvalues, List<Double> shares, List<Double> cumulative,
                      List<List<Double>> vectors, List<Double> coefficients) {
    }

    @Override
    public String label() {
        return "Principal component analysis";
    }

    @Override
    public Set<String> reads() {
        return Set.of("pca-rule", "pca-share");
    }

    @Override
    public boolean supportsHierarchy() {
        return false;
    }

    @Override
    public Weighting weigh(Level level, IndexParameters p) {
        int m = level.size();
        int n = level.rows();
        double[][] zs = new double[m][n];
        for (int j = 0; j < m; j++) {
            double[] x = level.column(j);
            double mean = Descriptives.mean(x);
            double sd = Math.sqrt(Descriptives.variance(x));
            for (int i = 0; i < n; i++) zs[j][i] = (x[i] - mean) / sd;
        }
        double[][] r = new double[m][m];
        for (int j = 0; j < m; j++) {
            r[j][j] = 1;
            for (int k = 0; k < j; k++) {
                double v = Compensated.dot(zs[j], zs[k]) / (n - 1);
                r[j][k] = v;
                r[k][j] = v;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(r);
        double[] lambda = eig.values();
        double[][] v = eig.vectors();
        for (int c = 0; c < m; c++) {
            double sum = 0;
            int largest = 0;
            for (int j = 0; j < m; j++) {
                sum += v[j][c];
                if (Math.abs(v[j][c]) > Math.abs(v[largest][c])) largest = j;
            }
            boolean flip = Math.abs(sum) > 1e-12 ? sum < 0 : v[largest][c] < 0;
            if (flip) for (int j = 0; j < m; j++) v[j][c] = -v[j][c];
        }
        double total = 0;
        for (double l : lambda) total += Math.max(l, 0);
        double[] share = new double[m];
        double[] cumulative = new double[m];
        for (int c = 0; c < m; c++) {
            share[c] = Math.max(lambda[c], 0) / total;
            cumulative[c] = (c == 0 ? 0 : cumulative[c - 1]) + share[c];
        }
        String rule = p.pcaRetention();
        int kept = switch (rule) {
            case "first" -> 1;
            case "share" -> {
                int k = 1;
                while (k < m && cumulative[k - 1] < p.pcaCumulativeShare() - 1e-12) k++;
                yield k;
            }
            default -> {
                int k = 0;
                while (k < m && lambda[k] > 1) k++;
                yield Math.max(k, 1);
            }
        };
        double keptSum = 0;
        for (int c = 0; c < kept; c++) keptSum += lambda[c];
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            for (int c = 0; c < kept; c++) b[j] += lambda[c] / keptSum * v[j][c];
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            Compensated acc = new Compensated(0);
            for (int j = 0; j < m; j++) acc.addProduct(b[j], zs[j][i]);
            score[i] = acc.value();
        }
        double[] w = new double[m];
        for (int j = 0; j < m; j++) w[j] = Math.abs(b[j]);
        Rules.normalise(w);

        Weighting.Builder out = Weighting.builder(w).score(score);
        for (int c = 0; c < kept; c++) {
            double[] col = new double[m];
            for (int j = 0; j < m; j++) col[j] = v[j][c];
            out.detail("v_" + (c + 1), col);
        }
        out.detail("b_j", b);
        for (int j = 0; j < m; j++) {
            if (b[j] < 0) {
                out.warning("pca-negative-coefficient", "'" + level.columns().get(j) + "' enters the PCA index with a negative coefficient ("
                        + Formats.number(b[j], 4) + "); its reported weight is |b_j|");
            }
        }
        out.note("PCA: index = sum over kept components of (eigenvalue / sum of kept eigenvalues) x component score, on z-scored"
                + " normalised indicators (mean 0); kept " + kept + " of " + m + " components by rule '" + rule + "'"
                + (rule.equals("share") ? " (cumulative share >= " + p.pcaCumulativeShare() + ")" : "")
                + "; eigenvector signs make loadings sum positive; reported weights |b_j| / sum |b_k| are for reporting only.");

        Table.Builder t = Table.builder("pca-components", "Principal components of the normalised indicators").stub("Component")
                .columns("Eigenvalue", "Share", "Cumulative", "Kept");
        for (int c = 0; c < m; c++) {
            t.row(String.valueOf(c + 1), Formats.fixed(lambda[c], 4), Formats.fixed(share[c], 4), Formats.fixed(cumulative[c], 4),
                    c < kept ? "yes" : "");
        }
        out.table(t.note("Eigen-decomposition of the correlation matrix of the normalised indicators.").build());
        List<List<Double>> vectors = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            List<Double> row = new ArrayList<>();
            for (int c = 0; c < m; c++) row.add(v[j][c]);
            vectors.add(row);
        }
        out.section("pca", new Components(rule, kept, box(lambda), box(share), box(cumulative), vectors, box(b)));
        return out.build();
    }

    private static List<Double> box(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double d : a) l.add(d);
        return l;
    }
}
