/**
 * The one inference layer of the estimators: covariance types and the degrees-of-freedom record
 * ({@link eres.api.inference.CovarianceType}, {@link eres.api.inference.DofConvention},
 * {@link eres.api.inference.DegreesOfFreedom}), the cluster resolver, every sandwich estimator
 * ({@link eres.api.inference.SandwichEstimator}), the coefficient-table builder, the wild cluster
 * bootstrap and the typed {@link eres.api.inference.ModelSummary}. Formulas and the Stata/R equivalents:
 * {@code docs/methods/inference.md}.
 */
package eres.api.inference;
