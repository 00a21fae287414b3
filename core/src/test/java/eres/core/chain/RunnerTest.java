package eres.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import eres.core.exec.PoolParallelism;
import eres.core.io.CsvReader;
import eres.core.plugin.PluginHost;
import eres.api.random.Seeds;
import eres.core.report.MarkdownWriter;
import eres.core.report.RunWriter;
import eres.api.DataException;
import eres.api.EresException;
import eres.api.Estimator;
import eres.api.Extension;
import eres.api.Param;
import eres.api.ProgressReporter;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end with test extensions: data, transforms, steps per group, columns forward, outputs. */
class RunnerTest {
    /** Mean of a column plus a random draw from the step seed; writes the demeaned column. */
    public static final class MeanEstimator implements Estimator<MeanEstimator.P> {
        public record P(@Param(value = "column", required = true) String v) {
            public P {
                if (v == null) throw new SpecException("v", "is required");
            }
        }

        @Override
        public String id() {
            return "test-mean";
        }

        @Override
        public String description() {
            return "mean of a column";
        }

        @Override
        public Class<P> parameterType() {
            return P.class;
        }

        @Override
        public StepResult run(P p, StepContext ctx) {
            double[] x = ctx.panel().column(p.v());
            double m = 0;
            for (double d : x) m += d / x.length;
            double draw = ctx.parallelism().map(8, b -> Seeds.generator(ctx.seed(), b).nextDouble())
                    .stream().mapToDouble(Double::doubleValue).sum();
            double[] dm = new double[x.length];
            for (int i = 0; i < x.length; i++) dm[i] = x[i] - m;
            return StepResult.builder()
                    .coefficient(new Coefficient("mean", m, 0.1, m / 0.1, 0.5, m - 0.2, m + 0.2))
                    .statistic("nobs", x.length).statistic("draw", draw)
                    .column(p.v() + "_dm", dm)
                    .table(Table.builder("mean", "Mean").columns("value").row(p.v(), Double.toString(m)).build())
                    .build();
        }
    }

    /** Always fails, with a user error or a bug. */
    public static final class FailEstimator implements Estimator<FailEstimator.P> {
        public record P(Boolean bug) {
        }

        @Override
        public String id() {
            return "test-fail";
        }

        @Override
        public String description() {
            return "fails";
        }

        @Override
        public Class<P> parameterType() {
            return P.class;
        }

        @Override
        public StepResult run(P p, StepContext ctx) {
            if (Boolean.TRUE.equals(p.bug())) throw new IllegalStateException("boom");
            throw new DataException("column 'q' is bad");
        }
    }

    /** Never finishes (ignores interrupts), to test the per-step time limit. */
    public static final class HangEstimator implements Estimator<eres.api.NoParameters> {
        @Override
        public String id() {
            return "test-hang";
        }

        @Override
        public String description() {
            return "hangs";
        }

        @Override
        public Class<eres.api.NoParameters> parameterType() {
            return eres.api.NoParameters.class;
        }

        @Override
        public StepResult run(eres.api.NoParameters p, StepContext ctx) {
            long until = System.nanoTime() + 60_000_000_000L;
            double x = 0;
            while (System.nanoTime() < until) x += Math.sin(x);   // busy, ignores interrupts
            throw new IllegalStateException("unreachable " + x);
        }
    }

    @TempDir
    Path dir;
    PluginHost host;

    @BeforeEach
    void setUp() throws Exception {
        List<Extension<?>> builtins = List.of(new CsvReader(), new MarkdownWriter(), new MeanEstimator(), new FailEstimator(), new HangEstimator());
        host = new PluginHost(dir.resolve("no-plugins"), "0.1.0", Guice.createInjector(), builtins);
        Files.writeString(dir.resolve("d.csv"), "id,year,region,y\n1,2000,east,1\n1,2001,east,2\n2,2000,west,3\n2,2001,west,5\n"
                + "3,2000,west,7\n3,2001,west,8\n");
    }

    Runner runner(int threads) {
        return new Runner(host.registry(), new PoolParallelism(threads), ProgressReporter.SILENT);
    }

    Path chain(String steps) throws Exception {
        Path c = dir.resolve("c.yaml");
        Files.writeString(c, "name: t\ndata: {source: d.csv, entity: id, time: year, group: region}\nsteps:\n" + steps);
        return c;
    }

