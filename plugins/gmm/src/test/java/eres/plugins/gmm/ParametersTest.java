package eres.plugins.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.EresException;
import eres.api.SpecException;
import eres.core.chain.ParameterBinder;
import eres.core.testing.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding of the {@code with:} block through the chain runner's binder: defaults, full mapping, errors. */
class ParametersTest {
    static GmmEstimator.Parameters bind(String json) throws Exception {
        return ParameterBinder.bind("steps.g.with", new ObjectMapper().readTree(json), GmmEstimator.Parameters.class);
    }

    @Test
    void defaults() throws Exception {
        GmmEstimator.Parameters p = bind("{\"y\": \"n\", \"x\": [\"w\", \"k\"]}");
        assertThat(p.lags()).isEqualTo(1);
        assertThat(p.model()).isEqualTo("system");
        assertThat(p.transformation()).isEqualTo("fd");
        assertThat(p.steps()).isEqualTo(1);
        assertThat(p.se()).isEqualTo("conventional");
        assertThat(p.timeDummies()).isTrue();
        assertThat(p.dummyInstruments()).isEqualTo("both");
        assertThat(p.constant()).isTrue();
        assertThat(p.h()).isEqualTo(3);
        assertThat(p.collapse()).isFalse();
        assertThat(p.arTests()).isEqualTo(2);
        assertThat(p.gmm()).hasSize(1);
        assertThat(p.gmm().get(0).vars()).containsExactly("n");
        assertThat(p.gmm().get(0).first()).isEqualTo(2);
        assertThat(p.gmm().get(0).last()).isEqualTo(Integer.MAX_VALUE);
        assertThat(p.iv()).hasSize(1);
        assertThat(p.iv().get(0).vars()).containsExactly("w", "k");
    }

    @Test
    void fullMapping() throws Exception {
        GmmEstimator.Parameters p = bind("{\"y\": \"n\", \"lags\": 2, \"x\": [\"w\", \"L.w\", \"k\"],"
                + " \"gmm\": [{\"vars\": [\"n\"], \"lags\": [2, 4], \"collapse\": true}, {\"vars\": \"w\", \"equation\": \"diff\"}],"
                + " \"iv\": [{\"vars\": [\"k\"], \"equation\": \"level\", \"passthru\": false}],"
                + " \"model\": \"difference\", \"transformation\": \"fod\", \"steps\": 2, \"se\": \"robust\", \"time-dummies\": false,"
                + " \"dummy-instruments\": \"level\", \"constant\": false, \"h\": 2, \"collapse\": true, \"small\": true, \"ar-tests\": 3,"
                + " \"diff-hansen\": false, \"level\": 0.9, \"labels\": {\"n\": \"Employment\"}}");
        assertThat(p.gmm().get(0).last()).isEqualTo(4);
        assertThat(p.gmm().get(0).collapse()).isTrue();
        assertThat(p.gmm().get(1).vars()).containsExactly("w");
        assertThat(p.gmm().get(1).eq()).isEqualTo(Instruments.Equation.DIFF);
        assertThat(p.iv().get(0).eq()).isEqualTo(Instruments.Equation.LEVEL);
        assertThat(p.steps()).isEqualTo(2);
        assertThat(p.h()).isEqualTo(2);
        assertThat(p.arTests()).isEqualTo(3);
        assertThat(p.labels()).containsEntry("n", "Employment");
    }

    @Test
    void errorsNameTheParameterOnOneLine() {
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"model\": \"sys\"}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("'model' must be system or difference");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"steps\": 3}")).hasMessageContaining("'steps' must be 1 or 2");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"transformation\": \"within\"}")).hasMessageContaining("'transformation' must be fd or fod");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"gmm\": [{\"vars\": [\"n\"], \"lags\": [4, 2]}]}"))
                .hasMessageContaining("a <= b");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"gmm\": [{\"vars\": [\"n\"], \"lag\": [2]}]}"))
                .isInstanceOf(EresException.class).hasMessageContaining("lag");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"lag\": 2}")).hasMessageContaining("unknown parameter 'lag'");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"gmm\": [], \"iv\": []}")).hasMessageContaining("no instruments");
        assertThatThrownBy(() -> bind("{\"y\": \"n\", \"h\": 4}")).hasMessageContaining("'h' must be 1, 2 or 3");
        for (String bad : List.of("{\"y\": \"n\", \"steps\": 3, \"h\": 9}")) {
            assertThatThrownBy(() -> bind(bad)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void badDataGiveOneLineErrors() {
        var panel = EmplUK.panel();
        Params p = new Params();
        p.lags = 9; // 9 years: no observation has 9 lags
        assertThatThrownBy(() -> new GmmEstimator().run(p.build(), new TestContext(panel))).isInstanceOf(EresException.class)
                .hasMessageContaining("no complete observation");
        Params q = new Params();
        q.lags = 8; // one complete year per firm: nothing to difference
        q.model = "difference";
        assertThatThrownBy(() -> new GmmEstimator().run(q.build(), new TestContext(panel))).hasMessageContaining("too few periods");
        Params u = new Params();
        u.x = List.of("wage");
        assertThatThrownBy(() -> new GmmEstimator().run(u.build(), new TestContext(panel))).hasMessageContaining("unknown column 'wage'");
        Params v = new Params();
        v.x = List.of("w", "k", "ys");
        v.gmm = List.of(Params.collapsed("n", 2, 2));
        v.iv = List.of();
        v.model = "difference";
        v.timeDummies = false;
        assertThatThrownBy(() -> new GmmEstimator().run(v.build(), new TestContext(panel))).hasMessageContaining("fewer instruments");
    }
}
