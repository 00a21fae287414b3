package eres.api;

/**
 * Progress for long loops (bootstrap replications, bandwidth search). Shown on an interactive
 * terminal, silent otherwise. Thread-safe.
 */
public interface ProgressReporter {
    /** Starts a task with a known number of units. */
    Task start(String label, long total);

    /** A running task; close it when done. */
    interface Task extends AutoCloseable {
        /** Adds {@code units} completed units. */
        void advance(long units);

        @Override
        void close();
    }

    /** A reporter that shows nothing. */
    ProgressReporter SILENT = (label, total) -> new Task() {
        @Override
        public void advance(long units) {
        }

        @Override
        public void close() {
        }
    };
}
