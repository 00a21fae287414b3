package eres.plugins.studychina;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import eres.core.chain.Chain;
import eres.core.chain.ChainLoader;
import eres.core.chain.Dataset;
import eres.core.chain.Datasets;
import eres.core.io.CsvReader;
import eres.core.plugin.PluginHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded NBS panel as one of several {@code data.sources}, joined like a file (docs/own-data.md). */
class NbsJoinTest {
    @Test
    void theEmbeddedPanelJoinsLikeAFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("own.csv"), "code,year,opt\n11,2008,1.5\n11,2009,1.7\n12,2008,2.5\n", StandardCharsets.UTF_8);
        PluginHost host = new PluginHost(dir.resolve("no-plugins"), "0.1.0", Guice.createInjector(), List.of(new CsvReader(), new NbsDataset()));
        Chain c = ChainLoader.parse("c.yaml", """
                name: t
                data:
                  sources:
                    - {source: nbs, variables: [gdp_100m_cny]}
                    - {source: own.csv, entity: code, time: year, join: left}
                steps:
                  - {id: a, use: nothing}
                """);
        Dataset d = Datasets.load(c.data(), dir, host.registry());
        assertThat(d.panel().rows()).isEqualTo(465);
        assertThat(d.panel().value("opt", d.panel().rowOf("11", 2009))).isEqualTo(1.7);
        assertThat(d.panel().groupName()).contains("region");
        assertThat(d.geography().locations()).hasSize(31);
        assertThat(d.joins().get(0).unmatchedLeft()).isEqualTo(462);
    }
}
