package eres.plugins.threshold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.Estimator;
import eres.api.Limits;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.inference.CovarianceSpec;
import eres.api.inference.CovarianceType;
import eres.api.inference.DofConvention;
import eres.api.inference.WildBootstrapOptions;
import eres.api.panel.Effects;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Hansen's (1999, J. Econometrics 93) fixed-effect panel threshold regression
 *
 * <pre>  y_it = mu_i + x_it' b_0 1(q_it &lt;= g_1) + x_it' b_1 1(g_1 &lt; q_it &lt;= g_2) + ... + z_it' d + e_it</pre>
 *
 * with up to three thresholds estimated sequentially by concentrated least squares (with the
 * refinement of the first), bootstrap F tests of k - 1 against k thresholds (p-values and 10/5/1 %
 * critical values), LR confidence intervals with Hansen's {@code c(alpha) = -2 ln(1 - sqrt(level))}, the
 * regime coefficient table and the LR plot. Unbalanced panels are handled exactly (per-entity within
 * transformation, {@code df = sum_i (T_i - 1)}, wild bootstrap over entities). Verified against the
 * reference numbers of Hansen's investment data in the method specification (both the deletion and the
 * all-rows conventions) and against brute-force least squares on every candidate.
 */
@Extension
public final class ThresholdEstimator implements Estimator<ThresholdEstimator.Parameters> {

    /** {@code grid}: {@code all} distinct values, or Hansen's quantile grid of N points. */
    public record Grid(int points) {
        public Grid {
            if (points < 0) throw new SpecException("grid", "must be 'all' or a positive number of points, got " + points);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Grid of(Object v) {
            if (v instanceof String s && s.trim().equalsIgnoreCase("all")) return new Grid(0);
            if (v instanceof Integer i) {
                if (i < 10) throw new SpecException("grid", "needs at least 10 points (or 'all'), got " + i);
                if (i > 1_000_000) throw new SpecException("grid", "is " + i + "; use 'all' for every distinct value");
                return new Grid(i);
            }
            throw new SpecException("grid", "must be 'all' or a number of points, got '" + v + "'");
        }

        public boolean all() {
            return points == 0;
        }

        @JsonValue
        public Object json() {
            return points == 0 ? "all" : points;
        }

        @Override
        public String toString() {
            return points == 0 ? "all" : Integer.toString(points);
        }
    }

    /** {@code model}: which model the coefficients report: {@code selected} by the tests, or 0..3 thresholds. */
    public record Model(int thresholds) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Model of(Object v) {
            if (v instanceof String s && s.trim().equalsIgnoreCase("selected")) return new Model(-1);
            if (v instanceof Integer i && i >= 0 && i <= 3) return new Model(i);
            throw new SpecException("model", "must be 'selected' or a number of thresholds 0..3, got '" + v + "'");
        }

        public boolean selected() {
            return thresholds < 0;
        }

        @JsonValue
        public Object json() {
            return thresholds < 0 ? "selected" : thresholds;
        }
    }

    /** {@code bootstrap-scheme}. */
    public enum BootstrapScheme {
        AUTO, RESIDUAL, WILD;

