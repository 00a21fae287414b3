package eres.plugins.gtwr;

/**
 * The spatio-temporal distance {@code d_ST = f(d_S, d_T)} with {@code d_T = |t_i - t_j|}.
 *
 * <ul>
 *   <li>{@link Form#HUANG}: {@code d_ST^2 = d_S^2 + tau d_T^2} (Huang, Wu &amp; Barry 2010, with
 *       lambda = 1 and {@code tau = mu / lambda}); {@code tau = 0} is GWR.</li>
 *   <li>{@link Form#GWMODEL_LINEAR}: {@code d_ST = l d_S + (1-l) d_T + 2 sqrt(l (1-l) d_S d_T) cos(ksi)}
 *       (Wu, Li &amp; Huang 2014; GWmodel {@code st.dist}).</li>
 * </ul>
 * Both are non-decreasing in {@code d_S} and {@code d_T} (for {@code 0 <= ksi <= pi/2}), so a lower
 * bound of each gives a lower bound of {@code d_ST}: the property the k-d tree prunes with.
 * With {@code pastOnly}, observations later than the regression point are not neighbours (GWmodel's
 * one-sided time window).
 */
record SpaceTimeMetric(Form form, double tau, double lambda, double ksi, boolean pastOnly) {
    /** {@code distance:} {@code huang} (aliases {@code huang-wu-barry}, {@code squared}) or {@code gwmodel-linear} (alias {@code gwmodel}). */
    public enum Form {
        HUANG("huang"), GWMODEL_LINEAR("gwmodel-linear");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Form parse(String s) {
            return switch (GwrOptions.norm(s)) {
                case "huang", "huang-wu-barry", "squared" -> HUANG;
                case "gwmodel-linear", "gwmodel" -> GWMODEL_LINEAR;
                default -> throw new eres.api.SpecException("distance", "must be huang or gwmodel-linear, got '" + s + "'");
            };
        }

        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    static SpaceTimeMetric huang(double tau, boolean pastOnly) {
        return new SpaceTimeMetric(Form.HUANG, tau, 1.0, 0.0, pastOnly);
    }

    static SpaceTimeMetric spaceOnly() {
        return huang(0.0, false);
    }

    double combine(double ds, double dt) {
        if (form == Form.HUANG) {
            return tau == 0 || dt == 0 ? ds : Math.sqrt(ds * ds + tau * dt * dt);
        }
        return lambda * ds + (1 - lambda) * dt + 2 * Math.sqrt(lambda * (1 - lambda) * ds * dt) * Math.cos(ksi);
    }

    /** Whether observation time {@code tj} may be a neighbour of regression point time {@code ti}. */
    boolean eligible(double ti, double tj) {
        return !pastOnly || tj <= ti;
    }

    /** How many distance units one time unit is worth, for choosing k-d tree split dimensions. */
    double timeScale() {
        if (form == Form.HUANG) return Math.sqrt(tau);
        return lambda >= 1 ? 0 : (1 - lambda) / Math.max(lambda, 1e-12);
    }
}
