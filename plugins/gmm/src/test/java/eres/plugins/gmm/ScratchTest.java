package eres.plugins.gmm;

import eres.core.testing.TestContext;
import eres.api.result.StepResult;
import eres.plugins.gmm.Instruments.GmmStyle;
import eres.plugins.gmm.Instruments.IvStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        var p = new GmmEstimator.Parameters("n", 2, List.of("w", "k"),
                List.of(new GmmStyle(List.of("n"), List.of(2, 4), null, null), new GmmStyle(List.of("w"), List.of(1, 3), null, null)),
                List.of(new IvStyle(List.of("k"), null, null)), "difference", "fd", 2, "robust", false, null, null, null, null, null,
                null, null, null, Map.of());
        StepResult r = new GmmEstimator().run(p, new TestContext(EmplUK.panel()));
        r.coefficients().forEach(c -> System.out.println(c));
        r.statistics().forEach((k, v) -> System.out.println(k + " = " + v));
        r.tests().forEach(t -> System.out.println(t));
        r.warnings().forEach(w -> System.out.println(w));
    }
}
