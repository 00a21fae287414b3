package eres.core.testing;

import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers shared by plugins (core's test-jar): panels from CSV fixtures. */
public final class TestData {
    private TestData() {
    }

    /** A panel from CSV text; all numeric columns loaded, missing values an error. */
    public static Panel panel(String csv, String entity, String time, String group) {
        RawTable raw = CsvReader.parse("test.csv", csv, ',');
        return PanelLoader.load(raw, new DataSpec("test.csv", entity, time, group, null, "error", null)).panel();
    }

    /** A panel from CSV text loading only {@code variables} (others kept as text). */
    public static Panel panel(String csv, String entity, String time, String group, List<String> variables) {
        RawTable raw = CsvReader.parse("test.csv", csv, ',');
        return PanelLoader.load(raw, new DataSpec("test.csv", entity, time, group, variables, "error", null)).panel();
    }

    /** A classpath resource as text (relative to the class's package when not starting with '/'). */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String file(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
