package eres.plugins.gtwr;

import eres.core.testing.TestContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Timing benchmark of the gtwr/gwr steps (fit + bandwidth and tau selection, end to end as a chain
 * runs them, maps and permutations off unless stated). Prints a table. Run from the repository root
 * with {@code bench/run gtwr} (first argument: threads, default 2). Sizes: 465 and 20000 by default;
 * {@code GTWR_BENCH_SIZES=465,20000,100000 bench/run gtwr} adds n = 100,000 (bench/run gives the JVM
 * 4 GB: the n = 100,000 search is then memory-limited near its optimum; the documented figures used
 * {@code -Xmx8g}).
 */
public final class GtwrBenchmark {
    private GtwrBenchmark() {
    }

    /**
     * A space-time panel: {@code locations} random points observed in {@code periods} periods, at a
     * constant density of 1000 locations per 1000 km x 1000 km (more locations = a larger study
     * area, so the optimal neighbour count does not grow with n).
     */
    static Panel randomPanel(int locations, int periods, long seed) {
        int n = locations * periods;
        String[] entity = new String[n];
        int[] time = new int[n];
        double[] px = new double[n];
        double[] py = new double[n];
        double[] y = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        SplittableRandom r = new SplittableRandom(seed);
        double[] lx = new double[locations];
        double[] ly = new double[locations];
        double side = 1000 * Math.sqrt(locations / 1000.0);
        for (int l = 0; l < locations; l++) {
            lx[l] = side * r.nextDouble();
            ly[l] = side * r.nextDouble();
        }
        int i = 0;
        for (int l = 0; l < locations; l++) {
            for (int t = 0; t < periods; t++) {
                entity[i] = Integer.toString(l);
                time[i] = 2000 + t;
                px[i] = lx[l];
                py[i] = ly[l];
                x1[i] = r.nextGaussian();
                x2[i] = r.nextGaussian();
                x3[i] = r.nextGaussian();
                double b1 = 1 + Math.sin(lx[l] / 200) + 0.05 * t;
                double b2 = Math.cos(ly[l] / 300);
                y[i] = 1 + b1 * x1[i] + b2 * x2[i] + 0.5 * x3[i] + 0.5 * r.nextGaussian();
                i++;
            }
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("y", y);
        num.put("x1", x1);
        num.put("x2", x2);
        num.put("x3", x3);
        num.put("px", px);
        num.put("py", py);
        return Panel.of("id", "year", null, entity, time, num, Map.of());
    }

    record Row(String name, int n, String what, double seconds, StepResult r) {
    }

    static Row time(String name, String what, Panel panel, boolean temporal, String json, int threads) {
        long t0 = System.nanoTime();
        StepResult r;
        TestContext ctx = new TestContext(panel, 1L, threads).geography(eres.plugins.studychina.Provinces.geography());
        try {
            if (temporal) {
                r = new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class, json), ctx);
            } else {
                r = new GwrEstimator().run(Fixtures.bind(GwrEstimator.Parameters.class, json), ctx);
            }
        } catch (RuntimeException e) {
            System.out.println("  " + name + " n=" + panel.rows() + " " + what + ": FAILED " + e.getMessage());
            return new Row(name, panel.rows(), what + " FAILED", (System.nanoTime() - t0) / 1e9, null);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        Row row = new Row(name, panel.rows(), what, s, r);
        if (!name.equals("warm-up")) print(row);
        return row;
    }

    static void print(Row r) {
        if (r.r() == null) {
            System.out.printf(Locale.ROOT, "%-32s %8d %-38s %9.3f%n", r.name(), r.n(), r.what(), r.seconds());
            return;
        }
        StepResult s = r.r();
        System.out.printf(Locale.ROOT, "%-32s %8d %-38s %9.3f %10.1f %8d %12.0f %10.2f%n", r.name(), r.n(), r.what(), r.seconds(),
                s.statistic("bandwidth"), (long) s.statistic("searchEvaluations"), s.statistic("meanNeighbours") * r.n(),
                s.statistic("aicc"));
    }

    static void header(int threads) {
        System.out.printf(Locale.ROOT, "GTWR benchmark: %d threads, %d available processors, max heap %d MiB%n", threads,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-32s %8s %-38s %9s %10s %8s %12s %10s%n", "model", "n", "task", "seconds", "bandwidth",
                "evals", "entries", "AICc");
    }

