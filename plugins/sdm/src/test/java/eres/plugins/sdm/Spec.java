package eres.plugins.sdm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.ParameterBinder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters for the tests, bound from chain-file keys exactly as the runner binds a step's {@code with:} block. */
final class Spec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Spec() {
    }

    /** {@code of("y", "y", "x", List.of("x1"), "weights", "w", ...)}: key-value pairs; null values are left out. */
    static SpatialParameters of(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) if (keyValues[i + 1] != null) m.put((String) keyValues[i], keyValues[i + 1]);
        JsonNode node = JSON.valueToTree(m);
        return ParameterBinder.bind("test", node, SpatialParameters.class);
    }
}
