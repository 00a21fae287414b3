package eres.plugins.mediation;

import com.fasterxml.jackson.annotation.JsonInclude;
import eres.api.table.Formats;
import java.util.ArrayList;
import java.util.List;

/**
 * The stepwise mediation procedure of Wen Zhonglin &amp; Ye Baojuan (2014), "Analyses of mediating
 * effects: the development of methods and models", Advances in Psychological Science 22(5):731-745,
 * doi:10.3724/SP.J.1042.2014.00731:
 *
 * <ol>
 *   <li>test c (E1): significant -&gt; framed as mediation, otherwise as masking (suppression); go on
 *       in both cases;</li>
 *   <li>test a (E2) and b (E3): both significant -&gt; the indirect effect is significant, go to 4;
 *       otherwise go to 3;</li>
 *   <li>bootstrap test of {@code ab = 0} (the interval named by {@code decision-ci}, bias-corrected by
 *       default): the interval excludes 0 -&gt; indirect effect significant, go to 4; otherwise stop:
 *       no significant indirect effect;</li>
 *   <li>test c' (E3): not significant -&gt; complete mediation; significant -&gt; go to 5;</li>
 *   <li>signs of ab and c': same -&gt; partial mediation, proportion mediated {@code ab / c}; opposite
 *       -&gt; masking effect (inconsistent mediation, MacKinnon, Krull &amp; Lockwood 2000),
 *       {@code |ab / c'|}.</li>
 * </ol>
 * Significance means {@code p < alpha}. Without bootstrap replications step 3 falls back to the Sobel
 * test, and the rule says so.
 */
public final class WenYe {
    private WenYe() {
    }

    /** The verdict. */
    public enum Classification { NO_INDIRECT, COMPLETE_MEDIATION, PARTIAL_MEDIATION, MASKING }

    /** How the result is framed after step 1. */
    public enum Framing { MEDIATION, MASKING }

    /** An estimate and the p-value of its test. */
    record Path(double estimate, double pValue) {
    }

    /**
     * Everything the procedure looks at.
     *
     * @param bootstrapCi the decision interval of ab, or {@code null} when no bootstrap was run
     * @param ciName      its name for the rule text, e.g. "95% bias-corrected bootstrap interval"
     * @param sobelP      p-value of the Sobel test (the fallback of step 3)
     */
    record Evidence(Path c, Path a, Path b, Path cPrime, Intervals.Interval bootstrapCi, String ciName, double sobelP,
                    double alpha) {
        double indirect() {
            return a.estimate() * b.estimate();
        }
    }

