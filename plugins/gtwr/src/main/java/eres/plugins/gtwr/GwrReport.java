package eres.plugins.gtwr;

import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.inference.ModelSummary;
import eres.api.result.Coefficient;
import eres.api.result.DataFile;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.table.Formats;
import eres.plugins.gtwr.GwrModel.GwrResults;
import eres.plugins.gtwr.LocalRegression.Bandwidth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Presentation of a GWR/GTWR step's {@link GwrResults}: statistics, tests, sections ({@code localSummary},
 * {@code global}, {@code bandwidthSearch}, {@code nonStationarity}, {@code summary}, {@code covariance},
 * {@code maps}), the new panel columns, the side file of local estimates, the tables and the maps.
 */
final class GwrReport {
    /** Name of the side file of local estimates. */
    static final String FILE = "local-estimates.csv";

    private GwrReport() {
    }

    /** Summary of one term's local estimates (a result section entry). */
    record LocalSummary(String term, double mean, double sd, double min, double lowerQuartile, double median,
                        double upperQuartile, double max, double shareSignificant, double olsEstimate, double olsStdError) {
    }

    /** One evaluation of the model-selection path. */
    record PathEntry(double tau, double bandwidth, double score) {
    }

    static StepResult build(GwrOptions o, GwrData data, GwrResults res, Geography geography) {
        StepResult.Builder b = StepResult.builder();
        String model = o.temporal() ? "GTWR" : "GWR";
        statistics(b, o, data, res);
        warnings(b, o, data, res);
        List<TestStatistic> tests = tests(o, res);
        tests.forEach(b::test);
        sections(b, o, data, res);
        columns(b, o, data, res);
        b.file(new DataFile(FILE, "text/csv", csv(data.panel(), o, data, res)));
        List<LocalSummary> summary = localSummary(data, res);
        b.table(summaryTable(o, model, summary, res.ols(), data.n()));
        b.table(diagnosticsTable(o, model, res, data));
        b.table(testsTable(tests));
        maps(b, o, data, res, geography, model);
        return b.build();
    }

    private static void statistics(StepResult.Builder b, GwrOptions o, GwrData data, GwrResults res) {
        GtwrEngine.Result r = res.engine();
        GtwrEngine.Diagnostics d = r.diagnostics();
        Bandwidth bw = r.bandwidth();
        GwrOptions.BandwidthOptions bo = o.bandwidth();
        Locations loc = data.locations();
        b.statistic("model", o.temporal() ? "gtwr" : "gwr");
        b.statistic("nobs", (long) data.n());
        b.statistic("parameters", (long) data.p());
        b.statistic("kernel", bo.kernel().label());
        b.statistic("adaptive", bo.adaptive());
        b.statistic("bandwidth", bw.value());
        b.statistic("bandwidthUnit", bw.adaptive() ? "neighbours" : loc.unit());
        b.statistic("bandwidthSelected", bo.value() == null);
        b.statistic("criterion", bo.criterion().label());
        b.statistic("search", r.searchMethod());
        b.statistic("coordinates", data.coordinates());
        if (o.temporal()) {
            b.statistic("distance", r.metric().form().toString());
            if (r.metric().form() == SpaceTimeMetric.Form.HUANG) {
                b.statistic("tau", r.tau());
                b.statistic("tauUnit", loc.unit() + "^2 per " + data.panel().timeName() + "^2");
                b.statistic("tauScaled", r.spatialScale() > 0 ? r.tau() / (r.spatialScale() * r.spatialScale()) : Double.NaN);
                b.statistic("tauSelected", o.spaceTime().tau() == null);
            } else {
                b.statistic("lambdaGw", o.spaceTime().lambdaGw());
                b.statistic("ksi", o.spaceTime().ksi());
            }
            b.statistic("spatialScale", r.spatialScale());
            b.statistic("timeWindow", o.spaceTime().window().toString());
        }
        b.statistic("gaussianCutoff", bo.kernel().compact() ? 0.0 : bo.cutoff());
        b.statistic("ssr", d.rss());
        b.statistic("traceS", d.traceS());
        b.statistic("traceSS", d.traceSS());
        b.statistic("enp", d.enp());
        b.statistic("edf", d.edf());
        b.statistic("sigma", Math.sqrt(d.sigma2()));
        b.statistic("sigmaMl", d.sigmaMl());
        b.statistic("logLik", d.logLik());
        b.statistic("aicc", d.aicc());
        b.statistic("aic", d.aic());
        b.statistic("aicGwmodel", d.aicGwmodel());
        b.statistic("bic", d.bic());
        b.statistic("r2", d.r2());
        b.statistic("r2Adjusted", d.r2Adjusted());
        b.statistic("cv", d.cv());
        b.statistic("cvMean", d.cvMean());
        b.statistic("criterionValue", r.score());
        b.statistic("meanNeighbours", d.meanNeighbours());
        b.statistic("olsSsr", res.olsRss());
        b.statistic("olsAicc", res.olsAicc());
        b.statistic("olsR2", res.olsR2());
        b.statistic("searchEvaluations", (long) r.path().stream().mapToInt(in -> in.evaluations().size()).sum());
        b.statistic("droppedRows", (long) data.dropped());
        b.statistic("memoryLimitedSearch", memoryCap(r) < Double.POSITIVE_INFINITY);
    }

