package eres.plugins.gmm;

import eres.api.Estimator;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.result.StepResult;
import eres.plugins.gmm.Instruments.GmmStyle;
import eres.plugins.gmm.Instruments.IvStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Dynamic panel GMM (Stata {@code xtabond2}; R {@code plm::pgmm}):
 *
 * <pre>  y_it = sum_{l=1..p} a_l y_{i,t-l} + x_it' b + d_t + eta_i + e_it</pre>
 *
 * estimated by difference GMM (Arellano &amp; Bond 1991: the first-differenced or forward-orthogonal-
 * deviations equation instrumented with lagged levels) or system GMM (Arellano &amp; Bover 1995; Blundell
 * &amp; Bond 1998: adds the levels equation instrumented with lagged differences), one- or two-step with
 * Windmeijer's (2005) corrected two-step covariance; GMM-style instrument groups with lag limits and
 * collapsing, IV-style groups; Hansen J, Sargan, difference-in-Hansen per group, Arellano-Bond AR tests.
 * Conventions are xtabond2's (see docs/methods/gmm.md for plm's and the options that give them).
 * Verified against plm 2.6-2 on the Arellano-Bond (1991) EmplUK data and against published xtabond2 output.
 */
@Extension
public final class GmmEstimator implements Estimator<GmmEstimator.Parameters> {

