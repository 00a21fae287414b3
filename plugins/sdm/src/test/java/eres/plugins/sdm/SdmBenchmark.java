package eres.plugins.sdm;

import eres.api.spatial.Weights;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Speed of the {@code sdm} step: SDM fit + effects with 1000 simulation draws, and the full step
 * with the tests table (which also fits the SAR and the SEM), on simulated panels with T = 10 and
 * three regressors, N = 31, 500, 1000 and 3000 units at random points in the unit square.
 * Weights: inverse squared (planar) distance, dense, or 8 nearest neighbours, sparse; row-standardised.
 * Data: y = (I - 0.4 W)^-1 (X b + W X t + unit and period effects + e).
 *
 * <p>Run: {@code java [-Dbias=transformation|lee-yu|none] [-Dvariance=information|hessian] -cp <test classpath>
 * eres.plugins.sdm.SdmBenchmark [threads [maxN [minN [knn]]]]}; prints a table.
 * Not a unit test (timings are machine-dependent).
 */
public final class SdmBenchmark {
    private SdmBenchmark() {
    }

    static SpatialWeights weights(double[][] p, boolean knn) {
        int n = p.length;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(String.format(Locale.ROOT, "u%05d", i));
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            for (int j = 0; j < n; j++) d[j] = i == j ? Double.POSITIVE_INFINITY : Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
            if (knn) {
                Integer[] o = new Integer[n];
                for (int j = 0; j < n; j++) o[j] = j;
                Arrays.sort(o, (a, b) -> Double.compare(d[a], d[b]));
                cols[i] = new int[8];
                vals[i] = new double[8];
                for (int q = 0; q < 8; q++) {
                    cols[i][q] = o[q];
                    vals[i][q] = 1;
                }
            } else {
                cols[i] = new int[n - 1];
                vals[i] = new double[n - 1];
                int m = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) continue;
                    cols[i][m] = j;
                    vals[i][m++] = 1 / (d[j] * d[j]);
                }
            }
        }
        return Weights.fromRows(ids, cols, vals, false, knn ? "8 nearest neighbours" : "inverse squared distance").rowStandardize();
    }

    static Panel simulate(SpatialWeights w, int t, long seed) {
        int n = w.size();
        Random r = new Random(seed);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) mu[i] = r.nextGaussian();
        StringBuilder csv = new StringBuilder("id,year,y,x1,x2,x3\n");
        String[][] rows = new String[n][t];
        for (int s = 0; s < t; s++) {
            double alpha = 0.3 * r.nextGaussian();
            double[][] x = new double[3][n];
            for (double[] c : x) for (int i = 0; i < n; i++) c[i] = r.nextGaussian();
            double[] rhs = new double[n];
            double[][] wx = {w.multiply(x[0]), w.multiply(x[1]), w.multiply(x[2])};
            for (int i = 0; i < n; i++) {
                rhs[i] = 1.0 * x[0][i] - 0.5 * x[1][i] + 0.25 * x[2][i] + 0.5 * wx[0][i] + 0.2 * wx[1][i] + mu[i] + alpha
                        + 0.5 * r.nextGaussian();
            }
            double[] y = eres.api.spatial.SpatialFilter.solve(w, 0.4, rhs);
            for (int i = 0; i < n; i++) {
                rows[i][s] = w.ids().get(i) + "," + (2000 + s) + "," + y[i] + "," + x[0][i] + "," + x[1][i] + "," + x[2][i] + "\n";
            }
        }
        for (String[] e : rows) for (String line : e) csv.append(line);
        return TestData.panel(csv.toString(), "id", "year", null);
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int t = 10;
        System.out.printf(Locale.ROOT, "SDM benchmark: T = %d, 3 regressors, 1000 effect draws, %d thread(s), %s%n", t, threads,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%6s %-26s %9s %-12s %-12s %10s %10s %8s %8s%n", "N", "W", "nnz", "logdet", "variance",
                "fit+eff s", "step s", "rho", "logdetErr");
        Object[][] cases = {{31, false}, {500, false}, {500, true}, {1000, true}, {3000, true}, {3000, false}};
        for (Object[] c : cases) {
            int n = (Integer) c[0];
            boolean knn = (Boolean) c[1];
            if (args.length > 1 && n > Integer.parseInt(args[1])) continue;
            if (args.length > 2 && n < Integer.parseInt(args[2])) continue;
            if (args.length > 3 && knn != Boolean.parseBoolean(args[3])) continue;
            Random r = new Random(n);
            double[][] p = new double[n][2];
            for (double[] q : p) {
                q[0] = r.nextDouble();
                q[1] = r.nextDouble();
            }
            SpatialWeights w = weights(p, knn);
            Panel panel = simulate(w, t, 7L * n);
            List<String> x = List.of("x1", "x2", "x3");
            String bias = System.getProperty("bias", "transformation");
            String variance = System.getProperty("variance", "information");
            SpatialParameters fitOnly = Spec.of("y", "y", "x", x, "weights", "w", "bias-correction", bias, "variance", variance, "tests", false);
            SpatialParameters full = Spec.of("y", "y", "x", x, "weights", "w", "bias-correction", bias, "variance", variance);
            TestContext ctx = new TestContext(panel, 42L, threads).weights("w", w);
            long t0 = System.nanoTime();
            StepResult a = new SdmEstimator().run(fitOnly, ctx);
            long t1 = System.nanoTime();
            new SdmEstimator().run(full, ctx);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%6d %-26s %9d %-12s %-12s %10.2f %10.2f %8.4f %8.2g%n", n, w.description(), w.nonZeros(),
                    a.statistics().get("logdet"), a.statistics().get("variance"), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    a.statistic("rho"), a.statistic("logdetError"));
        }
    }
}