    private static double memoryCap(GtwrEngine.Result r) {
        return r.path().stream().mapToDouble(GtwrEngine.Inner::memoryCap).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static void warnings(StepResult.Builder b, GwrOptions o, GwrData data, GwrResults res) {
        GtwrEngine.Result r = res.engine();
        Bandwidth bw = r.bandwidth();
        double cap = memoryCap(r);
        if (cap < Double.POSITIVE_INFINITY) {
            b.warning("memory-limited-search", "bandwidths from " + cap + (bw.adaptive() ? " neighbours" : " " + data.locations().unit())
                    + " up were not tried: their neighbour lists exceed the memory budget (" + Neighbours.limit()
                    + " entries); the optimum is the best smaller bandwidth. Give the JVM more memory to search further.");
        }
        if (o.bandwidth().value() == null) {
            double lo = r.path().get(0).lower();
            double hi = r.path().get(0).upper();
            double v = bw.value();
            boolean atLo = Math.abs(v - lo) <= 1e-9 * Math.max(1, Math.abs(lo));
            if (atLo || Math.abs(v - hi) <= 1e-9 * Math.max(1, Math.abs(hi))) {
                b.warning("bandwidth-at-bound", "the selected bandwidth " + (bw.adaptive() ? bw.neighbours() + " neighbours" : v)
                        + " is at the " + (atLo ? "lower" : "upper") + " end of the search range [" + lo + ", " + hi + "]: the "
                        + o.bandwidth().criterion().label() + " may prefer a bandwidth outside it (set bandwidth-min / bandwidth-max)");
            }
        }
        Double given = o.bandwidth().value();
        if (o.bandwidth().adaptive() && given != null && given > data.n()) {
            // more neighbours than observations: every point's kernel covers the whole sample
            b.warning("bandwidth-above-n", "the adaptive bandwidth of " + Math.round(given) + " neighbours exceeds the " + data.n()
                    + " observations: every observation is a neighbour of every point (an adaptive bandwidth counts neighbours;"
                    + " at most " + data.n() + " here)");
        }
        if (data.dropped() > 0) b.warning("dropped-missing", data.dropped() + " row(s) with a missing value in y, x or coordinates were dropped");
        if (o.permutations() > 0) {
            int invalid = o.permutations() - res.monteCarlo().get(0).replications();
            if (invalid > 0) b.warning("singular-permutations", invalid + " permutation(s) gave a singular local design and were skipped");
        }
    }

    private static List<TestStatistic> tests(GwrOptions o, GwrResults res) {
        double[] f = res.anova();
        List<TestStatistic> tests = new ArrayList<>();
        tests.add(f[1] > 0 ? TestStatistic.f("gwr-anova-f", f[0], f[1], f[2], f[3],
                "the global OLS model fits as well as the local model (Brunsdon, Fotheringham & Charlton 1999)")
                : TestStatistic.notApplicable("gwr-anova-f", "the local model uses no more degrees of freedom than OLS"));
        for (NonStationarityTest.MonteCarlo m : res.monteCarlo()) {
            tests.add(new TestStatistic("nonstationarity-" + m.term(), m.sd(), null, null, m.pValue(), "permutation",
                    "the local estimates of " + m.term() + " vary no more than under random permutation of the observations"
                            + " over the " + (o.temporal() ? "space-time" : "spatial") + " points",
                    m.replications() + " permutations (seed " + res.seed() + ", " + eres.api.random.Seeds.ALGORITHM + ")"));
        }
        return tests;
    }

    static List<LocalSummary> localSummary(GwrData data, GwrResults res) {
        int n = data.n();
        List<LocalSummary> summary = new ArrayList<>();
        for (int k = 0; k < data.p(); k++) {
            double[] v = res.estimates()[k].clone();
            Arrays.sort(v);
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) ss += (x - mean) * (x - mean);
            int sig = 0;
            for (double x : res.t()[k]) if (Math.abs(x) > 1.96) sig++;
            summary.add(new LocalSummary(data.terms().get(k), mean, Math.sqrt(ss / (n - 1)), v[0], quantile(v, 0.25), quantile(v, 0.5),
                    quantile(v, 0.75), v[n - 1], (double) sig / n, res.ols().get(k).estimate(), res.ols().get(k).stdError()));
        }
        return summary;
    }

