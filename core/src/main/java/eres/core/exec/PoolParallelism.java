package eres.core.exec;

import eres.api.EresException;
import eres.api.Parallelism;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * {@link Parallelism} over a dedicated {@link ForkJoinPool} of a fixed size. Tasks are evaluated by a
 * parallel stream inside the pool and collected in index order, so the result never depends on the
 * thread count or on scheduling; nested calls run in the same pool without deadlock (work stealing).
 *
 * <p>The runner gives every step run its own pool with the step's {@link CancelToken}: each index
 * checks the token before it starts, so a cancelled step's remaining tasks end at once, and closing
 * the pool interrupts the workers; nothing of a cancelled step keeps running in a later step's pool.
 */
public final class PoolParallelism implements Parallelism, AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;
    private final CancelToken token;

    public PoolParallelism(int threads) {
        this(threads, new CancelToken());
    }

    /** A pool whose tasks stop once {@code token} is cancelled. */
    public PoolParallelism(int threads, CancelToken token) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
        this.token = token;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public <T> List<T> map(int count, IntFunction<T> plain) {
        token.check();
        IntFunction<T> task = i -> {
            token.check();
            return plain.apply(i);
        };
        if (pool == null || count < 2) {
            return IntStream.range(0, count).mapToObj(task).toList();
        }
        if (ForkJoinTask.getPool() == pool) {
            return IntStream.range(0, count).parallel().mapToObj(task).toList();
        }
        try {
            return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(task).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            token.check();
            throw new EresException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new EresException(String.valueOf(c), c);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
