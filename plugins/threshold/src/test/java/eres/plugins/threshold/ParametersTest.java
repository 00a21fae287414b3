package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.ParameterBinder;
import eres.api.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding of the {@code with:} block (defaults, full mapping, errors) through the chain runner's binder. */
class ParametersTest {
    static ThresholdEstimator.Parameters bind(String json) throws Exception {
        return ParameterBinder.bind("steps.t.with", new ObjectMapper().readTree(json), ThresholdEstimator.Parameters.class);
    }

    @Test
    void defaults() throws Exception {
        ThresholdEstimator.Parameters p = bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\"}");
        assertThat(p.regime()).containsExactly("x");
        assertThat(p.controls()).isEmpty();
        assertThat(p.thresholds()).isEqualTo(1);
        assertThat(p.trim()).containsExactly(0.01);
        assertThat(p.grid().all()).isTrue();
        assertThat(p.bootstrap()).containsExactly(300);
        assertThat(p.level()).isEqualTo(0.95);
        assertThat(p.se()).isEqualTo(eres.api.inference.CovarianceType.CONVENTIONAL);
        assertThat(p.effects()).isEqualTo(eres.api.panel.Effects.ENTITY);
        assertThat(p.minRegimeObs()).isEqualTo(10);
        assertThat(p.lagsOfY()).isZero();
        assertThat(p.bootstrapScheme()).isEqualTo(ThresholdEstimator.BootstrapScheme.AUTO);
        assertThat(p.strictLower()).isFalse();
        assertThat(p.deleteLastPeriod()).isFalse();
        assertThat(p.model().selected()).isTrue();
    }

    @Test
    void fullMapping() throws Exception {
        ThresholdEstimator.Parameters p = bind("{\"y\": \"i\", \"regime\": [\"c1\", \"c2\"], \"threshold\": \"d1\","
                + " \"controls\": [\"q1\"], \"thresholds\": 3, \"trim\": [0.01, 0.01, 0.05], \"grid\": 400,"
                + " \"bootstrap\": [300, 200, 100], \"level\": 0.9, \"se\": \"cluster\", \"lags-of-y\": 1,"
                + " \"bootstrap-scheme\": \"wild\", \"strict-lower\": true, \"delete-last-period\": true, \"model\": 2,"
                + " \"labels\": {\"c1\": \"Cash flow\"}}");
        assertThat(p.regime()).containsExactly("c1", "c2");
        assertThat(p.grid().points()).isEqualTo(400);
        assertThat(p.trimOf(3)).isEqualTo(0.05);
        assertThat(p.bootstrapOf(2)).isEqualTo(200);
        assertThat(p.model().thresholds()).isEqualTo(2);
        assertThat(p.labels()).containsEntry("c1", "Cash flow");
        assertThat(bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"grid\": \"all\", \"trim\": 0.05,"
                + " \"thresholds\": 2}").trimOf(2)).isEqualTo(0.05);
    }

    @Test
    void errorsNameTheParameter() {
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"grid\": \"most\"}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'grid' must be 'all' or a number of points");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"thresholds\": 4}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'thresholds' must be 1, 2 or 3");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"trim\": 0.6}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'trim' must be in [0, 0.5)");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"bootstrap\": 1000000}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("above the limit");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"threshold\": \"q\"}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'regime' needs at least one");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"model\": 2}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("'model' asks for 2 thresholds");
        assertThatThrownBy(() -> bind("{\"y\": \"y\", \"regime\": \"x\", \"threshold\": \"q\", \"max-thresholds\": 2}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("max-thresholds");
        assertThat(List.of(new ThresholdEstimator().id())).containsExactly("threshold");
    }
}