    /** The classification with the rule that led to it, step by step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verdict(Classification classification, Framing framing, String summary, List<String> steps,
                          List<String> testsUsed, Double proportionMediated, Double maskingRatio) {
        public Verdict {
            steps = List.copyOf(steps);
            testsUsed = List.copyOf(testsUsed);
        }
    }

    static Verdict classify(Evidence e) {
        List<String> steps = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        double alpha = e.alpha();
        String lvl = Formats.number(alpha, 2);

        boolean cSig = e.c().pValue() < alpha;
        Framing framing = cSig ? Framing.MEDIATION : Framing.MASKING;
        tests.add("t test of c (E1)");
        steps.add("Step 1 (total effect): c = " + num(e.c().estimate()) + ", " + p(e.c().pValue())
                + (cSig ? " < " + lvl + ": significant, framed as a mediating effect."
                        : " >= " + lvl + ": not significant, framed as a masking (suppression) effect; the procedure continues."));

        boolean aSig = e.a().pValue() < alpha;
        boolean bSig = e.b().pValue() < alpha;
        tests.add("t test of a (E2)");
        tests.add("t test of b (E3)");
        String ab = "a = " + num(e.a().estimate()) + " (" + p(e.a().pValue()) + "), b = " + num(e.b().estimate()) + " ("
                + p(e.b().pValue()) + ")";
        double indirect = e.indirect();
        if (aSig && bSig) {
            steps.add("Step 2 (a and b): " + ab + ": both significant, so the indirect effect ab = " + num(indirect)
                    + " is significant; step 3 is not needed.");
        } else {
            steps.add("Step 2 (a and b): " + ab + ": " + (!aSig && !bSig ? "neither is" : aSig ? "b is not" : "a is not")
                    + " significant, go to step 3.");
            boolean sig;
            if (e.bootstrapCi() == null) {
                sig = e.sobelP() < alpha;
                tests.add("Sobel z test of ab (no bootstrap replications)");
                steps.add("Step 3 (test of ab): no bootstrap was run (bootstrap: 0), so the Sobel test decides: "
                        + p(e.sobelP()) + (sig ? " < " + lvl + ": the indirect effect is significant."
                        : " >= " + lvl + ": no significant indirect effect; stop."));
            } else {
                Intervals.Interval ci = e.bootstrapCi();
                sig = ci.excludesZero();
                tests.add(e.ciName() + " of ab");
                String range = Double.isFinite(ci.low()) ? "[" + num(ci.low()) + ", " + num(ci.high()) + "]" : "(undefined)";
                steps.add("Step 3 (bootstrap test of ab = " + num(indirect) + "): the " + e.ciName() + " " + range
                        + (sig ? " excludes 0: the indirect effect is significant."
                        : Double.isFinite(ci.low()) ? " contains 0: no significant indirect effect; stop."
                        : " is undefined: the indirect effect cannot be shown significant; stop."));
            }
            if (!sig) {
                return new Verdict(Classification.NO_INDIRECT, framing,
                        "no significant indirect effect (" + framingText(framing) + ")", steps, tests, null, null);
            }
        }

        boolean cpSig = e.cPrime().pValue() < alpha;
        tests.add("t test of c' (E3)");
        double cp = e.cPrime().estimate();
        if (!cpSig) {
            steps.add("Step 4 (direct effect): c' = " + num(cp) + ", " + p(e.cPrime().pValue()) + " >= " + lvl
                    + ": not significant, so only the indirect effect is significant: complete mediation.");
            Double share = sameSign(indirect, cp) && e.c().estimate() != 0 ? indirect / e.c().estimate() : null;
            return new Verdict(Classification.COMPLETE_MEDIATION, framing, "complete mediation (" + framingText(framing) + ")"
                    + (share == null ? "" : ", proportion mediated " + percent(share)), steps, tests, share, null);
        }
        steps.add("Step 4 (direct effect): c' = " + num(cp) + ", " + p(e.cPrime().pValue()) + " < " + lvl
                + ": significant, go to step 5.");
        tests.add("sign of ab against sign of c'");
        if (sameSign(indirect, cp)) {
            double share = indirect / e.c().estimate();
            steps.add("Step 5 (signs): ab = " + num(indirect) + " and c' = " + num(cp)
                    + " have the same sign: partial mediation; proportion mediated ab/c = " + num(share) + " (" + percent(share) + ").");
            return new Verdict(Classification.PARTIAL_MEDIATION, framing, "partial mediation (" + framingText(framing)
                    + "), proportion mediated " + percent(share), steps, tests, share, null);
        }
        double ratio = Math.abs(indirect / cp);
        steps.add("Step 5 (signs): ab = " + num(indirect) + " and c' = " + num(cp)
                + " have opposite signs: masking effect (inconsistent mediation); |ab/c'| = " + num(ratio) + ".");
        return new Verdict(Classification.MASKING, framing, "masking effect (" + framingText(framing) + "), |ab/c'| = " + num(ratio),
                steps, tests, null, ratio);
    }

    private static boolean sameSign(double a, double b) {
        return (a >= 0) == (b >= 0);
    }

    private static String framingText(Framing f) {
        return f == Framing.MEDIATION ? "total effect significant" : "total effect not significant";
    }

    /** "p = 0.0123", or "p < 0.0001" for tiny p-values. */
    private static String p(double p) {
        String s = Formats.pValue(p);
        return s.startsWith("<") ? "p " + s.replace("<", "< ") : "p = " + s;
    }

    private static String num(double v) {
        return Formats.number(v, 4);
    }

    private static String percent(double share) {
        return Formats.fixed(100 * share, 1) + "%";
    }
}