    private static void sections(StepResult.Builder b, GwrOptions o, GwrData data, GwrResults res) {
        GtwrEngine.Result r = res.engine();
        b.section("localSummary", localSummary(data, res));
        // insertion-ordered maps only: results.json must be byte-identical across runs (Map.of order is salted per JVM)
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("coefficients", res.ols());
        global.put("ssr", res.olsRss());
        global.put("aicc", res.olsAicc());
        global.put("r2", res.olsR2());
        b.section("global", global);
        List<PathEntry> path = new ArrayList<>();
        for (GtwrEngine.Inner in : r.path()) {
            for (BandwidthSearch.Evaluation e : in.evaluations()) path.add(new PathEntry(in.tau(), e.bandwidth(), e.score()));
        }
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("method", r.searchMethod());
        search.put("criterion", o.bandwidth().criterion().label());
        search.put("lower", r.path().get(0).lower());
        search.put("upper", r.path().get(0).upper());
        search.put("evaluations", path);
        b.section("bandwidthSearch", search);
        Map<String, Object> ns = new LinkedHashMap<>();
        Map<String, Object> anova = new LinkedHashMap<>();
        anova.put("f", res.anova()[0]);
        anova.put("df1", res.anova()[1]);
        anova.put("df2", res.anova()[2]);
        anova.put("pValue", res.anova()[3]);
        ns.put("anovaF", anova);
        ns.put("monteCarlo", res.monteCarlo());
        b.section("nonStationarity", ns);
        b.section("localEstimatesFile", FILE);
        GtwrEngine.Diagnostics d = r.diagnostics();
        long entities = Arrays.stream(data.entity()).distinct().count();
        long periods = Arrays.stream(data.time()).distinct().count();
        // the shared summary (issue 16 item 5): dfModel = parameters per local regression, dfResid = the residual df
        // n - 2 tr S + tr S'S rounded (exact in statistics.edf), sigma = sqrt(RSS / EDF) unrounded; covariance "local"
        // (one per point; standard errors in the side file); the covariance section holds the global OLS one
        b.section("summary", new ModelSummary(data.n(), entities, periods, data.p(), Math.round(d.edf()), 0, d.rss(), Math.sqrt(d.sigma2()),
                d.r2(), null, null, null, d.r2Adjusted(), null, "local", "gwr", null, null, null));
        b.section("covariance", new ModelSummary.Covariance("conventional (global OLS)", data.terms(), res.olsCov()));
    }

    private static void columns(StepResult.Builder b, GwrOptions o, GwrData data, GwrResults res) {
        int rows = data.panel().rows();
        String pre = o.output();
        for (int k = 0; k < data.p(); k++) {
            String term = data.terms().get(k);
            b.column(pre + "." + term, scatter(rows, data.rows(), res.estimates()[k]));
            b.column(pre + "." + term + ".se", scatter(rows, data.rows(), res.se()[k]));
            b.column(pre + "." + term + ".t", scatter(rows, data.rows(), res.t()[k]));
        }
        GtwrEngine.Result r = res.engine();
        b.column(pre + ".r2", scatter(rows, data.rows(), r.localR2()));
        b.column(pre + ".yhat", scatter(rows, data.rows(), r.fit().yhat));
        b.column(pre + ".residual", scatter(rows, data.rows(), r.residuals()));
    }

