package eres.core.exec;

import eres.api.CancelledException;

/** The cancellation state of one step run, shared by its context, its pool and its progress tasks. */
public final class CancelToken {
    private volatile String reason;

    /** Cancels with a reason (the first reason wins). */
    public void cancel(String why) {
        synchronized (this) {
            if (reason == null) reason = why;
        }
    }

    public boolean cancelled() {
        return reason != null;
    }

    /** Throws {@link CancelledException} once cancelled. */
    public void check() {
        String r = reason;
        if (r != null) throw new CancelledException("cancelled: " + r);
    }
}
