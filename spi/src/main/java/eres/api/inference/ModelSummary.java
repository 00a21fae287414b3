package eres.api.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The typed summary every linear estimator writes to {@code results.json} (section {@code summary}),
 * in the one vocabulary of the project ({@code ssr}, {@code entities}). Non-finite numbers are written as
 * {@code null}; fields that do not apply are {@code null} and omitted.
 *
 * @param nobs        observations used
 * @param entities    entities in the sample
 * @param periods     distinct periods in the sample
 * @param dfModel     estimated coefficients (k)
 * @param dfResid     residual degrees of freedom (n - k - absorbed)
 * @param absorbed    parameters absorbed by the fixed effects (constant included)
 * @param ssr         sum of squared residuals
 * @param sigma       residual standard deviation sqrt(ssr / dfResid)
 * @param r2          the R^2 the estimator reports (within for FE models)
 * @param covariance  covariance type ({@link CovarianceType#label()})
 * @param dof         degrees-of-freedom convention
 * @param tDf         df of the t tests (null = normal)
 * @param clusters    clusters (null unless clustered)
 * @param clusterVariables cluster variables (empty unless clustered)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSummary(long nobs, long entities, long periods, long dfModel, long dfResid, long absorbed, double ssr,
                           double sigma, double r2, Double r2Within, Double r2Between, Double r2Overall, Double r2Adjusted,
                           String effects, String covariance, String dof, Double tDf, Integer clusters,
                           List<String> clusterVariables) {
    public ModelSummary {
        clusterVariables = clusterVariables == null ? List.of() : List.copyOf(clusterVariables);
    }

    /** The coefficient covariance matrix as written to {@code results.json} (section {@code covariance}). */
    public record Covariance(String type, List<String> terms, double[][] matrix) {
        public Covariance {
            terms = List.copyOf(terms);
        }
    }
}
