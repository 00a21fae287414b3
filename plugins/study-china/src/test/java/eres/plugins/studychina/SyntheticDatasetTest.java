package eres.plugins.studychina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import eres.api.SpecException;
import eres.core.chain.Chain;
import eres.core.chain.ChainLoader;
import eres.core.chain.Dataset;
import eres.core.chain.Datasets;
import eres.core.plugin.ExtensionRegistry;
import eres.core.plugin.PluginHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code data: {source: default}} (the plugin's {@code synthetic-study}) is the synthetic study panel,
 * labelled as such; {@code source: nbs} stays real; both through the engine's dataset resolution.
 */
class SyntheticDatasetTest {
    static final ExtensionRegistry REGISTRY = new PluginHost(Path.of("no-plugins-here"), "0.1.0", Guice.createInjector(),
            List.of(new NbsDataset(), new SyntheticStudyDataset())).registry();

    private static Dataset load(String yaml) {
        Chain c = ChainLoader.parse("c.yaml", "name: c\n" + yaml + "\nsteps:\n  - {id: a, use: describe, with: {vars: [opt]}}\n");
        return Datasets.load(c.data(), Path.of("."), REGISTRY);
    }

    @Test
    void theDefaultSourceIsTheSyntheticPanelAndSaysSo() {
        Dataset d = load("data: {source: default}");
        assertThat(d.synthetic()).isTrue();
        assertThat(d.label()).contains("SYNTHETIC").contains("not real data").contains("seed " + StudySimulation.DEFAULT_SEED);
        assertThat(d.notes().get(0)).startsWith("SYNTHETIC data");
        assertThat(d.panel().rows()).isEqualTo(465);
        assertThat(d.panel().entityCount()).isEqualTo(31);
        assertThat(d.panel().hasNumeric("opt")).isTrue();
        assertThat(d.panel().hasText("region")).isTrue();
        assertThat(d.geography().location("11")).isPresent();
        assertThat(d.sha256()).isEqualTo(Datasets.sha256(StudySimulation.generate(StudySimulation.DEFAULT_SEED).csv()
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSyntheticPanelAnswersToItsIdAndItsAliases() {
        assertThat(load("data: {source: synthetic-study}").sha256()).isEqualTo(load("data: {source: study}").sha256())
                .isEqualTo(load("data: {source: default}").sha256());
    }

    @Test
    void provinceCodedDataFilesGetTheProvincesGeography() {
        assertThat(new NbsDataset().geography(List.of("11", "65"))).isPresent();
        assertThat(new NbsDataset().geography(List.of("11", "XX"))).isEmpty();
    }

    @Test
    void anotherDataSeedGivesAnotherPanel() {
        Dataset d = load("data: {source: default, seed: 7}");
        assertThat(d.synthetic()).isTrue();
        assertThat(d.source()).contains("data seed 7");
        assertThat(d.sha256()).isNotEqualTo(load("data: {source: default}").sha256());
    }

    @Test
    void theRealPanelIsNotSynthetic() {
        Dataset d = load("data: {source: nbs, variables: [gdp_per_capita_cny]}");
        assertThat(d.synthetic()).isFalse();
        assertThat(d.panel().hasNumeric("gdp_per_capita_cny")).isTrue();
    }

    @Test
    void unknownOptionsOfTheSyntheticPanelAreErrors() {
        assertThatThrownBy(() -> load("data: {source: default, sheet: 2}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("'data' unknown parameter 'sheet'").hasMessageContaining("parameters: seed");
        assertThatThrownBy(() -> load("data: {source: default, seed: 1.5}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("'data' 'seed' '1.5' is not an integer");
    }
}
