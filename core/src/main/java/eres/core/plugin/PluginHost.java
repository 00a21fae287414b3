package eres.core.plugin;

import com.google.inject.Injector;
import eres.api.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Discovers plugins at run time with PF4J (jar or zip plugins in a directory), builds their
 * extensions through Guice, enforces {@code Plugin-Requires} against the plugin API version
 * ({@link eres.api.ApiVersion}, not the eres version: plugins depend on the API only), and collects
 * every extension into an {@link ExtensionRegistry} together with the built-in ones. A plugin that
 * fails to load is reported and skipped; the others still work.
 */
public final class PluginHost implements AutoCloseable {
    private final PluginManager manager;
    private final ExtensionRegistry registry = new ExtensionRegistry();

    /**
     * @param pluginsDir directory holding plugin jars/zips (may not exist: then only built-ins)
     * @param engineVersion the eres version (recorded for the built-in extensions)
     * @param injector the discovery injector that builds extensions (see {@link DiscoveryServices})
     * @param builtins extensions shipped inside eres itself (registered as plugin {@code eres-core})
     */
    public PluginHost(Path pluginsDir, String engineVersion, Injector injector, List<Extension<?>> builtins) {
        String apiVersion = eres.api.ApiVersion.get();
        ExtensionFactory factory = new GuiceExtensionFactory(injector);
        DefaultPluginManager m = new DefaultPluginManager(pluginsDir) {
            @Override
            protected ExtensionFactory createExtensionFactory() {
                return factory;
            }

            @Override
            protected PluginFactory createPluginFactory() {
                return new DefaultPluginFactory() {
                    @Override
                    public Plugin create(PluginWrapper wrapper) {
                        String cls = wrapper.getDescriptor().getPluginClass();
                        if (cls == null || cls.isBlank() || cls.equals(Plugin.class.getName())) return new Plugin();
                        return super.create(wrapper);
                    }
                };
            }
        };
        m.setSystemVersion(apiVersion);
        this.manager = m;
        for (Extension<?> b : builtins) registry.add(ExtensionRegistry.info(b, "eres-core", engineVersion));
        registry.plugin(new ExtensionRegistry.PluginInfo("eres-core", engineVersion, "BUILT-IN", "(inside eres)"));
        if (Files.isDirectory(pluginsDir)) {
            m.loadPlugins();
            m.startPlugins();
        }
        for (PluginWrapper w : m.getPlugins()) {
            String id = w.getPluginId();
            String version = w.getDescriptor().getVersion();
            registry.plugin(new ExtensionRegistry.PluginInfo(id, version, w.getPluginState().toString(), w.getPluginPath().toString()));
            if (w.getPluginState().isFailed()) {
                Throwable t = w.getFailedException();
                registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "plugin '" + id + "' failed to start: "
                        + (t == null ? "unknown reason" : t)));
                continue;
            }
            if (w.getPluginState().isDisabled()) {
                String requires = w.getDescriptor().getRequires();
                registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "plugin '" + id + "' " + version
                        + " requires eres-api " + requires + " but this eres provides eres-api " + apiVersion + "; it was not loaded"));
                continue;
            }
            if (!w.getPluginState().isStarted()) {
                registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "plugin '" + id + "' is " + w.getPluginState()));
                continue;
            }
            for (Class<?> c : m.getExtensionClasses(id)) {
                if (!Extension.class.isAssignableFrom(c)) continue;
                try {
                    Extension<?> e = (Extension<?>) factory.create(c);
                    registry.add(ExtensionRegistry.info(e, id, version));
                } catch (RuntimeException | LinkageError ex) {
                    Throwable root = ex;
                    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                    registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "extension " + c.getName()
                            + " of plugin '" + id + "' could not be created: " + root));
                }
            }
        }
    }

    public ExtensionRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}
