package eres.core.chain;

import eres.api.EresException;
import eres.api.result.StepResult;

/**
 * What one step (for one group) produced: a result, or the error that stopped it.
 *
 * @param group {@code null} for a full-sample run
 * @param cause the exception that failed the step run, if it threw one (kept for {@code ERES_STACKTRACE})
 */
public record StepOutcome(String stepId, String use, String title, String group, StepResult result, String error,
                          long millis, Throwable cause) {
    public StepOutcome(String stepId, String use, String title, String group, StepResult result, String error, long millis) {
        this(stepId, use, title, group, result, error, millis, null);
    }

    public boolean failed() {
        return error != null;
    }

    /**
     * The stack trace of a failure that is not a user error (a plugin bug, an error inside eres), for
     * {@code run.json} and {@code errors/}; {@code null} for user errors and successes.
     */
    public String stackTrace() {
        if (cause == null || cause instanceof EresException) return null;
        java.io.StringWriter w = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
