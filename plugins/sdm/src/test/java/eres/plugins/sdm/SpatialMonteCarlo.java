package eres.plugins.sdm;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.data.Geography;
import eres.api.data.Location;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.panel.Effects;
import eres.api.random.Seeds;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.SpatialFilter;
import eres.api.stats.Distributions;
import eres.core.spatial.WeightsFactory;
import eres.core.testing.TestData;
import eres.plugins.sdm.SpatialParameters.BiasCorrection;
import eres.plugins.sdm.SpatialParameters.Variance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Monte Carlo of the fixed-effects spatial panel estimators at the study's shape (docs/methods/inference-spatial.md):
 * N = 31 provinces with W^G (row-standardised inverse squared great-circle distance between the capitals,
 * fixture {@code china-capitals.csv}), T = 15, two-way effects,
 * {@code y_t = (I - rho W)^-1 (X_t beta + W X_t theta + mu + alpha_t 1 + e_t)}, two regressors
 * {@code x_it = 0.5 mu_i + N(0, 1)} (correlated with the unit effects), {@code beta = (1, -0.5)},
 * {@code mu_i, alpha_t ~ N(0, 1)}, {@code e ~ N(0, sigma^2 = 1)}. For each of the three treatments of the
 * fixed effects (direct ML, direct ML with the Lee-Yu correction, transformation approach) and both
 * covariance estimators, it reports for rho, beta_1, theta_1 and the total effect of x_1: mean, bias,
 * standard deviation over replications, mean standard error, their ratio, and the coverage of the 95 %
 * normal interval. Replication r draws from {@code Seeds.generator(seed, r)}.
 *
 * <p>Run: {@code java -cp <test classpath> eres.plugins.sdm.SpatialMonteCarlo [replications [rho [theta1 [model]]]]}
 * (defaults 1000, 0.3, 0, sdm). Not a unit test.
 */
public final class SpatialMonteCarlo {
    static final int T = 15;
    static final double[] BETA = {1.0, -0.5};

    private SpatialMonteCarlo() {
    }

