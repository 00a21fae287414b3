package eres.plugins.threshold;

import eres.api.random.Seeds;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Simulated panels with known thresholds:
 * {@code y = mu_i + x (b_0 1(q <= g_1) + b_1 1(g_1 < q <= g_2) + b_2 1(q > g_2)) + 0.5 z + e}, with
 * {@code q ~ U(0, 1)}, {@code x, z, mu_i ~ N(0, 1)}, {@code e ~ N(0, sigma^2)}, all independent.
 * {@code slopes} has one entry more than {@code thresholds}; equal slopes give a panel with no threshold.
 * With {@code minT < periods} each entity keeps a random number of its periods in [minT, periods]
 * (a random contiguous block), so the panel is unbalanced.
 */
final class Synthetic {
    private Synthetic() {
    }

    static Panel panel(long seed, int entities, int periods, double[] thresholds, double[] slopes, double sigma, int minT) {
        UniformRandomProvider rng = Seeds.generator(seed);
        List<String> id = new ArrayList<>();
        List<Integer> year = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            double mu = normal(rng);
            int t0 = 0;
            int len = periods;
            if (minT < periods) {
                len = minT + rng.nextInt(periods - minT + 1);
                t0 = rng.nextInt(periods - len + 1);
            }
            for (int t = 0; t < periods; t++) {
                double q = rng.nextDouble();
                double x = normal(rng);
                double z = normal(rng);
                double e = sigma * normal(rng);
                int g = 0;
                for (double th : thresholds) if (q > th) g++;
                double y = mu + slopes[g] * x + 0.5 * z + e;
                if (t < t0 || t >= t0 + len) continue;
                id.add(Integer.toString(i + 1));
                year.add(2000 + t);
                rows.add(new double[] {y, x, z, q});
            }
        }
        int n = rows.size();
        String[] names = {"y", "x", "z", "q"};
        Map<String, double[]> num = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            double[] c = new double[n];
            for (int r = 0; r < n; r++) c[r] = rows.get(r)[j];
            num.put(names[j], c);
        }
        int[] yr = year.stream().mapToInt(Integer::intValue).toArray();
        return Panel.of("id", "year", null, id.toArray(new String[0]), yr, num, Map.of());
    }

    static double normal(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
