package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution (app/target/eres) loads the formats plugin from its PF4J plugin directory
 * (plugins/formats-VERSION/ with Apache POI in lib/) and runs chains that read .xlsx and .dta sources and
 * write every table format.
 */
class FormatsDistributionIT {
    private static final Path DIST = Path.of(System.getProperty("eres.dist", "target/eres"));

    record Result(int exit, String out, String err) {
    }

    static Result eres(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", DIST.resolve("bin/eres").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("eres " + String.join(" ", args) + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void pluginsListsTheReadersAndWriters(@TempDir Path dir) throws Exception {
        assertThat(DIST.resolve("plugins/formats-" + version() + "/plugin.properties")).exists();
        assertThat(DIST.resolve("plugins/formats-" + version() + "/lib")).isDirectoryContaining("glob:**/poi-ooxml-*.jar");
        Result r = eres(dir, "plugins");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^xlsx +reader +formats ")
                .containsPattern("(?m)^dta +reader +formats ")
                .containsPattern("(?m)^latex +writer +formats ")
                .containsPattern("(?m)^docx +writer +formats ")
                .containsPattern("(?m)^csv +writer +formats ")
                .containsPattern("(?m)^csv +reader +eres-core ")
                .containsPattern("(?m)^json +writer +formats ")
                .doesNotContain("problem:");
    }

    @Test
    void yearbookWorkbookToWordLatexCsvJson(@TempDir Path dir) throws Exception {
        Path chain = Path.of("../examples/yearbook/yearbook-to-word.yaml").toAbsolutePath().normalize();
        Path out = dir.resolve("out");
        Result r = eres(dir, "run", chain.toString(), "--out", out.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).doesNotContain("ERROR").doesNotContain("Exception");
        assertThat(r.out()).contains("baseline [east]", "formats [docx, latex, csv, json, markdown]");
        for (String f : List.of("report.docx", "report.tex", "report.json", "report.md", "tables/baseline-coefficients.docx",
                "tables/baseline-coefficients.tex", "tables/baseline-coefficients.csv", "tables/baseline-coefficients.json",
                "tables/combined-gdp-population.docx", "tables/combined-gdp-population.tex", "tables/baseline--west-coefficients.csv")) {
            assertThat(out.resolve(f)).as(f).exists().isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("run.json"))).contains("reshaped yearbook.xlsx sheet '合并' from wide to long");
    }

    @Test
    void stataSourceWithValueLabels(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("../plugins/formats/src/test/resources/fixtures/stata/panel_118.dta"), dir.resolve("panel.dta"));
        Files.writeString(dir.resolve("chain.yaml"), """
                name: from-stata
                data: {source: panel.dta, entity: province, time: year, group: region, variables: [gdp, pop, urb], missing: drop}
                steps:
                  - {id: fe, use: panel-fe, with: {y: gdp, x: [pop], controls: [urb], effects: twoways, se: robust}}
                report: {formats: [markdown]}
                """);
        Result r = eres(dir, "run", "chain.yaml", "--out", "out", "--format", "latex,csv", "--threads", "1");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("n = 27", "formats [latex, csv]");
        assertThat(dir.resolve("out/tables/fe-coefficients.tex")).exists();
        assertThat(Files.readString(dir.resolve("out/run.json"))).contains("3 row(s) with missing values dropped");
    }

    private static String version() throws IOException {
        try (var s = Files.list(DIST.resolve("plugins"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("formats-")).findFirst()
                    .map(n -> n.substring("formats-".length())).orElse("?");
        }
    }
}