    /** Parameters of {@code gmm}. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "lags of y as regressors (0..10)", defaultValue = "1") Integer lags,
            @Param(value = "other regressors (L.w, L2.w for lags)", defaultValue = "[]") List<String> x,
            @Param(value = "GMM-style instrument groups: {vars, lags: [a] or [a, b], collapse, equation}",
                    defaultValue = "[{vars: [y], lags: [2]}]") List<GmmStyle> gmm,
            @Param(value = "IV-style instrument groups: {vars, equation, passthru}",
                    defaultValue = "every x not in a gmm group, both equations") List<IvStyle> iv,
            @Param(value = "estimator: system (Blundell-Bond) or difference (Arellano-Bond)", defaultValue = "system") String model,
            @Param(value = "transformation of the equation: fd (first differences) or fod (forward orthogonal deviations)",
                    defaultValue = "fd") String transformation,
            @Param(value = "1 (one-step) or 2 (two-step)", defaultValue = "1") Integer steps,
            @Param(value = "standard errors: conventional, or robust (one-step: cluster-robust; two-step: Windmeijer)",
                    defaultValue = "conventional") String se,
            @Param(value = "period dummies as regressors and IV-style instruments", defaultValue = "true") Boolean timeDummies,
            @Param(value = "equations the period dummies instrument in system GMM: both (xtabond2 iv(yr*)) or level (plm)",
                    defaultValue = "both") String dummyInstruments,
            @Param(value = "constant in the levels equation of system GMM (xtabond2; plm: false without period dummies)",
                    defaultValue = "true") Boolean constant,
            @Param(value = "one-step weighting kernel H: 1 (identity), 2 (zero cross blocks), 3 (full; plm 'full')",
                    defaultValue = "3") Integer h,
            @Param(value = "default for gmm groups: one instrument per lag (xtabond2 collapse)", defaultValue = "false")
            Boolean collapse,
            @Param(value = "t and F statistics instead of z and chi2 (xtabond2 small)", defaultValue = "false") Boolean small,
            @Param(value = "highest order of the Arellano-Bond tests", defaultValue = "2") Integer arTests,
            @Param(value = "difference-in-Hansen tests for each instrument group", defaultValue = "true") Boolean diffHansen,
            @Param(value = "confidence level of the intervals", defaultValue = "0.95") Double level,
            @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {

        public Parameters {
            List<SpecException.Problem> problems = new ArrayList<>();
            if (y == null) problems.add(new SpecException.Problem("y", "is required"));
            lags = lags == null ? 1 : lags;
            x = x == null ? List.of() : List.copyOf(x);
            model = model == null ? "system" : model.toLowerCase(Locale.ROOT);
            transformation = transformation == null ? "fd" : transformation.toLowerCase(Locale.ROOT);
            steps = steps == null ? 1 : steps;
            se = se == null ? "conventional" : se.toLowerCase(Locale.ROOT);
            timeDummies = timeDummies == null || timeDummies;
            dummyInstruments = dummyInstruments == null ? "both" : dummyInstruments.toLowerCase(Locale.ROOT);
            constant = constant == null || constant;
            h = h == null ? 3 : h;
            collapse = collapse != null && collapse;
            small = small != null && small;
            arTests = arTests == null ? 2 : arTests;
            diffHansen = diffHansen == null || diffHansen;
            level = level == null ? 0.95 : level;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            if (lags < 0 || lags > 10) problems.add(new SpecException.Problem("lags", "must be 0..10, got " + lags));
            if (!List.of("system", "difference").contains(model)) {
                problems.add(new SpecException.Problem("model", "must be system or difference, got '" + model + "'"));
            }
            if (!List.of("fd", "fod").contains(transformation)) {
                problems.add(new SpecException.Problem("transformation", "must be fd or fod, got '" + transformation + "'"));
            }
            if (steps != 1 && steps != 2) problems.add(new SpecException.Problem("steps", "must be 1 or 2, got " + steps));
            if (!List.of("conventional", "robust").contains(se)) {
                problems.add(new SpecException.Problem("se", "must be conventional or robust, got '" + se + "'"));
            }
            if (!List.of("both", "level").contains(dummyInstruments)) {
                problems.add(new SpecException.Problem("dummy-instruments", "must be both or level, got '" + dummyInstruments + "'"));
            }
            if (h < 1 || h > 3) problems.add(new SpecException.Problem("h", "must be 1, 2 or 3, got " + h));
            if (arTests < 0 || arTests > 10) problems.add(new SpecException.Problem("ar-tests", "must be 0..10, got " + arTests));
            if (!(level > 0 && level < 1)) problems.add(new SpecException.Problem("level", "must be in (0, 1), got " + level));
            if (y != null && x.contains(y)) problems.add(new SpecException.Problem("x", "contains y itself ('" + y + "'); use lags"));
            if (new LinkedHashSet<>(x).size() != x.size()) problems.add(new SpecException.Problem("x", "lists a variable twice: " + x));
            if (lags == 0 && x.isEmpty()) problems.add(new SpecException.Problem("x", "needs a regressor when lags is 0"));
            if (y != null) {
                gmm = gmm == null ? List.of(new GmmStyle(List.of(y), List.of(2), null, null)) : List.copyOf(gmm);
                if (iv == null) {
                    List<String> exo = new ArrayList<>();
                    for (String v : x) {
                        boolean inGmm = false;
                        for (GmmStyle g : gmm) inGmm |= g.vars().contains(v);
                        if (!inGmm) exo.add(v);
                    }
                    iv = exo.isEmpty() ? List.of() : List.of(new IvStyle(exo, null, null));
                } else {
                    iv = List.copyOf(iv);
                }
                if (gmm.isEmpty() && iv.isEmpty()) {
                    problems.add(new SpecException.Problem("gmm", "no instruments: give a gmm or an iv group"));
                }
            }
            if (!problems.isEmpty()) throw new SpecException(problems);
        }

        boolean system() {
            return model.equals("system");
        }
    }

    @Override
    public String id() {
        return "gmm";
    }

    @Override
    public String description() {
        return "Dynamic panel GMM: Arellano-Bond difference and Blundell-Bond system GMM, one/two-step (Windmeijer),"
                + " Hansen/Sargan, difference-in-Hansen, AR(1)/AR(2) tests (xtabond2 conventions)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        String where = context.group().map(g -> "group '" + g + "': ").orElse("");
        Design.Config cfg = new Design.Config(p.y(), p.lags(), p.x(), p.gmm(), p.iv(), p.system(), p.transformation().equals("fod"),
                p.timeDummies(), p.dummyInstruments().equals("level"), p.constant(), p.h(), p.collapse(), where);
        Design design = new Design(context.panel(), cfg);
        Moments moments = design.reduce(context.parallelism());
        GmmResult result = GmmResult.estimate(p, moments, where);
        return GmmReport.build(p, design, moments, result);
    }
}
