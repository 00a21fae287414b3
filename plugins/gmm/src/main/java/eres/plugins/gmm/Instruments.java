package eres.plugins.gmm;

import eres.api.Param;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The two kinds of instrument groups of {@code gmm}, as in Stata's xtabond2 {@code gmmstyle()} and {@code ivstyle()}. */
public final class Instruments {
    private Instruments() {
    }

    /** Which equation(s) of system GMM a group instruments. */
    enum Equation {
        BOTH, DIFF, LEVEL;

        static Equation parse(String path, String s) {
            if (s == null) return BOTH;
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "both" -> BOTH;
                case "diff", "transformed" -> DIFF;
                case "level", "levels" -> LEVEL;
                default -> throw new SpecException(path, "must be both, diff or level, got '" + s + "'");
            };
        }
    }

    /**
     * A GMM-style group (xtabond2 {@code gmmstyle(vars, laglimits(a b) collapse equation())}): for the
     * transformed equation at period t the levels {@code w_{t-l}}, {@code a <= l <= b}, one column per
     * period and lag (or per lag when collapsed), missing values as zeros; for the levels equation of
     * system GMM the first difference {@code D.w_{t-a+1}} (dated t when a = 0), or with
     * {@code equation: level} the differences dated t-b .. t-a.
     *
     * @param vars     variables (a name may carry a lag, {@code L.w}, {@code L2.w})
     * @param lags     {@code [a]} (a .. all available) or {@code [a, b]}; default {@code [1]} as xtabond2
     * @param collapse one column per lag instead of per period and lag; default: the step's {@code collapse}
     * @param equation both (default), diff or level
     */
    public record GmmStyle(
            @Param(value = "variables whose lags instrument (L.w, L2.w allowed)", required = true) List<String> vars,
            @Param(value = "lag limits [a] or [a, b] (b omitted: all available)", defaultValue = "[1]") List<Integer> lags,
            @Param(value = "one instrument per lag instead of per period and lag", defaultValue = "the step's collapse")
            Boolean collapse,
            @Param(value = "equation(s) instrumented: both, diff or level", defaultValue = "both") String equation) {
        public GmmStyle {
            List<SpecException.Problem> problems = new ArrayList<>();
            if (vars == null || vars.isEmpty()) problems.add(new SpecException.Problem("gmm.vars", "needs at least one variable"));
            boolean nulls = lags != null && lags.stream().anyMatch(java.util.Objects::isNull);
            lags = lags == null ? List.of(1) : nulls ? List.of() : List.copyOf(lags);
            if (lags.isEmpty() || lags.size() > 2) {
                problems.add(new SpecException.Problem("gmm.lags", "must be [a] or [a, b], got " + lags));
            } else {
                if (lags.get(0) < 0) problems.add(new SpecException.Problem("gmm.lags", "must be >= 0, got " + lags));
                if (lags.size() == 2 && lags.get(1) < lags.get(0)) {
                    problems.add(new SpecException.Problem("gmm.lags", "must be [a, b] with a <= b, got " + lags));
                }
            }
            if (!problems.isEmpty()) throw new SpecException(problems);
            vars = List.copyOf(vars);
            equation = Equation.parse("gmm.equation", equation).name().toLowerCase(Locale.ROOT);
        }

        int first() {
            return lags.get(0);
        }

        /** Last lag, or {@link Integer#MAX_VALUE} for all available. */
        int last() {
            return lags.size() == 2 ? lags.get(1) : Integer.MAX_VALUE;
        }

        Equation eq() {
            return Equation.parse("gmm.equation", equation);
        }

        String label() {
            return "gmm(" + String.join(" ", vars) + ", lag(" + first() + " " + (last() == Integer.MAX_VALUE ? "." : last()) + ")"
                    + (Boolean.TRUE.equals(collapse) ? " collapse" : "") + (eq() == Equation.BOTH ? "" : " eq(" + equation + ")") + ")";
        }
    }

    /**
     * An IV-style group (xtabond2 {@code ivstyle(vars, equation() passthru)}): one column per variable,
     * transformed (differenced or orthogonal deviations) for the transformed equation unless
     * {@code passthru}, in levels for the levels equation.
     */
    public record IvStyle(
            @Param(value = "instrument variables (L.w allowed)", required = true) List<String> vars,
            @Param(value = "equation(s) instrumented: both, diff or level", defaultValue = "both") String equation,
            @Param(value = "enter the variables untransformed in the transformed equation", defaultValue = "false")
            Boolean passthru) {
        public IvStyle {
            if (vars == null || vars.isEmpty()) throw new SpecException("iv.vars", "needs at least one variable");
            vars = List.copyOf(vars);
            equation = Equation.parse("iv.equation", equation).name().toLowerCase(Locale.ROOT);
            passthru = passthru != null && passthru;
        }

        Equation eq() {
            return Equation.parse("iv.equation", equation);
        }

        String label() {
            return "iv(" + String.join(" ", vars) + (eq() == Equation.BOTH ? "" : ", eq(" + equation + ")") + (passthru ? " passthru" : "")
                    + ")";
        }
    }
}
