package eres.core.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of a sweep on stderr: specifications done of the total, failures, rate and the estimated
 * time left (from the rate of this run, so a resumed sweep's earlier rows do not distort it). On a
 * terminal one line is redrawn at most five times a second; otherwise a line is printed every tenth of
 * the work or every 30 seconds, whichever comes first.
 */
public final class SweepProgress {
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final int before;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final long t0 = System.nanoTime();
    private long lastLine;
    private int lastTenth;

    /**
     * @param total  specifications in the sweep
     * @param before already finished by an earlier (interrupted) run
     * @param out    where to print, {@code null} for nowhere
     */
    public SweepProgress(int total, int before, PrintStream out, boolean terminal) {
        this.total = total;
        this.before = before;
        this.out = out;
        this.terminal = terminal;
        this.lastLine = t0;
    }

    /** Counts a finished specification. */
    public void finished(SweepRow r) {
        int d = done.incrementAndGet();
        if (!r.ok()) failed.incrementAndGet();
        if (out == null) return;
        long now = System.nanoTime();
        synchronized (this) {
            int tenth = (int) (10L * (before + d) / Math.max(1, total));
            boolean draw = terminal ? now - lastLine > 200_000_000L || before + d == total
                    : tenth > lastTenth || now - lastLine > 30_000_000_000L;
            if (!draw) return;
            lastLine = now;
            lastTenth = tenth;
            String line = line(d, now);
            if (terminal) out.print("\r" + line + "   ");
            else out.println(line);
            out.flush();
        }
    }

    String line(int d, long now) {
        double secs = (now - t0) / 1e9;
        double rate = d / Math.max(secs, 1e-9);
        int left = total - before - d;
        String eta = left == 0 ? "done" : "ETA " + clock(left / Math.max(rate, 1e-9));
        return String.format(Locale.ROOT, "sweep: %d/%d specifications (%d%%)%s, %.1f/s, elapsed %s, %s", before + d, total,
                100L * (before + d) / Math.max(1, total), failed.get() == 0 ? "" : ", " + failed.get() + " failed", rate, clock(secs), eta);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Ends the progress display (a new line after a redrawn one). */
    public void close() {
        if (out != null && terminal) {
            out.println();
            out.flush();
        }
    }

    /** Seconds since the sweep started. */
    public double elapsed() {
        return (System.nanoTime() - t0) / 1e9;
    }
}
