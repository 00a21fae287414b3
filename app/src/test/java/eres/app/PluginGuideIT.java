package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plugin-author-guide.md works when followed literally: its command block (section 3) runs with
 * {@code bash -e} in a clean copy of the repository (the files git knows, nothing built), with a home
 * directory of its own so that {@code ~/eres-plugins} and the local Maven repository its
 * {@code mvn install} writes to are private to the test (the shared one is read as a remote
 * repository, so nothing is downloaded twice and nothing is published into it).
 */
class PluginGuideIT {
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void theGuidesCommandsBuildAndRunTheExamplePlugin(@TempDir Path tmp) throws Exception {
        String guide = Files.readString(REPO.resolve("docs/plugin-author-guide.md"), StandardCharsets.UTF_8);
        String commands = block(guide);
        assertThat(commands).contains("mvn -B -q install -DskipTests -pl spi -am").contains("./eres run examples/plugin-between/chain.yaml");

        Path copy = tmp.resolve("eres");
        copyRepository(copy);
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".m2"));
        Path shared = Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        Files.writeString(home.resolve(".m2/settings.xml"), settings(home.resolve(".m2/repository"), shared));

        Path log = tmp.resolve("guide.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-u", "-o", "pipefail", "-c", commands)
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("MAVEN_OPTS", "-Duser.home=" + home);
        // 'eres plugins trust' records into ~/.config/eres; Java takes ~ from the passwd entry, not $HOME
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().remove("ERES_TRUST_FILE");
        pb.environment().remove("ERES_PLUGINS");
        Process p = pb.start();
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("the guide's commands finished in time:\n" + out).isTrue();
        assertThat(p.exitValue()).as("the guide's commands succeed:\n" + out).isZero();

        assertThat(home.resolve(".m2/repository/org/eres/eres-api/0.2.0")).as("the API went to the private local repository").isDirectory();
        assertThat(home.resolve("eres-plugins/between-plugin-1.0.0.jar")).exists();
        assertThat(home.resolve(".config/eres/trusted-plugins")).as("the guide's trust step recorded the plugin").exists();
        try (var s = Files.list(home.resolve("eres-plugins"))) {
            assertThat(s.filter(Files::isDirectory).map(d -> d.getFileName().toString()))
                    .as("plugin directories are copied too").anyMatch(n -> n.startsWith("formats-"));
        }
        assertThat(out).containsPattern("between\\s+estimator\\s+between\\s+1\\.0\\.0").contains("bootstrap");
        JsonNode steps = new ObjectMapper().readTree(copy.resolve("between-out/results.json").toFile()).get("steps");
        JsonNode conventional = steps.get(0).get("result");
        // the results schema (inf1) names the count of entities "entities" (the plugin's "groups")
        assertThat(conventional.get("statistics").get("entities")).as("results.json: " + steps).isNotNull();
        assertThat(conventional.get("statistics").get("entities").asInt()).isEqualTo(31);
        assertThat(conventional.get("coefficients").get(0).get("term").asText()).isEqualTo("urbanization_rate_pct");
        JsonNode boot = steps.get(1).get("result");
        assertThat(boot.get("statistics").get("se").asText()).isEqualTo("bootstrap");
        assertThat(boot.get("statistics").get("bootstrap").asInt()).isEqualTo(499);
        assertThat(boot.get("coefficients").get(0).get("estimate").asDouble())
                .isEqualTo(conventional.get("coefficients").get(0).get("estimate").asDouble());
        assertThat(boot.get("coefficients").get(0).get("stdError").asDouble()).isPositive()
                .isNotEqualTo(conventional.get("coefficients").get(0).get("stdError").asDouble());
        assertThat(copy.resolve("between-out/report.md")).exists();
    }

    /** The fenced block after the {@code guide-commands} marker. */
    static String block(String guide) {
        int marker = guide.indexOf("<!-- guide-commands");
        assertThat(marker).as("docs/plugin-author-guide.md marks its command block").isPositive();
        int start = guide.indexOf("```sh\n", marker) + "```sh\n".length();
        int end = guide.indexOf("```", start);
        return guide.substring(start, end);
    }

    /** The files git tracks or would track (no build outputs), as a fresh clone has them. */
    static void copyRepository(Path to) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(REPO.toFile()).redirectErrorStream(false).start();
        byte[] listing = git.getInputStream().readAllBytes();
        assertThat(git.waitFor()).isZero();
        for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            if (name.isEmpty()) continue;
            Path src = REPO.resolve(name);
            if (!Files.isRegularFile(src)) continue;       // deleted but not yet committed
            Path dst = to.resolve(name);
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static String settings(Path local, Path shared) {
        String repo = "<id>%s</id><url>%s</url><releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
        String sharedRepo = String.format(repo, "shared-local", shared.toUri());
        return """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles><profile><id>shared</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>shared</activeProfile></activeProfiles>
                </settings>
                """.formatted(local, sharedRepo, sharedRepo);
    }

}
