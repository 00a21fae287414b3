package eres.api;

/**
 * Hard limits that protect a run from absurd requests (a typo of 10^9 replications must fail fast
 * with a message, not run for a week). Plugins validate their parameters against these.
 */
public final class Limits {
    private Limits() {
    }

    /** Maximum bootstrap / simulation replications per test. */
    public static final int MAX_REPLICATIONS = 100_000;
    /** Maximum threads a run may ask for. */
    public static final int MAX_THREADS = 256;
    /** Maximum rows a data source may have. */
    public static final int MAX_ROWS = 10_000_000;
    /** Maximum size in bytes of a chain file. */
    public static final long MAX_CHAIN_BYTES = 1L << 20;

    /** Validates a replication count: 0 &lt;= reps &lt;= {@link #MAX_REPLICATIONS}. */
    public static int replications(String path, int reps) {
        if (reps < 0) throw new SpecException(path, "must be >= 0, got " + reps);
        if (reps > MAX_REPLICATIONS) {
            throw new SpecException(path, "is " + reps + ", above the limit of " + MAX_REPLICATIONS
                    + " replications");
        }
        return reps;
    }
}
