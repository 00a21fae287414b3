package eres.plugins.mediation;

import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import eres.api.inference.CovarianceSpec;
import eres.api.inference.CovarianceType;
import eres.api.inference.DofConvention;
import eres.api.random.Seeds;
import eres.api.table.Formats;
import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.Limits;
import eres.api.MechanismTest;
import eres.api.Param;
import eres.api.ProgressReporter;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.Figure;
import eres.api.result.OutputNames;
import eres.api.result.StepResult;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.pf4j.Extension;

/**
 * Mediation analysis with fixed effects (the study's mechanism analysis, its Tables 7 and 8 and
 * Figure 3): the three equations
 *
 * <pre>
 *   (E1) Y = c X  + C'g1 + alpha_i + lambda_t + e1          total effect c
 *   (E2) M = a X  + C'g2 + alpha_i + lambda_t + e2          a path
 *   (E3) Y = c'X + b M + C'g3 + alpha_i + lambda_t + e3      b path and direct effect c'
 * </pre>
 * on one common sample (listwise on Y, X, every M and C), each estimated with
 * {@link PanelRegression} (Stata {@code xtreg, fe} conventions, cluster-robust by entity by default);
 * the indirect effect {@code ab} with Sobel, Aroian and Goodman tests; a bootstrap (whole entities by
 * default, each drawn copy a new entity, or observations) of the indirect, direct and total effects with
 * percentile, bias-corrected, BCa and normal intervals; and the Wen &amp; Ye (2014) verdict (complete,
 * partial, masking, none) with the rule that led to it. Several mediators are analysed separately (one
 * E3 each) or, with {@code parallel: true}, jointly (one E3 with all mediators; each mediator keeps its
 * own indirect effect {@code a_j b_j}).
 *
 * <p>Verified against R 4.2 (lm/plm/sandwich) on plm's Produc panel, bootstrap intervals within
 * Monte Carlo error of an independent R bootstrap; see the fixtures of this module and
 * docs/methods/mediation.md.
 */
@Extension
public final class MediationTest implements MechanismTest<MediationTest.Parameters> {

