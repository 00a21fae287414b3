package eres.plugins.threshold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.random.Seeds;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import eres.api.EstimationException;
import eres.api.Estimator;
import eres.api.Limits;
import eres.api.Param;
import eres.api.ProgressReporter;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.DataFile;
import eres.api.result.Figure;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Hansen's (1999, J. Econometrics 93) fixed-effect panel threshold regression
 *
 * <pre>  y_it = mu_i + x_it' b_0 1(q_it &lt;= g_1) + x_it' b_1 1(g_1 &lt; q_it &lt;= g_2) + ... + z_it' d + e_it</pre>
 *
 * with up to three thresholds estimated sequentially by concentrated least squares (with the
 * refinement of the first), bootstrap F tests of k - 1 against k thresholds (p-values and 10/5/1 %
 * critical values), LR confidence intervals with Hansen's {@code c(alpha) = -2 ln(1 - sqrt(level))}, the
 * regime coefficient table and the LR plot. Unbalanced panels are handled exactly (per-entity within
 * transformation, {@code df = sum_i (T_i - 1)}, wild bootstrap over entities). Verified against the
 * reference numbers of Hansen's investment data in the method specification (both the deletion and the
 * all-rows conventions) and against brute-force least squares on every candidate.
 */
@Extension
public final class ThresholdEstimator implements Estimator<ThresholdEstimator.Parameters> {

    /** {@code grid}: {@code all} distinct values, or Hansen's quantile grid of N points. */
    public record Grid(int points) {
        public Grid {
            if (points < 0) throw new SpecException("grid", "must be 'all' or a positive number of points, got " + points);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Grid of(Object v) {
            if (v instanceof String s && s.trim().equalsIgnoreCase("all")) return new Grid(0);
            if (v instanceof Integer i) {
                if (i < 10) throw new SpecException("grid", "needs at least 10 points (or 'all'), got " + i);
                if (i > 1_000_000) throw new SpecException("grid", "is " + i + "; use 'all' for every distinct value");
                return new Grid(i);
            }
            throw new SpecException("grid", "must be 'all' or a number of points, got '" + v + "'");
        }

        public boolean all() {
            return points == 0;
        }

        @JsonValue
        public Object json() {
            return points == 0 ? "all" : points;
        }

        @Override
        public String toString() {
            return points == 0 ? "all" : Integer.toString(points);
        }
    }

    /** {@code model}: which model the coefficients report: {@code selected} by the tests, or 0..3 thresholds. */
    public record Model(int thresholds) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Model of(Object v) {
            if (v instanceof String s && s.trim().equalsIgnoreCase("selected")) return new Model(-1);
            if (v instanceof Integer i && i >= 0 && i <= 3) return new Model(i);
            throw new SpecException("model", "must be 'selected' or a number of thresholds 0..3, got '" + v + "'");
        }

        public boolean selected() {
            return thresholds < 0;
        }

        @JsonValue
        public Object json() {
            return thresholds < 0 ? "selected" : thresholds;
        }
    }

