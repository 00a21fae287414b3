package eres.plugins.studychina;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The planted parameters of a simulated panel as JSON ({@code eres simulate study --truth FILE}). */
final class TruthJson {
    private TruthJson() {
    }

    static String of(SimulatedStudy sim) {
        StudyParameters p = sim.truth().parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", "synthetic study panel (not real data)");
        m.put("seed", sim.seed());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("rho", p.rho());
        q.put("gamma1", p.gamma1());
        q.put("gamma2", p.gamma2());
        q.put("gammaNortheast", p.gammaNortheast());
        q.put("beta", p.beta());
        q.put("betaNortheast", p.betaNortheast());
        Map<String, Object> controls = new LinkedHashMap<>();
        for (int i = 0; i < StudyParameters.CONTROLS.size(); i++) controls.put("ln_" + StudyParameters.CONTROLS.get(i), p.controls().get(i));
        q.put("controls", controls);
        q.put("bDiv", p.bDiv());
        q.put("bSpe", p.bSpe());
        q.put("trend", p.trend());
        q.put("aDiv", p.aDiv());
        q.put("aSpe", p.aSpe());
        q.put("speOnIntNoise", p.speOnIntNoise());
        q.put("intIntercept", p.intIntercept());
        q.put("intSlope", p.intSlope());
        q.put("intOnNat", p.intOnNat());
        q.put("sdIntNoise", p.sdIntNoise());
        q.put("optOnInstrument", p.optOnInstrument());
        q.put("sdShock", p.sdShock());
        q.put("sdIndicatorNoise", p.sdIndicatorNoise());
        m.put("parameters", q);
        m.put("designSeed", StudySimulation.DESIGN_SEED);
        m.put("clampedCells", sim.truth().clampedCells());
        m.put("documentation", "docs/synthetic-data.md");
        StringBuilder sb = new StringBuilder();
        write(sb, m, "");
        return sb.append('\n').toString();
    }

    /** JSON of maps, lists, arrays, numbers and strings, two-space indented. */
    static void write(StringBuilder sb, Object v, String indent) {
        if (v instanceof Map<?, ?> map) {
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(indent).append("  ");
                string(sb, String.valueOf(e.getKey()));
                sb.append(" : ");
                write(sb, e.getValue(), indent + "  ");
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double d : a) l.add(d);
            write(sb, l, indent);
        } else if (v instanceof List<?> list) {
            sb.append("[ ");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(", ");
                write(sb, list.get(i), indent);
            }
            sb.append(" ]");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) throw new IllegalArgumentException("non-finite planted parameter");
            sb.append(d);
        } else {
            sb.append(String.valueOf(v).toLowerCase(Locale.ROOT).equals("null") ? "null" : String.valueOf(v));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        sb.append('"');
    }
}
