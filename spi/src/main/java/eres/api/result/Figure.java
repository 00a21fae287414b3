package eres.api.result;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A figure as a self-contained SVG document (no external references, no network). {@code id} becomes
 * the file name {@code figures/<step>-<id>.svg}.
 */
public record Figure(String id, String title, @JsonIgnore String svg, String caption) {
    public Figure {
        OutputNames.requireSafe(id);
    }
}
