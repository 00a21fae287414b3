package eres.api;

/**
 * A composite-index method: indicators in, one or more index columns out (added to the panel for
 * later steps through {@link eres.api.result.StepResult#columns()}), plus its weights table.
 */
public interface IndexMethod<P> extends Step<P> {
    @Override
    default ExtensionKind kind() {
        return ExtensionKind.INDEX;
    }
}
