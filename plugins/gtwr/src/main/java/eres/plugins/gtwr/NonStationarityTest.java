package eres.plugins.gtwr;

import eres.api.random.Seeds;
import eres.api.stats.Distributions;
import eres.plugins.gtwr.LocalRegression.Bandwidth;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Tests of spatial(-temporal) non-stationarity.
 *
 * <ul>
 *   <li>The GWR ANOVA F test of Brunsdon, Fotheringham &amp; Charlton (1999; GWR4's "GWR ANOVA table"):
 *       {@code F = ((RSS_OLS - RSS_GWR) / (n - p - EDF)) / (RSS_GWR / EDF)} on
 *       {@code (n - p - EDF, EDF)} degrees of freedom, {@code EDF = n - 2 tr S + tr S'S}. An
 *       approximate test of the local model against the global OLS model; free given the fit.</li>
 *   <li>The Monte Carlo test of Fotheringham, Brunsdon &amp; Charlton (2002, sec. 4.4; Hope 1968; GWmodel
 *       {@code gwr.montecarlo}): for each coefficient the standard deviation of its local estimates is
 *       compared with its distribution when the observations are randomly permuted over the space-time
 *       points (bandwidth and tau held at their selected values). p = (1 + #{sd_b >= sd}) / (R + 1).
 *       Each replication reuses the neighbour lists (only the data move), so it costs one
 *       coefficient-only fit; replication b draws its permutation from {@code Seeds.generator(seed, b)}.</li>
 * </ul>
 */
final class NonStationarityTest {
    private NonStationarityTest() {
    }

    /** Result of the Monte Carlo test for one term. */
    record MonteCarlo(String term, double sd, double pValue, int replications, int exceed) {
    }

    /** The ANOVA F test; returns {F, df1, df2, p}. */
    static double[] anova(double rssOls, double rssGwr, int n, int p, double edf) {
        double df1 = n - p - edf;
        double f = ((rssOls - rssGwr) / df1) / (rssGwr / edf);
        return new double[] {f, df1, edf, df1 > 0 ? Distributions.fUpper(f, df1, edf) : Double.NaN};
    }

    /** Standard deviation (n - 1) of each coefficient's local estimates, on the original scale. */
    static double[] localSd(double[] beta, int n, int p, double[] scale) {
        double[] sd = new double[p];
        for (int k = 0; k < p; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += beta[i * p + k];
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = beta[i * p + k] - mean;
                ss += d * d;
            }
            sd[k] = Math.sqrt(ss / (n - 1)) / scale[k];
        }
        return sd;
    }

    /**
     * Runs the Monte Carlo test. Replications whose permuted data make a local design singular are
     * skipped (counted in {@code replications}).
     */
    static List<MonteCarlo> monteCarlo(LocalRegression model, Design design, Bandwidth bw, double[] observedBeta, int reps,
                                       long seed, Parallelism par, ProgressReporter progress) {
        int n = design.n;
        int p = design.p;
        double[] observed = localSd(observedBeta, n, p, design.scale);
        List<double[]> sds;
        try (ProgressReporter.Task task = progress.start("non-stationarity permutations", reps)) {
            sds = par.map(reps, b -> {
                UniformRandomProvider rng = Seeds.generator(seed, b);
                int[] order = new int[n];
                for (int i = 0; i < n; i++) order[i] = i;
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double[] beta = model.coefficients(bw, design.permuted(order));
                task.advance(1);
                return beta == null ? null : localSd(beta, n, p, design.scale);
            });
        }
        List<MonteCarlo> out = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            int valid = 0;
            int exceed = 0;
            for (double[] sd : sds) {
                if (sd == null) continue;
                valid++;
                if (sd[k] >= observed[k]) exceed++;
            }
            out.add(new MonteCarlo(design.terms.get(k), observed[k], (1.0 + exceed) / (valid + 1.0), valid, exceed));
        }
        return out;
    }
}
