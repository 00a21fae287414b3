package eres.app;

import static eres.app.DistributionIT.buildPlugin;
import static eres.app.DistributionIT.eres;
import static org.assertj.core.api.Assertions.assertThat;

import eres.app.DistributionIT.Result;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.9: signals really sent to the distribution while it writes its output. A report writer
 * plugin (trusted for the test) writes one file, says so on stdout and sleeps: the test then sends
 * SIGINT, SIGTERM or SIGKILL. Ctrl-C and SIGTERM leave nothing half-written (the previous output intact,
 * no temporaries) and say "interrupted; nothing written"; after SIGKILL the temporary (named with the
 * dead process's pid) is removed by the next run.
 */
class InterruptIT {
    @TempDir
    static Path shared;
    static Path plugins;
    static Map<String, String> env;

    static final String CHAIN = "name: t\ndata: {source: nbs, variables: [gdp_100m_cny]}\n"
            + "steps:\n  - {id: d, use: describe, with: {vars: [gdp_100m_cny]}}\n";

    @BeforeAll
    static void slowWriter() throws Exception {
        plugins = Files.createDirectories(shared.resolve("plugins"));
        Files.copy(DistributionIT.DIST.resolve("plugins/panel-fe-0.1.0.jar"), plugins.resolve("panel-fe-0.1.0.jar"));
        Path jar = plugins.resolve("slow.jar");
        buildPlugin(shared, jar, "slow", ">=0.1.0", """
                package slow;
                import eres.api.*;
                import eres.api.result.*;
                public final class Slow implements ReportWriter<NoParameters> {
                    public String id() { return "slow"; }
                    public String description() { return "writes a file, then takes its time"; }
                    public Class<NoParameters> parameterType() { return NoParameters.class; }
                    public void write(Report report, NoParameters p, OutputSink sink) {
                        sink.writeString("slow-part-1.txt", "written before the signal");
                        System.out.println("slow-writer: writing");
                        System.out.flush();
                        try { Thread.sleep(120_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                        sink.writeString("slow-part-2.txt", "never reached");
                    }
                }
                """, "slow.Slow");
        env = Map.of("ERES_PLUGINS", plugins.toString(), "ERES_TRUST_FILE", shared.resolve("trusted").toString());
        Result t = eres(shared, env, "plugins", "trust", jar.toString());
        assertThat(t.code()).as(t.err()).isZero();
    }

    /** Starts {@code eres run} with the slow writer and returns once it is writing. */
    static Process startWriting(Path work) throws Exception {
        Files.writeString(work.resolve("c.yaml"), CHAIN);
        Process p = DistributionIT.command(work, env, "run", "c.yaml", "--out", "out", "--format", "markdown,slow").start();
        CountDownLatch writing = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) if (line.contains("slow-writer: writing")) writing.countDown();
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(writing.await(120, TimeUnit.SECONDS)).as("eres reached the slow writer").isTrue();
        return p;
    }

    static String stderrAfterExit(Process p) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (java.io.IOException ignored) {
                // closed
            }
        });
        t.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("eres ended after the signal").isTrue();
        t.join(10_000);
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void ctrlCWhileWritingLeavesThePreviousOutputAndNothingElse(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("c.yaml"), CHAIN);
        Result first = eres(work, env, "run", "c.yaml", "--out", "out");
        assertThat(first.code()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(work.resolve("out/results.json"));
        List<String> outBefore = entries(work.resolve("out"));

        Process p = startWriting(work);
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor()).isZero();
        String err = stderrAfterExit(p);
        assertThat(p.exitValue()).as(err).isEqualTo(130);
        assertThat(err).isEqualTo("eres: interrupted; nothing written");
        assertThat(Files.readAllBytes(work.resolve("out/results.json"))).isEqualTo(before);
        assertThat(entries(work.resolve("out"))).isEqualTo(outBefore).doesNotContain("slow-part-1.txt");
        assertThat(entries(work)).containsExactly("c.yaml", "out");
    }

    @Test
    void sigtermWhileWritingLeavesNothing(@TempDir Path work) throws Exception {
        Process p = startWriting(work);
        // SIGTERM with kill(1): Process.destroy() would also close the pipes the test reads stderr from
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
        String err = stderrAfterExit(p);
        assertThat(p.exitValue()).as(err).isEqualTo(143);
        assertThat(err).isEqualTo("eres: interrupted; nothing written");
        assertThat(entries(work)).containsExactly("c.yaml");
    }

    @Test
    void theTemporaryOfAKilledRunIsRemovedByTheNextRun(@TempDir Path work) throws Exception {
        Process p = startWriting(work);
        long pid = p.pid();
        p.destroyForcibly();   // SIGKILL: no hook runs
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        List<String> left = entries(work);
        assertThat(left).hasSize(2).contains("c.yaml");
        String tmp = left.get(0).equals("c.yaml") ? left.get(1) : left.get(0);
        assertThat(tmp).as("the temporary names the dead process").startsWith(".out.tmp-" + pid + "-");
        assertThat(Files.readString(work.resolve(tmp).resolve(".eres-tmp"))).startsWith(pid + " ");

        Result again = eres(work, env, "run", "c.yaml", "--out", "out");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(entries(work)).containsExactly("c.yaml", "out");
    }
}
