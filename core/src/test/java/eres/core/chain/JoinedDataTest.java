package eres.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import eres.api.DataException;
import eres.api.Extension;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.core.io.CsvReader;
import eres.core.io.PanelJoin;
import eres.core.plugin.PluginHost;
import eres.core.report.MarkdownWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.sources: several files and the embedded panel joined on (entity, period) or on the entity, with the join reported. */
class JoinedDataTest {
    @TempDir
    Path dir;
    PluginHost host;

    @BeforeEach
    void setUp() throws Exception {
        List<Extension<?>> builtins = List.of(new CsvReader(), new MarkdownWriter());
        host = new PluginHost(dir.resolve("no-plugins"), "0.1.0", Guice.createInjector(), builtins);
        write("main.csv", "id,year,region,y\n1,2000,east,1\n1,2001,east,2\n2,2000,west,3\n2,2001,west,5\n");
        write("x.csv", "id,year,x\n1,2000,10\n1,2001,20\n2,2000,30\n2,2001,50\n");
        write("fixed.csv", "id,post84,name\n1,7,Alpha\n2,9,Beta\n");
    }

    void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    Dataset load(String dataYaml) {
        Chain c = ChainLoader.parse("c.yaml", "name: t\n" + dataYaml + "steps:\n  - {id: a, use: nothing}\n");
        return Datasets.load(c.data(), dir, host.registry());
    }

    @Test
    void joinsOnEntityAndPeriodAndReportsTheJoin() {
        Dataset d = load("""
                data:
                  entity: id
                  time: year
                  group: region
                  sources:
                    - {source: main.csv}
                    - {source: x.csv}
                    - {source: fixed.csv, time-invariant: true}
                """);
        Panel p = d.panel();
        assertThat(p.column("x")).containsExactly(10, 20, 30, 50);
        assertThat(p.column("post84")).containsExactly(7, 7, 9, 9);
        assertThat(p.textColumn("name")).containsExactly("Alpha", "Alpha", "Beta", "Beta");
        assertThat(p.groupName()).contains("region");
        assertThat(d.joins()).hasSize(2);
        PanelJoin.Report j = d.joins().get(0);
        assertThat(j.on()).isEqualTo("id, year");
        assertThat(j.matched()).isEqualTo(4);
        assertThat(j.unmatchedLeft()).isZero();
        assertThat(j.unmatchedRight()).isZero();
        assertThat(d.joins().get(1).on()).isEqualTo("id");
        assertThat(d.source()).isEqualTo("main.csv + x.csv + fixed.csv");
        assertThat(d.notes()).anyMatch(n -> n.startsWith("data.sources[2]: fixed.csv joined on id (exact): 4 row(s) matched"));
    }

    @Test
    void anUnmatchedKeyIsAnErrorUnlessLeftOrInner() throws Exception {
        write("x.csv", "id,year,x\n1,2000,10\n1,2001,20\n2,2000,30\n3,2000,99\n");
        String data = """
                data:
                  entity: id
                  time: year
                  missing: keep
                  sources:
                    - {source: main.csv}
                    - {source: x.csv%s}
                """;
        assertThatThrownBy(() -> load(data.formatted(""))).isInstanceOf(DataException.class)
                .hasMessage("data.sources[1] (x.csv): joining on id, year, 1 row(s) of the data before it have no match (e.g. (2, 2001))"
                        + " and 1 row(s) of x.csv match nothing (e.g. (3, 2000)); set join: left to keep the unmatched rows with missing"
                        + " values, or join: inner to keep only matched rows");
        Dataset left = load(data.formatted(", join: left"));
        assertThat(left.panel().column("x")).containsExactly(10, 20, 30, Double.NaN);
        PanelJoin.Report r = left.joins().get(0);
        assertThat(r.matched()).isEqualTo(3);
        assertThat(r.unmatchedLeft()).isEqualTo(1);
        assertThat(r.unmatchedRight()).isEqualTo(1);
        assertThat(r.examplesRight()).containsExactly("(3, 2000)");
        assertThat(r.rowsAfter()).isEqualTo(4);
        Dataset inner = load(data.formatted(", join: inner"));
        assertThat(inner.panel().rows()).isEqualTo(3);
        assertThat(inner.panel().column("y")).containsExactly(1, 2, 3);
        // join: at the data level is the default of every source
        assertThat(load(data.formatted("").replace("missing: keep", "missing: keep\n  join: left")).panel().rows()).isEqualTo(4);
    }

