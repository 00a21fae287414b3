package eres.app.fuzz;

import eres.api.EresException;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that parses user input: chain files (YAML and JSON),
 * step parameters, CSV data with the panel loader, and transforms; one class per target so that CI can
 * fuzz them all in one run (Jazzer fuzzes one target per JVM). The property: nothing but the
 * documented {@link EresException}, with a one-line message, escapes; anything else is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) each target replays its corpus under
 * {@code src/test/resources/eres/app/fuzz/<Class>Inputs/fuzz/} (regression mode, including every
 * finding so far). {@code .ci/fuzz} fuzzes every target for a fixed time ({@code JAZZER_FUZZ=1}).
 */
final class FuzzSupport {
    private FuzzSupport() {
    }

    static void expectOnlyEresErrors(Runnable r) {
        try {
            r.run();
        } catch (EresException expected) {
            if (expected.getMessage() == null || expected.getMessage().contains("\n")) {
                throw new AssertionError("error message must be one line: " + expected.getMessage());
            }
        }
    }
}
