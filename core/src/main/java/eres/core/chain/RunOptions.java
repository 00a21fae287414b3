package eres.core.chain;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line choices for one run.
 *
 * @param out     output directory (replaced atomically on success)
 * @param seed    master seed, or {@code null} for the chain's (or the default)
 * @param formats report formats overriding the chain's, or {@code null}
 * @param stepTimeoutSeconds limit per step run unless the step sets {@code timeout:}
 * @param expectedDataSha256 for {@code eres rerun}: the data's SHA-256 recorded by the original run; the
 *                           runner stops after loading the data, before any step, if it differs
 *                           ({@code null}: no check)
 */
public record RunOptions(Path out, Long seed, int threads, List<String> formats, int stepTimeoutSeconds, String expectedDataSha256) {
    /** The seed used when neither the chain nor the command line gives one. */
    public static final long DEFAULT_SEED = 20250101L;
    /** Default per-step time limit: a step (one group run) that takes longer is abandoned as failed. */
    public static final int DEFAULT_STEP_TIMEOUT = 3600;

    public RunOptions(Path out, Long seed, int threads, List<String> formats) {
        this(out, seed, threads, formats, DEFAULT_STEP_TIMEOUT);
    }

    public RunOptions(Path out, Long seed, int threads, List<String> formats, int stepTimeoutSeconds) {
        this(out, seed, threads, formats, stepTimeoutSeconds, null);
    }
}
