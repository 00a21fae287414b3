package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bootstrap interval formulas on fixed replicate vectors. */
class IntervalsTest {
    private static final Set<Intervals.Type> ALL = EnumSet.allOf(Intervals.Type.class);

    /**
     * The hand-computed example of the method specification (mediation.md section 8): replicates 1..100,
     * estimate 50.5: 50 replicates <= 50.5 so z0 = 0 and BC = percentile; P = 2.5 -> x_(3) = 3,
     * P = 97.5 -> x_(98) = 98; se = sd(1..100) = 29.011492, normal = 50.5 -/+ 1.959964 se.
     */
    @Test
    void specificationGoldenExample() {
        double[] reps = new double[100];
        for (int i = 0; i < 100; i++) reps[i] = i + 1;
        Intervals.Summary s = Intervals.summarize("t", 50.5, reps, 0.95, ALL, null);
        assertThat(s.z0()).isEqualTo(0.0);
        assertThat(s.percentile()).isEqualTo(new Intervals.Interval(3, 98));
        assertThat(s.bc()).isEqualTo(new Intervals.Interval(3, 98));
        assertThat(s.stdError()).isCloseTo(29.011492, within(5e-7));
        assertThat(s.normal().low()).isCloseTo(-6.3615, within(5e-5));
        assertThat(s.normal().high()).isCloseTo(107.3615, within(5e-5));
        assertThat(s.mean()).isEqualTo(50.5);
        assertThat(s.bias()).isEqualTo(0.0);
        // no jackknife: the BCa interval is undefined and says why
        assertThat(s.bca().low()).isNaN();
        assertThat(s.notes()).anyMatch(n -> n.contains("acceleration"));
    }

    /** Stata's _pctile rule: integer P averages two order statistics, otherwise x_(ceil P). */
    @Test
    void percentileRule() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Intervals.percentile(x, 0.5)).isEqualTo(5.5);     // P = 5: (x5 + x6)/2
        assertThat(Intervals.percentile(x, 0.25)).isEqualTo(3.0);    // P = 2.5 -> x3
        assertThat(Intervals.percentile(x, 0.01)).isEqualTo(1.0);    // P = 0.1 -> x1
        assertThat(Intervals.percentile(x, 0.999)).isEqualTo(10.0);  // P = 9.99 -> x10
        assertThat(Intervals.percentile(x, 1.0)).isEqualTo(10.0);    // P = 10, no x11
        assertThat(Intervals.percentile(x, 0.0)).isEqualTo(1.0);
        // (1 - 0.95) / 2 = 0.025000000000000022: P = 25.00000000000002 counts as the integer 25
        double[] k1000 = new double[1000];
        for (int i = 0; i < 1000; i++) k1000[i] = i + 1;
        assertThat(Intervals.percentile(k1000, (1 - 0.95) / 2)).isEqualTo(25.5);
    }

    /**
     * Percentile, BC, BCa (jackknife acceleration), normal and the normal-approximation p-value on a
     * skewed vector of 999 replicates, against R (fixtures/make.R, ci-formulas: quantile type 2, which
     * make.R checks equals Stata's rule; the acceleration checked against boot.ci's formula, the normal
     * interval against boot::norm.ci). Tolerance 1e-12: the same arithmetic on exact inputs.
     */
    @Test
    void matchesRFormulas() {
        JsonNode e = Fixtures.json("/fixtures/ci-formulas/expected.json");
        double[] reps = doubles(e.get("replicates"));
        double[] jack = doubles(e.get("jackknife"));
        Intervals.Summary s = Intervals.summarize("t", e.get("estimate").asDouble(), reps, e.get("level").asDouble(), ALL, jack);
        close(s.mean(), e.get("mean"));
        close(s.stdError(), e.get("se"));
        close(s.z0(), e.get("z0"));
        close(s.acceleration(), e.get("acceleration"));
        close(s.pValue(), e.get("p_normal"));
        interval(s.percentile(), e.get("percentile"));
        interval(s.bc(), e.get("bc"));
        interval(s.bca(), e.get("bca"));
        interval(s.normal(), e.get("normal"));
        assertThat(s.bc()).isNotEqualTo(s.percentile());        // z0 != 0 here: BC moves the interval
        assertThat(s.bca()).isNotEqualTo(s.bc());               // and the acceleration moves it again
    }

    /** z0 is infinite when every (or no) replicate is at most the estimate: BC and BCa are undefined. */
    @Test
    void biasCorrectionUndefinedAtTheEdge() {
        double[] reps = {1, 2, 3, 4, 5};
        Intervals.Summary s = Intervals.summarize("ab", 10, reps, 0.95, ALL, new double[] {1, 2, 3});
        assertThat(s.bc().low()).isNaN();
        assertThat(s.bc().excludesZero()).isFalse();
        assertThat(s.bca().high()).isNaN();
        assertThat(s.percentile().low()).isEqualTo(1.0);
        assertThat(s.notes()).anyMatch(n -> n.contains("every replicate of ab"));
        Intervals.Summary low = Intervals.summarize("ab", -1, reps, 0.95, EnumSet.of(Intervals.Type.BC), null);
        assertThat(low.bc().low()).isNaN();
        assertThat(low.notes()).anyMatch(n -> n.contains("no replicate"));
    }

    @Test
    void onlyRequestedIntervalsAreComputed() {
        double[] reps = {1, 2, 3, 4, 5, 6};
        Intervals.Summary s = Intervals.summarize("t", 3.5, reps, 0.9, EnumSet.of(Intervals.Type.NORMAL), null);
        assertThat(s.normal()).isNotNull();
        assertThat(s.percentile()).isNull();
        assertThat(s.bc()).isNull();
        assertThat(s.bca()).isNull();
        assertThat(s.acceleration()).isNull();
    }

    private static void close(double actual, JsonNode expected) {
        assertThat(actual).isCloseTo(expected.asDouble(), within(1e-12 * Math.max(1, Math.abs(expected.asDouble()))));
    }

    private static void interval(Intervals.Interval ci, JsonNode e) {
        close(ci.low(), e.get(0));
        close(ci.high(), e.get(1));
    }

    private static double[] doubles(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) d[i] = n.get(i).asDouble();
        return d;
    }
}
