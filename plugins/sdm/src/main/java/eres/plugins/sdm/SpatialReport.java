package eres.plugins.sdm;

import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.random.Seeds;
import eres.api.spatial.LogDeterminant;
import eres.api.stats.Distributions;
import eres.api.table.Formats;
import eres.plugins.sdm.SpatialParameters.BiasCorrection;
import eres.plugins.sdm.SpatialParameters.EffectsInference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Presentation of {@link SpatialResults}: coefficients, statistics, sections ({@code weights}, {@code effects},
 * {@code models}, {@code hausman}, {@code mlEstimates}, {@code summary}, {@code covariance}) and the tables
 * {@code table-a2} (the study's Table A2 layout), {@code effects} and {@code tests}.
 */
final class SpatialReport {
    private SpatialReport() {
    }

    /**
     * One effect estimate (a row of the {@code effects} section): the point effect at the estimates, the
     * simulation mean, standard deviation, z and p over the draws (NaN without draws), and the delta-method
     * standard error, z and p of the point effect.
     */
    public record EffectEstimate(String variable, String effect, double point, double estimate, double stdError, double z, double pValue,
                                 double deltaStdError, double deltaZ, double deltaPValue) {
    }

    static StepResult build(SpatialParameters p, SpatialResults r) {
        SpatialFit f = r.fit();
        StepResult.Builder b = StepResult.builder();
        b.section("weights", r.weights());
        r.warnings().forEach(b::warning);
        double z = Distributions.normalQuantile(0.5 + p.level() / 2);
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < f.terms().size() - 1; j++) {
            double est = f.estimates()[j];
            double se = f.se(j);
            coefs.add(new Coefficient(f.terms().get(j), est, se, est / se, Distributions.normalTwoSided(est / se), est - z * se, est + z * se));
        }
        b.coefficients(coefs);
        if (r.impacts() != null) b.section("effects", effectRows(r.impacts()));
        if (p.tests()) {
            b.section("models", r.models());
            if (r.hausman() != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("fixedEffects", r.hausman().fe());
                h.put("randomEffects", r.hausman().re());
                h.put("theta", r.hausman().theta());
                h.put("sigma2e", r.hausman().sigma2e());
                h.put("sigma2u", r.hausman().sigma2u());
                b.section("hausman", h);
            }
            r.tests().forEach(b::test);
        }
        statistics(b, p, r);
        Map<String, Double> ml = new LinkedHashMap<>();
        for (int j = 0; j < f.terms().size(); j++) ml.put(f.terms().get(j), f.ml()[j]);
        b.section("mlEstimates", ml);
        b.section("summary", r.summary());
        b.section("covariance", r.covariance());
        b.table(tableA2(p, r));
        if (r.impacts() != null) b.table(effectsTable(p, r.impacts()));
        if (!r.tests().isEmpty()) b.table(testsTable(r.tests()));
        return b.build();
    }

    private static void statistics(StepResult.Builder b, SpatialParameters p, SpatialResults r) {
        SpatialFit f = r.fit();
        b.statistic("model", f.model());
        b.statistic("nobs", (long) r.units() * r.periods());
        b.statistic("entities", r.units());
        b.statistic("periods", r.periods());
        b.statistic("effects", r.effects().label());
        b.statistic("biasCorrection", p.biasCorrection().toString());
        b.statistic("likelihood", f.bias() == BiasCorrection.TRANSFORMATION
                ? "transformed (Lee & Yu 2010): " + f.scale().observations() + " observations" : "direct (= dummy-variable ML)");
        if (f.spatialIndex() >= 0) b.statistic(f.terms().get(f.spatialIndex()), f.rho());
        b.statistic("sigma2", f.sigma2());
        b.statistic("logLik", f.logLik());
        b.statistic("aic", f.aic());
        b.statistic("r2", f.r2());
        b.statistic("corr2", f.corr2());
        b.statistic("variance", f.variance());
        if (r.logdet() != null) {
            b.statistic("logdet", r.logdet().method() == LogDeterminant.Method.EIGEN ? "eigen" : "monte-carlo");
            b.statistic("logdetDetail", r.logdet().describe());
            if (f.spatialIndex() >= 0) b.statistic("logdetError", r.logdet().error(f.ml()[f.spatialIndex()]));
        }
        if (r.informationTraces() != null && f.spatialIndex() >= 0) b.statistic("informationTraces", r.informationTraces());
        if (f.spatialIndex() >= 0) {
            b.statistic("spatialLower", f.lower());
            b.statistic("spatialUpper", f.upper());
        }
        Impacts.Result im = r.impacts();
        if (im != null) {
            b.statistic("effectsInference", p.effectsInference().toString());
            if (im.draws() > 0) {
                b.statistic("draws", im.draws());
                b.statistic("redraws", im.redraws());
                b.statistic("effectsSeed", im.seed());
                b.statistic("rng", Seeds.ALGORITHM);
            }
        }
        b.statistic("level", p.level());
    }

    static List<EffectEstimate> effectRows(Impacts.Result impacts) {
        List<EffectEstimate> out = new ArrayList<>();
        for (Impacts.Row row : impacts.rows()) {
            for (int q = 0; q < 3; q++) {
                out.add(new EffectEstimate(row.variable(), Impacts.KINDS[q], row.point()[q], row.mean()[q], row.sd()[q], row.z()[q], row.p()[q],
                        row.deltaSe()[q], row.deltaZ(q), row.deltaP(q)));
            }
        }
        return out;
    }

    static String label(Map<String, String> labels, String v) {
        if (v.startsWith("W*")) return "W*" + labels.getOrDefault(v.substring(2), v.substring(2));
        return labels.getOrDefault(v, v);
    }

    /** Estimate, standard error and p-value of effect q of a row as the tables show it. */
    private static double[] shown(SpatialParameters p, Impacts.Result im, Impacts.Row row, int q) {
        if (im.method().equals("simulation") && p.effectsInference() == EffectsInference.SIMULATION) {
            return new double[] {row.mean()[q], row.sd()[q], row.p()[q], row.z()[q]};
        }
        return new double[] {row.point()[q], row.deltaSe()[q], row.deltaP(q), row.deltaZ(q)};
    }

    private static String cell(double est, double pv) {
        return Double.isNaN(pv) ? Formats.number(est, 4) : Formats.estimate(est, pv, 4);
    }

    /**
     * The study's Table A2 layout: one row per regressor with its coefficient, the coefficient of its
     * spatial lag, and the direct, indirect and total effects (stars; standard errors in brackets below),
     * then rho and sigma^2, the fit statistics, and the specification tests (statistic with stars,
     * p-value in brackets).
     */
    static Table tableA2(SpatialParameters p, SpatialResults r) {
        SpatialFit f = r.fit();
        Impacts.Result impacts = r.impacts();
        String name = switch (f.model()) {
            case "sdm" -> "Spatial Durbin model";
            case "sar" -> "Spatial lag (SAR) model";
            case "sem" -> "Spatial error model";
            default -> "SLX model";
        };
        Table.Builder t = Table.builder("table-a2", name + " of " + label(p.labels(), p.y()) + " with " + r.effects().label()
                + " fixed effects and effects decomposition").stub("Variable")
                .columns("Coefficient", "W*x", "Direct", "Indirect", "Total");
        t.span("Estimates", 0, 1).span("Effects", 2, 4);
        for (int j = 0; j < p.x().size(); j++) {
            String x = p.x().get(j);
            String[] cells = new String[5];
            String[] se = new String[5];
            Arrays.fill(cells, "");
            Arrays.fill(se, "");
            int bi = f.index(x);
            cells[0] = Formats.estimate(f.estimates()[bi], Distributions.normalTwoSided(f.estimates()[bi] / f.se(bi)), 4);
            se[0] = Formats.bracketed(f.se(bi), 4);
            int ti = f.index("W*" + x);
            if (ti >= 0) {
                cells[1] = Formats.estimate(f.estimates()[ti], Distributions.normalTwoSided(f.estimates()[ti] / f.se(ti)), 4);
                se[1] = Formats.bracketed(f.se(ti), 4);
            }
            if (impacts != null) {
                Impacts.Row row = impacts.rows().get(j);
                for (int q = 0; q < 3; q++) {
                    double[] s = shown(p, impacts, row, q);
                    cells[2 + q] = cell(s[0], s[2]);
                    se[2 + q] = Formats.bracketed(s[1], 4);
                }
            }
            t.row(label(p.labels(), x), cells);
            t.detail(List.of(se));
        }
        if (f.spatialIndex() >= 0) {
            int si = f.spatialIndex();
            t.row(f.terms().get(si).equals("rho") ? "rho (W*y)" : "lambda (W*e)",
                    Formats.estimate(f.rho(), Distributions.normalTwoSided(f.rho() / f.se(si)), 4), "", "", "", "");
            t.detail(List.of(Formats.bracketed(f.se(si), 4), "", "", "", ""));
        }
        t.row("sigma^2", Formats.number(f.sigma2(), 4), "", "", "", "");
        t.footer("Observations", Formats.count((long) r.units() * r.periods()), "", "", "", "");
        t.footer("Units x periods", r.units() + " x " + r.periods(), "", "", "", "");
        t.footer("Fixed effects", r.effects().label(), "", "", "", "");
        t.footer("R-squared", Formats.fixed(f.r2(), 4), "", "", "", "");
        t.footer("corr-squared", Formats.fixed(f.corr2(), 4), "", "", "", "");
        t.footer("Log-likelihood", Formats.fixed(f.logLik(), 3), "", "", "", "");
        for (TestStatistic s : r.tests()) {
            if (Double.isNaN(s.statistic())) {
                t.footer(testLabel(s.name()), "n/a", "", "", "", "");
            } else {
                t.footer(testLabel(s.name()), Formats.estimate(s.statistic(), s.pValue(), 3), "[" + Formats.pValue(s.pValue()) + "]", "", "", "");
            }
        }
        t.note("Standard errors in brackets (from the " + (f.variance().equals("ols") ? "OLS covariance" : "inverse " + f.variance()
                + " matrix") + "); *** p<0.01, ** p<0.05, * p<0.1.");
        if (impacts != null) t.note(effectsNote(p, impacts));
        if (!f.model().equals("slx")) t.note(biasNote(f));
        if (!r.tests().isEmpty()) t.note("Tests: statistic with p-value in brackets; LM tests on the non-spatial fixed-effects model; "
                + "LR tests between models estimated with the same likelihood; Hausman: fixed vs random entity effects, non-spatial.");
        return t.build();
    }

    private static String effectsNote(SpatialParameters p, Impacts.Result impacts) {
        if (impacts.method().equals("analytic")) return "Effects: exact linear combinations.";
        if (impacts.method().equals("simulation") && p.effectsInference() == EffectsInference.SIMULATION) {
            return "Effects: mean and standard deviation over " + impacts.draws()
                    + " draws from the estimated parameter distribution (LeSage & Pace 2009); delta-method standard errors in results.json.";
        }
        return "Effects: point estimates with delta-method standard errors.";
    }

    private static String biasNote(SpatialFit f) {
        return switch (f.bias()) {
            case TRANSFORMATION -> "Estimated by Lee & Yu's (2010) transformation approach (orthonormal transformation removing the fixed "
                    + "effects); log-likelihood of the transformed model.";
            case LEE_YU -> "Estimates bias-corrected as Lee & Yu (2010) / Elhorst (direct approach); log-likelihood at the ML estimates.";
            case NONE -> "Direct maximum likelihood without bias correction (= ML with unit and period dummies).";
        };
    }

    static String testLabel(String name) {
        return switch (name) {
            case "lm-lag" -> "LM-lag";
            case "robust-lm-lag" -> "Robust LM-lag";
            case "lm-error" -> "LM-err";
            case "robust-lm-error" -> "Robust LM-err";
            case "lm-sarma" -> "LM-SARMA";
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
        for (Impacts.Row row : impacts.rows()) {
            List<String> cells = new ArrayList<>();
            List<String> se = new ArrayList<>();
            for (int q = 0; q < 3; q++) {
                double[] s = shown(p, impacts, row, q);
                cells.add(cell(s[0], s[2]));
                cells.add(Formats.fixed(s[3], 3));
                se.add(Formats.bracketed(s[1], 4));
                se.add("");
            }
            t.row(label(p.labels(), row.variable()), cells);
            t.detail(se);
        }
        return t.note("Standard errors in brackets; z = estimate / standard error; *** p<0.01, ** p<0.05, * p<0.1. " + effectsNote(p, impacts))
                .build();
    }

    static Table testsTable(List<TestStatistic> tests) {
        Table.Builder t = Table.builder("tests", "Specification tests").stub("Test").columns("Statistic", "df", "p-value");
        for (TestStatistic s : tests) {
            t.row(testLabel(s.name()), Formats.fixed(s.statistic(), 4), s.df() == null ? "" : Formats.number(s.df(), 0), Formats.pValue(s.pValue()));
        }
        for (TestStatistic s : tests) if (s.note() != null) t.note(testLabel(s.name()) + ": " + s.note());
        return t.note("LM tests on the non-spatial fixed-effects model (Elhorst 2014; SARMA: Anselin et al. 1996); LR and Wald tests of the "
                + "spatial Durbin model; Hausman: fixed vs random entity effects (non-spatial).").build();
    }
}
