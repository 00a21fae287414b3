package eres.plugins.panelfe;

import eres.api.data.Panel;
import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.HeapBudget;
import eres.core.testing.TestContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data path and fixed effects at scale (issue 22), in one process: loading the benchmark CSV
 * ({@code bench/FeData.java}: id, year, region, y, x1..x5) through the columnar path, the live heap the
 * panel holds, the two-way FE fit with entity-clustered SEs alone ({@link PanelRegression}) and the
 * whole {@code panel-fe} step (with its tests and VIFs), and the peak heap used. Rows: the
 * {@code BENCH_FE_ROWS} list (default 1000000); files are taken from (or written to)
 * {@code BENCH_DATA} (default target/bench-data). Run: {@code bench/run panel-fe}; for the 10^7-row
 * load test within the default heap, run this main without -Xmx (docs/benchmarks.md gives the command).
 */
public final class FeScaleBenchmark {
    public static void main(String[] args) throws Exception {
        String rows = System.getenv().getOrDefault("BENCH_FE_ROWS", "1000000");
        Path dir = Path.of(System.getenv().getOrDefault("BENCH_DATA", "target/bench-data"));
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "max heap %.1f GB, %d processors, load average %.2f%n", Runtime.getRuntime().maxMemory() / 1073741824.0,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| rows | load s (cpu) | live heap after load | FE fit s (cpu) | panel-fe step s (cpu) | peak heap |");
        System.out.println("|---|---|---|---|---|---|");
        for (String r : rows.split(",")) {
            int n = Integer.parseInt(r.strip());
            Path file = dir.resolve("fe-" + n + ".csv");
            if (!Files.exists(file)) {
                Process p = new ProcessBuilder("java", "bench/FeData.java", file.toString(), Integer.toString(n / 10), "10").inheritIO().start();
                if (p.waitFor() != 0) throw new IllegalStateException("FeData failed");
            }
            run(file, n);
        }
    }

    static void run(Path file, int n) {
        System.gc();
        resetPeaks();
        var bean = ManagementFactory.getThreadMXBean();
        long c0 = bean.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        DataSpec spec = new DataSpec(file.toString(), "id", "year", "region", null, "error", null);
        Panel panel = new CsvReader().load(file, null, spec, new HeapBudget()).panel();
        long t1 = System.nanoTime();
        long c1 = bean.getCurrentThreadCpuTime();
        System.gc();
        long live = used();
        List<String> x = List.of("x1", "x2", "x3", "x4", "x5");
        PanelFit fit = PanelRegression.fit(panel, new PanelRegression.Spec("y", x, Effects.TWOWAYS, VcovType.CLUSTER, null, 0.95));
        long t2 = System.nanoTime();
        long c2 = bean.getCurrentThreadCpuTime();
        var params = new PanelFeEstimator.Parameters("y", x, List.of(), "twoways", "cluster", null, 0.95, Map.of());
        new PanelFeEstimator().run(params, new TestContext(panel));
        long t3 = System.nanoTime();
        long c3 = bean.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "| %,d | %.2f (%.2f) | %s | %.2f (%.2f) | %.2f (%.2f) | %s |%n", n, (t1 - t0) / 1e9, (c1 - c0) / 1e9,
                HeapBudget.size(live), (t2 - t1) / 1e9, (c2 - c1) / 1e9, (t3 - t2) / 1e9, (c3 - c2) / 1e9, HeapBudget.size(peak()));
        if (Math.abs(fit.coefficient("x1").estimate() - 0.5) > 0.01) throw new AssertionError("x1 = " + fit.coefficient("x1"));
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) b.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks (an upper bound of the peak of their sum). */
    private static long peak() {
        long s = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) if (b.getType() == MemoryType.HEAP) s += b.getPeakUsage().getUsed();
        return s;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
