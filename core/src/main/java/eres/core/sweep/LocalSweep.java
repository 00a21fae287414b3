package eres.core.sweep;

import eres.api.EresException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's specifications on this machine, {@code threads} at a time (each with one worker
 * thread of its own), recording every finished one in the journal. Rows are returned in specification
 * order, so the table is the same for any thread count and after any interruption.
 */
public final class LocalSweep {
    private LocalSweep() {
    }

    /**
     * @param todo     the specifications still to run
     * @param journal  receives each finished row (may be {@code null})
     * @param progress counts finished rows
     * @return the rows of {@code todo}, in ascending specification number
     */
    public static List<SweepRow> run(SpecExecutor executor, List<Long> todo, int threads, Journal journal, SweepProgress progress) {
        Map<Long, SweepRow> rows = new TreeMap<>();
        if (todo.isEmpty()) return List.of();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), r -> {
            Thread t = new Thread(r, "eres-sweep-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SweepRow>> futures = new ArrayList<>();
            for (Long n : todo) {
                futures.add(pool.submit(() -> {
                    SweepRow r = executor.run(n);
                    if (journal != null) journal.append(r);
                    progress.finished(r);
                    return r;
                }));
            }
            for (Future<SweepRow> f : futures) {
                SweepRow r = get(f);
                rows.put(r.spec(), r);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(rows.values());
    }

    private static SweepRow get(Future<SweepRow> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EresException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new EresException(String.valueOf(e.getCause()), e.getCause());
        }
    }
}
