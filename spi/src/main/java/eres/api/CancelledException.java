package eres.api;

/**
 * Thrown by {@link StepContext#checkCancelled()} (and by the step's {@link Parallelism} and progress
 * tasks) once the runner has cancelled the step, e.g. because it exceeded its time limit. Steps let it
 * propagate; the runner reports the reason it cancelled for.
 */
public final class CancelledException extends EresException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
