package eres.plugins.dynthreshold;

import eres.api.data.Panel;
import eres.api.random.Seeds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A dynamic panel with a planted threshold (Seo and Shin 2016, section 4 style):
 * {@code y_it = a_i + (0.6 y_i,t-1 + 1.0 x_it) + 1(q_it > g0) (d0 + d1 y_i,t-1 + d2 x_it) + e_it}, with
 * {@code x ~ N(0,1)} exogenous, {@code a_i ~ N(0,1)}, {@code e ~ N(0, 0.5^2)}, and an endogenous threshold
 * variable {@code q_it = u_it + 0.5 e_it}, {@code u ~ N(0,1)}; 20 burn-in periods.
 */
final class Simulated {
    static final double RHO = 0.6;
    static final double BETA = 1.0;

    private Simulated() {
    }

    static Panel panel(long seed, int n, int t, double gamma, double[] delta) {
        UniformRandomProvider rng = Seeds.generator(seed);
        int burn = 20;
        String[] id = new String[n * t];
        int[] time = new int[n * t];
        double[] y = new double[n * t];
        double[] x = new double[n * t];
        double[] q = new double[n * t];
        int row = 0;
        for (int i = 0; i < n; i++) {
            double a = SeoShin.normal(rng);
            double prev = a / (1 - RHO);
            for (int s = 0; s < burn + t; s++) {
                double xs = SeoShin.normal(rng);
                double e = 0.5 * SeoShin.normal(rng);
                double qs = SeoShin.normal(rng) + 0.5 * e;
                double v = a + RHO * prev + BETA * xs + e;
                if (qs > gamma) v += delta[0] + delta[1] * prev + delta[2] * xs;
                if (s >= burn) {
                    id[row] = Integer.toString(i + 1);
                    time[row] = 2000 + s - burn;
                    y[row] = v;
                    x[row] = xs;
                    q[row] = qs;
                    row++;
                }
                prev = v;
            }
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("y", y);
        num.put("x", x);
        num.put("q", q);
        return Panel.of("id", "year", null, id, time, num, Map.of());
    }
}
