package eres.plugins.formats;

import java.util.function.Supplier;

/**
 * Runs Apache POI code with the plugin's class loader as the thread's context class loader. POI and
 * XMLBeans look some classes and resources up through the context class loader; inside a PF4J plugin
 * that is the application's loader, which does not see the plugin's {@code lib/*.jar}.
 */
final class Poi {
    private Poi() {
    }

    static <T> T call(Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Poi.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