    /** {@code resample}: whole entities (each drawn copy a new entity) or rows. */
    public enum Resample {
        CLUSTER, OBSERVATION;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Resample of(String s) {
            if (s == null) throw new SpecException("resample", "is required: cluster or observation");
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "cluster", "entity", "block" -> CLUSTER;
                case "observation", "row", "rows", "iid" -> OBSERVATION;
                default -> throw new SpecException("resample", "'" + s + "' is not one of cluster, observation");
            };
        }

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Parameters of {@code mediation}. */
    public record Parameters(
            @Param(value = "core explanatory variable X", required = true) String x,
            @Param(value = "mediator(s) M; each gets its own indirect effect", required = true) List<String> mediators,
            @Param(value = "outcome Y", required = true) String y,
            @Param(value = "control variables, in all three equations", defaultValue = "[]") List<String> controls,
            @Param(value = "fixed effects: pooled, entity, time or twoways", defaultValue = "twoways") Effects effects,
            @Param(value = "standard errors of E1-E3: conventional, hc0-hc3 (robust = hc1), cr0-cr3 (cluster = cr1) or"
                    + " driscoll-kraay", defaultValue = "cluster") CovarianceType se,
            @Param(value = "cluster variable(s) of the standard errors (two: two-way clustering)", defaultValue = "the entity")
            List<String> cluster,
            @Param(value = "Driscoll-Kraay maximum lag", defaultValue = "floor(4 (T/100)^(2/9))") Integer dkLag,
            @Param(value = "degrees-of-freedom convention: stata (xtreg) or r (plm/sandwich)", defaultValue = "stata") DofConvention dof,
            @Param(value = "several mediators in one E3 (parallel multiple mediator model) instead of one E3 each",
                    defaultValue = "false") Boolean parallel,
            @Param(value = "bootstrap replications (0: none; the verdict then uses the Sobel test)", defaultValue = "1000")
            Integer bootstrap,
            @Param(value = "resampling unit: cluster (whole entities, each drawn copy a new entity) or observation (rows)",
                    defaultValue = "cluster") Resample resample,
            @Param(value = "bootstrap intervals to report: percentile, bc, bca, normal", defaultValue = "[percentile, bc, normal]")
            List<Intervals.Type> ci,
            @Param(value = "bootstrap interval that decides Wen-Ye step 3: bc, percentile, bca or normal", defaultValue = "bc")
            Intervals.Type decisionCi,
            @Param(value = "confidence level of every interval", defaultValue = "0.95") Double level,
            @Param(value = "significance level of the Wen-Ye decisions", defaultValue = "0.05") Double alpha,
            @Param(value = "show the controls' coefficients in the equations table", defaultValue = "true") Boolean showControls,
            @Param(value = "display labels of variables in tables and figures", defaultValue = "{}") Map<String, String> labels) {
        public Parameters {
            if (x == null) throw new SpecException("x", "is required");
            if (y == null) throw new SpecException("y", "is required");
            if (mediators == null || mediators.isEmpty()) throw new SpecException("mediators", "needs at least one mediator");
            mediators = List.copyOf(mediators);
            controls = controls == null ? List.of() : List.copyOf(controls);
            if (new LinkedHashSet<>(mediators).size() != mediators.size()) {
                throw new SpecException("mediators", "lists a mediator twice: " + mediators);
            }
            if (new LinkedHashSet<>(controls).size() != controls.size()) {
                throw new SpecException("controls", "lists a control twice: " + controls);
            }
            if (x.equals(y)) throw new SpecException("y", "is the same variable as x ('" + x + "')");
            for (String m : mediators) {
                if (m.equals(x)) throw new SpecException("mediators", "'" + m + "' is also x");
                if (m.equals(y)) throw new SpecException("mediators", "'" + m + "' is also y");
            }
            for (String c : controls) {
                if (c.equals(x) || c.equals(y) || mediators.contains(c)) {
                    throw new SpecException("controls", "'" + c + "' is also x, y or a mediator");
                }
            }
            effects = effects == null ? Effects.TWOWAYS : effects;
            se = se == null ? CovarianceType.CR1 : se;
            cluster = cluster == null ? List.of() : List.copyOf(cluster);
            dof = dof == null ? DofConvention.STATA : dof;
            parallel = parallel != null && parallel;
            bootstrap = Limits.replications("bootstrap", bootstrap == null ? 1000 : bootstrap);
            resample = resample == null ? Resample.CLUSTER : resample;
            ci = ci == null ? List.of(Intervals.Type.PERCENTILE, Intervals.Type.BC, Intervals.Type.NORMAL) : List.copyOf(ci);
            if (ci.isEmpty()) throw new SpecException("ci", "needs at least one of percentile, bc, bca, normal");
            decisionCi = decisionCi == null ? Intervals.Type.BC : decisionCi;
            level = level == null ? 0.95 : level;
            alpha = alpha == null ? 0.05 : alpha;
            showControls = showControls == null || showControls;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            new CovarianceSpec(se, cluster, dkLag, dof);
            if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
            if (!(alpha > 0 && alpha < 1)) throw new SpecException("alpha", "must be in (0, 1), got " + alpha);
        }

        /** Y, X, the mediators and the controls: the listwise-deletion set. */
        List<String> variables() {
            List<String> v = new ArrayList<>();
            v.add(y);
            v.add(x);
            v.addAll(mediators);
            v.addAll(controls);
            return v;
        }

        /** The validated covariance request of E1-E3. */
        public CovarianceSpec covariance() {
            return new CovarianceSpec(se, cluster, dkLag, dof);
        }

        /** Reported interval types in a fixed order. */
        Set<Intervals.Type> reported() {
            return EnumSet.copyOf(ci);
        }

        Intervals.Type decision() {
            return decisionCi;
        }

        String label(String v) {
            return labels.getOrDefault(v, v);
        }
    }

    @Override
    public String id() {
        return "mediation";
    }

