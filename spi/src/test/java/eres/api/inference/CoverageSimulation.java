package eres.api.inference;

import eres.api.data.Panel;
import eres.api.panel.Effects;
import eres.api.panel.FixedEffectsProjection;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.random.Seeds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Monte Carlo size / coverage of the inference layer with few clusters (docs/methods/inference.md):
 * two-way FE panels of G entities x T = 15 periods, clustered by entity, G = 6, 12, 31; H0 at the true
 * slope. Rejection rates at 5 % of CR1 (Stata, t(G-1)), CR2 and CR3 (t(G-1)) and the restricted wild
 * cluster bootstrap (Webb weights, B = 399). For test-inversion intervals the coverage of the 95 %
 * interval is 1 - the rejection rate at the truth.
 *
 * <p>Two designs: {@code homogeneous} (AR(1) errors and regressor within entity, rho 0.5, equal entity
 * scales) and {@code heterogeneous} (entity scales of x and of the error lognormal with sd 1, so a few
 * clusters dominate the score: the case where CR1 over-rejects most). Run:
 * {@code java -cp ... eres.api.inference.CoverageSimulation [replications] [B]}.
 */
public final class CoverageSimulation {
    private CoverageSimulation() {
    }

    /** Rejection counts per method. */
    record Rates(int reps, Map<String, Integer> rejected) {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int b = args.length > 1 ? Integer.parseInt(args[1]) : 399;
        System.out.println("replications " + reps + ", wild bootstrap B = " + b + " (Webb), T = 15, two-way FE, clusters = entities");
        System.out.printf("%-14s %4s %8s %8s %8s %8s%n", "design", "G", "CR1", "CR2", "CR3", "WCR");
        for (boolean het : new boolean[] {false, true}) {
            for (int g : new int[] {6, 12, 31}) {
                Rates r = run(g, 15, reps, b, het, 20250101L + g + (het ? 1000 : 0));
                System.out.printf("%-14s %4d %8.3f %8.3f %8.3f %8.3f%n", het ? "heterogeneous" : "homogeneous", g,
                        rate(r, "CR1"), rate(r, "CR2"), rate(r, "CR3"), rate(r, "WCR"));
            }
        }
    }

    static double rate(Rates r, String m) {
        return (double) r.rejected().get(m) / r.reps();
    }

    static Rates run(int g, int t, int reps, int b, boolean heterogeneous, long seed) {
        Map<String, Integer> rej = new LinkedHashMap<>();
        for (String m : List.of("CR1", "CR2", "CR3", "WCR")) rej.put(m, 0);
        for (int rep = 0; rep < reps; rep++) {
            Panel p = panel(g, t, heterogeneous, Seeds.generator(seed, rep));
            for (String m : List.of("CR1", "CR2", "CR3")) {
                PanelFit f = PanelRegression.fit(p, new PanelRegression.Spec("y", List.of("x"), Effects.TWOWAYS,
                        new CovarianceSpec(CovarianceType.of(m), List.of(), null, DofConvention.STATA), 0.95));
                double tstat = (f.coefficients().get(0).estimate() - 1) / f.coefficients().get(0).stdError();
                if (eres.api.stats.Distributions.tTwoSided(tstat, g - 1) < 0.05) rej.merge(m, 1, Integer::sum);
            }
            FixedEffectsProjection proj = FixedEffectsProjection.of(p, Effects.TWOWAYS);
            double[][] x = {proj.apply(p.column("x"))};
            double[] y = proj.apply(p.column("y"));
            int n = p.rows();
            DegreesOfFreedom dof = DegreesOfFreedom.linear(n, 1, g + t - 1, g - 1, g - 1, t, DofConvention.STATA);
            WildClusterBootstrap.Replications r = WildClusterBootstrap.replicate(x, y, 0, p.entityIndices(), g, proj::apply,
                    dof.factor(CovarianceType.CR1, g), new WildClusterBootstrap.Spec(b, WildClusterBootstrap.Weights.WEBB, 0.95,
                            Seeds.derive(seed, "wild-" + rep)));
            if (r.pValue(1) < 0.05) rej.merge("WCR", 1, Integer::sum);
        }
        return new Rates(reps, rej);
    }

    /** y = x + a_i + l_t + e, x and e AR(1) within entity (rho 0.5); heterogeneous: entity scales lognormal(0, 1). */
    static Panel panel(int g, int t, boolean heterogeneous, UniformRandomProvider rng) {
        int n = g * t;
        String[] ent = new String[n];
        int[] time = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lambda = new double[t];
        for (int s = 0; s < t; s++) lambda[s] = normal(rng);
        for (int i = 0; i < g; i++) {
            double sx = heterogeneous ? Math.exp(normal(rng)) : 1;
            double se = heterogeneous ? Math.exp(normal(rng)) : 1;
            double a = normal(rng);
            double ux = normal(rng);
            double ue = normal(rng);
            for (int s = 0; s < t; s++) {
                ux = 0.5 * ux + Math.sqrt(0.75) * normal(rng);
                ue = 0.5 * ue + Math.sqrt(0.75) * normal(rng);
                int r = i * t + s;
                ent[r] = "e" + i;
                time[r] = 2000 + s;
                x[r] = 0.5 * a + sx * ux + 0.3 * lambda[s];
                y[r] = x[r] + a + lambda[s] + se * ue * (1 + 0.5 * Math.abs(x[r]) / (1 + sx));
            }
        }
        return Panel.of("id", "year", null, ent, time, Map.of("x", x, "y", y), Map.of());
    }

    static double normal(UniformRandomProvider rng) {
        // Box-Muller (one of the pair), enough for a simulation design
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
