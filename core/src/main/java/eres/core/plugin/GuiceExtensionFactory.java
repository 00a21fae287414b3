package eres.core.plugin;

import com.google.inject.Injector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.ExtensionFactory;

/**
 * PF4J {@link ExtensionFactory} that builds extensions with Guice, so an extension can
 * {@code @Inject} the run's services ({@code Parallelism}, {@code ProgressReporter}, ...). One
 * instance per extension class (extensions are stateless between runs).
 */
public final class GuiceExtensionFactory implements ExtensionFactory {
    private final Injector injector;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    public GuiceExtensionFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        return extensionClass.cast(instances.computeIfAbsent(extensionClass, injector::getInstance));
    }
}