    @Test
    void timeInvariantSourcesHaveOneRowPerEntity() throws Exception {
        write("fixed.csv", "id,post84\n1,7\n2,9\n1,8\n");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: fixed.csv, time-invariant: true}]}\n"))
                .hasMessage("data.sources[1]: fixed.csv line 4: id '1' appears twice in a time-invariant source (first at line 2); it must"
                        + " have one row per id");
        write("fixed.csv", "id,post84\n1,7\n");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: fixed.csv, time-invariant: true}]}\n"))
                .hasMessageContaining("joining on id, 2 row(s) of the data before it have no match (e.g. (2), (2))");
    }

    @Test
    void aColumnInTwoSourcesIsAnErrorUnlessTextThatAgrees() throws Exception {
        write("x.csv", "id,year,y\n1,2000,10\n1,2001,20\n2,2000,30\n2,2001,50\n");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: x.csv}]}\n"))
                .isInstanceOf(DataException.class)
                .hasMessage("data.sources[1] (x.csv): column 'y' is also in the data before it; leave it out of one source (variables: ...)"
                        + " or rename it (rename: {y: y_2})");
        // rename resolves it
        Dataset d = load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: x.csv, rename: {y: y_x}}]}\n");
        assertThat(d.panel().column("y_x")).containsExactly(10, 20, 30, 50);
        // a text column repeated with the same values is fine; different values are an error
        write("x.csv", "id,year,region,x\n1,2000,east,1\n1,2001,east,2\n2,2000,west,3\n2,2001,west,4\n");
        assertThat(load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: x.csv}]}\n").panel().textColumn("region"))
                .containsExactly("east", "east", "west", "west");
        write("x.csv", "id,year,region,x\n1,2000,east,1\n1,2001,east,2\n2,2000,west,3\n2,2001,north,4\n");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: x.csv}]}\n"))
                .hasMessageContaining("text column 'region' is in both and disagrees at (2, 2001): 'west' before, 'north' in x.csv");
    }

    @Test
    void eachSourceHasItsOwnColumnNamesAndReaderOptions() throws Exception {
        write("semi.csv.gz", "");
        try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("semi.csv.gz")))) {
            out.write("code;jahr;x\n1;2000;1,5\n1;2001;2,5\n2;2000;3,5\n2;2001;4,5\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = load("""
                data:
                  entity: id
                  time: year
                  sources:
                    - {source: main.csv}
                    - {source: semi.csv.gz, entity: code, time: jahr, delimiter: ';', decimal: ','}
                """);
        assertThat(d.panel().entityName()).isEqualTo("id");
        assertThat(d.panel().column("x")).containsExactly(1.5, 2.5, 3.5, 4.5);
    }

    @Test
    void missingCodesAreMissingValuesAndCounted() throws Exception {
        write("yb.csv", "id,year,x,note\n1,2000,—,a\n1,2001,2,…\n2,2000,n/a,b\n2,2001,4,c\n");
        Dataset d = load("data: {source: yb.csv, entity: id, time: year, missing: keep, missing-codes: [\"—\", \"…\", n/a]}\n");
        assertThat(d.panel().column("x")).containsExactly(Double.NaN, 2, Double.NaN, 4);
        assertThat(d.panel().textColumn("note")).containsExactly("a", null, "b", "c");
        assertThat(d.notes().get(0)).isEqualTo("2 numeric cell(s) of yb.csv read as missing (data.missing-codes: '—' 1, 'n/a' 1)");
        // without the codes the column mixes numbers and text
        assertThatThrownBy(() -> load("data: {source: yb.csv, entity: id, time: year}\n")).hasMessageContaining("'—' is not a number");
        // inherited by every source
        Dataset j = load("""
                data:
                  entity: id
                  time: year
                  missing: keep
                  missing-codes: ["—", "…", n/a]
                  sources: [{source: main.csv}, {source: yb.csv}]
                """);
        assertThat(j.panel().column("x")).containsExactly(Double.NaN, 2, Double.NaN, 4);
    }

    @Test
    void longIndustryEmploymentBecomesPrefixedColumns() throws Exception {
        write("emp.csv", "id,year,industry,workers\n1,2000,mining,5\n1,2000,retail,6\n1,2001,mining,7\n1,2001,retail,8\n"
                + "2,2000,mining,1\n2,2000,retail,2\n2,2001,mining,3\n2,2001,retail,4\n");
        Dataset d = load("""
                data:
                  entity: id
                  time: year
                  sources:
                    - {source: main.csv}
                    - {source: emp.csv, reshape: {from: long, names-from: industry, values-from: workers}, prefix: emp_}
                """);
        assertThat(d.panel().column("emp_mining")).containsExactly(5, 7, 1, 3);
        assertThat(d.panel().column("emp_retail")).containsExactly(6, 8, 2, 4);
    }

    @Test
    void misplacedKeysAreReportedWhenTheChainIsRead() {
        assertThatThrownBy(() -> load("data: {source: main.csv, entity: id, time: year, sources: [{source: x.csv}]}\n"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'data.source' give data.source or data.sources, not both");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sheet: 2, sources: [{source: main.csv}]}\n"))
                .hasMessageContaining("reader option(s) [sheet] go into the source they apply to");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: fixed.csv, time-invariant: true}, {source: main.csv}]}\n"))
                .hasMessageContaining("the first source must have periods");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {entity: id}]}\n"))
                .hasMessageContaining("'data.sources[1].source' is required");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: x.csv, join: outer}]}\n"))
                .hasMessageContaining("must be one of [exact, left, inner], got 'outer'");
        assertThatThrownBy(() -> load("data: {source: main.csv, entity: id, time: year, join: left}\n"))
                .hasMessageContaining("'data.join' applies to data.sources");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: []}\n")).hasMessageContaining("must list at least one source");
    }

    @Test
    void aProblemInASourceNamesTheSource() {
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: nope.csv}]}\n"))
                .hasMessageStartingWith("data.sources[1]: data.source: no file");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, sources: [{source: main.csv}, {source: x.csv, variables: [xx]}]}\n"))
                .hasMessageContaining("data.sources[1]: data.variables: no column 'xx' in x.csv (did you mean 'x'?)");
        assertThatThrownBy(() -> load("data: {entity: id, time: year, group: regoin, sources: [{source: main.csv}, {source: x.csv}]}\n"))
                .hasMessageContaining("data.group: no text column 'regoin' in any source (did you mean 'region'?)");
    }
}
