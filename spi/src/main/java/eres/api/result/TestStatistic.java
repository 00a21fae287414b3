package eres.api.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A test result. {@code distribution} names the reference distribution ({@code chi2}, {@code F},
 * {@code normal}, {@code t}, {@code bootstrap}); {@code df} and {@code df2} its degrees of freedom
 * ({@code df2} only for F). A test that does not apply has {@code statistic} and {@code pValue} NaN
 * (written as null) and says why in {@code note}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestStatistic(String name, double statistic, Double df, Double df2, double pValue,
                            String distribution, String hypothesis, String note) {

    public static TestStatistic chi2(String name, double statistic, double df, double pValue, String hypothesis) {
        return new TestStatistic(name, statistic, df, null, pValue, "chi2", hypothesis, null);
    }

    public static TestStatistic f(String name, double statistic, double df1, double df2, double pValue, String hypothesis) {
        return new TestStatistic(name, statistic, df1, df2, pValue, "F", hypothesis, null);
    }

    public static TestStatistic normal(String name, double statistic, double pValue, String hypothesis) {
        return new TestStatistic(name, statistic, null, null, pValue, "normal", hypothesis, null);
    }

    public static TestStatistic notApplicable(String name, String reason) {
        return new TestStatistic(name, Double.NaN, null, null, Double.NaN, null, null, reason);
    }

    /** A copy with a note attached. */
    public TestStatistic withNote(String text) {
        return new TestStatistic(name, statistic, df, df2, pValue, distribution, hypothesis, text);
    }
}
