package eres.plugins.iv;

import eres.api.linalg.Dense;
import eres.api.linalg.LeastSquares;
import eres.api.panel.Effects;
import eres.api.panel.FixedEffectsProjection;
import eres.api.inference.AbsorbedHat;
import eres.api.inference.ClusterResolver;
import eres.api.inference.Clusters;
import eres.api.inference.CovarianceSpec;
import eres.api.inference.CovarianceType;
import eres.api.inference.DofConvention;
import eres.api.inference.ModelSummary;
import eres.api.inference.WildBootstrapOptions;
import eres.api.inference.WildClusterBootstrap;
import eres.api.inference.WildRestrictedEfficient;
import eres.api.panel.VcovType;
import eres.api.table.Formats;
import eres.api.table.RegressionTable;
import eres.api.DataException;
import eres.api.Estimator;
import eres.api.EstimationException;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import eres.api.result.Table;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Panel fixed-effects two-stage least squares, the study's endogeneity check (its Table 4): pooled,
 * entity, time or two-way effects partialled out ({@link FixedEffectsProjection}), any number of
 * endogenous regressors and excluded instruments, exogenous controls, conventional / robust / cluster
 * covariance in Stata {@code ivreg2}/{@code xtivreg2} conventions, and the diagnostics researchers
 * report: first-stage F and partial R^2 (Sanderson–Windmeijer and Angrist–Pischke with several
 * endogenous regressors), Anderson canonical-correlation LM, Cragg–Donald Wald F with Stock–Yogo
 * critical values, Kleibergen–Paap rk LM and Wald F (robust/cluster), Durbin and Wu–Hausman
 * endogeneity tests and ivreg2's C statistic, Sargan or Hansen J when overidentified, and the
 * weak-instrument-robust Anderson–Rubin and Stock–Wright tests.
 *
 * <p>Fixed effects enter the degrees of freedom as in xtivreg2: absorbed entity effects are
 * {@code dofminus} (a large-sample adjustment, s^2 = e'e/(n - G)); absorbed time effects and the
 * absorbed constant are {@code sdofminus} (counted with K in small-sample divisors). See
 * {@code docs/methods/iv-2sls.md}. Verified against Stata ivreg2 (Card data) and R AER/plm (Cigar
 * panel) in this module's tests.
 */
@Extension
public final class IvEstimator implements Estimator<IvEstimator.Parameters> {
    /** Relative size of the part of a column left after partialling below which it counts as collinear. */
    static final double COLLINEAR = eres.api.linalg.Collinearity.TOLERANCE;

    /** Parameters of {@code iv-2sls}. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "endogenous regressors (instrumented)", required = true) List<String> endogenous,
            @Param(value = "excluded instruments (at least as many as endogenous regressors)", required = true) List<String> instruments,
            @Param(value = "exogenous control variables (included instruments)", defaultValue = "[]") List<String> controls,
            @Param(value = "fixed effects: pooled, entity, time or twoways", defaultValue = "twoways") Effects effects,
            @Param(value = "standard errors: conventional, hc0-hc3 (robust = hc1), cr0-cr3 (cluster = cr1) or driscoll-kraay",
                    defaultValue = "cluster") CovarianceType se,
            @Param(value = "cluster variable(s): one, or two for two-way clustering (entity id, time, text or numeric column)",
                    defaultValue = "the entity") List<String> cluster,
            @Param(value = "Driscoll-Kraay maximum lag", defaultValue = "floor(4 (T/100)^(2/9))") Integer dkLag,
            @Param(value = "degrees of freedom: stata (xtivreg2: large-sample n - G), xtreg (small-sample K counts the absorbed"
                    + " constant, as xtreg/ivreghdfe) or r (R/gretl: large-sample n)", defaultValue = "stata") DofConvention dof,
            @Param(value = "small-sample statistics: t/F and divisors n-K (ivreg2's small option)", defaultValue = "false") Boolean small,
            @Param(value = "wild restricted efficient cluster bootstrap (WRE) of the endogenous coefficient: {reps, weights}",
                    defaultValue = "none") WildBootstrapOptions wildBootstrap,
            @Param(value = "confidence level of the intervals", defaultValue = "0.95") Double level,
            @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {
        public Parameters {
            if (y == null || y.isBlank()) throw new SpecException("y", "is required");
            if (endogenous == null || endogenous.isEmpty()) throw new SpecException("endogenous", "needs at least one endogenous regressor");
            if (instruments == null || instruments.isEmpty()) throw new SpecException("instruments", "needs at least one excluded instrument");
            endogenous = List.copyOf(endogenous);
            instruments = List.copyOf(instruments);
            controls = controls == null ? List.of() : List.copyOf(controls);
            effects = effects == null ? Effects.TWOWAYS : effects;
            se = se == null ? CovarianceType.CR1 : se;
            cluster = cluster == null ? List.of() : List.copyOf(cluster);
            dof = dof == null ? DofConvention.STATA : dof;
            small = small != null && small;
            level = level == null ? 0.95 : level;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            new CovarianceSpec(se, cluster, dkLag, dof);
            if (wildBootstrap != null && endogenous.size() != 1) {
                throw new SpecException("wild-bootstrap", "the WRE bootstrap tests the coefficient of one endogenous regressor; "
                        + endogenous.size() + " are listed");
            }
            if (wildBootstrap != null && cluster.size() > 1) {
                throw new SpecException("wild-bootstrap", "is available with one cluster variable, not two-way clustering");
            }
            if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
            noDuplicates("endogenous", endogenous);
            noDuplicates("instruments", instruments);
            noDuplicates("controls", controls);
            for (String c : controls) {
                if (endogenous.contains(c)) {
                    throw new SpecException("controls", "'" + c + "' is also listed as endogenous: a regressor is either endogenous"
                            + " (instrumented) or a control (exogenous), not both");
                }
                if (instruments.contains(c)) {
                    throw new SpecException("instruments", "'" + c + "' is also a control: controls are already instruments;"
                            + " list only the excluded instruments");
                }
            }
            for (String z : instruments) {
                if (endogenous.contains(z)) throw new SpecException("instruments", "'" + z + "' is also listed as endogenous");
            }
            for (String name : concat(endogenous, instruments, controls)) {
                if (name.equals(y)) throw new SpecException("y", "'" + y + "' is also used as a regressor or instrument");
            }
            if (instruments.size() < endogenous.size()) {
                throw new SpecException("instruments", "has " + instruments.size() + " excluded instrument(s) for "
                        + endogenous.size() + " endogenous regressor(s): the equation is not identified (need at least as many"
                        + " instruments as endogenous regressors)");
            }
        }

        /** The validated covariance request. */
        public CovarianceSpec covariance() {
            return new CovarianceSpec(se, cluster, dkLag, dof);
        }

        private static void noDuplicates(String path, List<String> names) {
            if (new LinkedHashSet<>(names).size() != names.size()) throw new SpecException(path, "lists a variable twice: " + names);
        }
    }

    @Override
    public String id() {
        return "iv-2sls";
    }

    @Override
    public String description() {
        return "Panel FE 2SLS (ivreg2/xtivreg2 conventions): first stage, Anderson LM, Cragg-Donald / Kleibergen-Paap F,"
                + " Stock-Yogo, Durbin-Wu-Hausman, Sargan / Hansen J";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    /** The prepared estimation problem: partialled data and the degrees-of-freedom bookkeeping. */
    record Prepared(Iv2sls.Design design, Iv2sls.Options options, Panel sample, int droppedRows, String clusterName) {
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        Prepared prep = prepare(p, context.panel());
        Iv2sls.Result r = Iv2sls.estimate(prep.design(), prep.options());
        WildClusterBootstrap.Result wild = p.wildBootstrap() == null ? null : wre(p, prep, r, context.seed());
        return result(p, prep, r, wild);
    }

    /**
     * WRE for the endogenous coefficient on the partialled data, clustered as the standard errors (the
     * entity by default); the absorbed effects' residual maker is used unless they are nested in the clusters.
     */
    static WildClusterBootstrap.Result wre(Parameters p, Prepared prep, Iv2sls.Result r, long seed) {
        Iv2sls.Design d = prep.design();
        Panel sample = prep.sample();
        Clusters cl = prep.options().clusters() != null ? prep.options().clusters()
                : ClusterResolver.resolve(sample, List.of(), p.effects());
        Effects ef = p.effects();
        boolean nested = ef == Effects.NONE || (ef == Effects.ENTITY && cl.nestedAbsorbed() == sample.entityCount() - 1)
                || (ef == Effects.TIME && cl.nestedAbsorbed() == sample.timeCount() - 1);
        FixedEffectsProjection proj = nested ? null : FixedEffectsProjection.of(sample, ef);
        List<double[]> x2 = new ArrayList<>(List.of(d.x2()));
        if (d.intercept()) {
            double[] ones = new double[d.y().length];
            java.util.Arrays.fill(ones, 1.0);
            x2.add(ones);
        }
        double[][] x2a = x2.toArray(new double[0][]);
        double[][] z = new double[d.z1().length + x2a.length][];
        System.arraycopy(d.z1(), 0, z, 0, d.z1().length);
        System.arraycopy(x2a, 0, z, d.z1().length, x2a.length);
        var c = r.coefficients().get(0);
        return WildRestrictedEfficient.test(c.term(), c.estimate(), c.stdError(), d.y(), d.x1()[0], x2a, z, cl.codes(0), cl.count(),
                proj == null ? null : proj::apply, p.wildBootstrap().spec(p.level(), eres.api.random.Seeds.derive(seed, "wre")));
    }

    // ------------------------------------------------------------------ data preparation

    static Prepared prepare(Parameters p, Panel panel) {
        Effects effects = p.effects();
        List<String> vars = new ArrayList<>();
        vars.add(p.y());
        vars.addAll(concat(p.endogenous(), p.instruments(), p.controls()));
        panel.requireNumeric(vars);
        List<String> clusterVars = p.se().clustered() ? p.cluster() : List.of();
        ClusterResolver.validate(panel, clusterVars);
        List<String> needed = new ArrayList<>(vars);
        needed.addAll(ClusterResolver.numericColumns(panel, clusterVars));
        // rows without a cluster label are left out, as Stata's vce(cluster) does
        boolean[] noLabel = ClusterResolver.missingText(panel, clusterVars);
        Panel labelled = panel.filter(i -> !noLabel[i]);
        Panel sample = labelled.complete(needed);
        int dropped = panel.rows() - sample.rows();
        int n = sample.rows();
        if (n == 0) throw new DataException("no complete observations on " + vars);
        String clusterName = clusterVars.isEmpty() && p.se().clustered() ? panel.entityName() : String.join(" and ", clusterVars);

        boolean pooled = effects == Effects.NONE;
        FixedEffectsProjection proj = pooled ? null : FixedEffectsProjection.of(sample, effects);
        int dofminus = 0;
        int sdofminus = 0;
        switch (effects) {
            case ENTITY -> dofminus = proj.entities();
            case TIME -> sdofminus = proj.periods();
            case TWOWAYS -> {
                dofminus = proj.entities();
                sdofminus = proj.identifiedTimeDummies();
            }
            default -> {
            }
        }
        if (p.dof() == DofConvention.R) {
            // R/gretl: the large-sample divisor is n; the absorbed effects still count in the small-sample df
            sdofminus += dofminus;
            dofminus = 0;
        }
        Map<String, double[]> t = new LinkedHashMap<>();
        for (String v : vars) {
            double[] raw = sample.column(v);
            double[] c = pooled ? raw : proj.apply(raw);
            if (!v.equals(p.y())) checkAbsorbed(v, role(p, v), raw, c, effects);
            t.put(v, c);
        }
        checkCollinearity(p, t, pooled, n);

        double[][] x1 = p.endogenous().stream().map(t::get).toArray(double[][]::new);
        double[][] x2 = p.controls().stream().map(t::get).toArray(double[][]::new);
        double[][] z1 = p.instruments().stream().map(t::get).toArray(double[][]::new);
        Iv2sls.Design design = new Iv2sls.Design(p.y(), t.get(p.y()), p.endogenous(), x1, p.controls(), x2, p.instruments(), z1,
                pooled, !pooled);
        Clusters cl = p.se().clustered() ? ClusterResolver.resolve(sample, clusterVars, effects) : null;
        if (cl != null && cl.minCount() < 2) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                    "cluster-robust standard errors need at least 2 clusters of '" + clusterName + "', got " + cl.minCount());
        }
        AbsorbedHat hat = pooled ? AbsorbedHat.NONE : AbsorbedHat.of(sample, effects);
        Iv2sls.Options options = new Iv2sls.Options(p.covariance(), cl, p.small(), dofminus, sdofminus, p.level(), hat,
                sample.timeIndices(), sample.timeCount(), cl == null ? 0 : cl.nestedAbsorbed());
        return new Prepared(design, options, sample, dropped, clusterName);
    }

    private static String role(Parameters p, String v) {
        if (p.endogenous().contains(v)) return "endogenous regressor";
        if (p.instruments().contains(v)) return "instrument";
        return "control";
    }

    /** A variable with no variation left after the effects are removed cannot be used. */
    private static void checkAbsorbed(String v, String role, double[] raw, double[] within, Effects effects) {
        double scale = 0;
        for (double x : raw) scale = Math.max(scale, Math.abs(x));
        double left = 0;
        for (double x : within) left = Math.max(left, Math.abs(x));
        if (left > COLLINEAR * scale && left > 0) return;
        String what = switch (effects) {
            case NONE -> "constant: it does not vary";
            case ENTITY -> "entity fixed effects: it does not vary within entities (a time-invariant " + role
                    + " is absorbed; interact it with a time-varying variable)";
            case TIME -> "time fixed effects: it does not vary within periods";
            case TWOWAYS -> "entity and time fixed effects: it has no variation left after removing them";
        };
        throw new EstimationException(EstimationException.Reason.ABSORBED_REGRESSOR, role + " '" + v + "' is absorbed by the " + what);
    }

    /**
     * Names the first column that is a linear combination of the ones before it, in the order
     * controls, instruments, endogenous regressors (each after the effects are partialled out).
     */
    private static void checkCollinearity(Parameters p, Map<String, double[]> t, boolean pooled, int n) {
        List<double[]> basis = new ArrayList<>();
        if (pooled) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            basis.add(ones);
        }
        String context = pooled ? "the constant" : "the fixed effects";
        for (String c : p.controls()) {
            if (residualShare(t.get(c), basis) <= COLLINEAR) {
                throw new EstimationException(EstimationException.Reason.COLLINEAR, "control '" + c
                        + "' is collinear with the other controls and " + context);
            }
            basis.add(t.get(c));
        }
        List<double[]> controlBasis = new ArrayList<>(basis);
        for (String z : p.instruments()) {
            double[] col = t.get(z);
            if (residualShare(col, controlBasis) <= COLLINEAR) {
                throw new EstimationException(EstimationException.Reason.COLLINEAR, "instrument '" + z
                        + "' is collinear with the controls (and " + context + "): it carries no excluded variation");
            }
            if (residualShare(col, basis) <= COLLINEAR) {
                throw new EstimationException(EstimationException.Reason.COLLINEAR, "instrument '" + z
                        + "' is collinear with the other instruments and the controls");
            }
            basis.add(col);
        }
        for (String x : p.endogenous()) {
            if (residualShare(t.get(x), controlBasis) <= COLLINEAR) {
                throw new EstimationException(EstimationException.Reason.COLLINEAR, "endogenous regressor '" + x
                        + "' is collinear with the controls (and " + context + ")");
            }
        }
    }

    /** ||M_B x|| / ||x||: the share of x left after projecting on the basis columns. */
    private static double residualShare(double[] x, List<double[]> basis) {
        double norm = Math.sqrt(Dense.dot(x, x));
        if (!(norm > 0)) return 0;
        if (basis.isEmpty()) return 1;
        double[][] rows = Iv2sls.rows(basis.toArray(new double[0][]));
        double[] r;
        try {
            r = LeastSquares.fit(rows, x, null).residuals();
        } catch (EstimationException e) {
            return 1; // the basis itself is degenerate; reported when that column was added
        }
        return Math.sqrt(Dense.dot(r, r)) / norm;
    }

    private static List<String> allColumns(Panel panel) {
        List<String> all = new ArrayList<>(panel.numericColumns());
        all.addAll(panel.textColumns());
        return all;
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) out.addAll(l);
        return out;
    }

    // ------------------------------------------------------------------ result

    static StepResult result(Parameters p, Prepared prep, Iv2sls.Result r) {
        return result(p, prep, r, null);
    }

    static StepResult result(Parameters p, Prepared prep, Iv2sls.Result r, WildClusterBootstrap.Result wild) {
        Effects effects = p.effects();
        Panel sample = prep.sample();
        StepResult.Builder b = StepResult.builder().coefficients(r.coefficients());
        b.statistic("nobs", r.n());
        b.statistic("entities", sample.entityCount());
        b.statistic("periods", sample.timeCount());
        b.statistic("effects", effects.label());
        b.statistic("se", p.se().label());
        b.statistic("dof", p.dof().label());
        b.statistic("small", r.small());
        if (p.se().clustered()) {
            b.statistic("clusters", r.covariance().clusters());
            b.statistic("clusterVariable", prep.clusterName());
        }
        b.statistic("endogenousCount", r.k1());
        b.statistic("instrumentCount", r.l1());
        b.statistic("overidentification", r.l1() - r.k1());
        b.statistic("dofminus", r.dofminus());
        b.statistic("sdofminus", r.sdofminus());
        b.statistic("dfResid", r.dfResid());
        b.statistic("r2", r.r2());
        b.statistic("ssr", r.rss());
        b.statistic("rmse", r.rmse());
        Iv2sls.FirstStage fs0 = r.firstStages().get(0);
        b.statistic("firstStageF", fs0.f().statistic());
        b.statistic("firstStageFp", fs0.f().pValue());
        b.statistic("partialR2", fs0.partialR2());
        for (Iv2sls.FirstStage f : r.firstStages()) {
            b.statistic("firstStageF." + f.endogenous(), f.f().statistic());
            b.statistic("partialR2." + f.endogenous(), f.partialR2());
            b.statistic("sheaPartialR2." + f.endogenous(), f.sheaPartialR2());
            if (r.k1() > 1) b.statistic("swF." + f.endogenous(), f.swF().statistic());
        }
        b.statistic("andersonLM", r.anderson().statistic());
        b.statistic("andersonLMp", r.anderson().pValue());
        b.statistic("craggDonaldF", r.craggDonald().statistic());
        if (r.vce() != VcovType.CONVENTIONAL) {
            b.statistic("kleibergenPaapLM", r.kpLm().statistic());
            b.statistic("kleibergenPaapLMp", r.kpLm().pValue());
            b.statistic("kleibergenPaapF", r.kpWald().statistic());
        }
        double sy10 = StockYogo.size10(r.k1(), r.l1());
        b.statistic("stockYogo10", sy10);
        b.statistic("durbin", r.durbin().statistic());
        b.statistic("durbinP", r.durbin().pValue());
        b.statistic("wuHausman", r.wuHausman().statistic());
        b.statistic("wuHausmanP", r.wuHausman().pValue());
        b.statistic("endogeneityC", r.endogeneity().statistic());
        b.statistic("endogeneityCp", r.endogeneity().pValue());
        b.statistic(r.overid().name().equals("sargan") ? "sargan" : "hansenJ", r.overid().statistic());
        b.statistic(r.overid().name().equals("sargan") ? "sarganP" : "hansenJp", r.overid().pValue());
        b.statistic("andersonRubinF", r.arF().statistic());
        b.statistic("andersonRubinFp", r.arF().pValue());
        b.statistic("droppedRows", prep.droppedRows());
        b.statistic("level", p.level());

        List<TestStatistic> tests = tests(r);
        tests.forEach(b::test);

        List<Map<String, Object>> fsSection = new ArrayList<>();
        for (Iv2sls.FirstStage f : r.firstStages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endogenous", f.endogenous());
            m.put("coefficients", f.coefficients());
            m.put("rmse", f.rmse());
            m.put("partialR2", f.partialR2());
            m.put("sheaPartialR2", f.sheaPartialR2());
            m.put("f", f.f());
            m.put("sandersonWindmeijerF", f.swF());
            m.put("sandersonWindmeijerChi2", f.swChi2());
            m.put("sandersonWindmeijerPartialR2", f.swPartialR2());
            m.put("angristPischkeF", f.apF());
            m.put("angristPischkeChi2", f.apChi2());
            m.put("angristPischkePartialR2", f.apPartialR2());
            fsSection.add(m);
        }
        b.section("firstStage", fsSection);
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("canonicalCorrelations", r.canonical());
        id.put("stockYogo", StockYogo.criticalValues(r.k1(), r.l1()));
        b.section("identification", id);
        b.section("summary", summary(p, prep, r));
        if (wild != null) b.section("wildBootstrap", List.of(wild));
        b.section("covariance", new ModelSummary.Covariance(r.covariance().type().label(), r.terms(), r.v()));
        r.covariance().warnings().forEach(w -> b.warning("covariance", w));

        if (prep.droppedRows() > 0) {
            b.warning("dropped-missing", prep.droppedRows() + " row(s) with a missing value in the model variables were dropped");
        }
        if (p.se().clustered() && r.covariance().clusters() < 20) {
            b.warning("few-clusters", "only " + r.clusters() + " clusters: cluster-robust standard errors and diagnostics may be"
                    + " unreliable (Cameron, Gelbach & Miller 2008)");
        }
        for (Iv2sls.FirstStage f : r.firstStages()) {
            double fw = r.k1() > 1 ? f.swF().statistic() : f.f().statistic();
            if (fw < 10) {
                b.warning("weak-instruments", (r.k1() > 1 ? "Sanderson-Windmeijer" : "first-stage") + " F of '" + f.endogenous()
                        + "' is " + Formats.fixed(fw, 2) + " (< 10): the instruments may be weak (Staiger & Stock 1997);"
                        + " see the Anderson-Rubin test");
            }
        }
        for (String w : r.warnings()) b.warning("identification", w);

        b.table(table4(p, effects, r, sample, prep.clusterName()));
        b.table(firstStageTable(p, r));
        b.table(testsTable(tests, r));
        if (wild != null) b.table(wildTable(p, wild));
        return b.build();
    }

    static List<TestStatistic> tests(Iv2sls.Result r) {
        List<TestStatistic> t = new ArrayList<>();
        t.add(r.modelF());
        for (Iv2sls.FirstStage f : r.firstStages()) {
            t.add(f.f());
            if (r.k1() > 1) {
                t.add(f.swF());
                t.add(f.apF());
            }
        }
        t.add(r.anderson());
        t.add(r.craggDonald());
        t.add(r.kpLm());
        t.add(r.kpWald());
        t.add(r.overid());
        t.add(r.endogeneity());
        t.add(r.durbin());
        t.add(r.wuHausman());
        t.add(r.arF());
        t.add(r.arChi2());
        t.add(r.stockWright());
        return t;
    }

    /** The study's Table 4 layout: first stage(s) and second stage side by side, diagnostics underneath. */
    static Table table4(Parameters p, Effects effects, Iv2sls.Result r, Panel sample, String clusterName) {
        Map<String, String> labels = p.labels();
        RegressionTable t = new RegressionTable("iv", "2SLS estimates of " + label(labels, p.y()))
                .stub("Variable").labels(labels);
        List<String> order = concat(p.endogenous(), p.instruments(), p.controls());
        order.add("_cons");
        t.order(order);
        int k1 = r.k1();
        boolean iid = r.vce() == VcovType.CONVENTIONAL;
        String under = (iid ? "Anderson canon. corr. LM" : "Kleibergen-Paap rk LM") + " [p]";
        double sy = StockYogo.size10(r.k1(), r.l1());
        String overid = r.overid().name().equals("sargan") ? "Sargan chi2 [p]" : "Hansen J chi2 [p]";
        // every footer label, in display order: first-stage rows, identification and endogeneity, then sample rows
        List<String> rows = new ArrayList<>(List.of("First-stage F", "Partial R-squared"));
        if (k1 > 1) rows.add("Sanderson-Windmeijer F");
        rows.add(under);
        rows.add("Cragg-Donald Wald F");
        if (!iid) rows.add("Kleibergen-Paap rk Wald F");
        if (!Double.isNaN(sy)) rows.add("Stock-Yogo 10% maximal IV size");
        rows.add("Durbin-Wu-Hausman chi2 [p]");
        rows.add("Wu-Hausman F [p]");
        if (r.l1() > r.k1()) rows.add(overid);
        rows.add("R-squared");
        rows.addAll(List.of("Entity FE", "Year FE", "Observations", "Entities"));
        for (int j = 0; j < k1; j++) {
            Iv2sls.FirstStage f = r.firstStages().get(j);
            Map<String, String> footer = footer(rows, effects, r, sample);
            footer.put("First-stage F", Formats.fixed(f.f().statistic(), 2) + " " + bracketP(f.f().pValue()));
            footer.put("Partial R-squared", Formats.fixed(f.partialR2(), 4));
            if (k1 > 1) footer.put("Sanderson-Windmeijer F", Formats.fixed(f.swF().statistic(), 2));
            t.column("(" + (j + 1) + ") " + label(labels, f.endogenous()), f.coefficients(), footer);
        }
        Map<String, String> footer = footer(rows, effects, r, sample);
        TestStatistic underid = iid ? r.anderson() : r.kpLm();
        footer.put(under, Formats.fixed(underid.statistic(), 2) + " " + bracketP(underid.pValue()));
        footer.put("Cragg-Donald Wald F", Formats.fixed(r.craggDonald().statistic(), 2));
        if (!iid) footer.put("Kleibergen-Paap rk Wald F", Formats.fixed(r.kpWald().statistic(), 2));
        if (!Double.isNaN(sy)) footer.put("Stock-Yogo 10% maximal IV size", Formats.fixed(sy, 2));
        footer.put("Durbin-Wu-Hausman chi2 [p]", Formats.fixed(r.endogeneity().statistic(), 2) + " " + bracketP(r.endogeneity().pValue()));
        footer.put("Wu-Hausman F [p]", Formats.fixed(r.wuHausman().statistic(), 2) + " " + bracketP(r.wuHausman().pValue()));
        if (r.l1() > r.k1()) footer.put(overid, Formats.fixed(r.overid().statistic(), 2) + " " + bracketP(r.overid().pValue()));
        footer.put("R-squared", Formats.fixed(r.r2(), 4));
        t.column("(" + (k1 + 1) + ") " + label(labels, p.y()), r.coefficients(), footer);
        t.span("First stage", 0, k1 - 1);
        t.span("Second stage", k1, k1);
        t.note(switch (r.covariance().type()) {
            case CONVENTIONAL -> "Conventional standard errors";
            case HC1 -> "Heteroskedasticity-robust standard errors";
            case CR1 -> r.covariance().clusterVariables().size() == 1
                    ? "Standard errors clustered by " + clusterName + " (" + r.clusters() + " clusters)"
                    : r.covariance().describe().replaceAll("\\.$", "");
            default -> r.covariance().describe().replaceAll("\\.$", "");
        } + (r.small() ? " with small-sample corrections (t and F statistics)." : " (large-sample z statistics, as ivreg2/xtivreg2 without small).")
                + " First stage: regression of each endogenous regressor on the excluded instruments and the controls.");
        t.note("Durbin-Wu-Hausman: ivreg2's endog() C statistic (equals Durbin's chi2 under conventional errors and exact"
                + " identification); Wu-Hausman: F test of the first-stage residuals added to the OLS equation. Stock-Yogo critical"
                + " values apply to the Cragg-Donald F under i.i.d. errors.");
        if (effects.hasEntity()) {
            t.note("Entity effects partialled out; they enter the degrees of freedom as in xtivreg2 (dofminus = " + r.dofminus() + ").");
        }
        return t.build();
    }

    private static Map<String, String> footer(List<String> rows, Effects effects, Iv2sls.Result r, Panel sample) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String row : rows) f.put(row, "");
        f.put("Entity FE", effects.hasEntity() ? "Yes" : "No");
        f.put("Year FE", effects.hasTime() ? "Yes" : "No");
        f.put("Observations", Formats.count(r.n()));
        f.put("Entities", Formats.count(sample.entityCount()));
        return f;
    }

    private static String bracketP(double p) {
        return Double.isNaN(p) ? "" : "[" + Formats.pValue(p) + "]";
    }

    static Table firstStageTable(Parameters p, Iv2sls.Result r) {
        Table.Builder t = Table.builder("first-stage", "First-stage diagnostics").stub("Endogenous regressor")
                .columns("F", "df", "p-value", "Partial R2", "Shea partial R2", "SW F", "AP F", "RMSE");
        for (Iv2sls.FirstStage f : r.firstStages()) {
            TestStatistic ft = f.f();
            t.row(label(p.labels(), f.endogenous()), Formats.fixed(ft.statistic(), 3), df(ft), Formats.pValue(ft.pValue()),
                    Formats.fixed(f.partialR2(), 4), Formats.fixed(f.sheaPartialR2(), 4), Formats.fixed(f.swF().statistic(), 3),
                    Formats.fixed(f.apF().statistic(), 3), Formats.fixed(f.rmse(), 4));
        }
        return t.note("F: Wald test of the excluded instruments in the first stage with the chosen covariance, in ivreg2's"
                + " F form. SW/AP: Sanderson-Windmeijer and Angrist-Pischke conditional first-stage F (equal to F with one"
                + " endogenous regressor).").build();
    }

    static Table testsTable(List<TestStatistic> tests, Iv2sls.Result r) {
        Table.Builder t = Table.builder("iv-tests", "Identification, overidentification and endogeneity tests").stub("Test")
                .columns("Statistic", "df", "p-value", "Note");
        for (TestStatistic s : tests) {
            t.row(s.name(), Formats.number(s.statistic(), 4), df(s), Formats.pValue(s.pValue()), s.note() == null ? "" : s.note());
        }
        Map<String, Double> sy = StockYogo.criticalValues(r.k1(), r.l1());
        if (!sy.isEmpty()) {
            StringBuilder sb = new StringBuilder("Stock-Yogo (2005) critical values for the Cragg-Donald F (K1 = " + r.k1() + ", L1 = "
                    + r.l1() + "):");
            sy.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(Formats.fixed(v, 2)).append(';'));
            sb.setLength(sb.length() - 1);
            t.note(sb.append('.').toString());
        } else {
            t.note("Stock-Yogo critical values are not tabulated for K1 = " + r.k1() + ", L1 = " + r.l1() + ".");
        }
        return t.build();
    }

    private static String df(TestStatistic s) {
        if (s.df() == null) return "";
        return s.df2() == null ? Formats.number(s.df(), 0) : Formats.number(s.df(), 0) + ", " + Formats.number(s.df2(), 0);
    }

    static Table wildTable(Parameters p, WildClusterBootstrap.Result w) {
        String ci = Formats.number(p.level() * 100, 0) + "% confidence set";
        return Table.builder("wild-bootstrap", "Wild restricted efficient cluster bootstrap (WRE)").stub("Variable")
                .columns("Estimate", "t", "Bootstrap p-value", ci)
                .row(label(p.labels(), w.term()), Formats.fixed(w.estimate(), 4), Formats.fixed(w.t(), 3), Formats.pValue(w.pValue()),
                        "[" + Formats.number(w.ciLow(), 4) + ", " + Formats.number(w.ciHigh(), 4) + "]")
                .note("Wild restricted efficient bootstrap (Davidson & MacKinnon 2010; Stata boottest after ivreg2): "
                        + (w.enumerated() ? "all " + w.replications() + " Rademacher sign vectors" : w.replications() + " replications, "
                        + w.weights() + " weights") + ", " + w.clusters() + " clusters; symmetric p-value of H0: b = 0; confidence set by"
                        + " test inversion.").build();
    }

    /** The typed summary: 2SLS fit on the partialled data, ivreg2's df. */
    static ModelSummary summary(Parameters p, Prepared prep, Iv2sls.Result r) {
        var c = r.covariance();
        Panel s = prep.sample();
        return new ModelSummary(r.n(), s.entityCount(), s.timeCount(), r.k(), r.dfResid(), r.dofminus() + r.sdofminus(), r.rss(),
                Math.sqrt(r.rss() / r.dfResid()), r.r2(), p.effects() == Effects.NONE ? null : r.r2(), null, null, r.r2a(),
                p.effects().label(), c.type().label(), c.convention().label(), Double.isInfinite(c.tDf()) ? null : c.tDf(),
                c.clusters() > 0 ? c.clusters() : null, c.clusterVariables());
    }

    static String label(Map<String, String> labels, String v) {
        return labels.getOrDefault(v, v);
    }
}
