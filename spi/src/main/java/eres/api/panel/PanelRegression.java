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
     * @param level   confidence level for intervals, e.g. 0.95
     * @param absorb  further categorical columns (text or integer-valued numeric) whose fixed effects are
     *                absorbed besides {@code effects}, e.g. industry; empty for the usual panel models.
     *                With any, singletons are dropped as reghdfe does and reported in
     *                {@link PanelFit#singletons()}
     */
    public record Spec(String y, List<String> x, Effects effects, CovarianceSpec covariance, double level, List<String> absorb) {
        public Spec {
            x = List.copyOf(x);
            absorb = absorb == null ? List.of() : List.copyOf(absorb);
            if (new LinkedHashSet<>(absorb).size() != absorb.size()) throw new SpecException("absorb", "lists a column twice: " + absorb);
            for (String a : absorb) {
                if (a.equals(y) || x.contains(a)) throw new SpecException("absorb", "'" + a + "' is also a variable of the model");
            }
            if (x.isEmpty()) throw new SpecException("x", "needs at least one regressor");
            if (new LinkedHashSet<>(x).size() != x.size()) throw new SpecException("x", "lists a regressor twice: " + x);
            if (x.contains(y)) throw new SpecException("x", "contains the dependent variable '" + y + "'");
            if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
            if (covariance == null) covariance = new CovarianceSpec(CovarianceType.CR1, List.of(), null, DofConvention.STATA);
        }

        /** The model without further absorbed factors. */
        public Spec(String y, List<String> x, Effects effects, CovarianceSpec covariance, double level) {
            this(y, x, effects, covariance, level, List.of());
        }

        /**
         * The earlier three-way choice: conventional, robust (HC1) or cluster (CR1, by {@code cluster} or the
         * entity), Stata conventions.
         */
        public Spec(String y, List<String> x, Effects effects, VcovType vcov, String cluster, double level, List<String> absorb) {
            this(y, x, effects, new CovarianceSpec(vcov.type(), vcov == VcovType.CLUSTER && cluster != null ? List.of(cluster) : List.of(),
                    null, DofConvention.STATA), level, absorb);
        }

        /** The model without further absorbed factors, the earlier three-way covariance choice. */
        public Spec(String y, List<String> x, Effects effects, VcovType vcov, String cluster, double level) {
            this(y, x, effects, vcov, cluster, level, List.of());
        }

        /** The legacy three-way label of the covariance (conventional, robust, cluster). */
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
        List<String> required = new ArrayList<>(vars);
        for (String a : spec.absorb()) if (panel.hasNumeric(a)) required.add(a);
        List<String> clusterVars = spec.covariance().type().clustered() ? spec.covariance().cluster() : List.of();
        ClusterResolver.validate(panel, clusterVars);
        required.addAll(ClusterResolver.numericColumns(panel, clusterVars));
        // rows without a cluster label are left out, as Stata's vce(cluster)
        boolean[] noLabel = ClusterResolver.missingText(panel, clusterVars);
        int droppedCluster = 0;
        for (boolean b : noLabel) if (b) droppedCluster++;
        Panel labelled = droppedCluster == 0 ? panel : panel.filter(i -> !noLabel[i]);
        Panel sample = labelled.complete(required);
        int dropped = panel.rows() - sample.rows();
        int singletons = 0;
        if (!spec.absorb().isEmpty()) {
            int[] keep = FixedEffectsProjection.withoutSingletons(sample, spec.effects(), factors(sample, spec.absorb()));
            singletons = sample.rows() - keep.length;
            if (singletons > 0) sample = sample.rows(keep);
        }
        int[] sampleRows = sampleRows(panel, sample);
        return fitComplete(sample, spec, dropped, sampleRows, singletons, droppedCluster);
    }

    /** Dense codes of the absorbed factor columns (text, or numeric with integer values). */
    static List<FixedEffectsProjection.Factor> factors(Panel sample, List<String> columns) {
        List<FixedEffectsProjection.Factor> out = new ArrayList<>();
        for (String c : columns) {
            int[] codes;
            if (c.equals(sample.entityName())) {
                codes = sample.entityIndices();
            } else if (c.equals(sample.timeName())) {
                codes = sample.timeIndices();
            } else if (sample.hasText(c)) {
                codes = clusterCodes(sample, c);
            } else {
                double[] v = sample.column(c);
                for (double d : v) {
                    if (d != Math.rint(d)) {
                        throw new DataException("absorb: column '" + c + "' has the non-integer value " + d
                                + "; absorbed factors are categories (text or integer codes)");
                    }
                }
                codes = clusterCodes(sample, c);
            }
            int levels = 0;
            for (int k : codes) levels = Math.max(levels, k + 1);
            out.add(new FixedEffectsProjection.Factor(c, codes, levels));
        }
        return out;
    }

    private static int[] sampleRows(Panel panel, Panel sample) {
        int[] rows = new int[sample.rows()];
        if (sample == panel) {
            for (int i = 0; i < rows.length; i++) rows[i] = i;
            return rows;
        }
        int j = 0;
        for (int i = 0; i < sample.rows(); i++) {
            while (!(panel.time(j) == sample.time(i) && panel.entity(j).equals(sample.entity(i)))) j++;
            rows[i] = j;
        }
        return rows;
    }

    private static PanelFit fitComplete(Panel sample, Spec spec, int dropped, int[] sampleRows, int singletons, int droppedCluster) {
        int n = sample.rows();
        int k = spec.x().size();
        Effects effects = spec.effects();
        List<FixedEffectsProjection.Factor> extra = factors(sample, spec.absorb());
        FixedEffectsProjection proj = FixedEffectsProjection.of(sample, effects, extra);
        int absorbed = proj.absorbedParameters();
        int dfResid = n - absorbed - k;
        if (dfResid <= 0) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                    n + " observations leave no residual degrees of freedom for " + k + " regressors and "
                            + absorbed + " absorbed effects");
        }
        double[] y = sample.column(spec.y());
        double[][] xRaw = new double[k][];
        for (int j = 0; j < k; j++) xRaw[j] = sample.column(spec.x().get(j));
        requireScale(spec.y(), y, "dependent variable");
        for (int j = 0; j < k; j++) requireScale(spec.x().get(j), xRaw[j], "regressor");
        boolean pooled = effects == Effects.NONE && extra.isEmpty();
        // project y and every regressor at once (parallel over columns)
        double[][] all = new double[k + 1][];
        all[0] = y;
        System.arraycopy(xRaw, 0, all, 1, k);
        double[][] projected = proj.applyAll(all);
        double[] yt = projected[0];
        double[][] xt = java.util.Arrays.copyOfRange(projected, 1, k + 1);
        checkAbsorbed(spec, effects, xRaw, xt);
        checkResponse(spec, effects, extra, y, yt);

        List<String> names = new ArrayList<>(spec.x());
        int p = pooled ? k + 1 : k;
        double[][] xcols = new double[p][];
        for (int j = 0; j < k; j++) xcols[j] = pooled ? xRaw[j] : xt[j];
        if (pooled) {
            xcols[k] = new double[n];
            java.util.Arrays.fill(xcols[k], 1.0);
            names.add("_cons");
        }
        LeastSquaresFit ls = LeastSquares.fitColumns(xcols, pooled ? y : yt, names);
        double[] beta = ls.beta();
        double[] e = ls.residuals();
        double ssr = ls.ssr();
        double s2 = ssr / dfResid;
        double[][] bread = ls.xtxInverse();

        // covariance: the shared inference layer
        CovarianceSpec cs = spec.covariance();
        if (!extra.isEmpty() && cs.type().usesLeverage()) {
            throw new SpecException("se", cs.type().label() + " needs the leverages of the dummy-variable design, not available with"
                    + " absorb: use hc1, cluster (cr1), cr0 or driscoll-kraay");
        }
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
        double tssWithin = sumSquares(pooled ? centered(y) : extra.isEmpty() ? withinEntityOrTime(sample, y, effects) : yt);
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
        if (effects == Effects.TWOWAYS && extra.isEmpty()) {
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
        if (effects.hasEntity() && g > 1 && extra.isEmpty()) {
            Effects restricted = effects == Effects.TWOWAYS ? Effects.TIME : Effects.NONE;
            FixedEffectsProjection rp = FixedEffectsProjection.of(sample, restricted);
            double[][] rp1 = rp.applyAll(all);
            double ssrPooled = LeastSquares.fitColumns(java.util.Arrays.copyOfRange(rp1, 1, k + 1), rp1[0], spec.x()).ssr();
            fEntity = ((ssrPooled - ssr) / (g - 1)) / (ssr / dfResid);
            fEntityP = Distributions.fUpper(fEntity, g - 1, dfResid);
        }
        double[] fitted = new double[n];
        for (int i = 0; i < n; i++) fitted[i] = y[i] - e[i];
        PanelFit fit = new PanelFit(spec, List.copyOf(names), coefs, v, e, fitted, sampleRows, dropped, n, g, sample.timeCount(),
                clusters, clusterName, dfResid, dfT, absorbed, proj.identifiedTimeDummies(), ssr, tssWithin, r2,
                r2Overall, r2Between, sigmaE, sigmaU, rho, cons, fModel, k, fModelDf2, fModelP, fEntity, g - 1.0,
                (double) dfResid, fEntityP, ls.conditionEstimate(), xRaw, singletons, ce, droppedCluster);
        fit.attachDesign(xcols, pooled ? y : yt);
        return fit;
    }

    /**
     * Values beyond about 1e150 (or nonzero values all below 1e-150) overflow (underflow) when squared
     * in sums of squares and tests; they are refused with the variable's name instead of failing later
     * on an auxiliary column.
     */
    private static void requireScale(String name, double[] v, String role) {
        double max = 0;
        for (double d : v) max = Math.max(max, Math.abs(d));
        if (max > 1e150 || (max > 0 && max < 1e-150)) {
            throw new DataException(role + " '" + name + "' has values of magnitude " + String.format(java.util.Locale.ROOT, "%.1e", max)
                    + ", too " + (max > 1 ? "large" : "small") + " to square in double precision; rescale it (e.g. divide by a power"
                    + " of ten, or take logs)");
        }
    }

    /** y must keep some variation once the effects are removed. */
    private static void checkResponse(Spec spec, Effects effects, List<FixedEffectsProjection.Factor> extra, double[] y, double[] yt) {
        double scale = 0;
        for (double v : y) scale = Math.max(scale, Math.abs(v));
        double within = 0;
        for (double v : yt) within = Math.max(within, Math.abs(v));
        if (!(within > 1e-10 * scale)) {
            String what = extra.isEmpty() ? switch (effects) {
                case NONE -> "constant: it does not vary";
                case ENTITY -> "entity fixed effects: it does not vary within entities";
                case TIME -> "time fixed effects: it does not vary within periods";
                case TWOWAYS -> "entity and time fixed effects: it is the sum of an entity and a period component";
            } : "absorbed fixed effects";
            throw new EstimationException(EstimationException.Reason.ABSORBED_REGRESSOR,
                    "dependent variable '" + spec.y() + "' is absorbed by the " + what + "; there is nothing left to explain");
        }
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

    /**
     * Year effects (first year = 0) of a two-way model given the slopes: with {@code r = y - x'b}, the
     * two-way effects part {@code f = r - M r} is exactly {@code a_i + l_t}; alternating means of f
     * over entities and periods recover {@code l} (each pass is exact on balanced panels and converges
     * geometrically on connected unbalanced ones). For the R^2 display only.
     */
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
        double[] m = FixedEffectsProjection.of(sample, Effects.TWOWAYS).apply(r);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = r[i] - m[i];
        int[] ent = sample.entityIndices();
        int[] per = sample.timeIndices();
        int g = sample.entityCount();
        double[] a = new double[g];
        double[] l = new double[t];
        double[] sum = new double[Math.max(g, t)];
        int[] countE = new int[g];
        int[] countT = new int[t];
        for (int i = 0; i < n; i++) {
            countE[ent[i]]++;
            countT[per[i]]++;
        }
        for (int it = 0; it < 1000; it++) {
            java.util.Arrays.fill(sum, 0);
            for (int i = 0; i < n; i++) sum[per[i]] += f[i] - a[ent[i]];
            double change = 0;
            for (int s = 0; s < t; s++) {
                double v = countT[s] == 0 ? 0 : sum[s] / countT[s];
                change = Math.max(change, Math.abs(v - l[s]));
                l[s] = v;
            }
            java.util.Arrays.fill(sum, 0);
            for (int i = 0; i < n; i++) sum[ent[i]] += f[i] - l[per[i]];
            for (int e = 0; e < g; e++) a[e] = countE[e] == 0 ? 0 : sum[e] / countE[e];
            if (it > 0 && change <= 1e-13 * (1 + Math.abs(l[0]))) break;
        }
        for (int s = 1; s < t; s++) out[s] = l[s] - l[0];
        return out;
    }

    /** Dense cluster codes from a text or numeric column (or the entity). */
    static int[] clusterCodes(Panel sample, String column) {
        int n = sample.rows();
        if (column == null || column.equals(sample.entityName())) return sample.entityIndices();
        Map<String, Integer> codes = new HashMap<>();
        int[] out = new int[n];
        if (sample.hasText(column)) {
            String[] v = sample.textColumn(column);
            for (int i = 0; i < n; i++) {
                if (v[i] == null) throw new DataException("cluster column '" + column + "' is missing in a row");
                out[i] = codes.computeIfAbsent(v[i], s -> codes.size());
            }
        } else if (column.equals(sample.timeName())) {
            return sample.timeIndices();
        } else {
            double[] v = sample.column(column);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[i])) throw new DataException("cluster column '" + column + "' is missing in a row");
                out[i] = codes.computeIfAbsent(Double.toString(v[i]), s -> codes.size());
            }
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
