package eres.plugins.iv;

import eres.api.linalg.Dense;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.inference.AbsorbedHat;
import eres.api.inference.Clusters;
import eres.api.inference.CovarianceEstimate;
import eres.api.inference.CovarianceSpec;
import eres.api.inference.CovarianceType;
import eres.api.inference.DegreesOfFreedom;
import eres.api.inference.DofConvention;
import eres.api.inference.SandwichEstimator;
import eres.api.panel.VcovType;
import eres.api.stats.Distributions;
import eres.api.EstimationException;
import eres.api.result.Coefficient;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-stage least squares with the diagnostics of Stata's {@code ivreg2} (Baum, Schaffer &amp;
 * Stillman 2003, 2007), on data whose fixed effects have already been partialled out. The
 * degrees-of-freedom bookkeeping is ivreg2's:
 *
 * <ul>
 *   <li>{@code dofminus}: large-sample adjustment, the number of absorbed entity effects
 *       ({@code xtivreg2, fe} is {@code ivreg2} on demeaned data with {@code dofminus(G)});</li>
 *   <li>{@code sdofminus}: small-sample adjustment, the number of partialled-out regressors
 *       (time dummies and the constant when they are absorbed rather than estimated);</li>
 *   <li>{@code small}: t/F with small-sample variance divisors instead of z/chi2.</li>
 * </ul>
 *
 * Every formula is documented in {@code docs/methods/iv-2sls.md}; the numbers are checked against
 * Stata ivreg2 output on Card (1995) data (coefficients, covariance, all diagnostics, first stage;
 * iid, robust, cluster; with and without {@code small} and {@code dofminus}) to 1e-6 relative, and
 * against R AER/plm on the Cigar panel (see the plugin's test fixtures).
 */
public final class Iv2sls {
    /** Reciprocal condition below which a Wald covariance block counts as singular (ivreg2r's rcond rule). */
    static final double WALD_SINGULAR = Math.sqrt(Dense.EPS);
    /** Reciprocal condition below which a moment covariance Omega counts as rank deficient. */
    static final double OMEGA_SINGULAR = 1e-12;

    private Iv2sls() {
    }

    /**
     * The estimation problem. Columns are {@code double[k][n]}. {@code x2} are the included exogenous
     * regressors (controls, after partialling the effects); with {@code intercept} a column of ones
     * named {@code _cons} is appended to them (pooled models, as ivreg2 without {@code nocons}).
     * {@code constantAbsorbed} says the constant was partialled out with the effects (R^2 is then
     * centred on the partialled data, which have mean zero).
     */
    public record Design(String yName, double[] y, List<String> x1Names, double[][] x1, List<String> x2Names, double[][] x2,
                         List<String> z1Names, double[][] z1, boolean intercept, boolean constantAbsorbed) {
        public Design {
            x1Names = List.copyOf(x1Names);
            x2Names = List.copyOf(x2Names);
            z1Names = List.copyOf(z1Names);
            if (x1.length != x1Names.size() || x2.length != x2Names.size() || z1.length != z1Names.size()) {
                throw new IllegalArgumentException("column names do not match the columns");
            }
        }
    }

    /**
     * Covariance and degrees-of-freedom options, for the inference layer.
     *
     * @param covariance the covariance request (type, cluster variables, lag, convention)
     * @param clusters   resolved clusters of the sample (cluster types only)
     * @param dofminus   large-sample adjustment (xtivreg2: the absorbed entity effects; 0 under {@code dof: r})
     * @param sdofminus  small-sample adjustment (the other absorbed parameters: time dummies, the constant)
     * @param absorbed   hat matrix of the absorbed effects (HC2/HC3/CR2/CR3)
     * @param period     period of each observation (Driscoll–Kraay), or {@code null}
     * @param nested     absorbed parameters nested in the clusters ({@code dof: xtreg})
     * @param level      confidence level of the intervals
     */
    public record Options(CovarianceSpec covariance, Clusters clusters, boolean small, int dofminus, int sdofminus, double level,
                          AbsorbedHat absorbed, int[] period, int periods, int nested) {
        public Options {
            if (covariance.type().clustered() && (clusters == null || clusters.minCount() < 2)) {
                throw new IllegalArgumentException("cluster-robust covariance needs at least 2 clusters");
            }
            if (dofminus < 0 || sdofminus < 0) throw new IllegalArgumentException("dofminus and sdofminus must be >= 0");
            if (absorbed == null) absorbed = AbsorbedHat.NONE;
        }

        /** The earlier three-way options (conventional, robust = HC1, cluster = CR1), Stata conventions. */
        public Options(VcovType vce, int[] cluster, int clusters, boolean small, int dofminus, int sdofminus, double level) {
            this(new CovarianceSpec(vce.type(), List.of(), null, DofConvention.STATA),
                    vce == VcovType.CLUSTER ? new Clusters(List.of("cluster"), new int[][] {cluster}, new int[] {clusters}, 0) : null,
                    small, dofminus, sdofminus, level, AbsorbedHat.NONE, null, 1, 0);
        }

        CovarianceType type() {
            return covariance.type();
        }

        /** The degrees-of-freedom record of a fit with {@code p} coefficients (see {@link DegreesOfFreedom}). */
        DegreesOfFreedom dof(int n, int p) {
            DofConvention c = covariance.dof();
            int notCounted = c == DofConvention.STATA ? dofminus : nested;
            return new DegreesOfFreedom(n, p, dofminus + sdofminus, notCounted, Math.max(dofminus - 1, 0), dofminus, periods, small, c);
        }
    }

    /** One first-stage regression (an endogenous regressor on all instruments) and its ivreg2 statistics. */
    public record FirstStage(String endogenous, List<Coefficient> coefficients, double rss, double rmse, double partialR2,
                             double sheaPartialR2, TestStatistic f, double waldChi2, TestStatistic swF, TestStatistic swChi2,
                             double swPartialR2, TestStatistic apF, TestStatistic apChi2, double apPartialR2) {
        public FirstStage {
            coefficients = List.copyOf(coefficients);
        }
    }

    /**
     * Everything {@code ivreg2 ..., first endog(all)} reports.
     *
     * @param v            covariance of the coefficients in {@code terms} order
     * @param dfT          df of the t tests (infinite for z tests)
     * @param canonical    canonical correlations of the partialled endogenous regressors and excluded instruments
     * @param anderson     Anderson canonical-correlation LM (underidentification, iid)
     * @param craggDonald  Cragg–Donald Wald F (weak identification, iid)
     * @param kpLm         Kleibergen–Paap rk LM (robust/cluster; not applicable under iid)
     * @param kpWald       Kleibergen–Paap rk Wald F (robust/cluster)
     * @param overid       Sargan (iid) or Hansen J (robust/cluster)
     * @param endogeneity  ivreg2 {@code endog()} C statistic for all endogenous regressors, chosen covariance
     * @param durbin       Durbin chi2 (iid form)
     * @param wuHausman    Wu–Hausman F, regression form with the chosen covariance (the textbook F under iid)
     * @param arF          Anderson–Rubin Wald test (F form) of all endogenous coefficients = 0
     * @param arChi2       Anderson–Rubin chi2 form
     * @param stockWright  Stock–Wright LM S statistic
     */
    public record Result(int n, int k, int l, int k1, int l1, int clusters, int dofminus, int sdofminus, boolean small,
                         VcovType vce, CovarianceEstimate covariance, List<String> terms, double[] b, double[][] v,
                         List<Coefficient> coefficients, double dfT,
                         double[] residuals, double rss, double rmse, double r2, double r2c, double r2u, double r2a,
                         TestStatistic modelF, List<FirstStage> firstStages, double[] canonical, TestStatistic anderson,
                         TestStatistic craggDonald, TestStatistic kpLm, TestStatistic kpWald, double kpWaldChi2,
                         TestStatistic overid, TestStatistic endogeneity, TestStatistic durbin, TestStatistic wuHausman,
                         TestStatistic arF, TestStatistic arChi2, TestStatistic stockWright, List<String> warnings) {
        public Result {
            terms = List.copyOf(terms);
            coefficients = List.copyOf(coefficients);
            firstStages = List.copyOf(firstStages);
            warnings = List.copyOf(warnings);
        }

        /** Residual df of the small-sample tests, {@code n - K - dofminus - sdofminus}. */
        public int dfResid() {
            return n - k - dofminus - sdofminus;
        }
    }

    /** Working state of one estimation. */
    private static final class Work {
        final Design d;
        final Options o;
        final int n;
        final int k1;
        final int k2;
        final int l1;
        final int kk;
        final int ll;
        final double[] y;
        final double[][] x;      // [X1, X2]
        final double[][] z;      // [Z1, X2]
        final double[][] x2;
        final List<String> xNames = new ArrayList<>();
        final List<String> zNames = new ArrayList<>();
        final int[] z1Index;
        final List<String> warnings = new ArrayList<>();

        Work(Design d, Options o) {
            this.d = d;
            this.o = o;
            this.n = d.y().length;
            this.y = d.y();
            this.k1 = d.x1().length;
            this.l1 = d.z1().length;
            List<double[]> x2l = new ArrayList<>(List.of(d.x2()));
            List<String> x2n = new ArrayList<>(d.x2Names());
            if (d.intercept()) {
                double[] ones = new double[n];
                java.util.Arrays.fill(ones, 1.0);
                x2l.add(ones);
                x2n.add("_cons");
            }
            this.x2 = x2l.toArray(new double[0][]);
            this.k2 = x2.length;
            this.kk = k1 + k2;
            this.ll = l1 + k2;
            this.x = new double[kk][];
            this.z = new double[ll][];
            for (int j = 0; j < k1; j++) {
                x[j] = d.x1()[j];
                xNames.add(d.x1Names().get(j));
            }
            for (int j = 0; j < k2; j++) {
                x[k1 + j] = x2[j];
                xNames.add(x2n.get(j));
            }
            for (int j = 0; j < l1; j++) {
                z[j] = d.z1()[j];
                zNames.add(d.z1Names().get(j));
            }
            for (int j = 0; j < k2; j++) {
                z[l1 + j] = x2[j];
                zNames.add(x2n.get(j));
            }
            z1Index = new int[l1];
            for (int j = 0; j < l1; j++) z1Index[j] = j;
        }

        boolean cluster() {
            return o.type().clustered();
        }

        boolean iid() {
            return o.type() == CovarianceType.CONVENTIONAL;
        }

        int m() {
            return o.clusters() == null ? 0 : o.clusters().count();
        }

        int dofm() {
            return o.dofminus();
        }

        int sdofm() {
            return o.sdofminus();
        }
    }

    /**
     * Estimates the model.
     *
     * @throws EstimationException {@code TOO_FEW_OBSERVATIONS} when no residual degrees of freedom are
     *                             left, {@code COLLINEAR} when the instruments or regressors are collinear
     */
    public static Result estimate(Design design, Options options) {
        Work w = new Work(design, options);
        int n = w.n;
        if (w.l1 < w.k1) {
            throw new EstimationException(EstimationException.Reason.COLLINEAR, "equation not identified: " + w.l1
                    + " excluded instrument(s) for " + w.k1 + " endogenous regressor(s)");
        }
        int dfSmall = n - w.kk - w.dofm() - w.sdofm();
        int dfFirst = n - w.ll - w.dofm() - w.sdofm();
        if (dfSmall <= 0 || dfFirst <= 0) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, n + " observations leave no residual"
                    + " degrees of freedom for " + w.ll + " instruments, " + w.kk + " regressors and "
                    + (w.dofm() + w.sdofm()) + " absorbed effects");
        }
        double[][] zRows = rows(w.z);
        double[][] xRows = rows(w.x);

        // first stage: each endogenous regressor on Z
        LeastSquaresFit[] fs = new LeastSquaresFit[w.k1];
        double[][] v = new double[w.k1][];
        double[][] xhat = new double[w.kk][];
        for (int j = 0; j < w.k1; j++) {
            fs[j] = LeastSquares.fit(zRows, w.x[j], w.zNames);
            v[j] = fs[j].residuals();
            xhat[j] = new double[n];
            for (int i = 0; i < n; i++) xhat[j][i] = w.x[j][i] - v[j][i];
        }
        for (int j = w.k1; j < w.kk; j++) xhat[j] = w.x[j];
        double[][] ztzInv = w.k1 > 0 ? fs[0].xtxInverse() : LeastSquares.fit(zRows, w.y, w.zNames).xtxInverse();

        // second stage
        LeastSquaresFit second = LeastSquares.fit(rows(xhat), w.y, w.xNames);
        double[] b = second.beta();
        double[][] bread = second.xtxInverse();
        double[] e = residuals(w.y, w.x, b);
        double rss = Dense.dot(e, e);

        CovarianceEstimate ce = covariance(w, xhat, e, rss, bread, w.kk);
        double[][] vcov = ce.matrix();
        double dfT = ce.tDf();
        List<Coefficient> coefs = coefficients(w.xNames, b, vcov, dfT, options.level());

        // fit statistics
        double ybar = mean(w.y);
        double tssC = 0;
        double tssU = 0;
        for (double yi : w.y) {
            tssC += (yi - ybar) * (yi - ybar);
            tssU += yi * yi;
        }
        double r2c = 1 - rss / tssC;
        double r2u = 1 - rss / tssU;
        boolean centred = design.intercept() || design.constantAbsorbed();
        double r2 = centred ? r2c : r2u;
        double r2a = 1 - (1 - r2) * (centred ? n - 1.0 : n) / dfSmall;
        double rmse = Math.sqrt(rss / (options.small() ? dfSmall : n - w.dofm()));
        TestStatistic modelF = modelF(w, b, vcov, dfSmall);

        // OLS of y on X: (X'X)^{-1} for Shea's partial R^2, residuals for the endogeneity tests
        LeastSquaresFit ols = LeastSquares.fit(xRows, w.y, w.xNames);

        List<FirstStage> firstStages = firstStages(w, fs, v, xhat, ztzInv, bread, ols.xtxInverse(), dfFirst);

        Identification id = identification(w, v, dfFirst);

        TestStatistic overid = overidentification(w, e, rss);
        TestStatistic endog = cStatistic(w, ols.residuals());
        TestStatistic[] dwh;
        try {
            dwh = durbinWuHausman(w, e, ols.residuals(), v);
        } catch (EstimationException ex) {
            // e.g. instruments that reproduce the endogenous regressors exactly (Z = X): no first-stage residual to test
            String why = "not computed: " + ex.getMessage();
            dwh = new TestStatistic[] {TestStatistic.notApplicable("durbin", why), TestStatistic.notApplicable("wu-hausman", why)};
        }
        TestStatistic[] ar = andersonRubin(w, zRows, dfFirst);
        TestStatistic sw = stockWright(w);

        return new Result(n, w.kk, w.ll, w.k1, w.l1, w.cluster() ? w.m() : 0, w.dofm(), w.sdofm(), options.small(),
                VcovType.of(options.type()), ce, w.xNames, b, vcov, coefs, dfT, e, rss, rmse, r2, r2c, r2u, r2a, modelF, firstStages,
                id.canonical, id.anderson, id.craggDonald, id.kpLm, id.kpWald, id.kpWaldChi2, overid, endog, dwh[0], dwh[1],
                ar[0], ar[1], sw, w.warnings);
    }

    // ------------------------------------------------------------------ covariance

    /**
     * Covariance of an IV/OLS coefficient vector with bread {@code A = (Xhat'Xhat)^{-1}} and
     * {@code p} parameters, from the inference layer with ivreg2's degrees of freedom (see the class
     * comment and {@link DegreesOfFreedom}); HC2/HC3/CR2/CR3 use the leverages of {@code Xhat}.
     */
    private static CovarianceEstimate covariance(Work w, double[][] xhat, double[] e, double rss, double[][] a, int p) {
        return SandwichEstimator.estimate(new SandwichEstimator.Input(xhat, e, a, rss, w.o.absorbed(), w.o.period()),
                w.o.covariance(), w.o.clusters(), w.o.dof(w.n, p));
    }

    private static double[][] coefficientCovariance(Work w, double[][] xhat, double[] e, double rss, double[][] a, int p) {
        return covariance(w, xhat, e, rss, a, p).matrix();
    }

    /** t df of a fit whose small-sample residual df is {@code dfResid} (first stages: n - L - dofminus - sdofminus). */
    private static double tDf(Work w, int dfResid) {
        if (!w.o.small()) return Double.POSITIVE_INFINITY;
        if (w.o.covariance().dof() != DofConvention.R) {
            if (w.cluster()) return w.o.clusters().minCount() - 1;
            if (w.o.type() == CovarianceType.DRISCOLL_KRAAY) return w.o.periods() - 1;
        }
        return dfResid;
    }

    private static List<Coefficient> coefficients(List<String> names, double[] b, double[][] v, double df, double level) {
        double crit = Distributions.tQuantile(0.5 + level / 2, df);
        List<Coefficient> out = new ArrayList<>();
        for (int j = 0; j < b.length; j++) {
            double se = Math.sqrt(v[j][j]);
            double t = b[j] / se;
            out.add(new Coefficient(names.get(j), b[j], se, t, Distributions.tTwoSided(t, df), b[j] - crit * se, b[j] + crit * se));
        }
        return out;
    }

    /** Wald test that every slope (all coefficients but {@code _cons}) is zero, ivreg2's e(F). */
    private static TestStatistic modelF(Work w, double[] b, double[][] v, int dfSmall) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < b.length; j++) if (!w.xNames.get(j).equals("_cons")) idx.add(j);
        int df1 = idx.size();
        int n = w.n;
        double df2 = w.cluster() ? w.m() - 1 : dfSmall;
        if (df1 == 0) return TestStatistic.notApplicable("model-f", "no slope coefficients");
        int[] ix = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] bs = new double[df1];
        for (int j = 0; j < df1; j++) bs[j] = b[ix[j]];
        double[][] vs = Dense.sub(v, ix);
        double chi2;
        if (Dense.reciprocalCondition(vs) >= WALD_SINGULAR) {
            chi2 = Dense.quadraticInverse(vs, bs);
        } else {
            // rank-deficient covariance (e.g. fewer clusters than coefficients): Stata's test uses invsym()
            chi2 = Dense.dot(bs, Dense.multiply(Dense.sweepInverse(vs), bs));
        }
        double f;
        if (w.o.small()) {
            f = chi2 / df1;
        } else if (w.cluster()) {
            f = chi2 / df1 * (w.m() - 1.0) / w.m() * (n - w.kk - w.sdofm()) / (n - 1.0);
        } else {
            f = chi2 / df1 * dfSmall / (n - w.dofm());
        }
        return TestStatistic.f("model-f", f, df1, df2, Distributions.fUpper(f, df1, df2),
                "all slope coefficients are zero (" + w.o.type().label() + " covariance)");
    }

    // ------------------------------------------------------------------ first stage

    private static List<FirstStage> firstStages(Work w, LeastSquaresFit[] fs, double[][] v, double[][] xhat, double[][] ztzInv,
                                                double[][] bread, double[][] xtxInv, int dfFirst) {
        int n = w.n;
        List<FirstStage> out = new ArrayList<>();
        double[] wald = new double[w.k1];
        double[] waldClassical = new double[w.k1];
        double[] pr2 = new double[w.k1];
        for (int j = 0; j < w.k1; j++) {
            double[] pi = fs[j].beta();
            double rss = fs[j].ssr();
            WaldPair wp = excludedWald(w, pi, v[j], rss, ztzInv);
            waldClassical[j] = wp.classical;
            wald[j] = wp.chosen;
            pr2[j] = partialR2(wp.classical, n - w.dofm());
        }
        double dfSw = w.l1 - w.k1 + 1;
        for (int j = 0; j < w.k1; j++) {
            double[] pi = fs[j].beta();
            double rss = fs[j].ssr();
            double rmse = Math.sqrt(rss / dfFirst);
            double shea = xtxInv[j][j] / bread[j][j];
            TestStatistic f = firstStageF(w, "first-stage-f " + w.xNames.get(j), wald[j], w.l1, dfFirst,
                    "coefficients of the excluded instruments are zero in the first stage of " + w.xNames.get(j));
            double[][] vfs = coefficientCovariance(w, w.z, v[j], rss, ztzInv, w.ll);
            List<Coefficient> coefs = coefficients(w.zNames, pi, vfs, tDf(w, dfFirst), w.o.level());
            TestStatistic swF;
            TestStatistic swChi2;
            TestStatistic apF;
            TestStatistic apChi2;
            double swPr2;
            double apPr2;
            if (w.k1 == 1) {
                swF = rename(f, "sanderson-windmeijer-f " + w.xNames.get(j));
                apF = rename(f, "angrist-pischke-f " + w.xNames.get(j));
                swChi2 = chi2("sanderson-windmeijer-chi2 " + w.xNames.get(j), wald[j], dfSw, "underidentification of " + w.xNames.get(j));
                apChi2 = chi2("angrist-pischke-chi2 " + w.xNames.get(j), wald[j], dfSw, "underidentification of " + w.xNames.get(j));
                swPr2 = pr2[j];
                apPr2 = pr2[j];
            } else {
                // conditional first stages: partial the other endogenous regressors' fitted values out (Sanderson &
                // Windmeijer 2016) or use the fitted values themselves (Angrist & Pischke 2009)
                int[] others = new int[w.kk - 1];
                for (int c = 0, o = 0; c < w.kk; c++) if (c != j) others[o++] = c;
                double[][] xhatOthers = Dense.columns(xhat, others);
                double[][] xOthers = Dense.columns(w.x, others);
                double[] b1 = LeastSquares.fit(rows(xhatOthers), w.x[j], null).beta();
                double[] eAp = residuals(w.x[j], xhatOthers, b1);
                double[] eSw = residuals(w.x[j], xOthers, b1);
                Conditional sw = conditional(w, eSw, ztzInv, dfFirst, dfSw);
                Conditional ap = conditional(w, eAp, ztzInv, dfFirst, dfSw);
                String nm = w.xNames.get(j);
                swF = firstStageF(w, "sanderson-windmeijer-f " + nm, sw.wald, dfSw, dfFirst, "underidentification of " + nm);
                apF = firstStageF(w, "angrist-pischke-f " + nm, ap.wald, dfSw, dfFirst, "underidentification of " + nm);
                swChi2 = chi2("sanderson-windmeijer-chi2 " + nm, sw.wald, dfSw, "underidentification of " + nm);
                apChi2 = chi2("angrist-pischke-chi2 " + nm, ap.wald, dfSw, "underidentification of " + nm);
                swPr2 = sw.pr2;
                apPr2 = ap.pr2;
            }
            out.add(new FirstStage(w.xNames.get(j), coefs, rss, rmse, pr2[j], shea, f, wald[j], swF, swChi2, swPr2, apF, apChi2,
                    apPr2));
        }
        return out;
    }

    private record WaldPair(double classical, double chosen) {
    }

    private record Conditional(double wald, double pr2) {
    }

    /** First-stage style Wald tests of the excluded-instrument coefficients of a regression on Z. */
    private static WaldPair excludedWald(Work w, double[] pi, double[] resid, double rss, double[][] ztzInv) {
        int n = w.n;
        double[] rb = new double[w.l1];
        for (int j = 0; j < w.l1; j++) rb[j] = pi[w.z1Index[j]];
        double s2 = rss / (n - w.dofm());
        double classical = wald(Dense.scale(Dense.sub(ztzInv, w.z1Index), s2), rb);
        if (w.iid()) return new WaldPair(classical, classical);
        double[][] meat = w.cluster() ? clusterMeat(scores(w.z, resid), w) : Dense.scoreMeat(scores(w.z, resid));
        double[][] robust = Dense.symmetrize(Dense.multiply(Dense.multiply(ztzInv, meat), ztzInv));
        double chosen = wald(Dense.sub(robust, w.z1Index), rb);
        if (!w.cluster()) chosen *= (n - w.dofm()) / (double) n;
        return new WaldPair(classical, chosen);
    }

    private static Conditional conditional(Work w, double[] e, double[][] ztzInv, int dfFirst, double dfSw) {
        LeastSquaresFit f = LeastSquares.fit(rows(w.z), e, w.zNames);
        WaldPair wp = excludedWald(w, f.beta(), f.residuals(), f.ssr(), ztzInv);
        return new Conditional(wp.chosen, partialR2(wp.classical, w.n - w.dofm()));
    }

    private static double partialR2(double classicalWald, double nEff) {
        double s = classicalWald / nEff;
        return s / (1 + s);
    }

    /** Wald {@code b' V^{-1} b}; NaN when V is (nearly) singular. */
    private static double wald(double[][] v, double[] b) {
        if (b.length > 1 && Dense.reciprocalCondition(v) < WALD_SINGULAR) return Double.NaN;
        return Dense.quadraticInverse(v, b);
    }

    /** ivreg2's conversion of a first-stage-type Wald statistic to F (always small-sample df). */
    private static TestStatistic firstStageF(Work w, String name, double wald, double df1, int dfFirst, String hypothesis) {
        int n = w.n;
        if (Double.isNaN(wald)) {
            double df2 = w.cluster() ? w.m() - 1 : dfFirst;
            return new TestStatistic(name, Double.NaN, df1, df2, Double.NaN, "F", hypothesis,
                    "not computed: the covariance of the excluded-instrument coefficients is singular"
                            + (w.cluster() ? " (too few clusters)" : ""));
        }
        double f;
        double df2;
        if (w.cluster()) {
            f = wald / (n - 1.0) * (n - w.ll - w.sdofm()) * (w.m() - 1.0) / w.m() / df1;
            df2 = w.m() - 1;
        } else {
            f = wald / (n - w.dofm()) * dfFirst / df1;
            df2 = dfFirst;
        }
        return TestStatistic.f(name, f, df1, df2, Distributions.fUpper(f, df1, df2), hypothesis);
    }

    // ------------------------------------------------------------------ identification

    private static final class Identification {
        double[] canonical = new double[0];
        TestStatistic anderson;
        TestStatistic craggDonald;
        TestStatistic kpLm;
        TestStatistic kpWald;
        double kpWaldChi2 = Double.NaN;
    }

    private static Identification identification(Work w, double[][] firstStageResid, int dfFirst) {
        int n = w.n;
        Identification id = new Identification();
        double dfUnder = w.l1 - w.k1 + 1;
        String underH = "the equation is underidentified (rank of the excluded-instrument coefficients < " + w.k1 + ")";
        String weakH = "instruments are weak";
        String notIid = "Kleibergen-Paap statistics are reported with robust or cluster standard errors";
        // partial the included exogenous regressors out (FWL)
        double[][] x1p = new double[w.k1][];
        double[][] z1p = new double[w.l1][];
        double[][] x2Rows = w.k2 > 0 ? rows(w.x2) : null;
        for (int j = 0; j < w.k1; j++) x1p[j] = w.k2 > 0 ? LeastSquares.fit(x2Rows, w.x[j], null).residuals() : w.x[j];
        for (int j = 0; j < w.l1; j++) z1p[j] = w.k2 > 0 ? LeastSquares.fit(x2Rows, w.z[j], null).residuals() : w.z[j];
        CanonicalCorrelations cc = CanonicalCorrelations.of(x1p, z1p);
        if (cc == null) {
            w.warnings.add("identification statistics not computed: canonical correlation of 1 or singular cross-products"
                    + " (collinear instruments or endogenous regressors)");
            id.anderson = TestStatistic.notApplicable("anderson-lm", "canonical correlations undefined (collinearity)");
            id.craggDonald = TestStatistic.notApplicable("cragg-donald-f", "canonical correlations undefined (collinearity)");
            id.kpLm = TestStatistic.notApplicable("kleibergen-paap-lm", w.iid() ? notIid : "canonical correlations undefined");
            id.kpWald = TestStatistic.notApplicable("kleibergen-paap-f", w.iid() ? notIid : "canonical correlations undefined");
            return id;
        }
        id.canonical = cc.correlations();
        double lmin = cc.minSquared();
        double lm = (n - w.dofm()) * lmin;
        id.anderson = chi2("anderson-lm", lm, dfUnder, underH);
        double cd = lmin / (1 - lmin) * dfFirst / w.l1;
        id.craggDonald = new TestStatistic("cragg-donald-f", cd, null, null, Double.NaN, "F", weakH,
                "compare with the Stock-Yogo critical values (no p-value)");
        if (w.iid()) {
            id.kpLm = TestStatistic.notApplicable("kleibergen-paap-lm", notIid);
            id.kpWald = TestStatistic.notApplicable("kleibergen-paap-f", notIid);
            return id;
        }
        // score covariances: LM uses vhat = X1p (restricted under H0), Wald the first-stage residuals
        double[][] shatLm = kpScoreCovariance(w, x1p, z1p);
        double[][] shatWald = kpScoreCovariance(w, firstStageResid, z1p);
        KleibergenPaap.Rk rkLm = KleibergenPaap.rk(cc, shatLm, n);
        KleibergenPaap.Rk rkWald = KleibergenPaap.rk(cc, shatWald, n);
        String singular = "not computed: the score covariance is singular" + (w.cluster() ? " (too few clusters)" : "");
        if (Double.isNaN(rkLm.chi2())) {
            id.kpLm = new TestStatistic("kleibergen-paap-lm", Double.NaN, dfUnder, null, Double.NaN, "chi2", underH, singular);
        } else {
            double stat = w.cluster() ? rkLm.chi2() : rkLm.chi2() / n * (n - w.dofm());
            id.kpLm = chi2("kleibergen-paap-lm", stat, rkLm.df(), underH);
        }
        if (Double.isNaN(rkWald.chi2())) {
            id.kpWald = new TestStatistic("kleibergen-paap-f", Double.NaN, null, null, Double.NaN, "F", weakH, singular);
        } else {
            id.kpWaldChi2 = rkWald.chi2();
            double f = w.cluster()
                    ? rkWald.chi2() / (n - 1.0) * (n - w.ll - w.sdofm()) * (w.m() - 1.0) / w.m() / w.l1
                    : rkWald.chi2() / n * dfFirst / w.l1;
            id.kpWald = new TestStatistic("kleibergen-paap-f", f, null, null, Double.NaN, "F", weakH,
                    "compare with the Stock-Yogo critical values (no p-value)");
        }
        return id;
    }

    /** {@code (1/n) sum s s'} with {@code s_i = vhat_i kron z1p_i}, summed within clusters first. */
    private static double[][] kpScoreCovariance(Work w, double[][] vhat, double[][] z1p) {
        int k1 = vhat.length;
        int l1 = z1p.length;
        double[][] s = new double[k1 * l1][w.n];
        for (int j = 0; j < k1; j++) {
            for (int l = 0; l < l1; l++) {
                double[] c = s[j * l1 + l];
                for (int i = 0; i < w.n; i++) c[i] = vhat[j][i] * z1p[l][i];
            }
        }
        double[][] meat = w.cluster() ? clusterMeat(s, w) : Dense.scoreMeat(s);
        return Dense.symmetrize(Dense.scale(meat, 1.0 / w.n));
    }

    // ------------------------------------------------------------------ overidentification and endogeneity

    /** Moment covariance Omega (L x L): HC {@code sum z z' e^2/(n - dofminus)}, cluster {@code sum_g (Z_g'e_g)(..)'/n}. */
    private static double[][] omega(Work w, double[][] z, double[] e) {
        double[][] sc = scores(z, e);
        if (w.cluster()) return Dense.symmetrize(Dense.scale(clusterMeat(sc, w), 1.0 / w.n));
        return Dense.symmetrize(Dense.scale(Dense.scoreMeat(sc), 1.0 / (w.n - w.dofm())));
    }

    private static double[][] omegaIid(Work w, double[][] z, double[] e) {
        double s2 = Dense.dot(e, e) / (w.n - w.dofm());
        return Dense.symmetrize(Dense.scale(Dense.cross(z, z), s2 / w.n));
    }

    /**
     * Hansen's J of two-step efficient GMM with moment covariance {@code omega}:
     * {@code b = (X'Z W Z'X)^{-1} X'Z W Z'y}, {@code W = Omega^{-1}}, {@code J = n gbar' W gbar}; NaN if
     * Omega is rank deficient (ivreg2 reports a missing value then).
     */
    private static double hansenJ(Work w, double[][] z, double[][] omega) {
        if (Dense.reciprocalCondition(omega) < OMEGA_SINGULAR) return Double.NaN;
        double[][] wInv = Dense.tryInverseSymmetric(omega);
        if (wInv == null) return Double.NaN;
        int n = w.n;
        double[][] qxz = Dense.scale(Dense.cross(w.x, z), 1.0 / n);
        double[] qzy = Dense.cross(z, w.y);
        for (int i = 0; i < qzy.length; i++) qzy[i] /= n;
        double[][] a = Dense.multiply(qxz, wInv);
        double[][] mtx = Dense.symmetrize(Dense.multiply(a, Dense.transpose(qxz)));
        double[] rhs = Dense.multiply(a, qzy);
        double[] b2 = Dense.trySolveSymmetric(mtx, rhs);
        if (b2 == null) return Double.NaN;
        double[] e2 = residuals(w.y, w.x, b2);
        double[] gbar = Dense.cross(z, e2);
        for (int i = 0; i < gbar.length; i++) gbar[i] /= n;
        return n * Dense.dot(gbar, Dense.multiply(wInv, gbar));
    }

    private static TestStatistic overidentification(Work w, double[] e, double rss) {
        int df = w.l1 - w.k1;
        String h = "the overidentifying restrictions are valid (instruments uncorrelated with the error)";
        if (w.iid()) {
            if (df == 0) {
                return new TestStatistic("sargan", 0, 0.0, null, Double.NaN, "chi2", h, "equation exactly identified");
            }
            double[] fitted = projection(rows(w.z), e, w.zNames);
            double s = Dense.dot(fitted, fitted) / (rss / (w.n - w.dofm()));
            return chi2("sargan", s, df, h);
        }
        double[][] om = omega(w, w.z, e);
        double j = hansenJ(w, w.z, om);
        if (Double.isNaN(j)) {
            return new TestStatistic("hansen-j", Double.NaN, (double) df, null, Double.NaN, "chi2", h,
                    "not computed: the moment covariance is rank deficient" + (w.cluster() ? " (clusters <= instruments)" : ""));
        }
        if (df == 0) return new TestStatistic("hansen-j", 0, 0.0, null, Double.NaN, "chi2", h, "equation exactly identified");
        return chi2("hansen-j", j, df, h);
    }

    /**
     * ivreg2's {@code endog()} C statistic for all endogenous regressors: J of the model that treats them
     * as exogenous minus J of the full model, both with the restricted model's Omega (so C &gt;= 0).
     */
    private static TestStatistic cStatistic(Work w, double[] olsResid) {
        String h = "the endogenous regressors are exogenous";
        double[][] zr = new double[w.ll + w.k1][];
        System.arraycopy(w.z, 0, zr, 0, w.ll);
        for (int j = 0; j < w.k1; j++) zr[w.ll + j] = w.x[j];
        // all regressors are instruments in the restricted model: its 2SLS is OLS
        double[][] omR = w.iid() ? omegaIid(w, zr, olsResid) : omega(w, zr, olsResid);
        double jr = hansenJ(w, zr, omR);
        int[] sub = new int[w.ll];
        for (int i = 0; i < w.ll; i++) sub[i] = i;
        double jf = Double.isNaN(jr) ? Double.NaN : hansenJ(w, w.z, Dense.sub(omR, sub));
        if (Double.isNaN(jr) || Double.isNaN(jf)) {
            return new TestStatistic("endogeneity-c", Double.NaN, null, null, Double.NaN, "chi2", h,
                    "not computed: the moment covariance is rank deficient" + (w.cluster() ? " (too few clusters)" : ""));
        }
        return chi2("endogeneity-c", jr - jf, w.k1, h);
    }

    /**
     * Durbin chi2 and Wu–Hausman F. Durbin: {@code delta / (e_e'e_e/(n - dofminus))} with
     * {@code delta = e_e'P_[Z,X1] e_e - e'P_Z e}. Wu–Hausman: the F test of the first-stage residuals
     * added to the structural equation estimated by OLS, with the chosen covariance (the textbook
     * {@code (delta/q)/((e_e'e_e - delta)/(n - K - q - dofminus - sdofminus))} under iid; Wooldridge's
     * robust regression test otherwise).
     */
    private static TestStatistic[] durbinWuHausman(Work w, double[] e, double[] olsResid, double[][] v) {
        int n = w.n;
        int q = w.k1;
        String h = "the endogenous regressors are exogenous";
        double[][] zw = new double[w.ll + q][];
        System.arraycopy(w.z, 0, zw, 0, w.ll);
        for (int j = 0; j < q; j++) zw[w.ll + j] = w.x[j];
        List<String> zwNames = new ArrayList<>(w.zNames);
        for (int j = 0; j < q; j++) zwNames.add(w.xNames.get(j));
        double[] pe = projection(rows(zw), olsResid, zwNames);
        double[] pc = projection(rows(w.z), e, w.zNames);
        double delta = Dense.dot(pe, pe) - Dense.dot(pc, pc);
        double rssE = Dense.dot(olsResid, olsResid);
        TestStatistic durbin = chi2("durbin", delta / (rssE / (n - w.dofm())), q, h + " (Durbin, iid form)");

        double[][] aug = new double[w.kk + q][];
        System.arraycopy(w.x, 0, aug, 0, w.kk);
        System.arraycopy(v, 0, aug, w.kk, q);
        List<String> augNames = new ArrayList<>(w.xNames);
        for (int j = 0; j < q; j++) augNames.add("v_" + w.xNames.get(j));
        LeastSquaresFit f = LeastSquares.fit(rows(aug), w.y, augNames);
        int p = w.kk + q;
        int dfR = n - p - w.dofm() - w.sdofm();
        double[] res = f.residuals();
        double[][] va;
        double[][] bread = f.xtxInverse();
        // the regression test always uses the small-sample factors (as ivreg2's regression-based test)
        Options small = new Options(w.o.covariance(), w.o.clusters(), true, w.o.dofminus(), w.o.sdofminus(), w.o.level(), w.o.absorbed(),
                w.o.period(), w.o.periods(), w.o.nested());
        va = SandwichEstimator.estimate(new SandwichEstimator.Input(aug, res, bread, f.ssr(), w.o.absorbed(), w.o.period()),
                w.o.covariance(), w.o.clusters(), small.dof(n, p)).matrix();
        int[] ix = new int[q];
        double[] th = new double[q];
        for (int j = 0; j < q; j++) {
            ix[j] = w.kk + j;
            th[j] = f.beta(w.kk + j);
        }
        double wd = wald(Dense.sub(va, ix), th);
        double df2 = w.cluster() ? w.m() - 1 : dfR;
        TestStatistic wh;
        if (Double.isNaN(wd)) {
            wh = new TestStatistic("wu-hausman", Double.NaN, (double) q, df2, Double.NaN, "F", h, "not computed: singular covariance");
        } else {
            double fs = wd / q;
            wh = TestStatistic.f("wu-hausman", fs, q, df2, Distributions.fUpper(fs, q, df2),
                    h + " (regression form, " + w.o.type().label() + " covariance)");
        }
        return new TestStatistic[] {durbin, wh};
    }

    // ------------------------------------------------------------------ weak-instrument-robust tests

    /** Anderson–Rubin test of H0: all endogenous coefficients are zero (reduced form of y on Z). */
    private static TestStatistic[] andersonRubin(Work w, double[][] zRows, int dfFirst) {
        LeastSquaresFit rf = LeastSquares.fit(zRows, w.y, w.zNames);
        WaldPair wp = excludedWald(w, rf.beta(), rf.residuals(), rf.ssr(), rf.xtxInverse());
        String h = "all endogenous coefficients are zero (weak-instrument-robust)";
        TestStatistic f = firstStageF(w, "anderson-rubin-f", wp.chosen, w.l1, dfFirst, h);
        TestStatistic c = Double.isNaN(wp.chosen)
                ? new TestStatistic("anderson-rubin-chi2", Double.NaN, (double) w.l1, null, Double.NaN, "chi2", h, f.note())
                : chi2("anderson-rubin-chi2", wp.chosen, w.l1, h);
        return new TestStatistic[] {f, c};
    }

    /** Stock–Wright LM S statistic: moments of y on X2 only, {@code S = n gbar' Omega^{-1} gbar}. */
    private static TestStatistic stockWright(Work w) {
        double[] e0 = w.k2 > 0 ? LeastSquares.fit(rows(w.x2), w.y, null).residuals() : w.y.clone();
        double[] gbar = Dense.cross(w.z, e0);
        for (int i = 0; i < gbar.length; i++) gbar[i] /= w.n;
        double[][] om = w.iid() ? omegaIid(w, w.z, e0) : omega(w, w.z, e0);
        String h = "all endogenous coefficients are zero and the instruments are valid (weak-instrument-robust LM)";
        if (Dense.reciprocalCondition(om) < OMEGA_SINGULAR) {
            return new TestStatistic("stock-wright-s", Double.NaN, (double) w.l1, null, Double.NaN, "chi2", h,
                    "not computed: the moment covariance is rank deficient" + (w.cluster() ? " (clusters <= instruments)" : ""));
        }
        double s = w.n * Dense.quadraticInverse(om, gbar);
        return chi2("stock-wright-s", s, w.l1, h);
    }

    // ------------------------------------------------------------------ helpers

    static TestStatistic chi2(String name, double stat, double df, String hypothesis) {
        return TestStatistic.chi2(name, stat, df, Distributions.chi2Upper(stat, df), hypothesis);
    }

    private static TestStatistic rename(TestStatistic t, String name) {
        return new TestStatistic(name, t.statistic(), t.df(), t.df2(), t.pValue(), t.distribution(), t.hypothesis(), t.note());
    }

    /** Score columns {@code x_j e}. */
    private static double[][] scores(double[][] x, double[] e) {
        double[][] s = new double[x.length][e.length];
        for (int j = 0; j < x.length; j++) for (int i = 0; i < e.length; i++) s[j][i] = x[j][i] * e[i];
        return s;
    }

    private static double[][] clusterMeat(double[][] scores, Work w) {
        return Dense.outerSum(Dense.groupSums(scores, w.o.clusters().codes(0), w.m()), scores.length);
    }

    private static double[][] sandwich(double[][] a, double[][] meat, double c) {
        return Dense.symmetrize(Dense.scale(Dense.multiply(Dense.multiply(a, meat), a), c));
    }

    /** {@code y - X b} for column arrays. */
    static double[] residuals(double[] y, double[][] x, double[] b) {
        double[] e = y.clone();
        for (int j = 0; j < x.length; j++) {
            double bj = b[j];
            double[] c = x[j];
            for (int i = 0; i < e.length; i++) e[i] -= c[i] * bj;
        }
        return e;
    }

    /** Fitted values of the least-squares projection of {@code v} on the columns of {@code xRows}. */
    private static double[] projection(double[][] xRows, double[] v, List<String> names) {
        double[] r = LeastSquares.fit(xRows, v, names).residuals();
        double[] f = new double[v.length];
        for (int i = 0; i < v.length; i++) f[i] = v[i] - r[i];
        return f;
    }

    static double[][] rows(double[][] cols) {
        int k = cols.length;
        int n = k == 0 ? 0 : cols[0].length;
        double[][] r = new double[n][k];
        for (int j = 0; j < k; j++) for (int i = 0; i < n; i++) r[i][j] = cols[j][i];
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
