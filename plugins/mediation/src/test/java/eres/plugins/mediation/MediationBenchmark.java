package eres.plugins.mediation;

import eres.api.panel.Effects;
import eres.api.data.Panel;
import java.util.List;
import java.util.Locale;

/**
 * Timing of the mediation step (not a test): run with
 * {@code mvn -q -pl plugins/mediation -am test-compile} and then
 * {@code java -cp <test classpath> eres.plugins.mediation.MediationBenchmark}, or from an IDE.
 * Prints one row per case: panel size, replications, threads, wall time of the whole step and the
 * kernel's time per replication.
 */
public final class MediationBenchmark {
    private MediationBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("| case | n | G | B | threads | resample | step (s) | per replication (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Panel produc = Fixtures.produc();
        Panel study = Synthetic.panel(1, 31, 15, 0.3, new double[] {0.5, 0.5}, new double[] {0.4, -0.3});
        Panel big = Synthetic.panel(2, 1000, 20, 0.3, new double[] {0.5}, new double[] {0.4});
        for (int rep = 0; rep < 2; rep++) {   // first round warms the JIT
            boolean print = rep == 1;
            for (int threads : new int[] {1, 2}) {
                run(print, "Produc, 1 mediator, 2 controls", produc, "lpcap", List.of("lemp"), "lgsp", List.of("lpc", "unemp"), 1000, "cluster", threads);
                run(print, "Produc, observation resampling", produc, "lpcap", List.of("lemp"), "lgsp", List.of("lpc", "unemp"), 1000, "observation", threads);
                run(print, "31 x 15 (study size), 2 mediators", study, "x", List.of("m1", "m2"), "y", List.of("w"), 1000, "cluster", threads);
                run(print, "1000 x 20", big, "x", List.of("m1"), "y", List.of("w"), 1000, "cluster", threads);
            }
        }
    }

    private static void run(boolean print, String name, Panel panel, String x, List<String> m, String y, List<String> c, int b,
                            String resample, int threads) {
        MediationTest.Parameters p = Fixtures.params(x, m, y, c, false, b, resample, null, null);
        long t0 = System.nanoTime();
        Fixtures.run(panel, p, 1, threads);
        double step = (System.nanoTime() - t0) / 1e9;
        PathData d = PathData.of(panel, y, x, m, c);
        PathKernel k = new PathKernel(Effects.TWOWAYS, false, m.size());
        int[] starts = d.entityStarts();
        long t1 = System.nanoTime();
        int reps = 200;
        for (int r = 0; r < reps; r++) {
            PathData s = resample.equals("cluster") ? d.clusterResample(eres.api.random.Seeds.generator(5, r), starts)
                    : d.observationResample(eres.api.random.Seeds.generator(5, r));
            k.estimate(s);
        }
        double per = (System.nanoTime() - t1) / 1e6 / reps;
        if (print) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %.2f | %.3f |%n", name, panel.rows(), panel.entityCount(), b,
                    threads, resample, step, per);
        }
    }
}
