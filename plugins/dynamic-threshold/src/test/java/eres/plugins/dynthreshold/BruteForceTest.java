package eres.plugins.dynthreshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.data.Panel;
import eres.api.panel.SymmetricInverse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast implementation against a brute-force one that follows Seo and Shin's (2016) formulas literally:
 * for every entity the block-diagonal instrument matrix Z_i (one row per differenced equation, one column
 * per moment) and the regressor matrix X_i(g) are built in full, then
 * {@code g1 = mean Z_i' D.y_i}, {@code g2 = mean Z_i' X_i(g)}, {@code W1 = [mean Z_i' H Z_i]^-1},
 * {@code theta = (g2' W g2)^-1 g2' W g1}. Agreement to 1e-9 (relative) on every grid point and for both
 * weighting steps; the grid search must pick the brute-force argmin.
 */
class BruteForceTest {

    @Test
    void estimatesAndCriteriaMatchTheBruteForceImplementation() {
        Panel panel = Simulated.panel(42, 60, 6, 0.0, MonteCarloTest.DELTA);
        FdMoments d = new FdMoments(panel, "y", "q", List.of("x"), List.of(), List.of(), List.of(), true, "");
        SeoShin s = new SeoShin(d);
        int eqs = d.equations();
        int l = d.moments();
        int n = d.n;
        // Z_i in full: row e (equation), column r (moment) = z_r[i] if the moment belongs to equation e
        double[][][] zi = new double[n][eqs][l];
        for (int i = 0; i < n; i++) for (int r = 0; r < l; r++) zi[i][d.rowPeriod[r]][r] = d.z[r][i];
        double[][] zhz = new double[l][l];
        double[] g1 = new double[l];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < eqs; a++) {
                for (int b = 0; b < eqs; b++) {
                    double h = a == b ? 2 : Math.abs(a - b) == 1 ? -1 : 0;
                    if (h == 0) continue;
                    for (int r = 0; r < l; r++) for (int c = 0; c < l; c++) zhz[r][c] += zi[i][a][r] * h * zi[i][b][c] / n;
                }
                for (int r = 0; r < l; r++) g1[r] += zi[i][a][r] * d.dy[a][i] / n;
            }
        }
        double[][] w1 = SymmetricInverse.invert(zhz);
        for (int r = 0; r < l; r++) assertThat(s.g1[r]).isCloseTo(g1[r], within(1e-12));
        double[] grid = DynamicThresholdEstimator.grid(d.q, 0.4, 15);
        double bestJ = Double.POSITIVE_INFINITY;
        double bestG = Double.NaN;
        for (double gamma : grid) {
            double[][] g2 = new double[l][2 * d.k1 + 1];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < eqs; a++) {
                    double[] xrow = regressors(d, a, i, gamma);
                    for (int r = 0; r < l; r++) for (int c = 0; c < xrow.length; c++) g2[r][c] += zi[i][a][r] * xrow[c] / n;
                }
            }
            double[] theta = gmm(g2, w1, g1);
            SeoShin.Fit fast = s.fit(gamma, s.w1, s.g1);
            for (int c = 0; c < theta.length; c++) {
                assertThat(fast.theta()[c]).as("theta " + c + " at " + gamma).isCloseTo(theta[c], within(1e-9 * (1 + Math.abs(theta[c]))));
            }
            double j = criterion(g2, w1, g1, theta);
            assertThat(fast.j()).isCloseTo(j, within(1e-9 * (1 + j)));
            if (j < bestJ) {
                bestJ = j;
                bestG = gamma;
            }
        }
        assertThat(s.search(grid, s.w1, "").best().gamma()).isEqualTo(bestG);
    }

    /** The regressors of equation a for entity i: D.x, D.1(q > g), D.(x 1(q > g)). */
    static double[] regressors(FdMoments d, int a, int i, double gamma) {
        int t = d.first + a;
        int k1 = d.k1;
        double[] row = new double[2 * k1 + 1];
        for (int j = 0; j < k1; j++) row[j] = d.dx[a][j][i];
        double now = d.q[i][t] > gamma ? 1 : 0;
        double before = d.q[i][t - 1] > gamma ? 1 : 0;
        row[k1] = now - before;
        for (int j = 0; j < k1; j++) row[k1 + 1 + j] = d.xNow[a][j][i] * now - d.xLag[a][j][i] * before;
        return row;
    }

    static double[] gmm(double[][] g2, double[][] w, double[] g1) {
        int p = g2[0].length;
        int l = g1.length;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int r = 0; r < l; r++) {
            for (int c = 0; c < l; c++) {
                for (int u = 0; u < p; u++) {
                    b[u] += g2[r][u] * w[r][c] * g1[c];
                    for (int v = 0; v < p; v++) a[u][v] += g2[r][u] * w[r][c] * g2[c][v];
                }
            }
        }
        double[][] inv = SymmetricInverse.invert(a);
        double[] theta = new double[p];
        for (int u = 0; u < p; u++) for (int v = 0; v < p; v++) theta[u] += inv[u][v] * b[v];
        return theta;
    }

    static double criterion(double[][] g2, double[][] w, double[] g1, double[] theta) {
        int l = g1.length;
        double[] e = g1.clone();
        for (int r = 0; r < l; r++) for (int c = 0; c < theta.length; c++) e[r] -= g2[r][c] * theta[c];
        double j = 0;
        for (int r = 0; r < l; r++) for (int c = 0; c < l; c++) j += e[r] * w[r][c] * e[c];
        return j;
    }

    @Test
    void instrumentCountFollowsXthenreg() {
        // dynamic, T = 6: equations t = 3..6 (1-based); per equation 1 + (t - 2) lags of y + 1 (D.x)
        Panel panel = Simulated.panel(1, 30, 6, 0.0, MonteCarloTest.DELTA);
        FdMoments d = new FdMoments(panel, "y", "q", List.of("x"), List.of(), List.of(), List.of(), true, "");
        List<Integer> perEq = new ArrayList<>();
        for (int t = 3; t <= 6; t++) perEq.add(1 + (t - 2) + 1);
        assertThat(d.moments()).isEqualTo(perEq.stream().mapToInt(Integer::intValue).sum());
        // x endogenous instead: levels x_1..x_{t-2}
        FdMoments e = new FdMoments(panel, "y", "q", List.of(), List.of("x"), List.of(), List.of(), true, "");
        int count = 0;
        for (int t = 3; t <= 6; t++) count += 1 + (t - 2) + (t - 2);
        assertThat(e.moments()).isEqualTo(count);
    }
}
