package eres.plugins.panelfe;

import eres.api.inference.CovarianceEstimate;
import eres.api.inference.WildClusterBootstrap;
import eres.api.panel.Diagnostics;
import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Presentation of {@code panel-fe}: results.json keys, sections, tables and warnings from the typed results. */
final class PanelFeReport {
    private PanelFeReport() {
    }

    static StepResult of(PanelFeEstimator.Parameters p, PanelFeModel.Results r) {
        PanelFit fit = r.fit();
        Effects effects = p.effects();
        CovarianceEstimate cov = fit.covariance();
        StepResult.Builder b = StepResult.builder().coefficients(fit.coefficients());
        statistics(b, p, fit);
        r.tests().forEach(b::test);
        Map<String, Object> vifSection = new LinkedHashMap<>();
        vifSection.put("values", r.vifs());
        vifSection.put("mean", r.meanVif());
        b.section("vif", vifSection);
        b.section("summary", fit.summary());
        b.section("covariance", fit.covarianceMatrix());
        if (!r.wild().isEmpty()) b.section("wildBootstrap", r.wild());
        for (Diagnostics.Vif v : r.vifs()) {
            if (v.vif() > 10) b.warning("high-vif", "VIF of '" + v.term() + "' is " + Formats.fixed(v.vif(), 2) + " (> 10)");
        }
        if (fit.droppedRows() > 0) {
            b.warning("dropped-missing", fit.droppedRows() + " row(s) with a missing value in y or x"
                    + (fit.droppedMissingCluster() > 0 ? " (" + fit.droppedMissingCluster() + " with no cluster label)" : "") + " were dropped");
        }
        if (cov.type().clustered() && cov.clusters() < 20) {
            b.warning("few-clusters", "only " + cov.clusters() + " clusters: cluster-robust standard errors may be unreliable"
                    + " (Cameron, Gelbach & Miller 2008)" + (r.wild().isEmpty() ? "; the wild cluster bootstrap (wild-bootstrap: {}) is the"
                    + " recommended inference with few clusters (Roodman et al. 2019)" : ""));
        }
        cov.warnings().forEach(w -> b.warning("covariance", w));
        if (fit.singletons() > 0) {
            b.warning("singletons", fit.singletons() + " singleton observation(s) dropped (alone in a level of an absorbed effect;"
                    + " reghdfe's rule)");
        }
        Table reg = regressionTable(p, effects, fit);
        if (!r.wild().isEmpty()) {
            reg = new Table(reg.id(), reg.title(), reg.stub(), reg.columns(), reg.spans(), reg.rows(), appended(reg.notes(),
                    "With " + cov.clusters() + " clusters, see the wild cluster bootstrap (WCR) p-values and confidence sets in table"
                            + " wild-bootstrap."));
        }
        b.table(reg);
        b.table(testsTable(r.tests()));
        b.table(vifTable(r.vifs(), r.meanVif(), p.labels()));
        if (!r.wild().isEmpty()) b.table(wildTable(p, r.wild()));
        return b.build();
    }

    private static void statistics(StepResult.Builder b, PanelFeEstimator.Parameters p, PanelFit fit) {
        Effects effects = p.effects();
        CovarianceEstimate cov = fit.covariance();
        b.statistic("nobs", fit.nobs());
        b.statistic("entities", fit.groups());
        b.statistic("periods", fit.periods());
        b.statistic("effects", effects.label());
        b.statistic("se", p.se().label());
        b.statistic("dof", p.dof().label());
        if (cov.type().clustered()) {
            b.statistic("clusters", cov.clusters());
            b.statistic("clusterVariable", fit.clusterVariable());
        }
        if (cov.lag() >= 0) b.statistic("dkLag", cov.lag());
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
        }
        b.statistic("level", p.level());
    }

    static Table regressionTable(PanelFeEstimator.Parameters p, Effects effects, PanelFit fit) {
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put("Entity FE", effects.hasEntity() ? "Yes" : "No");
        footer.put("Time FE", effects.hasTime() ? "Yes" : "No");
        footer.put("Observations", Formats.count(fit.nobs()));
        footer.put(effects == Effects.NONE ? "R-squared" : "R-squared (within)", Formats.fixed(fit.r2(), 4));
        footer.put("Entities", Formats.count(fit.groups()));
        CovarianceEstimate cov = fit.covariance();
        String note = switch (cov.type()) {
            case CONVENTIONAL -> "Conventional standard errors.";
            case HC1 -> "Heteroskedasticity-robust (HC1) standard errors.";
            case CR1 -> cov.clusterVariables().size() == 1
                    ? "Standard errors clustered by " + fit.clusterVariable() + " (" + cov.clusters() + " clusters)."
                    : cov.describe();
            default -> cov.describe();
        };
        return new RegressionTable("coefficients", "Fixed-effects regression of " + label(p.labels(), p.y()))
                .stub("Variable")
                .labels(p.labels())
                .column("(1)", fit.coefficients(), footer)
                .note(note)
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

    /** One row per tested coefficient: estimate, t, WCR p-value, inverted confidence set. */
    static Table wildTable(PanelFeEstimator.Parameters p, List<WildClusterBootstrap.Result> wild) {
        String ci = Formats.number(p.level() * 100, 0) + "% confidence set";
        Table.Builder t = Table.builder("wild-bootstrap", "Wild cluster bootstrap (restricted, WCR)").stub("Variable")
                .columns("Estimate", "t", "Bootstrap p-value", ci);
        for (WildClusterBootstrap.Result w : wild) {
            t.row(label(p.labels(), w.term()), Formats.fixed(w.estimate(), 4), Formats.fixed(w.t(), 3), Formats.pValue(w.pValue()),
                    "[" + Formats.number(w.ciLow(), 4) + ", " + Formats.number(w.ciHigh(), 4) + "]");
        }
        WildClusterBootstrap.Result f = wild.get(0);
        return t.note("Restricted wild cluster bootstrap (Roodman, MacKinnon, Nielsen & Webb 2019; Stata boottest): "
                + (f.enumerated() ? "all " + f.replications() + " Rademacher sign vectors" : f.replications() + " replications, "
                + f.weights() + " weights") + ", " + f.clusters() + " clusters; symmetric p-value of H0: b = 0; confidence set by"
                + " test inversion.").build();
    }

    private static List<String> appended(List<String> notes, String note) {
        List<String> out = new java.util.ArrayList<>(notes);
        out.add(note);
        return out;
    }

    static String label(Map<String, String> labels, String v) {
        return labels.getOrDefault(v, v);
    }
}
