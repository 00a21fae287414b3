package eres.core.exec;

import eres.api.ProgressReporter;

/** A step run's progress: the run's reporter, with a cancellation check on every {@code advance}. */
public final class StepProgress implements ProgressReporter {
    private final ProgressReporter delegate;
    private final CancelToken token;

    public StepProgress(ProgressReporter delegate, CancelToken token) {
        this.delegate = delegate;
        this.token = token;
    }

    @Override
    public Task start(String label, long total) {
        token.check();
        Task t = delegate.start(label, total);
        return new Task() {
            @Override
            public void advance(long units) {
                token.check();
                t.advance(units);
            }

            @Override
            public void close() {
                t.close();
            }
        };
    }
}
