package eres.api;

/** A mechanism test: treatment, mediator(s), outcome in; paths, effects and a verdict out. */
public interface MechanismTest<P> extends Step<P> {
    @Override
    default ExtensionKind kind() {
        return ExtensionKind.MECHANISM;
    }
}
