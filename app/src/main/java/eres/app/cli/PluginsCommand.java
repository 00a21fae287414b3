package eres.app.cli;

import eres.app.wiring.Platform;
import eres.core.plugin.ExtensionInfo;
import eres.core.plugin.ExtensionRegistry;
import eres.core.plugin.PluginFiles;
import eres.core.plugin.PluginProblem;
import eres.core.plugin.PluginTrust;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres plugins}: every discovered extension, every plugin with its trust and SHA-256, and plugins
 * that could not be used; {@code eres plugins trust JAR} / {@code untrust JAR} edit the trust list.
 * Untrusted plugins are listed from their files only: none of their code is loaded.
 */
@Command(name = "plugins", description = "List discovered extensions and plugins; 'trust'/'untrust' a third-party plugin.",
        subcommands = {PluginsCommand.Trust.class, PluginsCommand.Untrust.class})
public final class PluginsCommand implements Callable<Integer> {
    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            ExtensionRegistry r = p.registry();
            out.printf("%-22s %-10s %-22s %-8s %s%n", "ID", "KIND", "PLUGIN", "VERSION", "DESCRIPTION");
            for (ExtensionInfo e : r.all()) {
                out.printf("%-22s %-10s %-22s %-8s %s%n", e.id(), e.kind().label(), e.pluginId(), e.pluginVersion(), e.description());
            }
            out.println();
            out.println("plugins directory: " + pluginOptions.pluginsDir().toAbsolutePath());
            java.util.List<ExtensionRegistry.PluginInfo> plugins = new java.util.ArrayList<>(r.plugins());
            plugins.sort(java.util.Comparator.comparing((ExtensionRegistry.PluginInfo pl) -> !pl.id().equals("eres-core"))
                    .thenComparing(ExtensionRegistry.PluginInfo::id));
            for (ExtensionRegistry.PluginInfo pl : plugins) {
                out.printf("plugin %-22s %-8s %-11s %-12s sha256 %s%n", pl.id(), pl.version() == null ? "?" : pl.version(),
                        pl.trust() == null ? "-" : pl.trust(), pl.state(), pl.sha256() == null ? "-" : pl.sha256());
            }
            out.println("trust list: " + PluginTrust.defaultTrustFile() + " (a plugin runs with your rights; see 'eres plugins trust --help')");
            for (PluginProblem pr : r.problems()) out.println("problem: " + pr.message());
            for (String c : r.conflicts()) out.println("conflict: " + c);
            out.flush();
            r.requireNoConflicts();
            return 0;
        }
    }

    /** {@code eres plugins trust PLUGIN}: records the plugin's SHA-256 in the user's trust list. */
    @Command(name = "trust", description = "Allow a third-party plugin (jar or plugin directory) to run, by its SHA-256: "
            + "it will run with your rights. Changing the file makes it untrusted again.")
    static final class Trust implements Callable<Integer> {
        @Parameters(paramLabel = "PLUGIN", description = "plugin jar or directory")
        Path plugin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PluginTrust trust = PluginTrust.fromEnvironment();
            PluginTrust.Level before = trust.level(PluginFiles.read(plugin).sha256());
            PluginFiles.Candidate c = trust.trust(plugin);
            PrintWriter out = spec.commandLine().getOut();
            if (before == PluginTrust.Level.BUNDLED) {
                out.println("plugin " + c.label() + " is shipped with eres and trusted already (sha256 " + c.sha256() + ")");
            } else if (before == PluginTrust.Level.TRUSTED) {
                out.println("plugin " + c.label() + " is trusted already (sha256 " + c.sha256() + ", in " + trust.trustFile() + ")");
            } else {
                out.println("trusted plugin " + c.label() + " from " + plugin.toAbsolutePath().normalize() + " (sha256 " + c.sha256()
                        + "); recorded in " + trust.trustFile() + ". It runs with your rights; if the file changes it is untrusted again.");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code eres plugins untrust PLUGIN|SHA256}: removes a plugin from the trust list. */
    @Command(name = "untrust", description = "Remove a plugin (its current file, or a SHA-256) from the trust list.")
    static final class Untrust implements Callable<Integer> {
        @Parameters(paramLabel = "PLUGIN", description = "plugin jar or directory, or its SHA-256")
        String plugin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PluginTrust trust = PluginTrust.fromEnvironment();
            boolean removed = trust.untrust(plugin);
            PrintWriter out = spec.commandLine().getOut();
            out.println(removed ? "removed " + plugin + " from " + trust.trustFile() : plugin + " was not in " + trust.trustFile());
            out.flush();
            return 0;
        }
    }
}
