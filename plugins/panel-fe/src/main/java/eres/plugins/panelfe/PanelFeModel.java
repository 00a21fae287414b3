package eres.plugins.panelfe;

import eres.api.data.Panel;
import eres.api.inference.ClusterResolver;
import eres.api.inference.Clusters;
import eres.api.inference.WildClusterBootstrap;
import eres.api.panel.Diagnostics;
import eres.api.panel.Effects;
import eres.api.panel.FixedEffectsProjection;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.random.Seeds;
import eres.api.result.TestStatistic;
import eres.api.stats.Distributions;
import java.util.ArrayList;
import java.util.List;

/** Estimation of {@code panel-fe}: the fit, its tests and VIFs, the optional wild cluster bootstrap. */
final class PanelFeModel {
    private PanelFeModel() {
    }

    /** Everything {@code panel-fe} estimates; {@code wild} is empty unless requested. */
    record Results(PanelFit fit, Panel panel, List<TestStatistic> tests, List<Diagnostics.Vif> vifs, double meanVif,
                   List<WildClusterBootstrap.Result> wild) {
        Results {
            tests = List.copyOf(tests);
            vifs = List.copyOf(vifs);
            wild = List.copyOf(wild);
        }
    }

    static Results fit(PanelFeEstimator.Parameters p, Panel panel, long seed) {
        PanelRegression.Spec spec = new PanelRegression.Spec(p.y(), p.regressors(), p.effects(), p.covariance(), p.level(), p.absorb());
        PanelFit fit = PanelRegression.fit(panel, spec);
        List<TestStatistic> tests = new ArrayList<>();
        tests.add(TestStatistic.f("model-f", fit.fModel(), fit.fModelDf1(), fit.fModelDf2(), fit.fModelP(),
                "all slopes of x and controls are zero (" + p.se().label() + " covariance)"));
        if (p.effects().hasEntity()) {
            tests.add(TestStatistic.f("entity-effects-f", fit.fEntity(), fit.fEntityDf1(), fit.fEntityDf2(), fit.fEntityP(),
                    "all entity effects are zero"));
        }
        double[] e = fit.residuals();
        double[][] aux = {fit.fitted()};
        tests.add(Diagnostics.breuschPagan("breusch-pagan", e, aux, false));
        tests.add(Diagnostics.breuschPagan("breusch-pagan-koenker", e, aux, true));
        if (p.effects().hasEntity()) tests.add(groupwiseWald(panel, fit));
        List<Diagnostics.Vif> vifs = Diagnostics.vif(fit.regressors(), p.regressors());
        double meanVif = vifs.stream().mapToDouble(Diagnostics.Vif::vif).average().orElse(Double.NaN);
        if (p.wildBootstrap() != null && !p.absorb().isEmpty()) {
            throw new eres.api.SpecException("wild-bootstrap", "is not available with absorb (further absorbed factors)");
        }
        List<WildClusterBootstrap.Result> wild = p.wildBootstrap() == null ? List.of() : wild(p, panel, fit, seed);
        return new Results(fit, panel, tests, vifs, meanVif, wild);
    }

    /**
     * WCR for every x coefficient, clustered as the standard errors (the entity by default), with the
     * CR1 factor of the chosen convention; the absorbed effects' residual maker is used unless they are
     * nested in the clusters.
     */
    static List<WildClusterBootstrap.Result> wild(PanelFeEstimator.Parameters p, Panel panel, PanelFit fit, long seed) {
        Panel sample = panel.rows(fit.sampleRows());
        Clusters cl = ClusterResolver.resolve(sample, p.cluster().isEmpty() ? List.of() : p.cluster().subList(0, 1), p.effects());
        Effects ef = p.effects();
        boolean nested = ef == Effects.NONE
                || (ef == Effects.ENTITY && cl.nestedAbsorbed() == sample.entityCount() - 1)
                || (ef == Effects.TIME && cl.nestedAbsorbed() == sample.timeCount() - 1);
        FixedEffectsProjection proj = nested ? null : FixedEffectsProjection.of(sample, ef);
        int absorbed = ef == Effects.NONE ? 0 : fit.absorbedParameters();
        eres.api.inference.DegreesOfFreedom dof = eres.api.inference.DegreesOfFreedom.linear(fit.nobs(), fit.terms().size(), absorbed,
                cl.nestedAbsorbed(), ef.hasEntity() ? sample.entityCount() - 1 : 0, sample.timeCount(), p.dof());
        double factor = dof.factor(eres.api.inference.CovarianceType.CR1, cl.count());
        double[][] x = fit.design();
        double[] y = fit.response();
        List<WildClusterBootstrap.Result> out = new ArrayList<>();
        for (String term : p.x()) {
            int j = fit.terms().indexOf(term);
            out.add(WildClusterBootstrap.test(term, x, y, j, cl.codes(0), cl.count(), proj == null ? null : proj::apply, factor,
                    p.wildBootstrap().spec(p.level(), Seeds.derive(seed, "wild-" + term))));
        }
        return out;
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
