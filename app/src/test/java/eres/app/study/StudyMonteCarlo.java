package eres.app.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.plugins.studychina.SimulatedStudy;
import eres.plugins.studychina.StudySimulation;
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
 * The recovery checks over many data seeds: how often each planted truth is inside its estimator's 95%
 * interval (a Monte Carlo check of the platform; the recovery test is one draw of it). One sweep does
 * the runs: examples/study-monte-carlo.yaml (the study chain over data seeds, every run kept), with its
 * range set to the seeds asked for; the sweep runs them in parallel over the cores, resumes if
 * interrupted, and writes its own bias/RMSE/coverage table of the planted constants
 * ({@code monte-carlo.csv}). This class then applies {@link StudyRecovery}'s checks, which need the
 * pseudo-true values of each draw, to every kept run.
 *
 * <pre>java -cp app/target/test-classes:app/target/eres/lib/* eres.app.study.StudyMonteCarlo [seeds] [first] [dist] [chain] [threads]</pre>
 *
 * Defaults: 40 seeds from 1, app/target/eres, examples/study.yaml, all cores. Prints one line per check:
 * the share of seeds passing, and the mean estimate and truth; one line per calibration bound of the
 * replication table (share of seeds meeting it, mean eres value), per table (share of seeds meeting all its
 * bounds) and for all bounds; then the sweep's Monte Carlo table.
 */
public final class StudyMonteCarlo {
    private StudyMonteCarlo() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Path dist = Path.of(args.length > 2 ? args[2] : "app/target/eres").toAbsolutePath();
        Path chain = Path.of(args.length > 3 ? args[3] : "examples/study.yaml").toAbsolutePath();
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        String sweep = Files.readString(chain.resolveSibling("study-monte-carlo.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("(?m)^chain: .*$", "chain: \"" + chain.toString().replace("\\", "/") + "\"")
                .replaceFirst("range: \\[1, 40]", "range: [" + first + ", " + (first + seeds - 1) + "]");
        Path work = Files.createTempDirectory("eres-mc");
        Path file = work.resolve("study-monte-carlo.yaml");
        Files.writeString(file, sweep, StandardCharsets.UTF_8);
        Path out = work.resolve("mc");
        Process p = new ProcessBuilder(dist.resolve("bin/eres").toString(), "run", file.toString(), "--out", out.toString(), "--format", "markdown",
                "--threads", Integer.toString(threads)).redirectErrorStream(true).redirectOutput(work.resolve("log.txt").toFile()).start();
        if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() > 1) {
            System.out.println("the sweep failed, see " + work.resolve("log.txt"));
            return;
        }
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int specCol = header.indexOf("spec");
        int seedCol = header.indexOf("data-seed");
        int statusCol = header.indexOf("status");
        Map<String, double[]> agg = new LinkedHashMap<>(); // passed, count, sum estimate, sum truth
        Map<String, double[]> bounds = new LinkedHashMap<>(); // met, count, sum eres, published
        Map<String, double[]> tables = new LinkedHashMap<>(); // seeds with all bounds met, seeds
        List<String> failures = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            long s = Long.parseLong(f[seedCol]);
            if (!f[statusCol].equals("ok")) {
                failures.add("seed " + s + ": run failed (sweep.csv row " + f[specCol] + ")");
                continue;
            }
            Path spec = out.resolve("specs").resolve(f[specCol]);
            SimulatedStudy sim = StudySimulation.generate(s);
            List<StudyRecovery.Check> checks;
            try {
                checks = new StudyRecovery(new ObjectMapper().readTree(spec.resolve("results.json").toFile()), spec, sim).run();
            } catch (RuntimeException e) {
                failures.add("seed " + s + ": " + e);
                continue;
            }
            JsonNode results = new ObjectMapper().readTree(spec.resolve("results.json").toFile());
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
        System.out.println("the sweep's Monte Carlo table (" + out.resolve("monte-carlo.csv") + "):");
        Files.readAllLines(out.resolve("monte-carlo.csv"), StandardCharsets.UTF_8).forEach(System.out::println);
        System.out.println();
        failures.forEach(System.out::println);
    }
}
