package eres.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.core.chain.ChainSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps rows exactly, ignores a cut last line, replaces another sweep's and locks. */
class JournalTest {
    static SweepPlan plan() {
        String text = SweepPlanTest.CHAIN + SweepPlanTest.SWEEP;
        ChainSource src = new ChainSource("s.yaml", text, Path.of("/tmp"), "s.yaml");
        return SweepPlan.of(src, src.parse(), 42);
    }

    @Test
    void roundTripsRowsExactlyAndResumes(@TempDir Path dir) throws Exception {
        SweepPlan plan = plan();
        Path f = Journal.fileFor(dir.resolve("out"));
        assertThat(f.getFileName().toString()).isEqualTo(".out.sweep-journal");
        SweepRow a = new SweepRow(1, -7, "ok", null, Arrays.asList(0.1 + 0.2), List.of(), Map.of("results.json", new byte[] {1, 2, 3}), "SYNTHETIC panel");
        SweepRow b = new SweepRow(3, 9, "failed", "step 'fe' failed: singular", Arrays.asList((Object) null), List.of("b: no key"), null, null);
        try (Journal j = Journal.open(f, "k1", plan)) {
            assertThat(j.resumed()).isFalse();
            j.append(a);
            j.append(b);
            assertThatThrownBy(() -> Journal.open(f, "k1", plan)).hasMessageContaining("is locked");
        }
        Files.writeString(f, "{\"spec\":4,\"seed\":1,\"sta", StandardCharsets.UTF_8, StandardOpenOption.APPEND);   // cut by a kill
        try (Journal j = Journal.open(f, "k1", plan)) {
            assertThat(j.resumed()).isTrue();
            assertThat(j.completed()).containsOnlyKeys(1L, 3L);
            SweepRow a2 = j.completed().get(1L);
            assertThat((Double) a2.values().get(0)).isEqualTo(0.1 + 0.2);
            assertThat(a2.seed()).isEqualTo(-7);
            assertThat(a2.kept().get("results.json")).containsExactly(1, 2, 3);
            assertThat(a2.syntheticData()).isEqualTo("SYNTHETIC panel");
            assertThat(j.completed().get(3L).error()).isEqualTo("step 'fe' failed: singular");
            assertThat(j.completed().get(3L).values().get(0)).isNull();
            j.append(new SweepRow(2, 0, "ok", null, Arrays.asList(5L), List.of(), null, null));
        }
        try (Journal j = Journal.open(f, "another sweep", plan)) {
            assertThat(j.completed()).isEmpty();
            j.delete();
        }
        assertThat(f).doesNotExist();
    }

    @Test
    void csvIsExactAndQuoted() {
        SweepPlan plan = plan();
        List<SweepRow> rows = List.of(new SweepRow(1, 5, "ok", null, Arrays.asList(1.0E-5), List.of(), null, null),
                new SweepRow(2, 6, "failed", "a, \"b\"", Arrays.asList((Object) null), List.of(), null, null));
        String csv = new String(SweepTable.csv(SweepTable.of(plan, rows)), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("spec,vcov,sample,seed,status,error,b\n1,cluster,all,5,ok,,1.0E-5\n2,cluster,east,6,failed,\"a, \"\"b\"\"\",\n");
    }
}
