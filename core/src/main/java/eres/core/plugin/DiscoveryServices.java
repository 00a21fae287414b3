package eres.core.plugin;

import com.google.inject.AbstractModule;
import eres.api.OutputNaming;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.StepContext;
import eres.api.random.RandomStreams;
import java.lang.reflect.Proxy;

/**
 * Bindings of the injector that builds the extension instances PF4J discovers (those answer
 * {@code id()}, {@code description()} and {@code parameterType()} for {@code eres plugins} and the
 * chain binder). The step services do not exist yet at that point: an extension whose constructor asks
 * for one gets a stand-in that fails with a clear message if used; the runner builds a fresh instance
 * with the real services for every step run.
 */
public final class DiscoveryServices extends AbstractModule {
    @Override
    protected void configure() {
        bind(Parallelism.class).toInstance(outsideAStep(Parallelism.class));
        bind(ProgressReporter.class).toInstance(outsideAStep(ProgressReporter.class));
        bind(OutputNaming.class).toInstance(outsideAStep(OutputNaming.class));
        bind(StepContext.class).toInstance(outsideAStep(StepContext.class));
        bind(RandomStreams.class).toInstance(outsideAStep(RandomStreams.class));
    }

    private static <T> T outsideAStep(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString") && method.getParameterCount() == 0) return type.getSimpleName() + " (outside a step)";
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) return System.identityHashCode(proxy);
            if (method.getName().equals("equals") && method.getParameterCount() == 1) return proxy == args[0];
            throw new IllegalStateException(type.getSimpleName() + "." + method.getName() + " is available only while a step runs"
                    + " (an extension must not use step services in its constructor)");
        }));
    }
}
