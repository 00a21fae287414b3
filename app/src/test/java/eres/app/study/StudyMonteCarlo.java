package eres.app.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.simulate.SimulatedStudy;
import eres.core.simulate.StudySimulation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The recovery checks and the calibration bounds over many data seeds: how often each planted truth is
 * inside its estimator's 95% interval (a Monte Carlo check of the platform; the recovery test is one
 * draw of it), and how often the main job reproduces each published pattern (the calibration bounds of
 * the replication table, docs/synthetic-data.md). The design of the synthetic panel is fixed; each seed
 * draws new shocks. Runs the distribution on examples/study.yaml with {@code data: {source: default, seed: k}}.
 *
 * <pre>java -cp app/target/test-classes:app/target/eres/lib/* eres.app.study.StudyMonteCarlo [seeds] [first] [dist] [chain]</pre>
 *
 * Defaults: 40 seeds from 1, app/target/eres, examples/study.yaml. Prints one line per check: the share
 * of seeds passing, and the mean estimate and truth; then one line per calibration bound (share of seeds
 * meeting it, mean eres value), per table (share of seeds meeting all its bounds) and for all bounds.
 */
public final class StudyMonteCarlo {
    private StudyMonteCarlo() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path dist = Path.of(args.length > 2 ? args[2] : "app/target/eres").toAbsolutePath();
        Path chain = Path.of(args.length > 3 ? args[3] : "examples/study.yaml").toAbsolutePath();
        String text = Files.readString(chain, StandardCharsets.UTF_8);
        Path work = Files.createTempDirectory("eres-mc");
        Map<String, double[]> agg = new LinkedHashMap<>(); // passed, count, sum estimate, sum truth
        Map<String, double[]> bounds = new LinkedHashMap<>(); // met, count, sum eres, published
        Map<String, double[]> tables = new LinkedHashMap<>(); // seeds with all bounds met, seeds
        List<String> failures = new ArrayList<>();
        for (long s = first; s < first + seeds; s++) {
            String c = text.replaceFirst("(?m)^  source: default.*$", "  source: default\n  seed: " + s);
            Path file = work.resolve("study-" + s + ".yaml");
            Files.writeString(file, c, StandardCharsets.UTF_8);
            Path out = work.resolve("out-" + s);
            Process p = new ProcessBuilder(dist.resolve("bin/eres").toString(), "run", file.toString(), "--out", out.toString(),
                    "--format", "markdown").redirectErrorStream(true).redirectOutput(work.resolve("log-" + s + ".txt").toFile()).start();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                failures.add("seed " + s + ": run failed, see " + work.resolve("log-" + s + ".txt"));
                continue;
            }
            SimulatedStudy sim = StudySimulation.generate(s);
            List<StudyRecovery.Check> checks;
            try {
                checks = new StudyRecovery(new ObjectMapper().readTree(out.resolve("results.json").toFile()), out, sim).run();
            } catch (RuntimeException e) {
                failures.add("seed " + s + ": " + e);
                continue;
            }
            JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            Map<String, Boolean> allMet = new LinkedHashMap<>();
            for (JsonNode step : results.get("steps")) {
                if (!step.get("id").asText().equals("replication")) continue;
                for (JsonNode r : step.get("result").get("replication")) {
                    if (r.get("passed").isNull()) continue;
                    double[] a = bounds.computeIfAbsent(r.get("id").asText() + " [" + r.get("check").asText() + "]", x -> new double[4]);
                    boolean met = r.get("passed").asBoolean();
                    a[0] += met ? 1 : 0;
                    a[1] += 1;
                    a[2] += r.get("eres").asDouble();
                    a[3] = r.get("published").asDouble();
                    allMet.merge(r.get("table").asText(), met, Boolean::logicalAnd);
                    allMet.merge("all bounds", met, Boolean::logicalAnd);
                }
            }
            for (Map.Entry<String, Boolean> e : allMet.entrySet()) {
                double[] a = tables.computeIfAbsent(e.getKey(), x -> new double[2]);
                a[0] += e.getValue() ? 1 : 0;
                a[1] += 1;
            }
            for (StudyRecovery.Check k : checks) {
                double[] a = agg.computeIfAbsent(k.name(), x -> new double[4]);
                a[0] += k.passed() ? 1 : 0;
                a[1] += 1;
                a[2] += k.estimate();
                a[3] += k.truth();
                if (!k.passed() && k.required()) failures.add("seed " + s + ": " + k);
            }
            System.err.println("seed " + s + " done");
        }
        System.out.printf(Locale.ROOT, "%-62s %7s %5s %12s %12s%n", "check", "passed", "n", "mean est", "mean truth");
        for (Map.Entry<String, double[]> e : agg.entrySet()) {
            double[] a = e.getValue();
            System.out.printf(Locale.ROOT, "%-62s %7.3f %5d %12.5f %12.5f%n", e.getKey(), a[0] / a[1], (int) a[1], a[2] / a[1], a[3] / a[1]);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-80s %7s %5s %12s %12s%n", "calibration bound", "met", "n", "mean eres", "published");
        for (Map.Entry<String, double[]> e : bounds.entrySet()) {
            double[] a = e.getValue();
            System.out.printf(Locale.ROOT, "%-80s %7.3f %5d %12.5f %12.5f%n", e.getKey(), a[0] / a[1], (int) a[1], a[2] / a[1], a[3]);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %7s %5s%n", "all bounds of", "met", "n");
        for (Map.Entry<String, double[]> e : tables.entrySet()) {
            System.out.printf(Locale.ROOT, "%-30s %7.3f %5d%n", e.getKey(), e.getValue()[0] / e.getValue()[1], (int) e.getValue()[1]);
        }
        System.out.println();
        failures.forEach(System.out::println);
    }
}
