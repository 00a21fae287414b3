package eres.plugins.gtwr;

import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.stats.Distributions;
import eres.api.table.Formats;
import eres.plugins.gtwr.LocalRegression.Bandwidth;
import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.StepContext;
import eres.api.data.Geography;
import eres.api.data.Location;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.DataFile;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared body of the {@code gwr} and {@code gtwr} steps: data, fit, tests, maps, result. */
final class GwrRun {
    /** Name of the side file of local estimates. */
    static final String FILE = "local-estimates.csv";

    private GwrRun() {
    }

    /** Summary of one term's local estimates (a result section entry). */
    record LocalSummary(String term, double mean, double sd, double min, double lowerQuartile, double median,
                        double upperQuartile, double max, double shareSignificant, double olsEstimate, double olsStdError) {
    }

    /** One evaluation of the model-selection path. */
    record PathEntry(double tau, double bandwidth, double score) {
    }

    static StepResult run(GwrOptions o, StepContext ctx) {
        Panel panel = ctx.panel();
        List<String> needed = new ArrayList<>();
        needed.add(o.y());
        needed.addAll(o.x());
        if (o.lat() != null) {
            needed.add(o.lat());
            needed.add(o.lon());
        }
        if (o.xCoord() != null) {
            needed.add(o.xCoord());
            needed.add(o.yCoord());
        }
        panel.requireNumeric(needed);
        int[] bad = panel.incompleteRows(needed);
        boolean[] drop = new boolean[panel.rows()];
        for (int b : bad) drop[b] = true;
        int[] rows = java.util.stream.IntStream.range(0, panel.rows()).filter(i -> !drop[i]).toArray();
        int n = rows.length;
        int p = o.x().size() + 1;
        if (n <= p + 1) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                    n + " complete observations for " + p + " local parameters (need more than " + (p + 1) + ")");
        }
        double[] y = new double[n];
        double[][] xs = new double[p - 1][n];
        double[] yAll = panel.column(o.y());
        for (int i = 0; i < n; i++) y[i] = yAll[rows[i]];
        for (int k = 0; k < p - 1; k++) {
            double[] c = panel.column(o.x().get(k));
            for (int i = 0; i < n; i++) xs[k][i] = c[rows[i]];
        }
        List<String> terms = new ArrayList<>();
        terms.add("intercept");
        terms.addAll(o.x());
        Design design = new Design(y, xs, terms);

        // coordinates
        double[] time = new double[n];
        String[] entity = new String[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            time[i] = panel.time(rows[i]);
            t[i] = panel.time(rows[i]);
            entity[i] = panel.entity(rows[i]);
        }
        Locations loc;
        String coordinates;
        double[] c1 = new double[n];
        double[] c2 = new double[n];
        if (o.xCoord() != null) {
            double[] a = panel.column(o.xCoord());
            double[] b = panel.column(o.yCoord());
            for (int i = 0; i < n; i++) {
                c1[i] = a[rows[i]];
                c2[i] = b[rows[i]];
            }
            loc = Locations.projected(c1, c2, time);
            coordinates = "projected columns " + o.xCoord() + ", " + o.yCoord() + " (Euclidean distance)";
        } else if (o.lat() != null) {
            double[] a = panel.column(o.lat());
            double[] b = panel.column(o.lon());
            for (int i = 0; i < n; i++) {
                c1[i] = a[rows[i]];
                c2[i] = b[rows[i]];
                if (!(c1[i] >= -90 && c1[i] <= 90) || !(c2[i] >= -180 && c2[i] <= 180)) {
                    throw new DataException("coordinates out of range at " + entity[i] + " " + t[i] + ": " + o.lat() + " = " + c1[i]
                            + ", " + o.lon() + " = " + c2[i]);
                }
            }
            loc = Locations.lonLat(c1, c2, time);
            coordinates = "columns " + o.lat() + ", " + o.lon() + " (great-circle km)";
        } else {
            Geography g = ctx.geography();
            for (int i = 0; i < n; i++) {
                java.util.Optional<Location> l = g.location(entity[i]);
                if (l.isEmpty()) {
                    throw new DataException("no coordinates for " + panel.entityName() + " '" + entity[i] + "' in the geography ("
                            + g.description() + "); give lat/lon or x-coord/y-coord columns");
                }
                c1[i] = l.get().lat();
                c2[i] = l.get().lon();
            }
            loc = Locations.lonLat(c1, c2, time);
            coordinates = "geography locations of " + panel.entityName() + " (great-circle km; " + g.description() + ")";
        }

        GtwrEngine engine = new GtwrEngine(design, loc, o.settings(), ctx.parallelism(), ctx.progress(),
                i -> panel.entityName() + " " + entity[i] + ", " + panel.timeName() + " " + t[i]);
        GtwrEngine.Result r = engine.run();
        GtwrEngine.Diagnostics d = r.diagnostics();

        // global OLS for comparison
        double[][] xRows = new double[n][p];
        for (int i = 0; i < n; i++) for (int k = 0; k < p; k++) xRows[i][k] = design.original(i, k);
        LeastSquaresFit ols = LeastSquares.fit(xRows, y, terms);
        double olsSigma2 = ols.ssr() / (n - p);
        List<Coefficient> olsCoef = new ArrayList<>();
        double q975 = Distributions.tQuantile(0.975, n - p);
        for (int k = 0; k < p; k++) {
            double b = ols.beta(k);
            double se = Math.sqrt(olsSigma2 * ols.xtxInverse(k, k));
            double tv = b / se;
            olsCoef.add(new Coefficient(terms.get(k), b, se, tv, Distributions.tTwoSided(tv, n - p), b - q975 * se, b + q975 * se));
        }
        double olsAicc = GtwrEngine.aicc(n, ols.ssr(), p);
        double ybar = Arrays.stream(y).average().orElse(0);
        double tss = 0;
        for (double v : y) tss += (v - ybar) * (v - ybar);
        double olsR2 = 1 - ols.ssr() / tss;

        // local estimates on the original scale
        double[][] est = new double[p][n];
        double[][] se = new double[p][n];
        double[][] tv = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                est[k][i] = r.fit().beta[i * p + k] / design.scale[k];
                se[k][i] = r.se()[i * p + k] / design.scale[k];
                tv[k][i] = est[k][i] / se[k][i];
            }
        }

        String model = o.temporal() ? "GTWR" : "GWR";
        StepResult.Builder b = StepResult.builder();
        // statistics
        Bandwidth bw = r.bandwidth();
        b.statistic("model", model.toLowerCase());
        b.statistic("nobs", (long) n);
        b.statistic("parameters", (long) p);
        b.statistic("kernel", o.kernel().label());
        b.statistic("adaptive", o.adaptive());
        b.statistic("bandwidth", bw.value());
        b.statistic("bandwidthUnit", bw.adaptive() ? "neighbours" : loc.unit());
        b.statistic("bandwidthSelected", o.bandwidth() == null);
        b.statistic("criterion", o.criterion().label());
        b.statistic("search", r.searchMethod());
        b.statistic("coordinates", coordinates);
        if (o.temporal()) {
            b.statistic("distance", r.metric().form() == SpaceTimeMetric.Form.HUANG ? "huang" : "gwmodel-linear");
            if (r.metric().form() == SpaceTimeMetric.Form.HUANG) {
                b.statistic("tau", r.tau());
                b.statistic("tauUnit", loc.unit() + "^2 per " + panel.timeName() + "^2");
                b.statistic("tauScaled", r.spatialScale() > 0 ? r.tau() / (r.spatialScale() * r.spatialScale()) : Double.NaN);
                b.statistic("tauSelected", o.tau() == null);
            } else {
                b.statistic("lambdaGw", o.lambdaGw());
                b.statistic("ksi", o.ksi());
            }
            b.statistic("spatialScale", r.spatialScale());
            b.statistic("timeWindow", o.pastOnly() ? "past-only" : "symmetric");
        }
        b.statistic("gaussianCutoff", o.kernel().compact() ? 0.0 : o.cutoff());
        b.statistic("rss", d.rss());
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
        b.statistic("olsRss", ols.ssr());
        b.statistic("olsAicc", olsAicc);
        b.statistic("olsR2", olsR2);
        int evaluations = r.path().stream().mapToInt(in -> in.evaluations().size()).sum();
        b.statistic("searchEvaluations", (long) evaluations);
        b.statistic("droppedRows", (long) bad.length);
        double memoryCap = r.path().stream().mapToDouble(GtwrEngine.Inner::memoryCap).min().orElse(Double.POSITIVE_INFINITY);
        if (memoryCap < Double.POSITIVE_INFINITY) {
            b.warning("memory-limited-search", "bandwidths from " + memoryCap + (bw.adaptive() ? " neighbours" : " " + loc.unit())
                    + " up were not tried: their neighbour lists exceed the memory budget (" + Neighbours.limit()
                    + " entries); the optimum is the best smaller bandwidth. Give the JVM more memory to search further.");
        }
        b.statistic("memoryLimitedSearch", memoryCap < Double.POSITIVE_INFINITY);
        if (o.bandwidth() == null) {
            double lo = r.path().get(0).lower();
            double hi = r.path().get(0).upper();
            double v = bw.value();
            if (Math.abs(v - lo) <= 1e-9 * Math.max(1, Math.abs(lo)) || Math.abs(v - hi) <= 1e-9 * Math.max(1, Math.abs(hi))) {
                b.warning("bandwidth-at-bound", "the selected bandwidth " + (bw.adaptive() ? bw.neighbours() + " neighbours" : v)
                        + " is at the " + (Math.abs(v - lo) <= 1e-9 * Math.max(1, Math.abs(lo)) ? "lower" : "upper")
                        + " end of the search range [" + lo + ", " + hi + "]: the " + o.criterion().label()
                        + " may prefer a bandwidth outside it (set bandwidth-min / bandwidth-max)");
            }
        }
        if (o.adaptive() && o.bandwidth() != null && o.bandwidth() > n) {
            // more neighbours than observations: every point's kernel covers the whole sample
            b.warning("bandwidth-above-n", "the adaptive bandwidth of " + Math.round(o.bandwidth()) + " neighbours exceeds the " + n
                    + " observations: every observation is a neighbour of every point (an adaptive bandwidth counts neighbours;"
                    + " at most " + n + " here)");
        }
        if (bad.length > 0) b.warning("dropped-missing", bad.length + " row(s) with a missing value in y, x or coordinates were dropped");

        // tests
        double[] f = NonStationarityTest.anova(ols.ssr(), d.rss(), n, p, d.edf());
        List<TestStatistic> tests = new ArrayList<>();
        tests.add(f[1] > 0 ? TestStatistic.f("gwr-anova-f", f[0], f[1], f[2], f[3],
                "the global OLS model fits as well as the local model (Brunsdon, Fotheringham & Charlton 1999)")
                : TestStatistic.notApplicable("gwr-anova-f", "the local model uses no more degrees of freedom than OLS"));
        List<NonStationarityTest.MonteCarlo> mc = List.of();
        if (o.permutations() > 0) {
            mc = NonStationarityTest.monteCarlo(r.model(), r.modelDesign(), bw, r.modelBeta(), o.permutations(), ctx.seed(),
                    ctx.parallelism(), ctx.progress());
            for (NonStationarityTest.MonteCarlo m : mc) {
                tests.add(new TestStatistic("nonstationarity-" + m.term(), m.sd(), null, null, m.pValue(), "permutation",
                        "the local estimates of " + m.term() + " vary no more than under random permutation of the observations"
                                + " over the " + (o.temporal() ? "space-time" : "spatial") + " points",
                        m.replications() + " permutations (seed " + ctx.seed() + ", " + eres.api.random.Seeds.ALGORITHM + ")"));
            }
            int invalid = o.permutations() - mc.get(0).replications();
            if (invalid > 0) b.warning("singular-permutations", invalid + " permutation(s) gave a singular local design and were skipped");
        }
        tests.forEach(b::test);

        // sections
        List<LocalSummary> summary = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            double[] v = est[k].clone();
            Arrays.sort(v);
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) ss += (x - mean) * (x - mean);
            int sig = 0;
            for (double x : tv[k]) if (Math.abs(x) > 1.96) sig++;
            summary.add(new LocalSummary(terms.get(k), mean, Math.sqrt(ss / (n - 1)), v[0], quantile(v, 0.25), quantile(v, 0.5),
                    quantile(v, 0.75), v[n - 1], (double) sig / n, olsCoef.get(k).estimate(), olsCoef.get(k).stdError()));
        }
        b.section("localSummary", summary);
        // insertion-ordered maps only: results.json must be byte-identical across runs (Map.of order is salted per JVM)
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("coefficients", olsCoef);
        global.put("rss", ols.ssr());
        global.put("aicc", olsAicc);
        global.put("r2", olsR2);
        b.section("global", global);
        List<PathEntry> path = new ArrayList<>();
        for (GtwrEngine.Inner in : r.path()) {
            for (BandwidthSearch.Evaluation e : in.evaluations()) path.add(new PathEntry(in.tau(), e.bandwidth(), e.score()));
        }
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("method", r.searchMethod());
        search.put("criterion", o.criterion().label());
        search.put("lower", r.path().get(0).lower());
        search.put("upper", r.path().get(0).upper());
        search.put("evaluations", path);
        b.section("bandwidthSearch", search);
        Map<String, Object> ns = new LinkedHashMap<>();
        Map<String, Object> anova = new LinkedHashMap<>();
        anova.put("f", f[0]);
        anova.put("df1", f[1]);
        anova.put("df2", f[2]);
        anova.put("pValue", f[3]);
        ns.put("anovaF", anova);
        ns.put("monteCarlo", mc);
        b.section("nonStationarity", ns);
        b.section("localEstimatesFile", FILE);

        // new panel columns
        String pre = o.output();
        for (int k = 0; k < p; k++) {
            b.column(pre + "." + terms.get(k), scatter(panel.rows(), rows, est[k]));
            b.column(pre + "." + terms.get(k) + ".se", scatter(panel.rows(), rows, se[k]));
            b.column(pre + "." + terms.get(k) + ".t", scatter(panel.rows(), rows, tv[k]));
        }
        b.column(pre + ".r2", scatter(panel.rows(), rows, r.localR2()));
        b.column(pre + ".yhat", scatter(panel.rows(), rows, r.fit().yhat));
        b.column(pre + ".residual", scatter(panel.rows(), rows, r.residuals()));

        b.file(new DataFile(FILE, "text/csv", csv(panel, o, entity, t, c1, c2, y, r, terms, est, se, tv)));

        // tables
        b.table(summaryTable(o, model, summary, olsCoef, n));
        b.table(diagnosticsTable(o, model, r, loc, ols.ssr(), olsAicc, olsR2, n, p, panel.timeName()));
        b.table(testsTable(tests));

        // maps
        if (o.maps() && !o.mapTerms().isEmpty()) {
            Geography g = ctx.geography();
            if (g.boundaries().isEmpty()) {
                b.warning("no-boundaries", "the geography has no boundaries: coefficient maps were not drawn");
            } else {
                Map<String, double[]> byTerm = new LinkedHashMap<>();
                for (String term : o.mapTerms()) byTerm.put(term, est[terms.indexOf(term)]);
                CoefficientMaps.Maps maps = CoefficientMaps.build(g, o.mapTerms(), byTerm, entity, t, CoefficientMaps.periods(o.periods(), t), o.mapClasses(),
                        o.commonBreaks(), o.labels(), model);
                maps.figures().forEach(b::figure);
                if (!maps.sections().isEmpty()) b.table(maps.table());
                b.section("maps", maps.sections());
                for (String s : maps.skipped()) b.warning("empty-period", "no observation in period " + s + ": map not drawn");
            }
        }
        return b.build();
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

    static String csv(Panel panel, GwrOptions o, String[] entity, int[] t, double[] c1, double[] c2, double[] y,
                      GtwrEngine.Result r, List<String> terms, double[][] est, double[][] se, double[][] tv) {
        StringBuilder sb = new StringBuilder();
        String a = o.xCoord() != null ? o.xCoord() : "lat";
        String bName = o.xCoord() != null ? o.yCoord() : "lon";
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
            t.detail(List.of("", "", "", "", "", "", "", "", Formats.bracketed(c.stdError(), 4)));
        }
        t.footer("Observations", Formats.count(n), "", "", "", "", "", "", "", Formats.count(n));
        return t.note("Distribution of the " + n + " local estimates (quartiles: R type 7); |t| > 1.96: share of local t-values "
                + "beyond 1.96 in absolute value. Global OLS: estimate with stars (*** p<0.01, ** p<0.05, * p<0.1), "
                + "standard error in brackets.").build();
    }

    static Table diagnosticsTable(GwrOptions o, String model, GtwrEngine.Result r, Locations loc, double olsRss, double olsAicc,
                                  double olsR2, int n, int p, String timeName) {
        GtwrEngine.Diagnostics d = r.diagnostics();
        Bandwidth bw = r.bandwidth();
        Table.Builder t = Table.builder("diagnostics", model + " model selection and diagnostics").stub("").columns(model, "Global OLS");
        t.row("Kernel", o.kernel().label() + (o.adaptive() ? ", adaptive" : ", fixed"), "");
        t.row("Bandwidth", bw.adaptive() ? bw.neighbours() + " neighbours" : Formats.number(bw.value(), 4) + " " + loc.unit(), "");
        if (o.temporal() && r.metric().form() == SpaceTimeMetric.Form.HUANG) {
            t.row("Space-time ratio tau", Formats.number(r.tau(), 6) + " " + loc.unit() + "^2/" + timeName + "^2", "");
        }
        t.row("Selection", o.bandwidth() == null ? o.criterion().label() + ", " + r.searchMethod() + " search" : "bandwidth given", "");
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
