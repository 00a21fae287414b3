package eres.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second example, examples/nbs-study.yaml, runs the methods on the REAL bundled NBS panel and is not labelled synthetic. */
class NbsStudyExampleIT {
    private static final Path DIST = Path.of(System.getProperty("eres.dist", "target/eres")).toAbsolutePath();

    @Test
    void runsOnRealDataWithIndexFeSdmAndGtwr(@TempDir Path dir) throws Exception {
        Path chain = Path.of("..", "examples", "nbs-study.yaml").toAbsolutePath().normalize();
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(DIST.resolve("bin/eres").toString(), "run", chain.toString(), "--out", out.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.get("data").get("synthetic").asBoolean()).isFalse();
        assertThat(run.get("data").get("source").asText()).contains("nbs");
        assertThat(log).doesNotContain("SYNTHETIC");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("(real NBS data)").doesNotContain("notice synthetic");
        for (String t : new String[] {"index-weights", "combined-baseline", "sdm-table-a2", "gtwr-local-coefficients"}) {
            assertThat(out.resolve("tables/" + t + ".md")).as(t).exists();
        }
        assertThat(out.resolve("figures/gtwr-map-urbanization_rate_pct-2018-2022.svg")).exists();
    }
}
