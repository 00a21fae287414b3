package eres.api;

import eres.api.result.OutputNames;

/**
 * Names that become files or panel columns, injectable ({@code @Inject OutputNaming}): one rule for the
 * whole platform ({@link OutputNames}), and the prefix the runner gives this step's figures and side
 * files ({@code <step>} or {@code <step>--<group>}), so a plugin can refer to its own outputs in notes.
 */
public interface OutputNaming {
    /** The prefix of this step run's output files ({@code figures/<prefix>-<figure id>.svg}). */
    String prefix();

    /** {@code name} if it is a safe output name, else a {@link SpecException} naming {@code path}. */
    default String requireSafe(String path, String name) {
        if (!OutputNames.isSafe(name)) {
            throw new SpecException(path, "'" + name + "' is not a safe output name (letters, digits, . _ - only)");
        }
        return name;
    }

    /** A safe name derived from user data (group labels, variable names). */
    default String sanitize(String raw) {
        return OutputNames.sanitize(raw);
    }
}
