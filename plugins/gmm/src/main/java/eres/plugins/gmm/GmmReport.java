package eres.plugins.gmm;

import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.stats.Distributions;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link GmmResult} into the step result: coefficients, statistics, tests, sections and tables. */
final class GmmReport {
    private GmmReport() {
    }

    /** One instrument group as listed in results.json. */
    record InstrumentGroup(String group, int columns) {
    }

    static StepResult build(GmmEstimator.Parameters p, Design d, Moments m, GmmResult r) {
        StepResult.Builder out = StepResult.builder();
        int groups = m.groupsInSample();
        long nobs = m.system ? m.levelRows : m.transformedRows;
        double df = groups - 1.0;
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < m.k; j++) {
            double se = Math.sqrt(r.v()[j][j]);
            double stat = r.b()[j] / se;
            double pv = p.small() ? Distributions.tTwoSided(stat, df) : Distributions.normalTwoSided(stat);
            double q = p.small() ? Distributions.tQuantile(0.5 + p.level() / 2, df) : Distributions.normalQuantile(0.5 + p.level() / 2);
            coefs.add(new Coefficient(m.regressors.get(j), r.b()[j], se, stat, pv, r.b()[j] - q * se, r.b()[j] + q * se));
        }
        out.coefficients(coefs);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int s : m.sampleRows) {
            if (s == 0) continue;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        out.statistic("nobs", nobs).statistic("groups", groups).statistic("instruments", m.l)
                .statistic("obsPerGroupMin", groups == 0 ? 0 : min).statistic("obsPerGroupAvg", groups == 0 ? 0 : (double) nobs / groups)
                .statistic("obsPerGroupMax", max)
                .statistic("model", p.model()).statistic("transformation", p.transformation()).statistic("steps", p.steps())
                .statistic("se", p.steps() == 2 ? (p.se().equals("robust") ? "windmeijer" : "two-step") : p.se())
                .statistic("h", p.h()).statistic("sigma2", r.sigma2())
                .statistic("hansen", r.hansen()).statistic("hansenDf", r.dfOverid())
                .statistic("sargan", r.sargan()).statistic("level", p.level());
        List<TestStatistic> tests = new ArrayList<>();
        if (r.waldDf() > 0) {
            if (p.small()) {
                double f = r.wald() / r.waldDf();
                tests.add(TestStatistic.f("wald", f, r.waldDf(), df, Distributions.fUpper(f, r.waldDf(), df), "all slopes are zero"));
            } else {
                tests.add(TestStatistic.chi2("wald", r.wald(), r.waldDf(), Distributions.chi2Upper(r.wald(), r.waldDf()),
                        "all slopes are zero"));
            }
        }
        if (r.dfOverid() > 0) {
            tests.add(TestStatistic.chi2("hansen", r.hansen(), r.dfOverid(), Distributions.chi2Upper(r.hansen(), r.dfOverid()),
                    "the instruments are valid (Hansen J, two-step; robust, weakened by many instruments)"));
            tests.add(TestStatistic.chi2("sargan", r.sargan(), r.dfOverid(), Distributions.chi2Upper(r.sargan(), r.dfOverid()),
                    "the instruments are valid (Sargan, one-step; not robust)"));
        } else {
            tests.add(TestStatistic.notApplicable("hansen", "exactly identified: no overidentifying restrictions"));
        }
        for (GmmEngine.ArTest a : r.ar()) {
            String name = "ar" + a.order();
            if (Double.isNaN(a.z())) {
                tests.add(TestStatistic.notApplicable(name, "no pairs of differenced residuals " + a.order() + " period(s) apart"));
            } else {
                tests.add(TestStatistic.normal(name, a.z(), Distributions.normalTwoSided(a.z()),
                        "no autocorrelation of order " + a.order() + " in the first-differenced errors (Arellano-Bond)"));
            }
        }
        for (GmmResult.DiffHansen t : r.diff()) {
            if (t.note() != null) {
                tests.add(TestStatistic.notApplicable("diff-hansen: " + t.group(), t.note()));
            } else {
                tests.add(TestStatistic.chi2("diff-hansen: " + t.group(), t.difference(), t.dfDifference(),
                        Distributions.chi2Upper(Math.max(0, t.difference()), t.dfDifference()), "the instruments of the group are exogenous"));
            }
        }
        tests.forEach(out::test);
        for (TestStatistic t : tests) {
            if (t.name().equals("hansen") && Double.isFinite(t.pValue())) out.statistic("hansenP", t.pValue());
            if (t.name().matches("ar\\d") && Double.isFinite(t.statistic())) {
                out.statistic(t.name(), t.statistic()).statistic(t.name() + "P", t.pValue());
            }
        }
        sections(out, m, r);
        warnings(out, p, m, r, groups);
        out.table(coefficientTable(p, m, coefs, tests, nobs, groups));
        out.table(testsTable(tests));
        if (!r.diff().isEmpty()) out.table(diffTable(r));
        return out.build();
    }

    private static void sections(StepResult.Builder out, Moments m, GmmResult r) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Design.Column c : m.columns) count.merge(m.groups.get(c.group()).label(), 1, Integer::sum);
        List<InstrumentGroup> ig = new ArrayList<>();
        count.forEach((k, v) -> ig.add(new InstrumentGroup(k, v)));
        out.section("instrumentGroups", ig);
        out.section("differenceInHansen", r.diff());
    }

    private static void warnings(StepResult.Builder out, GmmEstimator.Parameters p, Moments m, GmmResult r, int groups) {
        if (m.l > groups) {
            out.warning("too-many-instruments", m.l + " instruments exceed the " + groups + " entities: the Hansen test is weak and"
                    + " estimates drift towards OLS/within (Roodman 2009); collapse the instruments or limit their lags");
        }
        for (String w : r.warnings()) out.warning("singular-weighting-matrix", w);
        if (!m.droppedRegressors.isEmpty()) {
            out.warning("collinear-regressors", "dropped as collinear: " + String.join(", ", m.droppedRegressors));
        }
        if (p.steps() == 2 && p.se().equals("conventional")) {
            out.warning("two-step-se", "two-step standard errors without Windmeijer's correction are biased downwards;"
                    + " use se: robust");
        }
    }

    private static Table coefficientTable(GmmEstimator.Parameters p, Moments m, List<Coefficient> coefs, List<TestStatistic> tests,
                                          long nobs, int groups) {
        Map<String, String> footer = new LinkedHashMap<>();
        footer.put("Observations", Formats.count(nobs));
        footer.put("Entities", Formats.count(groups));
        footer.put("Instruments", Formats.count(m.l));
        for (TestStatistic t : tests) {
            if (t.name().equals("ar1") || t.name().equals("ar2")) {
                footer.put("AR(" + t.name().substring(2) + ") p-value", Formats.pValue(t.pValue()));
            }
            if (t.name().equals("hansen")) footer.put("Hansen J p-value", Formats.pValue(t.pValue()));
        }
        String model = (p.system() ? "System" : "Difference") + " GMM, " + (p.steps() == 2 ? "two-step" : "one-step");
        return new RegressionTable("coefficients", model + " estimates of " + p.labels().getOrDefault(p.y(), p.y()))
                .stub("Variable").labels(p.labels()).column("(1)", coefs, footer)
                .note((p.steps() == 2 ? (p.se().equals("robust") ? "Windmeijer (2005) corrected two-step standard errors."
                        : "Two-step standard errors (uncorrected).") : (p.se().equals("robust")
                        ? "One-step cluster-robust standard errors." : "One-step standard errors."))
                        + (p.transformation().equals("fod") ? " Forward orthogonal deviations." : " First differences.")
                        + " AR tests on first-differenced residuals; Hansen J from the two-step estimate.")
                .build();
    }

    private static Table testsTable(List<TestStatistic> tests) {
        Table.Builder t = Table.builder("tests", "Specification tests").stub("Test").columns("Statistic", "df", "p-value");
        for (TestStatistic s : tests) {
            if (s.name().startsWith("diff-hansen")) continue;
            String df = s.df() == null ? "" : s.df2() == null ? Formats.number(s.df(), 0) : Formats.number(s.df(), 0) + ", " + Formats.number(s.df2(), 0);
            t.row(s.name(), Double.isNaN(s.statistic()) ? "" : Formats.fixed(s.statistic(), 4), df, Formats.pValue(s.pValue()));
        }
        return t.note("AR(j): Arellano-Bond z test on first-differenced residuals; Hansen J robust but weakened by many instruments;"
                + " Sargan not robust.").build();
    }

    private static Table diffTable(GmmResult r) {
        Table.Builder t = Table.builder("difference-in-hansen", "Difference-in-Hansen tests of exogeneity of instrument subsets")
                .stub("Instrument group").columns("Hansen excl. group", "df", "p-value", "Difference", "df", "p-value");
        for (GmmResult.DiffHansen d : r.diff()) {
            if (d.note() != null) {
                t.row(d.group(), "", "", "", "", "", "");
                continue;
            }
            t.row(d.group(), Formats.fixed(d.excluded(), 4), Integer.toString(d.dfExcluded()),
                    Formats.pValue(d.dfExcluded() > 0 ? Distributions.chi2Upper(d.excluded(), d.dfExcluded()) : Double.NaN),
                    Formats.fixed(d.difference(), 4), Integer.toString(d.dfDifference()),
                    Formats.pValue(Distributions.chi2Upper(Math.max(0, d.difference()), d.dfDifference())));
        }
        return t.note("Null hypothesis of the difference: the group's instruments are exogenous (xtabond2's C statistics).").build();
    }
}
