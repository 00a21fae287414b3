package eres.app.cli;

import eres.app.wiring.Platform;
import eres.core.plugin.ExtensionInfo;
import eres.core.plugin.PluginProblem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eres plugins}: every discovered extension, and plugins that failed to load. */
@Command(name = "plugins", description = "List discovered extensions: id, kind, plugin, version, description.")
public final class PluginsCommand implements Callable<Integer> {
    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            out.printf("%-22s %-10s %-22s %-8s %s%n", "ID", "KIND", "PLUGIN", "VERSION", "DESCRIPTION");
            for (ExtensionInfo e : p.registry().all()) {
                out.printf("%-22s %-10s %-22s %-8s %s%n", e.id(), e.kind().label(), e.pluginId(), e.pluginVersion(), e.description());
            }
            out.println();
            out.println("plugins directory: " + pluginOptions.pluginsDir().toAbsolutePath());
            for (PluginProblem pr : p.registry().problems()) out.println("problem: " + pr.message());
            out.flush();
            return 0;
        }
    }
}
