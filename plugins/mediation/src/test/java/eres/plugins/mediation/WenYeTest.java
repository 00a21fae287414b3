package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.plugins.mediation.WenYe.Classification;
import eres.plugins.mediation.WenYe.Framing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The decision table of the method specification (section 9): inputs (sig c, sig a, sig b, bootstrap
 * interval of ab excludes 0, sig c', sign of ab against c') and the expected verdict and framing.
 * "Significant" is encoded as p = 0.001, "not significant" as p = 0.40 (alpha 0.05).
 */
class WenYeTest {
    private static final double SIG = 0.001;
    private static final double NS = 0.40;

    @ParameterizedTest(name = "c {0}, a {1}, b {2}, CI excl. 0 {3}, c'' {4}, signs {5} -> {6} / {7}")
    @CsvSource({
            "yes, yes, yes, -,   no,  same,     COMPLETE_MEDIATION, MEDIATION",
            "yes, yes, yes, -,   yes, same,     PARTIAL_MEDIATION,  MEDIATION",
            "yes, yes, yes, -,   yes, opposite, MASKING,            MEDIATION",
            "no,  yes, yes, -,   yes, opposite, MASKING,            MASKING",
            "yes, yes, no,  yes, no,  same,     COMPLETE_MEDIATION, MEDIATION",
            "yes, no,  yes, no,  yes, same,     NO_INDIRECT,        MEDIATION",
            "yes, no,  yes, no,  no,  same,     NO_INDIRECT,        MEDIATION",
            "no,  no,  no,  no,  yes, opposite, NO_INDIRECT,        MASKING",
            "no,  no,  no,  no,  no,  same,     NO_INDIRECT,        MASKING",
            "no,  no,  yes, yes, yes, same,     PARTIAL_MEDIATION,  MASKING"})
    void decisionTable(String c, String a, String b, String ciExcludes, String cp, String signs, Classification expected,
                       Framing framing) {
        double av = 0.30;
        double bv = 0.50;
        double cpv = signs.equals("same") ? 0.45 : -0.45;
        Intervals.Interval ci = ciExcludes.equals("yes") ? new Intervals.Interval(0.05, 0.25)
                : ciExcludes.equals("no") ? new Intervals.Interval(-0.02, 0.25) : new Intervals.Interval(-1, 1);
        WenYe.Verdict v = WenYe.classify(new WenYe.Evidence(new WenYe.Path(cpv + av * bv, p(c)), new WenYe.Path(av, p(a)),
                new WenYe.Path(bv, p(b)), new WenYe.Path(cpv, p(cp)), ci, "95% bias-corrected bootstrap interval", 0.5, 0.05));
        assertThat(v.classification()).isEqualTo(expected);
        assertThat(v.framing()).isEqualTo(framing);
        // the bootstrap is consulted exactly when a or b is not significant (step 3)
        boolean step3 = !(a.equals("yes") && b.equals("yes"));
        assertThat(v.testsUsed().stream().anyMatch(t -> t.contains("bootstrap"))).isEqualTo(step3);
        assertThat(v.steps().get(0)).startsWith("Step 1");
        assertThat(String.join(" ", v.steps())).contains(expected == Classification.NO_INDIRECT ? "stop" : "Step 4");
    }

    /** Section 9 numeric example: a = 0.30, b = 0.50, c' = 0.45 -> ab = 0.15, c = 0.60, share 0.25. */
    @Test
    void shareOfTotalEffect() {
        WenYe.Verdict v = WenYe.classify(evidence(0.45));
        assertThat(v.classification()).isEqualTo(Classification.PARTIAL_MEDIATION);
        assertThat(v.proportionMediated()).isCloseTo(0.25, within(1e-15));
        assertThat(v.maskingRatio()).isNull();
        assertThat(v.summary()).contains("25.0%");
        assertThat(v.steps().get(v.steps().size() - 1)).startsWith("Step 5").contains("same sign").contains("0.2500");
    }

    /** With c' = -0.45: c = -0.30, masking, |ab/c'| = 0.333333. */
    @Test
    void maskingRatio() {
        WenYe.Verdict v = WenYe.classify(evidence(-0.45));
        assertThat(v.classification()).isEqualTo(Classification.MASKING);
        assertThat(v.maskingRatio()).isCloseTo(0.333333, within(5e-7));
        assertThat(v.proportionMediated()).isNull();
        assertThat(v.steps().get(v.steps().size() - 1)).startsWith("Step 5").contains("opposite signs");
    }

    /** Without a bootstrap, step 3 falls back to the Sobel test and says so. */
    @Test
    void sobelFallbackWithoutBootstrap() {
        WenYe.Evidence e = new WenYe.Evidence(new WenYe.Path(0.6, SIG), new WenYe.Path(0.3, NS), new WenYe.Path(0.5, SIG),
                new WenYe.Path(0.45, SIG), null, "", 0.01, 0.05);
        WenYe.Verdict v = WenYe.classify(e);
        assertThat(v.classification()).isEqualTo(Classification.PARTIAL_MEDIATION);
        assertThat(v.steps().get(2)).contains("Sobel").contains("bootstrap: 0");
        WenYe.Verdict none = WenYe.classify(new WenYe.Evidence(e.c(), e.a(), e.b(), e.cPrime(), null, "", 0.2, 0.05));
        assertThat(none.classification()).isEqualTo(Classification.NO_INDIRECT);
    }

    /** An undefined bootstrap interval (z0 infinite) cannot establish an indirect effect. */
    @Test
    void undefinedIntervalIsNotSignificant() {
        WenYe.Verdict v = WenYe.classify(new WenYe.Evidence(new WenYe.Path(0.6, SIG), new WenYe.Path(0.3, NS),
                new WenYe.Path(0.5, SIG), new WenYe.Path(0.45, SIG), new Intervals.Interval(Double.NaN, Double.NaN), "BC", 0.001, 0.05));
        assertThat(v.classification()).isEqualTo(Classification.NO_INDIRECT);
        assertThat(v.steps().get(2)).contains("undefined");
    }

    private static WenYe.Evidence evidence(double cp) {
        return new WenYe.Evidence(new WenYe.Path(cp + 0.15, SIG), new WenYe.Path(0.30, SIG), new WenYe.Path(0.50, SIG),
                new WenYe.Path(cp, SIG), null, "", SIG, 0.05);
    }

    private static double p(String sig) {
        return sig.equals("yes") ? SIG : NS;
    }
}
