package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.ParameterBinder;
import eres.api.Limits;
import eres.api.Param;
import eres.api.SpecException;
import java.util.List;
import java.util.Map;

/** Fuzz target: step parameters bound to a record shaped like the plugins' (see {@link FuzzSupport}). */
class ParametersFuzzIT {
    /** Lists, numbers, maps, booleans, validation in the constructor. */
    public record P(@Param(value = "y", required = true) String y, List<String> x, Integer bootstrap, Double level,
                    Map<String, String> labels, Boolean flag) {
        public P {
            if (y == null) throw new SpecException("y", "is required");
            Limits.replications("bootstrap", bootstrap == null ? 0 : bootstrap);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(text);
        } catch (Exception notJson) {
            return;
        }
        if (node == null) return;
        JsonNode n = node;
        FuzzSupport.expectOnlyEresErrors(() -> ParameterBinder.bind("steps.s.with", n, P.class));
    }
}