    @Override
    public String description() {
        return "Mediation with fixed effects: E1-E3, Sobel/Aroian tests, bootstrap CIs of indirect/direct effects, Wen-Ye verdict, path diagrams";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    /** The fitted equations. */
    record Fits(PanelFit e1, Map<String, PanelFit> e2, Map<String, PanelFit> e3) {
        PanelFit e3(String mediator) {
            return e3.size() == 1 && e3.containsKey("") ? e3.get("") : e3.get(mediator);
        }
    }

    /** Bootstrap output: successful replicate vectors, failures, jackknife vectors (or null). */
    record Replicates(double[][] successful, int failed, double[][] jackknife, String jackknifeUnit) {
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        Effects effects = p.effects();
        VcovType vcov = VcovType.of(p.se());
        Panel panel = context.panel();
        List<String> vars = p.variables();
        panel.requireNumeric(vars);
        List<String> clusterVars = p.se().clustered() ? p.cluster() : List.of();
        eres.api.inference.ClusterResolver.validate(panel, clusterVars);
        List<String> needed = new ArrayList<>(vars);
        needed.addAll(eres.api.inference.ClusterResolver.numericColumns(panel, clusterVars));
        boolean[] noLabel = eres.api.inference.ClusterResolver.missingText(panel, clusterVars);
        Panel sample = panel.filter(i -> !noLabel[i]).complete(needed);
        int dropped = panel.rows() - sample.rows();
        if (sample.rows() == 0) throw new DataException("no row is complete on " + String.join(", ", vars));

        Fits fits = fit(sample, p, effects, vcov);
        List<String> names = PathKernel.names(p.mediators(), p.parallel());
        double[] estimates = estimates(fits, p);

        Set<Intervals.Type> computed = EnumSet.copyOf(p.reported());
        computed.add(p.decision());
        int reps = p.bootstrap();
        Replicates boot = reps > 0 ? bootstrap(p, context, sample, effects, computed.contains(Intervals.Type.BCA)) : null;
        Map<String, Intervals.Summary> summaries = new LinkedHashMap<>();
        StepResult.Builder b = StepResult.builder();
        if (boot != null && boot.successful().length >= 2) {
            for (int j = 0; j < names.size(); j++) {
                double[] col = column(boot.successful(), j);
                double[] jack = boot.jackknife() == null ? null : column(boot.jackknife(), j);
                summaries.put(names.get(j), Intervals.summarize(names.get(j), estimates[j], col, p.level(), computed, jack));
            }
        } else if (boot != null) {
            b.warning("bootstrap-failed", "only " + boot.successful().length + " of " + reps
                    + " bootstrap replications succeeded: no bootstrap inference; the verdict uses the Sobel test");
        }

        List<Results.Mediator> mediators = mediators(p, fits, summaries);

        // coefficients: regression paths, bootstrap (or Sobel) indirect effects
        b.coefficient(rename(fits.e1().coefficient(p.x()), "total"));
        for (Results.Mediator r : mediators) {
            b.coefficient(r.a()).coefficient(r.b());
            if (!p.parallel()) b.coefficient(r.direct());
            b.coefficient(indirectCoefficient("indirect:" + r.mediator(), r.indirect(), summaries.get("indirect:" + r.mediator()),
                    r.sobel(), p.decision()));
        }
        if (p.parallel()) {
            b.coefficient(mediators.get(0).direct());
            Intervals.Summary tot = summaries.get("indirect:total");
            if (tot != null) b.coefficient(indirectCoefficient("indirect:total", estimates[2], tot, null, p.decision()));
        }

        statistics(b, p, fits, dropped, reps, boot, context.seed(), mediators);

        for (Results.Mediator r : mediators) {
            b.test(deltaTest(r.sobel(), r.mediator()));
            b.test(deltaTest(r.aroian(), r.mediator()));
            b.test(deltaTest(r.goodman(), r.mediator()));
            Intervals.Summary s = summaries.get("indirect:" + r.mediator());
            if (s != null) {
                b.test(new TestStatistic("bootstrap:" + r.mediator(), s.z(), null, null, s.pValue(), "bootstrap",
                        "indirect effect a*b through " + r.mediator() + " is zero (normal approximation with the bootstrap SE)", null));
            }
        }

        b.section("mediation", mediators);
        b.section("equations", equations(fits, p));
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> covariance = new LinkedHashMap<>();
        summary.put("E1", fits.e1().summary());
        covariance.put("E1", fits.e1().covarianceMatrix());
        fits.e2().forEach((m, f) -> {
            summary.put("E2 " + m, f.summary());
            covariance.put("E2 " + m, f.covarianceMatrix());
        });
        fits.e3().forEach((m, f) -> {
            summary.put(m.isEmpty() ? "E3" : "E3 " + m, f.summary());
            covariance.put(m.isEmpty() ? "E3" : "E3 " + m, f.covarianceMatrix());
        });
        b.section("summary", summary);
        b.section("covariance", covariance);
        if (boot != null) {
            b.section("bootstrap", new Results.Bootstrap(reps, boot.successful().length, boot.failed(), p.resample().toString(), context.seed(),
                    Seeds.ALGORITHM, p.level(), computed.stream().map(Intervals.Type::label).toList(), p.decision().label(),
                    boot.jackknifeUnit(), List.copyOf(summaries.values())));
        }

        warnings(b, p, fits, vcov, dropped, boot, summaries, sample);
        MediationTables tables = new MediationTables(p, effects, vcov, fits, mediators, summaries, boot, reps, context.seed());
        b.table(tables.equations());
        if (!summaries.isEmpty()) b.table(tables.bootstrap());
        b.table(tables.verdicts());
        for (Results.Mediator r : mediators) b.figure(figure(p, r, summaries, vcov, fits, boot == null ? 0 : boot.successful().length));
        return b.build();
    }

    /** One record per mediator: paths, delta-method tests, bootstrap summaries and the Wen-Ye verdict. */
    private static List<Results.Mediator> mediators(Parameters p, Fits fits, Map<String, Intervals.Summary> summaries) {
        String ciName = levelText(p.level()) + "% " + p.decision().display() + " bootstrap interval";
        List<Results.Mediator> mediators = new ArrayList<>();
        Coefficient total = fits.e1().coefficient(p.x());
        for (String m : p.mediators()) {
            PanelFit e3 = fits.e3(m);
            Coefficient a = rename(fits.e2().get(m).coefficient(p.x()), "a:" + m);
            Coefficient bb = rename(e3.coefficient(m), "b:" + m);
            Coefficient direct = rename(e3.coefficient(p.x()), p.parallel() ? "direct" : "direct:" + m);
            double ab = a.estimate() * bb.estimate();
            DeltaTests.Test sobel = DeltaTests.sobel(a.estimate(), a.stdError(), bb.estimate(), bb.stdError(), p.level());
            DeltaTests.Test aroian = DeltaTests.aroian(a.estimate(), a.stdError(), bb.estimate(), bb.stdError(), p.level());
            DeltaTests.Test goodman = DeltaTests.goodman(a.estimate(), a.stdError(), bb.estimate(), bb.stdError(), p.level());
            Intervals.Summary ind = summaries.get("indirect:" + m);
            WenYe.Verdict verdict = WenYe.classify(new WenYe.Evidence(
                    new WenYe.Path(total.estimate(), total.pValue()), new WenYe.Path(a.estimate(), a.pValue()),
                    new WenYe.Path(bb.estimate(), bb.pValue()), new WenYe.Path(direct.estimate(), direct.pValue()),
                    ind == null ? null : ind.interval(p.decision()), ciName, sobel.pValue(), p.alpha()));
            List<Intervals.Summary> ms = null;
            if (!summaries.isEmpty()) {
                ms = new ArrayList<>();
                for (String key : List.of("indirect:" + m, p.parallel() ? "direct" : "direct:" + m, "total", "a:" + m, "b:" + m)) {
                    ms.add(summaries.get(key));
                }
            }
            mediators.add(new Results.Mediator(m, a, bb, direct, rename(total, "total"), ab, sobel, aroian, goodman, ms, verdict));
        }

        return mediators;
    }

    private static void statistics(StepResult.Builder b, Parameters p, Fits fits, int dropped, int reps, Replicates boot, long seed,
                                   List<Results.Mediator> mediators) {
        b.statistic("nobs", fits.e1().nobs());
        b.statistic("entities", fits.e1().groups());
        b.statistic("periods", fits.e1().periods());
        b.statistic("droppedRows", dropped);
        b.statistic("effects", p.effects().label());
        b.statistic("se", p.se().label());
        b.statistic("dof", p.dof().label());
        if (p.se().clustered()) {
            b.statistic("clusters", fits.e1().clusters());
            b.statistic("clusterVariable", fits.e1().clusterVariable());
        }
        b.statistic("model", p.parallel() ? "parallel" : "separate");
        b.statistic("level", p.level());
        b.statistic("alpha", p.alpha());
        b.statistic("bootstrap", reps);
        if (boot != null) {
            b.statistic("bootstrapSuccessful", boot.successful().length);
            b.statistic("resample", p.resample().toString());
            b.statistic("seed", seed);
            b.statistic("rng", Seeds.ALGORITHM);
            b.statistic("decisionCi", p.decision().label());
        }
        for (Results.Mediator r : mediators) b.statistic("verdict:" + r.mediator(), r.verdict().classification().name());

    }

    // ------------------------------------------------------------------ equations

    static Fits fit(Panel sample, Parameters p, Effects effects, VcovType vcov) {
        List<String> base = new ArrayList<>();
        base.add(p.x());
        base.addAll(p.controls());
        PanelFit e1 = fitOne("E1", sample, p.y(), base, effects, vcov, p);
        Map<String, PanelFit> e2 = new LinkedHashMap<>();
        for (String m : p.mediators()) e2.put(m, fitOne("E2 (" + m + ")", sample, m, base, effects, vcov, p));
        Map<String, PanelFit> e3 = new LinkedHashMap<>();
        if (p.parallel()) {
            List<String> r = new ArrayList<>();
            r.add(p.x());
            r.addAll(p.mediators());
            r.addAll(p.controls());
            e3.put("", fitOne("E3", sample, p.y(), r, effects, vcov, p));
        } else {
            for (String m : p.mediators()) {
                List<String> r = new ArrayList<>();
                r.add(p.x());
                r.add(m);
                r.addAll(p.controls());
                e3.put(m, fitOne("E3 (" + m + ")", sample, p.y(), r, effects, vcov, p));
            }
        }
        return new Fits(e1, e2, e3);
    }

    private static PanelFit fitOne(String name, Panel sample, String y, List<String> x, Effects effects, VcovType vcov,
                                   Parameters p) {
        try {
            return PanelRegression.fit(sample, new PanelRegression.Spec(y, x, effects, p.covariance(), p.level()));
        } catch (EstimationException e) {
            throw new EstimationException(e.reason(), "equation " + name + ", " + y + " on " + String.join(", ", x) + ": "
                    + e.getMessage());
        }
    }

    /** Full-sample statistics in the kernel's order, from the regression fits. */
    static double[] estimates(Fits f, Parameters p) {
        List<String> meds = p.mediators();
        double c = f.e1().coefficient(p.x()).estimate();
        if (!p.parallel()) {
            double[] out = new double[1 + 4 * meds.size()];
            out[0] = c;
            for (int j = 0; j < meds.size(); j++) {
                String m = meds.get(j);
                double a = f.e2().get(m).coefficient(p.x()).estimate();
                double b = f.e3(m).coefficient(m).estimate();
                out[1 + 4 * j] = a;
                out[2 + 4 * j] = b;
                out[3 + 4 * j] = a * b;
                out[4 + 4 * j] = f.e3(m).coefficient(p.x()).estimate();
            }
            return out;
        }
        double[] out = new double[3 + 3 * meds.size()];
        out[0] = c;
        out[1] = f.e3("").coefficient(p.x()).estimate();
        double tot = 0;
        for (int j = 0; j < meds.size(); j++) {
            String m = meds.get(j);
            double a = f.e2().get(m).coefficient(p.x()).estimate();
            double b = f.e3("").coefficient(m).estimate();
            out[3 + 3 * j] = a;
            out[4 + 3 * j] = b;
            out[5 + 3 * j] = a * b;
            tot += a * b;
        }
        out[2] = tot;
        return out;
    }

    private static List<Results.Equation> equations(Fits f, Parameters p) {
        List<Results.Equation> out = new ArrayList<>();
        out.add(equation("E1", f.e1()));
        for (Map.Entry<String, PanelFit> e : f.e2().entrySet()) out.add(equation("E2:" + e.getKey(), e.getValue()));
        for (Map.Entry<String, PanelFit> e : f.e3().entrySet()) {
            out.add(equation(e.getKey().isEmpty() ? "E3" : "E3:" + e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Results.Equation equation(String id, PanelFit fit) {
        return new Results.Equation(id, fit.spec().y(), fit.spec().x(), fit.coefficients(), fit.nobs(), fit.groups(), fit.r2(),
                fit.clusters(), fit.dfT());
    }

    // ------------------------------------------------------------------ bootstrap

    static Replicates bootstrap(Parameters p, StepContext context, Panel sample, Effects effects, boolean jackknife) {
        PathData data = PathData.of(sample, p.y(), p.x(), p.mediators(), p.controls());
        PathKernel kernel = new PathKernel(effects, p.parallel(), p.mediators().size());
        int[] starts = data.entityStarts();
        boolean cluster = p.resample() == Resample.CLUSTER;
        long seed = context.seed();
        int reps = p.bootstrap();
        List<double[]> draws;
        String label = "mediation bootstrap" + context.group().map(g -> " (" + g + ")").orElse("");
        try (ProgressReporter.Task task = context.progress().start(label, reps)) {
            draws = context.parallelism().map(reps, r -> {
                UniformRandomProvider rng = Seeds.generator(seed, r);
                PathData d = cluster ? data.clusterResample(rng, starts) : data.observationResample(rng);
                double[] s = kernel.estimate(d);
                task.advance(1);
                return finite(s) ? s : null;
            });
        }
        List<double[]> ok = new ArrayList<>();
        for (double[] d : draws) if (d != null) ok.add(d);
        double[][] jack = null;
        String unit = null;
        if (jackknife) {
            int count = cluster ? data.entities : data.n;
            unit = cluster ? "entity" : "observation";
            List<double[]> j = context.parallelism().map(count, g -> {
                double[] s = kernel.estimate(cluster ? data.withoutEntity(g, starts) : data.withoutRow(g));
                return finite(s) ? s : null;
            });
            List<double[]> jok = new ArrayList<>();
            for (double[] d : j) if (d != null) jok.add(d);
            jack = jok.toArray(new double[0][]);
        }
        return new Replicates(ok.toArray(new double[0][]), reps - ok.size(), jack, unit);
    }

    private static boolean finite(double[] s) {
        if (s == null) return false;
        for (double v : s) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][j];
        return c;
    }

    // ------------------------------------------------------------------ result pieces

    static Coefficient rename(Coefficient c, String term) {
        return new Coefficient(term, c.estimate(), c.stdError(), c.statistic(), c.pValue(), c.ciLow(), c.ciHigh());
    }

    private static Coefficient indirectCoefficient(String term, double ab, Intervals.Summary s, DeltaTests.Test sobel,
                                                   Intervals.Type decision) {
        if (s == null) {
            return new Coefficient(term, ab, sobel.stdError(), sobel.z(), sobel.pValue(), sobel.interval().low(), sobel.interval().high());
        }
        Intervals.Interval ci = s.interval(decision);
        return new Coefficient(term, ab, s.stdError(), s.z(), s.pValue(), ci.low(), ci.high());
    }

    private static TestStatistic deltaTest(DeltaTests.Test t, String mediator) {
        String name = t.name() + ":" + mediator;
        if (!Double.isFinite(t.stdError())) {
            return TestStatistic.notApplicable(name, "b^2 s_a^2 + a^2 s_b^2 - s_a^2 s_b^2 is not positive");
        }
        return TestStatistic.normal(name, t.z(), t.pValue(), "indirect effect a*b through " + mediator + " is zero");
    }

    private static void warnings(StepResult.Builder b, Parameters p, Fits fits, VcovType vcov, int dropped, Replicates boot,
                                 Map<String, Intervals.Summary> summaries, Panel sample) {
        if (dropped > 0) {
            b.warning("dropped-missing", dropped + " row(s) with a missing value in y, x, a mediator or a control were dropped"
                    + " so that E1-E3 share one sample");
        }
        if (p.se().clustered() && fits.e1().clusters() < 20) {
            b.warning("few-clusters", "only " + fits.e1().clusters() + " clusters: cluster-robust standard errors (and the"
                    + " Wen-Ye t tests) may be unreliable (Cameron, Gelbach & Miller 2008)");
        }
        if (boot == null) return;
        int reps = p.bootstrap();
        Set<Intervals.Type> pct = EnumSet.of(Intervals.Type.PERCENTILE, Intervals.Type.BC, Intervals.Type.BCA);
        boolean usesPercentiles = p.reported().stream().anyMatch(pct::contains) || pct.contains(p.decision());
        if (reps < 200 && usesPercentiles) {
            b.warning("few-replications", reps + " bootstrap replications are too few for percentile-based intervals (use >= 1000)");
        }
        if (boot.failed() > 0.05 * reps) {
            b.warning("bootstrap-failures", boot.failed() + " of " + reps + " bootstrap replications had a singular design and"
                    + " were left out; intervals use the " + boot.successful().length + " successful ones");
        }
        if (p.resample() == Resample.CLUSTER && sample.entityCount() < 10) {
            b.warning("few-resampling-units", "the cluster bootstrap resamples only " + sample.entityCount()
                    + " entities: few distinct resamples, intervals are unreliable");
        }
        if (boot.jackknife() != null && boot.jackknife().length < (p.resample() == Resample.CLUSTER ? sample.entityCount() : sample.rows())) {
            b.warning("jackknife-failures", "some jackknife fits for the BCa acceleration were singular and left out");
        }
        for (Intervals.Summary s : summaries.values()) for (String n : s.notes()) b.warning("interval-undefined", n);
    }

    private static Figure figure(Parameters p, Results.Mediator r, Map<String, Intervals.Summary> summaries, VcovType vcov,
                                 Fits fits, int successful) {
        String m = r.mediator();
        PathDiagram.Arrow a = new PathDiagram.Arrow("a", r.a().estimate(), r.a().pValue(), r.a().stdError());
        PathDiagram.Arrow bb = new PathDiagram.Arrow("b", r.b().estimate(), r.b().pValue(), r.b().stdError());
        PathDiagram.Arrow direct = new PathDiagram.Arrow("c'", r.direct().estimate(), r.direct().pValue(), r.direct().stdError());
        PathDiagram.Arrow total = new PathDiagram.Arrow("c", r.total().estimate(), r.total().pValue(), r.total().stdError());
        List<String> footer = new ArrayList<>();
        Intervals.Summary s = summaries.get("indirect:" + m);
        if (s != null) {
            Intervals.Interval ci = s.interval(p.decision());
            footer.add("Indirect effect a\u00d7b = " + Formats.number(r.indirect(), 4) + ", " + levelText(p.level()) + "% "
                    + p.decision().display() + " bootstrap CI " + MediationTables.interval(ci) + " (" + successful + " "
                    + p.resample() + " replications)");
        } else {
            footer.add("Indirect effect a\u00d7b = " + Formats.number(r.indirect(), 4) + ", Sobel z = "
                    + Formats.fixed(r.sobel().z(), 3) + " (p = " + Formats.pValue(r.sobel().pValue()) + ")");
        }
        footer.add("Wen & Ye (2014): " + r.verdict().summary());
        footer.add(MediationTables.seNote(vcov, fits.e1()) + "; *** p<0.01, ** p<0.05, * p<0.1"
                + (p.parallel() ? "; parallel mediators: c' from the joint E3" : ""));
        String title = "Mediation path diagram: " + p.label(p.x()) + " \u2192 " + p.label(m) + " \u2192 " + p.label(p.y());
        String svg = PathDiagram.svg(title, p.label(p.x()), p.label(m), p.label(p.y()), a, bb, direct, total, footer);
        return new Figure(OutputNames.sanitize("path-" + m), title, svg,
                "Path coefficients with standard errors in parentheses; c' is the direct and c the total effect.");
    }

    /** A confidence level as a percentage without trailing zeros (0.95 -> 95, 0.975 -> 97.5). */
    static String levelText(double level) {
        return new java.math.BigDecimal(Double.toString(level * 100)).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }
}
