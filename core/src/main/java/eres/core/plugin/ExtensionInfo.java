package eres.core.plugin;

import eres.spi.Extension;
import eres.spi.ExtensionKind;

/** A discovered extension and where it came from. */
public record ExtensionInfo(String id, ExtensionKind kind, String description, String pluginId, String pluginVersion,
                            Extension<?> extension) {
}
