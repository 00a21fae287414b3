package eres.plugins.gmm;

import eres.api.data.Panel;
import eres.api.random.Seeds;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Speed of {@code gmm} (not a unit test; run with {@code bench/run gmm}). A simulated dynamic panel
 * {@code y_it = a_i + 0.5 y_i,t-1 + 1.0 x_it + e_it}, x predetermined (correlated with past errors), N
 * entities x 10 periods; system GMM, two-step with Windmeijer standard errors, period dummies, the
 * difference-in-Hansen and AR tests included. Prints the median wall time of {@code runs} runs after one
 * warm-up, the instrument count and the estimates (truth 0.5 and 1.0).
 */
public final class GmmBenchmark {
    private GmmBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "gmm benchmark: %d thread(s), median of %d run(s) after a warm-up, JVM %s, %d cores%n%n", threads,
                runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-52s %8s %8s %11s %9s  %s%n", "case", "entities", "rows", "instruments", "seconds",
                "L.y, x (truth 0.5, 1.0)");
        row("system GMM, collapsed, two-step, 5,000 x 10", panel(5000, 10), true, threads, runs);
        row("system GMM, uncollapsed, two-step, 5,000 x 10", panel(5000, 10), false, threads, runs);
        row("system GMM, collapsed, two-step, 50,000 x 10", panel(50_000, 10), true, threads, runs);
    }

    static Panel panel(int n, int t) {
        UniformRandomProvider rng = Seeds.generator(20250601L);
        String[] id = new String[n * t];
        int[] time = new int[n * t];
        double[] y = new double[n * t];
        double[] x = new double[n * t];
        int row = 0;
        for (int i = 0; i < n; i++) {
            double a = gauss(rng);
            double prevY = 2 * a;
            double prevE = 0;
            for (int s = 0; s < t + 10; s++) {
                double e = gauss(rng);
                double xs = 0.5 * a + 0.3 * prevE + gauss(rng);
                double v = a + 0.5 * prevY + xs + e;
                if (s >= 10) {
                    id[row] = Integer.toString(i + 1);
                    time[row] = 2000 + s - 10;
                    y[row] = v;
                    x[row] = xs;
                    row++;
                }
                prevY = v;
                prevE = e;
            }
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("y", y);
        num.put("x", x);
        return Panel.of("id", "year", null, id, time, num, Map.of());
    }

    static double gauss(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static void row(String name, Panel panel, boolean collapse, int threads, int runs) {
        Params p = new Params();
        p.y = "y";
        p.lags = 1;
        p.x = List.of("x");
        p.gmm = List.of(new Instruments.GmmStyle(List.of("y"), List.of(2), collapse, null),
                new Instruments.GmmStyle(List.of("x"), List.of(1), collapse, null));
        p.iv = List.of();
        p.steps = 2;
        p.se = "robust";
        new GmmEstimator().run(p.build(), new TestContext(panel, 1, threads));
        double[] t = new double[runs];
        StepResult r = null;
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            r = new GmmEstimator().run(p.build(), new TestContext(panel, 1, threads));
            t[k] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%-52s %8d %8d %11d %9.3f  %.4f, %.4f%n", name, (long) r.statistic("groups"),
                (long) r.statistic("nobs"), (long) r.statistic("instruments"), t[runs / 2], r.coefficient("L.y").estimate(),
                r.coefficient("x").estimate());
    }
}