    static SpatialWeights chinaWg() throws IOException {
        Map<String, Location> loc = new LinkedHashMap<>();
        String[] lines = TestData.resource(SpatialMonteCarlo.class, "/fixtures/china-capitals.csv").split("\\R");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            loc.put(f[0], new Location(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            ids.add(f[0]);
        }
        Geography geo = new Geography(loc, Map.of(), null, null, "provincial capitals");
        return WeightsFactory.build("wg", new ObjectMapper().readTree("{\"type\":\"inverse-distance\",\"power\":2}"), geo,
                ids.stream().sorted().toList());
    }

    static double normal(UniformRandomProvider g) {
        return Impacts.normal(g);
    }

    /** One simulated panel (rows by unit then year). */
    static Panel simulate(SpatialWeights w, double rho, double[] theta, long seed, int r) {
        UniformRandomProvider g = Seeds.generator(seed, r);
        int n = w.size();
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) mu[i] = normal(g);
        double[][] x1 = new double[T][n];
        double[][] x2 = new double[T][n];
        double[][] y = new double[T][n];
        for (int s = 0; s < T; s++) {
            double alpha = normal(g);
            for (int i = 0; i < n; i++) {
                x1[s][i] = 0.5 * mu[i] + normal(g);
                x2[s][i] = 0.5 * mu[i] + normal(g);
            }
            double[] w1 = w.multiply(x1[s]);
            double[] w2 = w.multiply(x2[s]);
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = BETA[0] * x1[s][i] + BETA[1] * x2[s][i] + theta[0] * w1[i] + theta[1] * w2[i] + mu[i] + alpha + normal(g);
            }
            y[s] = SpatialFilter.solve(w, rho, rhs);
        }
        StringBuilder csv = new StringBuilder("id,year,y,x1,x2\n");
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < T; s++) {
                csv.append(w.ids().get(i)).append(',').append(2008 + s).append(',').append(y[s][i]).append(',').append(x1[s][i]).append(',')
                        .append(x2[s][i]).append('\n');
            }
        }
        return TestData.panel(csv.toString(), "id", "year", null);
    }

    /** Running moments of one quantity under one estimator. */
    static final class Tally {
        double sum;
        double sumSq;
        double seSum;
        int covered;
        int n;

        void add(double est, double se, double truth) {
            sum += est;
            sumSq += est * est;
            seSum += se;
            if (Math.abs(est - truth) <= 1.959963984540054 * se) covered++;
            n++;
        }

        String row(String label, double truth) {
            double mean = sum / n;
            double sd = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
            double se = seSum / n;
            return String.format(Locale.ROOT, "| %s | %.4f | %+.4f | %.4f | %.4f | %.3f | %.3f |", label, mean, mean - truth, sd, se, se / sd,
                    (double) covered / n);
        }
    }

    public static void main(String[] args) throws IOException {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double rho = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        double theta1 = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        String model = args.length > 3 ? args[3] : "sdm";
        double[] theta = {theta1, 0.5 * theta1};
        SpatialWeights w = chinaWg();
        LogDeterminant ld = LogDeterminant.eigen(w);
        long seed = 20250101L;
        BiasCorrection[] biases = {BiasCorrection.NONE, BiasCorrection.LEE_YU, BiasCorrection.TRANSFORMATION};
        Variance[] variances = {Variance.INFORMATION, Variance.HESSIAN};
        String[] quantities = model.equals("sdm") ? new String[] {"rho", "x1", "W*x1", "total x1"} : new String[] {"rho", "x1", "total x1"};
        double total1 = (BETA[0] + (model.equals("sdm") ? theta[0] : 0)) / (1 - rho);
        double[] truth = model.equals("sdm") ? new double[] {rho, BETA[0], theta[0], total1} : new double[] {rho, BETA[0], total1};
        Tally[][][] t = new Tally[biases.length][variances.length][quantities.length];
        for (Tally[][] a : t) for (Tally[] b : a) for (int q = 0; q < b.length; q++) b[q] = new Tally();
        List<String> x = List.of("x1", "x2");
        long start = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            Panel p = simulate(w, rho, model.equals("sdm") ? theta : new double[2], seed, r);
            SpatialPanel d = new SpatialPanel(p, "y", x, x, w, Effects.TWOWAYS);
            MultiplierTraces mt = new MultiplierTraces(w, ld, 1L, 40, null);
            for (int b = 0; b < biases.length; b++) {
                for (int v = 0; v < variances.length; v++) {
                    SpatialFit f = new Models(d, ld, mt, new Models.Options(biases[b], variances[v], null)).fit(model);
                    double[] se = Impacts.deltaStandardErrors(f, List.of("x1"), ld, w, true);
                    double[] eff = Impacts.effects(f, List.of("x1"), ld, w, true, f.estimates());
                    t[b][v][0].add(f.rho(), f.se(f.spatialIndex()), truth[0]);
                    t[b][v][1].add(f.estimates()[f.index("x1")], f.se(f.index("x1")), truth[1]);
                    if (model.equals("sdm")) t[b][v][2].add(f.estimates()[f.index("W*x1")], f.se(f.index("W*x1")), truth[2]);
                    t[b][v][quantities.length - 1].add(eff[2], se[2], truth[quantities.length - 1]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, N = %d, T = %d, rho = %.2f, theta = (%.2f, %.2f), %d replications, seed %d (%.1f s)%n%n", model,
                w.size(), T, rho, theta[0], theta[1], reps, seed, (System.nanoTime() - start) / 1e9);
        for (int q = 0; q < quantities.length; q++) {
            System.out.printf(Locale.ROOT, "%s (true %.4f)%n%n| estimator, covariance | mean | bias | sd | mean SE | SE/sd | coverage 95 %% |%n"
                    + "|---|---|---|---|---|---|---|%n", quantities[q], truth[q]);
            for (int b = 0; b < biases.length; b++) {
                for (int v = 0; v < variances.length; v++) {
                    System.out.println(t[b][v][q].row(biases[b] + ", " + variances[v], truth[q]));
                }
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "normal 95%% quantile %.6f%n", Distributions.normalQuantile(0.975));
    }
}
