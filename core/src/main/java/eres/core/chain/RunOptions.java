package eres.core.chain;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line choices for one run.
 *
 * @param out     output directory (replaced atomically on success)
 * @param seed    master seed, or {@code null} for the chain's (or the default)
 * @param formats report formats overriding the chain's, or {@code null}
 */
public record RunOptions(Path out, Long seed, int threads, List<String> formats) {
    /** The seed used when neither the chain nor the command line gives one. */
    public static final long DEFAULT_SEED = 20250101L;
}