    @Test
    void runsStepsPerGroupAndFeedsColumnsForward() throws Exception {
        Path c = chain("  - {id: m, use: test-mean, by: region, overall: true, with: {v: y}}\n"
                + "  - {id: m2, use: test-mean, with: {v: y_dm}}\n");
        RunResult r = runner(2).run(c, new RunOptions(dir.resolve("out"), 7L, 2, null));
        assertThat(r.outcomes()).extracting(StepOutcome::group).containsExactly(null, "east", "west", null);
        assertThat(r.outcomes().get(1).result().coefficient("mean").estimate()).isEqualTo(1.5);
        // the overall run's column is what later steps see
        double m = 26.0 / 6;
        assertThat(r.finalPanel().column("y_dm")).containsExactly(1 - m, 2 - m, 3 - m, 5 - m, 7 - m, 8 - m);
        RunWriter.Written w = RunWriter.write(r, host.registry(), dir.resolve("out"), null);
        assertThat(w.directory().resolve("results.json")).exists();
        assertThat(w.directory().resolve("run.json")).exists();
        assertThat(w.directory().resolve("report.md")).exists();
        assertThat(w.directory().resolve("tables/m--east-mean.md")).exists();
        assertThat(w.directory().resolve("tables/combined-m-by-group.md")).exists();
        JsonNode json = new ObjectMapper().readTree(w.directory().resolve("results.json").toFile());
        JsonNode step = json.get("steps").get(1);
        assertThat(step.get("id").asText()).isEqualTo("m");
        assertThat(step.get("group").asText()).isEqualTo("east");
        JsonNode coef = step.get("result").get("coefficients").get(0);
        assertThat(coef.fieldNames()).toIterable().containsExactly("term", "estimate", "stdError", "statistic", "pValue", "ciLow", "ciHigh");
        assertThat(step.get("result").get("statistics").get("nobs").asInt()).isEqualTo(2);
        assertThat(step.get("result").has("tests")).isTrue();
    }

