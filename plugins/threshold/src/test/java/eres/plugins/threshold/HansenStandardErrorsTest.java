package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.core.testing.TestContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 1: with Hansen's deletion of the last period, the conventional SEs of the
 * double-threshold model are his program's {@code sqrt(diag((X'X)^-1 SSR / (n(T-1) - n - k)))} and his
 * "White" SEs are HC0 ({@code fixtures/hansen1999/make-se.R}, lm + sandwich in R on his data). Tolerance
 * 1e-8 relative (the same least-squares problem solved twice in double precision).
 */
class HansenStandardErrorsTest {
    static final List<String> ORDER = List.of("q1", "q2", "q3", "d1", "qd1");

    @Test
    void conventionalAndWhiteAsHansensProgram() throws IOException {
        JsonNode e;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hansen1999/expected-se.json")) {
            e = new ObjectMapper().readTree(in);
        }
        Panel panel = HansenData.panel();
        for (String se : List.of("conventional", "hc0")) {
            Params p = Params.hansen(true);
            p.bootstrap = List.of(0);
            p.model = new ThresholdEstimator.Model(2);
            p.se = se;
            StepResult r = new ThresholdEstimator().run(p.build(), new TestContext(panel));
            JsonNode want = e.get(se.equals("conventional") ? "se_homo_hansen" : "se_white_hansen");
            // R's order: q1, q2, q3, d1, qd1, then the three regimes
            for (int j = 0; j < 5; j++) close(r.coefficient(ORDER.get(j)).stdError(), want.get(j).asDouble(), se + " " + ORDER.get(j));
            for (int j = 0; j < 3; j++) close(r.coefficients().get(j).stdError(), want.get(5 + j).asDouble(), se + " regime " + j);
            for (int j = 0; j < 3; j++) close(r.coefficients().get(j).estimate(), e.get("b").get(5 + j).asDouble(), "b regime " + j);
        }
    }

    private static void close(double got, double want, String what) {
        assertThat(got).as(what).isCloseTo(want, within(1e-8 * Math.abs(want)));
    }
}
