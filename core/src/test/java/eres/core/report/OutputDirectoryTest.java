package eres.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void commitReplacesThePreviousRunAtomically() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("run.json", "{\"v\":1}");
            o.commit();
        }
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("run.json", "{\"v\":2}");
            o.sink().writeString("tables/a.md", "x");
            assertThat(Files.readString(out.resolve("run.json"))).isEqualTo("{\"v\":1}");
            o.commit();
        }
        assertThat(Files.readString(out.resolve("run.json"))).isEqualTo("{\"v\":2}");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void anAbortedRunLeavesThePreviousResultsAndNoTemporaryFiles() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("run.json", "old");
            o.commit();
        }
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("run.json", "new");
            // no commit: close() aborts
        }
        assertThat(Files.readString(out.resolve("run.json"))).isEqualTo("old");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAnEresRun() throws Exception {
        Path home = dir.resolve("thesis");
        Files.createDirectories(home);
        Files.writeString(home.resolve("chapter1.tex"), "precious");
        assertThatThrownBy(() -> new OutputDirectory(home)).isInstanceOf(SpecException.class)
                .hasMessageContaining("is not an eres output directory");
        assertThat(Files.readString(home.resolve("chapter1.tex"))).isEqualTo("precious");
    }

    @Test
    void writesAreConfinedToTheOutputDirectory() {
        try (OutputDirectory o = new OutputDirectory(dir.resolve("out"))) {
            for (String bad : new String[] {"../x", "/etc/passwd", "a/../../b", "tables/../../x", "..", "a\\b", "", ".hidden"}) {
                assertThatThrownBy(() -> o.sink().writeString(bad, "x")).as(bad).isInstanceOf(SpecException.class);
            }
        }
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
