package eres.app.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of the main job ({@code eres run}, the whole study chain on the synthetic panel) through the
 * distribution, for 1 and 2 threads, median of {@code runs}, and the median time of each step (from
 * run.json). The goal: under 2 minutes on 2 cores.
 *
 * <pre>java -cp app/target/test-classes:app/target/eres/lib/* eres.app.study.StudyBenchmark [runs] [dist]</pre>
 */
public final class StudyBenchmark {
    private StudyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dist = Path.of(args.length > 1 ? args[1] : "app/target/eres").toAbsolutePath();
        Path work = Files.createTempDirectory("eres-bench");
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        for (int threads : new int[] {1, 2}) {
            List<Double> wall = new ArrayList<>();
            Map<String, List<Double>> steps = new LinkedHashMap<>();
            for (int r = 0; r < runs; r++) {
                Path out = work.resolve("out-" + threads + "-" + r);
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(dist.resolve("bin/eres").toString(), "run", "--out", out.toString(), "--threads",
                        Integer.toString(threads)).redirectErrorStream(true).redirectOutput(work.resolve("log.txt").toFile()).start();
                if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("run failed: " + work);
                wall.add((System.nanoTime() - t0) / 1e9);
                JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
                for (JsonNode s : run.get("steps")) {
                    steps.computeIfAbsent(s.get("id").asText(), k -> new ArrayList<>()).add(s.get("millis").asDouble() / 1000);
                }
            }
            System.out.printf(Locale.ROOT, "%nthreads %d: main job wall time, median of %d runs: %.2f s (JVM start included)%n", threads,
                    runs, median(wall));
            System.out.printf(Locale.ROOT, "  %-24s %10s%n", "step (sum over groups)", "median s");
            for (Map.Entry<String, List<Double>> e : steps.entrySet()) {
                // per run, the step's groups are summed: split the list into runs
                List<Double> v = e.getValue();
                int perRun = v.size() / runs;
                List<Double> sums = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    double s = 0;
                    for (int k = 0; k < perRun; k++) s += v.get(r * perRun + k);
                    sums.add(s);
                }
                System.out.printf(Locale.ROOT, "  %-24s %10.2f%n", e.getKey(), median(sums));
            }
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
