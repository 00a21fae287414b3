package eres.api.panel;

import eres.api.result.Coefficient;
import java.util.List;

/**
 * A fitted linear panel model ({@link PanelRegression}). Per-observation arrays follow the estimation
 * sample, whose rows in the input panel are {@link #sampleRows()}.
 */
public final class PanelFit {
    private final PanelRegression.Spec spec;
    private final List<String> terms;
    private final List<Coefficient> coefficients;
    private final double[][] vcov;
    private final double[] residuals;
    private final double[] fitted;
    private final int[] sampleRows;
    private final int droppedRows;
    private final int nobs;
    private final int groups;
    private final int periods;
    private final int clusters;
    private final String clusterVariable;
    private final int dfResid;
    private final double dfT;
    private final int absorbed;
    private final int timeDummies;
    private final double ssr;
    private final double tssWithin;
    private final double r2;
    private final double r2Overall;
    private final double r2Between;
    private final double sigmaE;
    private final double sigmaU;
    private final double rho;
    private final double constant;
    private final double fModel;
    private final double fModelDf1;
    private final double fModelDf2;
    private final double fModelP;
    private final double fEntity;
    private final double fEntityDf1;
    private final double fEntityDf2;
    private final double fEntityP;
    private final double condition;
    private final double[][] regressors;
    private final int singletons;
    private final eres.api.inference.CovarianceEstimate covariance;
    private final int droppedMissingCluster;
    private double[][] design;
    private double[] response;

    PanelFit(PanelRegression.Spec spec, List<String> terms, List<Coefficient> coefficients, double[][] vcov, double[] residuals,
             double[] fitted, int[] sampleRows, int droppedRows, int nobs, int groups, int periods, int clusters,
             String clusterVariable, int dfResid, double dfT, int absorbed, int timeDummies, double ssr, double tssWithin,
             double r2, double r2Overall, double r2Between, double sigmaE, double sigmaU, double rho, double constant,
             double fModel, double fModelDf1, double fModelDf2, double fModelP, double fEntity, double fEntityDf1,
             double fEntityDf2, double fEntityP, double condition, double[][] regressors, int singletons,
             eres.api.inference.CovarianceEstimate covariance, int droppedMissingCluster) {
        this.spec = spec;
        this.terms = terms;
        this.coefficients = List.copyOf(coefficients);
        this.vcov = vcov;
        this.residuals = residuals;
        this.fitted = fitted;
        this.sampleRows = sampleRows;
        this.droppedRows = droppedRows;
        this.nobs = nobs;
        this.groups = groups;
        this.periods = periods;
        this.clusters = clusters;
        this.clusterVariable = clusterVariable;
        this.dfResid = dfResid;
        this.dfT = dfT;
        this.absorbed = absorbed;
        this.timeDummies = timeDummies;
        this.ssr = ssr;
        this.tssWithin = tssWithin;
        this.r2 = r2;
        this.r2Overall = r2Overall;
        this.r2Between = r2Between;
        this.sigmaE = sigmaE;
        this.sigmaU = sigmaU;
        this.rho = rho;
        this.constant = constant;
        this.fModel = fModel;
        this.fModelDf1 = fModelDf1;
        this.fModelDf2 = fModelDf2;
        this.fModelP = fModelP;
        this.fEntity = fEntity;
        this.fEntityDf1 = fEntityDf1;
        this.fEntityDf2 = fEntityDf2;
        this.fEntityP = fEntityP;
        this.condition = condition;
        this.regressors = regressors;
        this.singletons = singletons;
        this.covariance = covariance;
        this.droppedMissingCluster = droppedMissingCluster;
    }

    void attachDesign(double[][] design, double[] response) {
        this.design = design;
        this.response = response;
    }

    /** The projected design (columns in {@link #terms()} order, effects partialled out; the constant column for pooled OLS). */
    public double[][] design() {
        double[][] c = new double[design.length][];
        for (int j = 0; j < c.length; j++) c[j] = design[j].clone();
        return c;
    }

    /** The projected response (y with the effects partialled out; y itself for pooled OLS). */
    public double[] response() {
        return response.clone();
    }

    /** The typed summary written to results.json. */
    public eres.api.inference.ModelSummary summary() {
        boolean pooled = spec.effects() == Effects.NONE && spec.absorb().isEmpty();
        eres.api.inference.CovarianceEstimate c = covariance;
        return new eres.api.inference.ModelSummary(nobs, groups, periods, terms.size(), dfResid, pooled ? 0 : absorbed, ssr, sigmaE,
                r2, pooled ? null : r2, pooled ? null : r2Between, pooled ? null : r2Overall, pooled ? r2Adjusted() : null,
                spec.effects().label(), c.type().label(), c.convention().label(), Double.isInfinite(c.tDf()) ? null : c.tDf(),
                c.clusters() > 0 ? c.clusters() : null, c.clusterVariables());
    }

