package eres.api;

/** A model estimator (panel FE, IV, threshold, SDM, GTWR, descriptives ...). */
public interface Estimator<P> extends Step<P> {
    @Override
    default ExtensionKind kind() {
        return ExtensionKind.ESTIMATOR;
    }
}
