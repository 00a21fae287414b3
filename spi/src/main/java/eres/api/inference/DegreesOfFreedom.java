package eres.api.inference;

/**
 * The one degrees-of-freedom record of a linear (or IV) fit, and every small-sample factor derived from
 * it. {@code k} counts the estimated coefficients (an explicit constant included), {@code absorbed} the
 * parameters removed by the fixed effects (their constant included: 1 for demeaning, G entity, T time,
 * G + T - 1 two-way; 0 when the constant is estimated explicitly).
 *
 * <table>
 *   <caption>factors by convention (n observations, G clusters, T periods)</caption>
 *   <tr><th></th><th>{@code stata} / {@code xtreg}</th><th>{@code r} (plm, sandwich)</th></tr>
 *   <tr><td>conventional s^2</td><td>SSR / (n - k - absorbed)</td><td>same</td></tr>
 *   <tr><td>HC1</td><td>n / (n - k - absorbed)</td><td>n / (n - k)</td></tr>
 *   <tr><td>CR1</td><td>G/(G-1) (n-1)/(n - K), K = k + absorbed - notCounted</td><td>G/(G-1) (n-1)/(n - k)</td></tr>
 *   <tr><td>Driscoll–Kraay</td><td>T/(T-1) (n-1)/(n - K_dk), K_dk = k + absorbed - (G_e - 1) (xtscc)</td><td>1 (vcovSCC HC0)</td></tr>
 *   <tr><td>t df</td><td>n - k - absorbed; G - 1 (cluster, min G two-way); T - 1 (DK)</td><td>n - k - absorbed</td></tr>
 * </table>
 *
 * HC0, HC2, HC3, CR0, CR2 and CR3 have no factor. {@code notCounted} is the number of absorbed
 * parameters nested in the clusters ({@code xtreg}: G - 1 for entity effects within entity (or coarser)
 * clusters); for IV under {@code stata} it is xtivreg2's {@code dofminus} (the entity effects; xtivreg2
 * counts neither them nor the constant absorbed with them).
 *
 * <p>IV without {@code small} ({@code small = false}) uses the large-sample forms of ivreg2: s^2 =
 * SSR/(n - dofminus), HC1 = n/(n - dofminus) HC0, CR1 = CR0, Driscoll–Kraay unscaled, z tests;
 * {@code dofminus} is the number of entity effects under {@code stata}/{@code xtreg} (xtivreg2) and 0
 * under {@code r} (the divisor n of R and gretl).
 *
 * @param n              observations (regression rows)
 * @param k              estimated coefficients
 * @param absorbed       absorbed parameters (constant included)
 * @param notCounted     absorbed parameters not counted in the cluster K (see above)
 * @param entityAbsorbed G_e - 1 with entity effects, else 0 (xtscc's K)
 * @param dofminus       large-sample adjustment (IV without small)
 * @param periods        T, distinct periods (Driscoll–Kraay)
 * @param small          small-sample statistics (t/F and the factors above); false only for IV's default
 */
public record DegreesOfFreedom(int n, int k, int absorbed, int notCounted, int entityAbsorbed, int dofminus, int periods,
                               boolean small, DofConvention convention) {

    /** A linear fixed-effects regression (xtreg/areg/regress conventions under {@code stata}). */
    public static DegreesOfFreedom linear(int n, int k, int absorbed, int nestedInClusters, int entityAbsorbed, int periods,
                                          DofConvention convention) {
        return new DegreesOfFreedom(n, k, absorbed, nestedInClusters, entityAbsorbed, 0, periods, true, convention);
    }

    /**
     * An IV regression (xtivreg2 under {@code stata}): {@code entities} absorbed entity effects (0 without
     * them) are the large-sample {@code dofminus} and, under {@code stata}, are not counted in the cluster K.
     */
    public static DegreesOfFreedom iv(int n, int k, int absorbed, int nestedInClusters, int entities, int periods, boolean small,
                                      DofConvention convention) {
        int notCounted = convention == DofConvention.STATA ? entities : nestedInClusters;
        int dofminus = convention == DofConvention.R ? 0 : entities;
        return new DegreesOfFreedom(n, k, absorbed, notCounted, Math.max(entities - 1, 0), dofminus, periods, small, convention);
    }

    /** n - k - absorbed. */
    public int residualDf() {
        return n - k - absorbed;
    }

    /** Divisor of the conventional s^2. */
    public double varianceDivisor() {
        return small ? residualDf() : n - dofminus;
    }

    /** The finite-sample factor multiplying the sandwich of {@code type} with {@code clusters} clusters. */
    public double factor(CovarianceType type, int clusters) {
        boolean r = convention == DofConvention.R;
        return switch (type) {
            case HC1 -> !small ? (double) n / (n - dofminus) : r ? (double) n / (n - k) : (double) n / residualDf();
            case CR1 -> !small ? 1 : (double) clusters / (clusters - 1)
                    * (n - 1.0) / (n - (r ? k : k + absorbed - notCounted));
            case DRISCOLL_KRAAY -> !small || r ? 1 : (double) periods / (periods - 1) * (n - 1.0) / (n - (k + absorbed - entityAbsorbed));
            default -> 1;
        };
    }

    /** Degrees of freedom of the t tests (infinite = normal) for {@code type}; {@code clusters} = min G. */
    public double tDf(CovarianceType type, int clusters) {
        if (!small) return Double.POSITIVE_INFINITY;
        if (convention == DofConvention.R) return residualDf();
        if (type.clustered()) return clusters - 1;
        if (type == CovarianceType.DRISCOLL_KRAAY) return periods - 1;
        return residualDf();
    }

    /** Default Driscoll–Kraay lag: xtscc's floor(4 (T/100)^(2/9)) (stata), plm's floor(T^(1/4)) (r). */
    public int defaultLag() {
        if (convention == DofConvention.R) return (int) Math.floor(Math.pow(periods, 0.25));
        return (int) Math.floor(4 * Math.pow(periods / 100.0, 2.0 / 9.0));
    }
}
