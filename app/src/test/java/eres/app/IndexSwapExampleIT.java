package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the distribution on examples/index-swap.yaml (the composite-index swap: SD-G1 vs entropy on the
 * embedded NBS panel, the same FE model on each) and checks that every index method is listed by
 * {@code eres plugins}.
 */
class IndexSwapExampleIT {
    private static Path dist() {
        return Path.of(System.getProperty("eres.dist", "target/eres")).toAbsolutePath();
    }

    private static String eres(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(dist().resolve("bin/eres").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void pluginsListsEveryIndexMethod(@TempDir Path tmp) throws Exception {
        String out = eres(tmp, "plugins");
        for (String id : List.of("g1", "g1-sd", "entropy", "critic", "cv", "sd", "equal", "pca", "fixed-weights",
                "diversification", "specialization", "hhi", "krugman")) {
            assertThat(out).containsPattern("(?m)^" + java.util.regex.Pattern.quote(id) + "\\s+index\\s");
        }
    }

    @Test
    void swapExampleRuns(@TempDir Path tmp) throws Exception {
        Path chain = Path.of("..", "examples", "index-swap.yaml").toAbsolutePath().normalize();
        Path out = tmp.resolve("out");
        eres(tmp, "run", chain.toString(), "--out", out.toString(), "--threads", "1");
        String combined = Files.readString(out.resolve("tables/combined-index-swap.md"));
        assertThat(combined).contains("| SD-G1 | Entropy |", "| Dependent variable | dev\\_sdg1 | dev\\_entropy |", "Urbanisation rate (%)",
                "| Observations | 465 | 465 |", "Standard errors: clustered by code (31 clusters).");
        assertThat(Files.readString(out.resolve("tables/index-sdg1-weights.md"))).contains("Criterion layer", "Economic strength");
        assertThat(Files.readString(out.resolve("tables/index-entropy-weights.md"))).contains("Entropy weight method");
        assertThat(Files.readAllLines(out.resolve("files/index-entropy-dev_entropy-values.csv"))).hasSize(466);
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"dev_sdg1\"", "\"dev_entropy\"");
    }
}
