package eres.plugins.threshold;

import eres.api.EstimationException;
import eres.api.ProgressReporter;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.inference.ClusterResolver;
import eres.api.inference.Clusters;
import eres.api.inference.CovarianceType;
import eres.api.inference.DegreesOfFreedom;
import eres.api.inference.WildClusterBootstrap;
import eres.api.panel.Effects;
import eres.api.random.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimation of {@code threshold}: the prepared sample (with period dummies for two-way effects), the
 * sequential search, the bootstrap tests, the selection, the regime regressions of every model with the
 * covariance of the inference layer, the optional wild cluster bootstrap of the reported regime
 * coefficients, and the tiny-regime guard.
 */
final class ThresholdModel {
    /** Prefix of the period dummies added for {@code effects: twoways} (kept out of the tables). */
    static final String PERIOD_DUMMY = "period=";

    private ThresholdModel() {
    }

    /** Everything the report needs; no reference to the step context. */
    record Results(Prepared d, Candidates cands, Procedure proc, Procedure.Observed obs, List<Procedure.BootstrapTest> boots,
                   Procedure.Scheme scheme, int selected, boolean selectionComplete, int reported,
                   List<RegimeRegression.Fit> fits, RegimeRegression.Fit rep, List<WildClusterBootstrap.Result> wild,
                   List<String> periodDummies, int droppedMissingCluster, List<String> tinyRegimes, String where) {
    }

