package eres.core.plugin;

import com.google.inject.Injector;
import eres.api.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;

/**
 * Discovers plugins at run time with PF4J (jar or directory plugins in a directory), builds their
 * extensions through Guice, enforces {@code Plugin-Requires} against the eres version, and collects
 * every extension into an {@link ExtensionRegistry} together with the built-in ones. A plugin that
 * fails to load is reported and skipped; the others still work.
 *
 * <p>Before PF4J sees anything, every plugin is hashed and checked against the {@link PluginTrust}:
 * only bundled and explicitly trusted plugins are handed to PF4J (through a repository listing exactly
 * those), so an untrusted plugin's classes are never loaded, its code never runs. Two trusted plugins
 * with one plugin id, or two extensions with one id, are recorded as conflicts.
 */
public final class PluginHost implements AutoCloseable {
    private final PluginManager manager;
    private final ExtensionRegistry registry = new ExtensionRegistry();

    /** As {@link #PluginHost(Path, String, Injector, List, PluginTrust)} with {@link PluginTrust#fromEnvironment()}. */
    public PluginHost(Path pluginsDir, String systemVersion, Injector injector, List<Extension<?>> builtins) {
        this(pluginsDir, systemVersion, injector, builtins, PluginTrust.fromEnvironment());
    }

    /**
     * @param pluginsDir directory holding plugin jars/directories (may not exist: then only built-ins)
     * @param systemVersion the eres version plugins' {@code Plugin-Requires} are checked against
     * @param builtins extensions shipped inside eres itself (registered as plugin {@code eres-core})
     * @param trust which plugins may be loaded
     */
    public PluginHost(Path pluginsDir, String systemVersion, Injector injector, List<Extension<?>> builtins, PluginTrust trust) {
        registry.plugin(new ExtensionRegistry.PluginInfo("eres-core", systemVersion, "BUILT-IN", "(inside eres)", coreSha256(),
                PluginTrust.Level.BUNDLED.label()));
        for (Extension<?> b : builtins) registry.add(ExtensionRegistry.info(b, "eres-core", systemVersion));
        Map<Path, PluginFiles.Candidate> admitted = admit(pluginsDir, trust);
        List<Path> load = List.copyOf(admitted.keySet());
        ExtensionFactory factory = new GuiceExtensionFactory(injector);
        DefaultPluginManager m = new DefaultPluginManager(pluginsDir) {
            @Override
            protected ExtensionFactory createExtensionFactory() {
                return factory;
            }

            @Override
            protected PluginRepository createPluginRepository() {
                // exactly the admitted plugins: PF4J never opens anything else in the directory
                return new PluginRepository() {
                    @Override
                    public List<Path> getPluginPaths() {
                        return load;
                    }

                    @Override
                    public boolean deletePluginPath(Path pluginPath) {
                        return false;
                    }
                };
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
        m.setSystemVersion(systemVersion);
        this.manager = m;
        if (!load.isEmpty()) {
            m.loadPlugins();
            m.startPlugins();
        }
        for (PluginWrapper w : m.getPlugins()) {
            String id = w.getPluginId();
            String version = w.getDescriptor().getVersion();
            PluginFiles.Candidate c = admitted.get(w.getPluginPath());
            registry.plugin(new ExtensionRegistry.PluginInfo(id, version, w.getPluginState().toString(), w.getPluginPath().toString(),
                    c == null ? null : c.sha256(), c == null ? null : trust.level(c.sha256()).label()));
            if (w.getPluginState().isFailed()) {
                Throwable t = w.getFailedException();
                registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "plugin '" + id + "' failed to start: "
                        + (t == null ? "unknown reason" : t)));
                continue;
            }
            if (w.getPluginState().isDisabled()) {
                String requires = w.getDescriptor().getRequires();
                registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "plugin '" + id + "' " + version
                        + " requires eres " + requires + " but this is eres " + systemVersion + "; it was not loaded"));
                continue;
            }
            if (!w.getPluginState().isStarted()) {
                registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "plugin '" + id + "' is " + w.getPluginState()));
                continue;
            }
            for (Class<?> cl : m.getExtensionClasses(id)) {
                if (!Extension.class.isAssignableFrom(cl)) continue;
                try {
                    Extension<?> e = (Extension<?>) factory.create(cl);
                    registry.add(ExtensionRegistry.info(e, id, version));
                } catch (RuntimeException | LinkageError ex) {
                    Throwable root = ex;
                    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                    registry.problem(new PluginProblem(id, w.getPluginPath().toString(), "extension " + cl.getName()
                            + " of plugin '" + id + "' could not be created: " + root));
                }
            }
        }
    }

    /**
     * The plugins of {@code dir} that may be loaded: readable, trusted, and the first of their plugin id.
     * The others are registered (state {@code UNTRUSTED} or {@code NOT-LOADED}) with the reason.
     */
    private Map<Path, PluginFiles.Candidate> admit(Path dir, PluginTrust trust) {
        Map<Path, PluginFiles.Candidate> admitted = new LinkedHashMap<>();
        Map<String, PluginFiles.Candidate> byId = new HashMap<>();
        for (PluginFiles.Candidate c : PluginFiles.scan(dir)) {
            String where = c.path().toString();
            String id = c.id() == null ? c.path().getFileName().toString() : c.id();
            if (c.problem() != null) {
                registry.plugin(new ExtensionRegistry.PluginInfo(id, c.version(), "NOT-LOADED", where, c.sha256(), null));
                registry.problem(new PluginProblem(id, where, "plugin " + where + " " + c.problem() + "; it was not loaded"));
                continue;
            }
            PluginTrust.Level level = trust.level(c.sha256());
            if (level == PluginTrust.Level.UNTRUSTED) {
                registry.plugin(new ExtensionRegistry.PluginInfo(id, c.version(), "UNTRUSTED", where, c.sha256(), level.label()));
                registry.problem(new PluginProblem(id, where, "plugin " + c.label() + " (" + where + ", sha256 "
                        + c.sha256().substring(0, 12) + "...) is not trusted, so none of its code was loaded; a plugin runs with"
                        + " your rights: to enable it, run 'eres plugins trust " + where + "'"));
                continue;
            }
            PluginFiles.Candidate prev = byId.putIfAbsent(c.id(), c);
            if (prev != null) {
                registry.plugin(new ExtensionRegistry.PluginInfo(id, c.version(), "NOT-LOADED", where, c.sha256(), level.label()));
                registry.conflict("plugin id '" + c.id() + "' is declared by two plugins: " + prev.label() + " (" + prev.path() + ") and "
                        + c.label() + " (" + where + "); remove one of them from the plugins directory");
                continue;
            }
            admitted.put(c.path(), c);
        }
        return admitted;
    }

    /** SHA-256 of the jar holding eres's own classes (the built-in extensions), or null when run from classes. */
    private static String coreSha256() {
        try {
            var src = PluginHost.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) ? PluginFiles.sha256(p) : null;
        } catch (Exception e) {
            return null;
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
