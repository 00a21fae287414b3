package eres.api.inference;

import java.util.List;

/**
 * A coefficient covariance matrix and how it was obtained.
 *
 * @param matrix      the covariance, in the design's column order
 * @param tDf         degrees of freedom of the t tests (infinite: normal)
 * @param factor      the finite-sample factor applied (for two-way clustering, of the first dimension)
 * @param clusters    clusters (minimum over two-way dimensions); 0 if not clustered
 * @param clusterVariables the cluster variables (empty if not clustered)
 * @param lag         Driscoll–Kraay lag (-1 otherwise)
 * @param warnings    conditions worth reporting (e.g. a non-PSD two-way matrix that was repaired)
 */
public record CovarianceEstimate(double[][] matrix, CovarianceType type, DofConvention convention, double tDf, double factor,
                                 int clusters, List<String> clusterVariables, int lag, List<String> warnings) {
    public CovarianceEstimate {
        clusterVariables = List.copyOf(clusterVariables);
        warnings = List.copyOf(warnings);
    }

    /** Standard errors (square roots of the diagonal; NaN where it is not positive). */
    public double[] standardErrors() {
        double[] se = new double[matrix.length];
        for (int j = 0; j < se.length; j++) se[j] = matrix[j][j] > 0 ? Math.sqrt(matrix[j][j]) : Double.NaN;
        return se;
    }

    /** One sentence for table notes. */
    public String describe() {
        String what = switch (type) {
            case CONVENTIONAL -> "Conventional standard errors";
            case HC0 -> "Heteroskedasticity-robust (HC0) standard errors";
            case HC1 -> "Heteroskedasticity-robust (HC1) standard errors";
            case HC2 -> "Heteroskedasticity-robust (HC2) standard errors";
            case HC3 -> "Heteroskedasticity-robust (HC3) standard errors";
            case CR0, CR1, CR2, CR3 -> (clusterVariables.size() == 2 ? "Two-way clustered (" : "Clustered (")
                    + type.label().toUpperCase(java.util.Locale.ROOT) + ") standard errors by " + String.join(" and ", clusterVariables)
                    + " (" + clusters + (clusterVariables.size() == 2 ? " or more" : "") + " clusters)";
            case DRISCOLL_KRAAY -> "Driscoll-Kraay standard errors (Bartlett kernel, lag " + lag + ")";
        };
        return what + (convention == DofConvention.R ? ", R (plm/sandwich) degrees of freedom." : ".");
    }
}
