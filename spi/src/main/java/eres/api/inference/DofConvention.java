package eres.api.inference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.SpecException;
import java.util.Locale;

/**
 * Which software's degrees-of-freedom conventions the small-sample factors follow (see
 * {@link DegreesOfFreedom} for every formula). Stata is the default; R's is an option.
 *
 * <ul>
 *   <li>{@code stata}: the Stata command the estimator replicates ({@code xtreg, fe} / {@code areg} /
 *       {@code regress} for the linear estimators, {@code xtivreg2} for IV);</li>
 *   <li>{@code xtreg}: for IV, {@code xtreg}'s small-sample conventions (the constant absorbed with the
 *       fixed effects is counted in K, as {@code xtreg} and {@code ivreghdfe} do, where {@code xtivreg2}
 *       does not); for the other estimators the same as {@code stata};</li>
 *   <li>{@code r}: R's: finite-sample factors count only the estimated coefficients, not absorbed
 *       effects ({@code plm} + {@code sandwich}: HC1 {@code n/(n-k)}, CR1 {@code G/(G-1) (n-1)/(n-k)}),
 *       t tests with the residual df; for IV without {@code small}, the large-sample divisor {@code n}
 *       (R/gretl) instead of xtivreg2's {@code n - G}.</li>
 * </ul>
 */
public enum DofConvention {
    STATA("stata"), XTREG("xtreg"), R("r");

    private final String label;

    DofConvention(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static DofConvention of(String s) {
        if (s == null) throw new SpecException("dof", "is required: stata, xtreg or r");
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "stata", "small", "xtivreg2" -> STATA;
            case "xtreg", "ivreghdfe", "reghdfe", "areg" -> XTREG;
            case "r", "plm", "sandwich", "large-sample", "gretl" -> R;
            default -> throw new SpecException("dof", "'" + s + "' is not one of stata, xtreg, r");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
