package eres.plugins.threshold;

import eres.api.inference.ModelSummary;
import eres.api.random.Seeds;
import eres.api.result.Coefficient;
import eres.api.result.DataFile;
import eres.api.result.Figure;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import eres.plugins.threshold.ThresholdEstimator.Parameters;
import eres.plugins.threshold.ThresholdEstimator.RegimeInfo;
import eres.plugins.threshold.ThresholdEstimator.ThresholdEstimate;
import eres.plugins.threshold.ThresholdEstimator.ThresholdTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Presentation of {@code threshold}: results.json keys, sections, tables, figure and side file from the typed results. */
final class ThresholdReport {
    private ThresholdReport() {
    }

    static StepResult of(Parameters p, ThresholdModel.Results r, long seed) {
        Prepared d = r.d();
        Candidates cands = r.cands();
        Procedure proc = r.proc();
        Procedure.Observed obs = r.obs();
        List<Procedure.BootstrapTest> boots = r.boots();
        Procedure.Scheme scheme = r.scheme();
        int kMax = p.thresholds();
        int selected = r.selected();
        boolean selectionComplete = r.selectionComplete();
        int reported = r.reported();
        List<RegimeRegression.Fit> fits = r.fits();
        RegimeRegression.Fit rep = r.rep();
        double alpha = 1 - p.level();
        String schemeName = scheme == Procedure.Scheme.RESIDUAL ? "residual" : "wild";
        StepResult.Builder out = StepResult.builder();
        if (kMax >= 3 && obs.tripleUsesUnrefined()) {
            out.warning("triple-threshold-collision", "Th-3 equals the refined Th-21, so the triple model uses the unrefined Th-1"
                    + " with Th-22 and Th-3 (the set Th-3 was estimated with)");
        }
        out.coefficients(rep.all());

        statistics(out, p, r, seed);

        // tests
        String[] model = {"single", "double", "triple"};
        List<ThresholdTest> tests = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) {
            Procedure.Estimate e = obs.steps().get(k - 1);
            double f = obs.f(k, d.df);
            Procedure.BootstrapTest b = boots.get(k - 1);
            String hyp = (k - 1) + " against " + k + " threshold" + (k > 1 ? "s" : "");
            if (b == null) {
                out.test(new TestStatistic("threshold-" + model[k - 1], f, null, null, Double.NaN, "bootstrap", hyp,
                        "not bootstrapped (bootstrap = 0)"));
            } else {
                out.test(new TestStatistic("threshold-" + model[k - 1], f, null, null, b.pValue(), "bootstrap", hyp,
                        b.replications() + " replications (" + schemeName + "); critical values 10/5/1%: "
                                + Formats.fixed(b.crit10(), 4) + ", " + Formats.fixed(b.crit5(), 4) + ", " + Formats.fixed(b.crit1(), 4)));
            }
            tests.add(new ThresholdTest(model[k - 1], k, e.ssr(), e.ssr() / d.df, f, b == null ? null : b.pValue(),
                    b == null ? null : b.crit10(), b == null ? null : b.crit5(), b == null ? null : b.crit1(),
                    b == null ? 0 : b.replications(), b == null ? 0 : b.failed()));
            if (b != null && b.failed() > 0) {
                out.warning("bootstrap-failed", b.failed() + " of " + b.replications() + " replications of the " + model[k - 1]
                        + " test had no admissible candidate and were left out");
            }
        }
        List<Procedure.Estimate> estimates = new ArrayList<>();
        estimates.add(obs.steps().get(0));
        if (obs.refined() != null) estimates.add(obs.refined());
        for (int k = 2; k <= kMax; k++) estimates.add(obs.steps().get(k - 1));
        List<ThresholdEstimate> thr = new ArrayList<>();
        for (Procedure.Estimate e : estimates) {
            int m = e.name().equals("Th-1") ? 1 : e.name().equals("Th-3") ? 3 : 2;
            thr.add(new ThresholdEstimate(e.name(), m, e.value(), e.ciLow(), e.ciHigh(), e.ciInterval(), e.ssr(),
                    e.admissible(), e.singular()));
            if (!e.ciInterval()) {
                out.warning("ci-not-interval", e.name() + ": the LR confidence set is not an interval; [min, max] of the set"
                        + " is reported (Hansen's convention)");
            }
        }
        out.section("thresholds", thr);
        out.section("thresholdTests", tests);
        List<RegimeInfo> regimes = new ArrayList<>();
        for (RegimeRegression.Regime g : rep.regimes()) {
            regimes.add(new RegimeInfo(g.index(), g.term(), g.bounds(), Double.isInfinite(g.lower()) ? null : g.lower(),
                    Double.isInfinite(g.upper()) ? null : g.upper(), g.observations()));
        }
        out.section("regimes", regimes);
        Map<String, Object> bs = new LinkedHashMap<>();
        bs.put("scheme", scheme == Procedure.Scheme.RESIDUAL ? "residual" : "wild");
        List<Integer> reps = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) reps.add(p.bootstrapOf(k));
        bs.put("replications", reps);
        bs.put("seed", seed);
        bs.put("testSeeds", "Seeds.derive(seed, \"threshold-test-k\"), replication b: Seeds.generator(testSeed, b)");
        bs.put("rng", Seeds.ALGORITHM);
        out.section("bootstrap", bs);
        out.section("summary", summary(p, d, rep));
        out.section("covariance", new ModelSummary.Covariance(rep.covariance().type().label(), rep.terms(), rep.vcov()));
        if (!r.wild().isEmpty()) out.section("wildBootstrap", r.wild());
        for (String t : r.tinyRegimes()) {
            out.warning("tiny-regime", t + ": its coefficients are shown without significance stars; consider excluding the group,"
                    + " fewer thresholds or a larger trim");
        }
        if (r.droppedMissingCluster() > 0) {
            out.warning("dropped-missing-cluster", r.droppedMissingCluster() + " row(s) without a cluster label were dropped");
        }
        rep.covariance().warnings().forEach(w -> out.warning("covariance", w));

        if (selectionComplete && selected == 0) {
            out.warning("no-threshold-effect", "the single-threshold test does not reject linearity at " + pct(alpha)
                    + "; the coefficients are those of the " + (reported == 0 ? "linear fixed-effects model" : reported + "-threshold model"));
        } else if (!selectionComplete) {
            out.warning("selection-incomplete", "not every test was bootstrapped, so the number of thresholds is not selected;"
                    + " the coefficients are those of the " + reported + "-threshold model");
        } else if (p.model().selected() && selected < kMax) {
            out.warning("fewer-thresholds", "the bootstrap tests select " + selected + " threshold" + (selected == 1 ? "" : "s")
                    + " at " + pct(alpha) + " (of " + kMax + " tested); the coefficients are those of that model");
        }
        if (d.droppedMissing > 0) {
            out.warning("dropped-missing", d.droppedMissing + " row(s) with a missing value (or no lag) were dropped");
        }
        if (d.droppedEntities > 0) {
            out.warning("dropped-singletons", d.droppedEntities + " entit" + (d.droppedEntities == 1 ? "y" : "ies")
                    + " with a single usable row dropped (no within variation)");
        }
        if (!d.balanced) {
            int tMin = java.util.Arrays.stream(d.tCount).min().orElse(0);
            int tMax = java.util.Arrays.stream(d.tCount).max().orElse(0);
            out.warning("unbalanced", "unbalanced estimation sample (T_i from " + tMin + " to " + tMax + "): per-entity within"
                    + " transformation, df = sum(T_i - 1) = " + d.df + ", " + (scheme == Procedure.Scheme.WILD
                    ? "wild bootstrap over entities (Rademacher)" : "residual bootstrap"));
        }
        if (p.lagsOfY() > 0) dynamic(p, d, rep, out);

        // tables, figure, side file
        out.table(testsTable(p, d, obs, boots, kMax, proc.critical, scheme));
        out.table(regimeTable(p, d, fits, obs, kMax, reported, selected, selectionComplete, r));
        if (!r.wild().isEmpty()) out.table(wildTable(p, r.wild()));
        out.figure(new Figure("lr-plot", "LR statistic of the threshold estimates",
                LrFigure.svg("Likelihood ratio of the threshold" + (estimates.size() > 1 ? "s" : "") + " (" + p.y() + ")", estimates,
                        proc.critical, p.level(), label(p, p.threshold())),
                "LR(γ) = (S(γ) − S(γ̂)) / σ̂² against the candidate thresholds; dashed: c(α) = −2 ln(1 − √level) = "
                        + Formats.fixed(proc.critical, 4) + "; the interval is the set below the line (Hansen 1999)."));
        out.file(new DataFile("lr-profiles.csv", "text/csv", profilesCsv(estimates)));
        return out.build();
    }

    private static void dynamic(Parameters p, Prepared d, RegimeRegression.Fit rep, StepResult.Builder out) {
        double tBar = (double) d.n / d.entities;
        Coefficient lag = null;
        for (Coefficient c : rep.controlCoefficients()) if (c.term().equals("L1." + p.y())) lag = c;
        Map<String, Object> dyn = new LinkedHashMap<>();
        dyn.put("lags", p.lagsOfY());
        dyn.put("periodsPerEntity", tBar);
        String note = "Dynamic variant: " + p.lagsOfY() + " lag(s) of " + p.y() + " enter as regime-independent regressors"
                + " (the study's specification). With entity fixed effects and short T the within estimator is inconsistent"
                + " (Nickell 1981: bias of order 1/T) and Hansen's (1999) theory assumes strictly exogenous regressors, so"
                + " thresholds, tests and intervals are descriptive only. Consistent alternatives: first-difference GMM threshold"
                + " (Seo & Shin 2016; Stata xthenreg) or Kremer, Bick & Nautz (2013).";
        dyn.put("note", note);
        if (lag != null) {
            double b = Nickell.bias(Math.max(-0.99, Math.min(0.99, lag.estimate())), tBar);
            double implied = Nickell.implied(lag.estimate(), tBar);
            dyn.put("lagCoefficient", lag.estimate());
            dyn.put("nickellBiasAtEstimate", b);
            dyn.put("impliedRho", Double.isNaN(implied) ? null : implied);
            out.warning("nickell-bias", note + " Approximate Nickell bias of the L1 coefficient (AR(1) formula at rho = "
                    + Formats.fixed(lag.estimate(), 4) + ", T = " + Formats.fixed(tBar, 1) + "): " + Formats.fixed(b, 4)
                    + (Double.isNaN(implied) ? "" : "; the rho consistent with the estimate is about " + Formats.fixed(implied, 4)) + ".");
        } else {
            out.warning("nickell-bias", note);
        }
        out.section("dynamic", dyn);
    }

    private static String pct(double alpha) {
        return Formats.number(alpha * 100, alpha * 100 == Math.rint(alpha * 100) ? 0 : 1) + "%";
    }

    static String label(Parameters p, String v) {
        return p.labels().getOrDefault(v, v);
    }

    private static Table testsTable(Parameters p, Prepared d, Procedure.Observed obs, List<Procedure.BootstrapTest> boots,
                                    int kMax, double critical, Procedure.Scheme scheme) {
        String ci = Formats.number(p.level() * 100, 0) + "% CI";
        Table.Builder t = Table.builder("threshold-tests", "Threshold effect tests and threshold estimates")
                .stub("Model").columns("Threshold", ci, "F statistic", "p-value", "10%", "5%", "1%", "RSS")
                .span("Bootstrap critical values", 4, 6);
        String[] model = {"Single threshold", "Double threshold", "Triple threshold"};
        for (int k = 1; k <= kMax; k++) {
            Procedure.Estimate e = obs.steps().get(k - 1);
            Procedure.BootstrapTest b = boots.get(k - 1);
            double f = obs.f(k, d.df);
            List<Procedure.Estimate> rows = new ArrayList<>();
            if (k == 2 && obs.refined() != null) rows.add(obs.refined());
            rows.add(e);
            for (int i = 0; i < rows.size(); i++) {
                Procedure.Estimate r = rows.get(i);
                String label = (i == 0 ? model[k - 1] : "") + " (" + r.name() + ")";
                String interval = "[" + Formats.number(r.ciLow(), 4) + ", " + Formats.number(r.ciHigh(), 4) + "]";
                if (i == 0) {
                    t.row(label, Formats.number(r.value(), 4), interval,
                            b == null ? Formats.fixed(f, 4) : Formats.estimate(f, b.pValue(), 4),
                            b == null ? "" : Formats.fixed(b.pValue(), 4), b == null ? "" : Formats.fixed(b.crit10(), 4),
                            b == null ? "" : Formats.fixed(b.crit5(), 4), b == null ? "" : Formats.fixed(b.crit1(), 4),
                            Formats.fixed(e.ssr(), 4));
                } else {
                    t.row(label, Formats.number(r.value(), 4), interval, "", "", "", "", "", "");
                }
            }
        }
        List<String> reps = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) reps.add(Integer.toString(p.bootstrapOf(k)));
        t.footer("Observations", cells(8, Formats.count(d.n)));
        t.footer("Entities", cells(8, Formats.count(d.entities)));
        t.footer("Bootstrap replications", cells(8, String.join(" / ", reps)));
        t.note("F = (S(k-1) - S(k)) / (S(k) / df), df = sum(T_i - 1) = " + d.df + "; p-values and critical values from the "
                + (scheme == Procedure.Scheme.RESIDUAL ? "entity residual bootstrap (Hansen 1999)" : "wild bootstrap over entities")
                + "; *** p<0.01, ** p<0.05, * p<0.1.");
        t.note("Confidence intervals: candidates with LR(γ) < c(α) = " + Formats.fixed(critical, 4) + " (Hansen 1999); Th-21 is the"
                + " first threshold re-estimated given the second (Th-22). Lower regime: " + label(p, p.threshold())
                + (p.strictLower() ? " < γ" : " ≤ γ") + "; grid: " + (p.grid().all() ? "all distinct values" : p.grid().points()
                + "-point quantile grid") + "; trim " + p.trim() + ".");
        return t.build();
    }

    private static List<String> cells(int n, String first) {
        List<String> c = new ArrayList<>();
        c.add(first);
        for (int i = 1; i < n; i++) c.add("");
        return c;
    }

    private static Table regimeTable(Parameters p, Prepared d, List<RegimeRegression.Fit> fits, Procedure.Observed obs, int kMax,
                                     int reported, int selected, boolean selectionComplete, ThresholdModel.Results r) {
        String[] head = {"Single", "Double", "Triple"};
        RegressionTable rt = new RegressionTable("regime-coefficients", "Regime coefficients of the threshold model"
                + (p.labels().containsKey(p.y()) ? " (" + label(p, p.y()) + ")" : " of " + p.y())).stub("Variable");
        Map<String, String> labels = new LinkedHashMap<>(p.labels());
        for (int k = 1; k <= kMax; k++) {
            RegimeRegression.Fit f = fits.get(k - 1);
            for (Coefficient c : f.regimeCoefficients()) {
                String term = c.term();
                String shown = term;
                for (String v : p.regime()) if (term.startsWith(v + " × ")) shown = label(p, v) + term.substring(v.length());
                if (p.labels().containsKey(p.threshold())) shown = shown.replace("(" + p.threshold() + " ", "(" + label(p, p.threshold()) + " ")
                        .replace(" " + p.threshold() + " ", " " + label(p, p.threshold()) + " ");
                labels.put(term, shown);
            }
            Map<String, String> footer = new LinkedHashMap<>();
            double[] g = obs.thresholds(k);
            List<String> gs = new ArrayList<>();
            for (double v : g) gs.add(Formats.number(v, 4));
            footer.put("Thresholds", String.join("; ", gs));
            footer.put("Observations", Formats.count(f.nobs()));
            footer.put("R-squared (within)", Formats.fixed(f.r2Within(), 4));
            footer.put("Entity FE", "Yes");
            footer.put("Selected by tests", selectionComplete && selected == k ? "Yes" : "");
            rt.column(head[k - 1], shown(f, r, k), footer);
        }
        List<String> order = new ArrayList<>();
        for (RegimeRegression.Fit f : fits) for (Coefficient c : f.regimeCoefficients()) if (!order.contains(c.term())) order.add(c.term());
        order.addAll(fits.get(0).controlCoefficients().stream().map(Coefficient::term)
                .filter(t -> !t.startsWith(ThresholdModel.PERIOD_DUMMY)).toList());
        rt.order(order);
        rt.labels(labels);
        eres.api.inference.CovarianceEstimate cov = fits.get(0).covariance();
        rt.note(switch (cov.type()) {
            case HC1 -> "Heteroskedasticity-robust (HC1) standard errors.";
            case CR1 -> cov.clusterVariables().size() == 1 && cov.clusterVariables().get(0).equals(d.entityName)
                    ? "Standard errors clustered by " + "entity (" + d.entities + " clusters)." : cov.describe();
            case CONVENTIONAL -> "Conventional standard errors, s^2 = SSR / (" + (p.deleteLastPeriod() ? "n(T-1) - n - k, Hansen's program"
                    : "sum T_i - n - k, xtreg, fe") + ").";
            default -> cov.describe();
        });
        if (p.effects() == eres.api.panel.Effects.TWOWAYS) rt.note("Entity and period fixed effects (period dummies not shown).");
        if (!r.wild().isEmpty()) rt.note("Few clusters (" + r.wild().get(0).clusters() + "): wild cluster bootstrap (WCR) p-values and"
                + " confidence sets of the reported model's regime coefficients, given its thresholds, in table wild-bootstrap.");
        if (!r.tinyRegimes().isEmpty()) rt.note("No significance stars for the regime coefficients of models with a regime below"
                + " min-regime-obs = " + p.minRegimeObs() + " observations or a collapsed threshold interval (see the warnings).");
        rt.note("Thresholds of the double model: Th-21 (refined) and Th-22; of the triple model: Th-21, Th-22 and Th-3."
                + (reported == 0 ? " No threshold effect is selected; results.json reports the linear model." : ""));
        return rt.build();
    }

    private static String profilesCsv(List<Procedure.Estimate> estimates) {
        StringBuilder sb = new StringBuilder("threshold,gamma,lr\n");
        for (Procedure.Estimate e : estimates) {
            for (int i = 0; i < e.gamma().length; i++) {
                sb.append(e.name()).append(',').append(e.gamma()[i]).append(',').append(e.lr()[i]).append('\n');
            }
        }
        return sb.toString();
    }

    private static void statistics(StepResult.Builder out, Parameters p, ThresholdModel.Results r, long seed) {
        Prepared d = r.d();
        Procedure.Observed obs = r.obs();
        RegimeRegression.Fit rep = r.rep();
        int kMax = p.thresholds();
        int selected = r.selected();
        int reported = r.reported();
        Procedure.Scheme scheme = r.scheme();
        out.statistic("nobs", (long) d.n);
        out.statistic("nobsRegression", (long) d.nt);
        out.statistic("entities", (long) d.entities);
        int tMin = Integer.MAX_VALUE;
        int tMax = 0;
        for (int t : d.tCount) {
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
        }
        out.statistic("periodsMin", (long) tMin);
        out.statistic("periodsMax", (long) tMax);
        out.statistic("balanced", d.balanced);
        out.statistic("dfWithin", (long) d.df);
        out.statistic("ssrLinear", obs.ssr0());
        out.statistic("thresholdsTested", (long) kMax);
        out.statistic("selectedThresholds", (long) Math.max(selected, 0));
        out.statistic("selectionComplete", r.selectionComplete());
        out.statistic("reportedThresholds", (long) reported);
        double[] repThr = reported == 0 ? new double[0] : obs.thresholds(reported);
        for (int i = 0; i < repThr.length; i++) out.statistic("gamma" + (i + 1), repThr[i]);
        out.statistic("ssr", rep.ssr());
        out.statistic("r2Within", rep.r2Within());
        out.statistic("sigmaE", rep.sigma());
        out.statistic("se", p.se().label());
        out.statistic("effects", p.effects().label());
        out.statistic("dof", p.dof().label());
        out.statistic("sigmaU", rep.sigmaU());
        out.statistic("rho", rep.rho());
        if (rep.covariance().clusters() > 0) out.statistic("clusters", (long) rep.covariance().clusters());
        out.statistic("level", p.level());
        out.statistic("lrCritical", r.proc().critical);
        out.statistic("grid", p.grid().toString());
        out.statistic("candidates", (long) r.cands().size());
        out.statistic("lowerRegime", p.strictLower() ? "q < gamma" : "q <= gamma");
        out.statistic("deleteLastPeriod", p.deleteLastPeriod());
        out.statistic("bootstrapScheme", scheme == Procedure.Scheme.RESIDUAL ? "residual" : "wild");
        out.statistic("seed", seed);
        out.statistic("rng", Seeds.ALGORITHM);
        out.statistic("lagsOfY", (long) p.lagsOfY());

    }

    /** A model's coefficients for the table: without stars (p-value NaN) when the tiny-regime guard flagged the model. */
    private static List<Coefficient> shown(RegimeRegression.Fit f, ThresholdModel.Results r, int k) {
        String[] model = {"single", "double", "triple"};
        boolean tiny = false;
        for (String t : r.tinyRegimes()) {
            if (t.startsWith("the " + model[k - 1] + "-threshold") || t.startsWith("Th-" + k) || (k >= 2 && t.startsWith("Th-2"))) tiny = true;
        }
        List<Coefficient> out = new ArrayList<>();
        for (Coefficient c : f.all()) {
            if (c.term().startsWith(ThresholdModel.PERIOD_DUMMY)) continue;
            boolean regime = f.regimeCoefficients().contains(c);
            out.add(tiny && regime ? new Coefficient(c.term(), c.estimate(), c.stdError(), c.statistic(), Double.NaN, c.ciLow(), c.ciHigh()) : c);
        }
        return out;
    }

    private static ModelSummary summary(Parameters p, Prepared d, RegimeRegression.Fit rep) {
        eres.api.inference.CovarianceEstimate c = rep.covariance();
        return new ModelSummary(rep.nobs(), d.entities, d.periodCount, rep.terms().size(), rep.df(), d.entities, rep.ssr(), rep.sigma(),
                rep.r2Within(), rep.r2Within(), null, null, null, p.effects().label(), c.type().label(), c.convention().label(),
                Double.isInfinite(c.tDf()) ? null : c.tDf(), c.clusters() > 0 ? c.clusters() : null, c.clusterVariables());
    }

    /** One row per regime coefficient: estimate, t, WCR p-value, inverted confidence set (given the thresholds). */
    private static Table wildTable(Parameters p, List<eres.api.inference.WildClusterBootstrap.Result> wild) {
        String ci = Formats.number(p.level() * 100, 0) + "% confidence set";
        Table.Builder t = Table.builder("wild-bootstrap", "Wild cluster bootstrap of the regime coefficients (restricted, WCR)")
                .stub("Variable").columns("Estimate", "t", "Bootstrap p-value", ci);
        for (eres.api.inference.WildClusterBootstrap.Result w : wild) {
            t.row(w.term(), Formats.fixed(w.estimate(), 4), Formats.fixed(w.t(), 3), Formats.pValue(w.pValue()),
                    "[" + Formats.number(w.ciLow(), 4) + ", " + Formats.number(w.ciHigh(), 4) + "]");
        }
        eres.api.inference.WildClusterBootstrap.Result f = wild.get(0);
        return t.note("Restricted wild cluster bootstrap (Roodman, MacKinnon, Nielsen & Webb 2019), conditional on the estimated"
                + " thresholds: " + (f.enumerated() ? "all " + f.replications() + " Rademacher sign vectors" : f.replications()
                + " replications, " + f.weights() + " weights") + ", " + f.clusters() + " clusters; symmetric p-value of H0: b = 0;"
                + " confidence set by test inversion.").build();
    }
}
