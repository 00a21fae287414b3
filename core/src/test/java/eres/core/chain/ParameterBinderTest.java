package eres.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.Param;
import eres.api.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {
    public record P(@Param(value = "dependent", required = true) String y,
                    @Param(value = "regressors") List<String> x,
                    @Param(value = "replications", defaultValue = "300") Integer bootstrap,
                    @Param(value = "max lag") Integer lagsOfY,
                    Double level) {
        public P {
            if (y == null) throw new SpecException("y", "is required");
            if (bootstrap == null) bootstrap = 300;
            if (level != null && !(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
        }
    }

    static JsonNode yaml(String s) throws Exception {
        return new YAMLMapper().readTree(s);
    }

    @Test
    void bindsKebabCaseAndSingleValuesAsLists() throws Exception {
        P p = ParameterBinder.bind("steps.s.with", yaml("{y: gdp, x: opt, lags-of-y: 2}"), P.class);
        assertThat(p.x()).containsExactly("opt");
        assertThat(p.lagsOfY()).isEqualTo(2);
        assertThat(p.bootstrap()).isEqualTo(300);
    }

    @Test
    void unknownParameterSuggestsTheClosest() {
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{y: gdp, bootstap: 10}"), P.class))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("steps.s.with")
                .hasMessageContaining("unknown parameter 'bootstap' (did you mean 'bootstrap'?)");
    }

    @Test
    void textIsNotCoercedToNumbers() {
        assertThatThrownBy(() -> ParameterBinder.bind("w", yaml("{y: gdp, bootstrap: '400'}"), P.class))
                .isInstanceOf(SpecException.class).hasMessageContaining("bootstrap");
        assertThatThrownBy(() -> ParameterBinder.bind("w", yaml("{y: gdp, bootstrap: 1.5}"), P.class))
                .isInstanceOf(SpecException.class).hasMessageContaining("bootstrap");
    }

    @Test
    void validationErrorsFromTheRecordKeepTheirMessage() {
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{y: gdp, level: 1.5}"), P.class))
                .isInstanceOf(SpecException.class).hasMessageContaining("'level' must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{x: [a]}"), P.class))
                .hasMessageContaining("'y' is required");
    }

    @Test
    void describeListsParametersWithTypesAndDefaults() {
        var docs = ParameterBinder.describe(P.class);
        assertThat(docs).extracting(ParameterBinder.ParameterDoc::name).containsExactly("y", "x", "bootstrap", "lags-of-y", "level");
        assertThat(docs.get(0).required()).isTrue();
        assertThat(docs.get(1).type()).isEqualTo("list of text");
        assertThat(docs.get(2).defaultValue()).isEqualTo("300");
    }

    public enum Vcov {
        @eres.api.Choice(value = "conventional", aliases = {"iid"}) CONVENTIONAL,
        @eres.api.Choice(value = "robust", aliases = {"hc1", "white"}) ROBUST,
        DRISCOLL_KRAAY
    }

    public record Maps(@Param(value = "periods", computedDefault = "from the data") List<String> periods,
                       @Param(value = "classes", defaultValue = "5") Integer classes) {
        public Maps {
            if (classes == null) classes = 5;
            if (classes < 2) throw new SpecException("classes", "must be >= 2, got " + classes);
        }
    }

    public record Q(@Param(value = "se", defaultValue = "robust") Vcov se,
                    @Param(value = "map options") Maps maps,
                    @Param(value = "weights") eres.api.data.WeightsRef weights,
                    @Param(value = "more weights", defaultValue = "[]") List<eres.api.data.WeightsRef> others) {
        public Q {
            if (se == null) se = Vcov.ROBUST;
            if (maps == null) maps = new Maps(null, null);
            others = others == null ? List.of() : List.copyOf(others);
        }
    }

    @Test
    void enumsBindFromTheirNamesAndAliasesInAnyCase() throws Exception {
        assertThat(ParameterBinder.bind("w", yaml("{se: HC1}"), Q.class).se()).isEqualTo(Vcov.ROBUST);
        assertThat(ParameterBinder.bind("w", yaml("{se: iid}"), Q.class).se()).isEqualTo(Vcov.CONVENTIONAL);
        assertThat(ParameterBinder.bind("w", yaml("{se: driscoll_kraay}"), Q.class).se()).isEqualTo(Vcov.DRISCOLL_KRAAY);
        assertThat(ParameterBinder.bind("w", yaml("{}"), Q.class).se()).isEqualTo(Vcov.ROBUST);
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{se: robst}"), Q.class))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("se").hasMessageContaining("'robst' is not one of conventional, robust, driscoll-kraay")
                .hasMessageContaining("did you mean 'robust'?");
        assertThatThrownBy(() -> ParameterBinder.bind("w", yaml("{se: 1}"), Q.class)).isInstanceOf(SpecException.class)
                .hasMessageContaining("must be one of conventional, robust, driscoll-kraay");
    }

    @Test
    void nestedRecordsAreStrictAndValidatedWithTheirPath() throws Exception {
        Q q = ParameterBinder.bind("w", yaml("{maps: {periods: [2008-2012], classes: 4}}"), Q.class);
        assertThat(q.maps()).isEqualTo(new Maps(List.of("2008-2012"), 4));
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{maps: {clases: 4}}"), Q.class))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown key 'clases'").hasMessageContaining("classes");
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{maps: {classes: 1}}"), Q.class))
                .isInstanceOf(SpecException.class).hasMessageContaining("must be >= 2, got 1");
    }

    @Test
    void weightsNamesAreCheckedAgainstTheDeclaredWeightsWhenBound() throws Exception {
        assertThat(ParameterBinder.bind("w", yaml("{weights: wg}"), Q.class, List.of("wg")).weights().name()).isEqualTo("wg");
        assertThatThrownBy(() -> ParameterBinder.bind("steps.s.with", yaml("{weights: wq, others: [wg, knn]}"), Q.class, List.of("wg", "queen")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("'steps.s.with.weights' no spatial weights named 'wq' (did you mean 'wg'?); declared: wg, queen")
                .hasMessageContaining("'steps.s.with.others' no spatial weights named 'knn'");
        assertThatThrownBy(() -> ParameterBinder.bind("w", yaml("{weights: wg}"), Q.class, List.of()))
                .hasMessageContaining("the chain declares none");
    }

    @Test
    void describeFlattensNestedRecordsAndListsAliases() {
        var docs = ParameterBinder.describe(Q.class);
        assertThat(docs).extracting(ParameterBinder.ParameterDoc::name)
                .containsExactly("se", "maps", "maps.periods", "maps.classes", "weights", "others");
        assertThat(docs.get(0).type()).isEqualTo("one of conventional|robust|driscoll-kraay");
        assertThat(docs.get(0).aliases()).containsEntry("robust", List.of("hc1", "white")).containsEntry("conventional", List.of("iid"));
        assertThat(docs.get(2).computed()).isTrue();
        assertThat(docs.get(2).defaultValue()).isEqualTo("from the data");
        assertThat(docs.get(4).type()).isEqualTo("weights name");
    }
}
