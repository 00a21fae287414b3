package eres.core.exec;

import java.util.Locale;

/**
 * What eres says when the JVM runs out of heap: one line with the limit in force and a figure to set
 * through {@code ERES_JAVA_OPTS}, the variable the launcher passes to the JVM (docs/errors-and-limits.md).
 */
public final class Memory {
    private Memory() {
    }

    /** The largest heap the JVM will use, in bytes. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * The one-line message for an {@link OutOfMemoryError}: the heap limit in force and twice that as
     * the figure to try, rounded up to whole gigabytes.
     */
    public static String outOfMemory(OutOfMemoryError e) {
        long max = maxHeap();
        long suggest = Math.max(1, (long) Math.ceil(2.0 * max / (1L << 30)));
        String what = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return String.format(Locale.ROOT, "out of memory%s: the JVM may use at most %.1f GB; run with more, e.g."
                + " ERES_JAVA_OPTS=-Xmx%dg, or use less data (data.variables, filter) (see docs/errors-and-limits.md)", what,
                max / (double) (1L << 30), suggest);
    }
}
