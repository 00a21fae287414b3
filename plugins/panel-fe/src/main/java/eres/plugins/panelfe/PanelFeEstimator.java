package eres.plugins.panelfe;

import eres.api.Estimator;
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
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Linear panel regression with fixed effects, the study's baseline (its Tables 3 and A1): pooled,
 * entity, time or two-way effects; every covariance type of the inference layer (conventional, HC0-HC3,
 * CR0-CR3, two-way clustering, Driscoll–Kraay) with Stata's or R's degrees of freedom; the restricted
 * wild cluster bootstrap on request; within/between/overall R^2; the F test of the entity effects;
 * Breusch–Pagan (original and Koenker) on the LSDV fit; the modified Wald test for groupwise
 * heteroskedasticity; VIFs. Estimation ({@link PanelFeModel}) is separate from presentation
 * ({@link PanelFeReport}). Verified against R plm 2.6-2 / sandwich / clubSandwich with Stata's
 * small-sample factors (fixtures in this module and in eres-api).
 */
@Extension
public final class PanelFeEstimator implements Estimator<PanelFeEstimator.Parameters> {

    /** Parameters of {@code panel-fe}, validated when bound (before any data are read). */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regressors of interest", required = true) List<String> x,
            @Param(value = "control variables", defaultValue = "[]") List<String> controls,
            @Param(value = "fixed effects: pooled, entity, time or twoways", defaultValue = "twoways") Effects effects,
            @Param(value = "standard errors: conventional, hc0-hc3 (robust = hc1), cr0-cr3 (cluster = cr1) or driscoll-kraay",
                    defaultValue = "cluster") CovarianceType se,
            @Param(value = "cluster variable(s): one, or two for two-way clustering (entity id, time, text or numeric column)",
                    defaultValue = "the entity") List<String> cluster,
            @Param(value = "Driscoll-Kraay maximum lag", defaultValue = "floor(4 (T/100)^(2/9)) (stata), floor(T^(1/4)) (r)") Integer dkLag,
            @Param(value = "degrees-of-freedom convention: stata (xtreg) or r (plm/sandwich)", defaultValue = "stata") DofConvention dof,
            @Param(value = "restricted wild cluster bootstrap of the x coefficients: {reps, weights: webb|rademacher}",
                    defaultValue = "none") WildBootstrapOptions wildBootstrap,
            @Param(value = "confidence level of the intervals", defaultValue = "0.95") Double level,
            @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels,
            @Param(value = "further fixed effects to absorb (text or integer columns, e.g. [industry]); singletons are then"
                    + " dropped as reghdfe does", defaultValue = "[]") List<String> absorb) {
        public Parameters {
            absorb = absorb == null ? List.of() : List.copyOf(absorb);
            if (y == null) throw new SpecException("y", "is required");
            if (x == null || x.isEmpty()) throw new SpecException("x", "needs at least one regressor");
            controls = controls == null ? List.of() : List.copyOf(controls);
            x = List.copyOf(x);
            effects = effects == null ? Effects.TWOWAYS : effects;
            se = se == null ? CovarianceType.CR1 : se;
            cluster = cluster == null ? List.of() : List.copyOf(cluster);
            dof = dof == null ? DofConvention.STATA : dof;
            level = level == null ? 0.95 : level;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
            for (String c : controls) if (x.contains(c)) throw new SpecException("controls", "'" + c + "' is also in x");
            new CovarianceSpec(se, cluster, dkLag, dof);
            if (wildBootstrap != null && cluster.size() > 1) {
                throw new SpecException("wild-bootstrap", "is available with one cluster variable, not two-way clustering");
            }
        }

        /** Without further absorbed factors. */
        public Parameters(String y, List<String> x, List<String> controls, Effects effects, CovarianceType se, List<String> cluster,
                          Integer dkLag, DofConvention dof, WildBootstrapOptions wildBootstrap, Double level, Map<String, String> labels) {
            this(y, x, controls, effects, se, cluster, dkLag, dof, wildBootstrap, level, labels, null);
        }

        /** The earlier string form: effects, se (conventional, robust, cluster) and one cluster column. */
        public Parameters(String y, List<String> x, List<String> controls, String effects, String se, String cluster, Double level,
                          Map<String, String> labels) {
            this(y, x, controls, effects == null ? null : Effects.of(effects), se == null ? null : CovarianceType.of(se),
                    cluster == null ? null : List.of(cluster), null, null, null, level, labels, null);
        }

        /** The validated covariance request. */
        public CovarianceSpec covariance() {
            return new CovarianceSpec(se, cluster, dkLag, dof);
        }

        List<String> regressors() {
            List<String> r = new ArrayList<>(x);
            r.addAll(controls);
            return r;
        }
    }

    @Override
    public String id() {
        return "panel-fe";
    }

    @Override
    public String description() {
        return "Fixed-effects panel regression (pooled/entity/time/two-way; conventional, HC0-3, CR0-3, two-way cluster,"
                + " Driscoll-Kraay SE; wild cluster bootstrap; BP test; VIF)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        PanelFeModel.Results r = PanelFeModel.fit(p, context.panel(), context.seed());
        return PanelFeReport.of(p, r);
    }
}