    /** Parameters of {@code threshold}. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regime-dependent regressor(s): their slopes differ across regimes", required = true)
            List<String> regime,
            @Param(value = "threshold variable q", required = true) String threshold,
            @Param(value = "regime-independent regressors", defaultValue = "[]") List<String> controls,
            @Param(value = "maximum number of thresholds to estimate and test (1..3)", defaultValue = "1") Integer thresholds,
            @Param(value = "trimming proportion of each step: one number, or one per step", defaultValue = "0.01")
            List<Double> trim,
            @Param(value = "candidate thresholds: 'all' distinct values, or N for Hansen's quantile grid of N points",
                    defaultValue = "all") Grid grid,
            @Param(value = "bootstrap replications per test: one number, or one per test (0 skips the test)",
                    defaultValue = "300") List<Integer> bootstrap,
            @Param(value = "confidence level of the threshold intervals; the tests select at 1 - level", defaultValue = "0.95")
            Double level,
            @Param(value = "standard errors of the regime table: conventional, robust (HC1) or cluster (by entity)",
                    defaultValue = "conventional") String se,
            @Param(value = "lags of y added as regime-independent regressors (dynamic variant, Nickell-biased)",
                    defaultValue = "0") Integer lagsOfY,
            @Param(value = "bootstrap scheme: auto (residual if balanced, else wild), residual (Hansen) or wild",
                    defaultValue = "auto") String bootstrapScheme,
            @Param(value = "lower regime is q < gamma (Hansen's code) instead of q <= gamma (xthreg)", defaultValue = "false")
            Boolean strictLower,
            @Param(value = "drop each entity's last demeaned period, as Hansen's code does", defaultValue = "false")
            Boolean deleteLastPeriod,
            @Param(value = "model of the coefficients: 'selected' by the bootstrap tests, or 0..3 thresholds",
                    defaultValue = "selected") Model model,
            @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {

        public Parameters {
            List<SpecException.Problem> problems = new ArrayList<>();
            if (y == null) problems.add(new SpecException.Problem("y", "is required"));
            if (regime == null || regime.isEmpty()) {
                problems.add(new SpecException.Problem("regime", "needs at least one regime-dependent regressor"));
            }
            if (threshold == null) problems.add(new SpecException.Problem("threshold", "is required (the threshold variable)"));
            regime = regime == null ? List.of() : List.copyOf(regime);
            controls = controls == null ? List.of() : List.copyOf(controls);
            thresholds = thresholds == null ? 1 : thresholds;
            trim = trim == null ? List.of(0.01) : List.copyOf(trim);
            grid = grid == null ? new Grid(0) : grid;
            bootstrap = bootstrap == null ? List.of(300) : List.copyOf(bootstrap);
            level = level == null ? 0.95 : level;
            se = se == null ? "conventional" : se.toLowerCase(Locale.ROOT);
            lagsOfY = lagsOfY == null ? 0 : lagsOfY;
            bootstrapScheme = bootstrapScheme == null ? "auto" : bootstrapScheme.toLowerCase(Locale.ROOT);
            strictLower = strictLower != null && strictLower;
            deleteLastPeriod = deleteLastPeriod != null && deleteLastPeriod;
            model = model == null ? new Model(-1) : model;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            if (thresholds < 1 || thresholds > 3) {
                problems.add(new SpecException.Problem("thresholds", "must be 1, 2 or 3, got " + thresholds));
            }
            if (trim.isEmpty() || trim.size() > 3) {
                problems.add(new SpecException.Problem("trim", "needs one value or one per step (at most 3), got " + trim.size()));
            }
            for (Double t : trim) {
                if (t == null || !(t >= 0 && t < 0.5)) {
                    problems.add(new SpecException.Problem("trim", "must be in [0, 0.5), got " + t));
                }
            }
            if (bootstrap.isEmpty() || bootstrap.size() > 3) {
                problems.add(new SpecException.Problem("bootstrap", "needs one count or one per test (at most 3), got "
                        + bootstrap.size()));
            }
            for (Integer b : bootstrap) {
                if (b == null) problems.add(new SpecException.Problem("bootstrap", "has an empty entry"));
                else {
                    try {
                        Limits.replications("bootstrap", b);
                    } catch (SpecException e) {
                        problems.addAll(e.problems());
                    }
                }
            }
            if (!(level > 0 && level < 1)) problems.add(new SpecException.Problem("level", "must be in (0, 1), got " + level));
            if (!List.of("conventional", "robust", "cluster").contains(se)) {
                problems.add(new SpecException.Problem("se", "must be conventional, robust or cluster, got '" + se + "'"));
            }
            if (lagsOfY < 0 || lagsOfY > 4) problems.add(new SpecException.Problem("lags-of-y", "must be 0..4, got " + lagsOfY));
            if (!List.of("auto", "residual", "wild").contains(bootstrapScheme)) {
                problems.add(new SpecException.Problem("bootstrap-scheme", "must be auto, residual or wild, got '"
                        + bootstrapScheme + "'"));
            }
            if (!model.selected() && model.thresholds() > thresholds) {
                problems.add(new SpecException.Problem("model", "asks for " + model.thresholds() + " thresholds but only "
                        + thresholds + " are estimated ('thresholds')"));
            }
            List<String> all = new ArrayList<>();
            if (y != null) all.add(y);
            all.addAll(regime);
            all.addAll(controls);
            if (new LinkedHashSet<>(all).size() != all.size()) {
                problems.add(new SpecException.Problem("controls", "y, regime and controls must be distinct variables: " + all));
            }
            if (!problems.isEmpty()) throw new SpecException(problems);
        }

        /** Trimming of step k (1-based): the k-th value, else the last one given. */
        double trimOf(int k) {
            return trim.get(Math.min(k, trim.size()) - 1);
        }

