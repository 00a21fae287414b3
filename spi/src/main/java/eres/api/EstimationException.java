package eres.api;

/** A numerical failure during estimation, with the reason and where it happened. */
public final class EstimationException extends EresException {
    private static final long serialVersionUID = 1L;

    /** Why an estimation could not proceed. */
    public enum Reason {
        SINGULAR_MATRIX, COLLINEAR, ABSORBED_REGRESSOR, NOT_CONVERGED, OUT_OF_BOUNDS, EMPTY_REGIME,
        TOO_FEW_OBSERVATIONS, NOT_FINITE
    }

    private final Reason reason;

    public EstimationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
