package eres.api.result;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A side file for large per-observation output (e.g. GTWR local estimates as CSV), written by the
 * runner to {@code files/<step>-<name>} instead of being embedded in {@code results.json}.
 */
public record DataFile(String name, String mediaType, @JsonIgnore String content) {
    public DataFile {
        OutputNames.requireSafe(name);
    }
}
