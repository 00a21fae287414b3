package eres.core.chain;

import eres.api.result.StepResult;

/**
 * What one step (for one group) produced: a result, or the error that stopped it.
 *
 * @param group {@code null} for a full-sample run
 */
public record StepOutcome(String stepId, String use, String title, String group, StepResult result, String error,
                          long millis) {
    public boolean failed() {
        return error != null;
    }
}