    @Test
    void groupOnlyStepsScatterColumnsByGroup() throws Exception {
        Path c = chain("  - {id: m, use: test-mean, by: region, with: {v: y}}\n");
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 7L, 1, null));
        assertThat(r.finalPanel().column("y_dm")).containsExactly(-0.5, 0.5, -2.75, -0.75, 1.25, 2.25);
    }

    @Test
    void resultsAreIdenticalForAnyThreadCountAndAcrossRuns() throws Exception {
        Path c = chain("  - {id: m, use: test-mean, by: region, overall: true, with: {v: y}}\n");
        byte[] one = write(runner(1).run(c, new RunOptions(dir.resolve("o1"), 99L, 1, null)), "o1");
        byte[] four = write(runner(4).run(c, new RunOptions(dir.resolve("o4"), 99L, 4, null)), "o4");
        byte[] again = write(runner(4).run(c, new RunOptions(dir.resolve("o5"), 99L, 4, null)), "o5");
        assertThat(four).isEqualTo(one);
        assertThat(again).isEqualTo(one);
        byte[] other = write(runner(1).run(c, new RunOptions(dir.resolve("o6"), 100L, 1, null)), "o6");
        assertThat(other).isNotEqualTo(one);
    }

    private byte[] write(RunResult r, String name) throws Exception {
        RunWriter.write(r, host.registry(), dir.resolve(name), null);
        return Files.readAllBytes(dir.resolve(name).resolve("results.json"));
    }

    @Test
    void allBindingProblemsAreReportedBeforeAnythingRuns() throws Exception {
        Path c = chain("  - {id: a, use: test-meen, with: {v: y}}\n  - {id: b, use: test-mean, with: {w: y}}\n");
        assertThatThrownBy(() -> runner(1).run(c, new RunOptions(dir.resolve("out"), 1L, 1, null)))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("unknown extension 'test-meen' (did you mean 'test-mean'?)")
                .hasMessageContaining("unknown parameter 'w'");
    }

    @Test
    void aFailingStepStopsTheRunWithItsIdAndMessage() throws Exception {
        Path c = chain("  - {id: m, use: test-mean, with: {v: y}}\n  - {id: bad, use: test-fail}\n");
        assertThatThrownBy(() -> runner(1).run(c, new RunOptions(dir.resolve("out"), 1L, 1, null)))
                .isInstanceOf(EresException.class)
                .hasMessage("step 'bad' (test-fail) failed: column 'q' is bad");
        Path bug = chain("  - {id: bad, use: test-fail, with: {bug: true}}\n");
        assertThatThrownBy(() -> runner(1).run(bug, new RunOptions(dir.resolve("out"), 1L, 1, null)))
                .hasMessage("step 'bad' (test-fail) failed: internal error in extension 'test-fail': IllegalStateException: boom");
    }

    @Test
    void onErrorContinueKeepsOtherResults() throws Exception {
        Path c = chain("  - {id: bad, use: test-fail, on-error: continue}\n  - {id: m, use: test-mean, with: {v: y}}\n");
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 1L, 1, null));
        assertThat(r.anyFailed()).isTrue();
        assertThat(r.outcomes().get(0).error()).isEqualTo("column 'q' is bad");
        assertThat(r.outcomes().get(1).failed()).isFalse();
        RunWriter.write(r, host.registry(), dir.resolve("out"), null);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertThat(json.get("steps").get(0).get("status").asText()).isEqualTo("failed");
        assertThat(json.get("steps").get(1).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void aHangingStepTimesOutAndTheRunGoesOn() throws Exception {
        Path c = chain("  - {id: h, use: test-hang, timeout: 1, on-error: continue}\n  - {id: m, use: test-mean, with: {v: y}}\n");
        long t0 = System.nanoTime();
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 1L, 1, null));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        assertThat(r.outcomes().get(0).error()).isEqualTo("timed out after 1 s (set the step's timeout: or --step-timeout)");
        assertThat(r.outcomes().get(1).failed()).isFalse();
    }

    @Test
    void byColumnMustExist() throws Exception {
        Path c = chain("  - {id: m, use: test-mean, by: regoin, with: {v: y}}\n");
        assertThatThrownBy(() -> runner(1).run(c, new RunOptions(dir.resolve("out"), 1L, 1, null)))
                .hasMessageContaining("no text column 'regoin' to group by (did you mean 'region'?)");
    }

    @Test
    void embeddedNbsDataLoads() throws Exception {
        Path c = dir.resolve("n.yaml");
        Files.writeString(c, "name: n\ndata: {source: nbs, variables: [gdp_100m_cny]}\nsteps:\n  - {id: m, use: test-mean, with: {v: gdp_100m_cny}}\n");
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 1L, 1, null));
        assertThat(r.dataset().panel().rows()).isEqualTo(465);
        assertThat(r.dataset().panel().entityCount()).isEqualTo(31);
        assertThat(r.dataset().geography().locations()).hasSize(31);
        assertThat(r.dataset().synthetic()).isFalse();
    }

    /** Issue 19.11: rows without a group label are left out of by: runs, with a warning (summary, run.json, report). */
    @Test
    void rowsWithoutAGroupLabelAreReported() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "id,year,region,y\n1,2000,east,1\n1,2001,east,2\n2,2000,,3\n2,2001,,5\n"
                + "3,2000,west,7\n3,2001,west,8\n");
        Path c = chain("  - {id: m, use: test-mean, by: region, with: {v: y}}\n");
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 7L, 1, null));
        assertThat(r.outcomes()).extracting(StepOutcome::group).containsExactly("east", "west");
        assertThat(r.warnings()).containsExactly("step 'm' (by: region): 2 row(s) with no region label are left out of the group runs"
                + " (first: 2, 2000)");
        RunWriter.Written w = RunWriter.write(r, host.registry(), dir.resolve("out"), null);
        JsonNode run = new ObjectMapper().readTree(w.directory().resolve("run.json").toFile());
        assertThat(run.get("warnings").get(0).asText()).contains("2 row(s) with no region label");
        assertThat(Files.readString(w.directory().resolve("report.md"))).contains("Warning: step 'm' (by: region): 2 row(s)");
    }

    /** Issue 19.2: labels that the old rule mapped to one file name now give distinct files. */
    @Test
    void groupLabelsAndStepIdsNeverShareAFile() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "id,year,region,y\n1,2000,东部,1\n1,2001,东部,2\n2,2000,西部,3\n2,2001,西部,5\n"
                + "3,2000,east,7\n3,2001,east,8\n");
        Path c = chain("  - {id: fe, use: test-mean, by: region, with: {v: y}}\n  - {id: fe--east, use: test-mean, with: {v: y_dm}}\n");
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 7L, 1, null));
        RunWriter.Written w = RunWriter.write(r, host.registry(), dir.resolve("out"), null);
        Path tables = w.directory().resolve("tables");
        assertThat(tables.resolve("fe--+E4+B8+9C+E9+83+A8-mean.md")).exists();
        assertThat(tables.resolve("fe--+E8+A5+BF+E9+83+A8-mean.md")).exists();
        assertThat(tables.resolve("fe--east-mean.md")).exists();
        assertThat(tables.resolve("fe-+2Deast-mean.md")).exists();
        assertThat(Files.readString(tables.resolve("fe--+E4+B8+9C+E9+83+A8-mean.md"))).contains("| 1.5");
        assertThat(Files.readString(tables.resolve("fe--+E8+A5+BF+E9+83+A8-mean.md"))).contains("| 4");
        // the display names are kept: in the report and in the manifest
        assertThat(Files.readString(w.directory().resolve("report.md"))).contains("东部", "西部");
        assertThat(Files.readString(w.directory().resolve(eres.core.report.OutputDirectory.MARKER)))
                .contains("step 'fe' group '东部' table 'mean'").contains("step 'fe--east' table 'mean'");
    }

    @Test
    void groupLabelsDifferingOnlyInLetterCaseAreAnErrorBeforeAnythingIsWritten() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "id,year,region,y\n1,2000,East,1\n1,2001,East,2\n2,2000,east,3\n2,2001,east,5\n");
        Path c = chain("  - {id: m, use: test-mean, by: region, with: {v: y}}\n");
        RunResult r = runner(1).run(c, new RunOptions(dir.resolve("out"), 7L, 1, null));
        assertThatThrownBy(() -> RunWriter.write(r, host.registry(), dir.resolve("out"), null)).isInstanceOf(SpecException.class)
                .hasMessageContaining("step 'm' group 'East' table 'mean' and step 'm' group 'east' table 'mean' would both be written")
                .hasMessageContaining("letter case");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("c.yaml", "d.csv");
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
