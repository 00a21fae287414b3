package eres.api;

import eres.api.result.StepResult;

/**
 * An extension that can be a chain step: it reads the panel in its context and returns a complete,
 * immutable result. Steps never write files; figures and side files travel in the result and the
 * runner writes them inside the run's output directory.
 *
 * @param <P> the parameter record type
 */
public interface Step<P> extends Extension<P> {
    /**
     * Runs the step.
     *
     * @throws EresException (or a subclass) for any problem the user can fix
     */
    StepResult run(P parameters, StepContext context);
}
