package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eres inspect FILE} and {@code eres validate CHAIN} through the command line with the
 * distribution's plugins: what a researcher sees of a yearbook workbook, a semicolon CSV and a Stata
 * file before writing a chain, and a chain checked without estimating (problems as one line, exit 2).
 */
class InspectValidateIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Run(int code, String out, String err) {
    }

    static Run eres(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--plugins", BadInputCatalogueIT.PLUGINS.toAbsolutePath().toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), a.toArray(new String[0]));
        return new Run(code, out.toString(), err.toString().strip());
    }

    @Test
    void inspectAYearbookSheet() {
        Run r = eres("inspect", ROOT.resolve("examples/china-yearbook/分省年度数据.xlsx").toString(), "--sheet", "固定资产投资", "--last-row", "34");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("分省年度数据.xlsx: 7 sheet(s): 说明, 地区生产总值, 年末常住人口, 城镇单位就业人员, 固定资产投资, 财政, 地区划分",
                "header: row 3 (the first row with at least two filled cells",
                "data: 31 row(s), rows 4-34; 16 column(s)",
                "hint: 15 columns hold years 2008:2022: reshape: {from: wide, years: \"2008:2022\", value: <name>, columns: \"{year}年\"}",
                "hint: columns hold only '…': if that marks a missing value, set data.missing-codes: [\"…\"]");
        assertThat(r.out()).containsPattern("2017年\\s+number\\s+0\\s+8370.44");
        Run notes = eres("inspect", ROOT.resolve("examples/china-yearbook/分省年度数据.xlsx").toString(), "--sheet", "地区生产总值");
        assertThat(notes.out()).contains("hint: rows 35-36 fill one cell only (notes under the table?): leave them out with last-row: 34");
        Run longSheet = eres("inspect", ROOT.resolve("examples/china-yearbook/分省年度数据.xlsx").toString(), "--sheet", "财政");
        assertThat(longSheet.out()).contains("reshape: {from: long, names-from: 指标, values-from: 数值}");
    }

    @Test
    void inspectGuessesTheDelimiterAndSpotsDecimalCommas() {
        Run r = eres("inspect", ROOT.resolve("examples/us-states/private-capital.csv.gz").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("delimiter: ';' (guessed from the header; in a chain: delimiter: ';')", "data: 816 row(s)",
                "column 'pc' has numbers written with a decimal comma (35793,80): set data.decimal: ','");
        Run d = eres("inspect", ROOT.resolve("examples/us-states/private-capital.csv.gz").toString(), "--decimal", ",");
        assertThat(d.out()).containsPattern("pc\\s+number\\s+0\\s+35793.80").doesNotContain("decimal comma");
    }

    @Test
    void inspectShowsStataVariableLabels() {
        Path dta = ROOT.resolve("plugins/formats/src/test/resources/fixtures/stata/panel_118.dta");
        Run r = eres("inspect", dta.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("EXAMPLES / LABEL", "[GDP (100 million yuan)]");
    }

    @Test
    void aStataFilesLabelsReachRunJson(@TempDir Path dir) throws Exception {
        Files.copy(ROOT.resolve("plugins/formats/src/test/resources/fixtures/stata/panel_118.dta"), dir.resolve("p.dta"));
        Files.writeString(dir.resolve("c.yaml"), "name: dta\ndata: {source: p.dta, entity: code, time: year, variables: [gdp, pop], missing: drop}\n"
                + "steps:\n  - {id: fe, use: panel-fe, with: {y: gdp, x: [pop]}}\n", StandardCharsets.UTF_8);
        Run r = eres("run", dir.resolve("c.yaml").toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/run.json"))).contains("\"labels\"", "\"gdp\" : \"GDP (100 million yuan)\"");
    }

    @Test
    void validateTheExamples() {
        Run us = eres("validate", ROOT.resolve("examples/us-states/us-states.yaml").toString());
        assertThat(us.code()).as(us.err()).isZero();
        assertThat(us.out()).contains("eres: chain 'us-states' is valid (nothing was estimated)",
                "panel after the transforms: 816 rows, 48 state x 17 year (balanced)",
                "join: states.csv joined on state (exact): 816 row(s) matched",
                "weights queen: queen contiguity; 48 units, 214 links, neighbours 1-8",
                "steps (parameters bound): fe (panel-fe), sdm (sdm), sdm-geoda (sdm), gwr (gwr)").doesNotContain("check:");
        Run cn = eres("validate", ROOT.resolve("examples/china-yearbook/分省年度数据.yaml").toString());
        assertThat(cn.code()).as(cn.err()).isZero();
        assertThat(cn.out()).contains("465 rows, 31 地区 x 15 年份 (balanced)");
    }

    @Test
    void validateReportsProblemsAsOneLineAndColumnTyposAsChecks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), BadInputCatalogueIT.panel(6, 5), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("c.yaml"), "name: v\ndata: {source: d.csv, entity: id, time: year, group: region}\n"
                + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [xx]}}\n", StandardCharsets.UTF_8);
        Run typo = eres("validate", dir.resolve("c.yaml").toString());
        assertThat(typo.code()).isZero();
        assertThat(typo.out()).contains("check: steps.fe.with: column 'xx' is not in the data after the transforms (did you mean 'x'?)");
        Files.writeString(dir.resolve("c.yaml"), "name: v\ndata: {source: d.csv, entity: id, time: year, group: region}\n"
                + "weights: {w: {type: knn, k: 2}}\nsteps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x]}}\n", StandardCharsets.UTF_8);
        Run bad = eres("validate", dir.resolve("c.yaml").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("eres: error: weights.w: no coordinates for 6 units").doesNotContain("\n");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("c.yaml", "d.csv");
        }
    }
}
