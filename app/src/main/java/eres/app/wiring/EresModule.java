package eres.app.wiring;

import com.google.inject.AbstractModule;
import eres.core.exec.PoolParallelism;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.SeedSource;
import eres.api.random.Seeds;

/**
 * The services extensions can {@code @Inject}: the run's worker pool, progress reporter and seed source.
 */
public final class EresModule extends AbstractModule {
    private final PoolParallelism parallelism;
    private final ProgressReporter progress;
    private final long seed;

    public EresModule(PoolParallelism parallelism, ProgressReporter progress, long seed) {
        this.parallelism = parallelism;
        this.progress = progress;
        this.seed = seed;
    }

    @Override
    protected void configure() {
        bind(Parallelism.class).toInstance(parallelism);
        bind(ProgressReporter.class).toInstance(progress);
        bind(SeedSource.class).toInstance(new SeedSource() {
            @Override
            public long master() {
                return seed;
            }

            @Override
            public long derive(long parent, String name) {
                return Seeds.derive(parent, name);
            }
        });
    }
}