        @JsonCreator
        public static BootstrapScheme of(String s) {
            if (s == null) throw new SpecException("bootstrap-scheme", "is required");
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "residual", "hansen" -> RESIDUAL;
                case "wild" -> WILD;
                default -> throw new SpecException("bootstrap-scheme", "must be auto, residual or wild, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code tiny-regime}: what a regime below {@code min-regime-obs} or a collapsed LR interval does. */
    public enum TinyRegime {
        WARN, ERROR;

        @JsonCreator
        public static TinyRegime of(String s) {
            if (s == null) throw new SpecException("tiny-regime", "is required");
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "warn", "warning" -> WARN;
                case "error", "fail", "stop" -> ERROR;
                default -> throw new SpecException("tiny-regime", "must be warn or error, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parameters of {@code threshold}. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regime-dependent regressor(s): their slopes differ across regimes", required = true)
            List<String> regime,
            @Param(value = "threshold variable q", required = true) String threshold,
            @Param(value = "regime-independent regressors", defaultValue = "[]") List<String> controls,
            @Param(value = "maximum number of thresholds to estimate and test (1..3)", defaultValue = "1") Integer thresholds,
            @Param(value = "trimming proportion of each step: one number, or one per step", defaultValue = "0.01")
            List<Double> trim,
            @Param(value = "candidate thresholds: 'all' distinct values, or N for Hansen's quantile grid of N points",
                    defaultValue = "all") Grid grid,
            @Param(value = "bootstrap replications per test: one number, or one per test (0 skips the test)",
                    defaultValue = "300") List<Integer> bootstrap,
            @Param(value = "confidence level of the threshold intervals; the tests select at 1 - level", defaultValue = "0.95")
            Double level,
            @Param(value = "fixed effects: entity (Hansen, xthreg) or twoways (adds period effects as regime-independent dummies)",
                    defaultValue = "entity") Effects effects,
            @Param(value = "standard errors of the regime table: conventional, hc0-hc3 (robust = hc1), cr0-cr3 (cluster = cr1)"
                    + " or driscoll-kraay", defaultValue = "conventional") CovarianceType se,
            @Param(value = "cluster variable (entity id, time, text or numeric column); two give two-way clustering",
                    defaultValue = "the entity") List<String> cluster,
            @Param(value = "Driscoll-Kraay maximum lag", defaultValue = "floor(4 (T/100)^(2/9))") Integer dkLag,
            @Param(value = "degrees-of-freedom convention: stata (xtreg; Hansen's with delete-last-period) or r",
                    defaultValue = "stata") DofConvention dof,
            @Param(value = "restricted wild cluster bootstrap of the regime coefficients (given the thresholds): {reps, weights}",
                    defaultValue = "none") WildBootstrapOptions wildBootstrap,
            @Param(value = "fewest observations a regime of a reported model may have before its coefficients lose their stars",
                    defaultValue = "10") Integer minRegimeObs,
            @Param(value = "what a regime below min-regime-obs or a collapsed threshold interval does: warn (no stars) or error",
                    defaultValue = "warn") TinyRegime tinyRegime,
            @Param(value = "lags of y added as regime-independent regressors (dynamic variant, Nickell-biased)",
                    defaultValue = "0") Integer lagsOfY,
            @Param(value = "bootstrap scheme: auto (residual if balanced, else wild), residual (Hansen) or wild",
                    defaultValue = "auto") BootstrapScheme bootstrapScheme,
            @Param(value = "lower regime is q < gamma (Hansen's code) instead of q <= gamma (xthreg)", defaultValue = "false")
            Boolean strictLower,
            @Param(value = "drop each entity's last demeaned period, as Hansen's code does", defaultValue = "false")
            Boolean deleteLastPeriod,
            @Param(value = "model of the coefficients: 'selected' by the bootstrap tests, or 0..3 thresholds",
                    defaultValue = "selected") Model model,
            @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {

        public Parameters {
            List<SpecException.Problem> problems = new ArrayList<>();
            if (y == null) problems.add(new SpecException.Problem("y", "is required"));
            if (regime == null || regime.isEmpty()) {
                problems.add(new SpecException.Problem("regime", "needs at least one regime-dependent regressor"));
            }
            if (threshold == null) problems.add(new SpecException.Problem("threshold", "is required (the threshold variable)"));
            regime = regime == null ? List.of() : List.copyOf(regime);
            controls = controls == null ? List.of() : List.copyOf(controls);
            thresholds = thresholds == null ? 1 : thresholds;
            trim = trim == null ? List.of(0.01) : List.copyOf(trim);
            grid = grid == null ? new Grid(0) : grid;
            bootstrap = bootstrap == null ? List.of(300) : List.copyOf(bootstrap);
            level = level == null ? 0.95 : level;
            effects = effects == null ? Effects.ENTITY : effects;
            se = se == null ? CovarianceType.CONVENTIONAL : se;
            cluster = cluster == null ? List.of() : List.copyOf(cluster);
            dof = dof == null ? DofConvention.STATA : dof;
            minRegimeObs = minRegimeObs == null ? 10 : minRegimeObs;
            tinyRegime = tinyRegime == null ? TinyRegime.WARN : tinyRegime;
            lagsOfY = lagsOfY == null ? 0 : lagsOfY;
            bootstrapScheme = bootstrapScheme == null ? BootstrapScheme.AUTO : bootstrapScheme;
            strictLower = strictLower != null && strictLower;
            deleteLastPeriod = deleteLastPeriod != null && deleteLastPeriod;
            model = model == null ? new Model(-1) : model;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            if (thresholds < 1 || thresholds > 3) {
                problems.add(new SpecException.Problem("thresholds", "must be 1, 2 or 3, got " + thresholds));
            }
            if (trim.isEmpty() || trim.size() > 3) {
                problems.add(new SpecException.Problem("trim", "needs one value or one per step (at most 3), got " + trim.size()));
            }
            for (Double t : trim) {
                if (t == null || !(t >= 0 && t < 0.5)) {
                    problems.add(new SpecException.Problem("trim", "must be in [0, 0.5), got " + t));
                }
            }
            if (bootstrap.isEmpty() || bootstrap.size() > 3) {
                problems.add(new SpecException.Problem("bootstrap", "needs one count or one per test (at most 3), got "
                        + bootstrap.size()));
            }
            for (Integer b : bootstrap) {
                if (b == null) problems.add(new SpecException.Problem("bootstrap", "has an empty entry"));
                else {
                    try {
                        Limits.replications("bootstrap", b);
                    } catch (SpecException e) {
                        problems.addAll(e.problems());
                    }
                }
            }
            if (!(level > 0 && level < 1)) problems.add(new SpecException.Problem("level", "must be in (0, 1), got " + level));
            if (effects != Effects.ENTITY && effects != Effects.TWOWAYS) {
                problems.add(new SpecException.Problem("effects", "must be entity or twoways (the threshold model always has entity"
                        + " effects), got " + effects.label()));
            }
            try {
                new CovarianceSpec(se, cluster, dkLag, dof);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
            if (deleteLastPeriod && se.usesLeverage()) {
                problems.add(new SpecException.Problem("se", se.label() + " needs the leverages of the dummy-variable design, which"
                        + " Hansen's deletion of the last period does not have; use delete-last-period: false"));
            }
            if (wildBootstrap != null && cluster.size() > 1) {
                problems.add(new SpecException.Problem("wild-bootstrap", "is available with one cluster variable, not two-way clustering"));
            }
            if (minRegimeObs < 1) problems.add(new SpecException.Problem("min-regime-obs", "must be at least 1, got " + minRegimeObs));
            if (lagsOfY < 0 || lagsOfY > 4) problems.add(new SpecException.Problem("lags-of-y", "must be 0..4, got " + lagsOfY));
            if (!model.selected() && model.thresholds() > thresholds) {
                problems.add(new SpecException.Problem("model", "asks for " + model.thresholds() + " thresholds but only "
                        + thresholds + " are estimated ('thresholds')"));
            }
            List<String> all = new ArrayList<>();
            if (y != null) all.add(y);
            all.addAll(regime);
            all.addAll(controls);
            if (new LinkedHashSet<>(all).size() != all.size()) {
                problems.add(new SpecException.Problem("controls", "y, regime and controls must be distinct variables: " + all));
            }
            if (!problems.isEmpty()) throw new SpecException(problems);
        }

        /** The validated covariance request of the regime table. */
        public CovarianceSpec covariance() {
            return new CovarianceSpec(se, cluster, dkLag, dof);
        }

        /** Trimming of step k (1-based): the k-th value, else the last one given. */
        double trimOf(int k) {
            return trim.get(Math.min(k, trim.size()) - 1);
        }

        int bootstrapOf(int k) {
            return bootstrap.get(Math.min(k, bootstrap.size()) - 1);
        }
    }

    @Override
    public String id() {
        return "threshold";
    }

    @Override
    public String description() {
        return "Hansen (1999) fixed-effect panel threshold regression: 1-3 thresholds, bootstrap F tests, LR intervals and plot";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    /** One threshold estimate as reported in results.json. */
    public record ThresholdEstimate(String name, int model, double value, double ciLow, double ciHigh, boolean ciIsInterval,
                                    double ssr, int candidates, int singularCandidates) {
    }

    /** One F test as reported in results.json (xthreg's "Threshold effect test" row). */
    public record ThresholdTest(String model, int thresholds, double rss, double mse, double f, Double pValue, Double crit10,
                                Double crit5, Double crit1, int replications, int failedReplications) {
    }

    /** A regime of the reported model; {@code lower}/{@code upper} null when unbounded. */
    public record RegimeInfo(int index, String term, String bounds, Double lower, Double upper, int observations) {
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        ThresholdModel.Results r = ThresholdModel.fit(p, context);
        return ThresholdReport.of(p, r, context.seed());
    }
}
