package eres.plugins.sdm;

import eres.api.panel.Effects;
import eres.api.random.Seeds;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.Weights;
import eres.api.spatial.WeightsSummary;
import eres.api.stats.Distributions;
import eres.api.table.Formats;
import eres.api.Estimator;
import eres.api.StepContext;
import eres.api.data.SpatialWeights;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four spatial panel estimators share this run: prepare the data, compute the log-determinant,
 * fit the step's model, its effects, the specification tests, and assemble the result and the
 * study's Table A2 layout. Subclasses only name their model.
 */
abstract class SpatialEstimator implements Estimator<SpatialParameters> {
    /** Units up to which the covariance uses the analytical information matrix (Elhorst's Nhes). */
    static final int INFORMATION_MAX_UNITS = 500;

    /** sdm, sar, sem or slx. */
    abstract String model();

    @Override
    public String id() {
        return model();
    }

    @Override
    public Class<SpatialParameters> parameterType() {
        return SpatialParameters.class;
    }

    /** One effect estimate (a row of the effects section). */
    public record EffectEstimate(String variable, String effect, double point, double estimate, double stdError, double z,
                                 double pValue) {
    }

    /** Summary of a fitted model in the tests section. */
    public record ModelSummary(String model, double logLik, int parameters, double aic, double rho, double sigma2) {
    }

    @Override
    public StepResult run(SpatialParameters p, StepContext context) {
        Effects fe = p.fixedEffects();
        SpatialWeights w = context.weights(p.weights());
        String model = model();
        boolean durbinModel = model.equals("sdm") || model.equals("slx");
        List<String> durbin = durbinModel ? p.durbin() : List.of();
        SpatialPanel d = new SpatialPanel(context.panel(), p.y(), p.x(), p.durbin(), w, fe);
        Models.Variance variance = switch (p.variance()) {
            case "information" -> Models.Variance.INFORMATION;
            case "hessian" -> Models.Variance.HESSIAN;
            default -> d.n <= INFORMATION_MAX_UNITS ? Models.Variance.INFORMATION : Models.Variance.HESSIAN;
        };
        Models.Options opt = new Models.Options(p.leeYu(), variance, context.parallelism());
        long seed = context.seed();
        boolean needsLogDet = !model.equals("slx") || p.tests();
        LogDeterminant ld = !needsLogDet ? null : switch (p.logdet()) {
            case "eigen" -> LogDeterminant.eigen(w);
            case "monte-carlo" -> LogDeterminant.monteCarlo(w, p.logdetOrder(), p.logdetVectors(), Seeds.derive(seed, "logdet"),
                    context.parallelism());
            default -> LogDeterminant.auto(w, p.logdetOrder(), p.logdetVectors(), Seeds.derive(seed, "logdet"), context.parallelism());
        };

        Map<String, SpatialFit> fits = new LinkedHashMap<>();
        SpatialFit main = fit(model, d, ld, opt);
        fits.put(model, main);

        StepResult.Builder b = StepResult.builder();
        WeightsSummary ws = Weights.summary(w);
        b.section("weights", ws);
        if (!ws.islands().isEmpty()) {
            b.warning("islands", ws.islands().size() + " unit(s) without neighbours in W: " + String.join(", ", ws.islands()));
        }
        if (main.onBound()) {
            b.warning("rho-on-bound", main.terms().get(main.spatialIndex()) + " = " + Formats.number(main.rho(), 6)
                    + " is on the bound of its admissible interval (" + Formats.number(main.lower(), 4) + ", " + Formats.number(main.upper(), 4) + ")");
        }
        if (p.leeYu() && fe == Effects.TWOWAYS && !model.equals("slx") && !ws.rowStandardized()) {
            b.warning("lee-yu-needs-row-standardised", "the two-way Lee-Yu correction assumes a row-standardised W; this W is not");
        }

        // coefficients
        double z = Distributions.normalQuantile(0.5 + p.level() / 2);
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < main.terms().size() - 1; j++) {
            double est = main.estimates()[j];
            double se = main.se(j);
            coefs.add(new Coefficient(main.terms().get(j), est, se, est / se, Distributions.normalTwoSided(est / se), est - z * se, est + z * se));
        }
        b.coefficients(coefs);

