package eres.plugins.panelfe;

import eres.api.panel.Diagnostics;
import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.api.stats.Distributions;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import eres.api.Estimator;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Linear panel regression with fixed effects, the study's baseline (its Tables 3 and A1): pooled,
 * entity, time or two-way effects; conventional, HC1 or cluster-robust standard errors with Stata's
 * conventions; within/between/overall R^2; the F test of the entity effects; Breusch–Pagan
 * (original and Koenker) on the LSDV fit; the modified Wald test for groupwise heteroskedasticity;
 * VIFs. Verified against R plm 2.6-2 with Stata's small-sample factors (fixtures in this module).
 */
@Extension
public final class PanelFeEstimator implements Estimator<PanelFeEstimator.Parameters> {

    /** Parameters of {@code panel-fe}. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regressors of interest", required = true) List<String> x,
            @Param(value = "control variables", defaultValue = "[]") List<String> controls,
            @Param(value = "fixed effects: pooled, entity, time or twoways", defaultValue = "twoways") String effects,
            @Param(value = "standard errors: conventional, robust (HC1) or cluster", defaultValue = "cluster") String se,
            @Param(value = "cluster variable (text or numeric column)", defaultValue = "the entity") String cluster,
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
            effects = effects == null ? "twoways" : effects;
            se = se == null ? "cluster" : se;
            level = level == null ? 0.95 : level;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            Effects.parse("effects", effects);
            VcovType.parse("se", se);
            if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
            for (String c : controls) if (x.contains(c)) throw new SpecException("controls", "'" + c + "' is also in x");
        }

        public Parameters(String y, List<String> x, List<String> controls, String effects, String se, String cluster, Double level,
                          Map<String, String> labels) {
            this(y, x, controls, effects, se, cluster, level, labels, null);
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
        return "Fixed-effects panel regression (pooled/entity/time/two-way; conventional, HC1, cluster SE; BP test; VIF)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        Effects effects = Effects.parse("effects", p.effects());
        VcovType vcov = VcovType.parse("se", p.se());
        Panel panel = context.panel();
        PanelRegression.Spec spec = new PanelRegression.Spec(p.y(), p.regressors(), effects, vcov, p.cluster(), p.level(),
                p.absorb());
        PanelFit fit = PanelRegression.fit(panel, spec);

        StepResult.Builder b = StepResult.builder().coefficients(fit.coefficients());
        b.statistic("nobs", fit.nobs());
        b.statistic("groups", fit.groups());
        b.statistic("periods", fit.periods());
        b.statistic("effects", effects.label());
        b.statistic("se", vcov.label());
        if (vcov == VcovType.CLUSTER) {
            b.statistic("clusters", fit.clusters());
            b.statistic("clusterVariable", fit.clusterVariable());
        }
        b.statistic("dfResid", fit.dfResid());
        b.statistic("dfT", fit.dfT());
        b.statistic("r2", fit.r2());
        if (effects == Effects.NONE) {
            b.statistic("r2Adjusted", fit.r2Adjusted());
        } else {
            b.statistic("r2Within", fit.r2());
            b.statistic("r2Between", fit.r2Between());
            b.statistic("r2Overall", fit.r2Overall());
        }
        b.statistic("ssr", fit.ssr());
        b.statistic("sigmaE", fit.sigmaE());
        if (effects.hasEntity()) {
            b.statistic("sigmaU", fit.sigmaU());
            b.statistic("rho", fit.rho());
        }
        b.statistic("constant", fit.constant());
        b.statistic("droppedRows", fit.droppedRows());
        if (!p.absorb().isEmpty()) {
            b.statistic("absorbed", String.join(", ", p.absorb()));
            b.statistic("singletons", fit.singletons());
            if (fit.singletons() > 0) {
                b.warning("singletons", fit.singletons() + " singleton observation(s) dropped (alone in a level of an absorbed"
                        + " effect; reghdfe's rule)");
            }
        }
        b.statistic("level", p.level());

        List<TestStatistic> tests = new ArrayList<>();
        tests.add(TestStatistic.f("model-f", fit.fModel(), fit.fModelDf1(), fit.fModelDf2(), fit.fModelP(),
                "all slopes of x and controls are zero (" + vcov.label() + " covariance)"));
        if (effects.hasEntity()) {
            tests.add(TestStatistic.f("entity-effects-f", fit.fEntity(), fit.fEntityDf1(), fit.fEntityDf2(), fit.fEntityP(),
                    "all entity effects are zero"));
        }
        double[] e = fit.residuals();
        double[][] aux = {fit.fitted()};
        tests.add(Diagnostics.breuschPagan("breusch-pagan", e, aux, false));
        tests.add(Diagnostics.breuschPagan("breusch-pagan-koenker", e, aux, true));
        if (effects.hasEntity()) tests.add(groupwiseWald(panel, fit));
        tests.forEach(b::test);

        List<Diagnostics.Vif> vifs = Diagnostics.vif(fit.regressors(), p.regressors());
        double meanVif = vifs.stream().mapToDouble(Diagnostics.Vif::vif).average().orElse(Double.NaN);
        Map<String, Object> vifSection = new LinkedHashMap<>();
        vifSection.put("values", vifs);
        vifSection.put("mean", meanVif);
        b.section("vif", vifSection);
        for (Diagnostics.Vif v : vifs) {
            if (v.vif() > 10) b.warning("high-vif", "VIF of '" + v.term() + "' is " + Formats.fixed(v.vif(), 2) + " (> 10)");
        }
        if (fit.droppedRows() > 0) {
            b.warning("dropped-missing", fit.droppedRows() + " row(s) with a missing value in y or x were dropped");
        }
        if (vcov == VcovType.CLUSTER && fit.clusters() < 20) {
            b.warning("few-clusters", "only " + fit.clusters() + " clusters: cluster-robust standard errors may be unreliable"
                    + " (Cameron, Gelbach & Miller 2008)");
        }

        b.table(regressionTable(p, effects, vcov, fit));
        b.table(testsTable(tests));
        b.table(vifTable(vifs, meanVif, p.labels()));
        return b.build();
    }

    static Table regressionTable(Parameters p, Effects effects, VcovType vcov, PanelFit fit) {
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put("Entity FE", effects.hasEntity() ? "Yes" : "No");
        footer.put("Time FE", effects.hasTime() ? "Yes" : "No");
        footer.put("Observations", Formats.count(fit.nobs()));
        footer.put(effects == Effects.NONE ? "R-squared" : "R-squared (within)", Formats.fixed(fit.r2(), 4));
        footer.put("Entities", Formats.count(fit.groups()));
        return new RegressionTable("coefficients", "Fixed-effects regression of " + label(p.labels(), p.y()))
                .stub("Variable")
                .labels(p.labels())
                .column("(1)", fit.coefficients(), footer)
                .note(switch (vcov) {
                    case CONVENTIONAL -> "Conventional standard errors.";
                    case ROBUST -> "Heteroskedasticity-robust (HC1) standard errors.";
                    case CLUSTER -> "Standard errors clustered by " + fit.clusterVariable() + " (" + fit.clusters() + " clusters).";
                })
                .build();
    }

    static Table testsTable(List<TestStatistic> tests) {
        Table.Builder t = Table.builder("tests", "Specification tests").stub("Test").columns("Statistic", "df", "p-value");
        for (TestStatistic s : tests) {
            String df = s.df() == null ? "" : s.df2() == null ? Formats.number(s.df(), 0) : Formats.number(s.df(), 0) + ", " + Formats.number(s.df2(), 0);
            t.row(s.name(), Formats.fixed(s.statistic(), 4), df, Formats.pValue(s.pValue()));
        }
        return t.note("breusch-pagan: Stata estat hettest on the LSDV fitted values (normal errors); -koenker: studentized n R^2.")
                .build();
    }

    static Table vifTable(List<Diagnostics.Vif> vifs, double mean, Map<String, String> labels) {
        Table.Builder t = Table.builder("vif", "Variance inflation factors").stub("Variable").columns("VIF", "1/VIF");
        for (Diagnostics.Vif v : vifs) t.row(label(labels, v.term()), Formats.fixed(v.vif(), 3), Formats.fixed(v.tolerance(), 4));
        t.footer("Mean VIF", Formats.fixed(mean, 3), "");
        return t.note("Pooled OLS of each regressor on the others with a constant (Stata estat vif).").build();
    }

    static String label(Map<String, String> labels, String v) {
        return labels.getOrDefault(v, v);
    }

    /**
     * Modified Wald test for groupwise heteroskedasticity in FE residuals (Greene 2000, p. 598; Stata
     * {@code xttest3}): {@code W = sum_i (s_i^2 - s^2)^2 / V_i}, chi2(G), with {@code s_i^2 = e_i'e_i/T_i},
     * {@code s^2 = SSR/n}, {@code V_i = sum_t (e_it^2 - s_i^2)^2 / (T_i (T_i - 1))}.
     */
    static TestStatistic groupwiseWald(Panel panel, PanelFit fit) {
        double[] e = fit.residuals();
        int[] rows = fit.sampleRows();
        int g = panel.entityCount();
        double[] sum = new double[g];
        int[] count = new int[g];
        for (int i = 0; i < e.length; i++) {
            int k = panel.entityIndex(rows[i]);
            sum[k] += e[i] * e[i];
            count[k]++;
        }
        double s2 = fit.ssr() / e.length;
        double[] v = new double[g];
        for (int i = 0; i < e.length; i++) {
            int k = panel.entityIndex(rows[i]);
            double si = sum[k] / count[k];
            v[k] += (e[i] * e[i] - si) * (e[i] * e[i] - si);
        }
        double w = 0;
        int used = 0;
        for (int k = 0; k < g; k++) {
            if (count[k] < 2) continue;
            double vk = v[k] / (count[k] * (count[k] - 1.0));
            double si = sum[k] / count[k];
            if (vk > 0) {
                w += (si - s2) * (si - s2) / vk;
                used++;
            }
        }
        if (used == 0) return TestStatistic.notApplicable("wald-groupwise", "no entity with two or more observations");
        return TestStatistic.chi2("wald-groupwise", w, used, Distributions.chi2Upper(w, used),
                "equal error variance across entities (modified Wald, xttest3)");
    }
}