    /** The coefficient covariance matrix with its terms (results.json section {@code covariance}). */
    public eres.api.inference.ModelSummary.Covariance covarianceMatrix() {
        return new eres.api.inference.ModelSummary.Covariance(covariance.type().label(), terms, vcov());
    }

    /** The covariance estimate (type, factor, t df, clusters) of {@link #vcov()}. */
    public eres.api.inference.CovarianceEstimate covariance() {
        return covariance;
    }

    /** Rows left out because their cluster label is missing (Stata's vce(cluster) sample rule); included in {@link #droppedRows()}. */
    public int droppedMissingCluster() {
        return droppedMissingCluster;
    }

    /** Singleton observations dropped before estimation (only with absorbed factors, as reghdfe). */
    public int singletons() {
        return singletons;
    }

    public PanelRegression.Spec spec() {
        return spec;
    }

    /** Coefficient names in order ({@code _cons} last for pooled models). */
    public List<String> terms() {
        return terms;
    }

    public List<Coefficient> coefficients() {
        return coefficients;
    }

    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) if (c.term().equals(term)) return c;
        throw new IllegalArgumentException("no term " + term);
    }

    /** Covariance of the coefficients in {@link #terms()} order (a copy). */
    public double[][] vcov() {
        double[][] c = new double[vcov.length][];
        for (int i = 0; i < c.length; i++) c[i] = vcov[i].clone();
        return c;
    }

    /** Residuals (equal to the LSDV residuals). */
    public double[] residuals() {
        return residuals.clone();
    }

    /** LSDV fitted values {@code y - e}. */
    public double[] fitted() {
        return fitted.clone();
    }

    /** The substantive regressors on the raw scale, {@code [j][i]}, estimation sample rows. */
    public double[][] regressors() {
        double[][] c = new double[regressors.length][];
        for (int j = 0; j < c.length; j++) c[j] = regressors[j].clone();
        return c;
    }

    /** Indices into the input panel of the estimation sample's rows. */
    public int[] sampleRows() {
        return sampleRows.clone();
    }

    /** Rows dropped for a missing value in y or x. */
    public int droppedRows() {
        return droppedRows;
    }

    public int nobs() {
        return nobs;
    }

    /** Entities in the estimation sample. */
    public int groups() {
        return groups;
    }

    public int periods() {
        return periods;
    }

    /** Number of clusters (0 unless cluster-robust). */
    public int clusters() {
        return clusters;
    }

    public String clusterVariable() {
        return clusterVariable;
    }

    /** n - absorbed - k. */
    public int dfResid() {
        return dfResid;
    }

    /** Degrees of freedom of the t tests (df_resid, or clusters - 1). */
    public double dfT() {
        return dfT;
    }

    /** Parameters absorbed by the effects, constant included. */
    public int absorbedParameters() {
        return absorbed;
    }

    public int timeDummies() {
        return timeDummies;
    }

    public double ssr() {
        return ssr;
    }

    /** R^2: within (Stata's xtreg definition) for FE models, the usual R^2 for pooled OLS. */
    public double r2() {
        return r2;
    }

    /** Adjusted R^2 of pooled OLS, {@code 1 - (1 - R^2)(n - 1)/df_resid}; NaN for fixed-effects models. */
    public double r2Adjusted() {
        if (spec.effects() != Effects.NONE) return Double.NaN;
        return 1 - (1 - r2) * (nobs - 1) / dfResid;
    }

    /** Stata's overall R^2: squared correlation of y with x'b (year effects included for two-way models). */
    public double r2Overall() {
        return r2Overall;
    }

    /** Stata's between R^2: squared correlation of entity means of y and x'b. */
    public double r2Between() {
        return r2Between;
    }

    /** sqrt(SSR / df_resid). */
    public double sigmaE() {
        return sigmaE;
    }

    /** Standard deviation of the entity effects, one u_i per entity, divisor G - 1 (Stata xtreg, fe; NaN without entity effects). */
    public double sigmaU() {
        return sigmaU;
    }

    /** sigma_u^2 / (sigma_u^2 + sigma_e^2). */
    public double rho() {
        return rho;
    }

    /** Stata's {@code _cons}: the grand-mean constant for FE models, the intercept for pooled OLS. */
    public double constant() {
        return constant;
    }

    /** Wald F that all substantive slopes are zero, with the fit's covariance. */
    public double fModel() {
        return fModel;
    }

    public double fModelDf1() {
        return fModelDf1;
    }

    public double fModelDf2() {
        return fModelDf2;
    }

    public double fModelP() {
        return fModelP;
    }

    /** F test that all entity effects are zero (NaN without entity effects). */
    public double fEntity() {
        return fEntity;
    }

    public double fEntityDf1() {
        return fEntityDf1;
    }

    public double fEntityDf2() {
        return fEntityDf2;
    }

    public double fEntityP() {
        return fEntityP;
    }

    /** Condition estimate of the projected design. */
    public double conditionEstimate() {
        return condition;
    }

    /** Total sum of squares used by {@link #r2()}. */
    public double tssWithin() {
        return tssWithin;
    }
}
