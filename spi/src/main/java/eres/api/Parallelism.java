package eres.api;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The run's fixed-size worker pool. Results are collected by index, never by completion order, so
 * with per-index seeds (see {@link StepContext#seed()}) a computation gives identical results for
 * any thread count. Injectable ({@code @Inject Parallelism}) and available from the step context.
 */
public interface Parallelism {
    /** Number of worker threads (&gt;= 1). */
    int threads();

    /**
     * Evaluates {@code task} for {@code 0 <= i < count}, possibly in parallel, and returns the results
     * in index order. The first failure is rethrown after the other tasks stop.
     */
    <T> List<T> map(int count, IntFunction<T> task);

    /** As {@link #map} for tasks producing a {@code double[]}. */
    default double[][] mapToArrays(int count, IntFunction<double[]> task) {
        return map(count, task).toArray(new double[0][]);
    }
}
