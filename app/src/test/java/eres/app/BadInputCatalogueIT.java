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
        return panel(entities, years, 1);
    }

    /** A small two-way panel; y is multiplied by {@code yScale}. */
    static String panel(int entities, int years, double yScale) {
        StringBuilder b = new StringBuilder(CSV);
        for (int i = 1; i <= entities; i++) {
            for (int t = 0; t < years; t++) {
                double x = i * 0.7 + t * 0.3 + ((i * 7 + t * 3) % 5) * 0.11;
                double y = 1 + 0.5 * x + ((i * 13 + t * 5) % 7) * 0.05;
                b.append(i).append(',').append(2000 + t).append(',').append(i % 2 == 0 ? "east" : "west").append(',')
                        .append(x).append(',').append(y * yScale).append(',').append(1 + t).append('\n');
            }
        }
        return b.toString();
    }

    /** The CSV with one more column: {@code first} in the first data row, {@code rest} below. */
    static String addColumn(String csv, String name, String first, String rest) {
        String[] lines = csv.split("\n");
        StringBuilder b = new StringBuilder(lines[0]).append(',').append(name).append('\n');
        for (int i = 1; i < lines.length; i++) b.append(lines[i]).append(',').append(i == 1 ? first : rest).append('\n');
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
                Arguments.of("cluster variable with a non-cluster covariance", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x], se: robust, cluster: region}}\n",
                        ok, "", 2, "se: hc1 does not cluster"),
                Arguments.of("unknown cluster variable", HEAD + data("d.csv")
                        + "steps:\n  - {id: iv, use: iv-2sls, with: {y: y, endogenous: [x], instruments: [z], cluster: regoin}}\n",
                        ok, "", 2, "cluster variable 'regoin' is not a column of the data (did you mean 'region'?)"),
                Arguments.of("unknown covariance type", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [x], se: hac}}\n",
                        ok, "", 2, "'hac' is not a covariance type"),
                Arguments.of("Hansen's deletion with a leverage-based covariance", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: x, se: hc3, delete-last-period: true}}\n",
                        ok, "", 2, "hc3 needs the leverages"),
                Arguments.of("constant threshold variable", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: z2, bootstrap: 10}}\n",
                        ok.replace(CSV, "id,year,region,x,y,z2\n").replaceAll(",(\\d+)\n", ",5\n"), "", 2, "z2"),
                Arguments.of("trimming leaves too few observations per regime", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: x, thresholds: 2, trim: 0.45, bootstrap: 10}}\n",
                        panel(3, 4), "", 2, "too few observations for threshold 2"),
                Arguments.of("absurd bootstrap size", HEAD + data("d.csv")
                        + "steps:\n  - {id: th, use: threshold, with: {y: y, regime: [x], threshold: x, bootstrap: 1000000000}}\n",
                        ok, "", 2, "above the limit of 100000 replications"),
                // data path, issue 19 items 4, 10 and 11
                Arguments.of("semicolon file with decimal commas", HEAD + data("d.csv") + FE,
                        ok.replace(',', ';').replaceAll("(\\d)\\.(\\d)", "$1,$2"), "", 2, "set data.delimiter: ';'"),
                Arguments.of("decimal commas with the delimiter set", HEAD + data("d.csv").replace("}", ", delimiter: ';'}") + FE,
                        ok.replace(',', ';').replaceAll("(\\d)\\.(\\d)", "$1,$2"), "", 2, "set data.decimal: ','"),
                Arguments.of("decimal commas read as such", HEAD + data("d.csv").replace("}", ", delimiter: ';', decimal: ','}") + FE,
                        ok.replace(',', ';').replaceAll("(\\d)\\.(\\d)", "$1,$2"), "", 0, ""),
                Arguments.of("huge y", HEAD + data("d.csv") + FE, panel(6, 5, 1e200), "", 2,
                        "dependent variable 'y' has values of magnitude"),
                Arguments.of("tiny y", HEAD + data("d.csv") + FE, panel(6, 5, 1e-200), "", 2,
                        "dependent variable 'y' has values of magnitude"),
                Arguments.of("y absorbed by the fixed effects", HEAD + data("d.csv") + FE.replace("y: y", "y: z"), ok, "", 2,
                        "dependent variable 'z' is absorbed by the entity and time fixed effects"),
                Arguments.of("lead by 2147483647 periods", HEAD + data("d.csv") + "transforms: [{lead: {vars: [x], k: 2147483647}}]\n"
                        + "steps:\n  - {id: fe, use: panel-fe, with: {y: y, x: [F2147483647.x]}}\n", ok, "", 2,
                        "a lead of 2147483647 periods leaves no values"),
                Arguments.of("non-numeric unused column", HEAD + data("d.csv") + FE,
                        addColumn(ok, "note", "abc", "7"),
                        "", 2, "list the needed columns in data.variables"),
                Arguments.of("ids 01 and 1 (notice)", HEAD + data("d.csv") + FE, ok.replaceAll("(?m)^1,", "01,") + panel(1, 5).replace(CSV, ""),
                        "", 0, "notice: entity ids '01' and '1' are the same number"),
                Arguments.of("Java double literal as a year", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,", "\n1,2001d,"), "", 2,
                        "year '2001d' is not an integer period"),
                Arguments.of("hexadecimal float as a year", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,", "\n1,0x7D1p0,"), "", 2,
                        "year '0x7D1p0' is not an integer period"),
                Arguments.of("transform overwrites a data column", HEAD + data("d.csv") + "transforms: [{lag: {vars: [x], name: y}}]\n" + FE,
                        ok, "", 2, "writes column 'y', which already exists"),
                Arguments.of("two transform outputs to one name", HEAD + data("d.csv") + "transforms: [{log: {vars: [x, y], name: lnx}}]\n"
                        + FE, ok, "", 2, "gives the same column 'lnx' for 2 variables"),
                // dynamic panel GMM and the dynamic threshold (issue 18)
                Arguments.of("gmm: lags use up every period", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gmm, with: {y: y, lags: 5, x: [x]}}\n", ok, "", 2, "no complete observation"),
                Arguments.of("gmm: too few periods to difference", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gmm, with: {y: y, lags: 4, x: [x], model: difference}}\n", ok, "", 2, "too few periods"),
                Arguments.of("gmm: no instruments", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gmm, with: {y: y, x: [x], gmm: [], iv: []}}\n", ok, "", 2, "no instruments"),
                Arguments.of("gmm: fewer instruments than coefficients", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gmm, with: {y: y, x: [x, z], gmm: [{vars: [y], lags: [2, 2], collapse: true}], iv: [],"
                        + " model: difference, time-dummies: false}}\n", ok, "", 2, "fewer instruments (1) than coefficients (3)"),
                Arguments.of("gmm: unknown key in an instrument group", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gmm, with: {y: y, x: [x], gmm: [{vars: [y], lag: [2]}]}}\n", ok, "", 2, "lag"),
                Arguments.of("gmm: instruments that do not identify (two identical columns)", HEAD + data("d.csv")
                        + "transforms: [{product: {of: [x, z], name: xz}}]\n"
                        + "steps:\n  - {id: g, use: gmm, with: {y: y, x: [x], gmm: [], iv: [{vars: [x, xz]}], model: difference,"
                        + " time-dummies: false}}\n", ok.replaceAll(",(\\d+)\n", ",1\n"), "", 2, "X'Z A Z'X is singular"),
                Arguments.of("dynamic-threshold: too few periods", HEAD + data("d.csv")
                        + "steps:\n  - {id: d, use: dynamic-threshold, with: {y: y, threshold: x, x: [z]}}\n", panel(6, 3), "", 2,
                        "too few periods"),
                Arguments.of("dynamic-threshold: absurd bootstrap", HEAD + data("d.csv")
                        + "steps:\n  - {id: d, use: dynamic-threshold, with: {y: y, threshold: x, bootstrap: 1000000000}}\n", ok, "", 2,
                        "above the limit of 100000 replications"),
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
                Arguments.of("spatial variance auto (removed)", HEAD + "data: {source: nbs, variables: [gdp_100m_cny, urbanization_rate_pct]}\n"
                        + "weights: {w: {type: inverse-distance, power: 2}}\n"
                        + "steps:\n  - {id: s, use: sdm, with: {y: gdp_100m_cny, x: [urbanization_rate_pct], weights: w, variance: auto}}\n",
                        ok, "", 2, "'auto' was removed"),
                Arguments.of("transformation approach with an unstandardised W", HEAD
                        + "data: {source: nbs, variables: [gdp_100m_cny, urbanization_rate_pct]}\n"
                        + "weights: {w: {type: inverse-distance, power: 2, standardize: none}}\n"
                        + "steps:\n  - {id: s, use: sdm, with: {y: gdp_100m_cny, x: [urbanization_rate_pct], weights: w, draws: 0}}\n",
                        ok, "", 2, "row-standardised W"),
                Arguments.of("gtwr time window misspelt", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gtwr, with: {y: y, x: [x], time-window: future, permutations: 0, maps: false}}\n",
                        ok, "", 2, "time-window"),
                Arguments.of("coordinates out of range", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gwr, with: {y: y, x: [x], lat: z, lon: x, bandwidth: 500, permutations: 0, maps: false}}\n",
                        ok.replaceAll(",(\\d+)\n", ",95\n"), "", 2, "coordinates out of range"),
                // tables: blocks (docs/tables.md)
                Arguments.of("table names an unknown step", HEAD + data("d.csv") + FE + "tables: [{id: t, columns: [{step: fee}]}]\n", ok, "",
                        2, "no step 'fee' (did you mean 'fe'?)"),
                Arguments.of("table asks for an unknown statistic", HEAD + data("d.csv") + FE
                        + "tables: [{id: t, steps: [fe], statistics: [nobs, r2_within]}]\n", ok, "", 2,
                        "unknown statistic 'r2_within' (did you mean 'r2-within'?)"),
                Arguments.of("table key misspelt", HEAD + data("d.csv") + FE + "tables: [{id: t, colums: [{step: fe}]}]\n", ok, "", 2,
                        "unknown key 'colums' (did you mean 'columns'?)"),
                Arguments.of("table group of a step without by", HEAD + data("d.csv") + FE
                        + "tables: [{id: t, columns: [{step: fe, group: east}]}]\n", ok, "", 2, "does not run by groups"),
                Arguments.of("table group that the data do not have", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, by: region, with: {y: y, x: [x]}}\n"
                        + "tables: [{id: t, columns: [{step: fe, group: north}]}]\n", ok, "", 2, "has no group 'north'"),
                Arguments.of("table model a step does not have", HEAD + data("d.csv") + FE
                        + "tables: [{id: t, columns: [{step: fe, model: first-stage}]}]\n", ok, "", 2, "has no model 'first-stage' (models: main)"),
                Arguments.of("table star levels upside down", HEAD + data("d.csv") + FE + "tables: [{id: t, steps: [fe], stars: [0.01, 0.05]}]\n",
                        ok, "", 2, "star levels must decrease"),
                Arguments.of("table standard-error style unknown", HEAD + data("d.csv") + FE + "tables: [{id: t, steps: [fe], se: square}]\n",
                        ok, "", 2, "'square' is not one of parentheses, brackets, t, p, ci, none"),
                Arguments.of("table decimals out of range", HEAD + data("d.csv") + FE
                        + "tables: [{id: t, steps: [fe], format: {decimals: 12}}]\n", ok, "", 2, "must be 0..10"),
                Arguments.of("table panels of different widths", HEAD + data("d.csv") + FE + "  - {id: fe2, use: panel-fe, with: {y: y, x: [x]}}\n"
                        + "tables: [{id: t, panels: [{title: A, steps: [fe]}, {title: B, steps: [fe, fe2]}]}]\n", ok, "", 2,
                        "has 2 columns, the first panel has 1"),
                Arguments.of("tables under report (old place)", HEAD + data("d.csv") + FE + "report: {tables: [{id: t, steps: [fe]}]}\n", ok, "",
                        2, "tables are now blocks at the top level"),
                Arguments.of("report language unknown", HEAD + data("d.csv") + FE + "report: {language: fr}\n", ok, "", 2,
                        "'fr' is not a supported language (en or zh)"),
                Arguments.of("table from a step's table that does not exist", HEAD + data("d.csv") + FE
                        + "tables: [{id: t, from: {step: fe, table: weights}}]\n", ok, "", 2,
                        "step 'fe' has no table 'weights'"),
                Arguments.of("table from with columns too", HEAD + data("d.csv") + FE
                        + "tables: [{id: t, from: {step: fe, table: coefficients}, steps: [fe]}]\n", ok, "", 2,
                        "copies a step's own table: give only id, title and notes with it"),
                Arguments.of("report layout unknown", HEAD + data("d.csv") + FE + "report: {layout: magazine}\n", ok, "", 2,
                        "'magazine' is not a layout; layouts: steps (the default), paper"),
                Arguments.of("a table block is fine", HEAD + data("d.csv") + FE + "labels: {x: The x}\n"
                        + "tables: [{id: t, steps: [fe], statistics: [nobs, r2-within, model-f], indicators: [fixed-effects]}]\n",
                        ok, "", 0, ""),
                Arguments.of("map period of no years", HEAD + data("d.csv")
                        + "steps:\n  - {id: g, use: gwr, with: {y: y, x: [x], lat: z, lon: x, bandwidth: 500, periods: [every 0]}}\n", ok, "", 2,
                        "period length"),
                Arguments.of("unknown published tables", HEAD + data("d.csv") + FE
                        + "  - {id: r, use: replicate, with: {published: my-study}}\n", ok, "", 2, "no published tables 'my-study'"),
                // issue 19: aliases, colliding output names
                Arguments.of("YAML alias (read as the anchor's name before)", HEAD + data("d.csv")
                        + "steps:\n  - {id: a, use: panel-fe, with: {y: &w y, x: [x]}}\n  - {id: b, use: panel-fe, with: {y: *w, x: [x]}}\n",
                        ok, "", 2, "c.yaml line 4 column 38: YAML anchor '&w' is not supported"),
                Arguments.of("YAML merge key", HEAD + data("d.csv") + "steps:\n  - {id: a, use: panel-fe, with: {<<: *base, x: [x]}}\n",
                        ok, "", 2, "YAML alias '*base' is not supported"),
                Arguments.of("group labels differing only in letter case", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, by: region, with: {y: y, x: [x], se: conventional}}\n",
                        ok.replace(",west,", ",East,").replace(",east,", ",east,"), "", 2,
                        "step 'fe' group 'East' table 'coefficients' and step 'fe' group 'east' table 'coefficients' would both be written"),
                Arguments.of("sweep: a working two-specification sweep", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 0, "2 specifications in"),
                Arguments.of("non-ASCII group labels are fine (distinct files)", HEAD + data("d.csv")
                        + "steps:\n  - {id: fe, use: panel-fe, by: region, with: {y: y, x: [x], se: conventional}}\n",
                        ok.replace(",west,", ",西部,").replace(",east,", ",东部,"), "", 0, ""),
                // issue 21: sweeps (the sweep: block, --spec, --engine)
                Arguments.of("sweep: unknown key", HEAD + data("d.csv") + FE + "sweep: {dimension: {}, collect: {b: \"steps.fe.coefficients[0].estimate\"}}\n",
                        ok, "", 2, "'sweep' unknown key 'dimension' (did you mean 'dimensions'?)"),
                Arguments.of("sweep: no dimensions", HEAD + data("d.csv") + FE + "sweep: {collect: {b: \"steps.fe.coefficients[0].estimate\"}}\n",
                        ok, "", 2, "'sweep.dimensions' must name at least one dimension"),
                Arguments.of("sweep: substitution path that does not exist", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {se: {substitute: steps.fe.wiht.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2,
                        "'steps.fe.wiht.se': steps.fe has no 'wiht' (did you mean 'with'?)"),
                Arguments.of("sweep: substitution into an unknown step", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {se: {substitute: steps.fx.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2, "no step 'fx' (did you mean 'fe'?)"),
                Arguments.of("sweep: exclusion names an unknown dimension", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  exclude: [{vcv: robust}]\n  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2,
                        "'sweep.exclude[0]' unknown dimension 'vcv' (did you mean 'vcov'?)"),
                Arguments.of("sweep: exclusion names an unknown alternative", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  exclude: [{vcov: robst}]\n  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2,
                        "no alternative 'robst' (did you mean 'robust'?)"),
                Arguments.of("sweep: empty after exclusions", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  exclude: [{vcov: [robust, cluster]}]\n  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2,
                        "'sweep.exclude' excludes every one of the 2 specifications; nothing would run"),
                Arguments.of("sweep: a dimension without alternatives", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: []}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2, "'sweep.dimensions.vcov.values' is empty"),
                Arguments.of("sweep: a label used twice", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, robust]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2, "label 'robust' is used twice"),
                Arguments.of("sweep: a collected name that is a dimension", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {se: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {se: \"steps.fe.coefficients[0].stdError\"}\n", ok, "", 2, "'se' is already a column of the sweep table"),
                Arguments.of("sweep: a collected path of an unknown step", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fx.coefficients[0].estimate\"}\n", ok, "", 2, "no step 'fx' (did you mean 'fe'?)"),
                Arguments.of("sweep: a collected path that does not resolve (checked on the first specification)", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {se: \"steps.fe.coefficients[0].stdErr\"}\n", ok, "", 2,
                        "no key 'stdErr' (did you mean 'stdError'?)"),
                Arguments.of("sweep: a placeholder that is no dimension", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[{proxy}].estimate\"}\n", ok, "", 2, "{proxy} is not a dimension"),
                Arguments.of("sweep: a substituted value the step refuses", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, bogus]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "", 2, "specification 2 (vcov=bogus)"),
                Arguments.of("sweep: --spec beyond the grid", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "--spec 3", 2, "'--spec' must be 1..2, got 3"),
                Arguments.of("sweep: --spec of an excluded specification", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  exclude: [{vcov: cluster}]\n  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "--spec 2", 2,
                        "specification 2 (vcov=cluster) is excluded by sweep.exclude"),
                Arguments.of("--spec without a sweep", HEAD + data("d.csv") + FE, ok, "--spec 1", 2, "applies to a chain with a sweep: block"),
                Arguments.of("sweep: --engine spark in the plain distribution", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n", ok, "--engine spark", 2,
                        "spark is not installed in this distribution"),
                Arguments.of("sweep: a monte-carlo quantity that is not collected", HEAD + data("d.csv") + FE
                        + "sweep:\n  dimensions: {vcov: {substitute: steps.fe.with.se, values: [robust, cluster]}}\n"
                        + "  collect: {b: \"steps.fe.coefficients[0].estimate\"}\n"
                        + "  monte-carlo: {replications: vcov, quantities: {beta: {truth: 0.5}}}\n", ok, "", 2,
                        "'sweep.monte-carlo.quantities.beta' is not a collected column"),
                // command line
                Arguments.of("unknown option (one line)", HEAD + data("d.csv") + FE, ok, "--outt x", 2,
                        "Unknown options: '--outt', 'x' (did you mean --out?); see 'eres run --help'"),
                Arguments.of("option value of the wrong type (one line)", HEAD + data("d.csv") + FE, ok, "--threads many", 2,
                        "Invalid value for option '--threads'"),
                Arguments.of("zero threads", HEAD + data("d.csv") + FE, ok, "--threads 0", 2, "--threads"),
                Arguments.of("zero step timeout", HEAD + data("d.csv") + FE, ok, "--step-timeout 0", 2, "--step-timeout"));
    }

    /** A square around (x, y) as a GeoJSON feature with property id. */
    static String square(String id, double x, double y) {
        return "{\"type\":\"Feature\",\"properties\":{\"id\":\"" + id + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
                + x + "," + y + "],[" + (x + 1) + "," + y + "],[" + (x + 1) + "," + (y + 1) + "],[" + x + "," + (y + 1) + "],[" + x + "," + y + "]]]}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    /** Six unit squares in a row for entities 1..6 (the panel's), with one of them replaced. */
    static String squares(int replace, String feature) {
        List<String> f = new ArrayList<>();
        for (int i = 1; i <= 6; i++) f.add(i == replace ? feature : square(Integer.toString(i), i, 0));
        return collection(f.toArray(new String[0]));
    }

    static String points(int upTo) {
        StringBuilder b = new StringBuilder("id,lat,lon,x,y\n");
        for (int i = 1; i <= upTo; i++) b.append(i).append(',').append(30 + i * 0.5).append(',').append(100 + i).append(',')
                .append(i * 1000).append(',').append(i * 2000).append('\n');
        return b.toString();
    }

    static final String SOURCES = HEAD + "data:\n  entity: id\n  time: year\n  group: region\n  sources:\n    - {source: d.csv}\n";

    /** Own data (issue 15): several sources, expressions, geography; each case writes extra files beside d.csv. */
    static Stream<Arguments> ownData() {
        String ok = panel(6, 5);
        String xs = ok.lines().map(l -> {
            String[] f = l.split(",");
            return f[0] + "," + f[1] + "," + (f[0].equals("id") ? "w" : Double.toString(f[3].length() + 0.5));
        }).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        String geo = "geography:\n  points: {file: p.csv, lat: lat, lon: lon}\n  boundaries: {file: b.geojson, id: id}\n";
        String bowtie = "{\"type\":\"Feature\",\"properties\":{\"id\":\"3\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[3,0],[4,1],[4,0],[3,1],[3,0]]]}}";
        return Stream.of(
                Arguments.of("duplicate key in a time-invariant source", SOURCES + "    - {source: f.csv, time-invariant: true}\n" + FE, ok,
                        java.util.Map.of("f.csv", "id,post84\n1,7\n2,8\n3,9\n4,1\n5,2\n6,3\n2,4\n"), 2,
                        "f.csv line 8: id '2' appears twice in a time-invariant source (first at line 3)"),
                Arguments.of("duplicate key within a second source", SOURCES + "    - {source: x.csv}\n" + FE, ok,
                        java.util.Map.of("x.csv", xs + "1,2000,9\n"), 2, "data.sources[1]: x.csv line 32: duplicate id-year pair (1, 2000)"),
                Arguments.of("the same column in two sources", SOURCES + "    - {source: x.csv}\n" + FE, ok,
                        java.util.Map.of("x.csv", xs.replace("id,year,w", "id,year,x")), 2,
                        "column 'x' is also in the data before it; leave it out of one source (variables: ...) or rename it"),
                Arguments.of("unmatched join", SOURCES + "    - {source: x.csv}\n" + FE, ok,
                        java.util.Map.of("x.csv", xs.replaceAll("\n6,2004,[^\n]*", "") + "7,2000,1\n"), 2,
                        "1 row(s) of the data before it have no match (e.g. (6, 2004)) and 1 row(s) of x.csv match nothing (e.g. (7, 2000));"
                                + " set join: left"),
                Arguments.of("unmatched join with join: left is fine", SOURCES + "    - {source: x.csv, join: left}\n" + FE, ok,
                        java.util.Map.of("x.csv", xs.replaceAll("\n6,2004,[^\n]*", "")), 0, ""),
                Arguments.of("ids written differently across sources", SOURCES + "    - {source: x.csv}\n" + FE, ok,
                        java.util.Map.of("x.csv", xs.replaceAll("(?m)^(\\d),", "0$1,")), 2, "no row matches on id, year"),
                Arguments.of("data.source and data.sources together", "name: bad\ndata: {source: d.csv, entity: id, time: year, sources: [{source: d.csv}]}\n"
                        + FE, ok, java.util.Map.of(), 2, "give data.source or data.sources, not both"),
                Arguments.of("yearbook missing codes not declared", HEAD + data("d.csv") + FE, ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,—,"),
                        java.util.Map.of(), 2, "'—' is not a number"),
                Arguments.of("yearbook missing codes declared", HEAD + "data: {source: d.csv, entity: id, time: year, missing: drop, missing-codes: [—]}\n"
                        + FE, ok.replaceFirst("\n1,2001,west,[^,]+,", "\n1,2001,west,—,"), java.util.Map.of(), 0, ""),
                Arguments.of("expression syntax error with a caret", HEAD + data("d.csv") + "transforms: [{generate: {lx: \"ln(x * (y + 1)\"}}]\n" + FE,
                        ok, java.util.Map.of(), 2, "'transforms[0].generate.lx' column 15: expected ')' or ',', found end of the expression: ln(x * (y + 1)\u2038"),
                Arguments.of("expression with an unknown column", HEAD + data("d.csv") + "transforms: [{generate: {lx: \"ln(xx / y)\"}}]\n" + FE,
                        ok, java.util.Map.of(), 2, "column 4: unknown column 'xx' (did you mean 'x'?): ln(\u2038xx / y)"),
                Arguments.of("expression: = instead of ==", HEAD + data("d.csv") + "transforms: [{generate: {e: \"region = 'east'\"}}]\n" + FE,
                        ok, java.util.Map.of(), 2, "column 8: '=' is not an operator; compare with =="),
                Arguments.of("expression: text in arithmetic", HEAD + data("d.csv") + "transforms: [{generate: {e: \"x + region\"}}]\n" + FE,
                        ok, java.util.Map.of(), 2, "column 5: text cannot be used with '+'"),
                Arguments.of("expression: every value missing", HEAD + data("d.csv") + "transforms: [{generate: {e: \"L9.x\"}}]\n" + FE,
                        ok, java.util.Map.of(), 2, "every value of 'e' is missing"),
                Arguments.of("winsorize percentiles reversed", HEAD + data("d.csv") + "transforms: [{winsorize: {vars: [x], p: [95, 5]}}]\n" + FE,
                        ok, java.util.Map.of(), 2, "must satisfy 0 <= low < high <= 100"),
                Arguments.of("invalid geometry (self-intersection)", HEAD + data("d.csv") + geo + FE, ok,
                        java.util.Map.of("p.csv", points(6), "b.geojson", squares(3, bowtie)), 2,
                        "b.geojson feature '3' is not a valid polygon: Self-intersection at (3.50000, 0.500000); set geography.boundaries.repair: true"),
                Arguments.of("invalid geometry repaired on request", HEAD + data("d.csv") + geo.replace("id: id}", "id: id, repair: true}") + FE, ok,
                        java.util.Map.of("p.csv", points(6), "b.geojson", squares(3, bowtie)), 0, ""),
                Arguments.of("boundary feature without the id property", HEAD + data("d.csv") + geo.replace("id: id}", "id: code}") + FE, ok,
                        java.util.Map.of("p.csv", points(6), "b.geojson", squares(0, "")), 2,
                        "b.geojson feature 1 has no property 'code'; its properties: id"),
                Arguments.of("boundaries not GeoJSON", HEAD + data("d.csv") + geo + FE, ok,
                        java.util.Map.of("p.csv", points(6), "b.geojson", "{\"type\": \"Feature\"}"), 2, "is not a GeoJSON FeatureCollection"),
                Arguments.of("projected boundaries", HEAD + data("d.csv") + geo + FE, ok,
                        java.util.Map.of("p.csv", points(6), "b.geojson", squares(2, square("2", 500000, 4000000))), 2,
                        "outside longitude -180..180 and latitude -90..90"),
                Arguments.of("units without coordinates", HEAD + data("d.csv") + "geography: {points: {file: p.csv, lat: lat, lon: lon}}\n" + FE, ok,
                        java.util.Map.of("p.csv", points(4)), 2, "geography.points: no coordinates for 2 unit(s) of the data: '5', '6'"),
                Arguments.of("distance weights without any coordinates", HEAD + data("d.csv") + "weights: {w: {type: knn, k: 2}}\n"
                        + "steps:\n  - {id: s, use: sdm, with: {y: y, x: [x], weights: w}}\n", ok, java.util.Map.of(), 2,
                        "weights.w: no coordinates for 6 units: '1', '2', '3', '4', '5', '6' (geography: none); give their points in the chain's"
                                + " geography: block"),
                Arguments.of("projected points without a unit", HEAD + data("d.csv") + "geography: {points: {file: p.csv, x: x, y: y}}\n" + FE, ok,
                        java.util.Map.of("p.csv", points(6)), 2, "'geography.points.unit' is required with x and y"),
                Arguments.of("latitude and longitude swapped", HEAD + data("d.csv") + "geography: {points: {file: p.csv, lat: lon, lon: lat}}\n" + FE, ok,
                        java.util.Map.of("p.csv", points(6)), 2, "coordinates out of range: lon = 101.0 (must be -90..90), lat = 30.5 (must be"
                                + " -180..180); are lat and lon swapped?"),
                Arguments.of("GAL file without a unit's record", HEAD + data("d.csv") + "weights: {w: {type: gal, file: w.gal}}\n"
                        + "steps:\n  - {id: s, use: sdm, with: {y: y, x: [x], weights: w}}\n", ok,
                        java.util.Map.of("w.gal", "0 5 shp id\n1 1\n2\n2 2\n1 3\n3 2\n2 4\n4 2\n3 5\n5 1\n4\n"), 2, "w.gal: no record for unit '6'"),
                Arguments.of("Matrix Market file without ids", HEAD + data("d.csv") + "weights: {w: {type: matrix-market, file: w.mtx}}\n"
                        + "steps:\n  - {id: s, use: sdm, with: {y: y, x: [x], weights: w}}\n", ok,
                        java.util.Map.of("w.mtx", "%%MatrixMarket matrix coordinate real general\n6 6 1\n2 1 1.0\n"), 2,
                        "a Matrix Market file has no unit ids; give ids:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownData")
    void badOwnData(String name, String chain, String csv, java.util.Map<String, String> files, int exit, String words, @TempDir Path dir,
                    TestReporter reporter) throws Exception {
        for (java.util.Map.Entry<String, String> f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>(List.of("c.yaml", "d.csv"));
        expected.addAll(files.keySet());
        java.util.Collections.sort(expected);
        check(name, chain, csv, "", exit, words, dir, reporter, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void badInput(String name, String chain, String csv, String extra, int exit, String words, @TempDir Path dir,
                  TestReporter reporter) throws Exception {
        check(name, chain, csv, extra, exit, words, dir, reporter, List.of("c.yaml", "d.csv"));
    }

    static void check(String name, String chain, String csv, String extra, int exit, String words, Path dir, TestReporter reporter,
                      List<String> files) throws Exception {
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
                assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(files);
            }
        } else if (chain.contains("\nsweep:")) {
            assertThat(dir.resolve("out/sweep.csv")).exists();
            assertThat(out.toString()).as(name + " stdout").contains(words);
        } else {
            assertThat(dir.resolve("out/results.json")).exists();
            assertThat(out.toString()).as(name + " stdout").contains(words);
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

    /**
     * Issue 19 through the real command line: commands aimed at files and folders that already exist.
     * Each case prepares a folder (chain, data, an earlier eres run, a user's files), then runs one
     * command, which must end with exit code 2 and one line on stderr, leaving every file exactly as
     * it was and adding none. {@code {dir}} in the arguments is the case's folder.
     */
    static Stream<Arguments> existingFiles() {
        return Stream.of(
                Arguments.of("--out is empty (unset shell variable)", "", new String[] {"run", "{dir}/c.yaml", "--out", ""},
                        "'--out' is empty (an unset shell variable?)"),
                Arguments.of("--out is the root", "", new String[] {"run", "{dir}/c.yaml", "--out", "/"}, "is the root of the file system"),
                Arguments.of("--out is a folder with another tool's run.json", "", new String[] {"run", "{dir}/c.yaml", "--out", "{dir}"},
                        "is not an eres output directory (no .eres-output marker; its run.json is another tool's"),
                Arguments.of("--out is an eres output with a user's file in it", "notes", new String[] {"run", "{dir}/c.yaml", "--out", "{dir}/first"},
                        "holds 1 file(s) eres did not write or that changed since (notes.txt)"),
                Arguments.of("rerun --out is the run being compared", "", new String[] {"rerun", "{dir}/first", "--out", "{dir}/first"},
                        "is the run being reproduced"),
                Arguments.of("rerun --out inside the run being compared", "", new String[] {"rerun", "{dir}/first", "--out", "{dir}/first/again"},
                        "is inside the run being reproduced"),
                Arguments.of("rerun with a corrupt run.json", "corrupt-run", new String[] {"rerun", "{dir}/first"},
                        "run.json is damaged: not valid JSON"),
                Arguments.of("rerun without results.json", "no-results", new String[] {"rerun", "{dir}/first"}, "has no results.json"),
                Arguments.of("rerun without the saved chain", "no-chain", new String[] {"rerun", "{dir}/first"}, "has no saved chain"),
                Arguments.of("rerun after the data changed", "data-changed", new String[] {"rerun", "{dir}/first"},
                        "the data changed since the original run"),
                Arguments.of("simulate --out an existing file", "", new String[] {"simulate", "study", "--out", "{dir}/d.csv"},
                        "d.csv exists; add --force to replace it"),
                Arguments.of("simulate --truth an existing file", "", new String[] {"simulate", "study", "--out", "{dir}/new.csv", "--truth", "{dir}/c.yaml"},
                        "c.yaml exists; add --force to replace it"),
                Arguments.of("simulate --out X --truth X", "", new String[] {"simulate", "study", "--out", "{dir}/x.csv", "--truth", "{dir}/x.csv", "--force"},
                        "'--truth' names the same file as '--out'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("existingFiles")
    void existingFilesSurvive(String name, String setup, String[] args, String words, @TempDir Path dir, TestReporter reporter)
            throws Exception {
        Files.writeString(dir.resolve("c.yaml"), HEAD + data("d.csv") + FE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("d.csv"), panel(6, 5), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("run.json"), "{\"tool\": \"another tool's run record\"}");
        Files.writeString(dir.resolve("thesis.tex"), "\\chapter{Resilience}");
        StringWriter sink = new StringWriter();
        int first = Main.execute(new PrintWriter(sink), new PrintWriter(sink), "run", dir.resolve("c.yaml").toString(), "--plugins",
                PLUGINS.toString(), "--out", dir.resolve("first").toString());
        assertThat(first).as(sink.toString()).isZero();
        switch (setup) {
            case "notes" -> Files.writeString(dir.resolve("first/notes.txt"), "my notes");
            case "corrupt-run" -> Files.writeString(dir.resolve("first/run.json"), "{\"eres\": \"0.1.0\", \"chain\": {");
            case "no-results" -> Files.delete(dir.resolve("first/results.json"));
            case "no-chain" -> Files.delete(dir.resolve("first/chain.yaml"));
            case "data-changed" -> Files.writeString(dir.resolve("d.csv"), panel(6, 5) + "7,2000,east,1,2,3\n");
            default -> {
            }
        }
        java.util.Map<Path, byte[]> before = snapshot(dir);
        List<String> a = new ArrayList<>();
        for (String x : args) a.add(x.replace("{dir}", dir.toString()));
        if (a.get(0).equals("run") || a.get(0).equals("rerun")) a.addAll(List.of("--plugins", PLUGINS.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), a.toArray(new String[0]));
        String e = err.toString().strip();
        assertThat(code).as(name + ": exit code; stderr: " + e + "; stdout: " + out).isEqualTo(2);
        assertThat(e).as(name).startsWith("eres: error: ").contains(words);
        assertThat(e.lines().count()).as(name + " is one line: " + e).isEqualTo(1);
        java.util.Map<Path, byte[]> after = snapshot(dir);
        assertThat(after.keySet()).as(name + ": no file added or removed").isEqualTo(before.keySet());
        for (Path p : before.keySet()) assertThat(after.get(p)).as(name + ": " + p + " unchanged").isEqualTo(before.get(p));
        reporter.publishEntry("bad-input", name + " -> " + e);
        synchronized (TRIED) {
            TRIED.add(name);
        }
    }

    /** Every file and folder under {@code dir} (hidden ones too) with its bytes. */
    static java.util.Map<Path, byte[]> snapshot(Path dir) throws Exception {
        java.util.Map<Path, byte[]> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) m.put(dir.relativize(p), Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
        }
        return m;
    }
}