    public static void main(String[] args) {
        String env = System.getenv("GTWR_BENCH_SIZES");
        String sizes = System.getProperty("gtwr.benchmark.sizes", env == null || env.isBlank() ? "465,20000" : env);
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("gtwr.benchmark.threads", 2);
        List<Row> rows = new ArrayList<>();
        Panel study = SyntheticPanel.provinces(2008, 15, 7);
        String prov = "\"y\": \"y\", \"x\": [\"x1\", \"x2\"], \"lat\": \"lat\", \"lon\": \"lon\", \"maps\": false";
        header(threads);
        // warm-up (JIT), not reported
        time("warm-up", "", study, true, "{" + prov + ", \"adaptive\": true, \"permutations\": 0}", threads);
        for (String sz : sizes.split(",")) {
            int n = Integer.parseInt(sz.trim());
            if (n == 465) {
                rows.add(time("GTWR adaptive bisquare", "bw + tau selected (AICc)", study, true,
                        "{" + prov + ", \"adaptive\": true, \"permutations\": 0}", threads));
                rows.add(time("GTWR adaptive bisquare", "bw selected, tau given", study, true,
                        "{" + prov + ", \"adaptive\": true, \"tau\": 20000, \"permutations\": 0}", threads));
                rows.add(time("GTWR fixed gaussian", "bw + tau selected (AICc)", study, true,
                        "{" + prov + ", \"kernel\": \"gaussian\", \"permutations\": 0}", threads));
                rows.add(time("GTWR adaptive bisquare", "bw + tau (CV)", study, true,
                        "{" + prov + ", \"adaptive\": true, \"criterion\": \"cv\", \"permutations\": 0}", threads));
                rows.add(time("GWR adaptive bisquare", "bw selected (AICc)", study, false,
                        "{" + prov + ", \"adaptive\": true, \"permutations\": 0}", threads));
                rows.add(time("GTWR adaptive bisquare", "+ 99 permutations, 3 maps", study, true,
                        "{" + prov.replace(", \"maps\": false", "") + ", \"adaptive\": true, \"tau\": 20000}", threads));
                // naive dense implementation at the selected bandwidth, for scale
                Row sel = rows.get(1);
                long t0 = System.nanoTime();
                DenseGtwr d = new DenseGtwr(study.column("y"), DenseOracleTest.columns(study, "x1", "x2"), study.column("lat"),
                        study.column("lon"), true, DenseOracleTest.times(study), 20000, false, "bisquare", true,
                        sel.r().statistic("bandwidth"), false);
                rows.add(new Row("naive dense GTWR (test oracle)", 465, "one fit, full n x n S", (System.nanoTime() - t0) / 1e9, null));
                print(rows.get(rows.size() - 1));
                if (d.singular) throw new IllegalStateException();
                continue;
            }
            int periods = 20;
            Panel p = randomPanel(n / periods, periods, 11);
            String base = "\"y\": \"y\", \"x\": [\"x1\", \"x2\", \"x3\"], \"x-coord\": \"px\", \"y-coord\": \"py\", \"maps\": false, "
                    + "\"permutations\": 0";
            rows.add(time("GTWR adaptive bisquare", "bw selected (expanding), tau given", p, true,
                    "{" + base + ", \"adaptive\": true, \"tau\": 2500}", threads));
            if (n <= 20000) {
                rows.add(time("GTWR adaptive bisquare", "bw + tau selected", p, true, "{" + base + ", \"adaptive\": true}", threads));
                rows.add(time("GWR adaptive bisquare", "bw selected (expanding)", p, false, "{" + base + ", \"adaptive\": true}", threads));
                rows.add(time("GTWR fixed bisquare", "bw selected (expanding), tau given", p, true,
                        "{" + base + ", \"tau\": 2500}", threads));
                rows.add(time("GTWR fixed gaussian", "bw selected (expanding), tau given", p, true,
                        "{" + base + ", \"kernel\": \"gaussian\", \"tau\": 2500}", threads));
            }
        }
        System.out.println("entries = positive-weight neighbours summed over points at the final bandwidth");
    }
}
