package eres.core.exec;

import eres.api.ProgressReporter;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on an interactive terminal: {@code label  123/400  31%} redrawn in place on stderr at most
 * ten times a second, erased when the task closes. Use {@link ProgressReporter#SILENT} when the
 * output is not a terminal.
 */
public final class ConsoleProgress implements ProgressReporter {
    private final PrintStream out;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    /** A console reporter when stderr is a terminal, else silent. */
    public static ProgressReporter forTerminal() {
        return System.console() != null ? new ConsoleProgress(System.err) : SILENT;
    }

    @Override
    public Task start(String label, long total) {
        return new Task() {
            private final AtomicLong done = new AtomicLong();
            private volatile long lastDraw;

            @Override
            public void advance(long units) {
                long d = done.addAndGet(units);
                long now = System.nanoTime();
                if (now - lastDraw > 100_000_000L || d == total) {
                    lastDraw = now;
                    synchronized (out) {
                        out.printf("\r%-40s %d/%d %3d%%", label, d, total, total == 0 ? 100 : (int) (100 * d / total));
                        out.flush();
                    }
                }
            }

            @Override
            public void close() {
                synchronized (out) {
                    out.print("\r" + " ".repeat(60) + "\r");
                    out.flush();
                }
            }
        };
    }
}
