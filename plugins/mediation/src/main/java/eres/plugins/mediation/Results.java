package eres.plugins.mediation;

import com.fasterxml.jackson.annotation.JsonInclude;
import eres.api.result.Coefficient;
import java.util.List;

/** The records of the mediation result sections (serialised into {@code results.json}). */
public final class Results {
    private Results() {
    }

    /**
     * One fixed-effects equation: {@code id} is {@code E1}, {@code E2:<m>}, {@code E3:<m>} (separate
     * mediators) or {@code E3} (parallel mediators).
     */
    public record Equation(String id, String dependent, List<String> regressors, List<Coefficient> coefficients, int nobs,
                           int entities, double r2Within, int clusters, double dfT) {
        public Equation {
            regressors = List.copyOf(regressors);
            coefficients = List.copyOf(coefficients);
        }
    }

    /**
     * Everything about one mediator: the paths with their regression inference, the delta-method
     * tests, the bootstrap summaries (indirect, direct, total, a, b) and the verdict.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mediator(String mediator, Coefficient a, Coefficient b, Coefficient direct, Coefficient total, double indirect,
                           DeltaTests.Test sobel, DeltaTests.Test aroian, DeltaTests.Test goodman,
                           List<Intervals.Summary> bootstrap, WenYe.Verdict verdict) {
        public Mediator {
            bootstrap = bootstrap == null ? null : List.copyOf(bootstrap);
        }
    }

    /** How the bootstrap was run. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bootstrap(int replications, int successful, int failed, String resample, long seed, String algorithm,
                            double level, List<String> intervals, String decisionInterval, String jackknife,
                            List<Intervals.Summary> statistics) {
        public Bootstrap {
            intervals = List.copyOf(intervals);
            statistics = List.copyOf(statistics);
        }
    }
}
