package eres.plugins.gtwr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.SpecException;
import java.util.Locale;

/**
 * Distance-decay kernels {@code w = K(d, h)} with the GWmodel / mgwr / GWR4 definitions. Gaussian and
 * exponential kernels have unbounded support; they are truncated where the weight falls below a
 * stated cutoff (weights below it are set to 0), which is what lets large problems use sparse
 * neighbour lists.
 */
public enum Kernel {
    /** {@code exp(-0.5 (d/h)^2)} (GWmodel/GWR4 form; Huang et al. 2010 write {@code exp(-d^2/h^2)}). */
    GAUSSIAN,
    /** {@code exp(-d/h)}. */
    EXPONENTIAL,
    /** {@code (1 - (d/h)^2)^2} for {@code d < h}, else 0. */
    BISQUARE,
    /** {@code (1 - (d/h)^3)^3} for {@code d < h}, else 0. */
    TRICUBE,
    /** 1 for {@code d <= h}, else 0. */
    BOXCAR;

    /** Parsed once when the chain is bound; aliases {@code bi-square}, {@code tri-cube}, {@code gauss}, {@code box}, {@code uniform}. */
    @JsonCreator
    public static Kernel parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "gaussian", "gauss" -> GAUSSIAN;
            case "exponential" -> EXPONENTIAL;
            case "bisquare", "bi-square" -> BISQUARE;
            case "tricube", "tri-cube" -> TRICUBE;
            case "boxcar", "box", "uniform" -> BOXCAR;
            default -> throw new SpecException("kernel", "must be gaussian, exponential, bisquare, tricube or boxcar, got '" + s + "'");
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonValue
    @Override
    public String toString() {
        return label();
    }

    boolean compact() {
        return this == BISQUARE || this == TRICUBE || this == BOXCAR;
    }

    /**
     * The radius, in bandwidths, beyond which the weight is 0 (compact kernels) or below
     * {@code cutoff} (Gaussian, exponential); {@code +Inf} when {@code cutoff == 0}.
     */
    double support(double cutoff) {
        return switch (this) {
            case BISQUARE, TRICUBE, BOXCAR -> 1.0;
            case GAUSSIAN -> cutoff > 0 ? Math.sqrt(-2 * Math.log(cutoff)) : Double.POSITIVE_INFINITY;
            case EXPONENTIAL -> cutoff > 0 ? -Math.log(cutoff) : Double.POSITIVE_INFINITY;
        };
    }

    /** Weight at distance {@code d} for bandwidth {@code h > 0}; {@code radius} = h * support (truncation). */
    double weight(double d, double h, double radius) {
        switch (this) {
            case BISQUARE: {
                if (!(d < h)) return 0;
                double u = d / h;
                double v = 1 - u * u;
                return v * v;
            }
            case TRICUBE: {
                if (!(d < h)) return 0;
                double u = d / h;
                double v = 1 - u * u * u;
                return v * v * v;
            }
            case BOXCAR:
                return d <= h ? 1 : 0;
            case GAUSSIAN: {
                if (d > radius) return 0;
                double u = d / h;
                return Math.exp(-0.5 * u * u);
            }
            case EXPONENTIAL:
                if (d > radius) return 0;
                return Math.exp(-d / h);
            default:
                throw new AssertionError(this);
        }
    }
}
