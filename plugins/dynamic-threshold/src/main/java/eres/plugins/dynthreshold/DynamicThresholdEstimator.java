package eres.plugins.dynthreshold;

import eres.api.Estimator;
import eres.api.Limits;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.random.Seeds;
import eres.api.result.Coefficient;
import eres.api.result.DataFile;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import eres.api.stats.Distributions;
import eres.api.table.Formats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Seo &amp; Shin's (2016, J. Econometrics 195) dynamic panel threshold regression with endogeneity,
 *
 * <pre>  y_it = (1, x_it')' f1 1(q_it &lt;= g) + (1, x_it')' f2 1(q_it &gt; g) + a_i + e_it,</pre>
 *
 * x_it containing y_i,t-1 in the dynamic model, estimated by first-difference GMM with a grid search over
 * the threshold (Stata xthenreg, Seo, Kim &amp; Kim 2019): slopes of the lower regime b = f1 (without its
 * intercept, which the differencing removes), regime differences d = f2 - f1 (with the intercept jump) and
 * the threshold g, with asymptotic standard errors (kernel estimate for g), and the bootstrap sup-Wald test
 * of linearity (d = 0). The threshold variable may be endogenous: it never serves as its own instrument.
 */
@Extension
public final class DynamicThresholdEstimator implements Estimator<DynamicThresholdEstimator.Parameters> {

    /** Parameters of {@code dynamic-threshold}. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "threshold variable q (may be endogenous)", required = true) String threshold,
            @Param(value = "regressors instrumented by their own differences (strictly exogenous)", defaultValue = "[]") List<String> x,
            @Param(value = "endogenous regressors: instrumented by their levels dated t-2 and earlier", defaultValue = "[]")
            List<String> endogenous,
            @Param(value = "regressors instrumented by their levels dated t and earlier (xthenreg exo())", defaultValue = "[]")
            List<String> exogenous,
            @Param(value = "additional instruments (their levels at t)", defaultValue = "[]") List<String> instruments,
            @Param(value = "static model: no lag of y among the regressors (xthenreg static)", defaultValue = "false") Boolean noLag,
            @Param(value = "number of grid points for the threshold", defaultValue = "100") Integer grid,
            @Param(value = "trim rate: the grid runs from the trim/2 to the 1 - trim/2 quantile of q", defaultValue = "0.4") Double trim,
            @Param(value = "bandwidth constant h0 of h = h0 * 1.06 * N^-1/5 * sd(q)", defaultValue = "1.5") Double h0,
            @Param(value = "bootstrap replications of the linearity test (0 skips it)", defaultValue = "0") Integer bootstrap,
            @Param(value = "confidence level of the intervals", defaultValue = "0.95") Double level,
            @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {

        public Parameters {
            List<SpecException.Problem> problems = new ArrayList<>();
            if (y == null) problems.add(new SpecException.Problem("y", "is required"));
            if (threshold == null) problems.add(new SpecException.Problem("threshold", "is required (the threshold variable)"));
            x = x == null ? List.of() : List.copyOf(x);
            endogenous = endogenous == null ? List.of() : List.copyOf(endogenous);
            exogenous = exogenous == null ? List.of() : List.copyOf(exogenous);
            instruments = instruments == null ? List.of() : List.copyOf(instruments);
            noLag = noLag != null && noLag;
            grid = grid == null ? 100 : grid;
            trim = trim == null ? 0.4 : trim;
            h0 = h0 == null ? 1.5 : h0;
            bootstrap = bootstrap == null ? 0 : bootstrap;
            level = level == null ? 0.95 : level;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            if (grid < 2 || grid > 10_000) problems.add(new SpecException.Problem("grid", "must be 2..10000 points, got " + grid));
            if (!(trim >= 0 && trim < 1)) problems.add(new SpecException.Problem("trim", "must be in [0, 1), got " + trim));
            if (!(h0 > 0) || Double.isInfinite(h0)) problems.add(new SpecException.Problem("h0", "must be positive, got " + h0));
            try {
                Limits.replications("bootstrap", bootstrap);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
            if (!(level > 0 && level < 1)) problems.add(new SpecException.Problem("level", "must be in (0, 1), got " + level));
            List<String> all = new ArrayList<>();
            if (y != null) all.add(y);
            all.addAll(x);
            all.addAll(endogenous);
            all.addAll(exogenous);
            if (new LinkedHashSet<>(all).size() != all.size()) {
                problems.add(new SpecException.Problem("x", "y, x, endogenous and exogenous must be distinct variables: " + all));
            }
            if (noLag && all.size() <= 1) problems.add(new SpecException.Problem("x", "the static model (no-lag) needs a regressor"));
            if (!problems.isEmpty()) throw new SpecException(problems);
        }
    }

    @Override
    public String id() {
        return "dynamic-threshold";
    }

    @Override
    public String description() {
        return "Seo-Shin (2016) first-difference GMM dynamic panel threshold with endogeneity and bootstrap linearity test (xthenreg)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    /** The threshold estimate as reported in results.json. */
    public record ThresholdEstimate(double gamma, double stdError, double ciLow, double ciHigh, double firstStepGamma,
                                    double bandwidth, int gridPoints, double gridLow, double gridHigh) {
    }

    /** The linearity test as reported in results.json. */
    public record LinearityTest(double supWald, Double pValue, int replications, long seed, String rng, String scheme) {
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        String where = context.group().map(g -> "group '" + g + "': ").orElse("");
        FdMoments d = new FdMoments(context.panel(), p.y(), p.threshold(), p.x(), p.endogenous(), p.exogenous(), p.instruments(),
                !p.noLag(), where);
        double[] grid = grid(d.q, p.trim(), p.grid());
        SeoShin s = new SeoShin(d);
        SeoShin.Search first = s.search(grid, s.w1, where);
        double[][] w2 = s.optimalWeight(s.residuals(first.best().theta(), first.best().gamma()));
        SeoShin.Search second = s.search(grid, w2, where);
        SeoShin.Fit fit = second.best();
        double[][] e2 = s.residuals(fit.theta(), fit.gamma());
        double bandwidth = p.h0() * 1.06 * Math.pow(d.n, -0.2) * sd(d.q);
        double[][] v = s.covariance(fit, s.optimalWeight(e2), bandwidth);

        StepResult.Builder out = StepResult.builder();
        List<Coefficient> coefs = coefficients(d, fit, v, p.level());
        out.coefficients(coefs);
        LinearityTest lin = null;
        if (p.bootstrap() > 0) {
            SeoShin.SupWald sw = s.supWald(grid, w2, context.parallelism());
            long seed = Seeds.derive(context.seed(), "dynamic-threshold-linearity");
            double[] boot = s.bootstrap(sw, e2, p.bootstrap(), seed, context.parallelism());
            long exceed = Arrays.stream(boot).filter(b -> b > sw.statistic()).count();
            double pv = (double) exceed / boot.length;
            lin = new LinearityTest(sw.statistic(), pv, p.bootstrap(), seed, Seeds.ALGORITHM, "Seo-Shin fast bootstrap (xthenreg)");
            out.test(new TestStatistic("linearity-sup-wald", sw.statistic(), (double) (d.k1 + 1), null, pv, "bootstrap",
                    "no threshold effect (all regime differences are zero)", p.bootstrap() + " replications"));
        } else {
            out.test(TestStatistic.notApplicable("linearity-sup-wald", "not bootstrapped (bootstrap = 0, as xthenreg's default)"));
        }
        int gi = v.length - 1;
        double seG = Math.sqrt(v[gi][gi]);
        double zq = Distributions.normalQuantile(0.5 + p.level() / 2);
        ThresholdEstimate th = new ThresholdEstimate(fit.gamma(), seG, fit.gamma() - zq * seG, fit.gamma() + zq * seG,
                first.best().gamma(), bandwidth, grid.length, grid[0], grid[grid.length - 1]);
        out.section("threshold", th);
        if (lin != null) out.section("linearity", lin);
        out.section("upperRegime", upperRegime(d, fit, v, p.level()));
        out.statistic("nobs", (long) d.n * d.equations()).statistic("entities", d.n).statistic("periods", d.periods)
                .statistic("moments", d.moments()).statistic("gamma", fit.gamma()).statistic("gammaStdError", seG)
                .statistic("objective", fit.j()).statistic("bandwidth", bandwidth).statistic("gridPoints", grid.length)
                .statistic("trim", p.trim()).statistic("model", p.noLag() ? "static" : "dynamic").statistic("level", p.level())
                .statistic("seed", context.seed()).statistic("rng", Seeds.ALGORITHM);
        if (d.droppedEntities > 0) {
            out.warning("dropped-entities", d.droppedEntities + " entit" + (d.droppedEntities == 1 ? "y" : "ies") + " not observed in"
                    + " every period or with missing values were dropped (the estimator needs a balanced panel, as xthenreg)");
        }
        if (d.moments() >= d.n) {
            out.warning("too-many-moments", d.moments() + " moment conditions for " + d.n + " entities: the optimal weighting matrix is"
                    + " singular (a generalized inverse is used) and the standard errors and the bootstrap test are unreliable;"
                    + " use fewer periods or instruments");
        }
        if (fit.gamma() == grid[0] || fit.gamma() == grid[grid.length - 1]) {
            out.warning("threshold-at-grid-edge", "the threshold estimate lies at the edge of the grid (" + Formats.number(fit.gamma(), 4)
                    + "); widen the grid (lower trim)");
        }
        out.table(table(p, d, coefs, th, lin));
        out.file(new DataFile("gmm-objective.csv", "text/csv", objectiveCsv(grid, first.criterion(), second.criterion())));
        return out.build();
    }

    /** Equally spaced grid between the trim/2 and 1 - trim/2 quantiles of q (all entity-periods; R type 7). */
    static double[] grid(double[][] q, double trim, int points) {
        double[] all = Arrays.stream(q).flatMapToDouble(Arrays::stream).sorted().toArray();
        double lo = quantile(all, trim / 2);
        double hi = quantile(all, 1 - trim / 2);
        if (!(hi > lo)) {
            throw new SpecException("threshold", "has no spread between its " + Formats.number(trim / 2, 3) + " and "
                    + Formats.number(1 - trim / 2, 3) + " quantiles (" + Formats.number(lo, 6) + "): no candidate thresholds");
        }
        double[] g = new double[points];
        for (int a = 0; a < points; a++) g[a] = lo + (hi - lo) * a / (points - 1);
        return g;
    }

    static double quantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double sd(double[][] q) {
        double[] all = Arrays.stream(q).flatMapToDouble(Arrays::stream).toArray();
        double mean = Arrays.stream(all).average().orElse(0);
        double ss = 0;
        for (double v : all) ss += (v - mean) * (v - mean);
        return Math.sqrt(ss / (all.length - 1));
    }

    static List<String> terms(FdMoments d) {
        List<String> t = new ArrayList<>(d.regressors);
        t.add("delta_cons");
        for (String r : d.regressors) t.add("delta_" + r);
        t.add("gamma");
        return t;
    }

    private static List<Coefficient> coefficients(FdMoments d, SeoShin.Fit fit, double[][] v, double level) {
        List<String> names = terms(d);
        double zq = Distributions.normalQuantile(0.5 + level / 2);
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double b = j < fit.theta().length ? fit.theta()[j] : fit.gamma();
            double se = Math.sqrt(v[j][j]);
            double z = b / se;
            out.add(new Coefficient(names.get(j), b, se, z, Distributions.normalTwoSided(z), b - zq * se, b + zq * se));
        }
        return out;
    }

    /** Slopes of the upper regime, {@code b_j + d_j}, with their standard errors from the joint covariance. */
    private static List<Coefficient> upperRegime(FdMoments d, SeoShin.Fit fit, double[][] v, double level) {
        double zq = Distributions.normalQuantile(0.5 + level / 2);
        int k1 = d.k1;
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < k1; j++) {
            int a = j;
            int b = k1 + 1 + j;
            double est = fit.theta()[a] + fit.theta()[b];
            double se = Math.sqrt(v[a][a] + v[b][b] + 2 * v[a][b]);
            double z = est / se;
            out.add(new Coefficient(d.regressors.get(j), est, se, z, Distributions.normalTwoSided(z), est - zq * se, est + zq * se));
        }
        return out;
    }

    private static Table table(Parameters p, FdMoments d, List<Coefficient> coefs, ThresholdEstimate th, LinearityTest lin) {
        Table.Builder t = Table.builder("dynamic-threshold", "Dynamic panel threshold regression of " + p.labels().getOrDefault(p.y(), p.y())
                        + " (Seo-Shin first-difference GMM)")
                .stub("Variable").columns("Lower regime", "Difference (upper - lower)");
        Map<String, Coefficient> byName = new LinkedHashMap<>();
        for (Coefficient c : coefs) byName.put(c.term(), c);
        Coefficient cons = byName.get("delta_cons");
        t.row("Intercept", "", cell(cons));
        t.detail(List.of("", "(" + Formats.fixed(cons.stdError(), 4) + ")"));
        for (String r : d.regressors) {
            Coefficient lo = byName.get(r);
            Coefficient df = byName.get("delta_" + r);
            t.row(p.labels().getOrDefault(r, r), cell(lo), cell(df));
            t.detail(List.of("(" + Formats.fixed(lo.stdError(), 4) + ")", "(" + Formats.fixed(df.stdError(), 4) + ")"));
        }
        t.footer("Threshold (" + p.labels().getOrDefault(p.threshold(), p.threshold()) + ")",
                Formats.fixed(th.gamma(), 4) + " (" + Formats.fixed(th.stdError(), 4) + ")", "");
        t.footer("Linearity test, sup-Wald (bootstrap p)", lin == null ? "not run" : Formats.fixed(lin.supWald(), 3)
                + " (" + Formats.pValue(lin.pValue()) + ")", "");
        t.footer("Observations", Formats.count((long) d.n * d.equations()), "");
        t.footer("Entities", Formats.count(d.n), "");
        t.footer("Moment conditions", Formats.count(d.moments()), "");
        return t.note("First-difference GMM (two-step), grid search over " + th.gridPoints() + " points in [" + Formats.number(th.gridLow(), 4)
                + ", " + Formats.number(th.gridHigh(), 4) + "]; asymptotic standard errors, kernel bandwidth "
                + Formats.number(th.bandwidth(), 4) + " for the threshold. *** p<0.01, ** p<0.05, * p<0.1.").build();
    }

    private static String cell(Coefficient c) {
        return Formats.estimate(c.estimate(), c.pValue(), 4);
    }

    private static String objectiveCsv(double[] grid, double[] j1, double[] j2) {
        StringBuilder sb = new StringBuilder("gamma,objective_step1,objective_step2\n");
        for (int a = 0; a < grid.length; a++) sb.append(grid[a]).append(',').append(j1[a]).append(',').append(j2[a]).append('\n');
        return sb.toString();
    }
}
