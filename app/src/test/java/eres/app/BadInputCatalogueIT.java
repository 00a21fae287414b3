package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue (issue 11): every entry is a chain and data a user could plausibly write,
 * run through the real command line with the distribution's plugins. Each must end with exit code 2
 * and exactly one line on stderr, {@code eres: error: ...} containing the expected words, and leave no
 * output behind; a few "looks wrong but is fine" inputs must run. The test report prints the count.
 */
class BadInputCatalogueIT {
    static final Path PLUGINS = Path.of(System.getProperty("eres.dist", "target/eres")).resolve("plugins");
    private static final List<String> TRIED = new ArrayList<>();

    static final String HEAD = "name: bad\n";
    static final String FE = "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x]}}\n";
    static final String CSV = "id,year,region,x,y,z\n";

    static String panel(int entities, int years) {
        StringBuilder b = new StringBuilder(CSV);
        for (int i = 1; i <= entities; i++) {
            for (int t = 0; t < years; t++) {
                double x = i * 0.7 + t * 0.3 + ((i * 7 + t * 3) % 5) * 0.11;
                double y = 1 + 0.5 * x + ((i * 13 + t * 5) % 7) * 0.05;
                b.append(i).append(',').append(2000 + t).append(',').append(i % 2 == 0 ? "east" : "west").append(',')
                        .append(x).append(',').append(y).append(',').append(1 + t).append('\n');
            }
        }
        return b.toString();
    }

    static String data(String file) {
        return "data: {source: " + file + ", entity: id, time: year, group: region}\n";
    }

