package eres.core.chain;

import com.google.inject.AbstractModule;
import eres.api.OutputNaming;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.StepContext;
import eres.api.random.RandomStreams;

/**
 * The per-step child injector's bindings: the services an extension constructor may
 * {@code @Inject} for one step run (one group), the same instances its {@link StepContext} returns.
 */
final class StepServices extends AbstractModule {
    private final StepContextImpl context;

    StepServices(StepContextImpl context) {
        this.context = context;
    }

    @Override
    protected void configure() {
        bind(StepContext.class).toInstance(context);
        bind(Parallelism.class).toInstance(context.parallelism());
        bind(ProgressReporter.class).toInstance(context.progress());
        bind(RandomStreams.class).toInstance(RandomStreams.of(context.seed()));
        bind(OutputNaming.class).toInstance(context::outputPrefix);
    }
}