        // effects
        Impacts.Result impacts = switch (model) {
            case "sdm", "sar" -> Impacts.simulate(main, p.x(), ld, w, p.draws(), Seeds.derive(seed, "effects"), context.parallelism(),
                    context.progress());
            case "slx" -> Impacts.slx(main, p.x(), w);
            default -> null;
        };
        List<EffectEstimate> effects = new ArrayList<>();
        if (impacts != null) {
            for (Impacts.Row r : impacts.rows()) {
                for (int q = 0; q < 3; q++) {
                    effects.add(new EffectEstimate(r.variable(), Impacts.KINDS[q], r.point()[q], r.mean()[q], r.sd()[q], r.z()[q], r.p()[q]));
                }
            }
            b.section("effects", effects);
        }

        // tests
        List<TestStatistic> tests = new ArrayList<>();
        SpecTests.Hausman hausman = null;
        if (p.tests()) {
            tests.addAll(SpecTests.lm(d));
            SpatialFit sdm = fits.computeIfAbsent("sdm", m -> fit("sdm", d, ld, opt));
            SpatialFit sar = fits.computeIfAbsent("sar", m -> fit("sar", d, ld, opt));
            SpatialFit sem = fits.computeIfAbsent("sem", m -> fit("sem", d, ld, opt));
            int k = p.durbin().size();
            tests.add(SpecTests.lr("lr-sdm-vs-sar", sdm.logLik(), sar.logLik(), k, "theta = 0 (SDM reduces to SAR)"));
            tests.add(SpecTests.waldSar(sdm, p.durbin()));
            if (p.durbin().size() == p.x().size()) {
                tests.add(SpecTests.lr("lr-sdm-vs-sem", sdm.logLik(), sem.logLik(), k, "theta + rho beta = 0 (SDM reduces to SEM)"));
                tests.add(SpecTests.waldSem(sdm, p.durbin()));
            } else {
                String why = "the SDM nests the SEM only when every regressor has a spatial lag (durbin = x)";
                tests.add(TestStatistic.notApplicable("lr-sdm-vs-sem", why));
                tests.add(TestStatistic.notApplicable("wald-sdm-vs-sem", why));
            }
            hausman = SpecTests.hausman(d);
            tests.add(hausman == null ? TestStatistic.notApplicable("hausman", "needs entity effects (effects: entity or twoways)")
                    : hausman.test());
            List<ModelSummary> ms = new ArrayList<>();
            for (String m : List.of("sdm", "sar", "sem")) {
                SpatialFit f = fits.get(m);
                int np = f.estimates().length;
                ms.add(new ModelSummary(m, f.logLik(), np, -2 * f.logLik() + 2 * np, f.rho(), f.sigma2()));
            }
            b.section("models", ms);
            if (hausman != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("fixedEffects", hausman.fe());
                h.put("randomEffects", hausman.re());
                h.put("theta", hausman.theta());
                h.put("sigma2e", hausman.sigma2e());
                h.put("sigma2u", hausman.sigma2u());
                b.section("hausman", h);
            }
            tests.forEach(b::test);
        }

        // statistics
        b.statistic("model", model);
        b.statistic("nobs", d.rows());
        b.statistic("units", d.n);
        b.statistic("periods", d.t);
        b.statistic("effects", fe.label());
        b.statistic("biasCorrection", p.biasCorrection());
        if (main.spatialIndex() >= 0) b.statistic(main.terms().get(main.spatialIndex()), main.rho());
        b.statistic("sigma2", main.sigma2());
        b.statistic("logLik", main.logLik());
        b.statistic("aic", -2 * main.logLik() + 2 * main.estimates().length);
        b.statistic("r2", main.r2());
        b.statistic("corr2", main.corr2());
        b.statistic("variance", main.variance());
        if (ld != null) {
            b.statistic("logdet", ld.method() == LogDeterminant.Method.EIGEN ? "eigen" : "monte-carlo");
            b.statistic("logdetDetail", ld.describe());
            if (main.spatialIndex() >= 0) b.statistic("logdetError", ld.error(main.ml()[main.spatialIndex()]));
        }
        if (main.spatialIndex() >= 0) {
            b.statistic("spatialLower", main.lower());
            b.statistic("spatialUpper", main.upper());
        }
        if (impacts != null && impacts.draws() > 0) {
            b.statistic("draws", impacts.draws());
            b.statistic("redraws", impacts.redraws());
            b.statistic("effectsSeed", impacts.seed());
            b.statistic("rng", Seeds.ALGORITHM);
        }
        b.statistic("level", p.level());
        Map<String, Double> ml = new LinkedHashMap<>();
        for (int j = 0; j < main.terms().size(); j++) ml.put(main.terms().get(j), main.ml()[j]);
        b.section("mlEstimates", ml);