    static Results fit(ThresholdEstimator.Parameters p, StepContext context) {
        String where = context.group().map(g -> "group '" + g + "': ").orElse("");
        Panel panel = context.panel();
        List<String> clusterVars = p.se().clustered() ? p.cluster() : List.of();
        ClusterResolver.validate(panel, clusterVars);
        int before = panel.rows();
        panel = withoutMissingClusters(panel, clusterVars);
        int droppedCluster = before - panel.rows();
        List<String> controls = new ArrayList<>(p.controls());
        List<String> dummies = new ArrayList<>();
        if (p.effects() == Effects.TWOWAYS) panel = addPeriodDummies(p, panel, dummies);
        controls.addAll(dummies);
        int kMax = p.thresholds();
        double[] trims = {p.trimOf(1), p.trimOf(2), p.trimOf(3)};
        Prepared d = new Prepared(panel, p.y(), p.regime(), p.threshold(), controls, p.lagsOfY(), p.deleteLastPeriod(), where);
        Candidates cands = p.grid().all() ? Candidates.all(d, p.strictLower())
                : Candidates.quantile(d, p.grid().points(), trims[0], p.strictLower());
        if (cands.size() == 0) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where + "threshold variable '"
                    + p.threshold() + "' has " + d.distinct.length + " distinct value(s): no candidate threshold");
        }
        Procedure proc = new Procedure(new SearchEngine(d, cands, where), trims, kMax, p.level(), where);
        Procedure.Observed obs = proc.observe();
        Procedure.Scheme scheme = scheme(p, d);
        List<Procedure.BootstrapTest> boots = bootstraps(p, context, proc, obs, scheme);
        int selected = 0;
        boolean complete = true;
        for (int k = 1; k <= kMax; k++) {
            Procedure.BootstrapTest b = boots.get(k - 1);
            if (b == null || Double.isNaN(b.pValue())) {
                complete = false;
                break;
            }
            if (b.pValue() < 1 - p.level()) selected = k;
            else break;
        }
        int reported = p.model().selected() ? (complete ? selected : kMax) : p.model().thresholds();
        RegimeRegression.Inference inf = inference(p, panel, d);
        List<RegimeRegression.Fit> fits = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) fits.add(RegimeRegression.fit(d, obs.thresholds(k), p.strictLower(), inf, p.level(), p.threshold()));
        RegimeRegression.Fit rep = reported == 0
                ? RegimeRegression.fit(d, new double[0], p.strictLower(), inf, p.level(), p.threshold())
                : fits.get(reported - 1);
        List<WildClusterBootstrap.Result> wild = p.wildBootstrap() == null ? List.of() : wild(p, rep, inf, context.seed());
        List<String> tiny = guard(p, obs, fits, reported, where);
        return new Results(d, cands, proc, obs, boots, scheme, selected, complete, reported, fits, rep, wild, dummies, droppedCluster,
                tiny, where);
    }

    private static Procedure.Scheme scheme(ThresholdEstimator.Parameters p, Prepared d) {
        Procedure.Scheme scheme = switch (p.bootstrapScheme()) {
            case RESIDUAL -> Procedure.Scheme.RESIDUAL;
            case WILD -> Procedure.Scheme.WILD;
            default -> d.balanced ? Procedure.Scheme.RESIDUAL : Procedure.Scheme.WILD;
        };
        if (scheme == Procedure.Scheme.RESIDUAL && !d.balanced) {
            throw new SpecException("bootstrap-scheme", "'residual' (Hansen's) needs every entity observed equally often;"
                    + " the estimation sample is unbalanced: use 'wild' or 'auto'");
        }
        return scheme;
    }

    private static List<Procedure.BootstrapTest> bootstraps(ThresholdEstimator.Parameters p, StepContext context, Procedure proc,
                                                            Procedure.Observed obs, Procedure.Scheme scheme) {
        long total = 0;
        for (int k = 1; k <= p.thresholds(); k++) total += p.bootstrapOf(k);
        List<Procedure.BootstrapTest> boots = new ArrayList<>();
        try (ProgressReporter.Task task = context.progress().start("threshold bootstrap" + context.group().map(g -> " (" + g + ")")
                .orElse(""), total)) {
            for (int k = 1; k <= p.thresholds(); k++) {
                int reps = p.bootstrapOf(k);
                boots.add(reps == 0 ? null : proc.bootstrap(obs, k, reps, Seeds.derive(context.seed(), "threshold-test-" + k),
                        scheme, context.parallelism(), task));
            }
        }
        return boots;
    }

    /** Rows whose text cluster label is missing are left out (Stata's vce(cluster) sample rule). */
    private static Panel withoutMissingClusters(Panel panel, List<String> vars) {
        if (vars.isEmpty()) return panel;
        boolean[] miss = ClusterResolver.missingText(panel, vars);
        List<String> numeric = ClusterResolver.numericColumns(panel, vars);
        for (String v : numeric) {
            double[] c = panel.column(v);
            for (int i = 0; i < c.length; i++) if (Double.isNaN(c[i])) miss[i] = true;
        }
        return panel.filter(i -> !miss[i]);
    }

    /**
     * Period effects as regime-independent dummies (periods 2..T of the rows that can enter the sample):
     * exactly {@code xtreg y x i.year, fe} for the regime regression, and the searches partial them out
     * like any control, so the concentrated SSRs are those of the two-way model on balanced and
     * unbalanced panels alike.
     */
    private static Panel addPeriodDummies(ThresholdEstimator.Parameters p, Panel panel, List<String> names) {
        List<String> cols = new ArrayList<>();
        cols.add(p.y());
        cols.addAll(p.regime());
        cols.add(p.threshold());
        cols.addAll(p.controls());
        panel.requireNumeric(cols);
        boolean[] usable = new boolean[panel.timeCount()];
        for (int r = 0; r < panel.rows(); r++) {
            boolean ok = panel.timeIndex(r) >= p.lagsOfY();
            for (String c : cols) ok &= Double.isFinite(panel.value(c, r));
            if (ok) usable[panel.timeIndex(r)] = true;
        }
        int[] times = panel.times();
        boolean first = true;
        Panel out = panel;
        for (int t = 0; t < usable.length; t++) {
            if (!usable[t]) continue;
            if (first) {
                first = false;
                continue;
            }
            double[] col = new double[panel.rows()];
            for (int r = 0; r < panel.rows(); r++) col[r] = panel.timeIndex(r) == t ? 1 : 0;
            String name = PERIOD_DUMMY + times[t];
            out = out.withColumn(name, col);
            names.add(name);
        }
        return out;
    }

    /** Clusters, periods and degrees of freedom of the regime regressions, on the transformed rows. */
    private static RegimeRegression.Inference inference(ThresholdEstimator.Parameters p, Panel panel, Prepared d) {
        Panel sample = panel.rows(d.panelRow);
        Clusters cl = p.se().clustered() ? ClusterResolver.resolve(sample, p.cluster(), p.effects()) : null;
        int[][] codes = null;
        if (cl != null) {
            codes = new int[cl.dimensions()][d.nt];
            for (int dim = 0; dim < cl.dimensions(); dim++) {
                for (int r = 0; r < d.n; r++) if (d.trow[r] >= 0) codes[dim][d.trow[r]] = cl.codes(dim)[r];
            }
            cl = new Clusters(cl.variables(), codes, cl.counts(), cl.nestedAbsorbed());
        }
        int[] period = new int[d.nt];
        int[] ent = new int[d.nt];
        for (int r = 0; r < d.n; r++) {
            if (d.trow[r] >= 0) {
                period[d.trow[r]] = sample.timeIndex(r);
                ent[d.trow[r]] = d.entity[r];
            }
        }
        return new RegimeRegression.Inference(p.covariance(), cl, period, sample.timeCount(), ent, d.entities);
    }

    /** WCR for every regime coefficient of the reported model, conditional on its thresholds. */
    private static List<WildClusterBootstrap.Result> wild(ThresholdEstimator.Parameters p, RegimeRegression.Fit rep,
                                                          RegimeRegression.Inference inf, long seed) {
        Clusters cl = inf.clusters();
        int[] codes;
        int g;
        DegreesOfFreedom dof = rep.dof();
        if (cl == null) {
            codes = inf.entity();
            g = inf.entities();
        } else {
            if (cl.nestedAbsorbed() != inf.entities() - 1) {
                throw new SpecException("wild-bootstrap", "the threshold model's wild bootstrap needs clusters that contain whole"
                        + " entities (the entity or a coarser grouping such as a region), not '" + cl.variables().get(0) + "'");
            }
            codes = cl.codes(0);
            g = cl.count();
        }
        double factor = dof.factor(CovarianceType.CR1, g);
        List<WildClusterBootstrap.Result> out = new ArrayList<>();
        for (int j = 0; j < rep.regimeCoefficients().size(); j++) {
            String term = rep.regimeCoefficients().get(j).term();
            out.add(WildClusterBootstrap.test(term, rep.design(), rep.response(), j, codes, g, null, factor,
                    p.wildBootstrap().spec(p.level(), Seeds.derive(seed, "wild-" + j))));
        }
        return out;
    }

    /**
     * The tiny-regime guard: a regime of a reported model with fewer than {@code min-regime-obs}
     * observations, or a threshold whose LR interval collapses to the estimate itself, is named in the
     * returned list (the report drops the stars of those coefficients and warns); with
     * {@code tiny-regime: error} the step fails instead, naming the remedies.
     */
    private static List<String> guard(ThresholdEstimator.Parameters p, Procedure.Observed obs, List<RegimeRegression.Fit> fits,
                                      int reported, String where) {
        List<String> out = new ArrayList<>();
        String[] model = {"single", "double", "triple"};
        for (int k = 1; k <= fits.size(); k++) {
            for (RegimeRegression.Regime r : fits.get(k - 1).regimes()) {
                if (r.observations() < p.minRegimeObs()) {
                    out.add("the " + model[k - 1] + "-threshold model's regime " + r.bounds() + " has " + r.observations()
                            + " observation(s) (< min-regime-obs " + p.minRegimeObs() + ")");
                }
            }
        }
        List<Procedure.Estimate> est = new ArrayList<>(obs.steps());
        if (obs.refined() != null) est.add(obs.refined());
        for (Procedure.Estimate e : est) {
            if (e.ciLow() == e.ciHigh()) out.add(e.name() + "'s LR confidence interval collapses to the estimate " + e.value());
        }
        if (!out.isEmpty() && p.tinyRegime() == ThresholdEstimator.TinyRegime.ERROR) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where + out.get(0)
                    + "; with so few observations the regime estimates are not informative: exclude the group (transform"
                    + " filter: {exclude-group: [...]}), run fewer thresholds or a larger trim, or set on-error: continue for this step");
        }
        return out;
    }
}
