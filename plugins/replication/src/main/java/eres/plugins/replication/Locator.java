package eres.plugins.replication;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a published number sits in a run's results: {@code step[--group]: path}, the path a sequence of
 * keys and selectors over the step's result as it appears in {@code results.json}:
 * <ul>
 *   <li>{@code key} (separated by {@code .}): the member of an object;</li>
 *   <li>{@code [field=value]} on an array: the elements whose {@code field} equals {@code value} (text, or a
 *       number compared numerically);</li>
 *   <li>{@code [#i]}: the i-th element (0-based);</li>
 *   <li>{@code [nearest=v]}: the element whose {@code value} member is nearest to v;</li>
 *   <li>{@code [order=k]}: the element with the k-th smallest {@code value} member (0-based), e.g. the lower of
 *       two thresholds.</li>
 * </ul>
 * Selectors narrow an array; the path continues on its first element. Example:
 * {@code t5-opt: thresholds[model=2][nearest=5.0632]}.
 *
 * @param step the step id, with {@code --group} for a result of a per-group step
 * @param path the path after the colon (may be empty: the whole result)
 */
record Locator(String step, String path) {

    static Locator parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) throw new SpecException("published", "locator '" + text + "' is not 'step: path'");
        return new Locator(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    /** The node the path names in {@code root}, or null when a key or selector finds nothing. */
    JsonNode resolve(JsonNode root) {
        JsonNode cur = root;
        List<String> tokens = tokens(path);
        List<JsonNode> selection = null;
        for (String tok : tokens) {
            if (cur == null) return null;
            if (tok.startsWith("[")) {
                if (selection == null) {
                    if (!cur.isArray()) return null;
                    selection = new ArrayList<>();
                    cur.forEach(selection::add);
                }
                selection = select(selection, tok.substring(1, tok.length() - 1));
                cur = selection.isEmpty() ? null : selection.get(0);
            } else {
                selection = null;
                cur = cur.get(tok);
            }
        }
        return cur;
    }

    private static List<JsonNode> select(List<JsonNode> in, String sel) {
        List<JsonNode> out = new ArrayList<>();
        if (sel.startsWith("#")) {
            int i = Integer.parseInt(sel.substring(1));
            if (i < in.size()) out.add(in.get(i));
            return out;
        }
        int eq = sel.indexOf('=');
        if (eq < 0) throw new SpecException("published", "selector [" + sel + "] is not [field=value], [#i] or [nearest=v]");
        String field = sel.substring(0, eq);
        String value = sel.substring(eq + 1);
        if (field.equals("order")) {
            List<JsonNode> sorted = new ArrayList<>();
            for (JsonNode n : in) if (n.get("value") != null && n.get("value").isNumber()) sorted.add(n);
            sorted.sort((a, b) -> Double.compare(a.get("value").asDouble(), b.get("value").asDouble()));
            int k = Integer.parseInt(value);
            if (k < sorted.size()) out.add(sorted.get(k));
            return out;
        }
        if (field.equals("nearest")) {
            double target = Double.parseDouble(value);
            JsonNode best = null;
            for (JsonNode n : in) {
                JsonNode v = n.get("value");
                if (v == null || !v.isNumber()) continue;
                if (best == null || Math.abs(v.asDouble() - target) < Math.abs(best.get("value").asDouble() - target)) best = n;
            }
            if (best != null) out.add(best);
            return out;
        }
        for (JsonNode n : in) {
            JsonNode v = n.get(field);
            if (v == null) continue;
            if (v.isNumber() ? isNumber(value) && v.asDouble() == Double.parseDouble(value) : v.asText().equals(value)) out.add(n);
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Keys and bracketed selectors; dots inside brackets belong to the selector. */
    static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '[') {
                if (cur.length() > 0) out.add(cur.toString());
                int close = path.indexOf(']', i);
                if (close < 0) throw new SpecException("published", "unclosed [ in locator path '" + path + "'");
                out.add(path.substring(i, close + 1));
                cur.setLength(0);
                i = close;
            } else if (c == '.') {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
