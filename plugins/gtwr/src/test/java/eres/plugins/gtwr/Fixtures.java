package eres.plugins.gtwr;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.ParameterBinder;
import eres.core.testing.TestData;
import eres.api.data.Panel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: fixtures and parameter binding as a chain file would do it. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static String resource(String path) {
        return TestData.resource(Fixtures.class, "/fixtures/" + path);
    }

    /** The Georgia counties as a one-period panel (entity AreaKey, time 1990). */
    static Panel georgia() {
        String[] lines = resource("georgia-gwr4/GData_utm.csv").split("\\R");
        StringBuilder sb = new StringBuilder(lines[0]).append(",year\n");
        for (int i = 1; i < lines.length; i++) if (!lines[i].isBlank()) sb.append(lines[i]).append(",1990\n");
        return TestData.panel(sb.toString(), "AreaKey", "year", null);
    }

    /** Binds a JSON object (kebab-case keys) to a parameter record, exactly as the chain runner does. */
    static <P> P bind(Class<P> type, String json) {
        try {
            return ParameterBinder.bind("test", JSON.readTree(json), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GWR4 listwise CSV: column name -> values by row. */
    static Map<String, double[]> listwise(String model) {
        String[] lines = resource("georgia-gwr4/georgia_" + model + "_listwise.csv").split("\\R");
        String[] head = lines[0].split(",");
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        for (String h : head) cols.put(h.trim(), new ArrayList<>());
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split(",");
            for (int k = 0; k < head.length; k++) cols.get(head[k].trim()).add(Double.parseDouble(f[k].trim()));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        cols.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** A number printed after {@code label} in the GWR result section of a GWR4 summary. */
    static double summary(String model, String label) {
        String text = resource("georgia-gwr4/georgia_" + model + "_summary.txt");
        int from = text.indexOf("GWR (Geographically weighted regression) result");
        return numberAfter(text, label, from);
    }

    /** A number after {@code label} in the global regression section. */
    static double globalSummary(String model, String label) {
        String text = resource("georgia-gwr4/georgia_" + model + "_summary.txt");
        int from = text.indexOf("Global regression result");
        return numberAfter(text, label, from);
    }

    static double numberAfter(String text, String label, int from) {
        int i = text.indexOf(label, from);
        if (i < 0) throw new IllegalArgumentException("no '" + label + "'");
        String rest = text.substring(i + label.length()).trim();
        return Double.parseDouble(rest.split("\\s+")[0]);
    }
}
