package eres.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import eres.core.chain.Runner;
import eres.core.chain.Version;
import eres.core.exec.ConsoleProgress;
import eres.core.exec.PoolParallelism;
import eres.core.io.CsvReader;
import eres.core.plugin.ExtensionRegistry;
import eres.core.plugin.PluginHost;
import eres.core.report.HtmlWriter;
import eres.core.report.MarkdownWriter;
import eres.api.Extension;
import eres.api.ProgressReporter;
import java.nio.file.Path;
import java.util.List;

/**
 * One eres session: the Guice injector with the run's services, PF4J over the plugins directory,
 * the extension registry and a runner. Close it to stop the plugins and the worker pool.
 */
public final class Platform implements AutoCloseable {
    private final PoolParallelism parallelism;
    private final PluginHost host;
    private final Injector injector;

    static {
        if (System.getProperty("guice_bytecode_gen_option") == null) System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }

    public Platform(Path pluginsDir, int threads, boolean progressOnTerminal) {
        this(pluginsDir, threads, progressOnTerminal, eres.core.chain.RunOptions.DEFAULT_SEED);
    }

    /** @param seed the run's master seed, offered to extensions as {@code SeedSource} */
    public Platform(Path pluginsDir, int threads, boolean progressOnTerminal, long seed) {
        this.parallelism = new PoolParallelism(threads);
        ProgressReporter progress = progressOnTerminal ? ConsoleProgress.forTerminal() : ProgressReporter.SILENT;
        Injector services = Guice.createInjector(new EresModule(parallelism, progress, seed));
        this.host = new PluginHost(pluginsDir, Version.get(), services, builtins());
        this.injector = services.createChildInjector(b -> b.bind(ExtensionRegistry.class).toInstance(host.registry()));
    }

    /** Extensions that ship inside eres itself. */
    static List<Extension<?>> builtins() {
        return List.of(new CsvReader(), new MarkdownWriter(), new HtmlWriter());
    }

    public ExtensionRegistry registry() {
        return host.registry();
    }

    public Runner runner() {
        return injector.getInstance(Runner.class);
    }

    @Override
    public void close() {
        host.close();
        parallelism.close();
    }
}
