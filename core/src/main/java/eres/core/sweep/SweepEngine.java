package eres.core.sweep;

import eres.api.table.DataTable;
import java.util.List;
import java.util.Optional;

/**
 * Where a sweep's specifications run. {@code local} (this JVM, a thread per core) is built in; others
 * (the {@code spark} module) are found with {@link java.util.ServiceLoader} when their jars are on the
 * class path. Every engine runs the ordinary eres engine per specification ({@link SpecExecutor}), so
 * the rows, and the table, are the same whichever runs them.
 */
public interface SweepEngine {
    /** What {@code --engine} names. */
    String id();

    /**
     * Runs the specifications {@code todo} (ascending) and returns their rows in that order.
     *
     * @param journal  receives each row as it is known (local) or all at the end (distributed)
     */
    List<SweepRow> run(SweepJob job, SweepPlan plan, List<Long> todo, Journal journal, SweepProgress progress);

    /**
     * The table as Parquet bytes, when this engine writes Parquet itself (Spark does); empty: the
     * {@code parquet} table writer plugin is used.
     */
    default Optional<byte[]> parquet(DataTable table) {
        return Optional.empty();
    }

    /** Releases what the engine holds (a Spark session). */
    default void close() {
    }
}
