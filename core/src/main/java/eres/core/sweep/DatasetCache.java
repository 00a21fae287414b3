package eres.core.sweep;

import eres.core.chain.Dataset;
import eres.core.chain.Datasets;
import eres.core.io.DataSpec;
import eres.core.plugin.ExtensionRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The datasets of a sweep's specifications, each distinct {@code data:} block loaded once (a Monte
 * Carlo sweep over data seeds has one per seed; the others usually one). Loads run outside the lock;
 * concurrent requests for one block wait for the same load. At most {@link #CAPACITY} datasets are
 * kept, the least recently used dropped first.
 */
public final class DatasetCache {
    static final int CAPACITY = 16;
    private final ExtensionRegistry registry;
    private final Map<String, CompletableFuture<Dataset>> loaded = new LinkedHashMap<>(16, 0.75f, true);

    public DatasetCache(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /**
     * The dataset of {@code spec} (paths relative to {@code baseDir}).
     *
     * @param key the {@code data:} block as written (JSON text): equal blocks share one dataset
     */
    public Dataset get(String key, DataSpec spec, Path baseDir) {
        return get(baseDir + "\n" + key, () -> Datasets.load(spec, baseDir, registry));
    }

    /** The dataset under {@code key}, loaded by {@code load} if it is not kept. */
    public Dataset get(String key, java.util.function.Supplier<Dataset> load) {
        CompletableFuture<Dataset> f;
        boolean mine = false;
        synchronized (loaded) {
            f = loaded.get(key);
            if (f == null) {
                f = new CompletableFuture<>();
                loaded.put(key, f);
                mine = true;
                while (loaded.size() > CAPACITY) loaded.remove(loaded.keySet().iterator().next());
            }
        }
        if (mine) {
            try {
                f.complete(load.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
                synchronized (loaded) {
                    loaded.remove(key);
                }
            }
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
