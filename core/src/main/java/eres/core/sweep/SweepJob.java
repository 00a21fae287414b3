package eres.core.sweep;

import java.io.Serializable;

/**
 * What an engine needs to rebuild a sweep anywhere (a Spark executor): the chain text and where it came
 * from, the master seed, the per-step time limit, the plugins directory, and the engine's options.
 *
 * @param chainName  the chain file's name (decides YAML or JSON)
 * @param baseDir    the chain file's directory (data paths are relative to it), as text
 * @param threads    parallel specifications (local) or partitions per core (Spark)
 * @param master     Spark master URL ({@code local[2]}, {@code spark://host:7077}, ...) or {@code null}
 */
public record SweepJob(String chainName, String chainText, String baseDir, String origin, long masterSeed, int stepTimeoutSeconds,
                       String pluginsDir, int threads, String master) implements Serializable {
    private static final long serialVersionUID = 1L;
}
