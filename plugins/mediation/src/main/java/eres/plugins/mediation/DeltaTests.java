package eres.plugins.mediation;

import eres.api.stats.Distributions;

/**
 * First-order (delta-method) tests of the indirect effect {@code a b}, from the estimates and
 * standard errors of the a path (E2) and the b path (E3):
 *
 * <ul>
 *   <li>Sobel (1982): {@code se = sqrt(b^2 s_a^2 + a^2 s_b^2)};</li>
 *   <li>Aroian (1947): {@code se = sqrt(b^2 s_a^2 + a^2 s_b^2 + s_a^2 s_b^2)};</li>
 *   <li>Goodman (1960): {@code se = sqrt(b^2 s_a^2 + a^2 s_b^2 - s_a^2 s_b^2)}, undefined (NaN) when the
 *       radicand is not positive.</li>
 * </ul>
 * {@code z = a b / se}, two-sided normal p-value, normal interval {@code a b -/+ z_{1-alpha/2} se}
 * (Stata {@code sgmediation}; MacKinnon et al. 2002). Verified against R on Produc (fixture
 * {@code produc}).
 */
public final class DeltaTests {
    private DeltaTests() {
    }

    /** One delta-method test. */
    public record Test(String name, double estimate, double stdError, double z, double pValue, Intervals.Interval interval) {
    }

    static Test sobel(double a, double sa, double b, double sb, double level) {
        return test("sobel", a * b, Math.sqrt(b * b * sa * sa + a * a * sb * sb), level);
    }

    static Test aroian(double a, double sa, double b, double sb, double level) {
        return test("aroian", a * b, Math.sqrt(b * b * sa * sa + a * a * sb * sb + sa * sa * sb * sb), level);
    }

    static Test goodman(double a, double sa, double b, double sb, double level) {
        double v = b * b * sa * sa + a * a * sb * sb - sa * sa * sb * sb;
        return test("goodman", a * b, v > 0 ? Math.sqrt(v) : Double.NaN, level);
    }

    private static Test test(String name, double ab, double se, double level) {
        double z = ab / se;
        double q = Distributions.normalQuantile(0.5 + level / 2);
        return new Test(name, ab, se, z, Distributions.normalTwoSided(z), new Intervals.Interval(ab - q * se, ab + q * se));
    }
}
