package eres.plugins.threshold;

import eres.core.testing.TestContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Speed of the threshold plugin (not a unit test; run with {@code plugins/threshold/bench.sh}). Prints one
 * row per case: the median wall time of the whole step (search, sequential estimation, refinement, all
 * bootstrap tests, regime table, LR plot) over {@code runs} runs after one warm-up run, with the thread
 * count of the machine's run (default 2), and the estimated thresholds.
 *
 * <ol>
 *   <li>Hansen (1999): 565 firms x 14 years = 7,910 rows, 3 thresholds, 300 replications per test, every
 *       distinct value of d1 a candidate (target: under 2 s);</li>
 *   <li>the same on Hansen's 400-point grid with his deletion (the reference configuration);</li>
 *   <li>a synthetic balanced panel, 5,000 entities x 15 years = 75,000 rows, true thresholds 0.3 and 0.7,
 *       2 thresholds, 300 replications per test, all distinct values (target: under 30 s, truth recovered);</li>
 *   <li>the brute-force cost for comparison: one least-squares fit per candidate of the first search on
 *       Hansen's data (QR on 7,910 x 8), extrapolated to the full bootstrap.</li>
 * </ol>
 */
public final class ThresholdBenchmark {
    private ThresholdBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "threshold benchmark: %d thread(s), median of %d run(s) after a warm-up, JVM %s, %d cores%n%n",
                threads, runs, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-44s %8s %10s %6s %9s %10s  %s%n", "case", "rows", "candidates", "reps", "seconds",
                "target", "thresholds (truth)");
        Panel hansen = HansenData.panel();
        Params all = Params.hansen(false);
        all.grid = new ThresholdEstimator.Grid(0);
        all.bootstrap = List.of(300);
        row("Hansen 1999, all values, 3 thr, B=300/test", hansen, all, threads, runs, "< 2 s", "");
        if (args.length > 2 && args[2].equals("hansen")) return;
        Params grid = Params.hansen(true);
        grid.bootstrap = List.of(300);
        row("Hansen 1999, 400-grid + deletion, 3 thr", hansen, grid, threads, runs, "", "");
        Panel big = Synthetic.panel(20250101L, 5000, 15, new double[] {0.3, 0.7}, new double[] {1.0, 2.0, 0.5}, 0.5, 15);
        Params syn = new Params();
        syn.controls = List.of("z");
        syn.thresholds = 2;
        syn.trim = List.of(0.05);
        syn.bootstrap = List.of(300);
        row("synthetic 5000 x 15, all values, 2 thr, B=300", big, syn, threads, runs, "< 30 s", "(0.3, 0.7)");
        bruteForce(hansen);
    }

    private static void row(String name, Panel panel, Params p, int threads, int runs, String target, String truth) {
        new ThresholdEstimator().run(p.build(), new TestContext(panel, 1, threads)); // warm-up
        double[] t = new double[runs];
        StepResult r = null;
        for (int i = 0; i < runs; i++) {
            TestContext ctx = new TestContext(panel, 1, threads);
            long t0 = System.nanoTime();
            r = new ThresholdEstimator().run(p.build(), ctx);
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        List<String> g = new ArrayList<>();
        for (int k = 1; k <= p.thresholds; k++) {
            Object v = r.statistics().get("gamma" + k);
            if (v != null) g.add(String.format(Locale.ROOT, "%.4f", (Double) v));
        }
        StringBuilder ps = new StringBuilder();
        for (var test : r.tests()) ps.append(String.format(Locale.ROOT, " p%s=%.3f", test.name().replace("threshold-", "_"), test.pValue()));
        System.out.printf(Locale.ROOT, "%-44s %8d %10d %6d %9.3f %10s  %s %s;%s%n", name, (long) r.statistic("nobs"),
                (long) r.statistic("candidates"), p.bootstrap.get(0), t[runs / 2], target, String.join(", ", g), truth, ps);
    }

    private static void bruteForce(Panel hansen) {
        Prepared d = new Prepared(hansen, "i", List.of("c1"), "d1", List.of("q1", "q2", "q3", "d1", "qd1"), 0, false, "");
        Candidates c = Candidates.all(d, true);
        int sample = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < sample; i++) BruteForceTest.bruteSsr(d, c, new int[0], i * (c.size() / sample));
        double per = (System.nanoTime() - t0) / 1e9 / sample;
        SearchEngine eng = new SearchEngine(d, c, "");
        SearchEngine.Stage st = eng.stage(new int[0], 0.01);
        double[] e0 = eng.baseResidual(d.yt);
        for (int i = 0; i < 50; i++) st.search(e0, false);
        long t1 = System.nanoTime();
        int reps = 500;
        for (int i = 0; i < reps; i++) st.search(eng.baseResidual(d.yt), false);
        double fast = (System.nanoTime() - t1) / 1e9 / reps;
        // searches in Hansen's 3-test bootstrap: 300 (1 + 2 + 3) + observed ones
        double searches = 300 * 6 + 5;
        System.out.printf(Locale.ROOT, "%nbrute force (QR per candidate, %d candidates): %.2f ms per candidate, %.1f s per search,"
                + " about %.0f s (%.1f h) for the 3-test bootstrap; running-sum search on a new y: %.3f ms (ratio %.0fx)%n",
                c.size(), per * 1e3, per * c.size(), per * c.size() * searches, per * c.size() * searches / 3600, fast * 1e3,
                per * c.size() / fast);
    }
}
