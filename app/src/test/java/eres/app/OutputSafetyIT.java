package eres.app;

import static eres.app.DistributionIT.eres;
import static org.assertj.core.api.Assertions.assertThat;

import eres.app.DistributionIT.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.1 and 19.2 with the distribution run from inside a user's project folder (its working
 * directory): {@code --out .}, {@code --out ..} and a chain named {@code ..} once deleted such folders.
 * Every file of the folder must survive every command, byte for byte.
 */
class OutputSafetyIT {
    static final String DATA = "data: {source: nbs, variables: [gdp_100m_cny, urbanization_rate_pct]}\n"
            + "steps:\n  - {id: fe, use: panel-fe, with: {y: gdp_100m_cny, x: [urbanization_rate_pct]}}\n";

    /** A thesis project: a chain, another tool's run.json, a thesis and a data file. */
    static Map<Path, byte[]> project(Path dir, String chainName) throws Exception {
        Files.writeString(dir.resolve("c.yaml"), "name: " + chainName + "\n" + DATA);
        Files.writeString(dir.resolve("run.json"), "{\"tool\": \"another tool's run record\"}");
        Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(dir.resolve("thesis/main.tex"), "\\chapter{Resilience}");
        Files.writeString(dir.resolve("data.csv"), "id,year,y\n1,2000,3\n");
        return snapshot(dir);
    }

    static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) m.put(dir.relativize(p), Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
        }
        return m;
    }

    static void assertSurvived(Path dir, Map<Path, byte[]> before) throws Exception {
        Map<Path, byte[]> after = snapshot(dir);
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertThat(after).as("%s survived", e.getKey()).containsKey(e.getKey());
            assertThat(after.get(e.getKey())).as("%s unchanged", e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void outputsAimedAtTheProjectFolderAreRefusedAndEveryFileSurvives(@TempDir Path root) throws Exception {
        Path work = Files.createDirectories(root.resolve("project"));
        Map<Path, byte[]> before = project(work, "study");
        String[][] commands = {
                {"run", "c.yaml", "--out", "."},
                {"run", "c.yaml", "--out", ""},
                {"run", "c.yaml", "--out", ".."},
                {"run", "c.yaml", "--out", "thesis"}};
        String[] words = {"is the working directory", "is empty", "contains the working directory", "is not an eres output directory"};
        for (int i = 0; i < commands.length; i++) {
            Result r = eres(work, Map.of(), commands[i]);
            assertThat(r.code()).as(String.join(" ", commands[i]) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(commands[i][3]).startsWith("eres: error: '--out' ").contains(words[i]).doesNotContain("\n");
            assertSurvived(work, before);
            assertThat(snapshot(work).keySet()).isEqualTo(before.keySet());
        }
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("project");
        }
    }

    @Test
    void aChainNamedDotDotStaysInsideEresOut(@TempDir Path root) throws Exception {
        Path work = Files.createDirectories(root.resolve("project"));
        Map<Path, byte[]> before = project(work, "..");
        Result r = eres(work, Map.of(), "run", "c.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(work.resolve("eres-out/+2E+2E/results.json")).exists();
        assertSurvived(work, before);
        try (Stream<Path> s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("c.yaml", "data.csv", "eres-out", "run.json", "thesis");
        }
        // again: the earlier output is replaced, nothing else touched
        assertThat(eres(work, Map.of(), "run", "c.yaml").code()).isZero();
        assertSurvived(work, before);
    }

    @Test
    void chainNamesInChineseGetTheirOwnDirectories(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("a.yaml"), "name: 研究一\n" + DATA);
        Files.writeString(work.resolve("b.yaml"), "name: 研究二\nseed: 9\n" + DATA);
        assertThat(eres(work, Map.of(), "run", "a.yaml").code()).isZero();
        assertThat(eres(work, Map.of(), "run", "b.yaml").code()).isZero();
        try (Stream<Path> s = Files.list(work.resolve("eres-out"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("+E7+A0+94+E7+A9+B6+E4+B8+80", "+E7+A0+94+E7+A9+B6+E4+BA+8C");
        }
        assertThat(Files.readString(work.resolve("eres-out/+E7+A0+94+E7+A9+B6+E4+B8+80/results.json"))).contains("\"chain\" : \"研究一\"");
    }

    @Test
    void theDefaultDirectoryIsNamedAsSuchWhenRefused(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("c.yaml"), "name: mine\n" + DATA);
        Files.createDirectories(work.resolve("eres-out/mine"));
        Files.writeString(work.resolve("eres-out/mine/notes.txt"), "not eres's");
        Result r = eres(work, Map.of(), "run", "c.yaml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("eres: error: the default output directory eres-out/mine (set another with --out)")
                .contains("is not an eres output directory").doesNotContain("'--out'").doesNotContain("\n");
        assertThat(Files.readString(work.resolve("eres-out/mine/notes.txt"))).isEqualTo("not eres's");
    }
}
