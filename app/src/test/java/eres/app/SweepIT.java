package eres.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 through the distribution: a sweep's table is the same for 1 and 2 threads (CSV and Parquet
 * byte for byte), every row runs alone with {@code --spec N} to the same numbers, a sweep killed with
 * SIGKILL resumes from its journal to the same table, and examples/multiverse.yaml runs its 528
 * specifications with the specification curve.
 */
class SweepIT {
    static final Path REPO = DistributionIT.REPO;

    /** 2 x 2 x 3 x 2 = 24 specifications on the synthetic panel, one excluded. */
    static final String CHAIN = """
            name: small
            data: {source: default}
            transforms:
              - log: {vars: [opt, int], name: "ln_{}"}
            steps:
              - {id: index, use: g1-sd, with: {indicators: [gdp_pc, urban_emp, budget_rev, ui_insured, rd_funds, students], output: r}}
              - {id: fe, use: panel-fe, with: {y: r, x: [ln_opt], controls: [fdi, urb], se: cluster}}
            report: {formats: [markdown]}
            sweep:
              dimensions:
                index: {substitute: steps.index.use, values: [g1-sd, entropy]}
                proxy: {substitute: steps.fe.with.x, values: {ln_opt: [ln_opt], ln_int: [ln_int]}}
                sample:
                  values:
                    all: {}
                    east: {"transforms[+]": {filter: {group: [east]}}}
                    no-municipalities: {"transforms[+]": {filter: {exclude-entity: ["11", "12", "31", "50"]}}}
                vcov: {substitute: steps.fe.with.se, values: [cluster, robust]}
              exclude:
                - {index: entropy, proxy: ln_int, sample: east, vcov: robust}
              collect:
                estimate: "steps.fe.coefficients[{proxy}].estimate"
                se: "steps.fe.coefficients[{proxy}].stdError"
                ci-low: "steps.fe.coefficients[{proxy}].ciLow"
                ci-high: "steps.fe.coefficients[{proxy}].ciHigh"
                nobs: steps.fe.statistics.nobs
            """;

    static DistributionIT.Result eres(Path dir, String... args) throws Exception {
        return DistributionIT.eres(dir, Map.of(), args);
    }

