package eres.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: {@code src/test/resources/golden/<dir>/<name>} of the module under test, compared byte for
 * byte. Run the tests with {@code -Deres.golden.update=true} to rewrite them after an intended change
 * (then read the diff before committing it).
 */
public final class Golden {
    private Golden() {
    }

    public static void check(String dir, String name, byte[] actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", dir, name);
        if (Boolean.getBoolean("eres.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
        }
        assertThat(file).as("golden file " + file + " (run with -Deres.golden.update=true to create it)").exists();
        byte[] expected = Files.readAllBytes(file);
        if (!java.util.Arrays.equals(expected, actual)) {
            assertThat(new String(actual, StandardCharsets.UTF_8)).as("golden file " + file + " (byte for byte; -Deres.golden.update=true rewrites it)")
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual).as("golden file " + file + " byte for byte").isEqualTo(expected);
        }
    }

    public static void check(String dir, String name, String actual) throws IOException {
        check(dir, name, actual.getBytes(StandardCharsets.UTF_8));
    }
}
