package eres.plugins.dynthreshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.EresException;
import eres.api.SpecException;
import eres.core.chain.ParameterBinder;
import eres.core.testing.TestContext;
import org.junit.jupiter.api.Test;

/** Binding of the {@code with:} block (defaults, full mapping, errors) and bad data. */
class ParametersTest {
    static DynamicThresholdEstimator.Parameters bind(String json) throws Exception {
        return ParameterBinder.bind("steps.d.with", new ObjectMapper().readTree(json), DynamicThresholdEstimator.Parameters.class);
    }

    @Test
    void defaultsAreXthenregs() throws Exception {
        var p = bind("{\"y\": \"y\", \"threshold\": \"q\"}");
        assertThat(p.grid()).isEqualTo(100);
        assertThat(p.trim()).isEqualTo(0.4);
        assertThat(p.h0()).isEqualTo(1.5);
        assertThat(p.bootstrap()).isZero();
        assertThat(p.noLag()).isFalse();
        assertThat(p.x()).isEmpty();
    }

    @Test
    void fullMapping() throws Exception {
        var p = bind("{\"y\": \"y\", \"threshold\": \"q\", \"x\": [\"x\"], \"endogenous\": [\"e\"], \"exogenous\": [\"z\"],"
                + " \"instruments\": [\"w\"], \"no-lag\": true, \"grid\": 50, \"trim\": 0.2, \"h0\": 1.0, \"bootstrap\": 99,"
                + " \"level\": 0.9, \"labels\": {\"q\": \"Debt\"}}");
        assertThat(p.endogenous()).containsExactly("e");
        assertThat(p.exogenous()).containsExactly("z");
        assertThat(p.instruments()).containsExactly("w");
        assertThat(p.noLag()).isTrue();
        assertThat(p.bootstrap()).isEqualTo(99);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> bind("{\"y\": \"y\"}")).isInstanceOf(SpecException.class).hasMessageContaining("'threshold' is required");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"threshold\": \"q\", \"trim\": 1.2}")).hasMessageContaining("'trim' must be in [0, 1)");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"threshold\": \"q\", \"bootstrap\": 1000000}")).hasMessageContaining("above the limit");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"threshold\": \"q\", \"grid\": 1}")).hasMessageContaining("'grid' must be");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"threshold\": \"q\", \"static\": true}")).hasMessageContaining("unknown parameter 'static'");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"threshold\": \"q\", \"x\": [\"y\"]}")).hasMessageContaining("distinct");
    }

    @Test
    void tooFewPeriodsIsOneLine() {
        var panel = Simulated.panel(1, 20, 3, 0.0, MonteCarloTest.DELTA);
        assertThatThrownBy(() -> new DynamicThresholdEstimator().run(MonteCarloTest.params(0), new TestContext(panel)))
                .isInstanceOf(EresException.class).hasMessageContaining("too few periods")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
