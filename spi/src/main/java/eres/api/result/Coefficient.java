package eres.api.result;

/**
 * One coefficient row; every number a user can put in a paper is here, not computed later.
 * {@code statistic} is the t (or z) value; {@code ciLow}/{@code ciHigh} the confidence interval at the
 * step's level.
 */
public record Coefficient(String term, double estimate, double stdError, double statistic, double pValue,
                          double ciLow, double ciHigh) {
}