        b.table(tableA2(p, d, main, impacts, tests));
        if (impacts != null) b.table(effectsTable(p, impacts));
        if (!tests.isEmpty()) b.table(testsTable(tests));
        return b.build();
    }

    static SpatialFit fit(String model, SpatialPanel d, LogDeterminant ld, Models.Options opt) {
        return switch (model) {
            case "sdm" -> Models.lag(d, true, ld, opt);
            case "sar" -> Models.lag(d, false, ld, opt);
            case "sem" -> Models.error(d, ld, opt);
            default -> Models.slx(d, opt);
        };
    }

    static String label(Map<String, String> labels, String v) {
        if (v.startsWith("W*")) return "W*" + labels.getOrDefault(v.substring(2), v.substring(2));
        return labels.getOrDefault(v, v);
    }

    private static String star(double est, double p) {
        return Formats.estimate(est, p, 4);
    }

    /**
     * The study's Table A2 layout: one row per regressor with its coefficient, the coefficient of its
     * spatial lag, and the direct, indirect and total effects (stars; standard errors in brackets below),
     * then rho and sigma^2, the fit statistics, and the specification tests (statistic with stars,
     * p-value in brackets).
     */
    static Table tableA2(SpatialParameters p, SpatialPanel d, SpatialFit f, Impacts.Result impacts, List<TestStatistic> tests) {
        String name = switch (f.model()) {
            case "sdm" -> "Spatial Durbin model";
            case "sar" -> "Spatial lag (SAR) model";
            case "sem" -> "Spatial error model";
            default -> "SLX model";
        };
        Table.Builder t = Table.builder("table-a2", name + " of " + label(p.labels(), p.y()) + " with " + d.effects.label()
                + " fixed effects and effects decomposition").stub("Variable")
                .columns("Coefficient", "W*x", "Direct", "Indirect", "Total");
        t.span("Estimates", 0, 1).span("Effects", 2, 4);
        for (int j = 0; j < p.x().size(); j++) {
            String x = p.x().get(j);
            String[] cells = new String[5];
            String[] se = new String[5];
            java.util.Arrays.fill(cells, "");
            java.util.Arrays.fill(se, "");
            int bi = f.index(x);
            double pb = Distributions.normalTwoSided(f.estimates()[bi] / f.se(bi));
            cells[0] = star(f.estimates()[bi], pb);
            se[0] = Formats.parenthesised(f.se(bi), 4);
            int ti = f.index("W*" + x);
            if (ti >= 0) {
                double pt = Distributions.normalTwoSided(f.estimates()[ti] / f.se(ti));
                cells[1] = star(f.estimates()[ti], pt);
                se[1] = Formats.parenthesised(f.se(ti), 4);
            }
            if (impacts != null) {
                Impacts.Row r = impacts.rows().get(j);
                for (int q = 0; q < 3; q++) {
                    cells[2 + q] = Double.isNaN(r.p()[q]) ? Formats.number(r.mean()[q], 4) : star(r.mean()[q], r.p()[q]);
                    se[2 + q] = Formats.parenthesised(r.sd()[q], 4);
                }
            }
            t.row(label(p.labels(), x), cells);
            t.detail(List.of(se));
        }
        if (f.spatialIndex() >= 0) {
            int si = f.spatialIndex();
            double ps = Distributions.normalTwoSided(f.rho() / f.se(si));
            t.row(f.terms().get(si).equals("rho") ? "rho (W*y)" : "lambda (W*e)", star(f.rho(), ps), "", "", "", "");
            t.detail(List.of(Formats.parenthesised(f.se(si), 4), "", "", "", ""));
        }
        t.row("sigma^2", Formats.number(f.sigma2(), 4), "", "", "", "");
        t.footer("Observations", Formats.count(d.rows()), "", "", "", "");
        t.footer("Units x periods", d.n + " x " + d.t, "", "", "", "");
        t.footer("Fixed effects", d.effects.label(), "", "", "", "");
        t.footer("R-squared", Formats.fixed(f.r2(), 4), "", "", "", "");
        t.footer("corr-squared", Formats.fixed(f.corr2(), 4), "", "", "", "");
        t.footer("Log-likelihood", Formats.fixed(f.logLik(), 3), "", "", "", "");
        for (TestStatistic s : tests) {
            if (Double.isNaN(s.statistic())) {
                t.footer(testLabel(s.name()), "n/a", "", "", "", "");
            } else {
                t.footer(testLabel(s.name()), Formats.estimate(s.statistic(), s.pValue(), 3), "[" + Formats.pValue(s.pValue()) + "]", "", "", "");
            }
        }
        t.note("Standard errors in brackets (from the " + (f.variance().equals("ols") ? "OLS covariance" : "inverse " + f.variance()
                + " matrix") + "); *** p<0.01, ** p<0.05, * p<0.1.");
        if (impacts != null) {
            t.note(impacts.method().equals("simulation") ? "Effects: mean and standard deviation over " + impacts.draws()
                    + " draws from the estimated parameter distribution (LeSage & Pace 2009)." : "Effects: exact linear combinations.");
        }
        if (p.leeYu() && !f.model().equals("slx")) t.note("Estimates bias-corrected as Lee & Yu (2010) / Elhorst; log-likelihood at the ML estimates.");
        if (!tests.isEmpty()) t.note("Tests: statistic with p-value in brackets; LM tests on the non-spatial fixed-effects model; "
                + "Hausman: fixed vs random entity effects, non-spatial.");
        return t.build();
    }

    static String testLabel(String name) {
        return switch (name) {
            case "lm-lag" -> "LM-lag";
            case "robust-lm-lag" -> "Robust LM-lag";
            case "lm-error" -> "LM-err";
            case "robust-lm-error" -> "Robust LM-err";
            case "lr-sdm-vs-sar" -> "LR test (SDM vs SAR)";
            case "wald-sdm-vs-sar" -> "Wald test (SDM vs SAR)";
            case "lr-sdm-vs-sem" -> "LR test (SDM vs SEM)";
            case "wald-sdm-vs-sem" -> "Wald test (SDM vs SEM)";
            case "hausman" -> "Hausman test";
            default -> name;
        };
    }

    static Table effectsTable(SpatialParameters p, Impacts.Result impacts) {
        Table.Builder t = Table.builder("effects", "Direct, indirect and total effects").stub("Variable")
                .columns("Direct", "z", "Indirect", "z", "Total", "z");
        t.span("Direct", 0, 1).span("Indirect", 2, 3).span("Total", 4, 5);
        for (Impacts.Row r : impacts.rows()) {
            List<String> cells = new ArrayList<>();
            for (int q = 0; q < 3; q++) {
                cells.add(Double.isNaN(r.p()[q]) ? Formats.number(r.mean()[q], 4) : star(r.mean()[q], r.p()[q]));
                cells.add(Formats.fixed(r.z()[q], 3));
            }
            t.row(label(p.labels(), r.variable()), cells);
            List<String> se = new ArrayList<>();
            for (int q = 0; q < 3; q++) {
                se.add(Formats.parenthesised(r.sd()[q], 4));
                se.add("");
            }
            t.detail(se);
        }
        return t.note("Standard errors in brackets; z = estimate / standard error; *** p<0.01, ** p<0.05, * p<0.1.").build();
    }

    static Table testsTable(List<TestStatistic> tests) {
        Table.Builder t = Table.builder("tests", "Specification tests").stub("Test").columns("Statistic", "df", "p-value");
        for (TestStatistic s : tests) {
            t.row(testLabel(s.name()), Formats.fixed(s.statistic(), 4), s.df() == null ? "" : Formats.number(s.df(), 0), Formats.pValue(s.pValue()));
        }
        for (TestStatistic s : tests) if (s.note() != null) t.note(testLabel(s.name()) + ": " + s.note());
        return t.note("LM tests on the non-spatial fixed-effects model (Elhorst 2014); LR and Wald tests of the spatial Durbin model; "
                + "Hausman: fixed vs random entity effects (non-spatial).").build();
    }
}
