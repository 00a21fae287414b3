package org.example.between;

import eres.api.linalg.LeastSquares;
import eres.api.linalg.LeastSquaresFit;
import eres.api.stats.Distributions;
import eres.api.table.RegressionTable;
import eres.api.Estimator;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The between estimator (Stata {@code xtreg, be}): OLS of entity means of y on entity means of x with
 * a constant, conventional standard errors with n_entities - k - 1 degrees of freedom.
 */
@Extension
public final class BetweenEstimator implements Estimator<BetweenEstimator.Parameters> {

    /** What a chain writes under {@code with:}; validated when bound. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regressors", required = true) List<String> x) {
        public Parameters {
            if (y == null) throw new SpecException("y", "is required");
            if (x == null || x.isEmpty()) throw new SpecException("x", "needs at least one regressor");
            x = List.copyOf(x);
        }
    }

    @Override
    public String id() {
        return "between";
    }

    @Override
    public String description() {
        return "Between estimator: OLS on entity means (Stata xtreg, be)";
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public StepResult run(Parameters p, StepContext context) {
        List<String> vars = new ArrayList<>(p.x());
        vars.add(p.y());
        Panel panel = context.panel().complete(vars);          // listwise deletion on the used columns
        int g = panel.entityCount();
        int k = p.x().size();
        double[][] design = new double[g][k + 1];
        double[] ybar = means(panel, p.y());
        for (int j = 0; j < k; j++) {
            double[] m = means(panel, p.x().get(j));
            for (int i = 0; i < g; i++) design[i][j] = m[i];
        }
        for (int i = 0; i < g; i++) design[i][k] = 1.0;
        List<String> terms = new ArrayList<>(p.x());
        terms.add("_cons");
        LeastSquaresFit fit = LeastSquares.fit(design, ybar, terms);   // throws a clear error if collinear
        int df = g - k - 1;
        double s2 = fit.ssr() / df;
        double t975 = Distributions.tQuantile(0.975, df);
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j <= k; j++) {
            double b = fit.beta(j);
            double se = Math.sqrt(s2 * fit.xtxInverse(j, j));
            coefs.add(new Coefficient(terms.get(j), b, se, b / se, Distributions.tTwoSided(b / se, df),
                    b - t975 * se, b + t975 * se));
        }
        return StepResult.builder()
                .coefficients(coefs)
                .statistic("nobs", panel.rows())
                .statistic("entities", g)
                .statistic("dfResid", df)
                .table(new RegressionTable("coefficients", "Between regression of " + p.y())
                        .column("(1)", coefs, Map.of("Entities", Integer.toString(g))).build())
                .build();
    }

    private static double[] means(Panel panel, String column) {
        double[] x = panel.column(column);
        double[] sum = new double[panel.entityCount()];
        int[] n = new int[panel.entityCount()];
        for (int i = 0; i < x.length; i++) {
            sum[panel.entityIndex(i)] += x[i];
            n[panel.entityIndex(i)]++;
        }
        for (int e = 0; e < sum.length; e++) sum[e] /= n[e];
        return sum;
    }
}
