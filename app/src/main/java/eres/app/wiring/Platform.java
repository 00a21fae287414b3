package eres.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import eres.api.Extension;
import eres.api.ProgressReporter;
import eres.core.chain.Runner;
import eres.core.chain.Version;
import eres.core.exec.ConsoleProgress;
import eres.core.io.CsvReader;
import eres.core.plugin.DiscoveryServices;
import eres.core.plugin.ExtensionRegistry;
import eres.core.plugin.PluginHost;
import eres.core.report.HtmlWriter;
import eres.core.report.MarkdownWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One eres session: PF4J over the plugins directory, the extension registry and the injectors.
 *
 * <pre>
 * root (EresModule: LinearAlgebra)
 *  +- discovery (DiscoveryServices: step services as stand-ins) -- builds the extensions PF4J finds
 *  +- platform (ExtensionRegistry)
 *      +- run, one per runner() (RunProgress) -- builds the Runner
 *          +- step run, one per step and group (StepServices: StepContext, Parallelism, ProgressReporter,
 *             RandomStreams, OutputNaming) -- builds extensions with an @Inject constructor
 * </pre>
 *
 * Close it to stop the plugins.
 */
public final class Platform implements AutoCloseable {
    private final PluginHost host;
    private final Injector platform;
    private final boolean progressOnTerminal;

    static {
        // Guice's generated fast classes live in an unnamed module and cannot reach classes of named
        // modules that are not exported to everyone (google/guice#1536); reflection works with 'opens'
        // and starts faster (docs/architecture.md, docs/benchmarks.md).
        if (System.getProperty("guice_bytecode_gen_option") == null) System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }

    /**
     * @param threads            unused here (each run's {@code RunOptions.threads()} sizes its step pools); kept
     *                           so that callers need not change
     * @param progressOnTerminal show progress on an interactive terminal
     */
    public Platform(Path pluginsDir, int threads, boolean progressOnTerminal) {
        long t0 = System.nanoTime();
        Injector root = Guice.createInjector(new EresModule());
        long t1 = System.nanoTime();
        this.host = new PluginHost(pluginsDir, Version.get(), root.createChildInjector(new DiscoveryServices()), builtins());
        long t2 = System.nanoTime();
        this.platform = root.createChildInjector(b -> b.bind(ExtensionRegistry.class).toInstance(host.registry()));
        this.progressOnTerminal = progressOnTerminal;
        if (System.getProperty("eres.timing") != null) {
            // start-up phases for bench/startup (docs/benchmarks.md): process start -> here, Guice, PF4J + extensions
            long sinceStart = ProcessHandle.current().info().startInstant()
                    .map(i -> java.time.Duration.between(i, java.time.Instant.now()).toMillis() - (System.nanoTime() - t0) / 1_000_000)
                    .orElse(-1L);
            System.err.printf("eres.timing: jvm+main %d ms, guice root %d ms, plugins+extensions %d ms (%d extensions), platform %d ms%n",
                    sinceStart, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, host.registry().all().size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Extensions that ship inside eres itself. */
    static List<Extension<?>> builtins() {
        return List.of(new CsvReader(), new MarkdownWriter(), new HtmlWriter());
    }

    public ExtensionRegistry registry() {
        return host.registry();
    }

    /** A runner for one run, from a child injector of its own. */
    public Runner runner() {
        ProgressReporter progress = progressOnTerminal ? ConsoleProgress.forTerminal() : ProgressReporter.SILENT;
        return platform.createChildInjector(b -> b.bind(Runner.RunProgress.class).toInstance(new Runner.RunProgress(progress)))
                .getInstance(Runner.class);
    }

    @Override
    public void close() {
        host.close();
    }
}
