package eres.spark;

import static org.assertj.core.api.Assertions.assertThat;

import eres.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when on Spark: examples/multiverse.yaml (528 specifications) on Spark in local[2]
 * mode gives the table the local engine gives, byte for byte as CSV; and the two Parquet files, one
 * written by the parquet plugin (parquet-java without Hadoop), one by Spark from the DataFrame, read
 * back by Spark, hold the same rows.
 */
class SparkSweepTest {
    static final Path REPO = Path.of(System.getProperty("eres.repo", ".."));
    static final String PLUGINS = System.getProperty("eres.plugins", "../app/target/eres/plugins");

    static String[] run(Path chain, Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", chain.toString(), "--out", out.toString(), "--plugins", PLUGINS,
                "--threads", "2", "--format", "markdown"));
        args.addAll(List.of(extra));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), args.toArray(new String[0]));
        assertThat(code).as(o + "\n" + e).isZero();
        return new String[] {o.toString(), e.toString()};
    }

    @Test
    void multiverseOnSparkLocalModeGivesTheLocalTable(@TempDir Path dir) throws Exception {
        Path chain = REPO.resolve("examples/multiverse.yaml");
        String[] local = run(chain, dir.resolve("local"));
        assertThat(local[0]).contains("engine local", "528 specifications in", "0 failed");
        String[] spark = run(chain, dir.resolve("spark"), "--engine", "spark", "--master", "local[2]");
        assertThat(spark[0]).contains("engine spark local[2]", "528 specifications in", "0 failed");
        byte[] csv = Files.readAllBytes(dir.resolve("local/sweep.csv"));
        assertThat(Files.readAllBytes(dir.resolve("spark/sweep.csv"))).isEqualTo(csv);
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().count()).isEqualTo(529);
        try (SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate()) {
            List<Row> a = s.read().parquet(dir.resolve("local/sweep.parquet").toUri().toString()).orderBy("spec").collectAsList();
            List<Row> b = s.read().parquet(dir.resolve("spark/sweep.parquet").toUri().toString()).orderBy("spec").collectAsList();
            assertThat(a).hasSize(528);
            assertThat(b).isEqualTo(a);
            assertThat(s.read().parquet(dir.resolve("local/sweep.parquet").toUri().toString()).schema().simpleString())
                    .startsWith("struct<spec:bigint,index:string,proxy:string,controls:string,sample:string,vcov:string,seed:bigint,status:string,"
                            + "error:string,estimate:double,se:double,p:double,ci-low:double,ci-high:double,nobs:bigint>");
        }
    }
}
