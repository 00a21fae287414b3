package org.example.between;

import eres.api.Estimator;
import eres.api.EstimationException;
import eres.api.Limits;
import eres.api.Parallelism;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.StepContext;
import eres.api.data.Panel;
import eres.api.linalg.LeastSquaresFit;
import eres.api.linalg.LinearAlgebra;
import eres.api.random.RandomStreams;
import eres.api.result.Coefficient;
import eres.api.result.StepResult;
import eres.api.stats.Distributions;
import eres.api.table.RegressionTable;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.pf4j.Extension;

/**
 * The between estimator (Stata {@code xtreg, be}): OLS of entity means of y on entity means of x with
 * a constant, conventional standard errors with n_entities - k - 1 degrees of freedom; optionally
 * bootstrap standard errors from resampling entities.
 *
 * <p>eres builds the estimator with Guice for every step run and passes the run's services to the
 * {@code @Inject} constructor: the linear algebra, the step's worker pool and its random streams.
 */
@Extension
public final class BetweenEstimator implements Estimator<BetweenEstimator.Parameters> {

    /** What a chain writes under {@code with:}; validated when bound. */
    public record Parameters(
            @Param(value = "dependent variable", required = true) String y,
            @Param(value = "regressors", required = true) List<String> x,
            @Param(value = "bootstrap replications for entity-resampling standard errors (0: conventional only)",
                    defaultValue = "0") Integer bootstrap) {
        public Parameters {
            if (y == null) throw new SpecException("y", "is required");
            if (x == null || x.isEmpty()) throw new SpecException("x", "needs at least one regressor");
            x = List.copyOf(x);
            bootstrap = Limits.replications("bootstrap", bootstrap == null ? 0 : bootstrap);
        }
    }

    private final LinearAlgebra linalg;
    private final Parallelism parallelism;
    private final RandomStreams random;

    @Inject
    public BetweenEstimator(LinearAlgebra linalg, Parallelism parallelism, RandomStreams random) {
        this.linalg = linalg;
        this.parallelism = parallelism;
        this.random = random;
    }

    @Override
    public String id() {
        return "between";
    }

    @Override
    public String description() {
        return "Between estimator: OLS on entity means (Stata xtreg, be), optional entity bootstrap";
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
        LeastSquaresFit fit = linalg.leastSquares(design, ybar, terms);   // throws a clear error if collinear
        int df = g - k - 1;
        double s2 = fit.ssr() / df;
        double t975 = Distributions.tQuantile(0.975, df);
        double[] bootSe = p.bootstrap() > 0 ? bootstrap(design, ybar, terms, p.bootstrap()) : null;
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j <= k; j++) {
            double b = fit.beta(j);
            double se = bootSe != null ? bootSe[j] : Math.sqrt(s2 * fit.xtxInverse(j, j));
            coefs.add(new Coefficient(terms.get(j), b, se, b / se, Distributions.tTwoSided(b / se, df),
                    b - t975 * se, b + t975 * se));
        }
        StepResult.Builder r = StepResult.builder()
                .coefficients(coefs)
                .statistic("nobs", panel.rows())
                .statistic("entities", g)
                .statistic("dfResid", df)
                .statistic("se", bootSe != null ? "bootstrap" : "conventional")
                .table(new RegressionTable("coefficients", "Between regression of " + p.y())
                        .column("(1)", coefs, Map.of("Entities", Integer.toString(g))).build());
        if (bootSe != null) {
            r.statistic("bootstrap", p.bootstrap()).statistic("seed", random.seed()).statistic("rng", random.algorithm());
        }
        return r.build();
    }

    /**
     * Standard deviations of the coefficients over {@code reps} resamples of the entities (rows of the
     * means design) with replacement. Replication b draws from its own stream {@code random.stream(b)}
     * and the pool returns results in index order, so the numbers do not depend on the thread count.
     * A resample whose design is collinear is left out.
     */
    private double[] bootstrap(double[][] design, double[] ybar, List<String> terms, int reps) {
        int g = design.length;
        int k1 = terms.size();
        List<double[]> draws = parallelism.map(reps, b -> {
            UniformRandomProvider rng = random.stream(b);
            double[][] xb = new double[g][];
            double[] yb = new double[g];
            for (int i = 0; i < g; i++) {
                int e = rng.nextInt(g);
                xb[i] = design[e];
                yb[i] = ybar[e];
            }
            try {
                LeastSquaresFit f = linalg.leastSquares(xb, yb, terms);
                double[] beta = new double[k1];
                for (int j = 0; j < k1; j++) beta[j] = f.beta(j);
                return beta;
            } catch (EstimationException collinear) {
                return null;
            }
        }).stream().filter(Objects::nonNull).toList();
        if (draws.size() < 2) throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                "fewer than two bootstrap resamples could be fitted");
        double[] se = new double[k1];
        for (int j = 0; j < k1; j++) {
            double mean = 0;
            for (double[] d : draws) mean += d[j] / draws.size();
            double ss = 0;
            for (double[] d : draws) ss += (d[j] - mean) * (d[j] - mean);
            se[j] = Math.sqrt(ss / (draws.size() - 1));
        }
        return se;
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
