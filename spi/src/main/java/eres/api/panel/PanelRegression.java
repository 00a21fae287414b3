package eres.api.panel;

import eres.api.linalg.Compensated;
import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.stats.Descriptives;
import eres.api.stats.Distributions;
import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.inference.AbsorbedHat;
import eres.api.inference.ClusterResolver;
import eres.api.inference.Clusters;
import eres.api.inference.CoefficientTable;
import eres.api.inference.CovarianceEstimate;
import eres.api.inference.CovarianceSpec;
import eres.api.inference.CovarianceType;
import eres.api.inference.DegreesOfFreedom;
import eres.api.inference.DofConvention;
import eres.api.inference.SandwichEstimator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Linear panel regression with absorbed fixed effects (pooled, entity, time, two-way), estimated by
 * partialling the effects out ({@link FixedEffectsProjection}) and solving the projected least-squares
 * problem by QR ({@link LeastSquares}). Degrees of freedom and covariance estimators follow Stata:
 *
 * <ul>
 *   <li>absorbed parameters {@code a} (constant included): 1, G, T, or G + T - 1;</li>
 *   <li>residual df {@code n - a - k}; conventional {@code V = s^2 (X~'X~)^{-1}}, {@code s^2 = SSR/df};</li>
 *   <li>HC1: {@code n/(n - a - k)} times the White sandwich ({@code areg, vce(robust)});</li>
 *   <li>cluster: {@code G_c/(G_c-1) (n-1)/(n-K)} times the cluster sandwich, where K = k + a, less the
 *       G - 1 entity effects when every entity lies in one cluster (they are nested and not counted,
 *       as {@code xtreg, fe vce(cluster id)}); t tests use t(G_c - 1).</li>
 * </ul>
 *
 * Verified against R plm 2.6-2 / Stata conventions on Produc and Grunfeld (balanced and unbalanced):
 * see the panel-fe plugin's fixtures.
 */
public final class PanelRegression {

    /**
     * What to fit.
     *
     * @param covariance the covariance request (type, cluster variables, Driscoll–Kraay lag, df convention)
     * @param level      confidence level for intervals, e.g. 0.95
     */
    public record Spec(String y, List<String> x, Effects effects, CovarianceSpec covariance, double level) {
        public Spec {
            x = List.copyOf(x);
            if (x.isEmpty()) throw new SpecException("x", "needs at least one regressor");
            if (new LinkedHashSet<>(x).size() != x.size()) throw new SpecException("x", "lists a regressor twice: " + x);
            if (x.contains(y)) throw new SpecException("x", "contains the dependent variable '" + y + "'");
            if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
            if (covariance == null) covariance = new CovarianceSpec(CovarianceType.CR1, List.of(), null, DofConvention.STATA);
        }

        /**
         * The earlier three-way choice: conventional, robust (HC1) or cluster (CR1, by {@code cluster} or the
         * entity), Stata conventions.
         */
        public Spec(String y, List<String> x, Effects effects, VcovType vcov, String cluster, double level) {
            this(y, x, effects, new CovarianceSpec(vcov.type(), vcov == VcovType.CLUSTER && cluster != null ? List.of(cluster) : List.of(),
                    null, DofConvention.STATA), level);
        }

        /** The legacy three-way label of the covariance (conventional, robust, cluster) or the type's label. */
        public VcovType vcov() {
            return VcovType.of(covariance.type());
        }

        /** The first cluster variable, or {@code null} (the entity). */
        public String cluster() {
            return covariance.cluster().isEmpty() ? null : covariance.cluster().get(0);
        }
    }

    private PanelRegression() {
    }

    /**
     * Fits the model on the rows of {@code panel} complete on y and x (incomplete rows are dropped
     * and counted in {@link PanelFit#droppedRows()}).
     *
     * @throws DataException       unknown columns
     * @throws EstimationException a regressor absorbed by the effects or collinear, too few observations
     */
    public static PanelFit fit(Panel panel, Spec spec) {
        List<String> vars = new ArrayList<>();
        vars.add(spec.y());
        vars.addAll(spec.x());
        panel.requireNumeric(vars);
        List<String> clusterVars = spec.covariance().type().clustered() ? spec.covariance().cluster() : List.of();
        ClusterResolver.validate(panel, clusterVars);
        List<String> needed = new ArrayList<>(vars);
        needed.addAll(ClusterResolver.numericColumns(panel, clusterVars));
        boolean[] noLabel = ClusterResolver.missingText(panel, clusterVars);
        Panel complete = panel.complete(needed);
        int droppedCluster = 0;
        if (complete.rows() == panel.rows()) {
            int[] keep = java.util.stream.IntStream.range(0, panel.rows()).filter(i -> !noLabel[i]).toArray();
            droppedCluster = panel.rows() - keep.length;
            if (droppedCluster > 0) complete = panel.rows(keep);
        } else {
            int[] rows = sampleRows(panel, complete);
            int[] keep = java.util.Arrays.stream(rows).filter(i -> !noLabel[i]).toArray();
            droppedCluster = rows.length - keep.length;
            if (droppedCluster > 0) complete = panel.rows(keep);
        }
        Panel sample = complete;
        int dropped = panel.rows() - sample.rows();
        int[] sampleRows = sampleRows(panel, sample);
        return fitComplete(sample, spec, dropped, sampleRows, droppedCluster);
    }

    private static int[] sampleRows(Panel panel, Panel sample) {
        int[] rows = new int[sample.rows()];
        int j = 0;
        for (int i = 0; i < sample.rows(); i++) {
            while (!(panel.entity(j).equals(sample.entity(i)) && panel.time(j) == sample.time(i))) j++;
            rows[i] = j;
        }
        return rows;
    }

    private static PanelFit fitComplete(Panel sample, Spec spec, int dropped, int[] sampleRows, int droppedCluster) {
        int n = sample.rows();
        int k = spec.x().size();
        Effects effects = spec.effects();
        FixedEffectsProjection proj = FixedEffectsProjection.of(sample, effects);
        int absorbed = proj.absorbedParameters();
        int dfResid = n - absorbed - k;
        if (dfResid <= 0) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                    n + " observations leave no residual degrees of freedom for " + k + " regressors and "
                            + absorbed + " absorbed effects");
        }
        double[] y = sample.column(spec.y());
        double[][] xRaw = new double[k][];
        double[][] xt = new double[k][];
        for (int j = 0; j < k; j++) {
            xRaw[j] = sample.column(spec.x().get(j));
            xt[j] = proj.apply(xRaw[j]);
        }
        checkAbsorbed(spec, effects, xRaw, xt);
        double[] yt = proj.apply(y);

        List<String> names = new ArrayList<>(spec.x());
        double[][] design = new double[n][];
        boolean pooled = effects == Effects.NONE;
        int p = pooled ? k + 1 : k;
        for (int i = 0; i < n; i++) {
            double[] row = new double[p];
            for (int j = 0; j < k; j++) row[j] = pooled ? xRaw[j][i] : xt[j][i];
            if (pooled) row[k] = 1.0;
            design[i] = row;
        }
        if (pooled) names.add("_cons");
        LeastSquaresFit ls = LeastSquares.fit(design, pooled ? y : yt, names);
        double[] beta = ls.beta();
        double[] e = ls.residuals();
        double ssr = ls.ssr();
        double s2 = ssr / dfResid;
        double[][] bread = ls.xtxInverse();

        // covariance: the shared inference layer
        double[][] xcols = new double[p][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) xcols[j][i] = design[i][j];
        CovarianceSpec cs = spec.covariance();
        Clusters cl = cs.type().clustered() ? ClusterResolver.resolve(sample, cs.cluster(), effects) : null;
        // pooled: the constant is a column of the design, nothing is absorbed
        int absorbedInDof = pooled ? 0 : absorbed;
        DegreesOfFreedom dof = DegreesOfFreedom.linear(n, p, absorbedInDof, cl == null ? 0 : cl.nestedAbsorbed(),
                effects.hasEntity() ? proj.entities() - 1 : 0, sample.timeCount(), cs.dof());
        AbsorbedHat hat = pooled ? AbsorbedHat.NONE : AbsorbedHat.of(sample, effects);
        CovarianceEstimate ce = SandwichEstimator.estimate(new SandwichEstimator.Input(xcols, e, bread, ssr, hat, sample.timeIndices()),
                cs, cl, dof);
        double[][] v = ce.matrix();
        double dfT = ce.tDf();
        int clusters = cl == null ? 0 : cl.minCount();
        String clusterName = cl == null ? null : String.join(" and ", cl.variables());
        List<Coefficient> coefs = CoefficientTable.build(names, beta, ce, spec.level());

        // goodness of fit
        double tssWithin = sumSquares(pooled ? centered(y) : withinEntityOrTime(sample, y, effects));
        double r2 = 1 - ssr / tssWithin;
        double[] xb = new double[n];
        for (int i = 0; i < n; i++) {
            Compensated s = new Compensated(0);
            for (int j = 0; j < k; j++) s.addProduct(xRaw[j][i], beta[j]);
            xb[i] = s.value();
        }
        // Stata xtreg: with two-way effects the year dummies are regressors, so x'b includes them
        double[] xbStata = xb.clone();
        double[] timeEffects = null;
        if (effects == Effects.TWOWAYS) {
            timeEffects = timeEffects(sample, y, xRaw, beta);
            for (int i = 0; i < n; i++) xbStata[i] += timeEffects[sample.timeIndex(i)];
        }
        double r2Overall = square(Descriptives.correlation(y, xbStata));
        int g = sample.entityCount();
        double r2Between = Double.NaN;
        if (g > 2) {
            int[] ent = sample.entityIndices();
            r2Between = square(Descriptives.correlation(FixedEffectsProjection.groupMeans(y, ent, g),
                    FixedEffectsProjection.groupMeans(xbStata, ent, g)));
        }
        double sigmaE = Math.sqrt(s2);
        double sigmaU = Double.NaN;
        double cons = Double.NaN;
        if (effects.hasEntity()) {
            // u_i = ybar_i - xbar_i'b - cons, cons = ybar - xbar'b (Stata's grand-mean constant)
            int[] ent = sample.entityIndices();
            double[] resid = new double[n];
            for (int i = 0; i < n; i++) resid[i] = y[i] - xbStata[i];
            cons = Compensated.sum(resid) / n;
            // Stata xtreg, fe: one u_i per panel, sd with divisor G - 1 (not over observations)
            double[] u = FixedEffectsProjection.groupMeans(resid, ent, g);
            for (int i = 0; i < g; i++) u[i] -= cons;
            sigmaU = g > 1 ? Math.sqrt(Descriptives.variance(u)) : Double.NaN;
        } else if (pooled) {
            cons = beta[k];
        }
        double rho = sigmaU * sigmaU / (sigmaU * sigmaU + sigmaE * sigmaE);

        // model F: Wald test of the substantive slopes with the chosen covariance
        double[] b = new double[k];
        double[][] vk = new double[k][k];
        for (int a = 0; a < k; a++) {
            b[a] = beta[a];
            for (int c = 0; c < k; c++) vk[a][c] = v[a][c];
        }
        double fModel = waldF(b, vk);
        double fModelDf2 = Double.isInfinite(dfT) ? dfResid : cs.type().clustered() || cs.type() == CovarianceType.DRISCOLL_KRAAY ? dfT : dfResid;
        double fModelP = Distributions.fUpper(fModel, k, fModelDf2);
        // F that all entity effects are zero (conventional): compare with pooled OLS on x (+ year dummies)
        double fEntity = Double.NaN;
        double fEntityP = Double.NaN;
        if (effects.hasEntity() && g > 1) {
            Effects restricted = effects == Effects.TWOWAYS ? Effects.TIME : Effects.NONE;
            FixedEffectsProjection rp = FixedEffectsProjection.of(sample, restricted);
            double[][] rd = new double[n][k];
            for (int j = 0; j < k; j++) {
                double[] c = rp.apply(xRaw[j]);
                for (int i = 0; i < n; i++) rd[i][j] = c[i];
            }
            double ssrPooled = LeastSquares.fit(rd, rp.apply(y), spec.x()).ssr();
            fEntity = ((ssrPooled - ssr) / (g - 1)) / (ssr / dfResid);
            fEntityP = Distributions.fUpper(fEntity, g - 1, dfResid);
        }
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) fitted[i] = y[i] - e[i];
        PanelFit fit = new PanelFit(spec, List.copyOf(names), coefs, v, e, fitted, sampleRows, dropped, n, g, sample.timeCount(),
                clusters, clusterName, dfResid, dfT, absorbed, proj.identifiedTimeDummies(), ssr, tssWithin, r2,
                r2Overall, r2Between, sigmaE, sigmaU, rho, cons, fModel, k, fModelDf2, fModelP, fEntity, g - 1.0,
                (double) dfResid, fEntityP, ls.conditionEstimate(), xcolsSubstantive(xRaw), ce, droppedCluster);
        fit.attachDesign(xcols, pooled ? y : yt);
        return fit;
    }

    private static double[][] xcolsSubstantive(double[][] xRaw) {
        double[][] c = new double[xRaw.length][];
        for (int j = 0; j < xRaw.length; j++) c[j] = xRaw[j].clone();
        return c;
    }

    private static void checkAbsorbed(Spec spec, Effects effects, double[][] xRaw, double[][] xt) {
        List<String> absorbed = new ArrayList<>();
        for (int j = 0; j < xRaw.length; j++) {
            double scale = 0;
            for (double v : xRaw[j]) scale = Math.max(scale, Math.abs(v));
            double within = 0;
            for (double v : xt[j]) within = Math.max(within, Math.abs(v));
            if (!(within > 1e-10 * scale)) absorbed.add(spec.x().get(j));
        }
        if (!absorbed.isEmpty()) {
            String what = switch (effects) {
                case NONE -> "constant";
                case ENTITY -> "entity fixed effects (it does not vary within entities)";
                case TIME -> "time fixed effects (it does not vary within periods)";
                case TWOWAYS -> "entity and time fixed effects";
            };
            throw new EstimationException(EstimationException.Reason.ABSORBED_REGRESSOR,
                    (absorbed.size() == 1 ? "regressor '" + absorbed.get(0) + "' is" : "regressors " + absorbed + " are")
                            + " collinear with the " + what);
        }
    }

    /** The total sum of squares Stata's R^2 (within) uses: entity-demeaned y (time-demeaned for time FE). */
    private static double[] withinEntityOrTime(Panel sample, double[] y, Effects effects) {
        if (effects == Effects.TIME) {
            return FixedEffectsProjection.demean(y, sample.timeIndices(), sample.timeCount());
        }
        return FixedEffectsProjection.demean(y, sample.entityIndices(), sample.entityCount());
    }

    /** Year effects (first year = 0) of a two-way model given the slopes: LS of (y - x'b)~ on demeaned dummies. */
    private static double[] timeEffects(Panel sample, double[] y, double[][] xRaw, double[] beta) {
        int n = sample.rows();
        int t = sample.timeCount();
        double[] out = new double[t];
        if (t < 2) return out;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            Compensated s = new Compensated(y[i]);
            for (int j = 0; j < xRaw.length; j++) s.addProduct(-xRaw[j][i], beta[j]);
            r[i] = s.value();
        }
        int[] ent = sample.entityIndices();
        int g = sample.entityCount();
        double[] rt = FixedEffectsProjection.demean(r, ent, g);
        double[][] d = new double[n][t - 1];
        for (int k = 1; k < t; k++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = sample.timeIndex(i) == k ? 1 : 0;
            double[] dm = FixedEffectsProjection.demean(col, ent, g);
            for (int i = 0; i < n; i++) d[i][k - 1] = dm[i];
        }
        try {
            LeastSquaresFit f = LeastSquares.fit(d, rt, null);
            for (int k = 1; k < t; k++) out[k] = f.beta(k - 1);
        } catch (EstimationException ex) {
            return out; // degenerate unbalanced layouts: leave time effects at 0 for the R^2 display only
        }
        return out;
    }

    /** {@code b' V^{-1} b / k}; NaN if V is singular. */
    public static double waldF(double[] b, double[][] v) {
        int k = b.length;
        try {
            double[][] vi = SymmetricInverse.invert(v);
            double s = 0;
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) s += b[i] * vi[i][j] * b[j];
            return s / k;
        } catch (EstimationException ex) {
            return Double.NaN;
        }
    }

    private static double[] centered(double[] y) {
        double m = Compensated.sum(y) / y.length;
        double[] c = new double[y.length];
        for (int i = 0; i < y.length; i++) c[i] = y[i] - m;
        return c;
    }

    private static double sumSquares(double[] x) {
        return Compensated.dot(x, x);
    }

    private static double square(double x) {
        return x * x;
    }
}
