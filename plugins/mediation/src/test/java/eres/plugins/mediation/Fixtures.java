package eres.plugins.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.testing.TestContext;
import eres.core.testing.TestData;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Shared test helpers: the R fixtures and parameter records with defaults. */
final class Fixtures {
    private static Panel produc;
    private static JsonNode producExpected;

    private Fixtures() {
    }

    static synchronized Panel produc() {
        if (produc == null) produc = TestData.panel(TestData.resource(Fixtures.class, "/fixtures/produc/input.csv"), "state", "year", null);
        return produc;
    }

    static synchronized JsonNode producExpected() {
        if (producExpected == null) producExpected = json("/fixtures/produc/expected.json");
        return producExpected;
    }

    static JsonNode json(String resource) {
        try {
            return new ObjectMapper().readTree(TestData.resource(Fixtures.class, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parameters with the plugin's defaults except the ones given. */
    static MediationTest.Parameters params(String x, List<String> mediators, String y, List<String> controls, Boolean parallel,
                                           Integer bootstrap, String resample, List<String> ci, String se) {
        return new MediationTest.Parameters(x, mediators, y, controls, null, se == null ? null : eres.api.inference.CovarianceType.of(se),
                null, null, null, parallel, bootstrap, resample == null ? null : MediationTest.Resample.of(resample),
                ci == null ? null : ci.stream().map(Intervals.Type::of).toList(), null, null, null, null, Map.of());
    }

    static StepResult run(Panel panel, MediationTest.Parameters p, long seed, int threads) {
        return new MediationTest().run(p, new TestContext(panel, seed, threads));
    }

    /** Relative difference scaled by max(|expected|, floor). */
    static double rel(double actual, double expected) {
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
    }
}
