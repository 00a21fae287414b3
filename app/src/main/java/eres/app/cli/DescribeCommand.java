package eres.app.cli;

import eres.app.wiring.Platform;
import eres.core.chain.ParameterBinder;
import eres.core.plugin.ExtensionInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eres describe ID}: the extension's parameters with types, defaults and meaning. */
@Command(name = "describe", description = "Show an extension's parameters (names as written under 'with:').")
public final class DescribeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "extension id, e.g. panel-fe")
    String id;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            p.registry().requireNoConflicts();
            ExtensionInfo e = p.registry().require("describe", id);
            out.println(e.id() + " (" + e.kind().label() + ", plugin " + e.pluginId() + " " + e.pluginVersion() + ")");
            out.println("  " + e.description());
            out.println();
            out.printf("  %-20s %-22s %-14s %s%n", "PARAMETER", "TYPE", "DEFAULT", "MEANING");
            for (ParameterBinder.ParameterDoc d : ParameterBinder.describe(e.extension().parameterType())) {
                String dflt = d.required() ? "(required)" : d.defaultValue();
                out.printf("  %-20s %-22s %-14s %s%n", d.name(), d.type(), dflt, d.description());
            }
            out.flush();
            return 0;
        }
    }
}
