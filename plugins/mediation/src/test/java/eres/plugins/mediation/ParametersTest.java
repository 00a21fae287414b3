package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.ParameterBinder;
import eres.api.SpecException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding from a chain's {@code with:} block (kebab-case keys) with defaults and validation. */
class ParametersTest {
    private static MediationTest.Parameters bind(String json) throws Exception {
        JsonNode n = new ObjectMapper().readTree(json);
        return ParameterBinder.bind("steps.m.with", n, MediationTest.Parameters.class);
    }

    @Test
    void defaults() throws Exception {
        MediationTest.Parameters p = bind("{\"x\": \"opt\", \"mediators\": \"div\", \"y\": \"eres\"}");
        assertThat(p.mediators()).containsExactly("div");
        assertThat(p.controls()).isEmpty();
        assertThat(p.effects()).isEqualTo(eres.api.panel.Effects.TWOWAYS);
        assertThat(p.se()).isEqualTo(eres.api.inference.CovarianceType.CR1);
        assertThat(p.cluster()).isEmpty();
        assertThat(p.parallel()).isFalse();
        assertThat(p.bootstrap()).isEqualTo(1000);
        assertThat(p.resample()).isEqualTo(MediationTest.Resample.CLUSTER);
        assertThat(p.reported()).isEqualTo(EnumSet.of(Intervals.Type.PERCENTILE, Intervals.Type.BC, Intervals.Type.NORMAL));
        assertThat(p.decision()).isEqualTo(Intervals.Type.BC);
        assertThat(p.level()).isEqualTo(0.95);
        assertThat(p.alpha()).isEqualTo(0.05);
        assertThat(p.showControls()).isTrue();
        assertThat(p.labels()).isEmpty();
    }

    @Test
    void fullMapping() throws Exception {
        MediationTest.Parameters p = bind("{\"x\": \"opt\", \"mediators\": [\"div\", \"spe\"], \"y\": \"eres\", \"controls\": [\"fdi\"],"
                + " \"effects\": \"entity\", \"se\": \"cluster\", \"cluster\": \"region\", \"parallel\": true, \"bootstrap\": 500,"
                + " \"resample\": \"observation\", \"ci\": [\"bca\", \"normal\"], \"decision-ci\": \"percentile\", \"level\": 0.9,"
                + " \"alpha\": 0.1, \"show-controls\": false, \"labels\": {\"opt\": \"Optical cable\"}}");
        assertThat(p.mediators()).containsExactly("div", "spe");
        assertThat(p.controls()).containsExactly("fdi");
        assertThat(p.effects()).isEqualTo(eres.api.panel.Effects.ENTITY);
        assertThat(p.se()).isEqualTo(eres.api.inference.CovarianceType.CR1);
        assertThat(p.cluster()).containsExactly("region");
        assertThat(p.parallel()).isTrue();
        assertThat(p.bootstrap()).isEqualTo(500);
        assertThat(p.resample()).isEqualTo(MediationTest.Resample.OBSERVATION);
        assertThat(p.reported()).isEqualTo(EnumSet.of(Intervals.Type.BCA, Intervals.Type.NORMAL));
        assertThat(p.decision()).isEqualTo(Intervals.Type.PERCENTILE);
        assertThat(p.level()).isEqualTo(0.9);
        assertThat(p.alpha()).isEqualTo(0.1);
        assertThat(p.showControls()).isFalse();
        assertThat(p.labels()).isEqualTo(Map.of("opt", "Optical cable"));
        assertThat(p.variables()).containsExactly("eres", "opt", "div", "spe", "fdi");
    }

    @Test
    void rejectsBadValuesWithOneLineMessages() {
        String base = "\"x\": \"opt\", \"mediators\": [\"div\"], \"y\": \"eres\"";
        expect("{" + base + ", \"bootstrap\": 1000000000}", "'bootstrap' is 1000000000, above the limit of 100000 replications");
        expect("{" + base + ", \"bootstrap\": -1}", "must be >= 0");
        expect("{" + base + ", \"ci\": [\"studentized\"]}", "'studentized' is not one of percentile, bc, bca, normal");
        expect("{" + base + ", \"decision-ci\": \"t\"}", "'t' is not one of percentile, bc, bca, normal");
        expect("{" + base + ", \"resample\": \"wild\"}", "'wild' is not one of cluster, observation");
        expect("{" + base + ", \"level\": 1.5}", "must be in (0, 1)");
        expect("{" + base + ", \"alpha\": 0}", "must be in (0, 1)");
        expect("{" + base + ", \"effects\": \"random\"}", "'random' is not one of pooled, entity, time, twoways");
        expect("{" + base + ", \"se\": \"hac\"}", "'hac' is not a covariance type");
        // issue 16: a cluster variable with a non-cluster covariance is refused, not silently ignored
        expect("{" + base + ", \"se\": \"robust\", \"cluster\": \"region\"}", "se: hc1 does not cluster");
        expect("{" + base + ", \"controls\": [\"div\"]}", "'div' is also x, y or a mediator");
        expect("{\"x\": \"opt\", \"mediators\": [\"opt\"], \"y\": \"eres\"}", "'opt' is also x");
        expect("{\"x\": \"opt\", \"mediators\": [\"div\", \"div\"], \"y\": \"eres\"}", "lists a mediator twice");
        expect("{\"x\": \"opt\", \"mediators\": [], \"y\": \"eres\"}", "needs at least one mediator");
        expect("{\"x\": \"opt\", \"y\": \"eres\"}", "needs at least one mediator");
        expect("{" + base + ", \"replications\": 10}", "replications");
    }

    private static void expect(String json, String message) {
        assertThatThrownBy(() -> bind(json)).isInstanceOf(SpecException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void defaultsAreDocumented() {
        List<ParameterBinder.ParameterDoc> docs = ParameterBinder.describe(MediationTest.Parameters.class);
        assertThat(docs).extracting(ParameterBinder.ParameterDoc::name).contains("x", "mediators", "y", "controls", "effects", "se",
                "bootstrap", "resample", "ci", "decision-ci", "level", "alpha", "parallel", "show-controls");
        assertThat(docs).filteredOn(d -> d.name().equals("bootstrap")).extracting(ParameterBinder.ParameterDoc::defaultValue)
                .containsExactly("1000");
        assertThat(docs).filteredOn(ParameterBinder.ParameterDoc::required).extracting(ParameterBinder.ParameterDoc::name)
                .containsExactly("x", "mediators", "y");
    }
}