    @Test
    void sameTableForAnyThreadCountAndEveryRowAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("small.yaml"), CHAIN);
        DistributionIT.Result one = eres(dir, "run", "small.yaml", "--out", "t1", "--threads", "1");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("23 specifications (1 excluded of 24)", "23 specifications in", "0 failed");
        DistributionIT.Result two = eres(dir, "run", "small.yaml", "--out", "t2", "--threads", "2");
        assertThat(two.code()).as(two.err()).isZero();
        byte[] csv = Files.readAllBytes(dir.resolve("t1/sweep.csv"));
        assertThat(Files.readAllBytes(dir.resolve("t2/sweep.csv"))).isEqualTo(csv);
        // the same values; parquet-java lists a column chunk's encodings from a hash set, so a few footer bytes may be ordered differently
        assertThat(Files.size(dir.resolve("t2/sweep.parquet"))).isEqualTo(Files.size(dir.resolve("t1/sweep.parquet")));
        assertThat(dir.resolve("t1/figures/specification-curve.svg")).exists();
        assertThat(Files.readString(dir.resolve("t1/.eres-output"))).contains("sweep.csv", "sweep.parquet", "specification-curve.svg");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no journal left").noneMatch(n -> n.contains("journal"));
        }
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(24);
        assertThat(lines.get(0)).isEqualTo("spec,index,proxy,sample,vcov,seed,status,error,estimate,se,ci-low,ci-high,nobs");
        // rows alone: the first, one with the int proxy on a sample, the last
        for (String row : List.of(lines.get(1), lines.get(10), lines.get(23))) {
            String[] f = row.split(",", -1);
            String n = f[0];
            DistributionIT.Result r = eres(dir, "run", "small.yaml", "--spec", n, "--out", "spec" + n, "--threads", "2");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode results = new ObjectMapper().readTree(dir.resolve("spec" + n + "/results.json").toFile());
            assertThat(results.path("seed").asText()).isEqualTo(f[5]);
            JsonNode fe = null;
            for (JsonNode s : results.path("steps")) if (s.path("id").asText().equals("fe")) fe = s.path("result");
            JsonNode c = null;
            for (JsonNode k : fe.path("coefficients")) if (k.path("term").asText().equals(f[2])) c = k;
            // bit-identical: Java's shortest round-trip decimal of each double
            assertThat(Double.toString(c.path("estimate").asDouble())).as("row " + n).isEqualTo(f[8]);
            assertThat(Double.toString(c.path("stdError").asDouble())).isEqualTo(f[9]);
            assertThat(Double.toString(c.path("ciLow").asDouble())).isEqualTo(f[10]);
            assertThat(Double.toString(c.path("ciHigh").asDouble())).isEqualTo(f[11]);
            assertThat(fe.path("statistics").path("nobs").asText()).isEqualTo(f[12]);
            assertThat(Files.readString(dir.resolve("spec" + n + "/chain.yaml"))).startsWith("# specification " + n + " of the sweep");
        }
    }

    @Test
    void resumesAfterSigkillToTheSameTable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("small.yaml"), CHAIN);
        DistributionIT.Result whole = eres(dir, "run", "small.yaml", "--out", "whole", "--threads", "1");
        assertThat(whole.code()).as(whole.err()).isZero();
        Process p = DistributionIT.command(dir, Map.of(), "run", "small.yaml", "--out", "cut", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cut.log").toFile()).start();
        Path journal = dir.resolve(".cut.sweep-journal");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && (!Files.exists(journal) || Files.readAllLines(journal).size() < 6)) Thread.sleep(50);
        assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("cut")).doesNotExist();
        int kept = Files.readAllLines(journal).size() - 1;
        assertThat(kept).isBetween(5, 22);
        // Ctrl-C of the resumed run: the message says what is kept
        Process q = DistributionIT.command(dir, Map.of(), "run", "small.yaml", "--out", "cut", "--threads", "1")
                .redirectOutput(dir.resolve("cut2.log").toFile()).redirectError(dir.resolve("cut2.err").toFile()).start();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && Files.readAllLines(journal).size() < kept + 4) Thread.sleep(50);
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(q.pid())).start().waitFor()).isZero();
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(130);
        String err = Files.readString(dir.resolve("cut2.err"));
        assertThat(err).contains("eres: interrupted; nothing written", "finished specification(s) are kept in", ".cut.sweep-journal");
        assertThat(dir.resolve("cut")).doesNotExist();
        DistributionIT.Result again = eres(dir, "run", "small.yaml", "--out", "cut", "--threads", "2");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("sweep: resuming: ");
        assertThat(again.out()).contains("resumed from the journal");
        assertThat(Files.readAllBytes(dir.resolve("cut/sweep.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("whole/sweep.csv")));
        assertThat(journal).doesNotExist();
    }

    /**
     * The mediator equation of the synthetic panel: div on ln opt (and urb). Its slope is a pseudo-true value
     * near the planted a = 0.0567 (Div is computed from the simulated industry mix, not planted directly).
     */
    static final String MEDIATOR = """
            name: mediator
            seed: 7
            data: {source: default}
            transforms:
              - log: {vars: [opt], name: "ln_{}"}
            steps:
              - id: diversification
                use: diversification
                with:
                  industries: [emp_agri, emp_mining, emp_manuf, emp_util, emp_constr, emp_trade, emp_transp, emp_hotel, emp_it,
                               emp_fin, emp_realest, emp_bizserv, emp_research, emp_environ, emp_resserv, emp_edu, emp_health,
                               emp_culture, emp_pubadm]
                  output: div
              - {id: a, use: panel-fe, with: {y: div, x: [ln_opt], controls: [urb], effects: entity, se: cluster}}
            report: {formats: [markdown]}
            """;

    /**
     * A sweep file over a chain: a Monte Carlo over data seeds, each run kept. The summary is checked against
     * its definitions (MonteCarloSummary) recomputed from the specifications' rows, with the truth as given.
     */
    @Test
    void monteCarloSweepFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mediator.yaml"), MEDIATOR);
        Files.writeString(dir.resolve("mc.yaml"), """
                chain: mediator.yaml
                sweep:
                  dimensions:
                    vcov: {substitute: steps.a.with.se, values: [cluster, conventional]}
                    data-seed: {substitute: data.seed, range: [1, 8]}
                  seeds: common
                  keep: [results]
                  collect:
                    a: "steps.a.coefficients[ln_opt].estimate"
                    a-low: "steps.a.coefficients[ln_opt].ciLow"
                    a-high: "steps.a.coefficients[ln_opt].ciHigh"
                    a-p: "steps.a.coefficients[ln_opt].pValue"
                  monte-carlo:
                    replications: data-seed
                    quantities:
                      a: {truth: 0.05, low: a-low, high: a-high, p: a-p}
                """);
        DistributionIT.Result r = eres(dir, "run", "mc.yaml", "--out", "mc", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("16 specifications in", "0 failed");
        List<String> mc = Files.readAllLines(dir.resolve("mc/monte-carlo.csv"));
        assertThat(mc.get(0)).isEqualTo("setting,quantity,replications,failed,truth,mean,bias,sd,rmse,coverage,rejection");
        assertThat(mc).hasSize(3);
        assertThat(mc.get(1)).startsWith("vcov=cluster,a,8,0,0.05,");
        assertThat(mc.get(2)).startsWith("vcov=conventional,a,8,0,0.05,");
        List<String> sweepRows = Files.readAllLines(dir.resolve("mc/sweep.csv"));
        List<String> head = List.of(sweepRows.get(0).split(","));
        for (String line : mc.subList(1, 3)) {
            String[] f = line.split(",");
            String setting = f[0].substring("vcov=".length());
            double truth = 0.05;
            java.util.List<double[]> reps = new java.util.ArrayList<>(); // estimate, low, high, p
            for (String row : sweepRows.subList(1, sweepRows.size())) {
                String[] c = row.split(",");
                if (!c[head.indexOf("vcov")].equals(setting)) continue;
                reps.add(new double[] {Double.parseDouble(c[head.indexOf("a")]), Double.parseDouble(c[head.indexOf("a-low")]),
                        Double.parseDouble(c[head.indexOf("a-high")]), Double.parseDouble(c[head.indexOf("a-p")])});
            }
            assertThat(reps).hasSize(8);
            double mean = reps.stream().mapToDouble(v -> v[0]).average().orElseThrow();
            double var = reps.stream().mapToDouble(v -> (v[0] - mean) * (v[0] - mean)).sum() / 7;
            double mse = reps.stream().mapToDouble(v -> (v[0] - truth) * (v[0] - truth)).average().orElseThrow();
            double covered = reps.stream().filter(v -> v[1] <= truth && truth <= v[2]).count() / 8.0;
            double rejected = reps.stream().filter(v -> v[3] < 0.05).count() / 8.0;
            assertThat(Double.parseDouble(f[5])).as(line + ": mean").isCloseTo(mean, within(1e-12));
            assertThat(Double.parseDouble(f[6])).as(line + ": bias").isCloseTo(mean - truth, within(1e-12));
            assertThat(Double.parseDouble(f[7])).as(line + ": sd").isCloseTo(Math.sqrt(var), within(1e-12));
            assertThat(Double.parseDouble(f[8])).as(line + ": rmse").isCloseTo(Math.sqrt(mse), within(1e-12));
            assertThat(Double.parseDouble(f[9])).as(line + ": coverage").isEqualTo(covered);
            assertThat(Double.parseDouble(f[10])).as(line + ": rejection").isEqualTo(rejected);
            // the slope is far from zero relative to its sampling spread (sd 2.5e-4 around 0.056): every draw rejects
            assertThat(rejected).as("the slope is detected").isEqualTo(1.0);
        }
        // the same estimates under both covariance choices, different intervals
        List<String> rows = Files.readAllLines(dir.resolve("mc/sweep.csv"));
        assertThat(rows.get(1).split(",")[6]).isEqualTo(rows.get(9).split(",")[6]);
        assertThat(dir.resolve("mc/specs/1/results.json")).exists();
        assertThat(dir.resolve("mc/specs/16/results.json")).exists();
        assertThat(Files.readString(dir.resolve("mc/chain.yaml"))).contains("mediator.yaml with the sweep below", "name: mediator", "sweep:");
        assertThat(Files.readString(dir.resolve("mc/report.md"))).contains("Monte Carlo", "coverage");
        assertThat(dir.resolve("mc/figures/monte-carlo-coverage.svg")).exists();
    }

    /** The done-when: the study's main coefficient over 528 specifications, with the curve and any row alone. */
    @Test
    void multiverseExample(@TempDir Path dir) throws Exception {
        Path chain = REPO.resolve("examples/multiverse.yaml");
        DistributionIT.Result r = eres(dir, "run", chain.toString(), "--out", "mv", "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("528 specifications (48 excluded of 576)", "0 failed");
        List<String> lines = Files.readAllLines(dir.resolve("mv/sweep.csv"));
        assertThat(lines).hasSize(529);
        assertThat(Files.readString(dir.resolve("mv/report.html"))).contains("Specification curve", "<svg", "[SYNTHETIC DATA]",
                "they are not findings about China");
        assertThat(Files.size(dir.resolve("mv/sweep.parquet"))).isGreaterThan(1000);
        String[] f = lines.get(400).split(",", -1);
        DistributionIT.Result one = eres(dir, "run", chain.toString(), "--spec", f[0], "--out", "one");
        assertThat(one.code()).as(one.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("one/results.json").toFile());
        for (JsonNode s : results.path("steps")) {
            if (!s.path("id").asText().equals("fe")) continue;
            for (JsonNode k : s.path("result").path("coefficients")) {
                if (k.path("term").asText().equals(f[2])) assertThat(Double.toString(k.path("estimate").asDouble())).isEqualTo(f[9]);
            }
        }
    }
}
