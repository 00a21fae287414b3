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
}
