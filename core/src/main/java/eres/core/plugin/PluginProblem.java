package eres.core.plugin;

/** A plugin (or one of its extensions) that could not be used, with the reason. */
public record PluginProblem(String pluginId, String path, String message) {
}