    /** name, chain text, data file text (written as d.csv), extra arguments, expected exit, expected words. */
    static Stream<Arguments> catalogue() {
        String ok = panel(6, 5);
        return Stream.of(
                // data files
                Arguments.of("empty file", HEAD + data("d.csv") + FE, "", "", 2, "d.csv is empty"),
                Arguments.of("header only", HEAD + data("d.csv") + FE, CSV, "", 2, "has a header but no data rows"),
                Arguments.of("duplicate column names", HEAD + data("d.csv") + FE, "id,year,x,x,y\n1,2000,1,2,3\n", "", 2,
                        "duplicate column name 'x'"),
                Arguments.of("BOM and CRLF are fine", HEAD + data("d.csv") + FE, "\uFEFF" + ok.replace("\n", "\r\n"), "", 0, ""),
                Arguments.of("non-numeric cell", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,abc,"),
                        "", 2, "line 3, column 'x': 'abc' is not a number"),
                Arguments.of("NaN", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,NaN,"), "", 2,
                        "'NaN' is not a finite number"),
                Arguments.of("infinity", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,Inf,"), "", 2,
                        "'Inf' is not a finite number"),
                Arguments.of("column all missing", HEAD + "data: {source: d.csv, entity: id, time: year, variables: [x, y, w]}\n" + FE,
                        ok.replace(CSV, "id,year,region,x,y,w\n").replaceAll(",(\\d+)\n", ",\n"), "", 2, "column 'w' in d.csv has no values"),
                Arguments.of("missing values (default policy)", HEAD + data("d.csv") + FE,
                        ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,NA,"), "", 2, "set data.missing: drop"),
                Arguments.of("duplicate entity-time", HEAD + data("d.csv") + FE, ok + "1,2000,west,1,2,3\n", "", 2,
                        "duplicate id-year pair (1, 2000)"),
                Arguments.of("non-integer period", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,", "\n1,2001.5,"), "", 2,
                        "is not an integer period"),
                Arguments.of("ragged row", HEAD + data("d.csv") + FE, ok + "9,2000,east,1\n", "", 2, "4 fields, the header has 6"),
                Arguments.of("gaps in time are fine", HEAD + data("d.csv") + "transforms: [{lag: [x]}]\n"
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [L.x]}}\n",
                        ok.replaceAll("\n2,2002,[^\n]*", ""), "", 0, ""),
                Arguments.of("single entity", HEAD + data("d.csv") + FE, panel(1, 8), "", 2, "leave no residual degrees of freedom"),
                Arguments.of("single entity, entity effects only", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x], effects: entity}}\n", panel(1, 8), "", 2, "at least 2 clusters"),
                Arguments.of("more regressors than observations", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x, z], effects: twoways, se: conventional}}\n",
                        panel(2, 2), "", 2, "leave no residual degrees of freedom"),
                Arguments.of("perfectly collinear regressors", HEAD + data("d.csv") + "transforms: [{product: {of: [x, z], name: xz}}]\n"
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x], controls: [z], effects: entity}}\n",
                        ok.replaceAll(",(\\d+)\n", ",2\n"), "", 2, "collinear"),
                Arguments.of("log of a non-positive value", HEAD + data("d.csv") + "transforms: [{log: [x]}]\n" + FE,
                        ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,-1,"), "", 2, "log of 'x': value -1.0 at (1, 2001) is not positive"),
                Arguments.of("unknown column in a step", HEAD + data("d.csv") + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [xx]}}\n",
                        ok, "", 2, "unknown column 'xx' (did you mean 'x'?)"),
                Arguments.of("constant threshold variable", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: z2, bootstrap: 10}}\n",
                        ok.replace(CSV, "id,year,region,x,y,z2\n").replaceAll(",(\\d+)\n", ",5\n"), "", 2, "z2"),
                Arguments.of("trimming leaves too few observations per regime", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: x, thresholds: 2, trim: 0.45, bootstrap: 10}}\n",
                        panel(3, 4), "", 2, "too few observations for threshold 2"),
                Arguments.of("absurd bootstrap size", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: x, bootstrap: 1000000000}}\n",
                        ok, "", 2, "above the limit of 100000 replications"),
                // chain files
                Arguments.of("unknown key", HEAD + data("d.csv") + FE.replace("steps:", "stpes:"), ok, "", 2,
                        "unknown key 'stpes' (did you mean 'steps'?)"),
                Arguments.of("unknown parameter", HEAD + data("d.csv") + FE.replace("x: [x]", "x: [x], contrls: [z]"), ok, "", 2,
                        "unknown parameter 'contrls' (did you mean 'controls'?)"),
                Arguments.of("wrong type", HEAD + "seed: abc\n" + data("d.csv") + FE, ok, "", 2, "seed"),
                Arguments.of("wrong parameter type", HEAD + data("d.csv") + FE.replace("x: [x]", "x: [x], level: high"), ok, "", 2, "level"),
                Arguments.of("unknown plugin id", HEAD + data("d.csv") + FE.replace("panel-fe", "panel-fee"), ok, "", 2,
                        "unknown extension 'panel-fee' (did you mean 'panel-fe'?)"),
                Arguments.of("cyclic step reference", HEAD + data("d.csv") + FE + "  - {id: b, use: describe, with: {vars: [x]}, needs: [b]}\n",
                        ok, "", 2, "cannot need itself"),
                Arguments.of("dangling step reference", HEAD + data("d.csv") + FE + "  - {id: b, use: describe, with: {vars: [x]}, needs: [zz]}\n",
                        ok, "", 2, "no step 'zz'"),
                Arguments.of("forward step reference", HEAD + data("d.csv") + "steps:\n  - {id: a, use: describe, with: {vars: [x]}, needs: [b]}\n"
                        + "  - {id: b, use: describe, with: {vars: [x]}}\n", ok, "", 2, "'b' comes later in the chain"),
                Arguments.of("bad YAML", HEAD + "data: {source: d.csv\nsteps: [\n", ok, "", 2, "line"),
                Arguments.of("data file not found", HEAD + data("nope.csv") + FE, ok, "", 2, "no file"),
                Arguments.of("unknown report format", HEAD + data("d.csv") + FE + "report: {formats: [pdff]}\n", ok, "", 2,
                        "unknown report format 'pdff'"),
                Arguments.of("spatial weights with an island", HEAD + "data: {source: nbs, variables: [gdp_100m_cny, urbanization_rate_pct]}\n"
                        + "weights: {w: {type: distance-band, threshold: 300}}\n"
                        + "steps:\n  - {id: s, use: sdm, with: {y: gdp_100m_cny, x: [urbanization_rate_pct], weights: w}}\n", ok, "", 2, "neighbour"),
                Arguments.of("coordinates out of range", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gwr, with: {y: y, x: [x], lat: z, lon: x, bandwidth: 500, permutations: 0, maps: false}}\n",
                        ok.replaceAll(",(\\d+)\n", ",95\n"), "", 2, "coordinates out of range"),
                Arguments.of("map period of no years", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gwr, with: {y: y, x: [x], lat: z, lon: x, bandwidth: 500, periods: [every 0]}}\n", ok, "", 2,
                        "period length"),
                Arguments.of("unknown published tables", HEAD + data("d.csv") + FE
                        + "  - {id: r, use: replicate, with: {published: my-study}}\n", ok, "", 2, "no published tables 'my-study'"),
                // command line
                Arguments.of("zero threads", HEAD + data("d.csv") + FE, ok, "--threads 0", 2, "--threads"),
                Arguments.of("zero step timeout", HEAD + data("d.csv") + FE, ok, "--step-timeout 0", 2, "--step-timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badInput(String name, String chain, String csv, String extra, int exit, String words, @TempDir Path dir,
                  TestReporter reporter) throws Exception {
        Files.writeString(dir.resolve("c.yaml"), chain, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("d.csv"), csv, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("run", dir.resolve("c.yaml").toString(), "--plugins", PLUGINS.toString(),
                "--out", dir.resolve("out").toString()));
        if (!extra.isEmpty()) args.addAll(List.of(extra.split(" ")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(new String[0]));
        String e = err.toString().strip();
        assertThat(code).as(name + ": exit code; stderr: " + e + "; stdout: " + out).isEqualTo(exit);
        if (exit == 2) {
            assertThat(e).as(name).startsWith("eres: error: ").contains(words);
            assertThat(e.lines().count()).as(name + " is one line: " + e).isEqualTo(1);
            assertThat(dir.resolve("out")).as(name + " left no output").doesNotExist();
            try (var s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("c.yaml", "d.csv");
            }
        } else {
            assertThat(dir.resolve("out/results.json")).exists();
        }
        reporter.publishEntry("bad-input", name + " -> " + (e.isEmpty() ? "ok" : e));
        synchronized (TRIED) {
            TRIED.add(name);
        }
    }

    @AfterAll
    static void count() {
        System.out.println("bad-input catalogue: " + TRIED.size() + " inputs tried, each ended as specified");
    }
}
