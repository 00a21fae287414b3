package eres.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example chain, as a reader uses it: the YAML block under "## A chain" copied into a file of
 * its own and run with the distribution's launcher from that file's folder. Its numbers are checked against
 * R plm on the same bundled panel ({@code readme/make.R}, {@code readme/plm.csv}): slopes and clustered
 * SEs to 1e-9 relative (both sides solve the same within least-squares problem in double precision; the
 * SEs use Stata's small-sample factor, written out in make.R).
 */
class ReadmeIT {
    @Test
    void theReadmeChainRunsAsWrittenAndMatchesPlm(@TempDir Path dir) throws Exception {
        String readme = Files.readString(OwnDataExamplesIT.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## A chain\n");
        assertThat(section).as("README has a section '## A chain'").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        int end = readme.indexOf("\n```", start);
        Path chain = dir.resolve("growth.yaml");
        Files.writeString(chain, readme.substring(start, end + 1), StandardCharsets.UTF_8);

        Process p = new ProcessBuilder(OwnDataExamplesIT.dist().resolve("bin/eres").toString(), "run", "growth.yaml")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        JsonNode results = new ObjectMapper().readTree(dir.resolve("eres-out/growth/results.json").toFile());
        Map<String, JsonNode> byGroup = new HashMap<>();
        for (JsonNode s : results.get("steps")) {
            byGroup.put(s.get("group").isNull() ? "overall" : s.get("group").asText(), s.get("result").get("coefficients").get(0));
        }
        List<String> reference = Files.readAllLines(Path.of("src/test/resources/eres/app/readme/plm.csv"), StandardCharsets.UTF_8);
        assertThat(byGroup).hasSize(reference.size() - 1);
        for (String line : reference.subList(1, reference.size())) {
            String[] f = line.split(",");
            JsonNode c = byGroup.get(f[0].trim());
            assertThat(c).as("group " + f[0]).isNotNull();
            assertThat(c.get("term").asText()).isEqualTo("urbanization_rate_pct");
            double est = Double.parseDouble(f[1].trim());
            double se = Double.parseDouble(f[2].trim());
            assertThat(c.get("estimate").asDouble()).as(f[0] + " estimate").isCloseTo(est, within(1e-9 * Math.abs(est)));
            assertThat(c.get("stdError").asDouble()).as(f[0] + " SE").isCloseTo(se, within(1e-9 * se));
        }
    }
}
