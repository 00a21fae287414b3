package eres.plugins.mediation;

import eres.api.random.Seeds;
import eres.core.testing.TestData;
import eres.api.data.Panel;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Synthetic two-way fixed-effects panels with known paths:
 * {@code x = 0.5 alpha_i + 0.3 lambda_t + u}, {@code m_j = a_j x + 0.4 alpha_i + 0.2 lambda_t + v_j},
 * {@code y = c' x + sum_j b_j m_j + 0.3 w + alpha_i + lambda_t + e}, with a control {@code w},
 * standard normal shocks, {@code alpha_i ~ N(0, 1)}, {@code lambda_t ~ N(0, 0.25)}; the true indirect
 * effect through {@code m_j} is {@code a_j b_j} and the total effect {@code c' + sum a_j b_j}.
 * Entities are split into regions {@code east} / {@code west} by parity.
 */
final class Synthetic {
    private Synthetic() {
    }

    static Panel panel(long seed, int entities, int periods, double cPrime, double[] a, double[] b) {
        UniformRandomProvider rng = Seeds.generator(seed);
        double[] alpha = new double[entities];
        double[] lambda = new double[periods];
        for (int i = 0; i < entities; i++) alpha[i] = normal(rng);
        for (int t = 0; t < periods; t++) lambda[t] = 0.5 * normal(rng);
        StringBuilder csv = new StringBuilder("id,year,region,x,y,w");
        for (int j = 0; j < a.length; j++) csv.append(",m").append(j + 1);
        csv.append('\n');
        for (int i = 0; i < entities; i++) {
            for (int t = 0; t < periods; t++) {
                double x = 0.5 * alpha[i] + 0.3 * lambda[t] + normal(rng);
                double w = normal(rng);
                double y = cPrime * x + 0.3 * w + alpha[i] + lambda[t] + normal(rng);
                double[] m = new double[a.length];
                for (int j = 0; j < a.length; j++) {
                    m[j] = a[j] * x + 0.4 * alpha[i] + 0.2 * lambda[t] + normal(rng);
                    y += b[j] * m[j];
                }
                csv.append(i + 1).append(',').append(2000 + t).append(',').append(i % 2 == 0 ? "east" : "west");
                for (double v : new double[] {x, y, w}) csv.append(',').append(String.format(Locale.ROOT, "%.17g", v));
                for (double v : m) csv.append(',').append(String.format(Locale.ROOT, "%.17g", v));
                csv.append('\n');
            }
        }
        return TestData.panel(csv.toString(), "id", "year", "region");
    }

    /** Box–Muller standard normal. */
    static double normal(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