        int bootstrapOf(int k) {
            return bootstrap.get(Math.min(k, bootstrap.size()) - 1);
        }
    }

    @Override
    public String id() {
        return "threshold";
    }

    @Override
    public String description() {
        return "Hansen (1999) fixed-effect panel threshold regression: 1-3 thresholds, bootstrap F tests, LR intervals and plot";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    /** One threshold estimate as reported in results.json. */
    public record ThresholdEstimate(String name, int model, double value, double ciLow, double ciHigh, boolean ciIsInterval,
                                    double ssr, int candidates, int singularCandidates) {
    }

    /** One F test as reported in results.json (xthreg's "Threshold effect test" row). */
    public record ThresholdTest(String model, int thresholds, double rss, double mse, double f, Double pValue, Double crit10,
                                Double crit5, Double crit1, int replications, int failedReplications) {
    }

    /** A regime of the reported model; {@code lower}/{@code upper} null when unbounded. */
    public record RegimeInfo(int index, String term, String bounds, Double lower, Double upper, int observations) {
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        String where = context.group().map(g -> "group '" + g + "': ").orElse("");
        Panel panel = context.panel();
        int kMax = p.thresholds();
        double[] trims = {p.trimOf(1), p.trimOf(2), p.trimOf(3)};
        Prepared d = new Prepared(panel, p.y(), p.regime(), p.threshold(), p.controls(), p.lagsOfY(), p.deleteLastPeriod(),
                where);
        Candidates cands = p.grid().all() ? Candidates.all(d, p.strictLower())
                : Candidates.quantile(d, p.grid().points(), trims[0], p.strictLower());
        if (cands.size() == 0) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where + "threshold variable '"
                    + p.threshold() + "' has " + d.distinct.length + " distinct value(s): no candidate threshold");
        }
        SearchEngine eng = new SearchEngine(d, cands, where);
        Procedure proc = new Procedure(eng, trims, kMax, p.level(), where);
        Procedure.Observed obs = proc.observe();

        Procedure.Scheme scheme = switch (p.bootstrapScheme()) {
            case "residual" -> Procedure.Scheme.RESIDUAL;
            case "wild" -> Procedure.Scheme.WILD;
            default -> d.balanced ? Procedure.Scheme.RESIDUAL : Procedure.Scheme.WILD;
        };
        if (scheme == Procedure.Scheme.RESIDUAL && !d.balanced) {
            throw new SpecException("bootstrap-scheme", "'residual' (Hansen's) needs every entity observed equally often;"
                    + " the estimation sample is unbalanced: use 'wild' or 'auto'");
        }
        String schemeName = scheme == Procedure.Scheme.RESIDUAL ? "residual" : "wild";
        long total = 0;
        for (int k = 1; k <= kMax; k++) total += p.bootstrapOf(k);
        List<Procedure.BootstrapTest> boots = new ArrayList<>();
        try (ProgressReporter.Task task = context.progress().start("threshold bootstrap" + context.group().map(g -> " (" + g + ")")
                .orElse(""), total)) {
            for (int k = 1; k <= kMax; k++) {
                int reps = p.bootstrapOf(k);
                boots.add(reps == 0 ? null : proc.bootstrap(obs, k, reps, Seeds.derive(context.seed(), "threshold-test-" + k),
                        scheme, context.parallelism(), task));
            }
        }
        double alpha = 1 - p.level();
        int selected = 0;
        boolean selectionComplete = true;
        for (int k = 1; k <= kMax; k++) {
            Procedure.BootstrapTest b = boots.get(k - 1);
            if (b == null || Double.isNaN(b.pValue())) {
                selectionComplete = false;
                break;
            }
            if (b.pValue() < alpha) selected = k;
            else break;
        }
        int reported = p.model().selected() ? (selectionComplete ? selected : kMax) : p.model().thresholds();

        StepResult.Builder out = StepResult.builder();
        if (kMax >= 3 && obs.tripleUsesUnrefined()) {
            out.warning("triple-threshold-collision", "Th-3 equals the refined Th-21, so the triple model uses the unrefined Th-1"
                    + " with Th-22 and Th-3 (the set Th-3 was estimated with)");
        }
        List<RegimeRegression.Fit> fits = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) {
            fits.add(RegimeRegression.fit(d, obs.thresholds(k), p.strictLower(), p.se(), p.level(), p.threshold()));
        }
        RegimeRegression.Fit rep = reported == 0
                ? RegimeRegression.fit(d, new double[0], p.strictLower(), p.se(), p.level(), p.threshold())
                : fits.get(reported - 1);
        out.coefficients(rep.all());

        // statistics
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
        out.statistic("selectionComplete", selectionComplete);
        out.statistic("reportedThresholds", (long) reported);
        double[] repThr = reported == 0 ? new double[0] : obs.thresholds(reported);
        for (int i = 0; i < repThr.length; i++) out.statistic("gamma" + (i + 1), repThr[i]);
        out.statistic("ssr", rep.ssr());
        out.statistic("r2Within", rep.r2Within());
        out.statistic("sigmaE", rep.sigma());
        out.statistic("se", p.se());
        out.statistic("level", p.level());
        out.statistic("lrCritical", proc.critical);
        out.statistic("grid", p.grid().toString());
        out.statistic("candidates", (long) cands.size());
        out.statistic("lowerRegime", p.strictLower() ? "q < gamma" : "q <= gamma");
        out.statistic("deleteLastPeriod", p.deleteLastPeriod());
        out.statistic("bootstrapScheme", scheme == Procedure.Scheme.RESIDUAL ? "residual" : "wild");
        out.statistic("seed", context.seed());
        out.statistic("rng", Seeds.ALGORITHM);
        out.statistic("lagsOfY", (long) p.lagsOfY());

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
        for (RegimeRegression.Regime r : rep.regimes()) {
            regimes.add(new RegimeInfo(r.index(), r.term(), r.bounds(), Double.isInfinite(r.lower()) ? null : r.lower(),
                    Double.isInfinite(r.upper()) ? null : r.upper(), r.observations()));
        }
        out.section("regimes", regimes);
        Map<String, Object> bs = new LinkedHashMap<>();
        bs.put("scheme", scheme == Procedure.Scheme.RESIDUAL ? "residual" : "wild");
        List<Integer> reps = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) reps.add(p.bootstrapOf(k));
        bs.put("replications", reps);
        bs.put("seed", context.seed());
        bs.put("testSeeds", "Seeds.derive(seed, \"threshold-test-k\"), replication b: Seeds.generator(testSeed, b)");
        bs.put("rng", Seeds.ALGORITHM);
        out.section("bootstrap", bs);

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
            out.warning("unbalanced", "unbalanced estimation sample (T_i from " + tMin + " to " + tMax + "): per-entity within"
                    + " transformation, df = sum(T_i - 1) = " + d.df + ", " + (scheme == Procedure.Scheme.WILD
                    ? "wild bootstrap over entities (Rademacher)" : "residual bootstrap"));
        }
        if (p.lagsOfY() > 0) dynamic(p, d, rep, out);

        // tables, figure, side file
        out.table(testsTable(p, d, obs, boots, kMax, proc.critical, scheme));
        out.table(regimeTable(p, d, fits, obs, kMax, reported, selected, selectionComplete));
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
                            b == null ? "" : Formats.pValue(b.pValue()), b == null ? "" : Formats.fixed(b.crit10(), 4),
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
                                     int reported, int selected, boolean selectionComplete) {
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
            rt.column(head[k - 1], f.all(), footer);
        }
        List<String> order = new ArrayList<>();
        for (RegimeRegression.Fit f : fits) for (Coefficient c : f.regimeCoefficients()) if (!order.contains(c.term())) order.add(c.term());
        order.addAll(fits.get(0).controlCoefficients().stream().map(Coefficient::term).toList());
        rt.order(order);
        rt.labels(labels);
        rt.note(switch (p.se()) {
            case "robust" -> "Heteroskedasticity-robust (HC1) standard errors.";
            case "cluster" -> "Standard errors clustered by " + "entity (" + d.entities + " clusters).";
            default -> "Conventional standard errors, df = sum(T_i - 1) - k.";
        });
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
}
