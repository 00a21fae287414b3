package eres.app.wiring;

import com.google.inject.AbstractModule;
import eres.core.exec.PoolParallelism;
import eres.spi.Parallelism;
import eres.spi.ProgressReporter;

/**
 * The services extensions can {@code @Inject}: the run's worker pool and progress reporter.
 */
public final class EresModule extends AbstractModule {
    private final PoolParallelism parallelism;
    private final ProgressReporter progress;

    public EresModule(PoolParallelism parallelism, ProgressReporter progress) {
        this.parallelism = parallelism;
        this.progress = progress;
    }

    @Override
    protected void configure() {
        bind(Parallelism.class).toInstance(parallelism);
        bind(ProgressReporter.class).toInstance(progress);
    }
}
