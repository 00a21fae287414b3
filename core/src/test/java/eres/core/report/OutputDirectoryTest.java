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

    /** A folder a user cares about: every one of these files must survive any eres run aimed at it. */
    static java.util.Map<String, String> precious(Path home) throws Exception {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("run.json", "{\"tool\": \"another tool's run record\"}");
        files.put("chain.yaml", "name: mine");
        files.put("data.csv", "id,year,y\n1,2000,3\n");
        files.put("thesis/chapter1.tex", "precious");
        for (var e : files.entrySet()) {
            Path p = home.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return files;
    }

    static void assertSurvived(Path home, java.util.Map<String, String> files) throws Exception {
        for (var e : files.entrySet()) {
            assertThat(home.resolve(e.getKey())).as(e.getKey()).exists();
            assertThat(Files.readString(home.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void anotherToolsRunJsonDoesNotMakeAFolderAnEresOutput() throws Exception {
        Path home = dir.resolve("project");
        var files = precious(home);
        assertThatThrownBy(() -> new OutputDirectory(home)).isInstanceOf(SpecException.class)
                .hasMessageContaining("no .eres-output marker").hasMessageContaining("another tool's");
        assertSurvived(home, files);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("project");
        }
    }

    @Test
    void foreignFilesInAnEresOutputAreNeverDeleted() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("results.json", "{}");
            o.sink().writeString("tables/a.md", "a");
            o.commit();
        }
        assertThat(out.resolve(OutputDirectory.MARKER)).exists();
        // the user adds files (and a folder) to the eres output
        Files.writeString(out.resolve("notes.txt"), "my notes");
        Files.createDirectories(out.resolve("drafts"));
        Files.writeString(out.resolve("drafts/d.tex"), "draft");
        Files.writeString(out.resolve("tables/mine.md"), "mine");
        assertThatThrownBy(() -> new OutputDirectory(out)).isInstanceOf(SpecException.class)
                .hasMessageContaining("3 file(s) eres did not write").hasMessageContaining("notes.txt")
                .hasMessageContaining("drafts/").hasMessageContaining("tables/mine.md").hasMessageNotContaining("\n");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("my notes");
        assertThat(Files.readString(out.resolve("drafts/d.tex"))).isEqualTo("draft");
        assertThat(Files.readString(out.resolve("tables/mine.md"))).isEqualTo("mine");
        assertThat(Files.readString(out.resolve("tables/a.md"))).isEqualTo("a");
        // an edited eres file counts as the user's too
        Files.delete(out.resolve("notes.txt"));
        OutputDirectory.deleteTree(out.resolve("drafts"));
        Files.delete(out.resolve("tables/mine.md"));
        Files.writeString(out.resolve("tables/a.md"), "a, edited by hand");
        assertThatThrownBy(() -> new OutputDirectory(out)).isInstanceOf(SpecException.class)
                .hasMessageContaining("tables/a.md (changed)");
        assertThat(Files.readString(out.resolve("tables/a.md"))).isEqualTo("a, edited by hand");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void aForeignFileAppearingDuringTheRunStopsTheCommit() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("results.json", "1");
            o.commit();
        }
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("results.json", "2");
            Files.writeString(out.resolve("late.txt"), "written while eres computed");
            assertThatThrownBy(o::commit).isInstanceOf(SpecException.class).hasMessageContaining("late.txt");
        }
        assertThat(Files.readString(out.resolve("late.txt"))).isEqualTo("written while eres computed");
        assertThat(Files.readString(out.resolve("results.json"))).isEqualTo("1");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void theManifestListsEveryFileWithItsHashAndLabel() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.label("tables/fe--+E4+B8+9C+E9+83+A8-coefficients", "step 'fe' group '东部' table 'coefficients'");
            o.sink().writeString("tables/fe--+E4+B8+9C+E9+83+A8-coefficients.md", "x");
            o.commit();
        }
        var m = Json.mapper().readTree(out.resolve(OutputDirectory.MARKER).toFile());
        assertThat(m.get("format").asText()).isEqualTo("eres-output");
        assertThat(m.get("version").asInt()).isEqualTo(OutputDirectory.FORMAT_VERSION);
        var f = m.get("files").get(0);
        assertThat(f.get("path").asText()).isEqualTo("tables/fe--+E4+B8+9C+E9+83+A8-coefficients.md");
        assertThat(f.get("sha256").asText()).isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
        assertThat(f.get("label").asText()).contains("东部");
    }

    @Test
    void aNewerOutputFormatIsNotReplaced() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(OutputDirectory.MARKER), "{\"format\":\"eres-output\",\"version\":99,\"files\":[]}");
        assertThatThrownBy(() -> new OutputDirectory(out)).isInstanceOf(SpecException.class).hasMessageContaining("newer eres");
        Files.writeString(out.resolve(OutputDirectory.MARKER), "{ not json");
        assertThatThrownBy(() -> new OutputDirectory(out)).isInstanceOf(SpecException.class).hasMessageContaining("unreadable");
        assertThat(out.resolve(OutputDirectory.MARKER)).exists();
    }

    @Test
    void theRootTheWorkingDirectoryAndItsParentsAreRefused() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : new Path[] {Path.of("/"), Path.of("."), Path.of(""), cwd, cwd.getParent(), Path.of("..")}) {
            assertThatThrownBy(() -> OutputDirectory.check(p, "'--out' " + p)).as(p.toString()).isInstanceOf(SpecException.class)
                    .hasMessageMatching(".*(root of the file system|working directory).*");
        }
    }

    @Test
    void aSymbolicLinkOrAFileIsRefused() throws Exception {
        Path real = dir.resolve("real");
        Files.createDirectories(real);
        Files.writeString(real.resolve("keep.txt"), "k");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertThatThrownBy(() -> new OutputDirectory(link)).isInstanceOf(SpecException.class).hasMessageContaining("symbolic link");
        Path file = Files.writeString(dir.resolve("file"), "f");
        assertThatThrownBy(() -> new OutputDirectory(file)).isInstanceOf(SpecException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> new OutputDirectory(file.resolve("sub"))).isInstanceOf(SpecException.class).hasMessageContaining("is a file");
        assertThat(Files.readString(real.resolve("keep.txt"))).isEqualTo("k");
    }

    @Test
    void twoOutputsCanNeverShareAFile() {
        try (OutputDirectory o = new OutputDirectory(dir.resolve("out"))) {
            o.sink().writeString("tables/a-b.md", "1");
            assertThatThrownBy(() -> o.sink().writeString("tables/a-b.md", "2")).isInstanceOf(SpecException.class)
                    .hasMessageContaining("two outputs map to the same file");
            o.sink().writeString("tables/East.md", "1");
            assertThatThrownBy(() -> o.sink().writeString("tables/east.md", "2")).isInstanceOf(SpecException.class)
                    .hasMessageContaining("differ only in letter case");
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anAbortedRunRemovesTheParentDirectoriesItCreated() {
        try (OutputDirectory o = new OutputDirectory(dir.resolve("a/b/out"))) {
            o.sink().writeString("x.md", "x");
        }
        assertThat(dir.resolve("a")).doesNotExist();
    }

    /** The pid of a process that has exited (for stale temporaries). */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        return pid;
    }

    @Test
    void staleTemporariesOfDeadProcessesAreSweptAndLiveOnesKept() throws Exception {
        long dead = deadPid();
        Path staleTmp = dir.resolve(".out.tmp-" + dead + "-abc");
        Files.createDirectories(staleTmp.resolve("tables"));
        Files.writeString(staleTmp.resolve(Temporaries.TEMP_MARKER), dead + " 2020-01-01T00:00:00Z");
        Files.writeString(staleTmp.resolve("tables/t.md"), "half-written");
        Path staleFile = Files.writeString(dir.resolve(".panel.csv.tmp-" + dead + "-12"), "half");
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path liveTmp = dir.resolve(".other.tmp-" + live + "-abc");
        Files.createDirectories(liveTmp);
        Files.writeString(liveTmp.resolve(Temporaries.TEMP_MARKER), live + " "
                + ProcessHandle.of(live).orElseThrow().info().startInstant().orElseThrow());
        Path notOurs = dir.resolve(".holiday.tmp-" + dead + "-abc");   // right name, no eres marker inside
        Files.createDirectories(notOurs);
        Files.writeString(notOurs.resolve("photo.jpg"), "p");
        try (OutputDirectory o = new OutputDirectory(dir.resolve("out"))) {
            o.sink().writeString("a.md", "a");
            o.commit();
        }
        assertThat(staleTmp).doesNotExist();
        assertThat(staleFile).doesNotExist();
        assertThat(liveTmp).exists();
        assertThat(notOurs.resolve("photo.jpg")).exists();
    }

    @Test
    void aCommitKilledBetweenItsTwoRenamesIsRepairedByTheNextRun() throws Exception {
        Path out = dir.resolve("out");
        try (OutputDirectory o = new OutputDirectory(out)) {
            o.sink().writeString("results.json", "previous");
            o.commit();
        }
        // kill -9 after "out -> .out.old-PID-x" and before ".out.tmp -> out": the previous run is hidden
        Path old = dir.resolve(".out.old-" + deadPid() + "-9");
        Files.move(out, old);
        try (OutputDirectory o = new OutputDirectory(dir.resolve("other"))) {
            o.commit();
        }
        assertThat(Files.readString(out.resolve("results.json"))).isEqualTo("previous");
        assertThat(old).doesNotExist();
    }
}
