package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 8 through the real launcher: a CSV that the heap given in {@code ERES_JAVA_OPTS} cannot
 * hold is refused before its columns are filled, with one line naming {@code ERES_JAVA_OPTS} and the
 * figure to set, exit 2 and nothing written. (The 10^7-row load test is a benchmark:
 * docs/benchmarks.md.)
 */
class MemoryLimitIT {
    @Test
    void aFileTooLargeForTheHeapFailsAtOnceNamingTheSetting(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("id,year,y,x1,x2,x3,x4,x5\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write(Integer.toString(i / 10));
                w.write(i % 10 == 0 ? ",2000" : "," + (2000 + i % 10));
                w.write(",1.5,2.5,3.5,4.5,5.5,6.5\n");
            }
        }
        Files.writeString(dir.resolve("c.yaml"), "name: big\ndata: {source: big.csv, entity: id, time: year}\n"
                + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x1]}}\n");
        // 1,000,000 rows x 6 numeric columns need about 69 MB: more than a 64 MB heap can ever hold
        DistributionIT.Result r = DistributionIT.eres(dir, Map.of("ERES_JAVA_OPTS", "-Xmx64m"), "run", "c.yaml",
                "--plugins", DistributionIT.DIST.resolve("plugins").toAbsolutePath().toString());
        String err = r.err().strip();
        assertThat(r.code()).as(err).isEqualTo(2);
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).startsWith("eres: error: ").contains("ERES_JAVA_OPTS=-Xmx");
        assertThat(dir.resolve("eres-out")).doesNotExist();
    }
}
