package eres.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where plugins are found: {@code --plugins}, else {@code $ERES_PLUGINS}, else the distribution's {@code plugins/}. */
public final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR", description = "plugins directory (default: $ERES_PLUGINS or <eres home>/plugins)")
    Path plugins;

    public Path pluginsDir() {
        if (plugins != null) return plugins;
        String env = System.getenv("ERES_PLUGINS");
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("eres.home");
        return home == null ? Path.of("plugins") : Path.of(home, "plugins");
    }
}
