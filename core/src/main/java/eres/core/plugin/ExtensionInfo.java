package eres.core.plugin;

import eres.api.Extension;
import eres.api.ExtensionKind;

/** A discovered extension and where it came from. */
public record ExtensionInfo(String id, ExtensionKind kind, String description, String pluginId, String pluginVersion,
                            Extension<?> extension) {
}