    private static void maps(StepResult.Builder b, GwrOptions o, GwrData data, GwrResults res, Geography g, String model) {
        GwrOptions.MapOptions mo = o.maps();
        if (!mo.draw() || mo.terms().isEmpty()) return;
        if (g.boundaries().isEmpty()) {
            b.warning("no-boundaries", "the geography has no boundaries: coefficient maps were not drawn");
            return;
        }
        Map<String, double[]> byTerm = new LinkedHashMap<>();
        for (String term : mo.terms()) byTerm.put(term, res.estimates()[data.terms().indexOf(term)]);
        CoefficientMaps.Maps maps = CoefficientMaps.build(g, mo.terms(), byTerm, data.entity(), data.time(), CoefficientMaps.periods(mo.periods(), data.time()), mo.classes(),
                mo.commonBreaks(), o.labels(), model);
        maps.figures().forEach(b::figure);
        if (!maps.sections().isEmpty()) b.table(maps.table());
        b.section("maps", maps.sections());
        for (String s : maps.skipped()) b.warning("empty-period", "no observation in period " + s + ": map not drawn");
    }

    /** Sample quantile, R type 7 (linear interpolation between order statistics). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double[] scatter(int rows, int[] at, double[] v) {
        double[] out = new double[rows];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < at.length; i++) out[at[i]] = v[i];
        return out;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String csv(Panel panel, GwrOptions o, GwrData data, GwrResults res) {
        GtwrEngine.Result r = res.engine();
        String[] entity = data.entity();
        int[] t = data.time();
        double[] c1 = data.c1();
        double[] c2 = data.c2();
        double[] y = data.y();
        List<String> terms = data.terms();
        double[][] est = res.estimates();
        double[][] se = res.se();
        double[][] tv = res.t();
        StringBuilder sb = new StringBuilder();
        String a = o.coordinates().projected() ? o.coordinates().xCoord() : "lat";
        String bName = o.coordinates().projected() ? o.coordinates().yCoord() : "lon";
        sb.append(csvField(panel.entityName())).append(',').append(csvField(panel.timeName())).append(',').append(csvField(a))
                .append(',').append(csvField(bName)).append(",y,yhat,residual,std_residual,local_r2,influence,cooks_d,bandwidth");
        for (String term : terms) sb.append(",est_").append(term).append(",se_").append(term).append(",t_").append(term);
        sb.append('\n');
        int p = terms.size();
        for (int i = 0; i < y.length; i++) {
            sb.append(csvField(entity[i])).append(',').append(t[i]).append(',').append(num(c1[i])).append(',').append(num(c2[i]))
                    .append(',').append(num(y[i])).append(',').append(num(r.fit().yhat[i])).append(',').append(num(r.residuals()[i]))
                    .append(',').append(num(r.stdResiduals()[i])).append(',').append(num(r.localR2()[i])).append(',')
                    .append(num(r.fit().sii[i])).append(',').append(num(r.cooksD()[i])).append(',').append(num(r.fit().bandwidth[i]));
            for (int k = 0; k < p; k++) {
                sb.append(',').append(num(est[k][i])).append(',').append(num(se[k][i])).append(',').append(num(tv[k][i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    static Table summaryTable(GwrOptions o, String model, List<LocalSummary> summary, List<Coefficient> ols, int n) {
        Table.Builder t = Table.builder("local-coefficients", model + " local coefficients of " + o.label(o.y()))
                .stub("Variable").columns("Mean", "SD", "Min", "Q1", "Median", "Q3", "Max", "|t| > 1.96", "Global OLS");
        for (int k = 0; k < summary.size(); k++) {
            LocalSummary s = summary.get(k);
            Coefficient c = ols.get(k);
            t.row(s.term().equals("intercept") ? "Intercept" : o.label(s.term()), Formats.number(s.mean(), 4), Formats.number(s.sd(), 4),
                    Formats.number(s.min(), 4), Formats.number(s.lowerQuartile(), 4), Formats.number(s.median(), 4),
                    Formats.number(s.upperQuartile(), 4), Formats.number(s.max(), 4),
                    Formats.fixed(100 * s.shareSignificant(), 1) + "%", Formats.estimate(c.estimate(), c.pValue(), 4));
            t.detail(List.of("", "", "", "", "", "", "", "", Formats.parenthesised(c.stdError(), 4)));
        }
        t.footer("Observations", Formats.count(n), "", "", "", "", "", "", "", Formats.count(n));
        return t.note("Distribution of the " + n + " local estimates (quartiles: R type 7); |t| > 1.96: share of local t-values "
                + "beyond 1.96 in absolute value. Global OLS: estimate with stars (*** p<0.01, ** p<0.05, * p<0.1), "
                + "standard error in brackets.").build();
    }

    static Table diagnosticsTable(GwrOptions o, String model, GwrResults res, GwrData data) {
        GtwrEngine.Result r = res.engine();
        Locations loc = data.locations();
        double olsRss = res.olsRss();
        double olsAicc = res.olsAicc();
        double olsR2 = res.olsR2();
        int n = data.n();
        int p = data.p();
        String timeName = data.panel().timeName();
        GtwrEngine.Diagnostics d = r.diagnostics();
        Bandwidth bw = r.bandwidth();
        Table.Builder t = Table.builder("diagnostics", model + " model selection and diagnostics").stub("").columns(model, "Global OLS");
        t.row("Kernel", o.bandwidth().kernel().label() + (o.bandwidth().adaptive() ? ", adaptive" : ", fixed"), "");
        t.row("Bandwidth", bw.adaptive() ? bw.neighbours() + " neighbours" : Formats.number(bw.value(), 4) + " " + loc.unit(), "");
        if (o.temporal() && r.metric().form() == SpaceTimeMetric.Form.HUANG) {
            t.row("Space-time ratio tau", Formats.number(r.tau(), 6) + " " + loc.unit() + "^2/" + timeName + "^2", "");
        }
        t.row("Selection", o.bandwidth().value() == null ? o.bandwidth().criterion().label() + ", " + r.searchMethod() + " search"
                : "bandwidth given", "");
        t.row("Residual sum of squares", Formats.number(d.rss(), 4), Formats.number(olsRss, 4));
        t.row("Effective parameters tr(S)", Formats.number(d.traceS(), 4), Formats.count(p));
        t.row("tr(S'S)", Formats.number(d.traceSS(), 4), "");
        t.row("Residual df (n - 2tr(S) + tr(S'S))", Formats.number(d.edf(), 4), Formats.count(n - p));
        t.row("Sigma", Formats.number(Math.sqrt(d.sigma2()), 4), Formats.number(Math.sqrt(olsRss / (n - p)), 4));
        t.row("AICc", Formats.number(d.aicc(), 4), Formats.number(olsAicc, 4));
        t.row("AIC", Formats.number(d.aic(), 4), "");
        t.row("BIC", Formats.number(d.bic(), 4), "");
        t.row("CV (mean squared leave-one-out error)", Formats.number(d.cvMean(), 4), "");
        t.row("R-squared", Formats.fixed(d.r2(), 4), Formats.fixed(olsR2, 4));
        t.row("Adjusted R-squared", Formats.fixed(d.r2Adjusted(), 4), Formats.fixed(1 - (1 - olsR2) * (n - 1) / (n - p), 4));
        t.footer("Observations", Formats.count(n), Formats.count(n));
        return t.note("AICc = n ln(RSS/n) + n ln(2 pi) + n (n + tr S) / (n - 2 - tr S); AIC = -2 log L + 2 (tr S + 1) (GWR4 "
                + "classic AIC); sigma^2 = RSS / (n - 2 tr S + tr S'S). Mean positive-weight neighbours per point: "
                + Formats.fixed(d.meanNeighbours(), 1) + ".").build();
    }

    static Table testsTable(List<TestStatistic> tests) {
        Table.Builder t = Table.builder("nonstationarity", "Tests of non-stationarity").stub("Test").columns("Statistic", "df", "p-value");
        for (TestStatistic s : tests) {
            String df = s.df() == null ? "" : s.df2() == null ? Formats.number(s.df(), 2) : Formats.number(s.df(), 2) + ", " + Formats.number(s.df2(), 2);
            t.row(s.name(), Formats.number(s.statistic(), 4), df, Formats.pValue(s.pValue()));
        }
        return t.note("gwr-anova-f: F test of the local model against global OLS (Brunsdon, Fotheringham & Charlton 1999). "
                + "nonstationarity-<term>: standard deviation of the local estimates and its Monte Carlo p-value under random "
                + "permutation of the observations over the locations (Fotheringham, Brunsdon & Charlton 2002, sec. 4.4).").build();
    }
}
