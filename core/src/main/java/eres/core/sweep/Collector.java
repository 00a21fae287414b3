package eres.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.core.chain.RunResult;
import eres.core.chain.StepOutcome;
import eres.core.report.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the collected quantities of one specification from its run, by the same paths
 * {@code results.json} has: {@code steps.ID[GROUP].coefficients[TERM].estimate}.
 *
 * <ul>
 *   <li>{@code steps.ID} is the step's full-sample result, {@code steps.ID[east]} its run for group east;</li>
 *   <li>{@code .key} a key of a map, {@code [2]} a list position (0-based), {@code [ln_opt]} the list
 *       element whose {@code term}, {@code name}, {@code id} or {@code label} is {@code ln_opt};</li>
 *   <li>{@code {proxy}} is replaced by the specification's label in dimension {@code proxy} first.</li>
 * </ul>
 */
final class Collector {
    private static final Pattern DIMENSION_REFERENCE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");
    private static final List<String> ELEMENT_KEYS = List.of("term", "name", "id", "label");

    private Collector() {
    }

    /** A value that could not be read, and why (for the first specification's check). */
    record Missing(String why) {
    }

    /** A path with its {@code {dimension}} references filled in. */
    record Path(String text, String step, String group, List<String> parts) {

        /** Checks the syntax, the {@code {dimension}} references and the step id of {@code text} (references not yet filled in). */
        static void parse(String text, String where, Collection<String> dimensions, JsonNode chain) {
            Matcher m = DIMENSION_REFERENCE.matcher(text);
            while (m.find()) {
                if (!dimensions.contains(m.group(1))) {
                    throw new SpecException(where, "'" + text + "': {" + m.group(1) + "} is not a dimension" + Suggestions.hint(m.group(1), dimensions)
                            + "; dimensions: " + String.join(", ", dimensions));
                }
            }
            String plain = m.replaceAll("x");
            List<String> ids = new ArrayList<>();
            for (JsonNode s : chain.path("steps")) if (s.path("id").isTextual()) ids.add(s.path("id").asText());
            of(plain, where, ids);
        }

        /** Parses a path whose {@code {dimension}} references are filled in; {@code ids} are the chain's step ids. */
        static Path of(String text, String where, List<String> ids) {
            if (!text.startsWith("steps.")) {
                throw new SpecException(where, "'" + text + "': a collected path starts with steps.ID (a step's result in results.json)");
            }
            String rest = text.substring("steps.".length());
            String best = null;
            for (String id : ids) {
                if (rest.startsWith(id) && (rest.length() == id.length() || rest.charAt(id.length()) == '.' || rest.charAt(id.length()) == '[')
                        && (best == null || id.length() > best.length())) best = id;
            }
            if (best == null) {
                String given = rest.split("[.\\[]", 2)[0];
                throw new SpecException(where, "'" + text + "': no step '" + given + "'" + Suggestions.hint(given, ids) + "; steps: " + String.join(", ", ids));
            }
            rest = rest.substring(best.length());
            String group = null;
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) throw new SpecException(where, "'" + text + "': '[' without ']'");
                group = rest.substring(1, close);
                rest = rest.substring(close + 1);
            }
            List<String> parts = new ArrayList<>();
            int i = 0;
            while (i < rest.length()) {
                char c = rest.charAt(i);
                if (c == '.') {
                    int j = i + 1;
                    while (j < rest.length() && rest.charAt(j) != '.' && rest.charAt(j) != '[') j++;
                    if (j == i + 1) throw new SpecException(where, "'" + text + "': empty key");
                    parts.add(rest.substring(i + 1, j));
                    i = j;
                } else if (c == '[') {
                    int close = rest.indexOf(']', i);
                    if (close < 0) throw new SpecException(where, "'" + text + "': '[' without ']'");
                    parts.add(rest.substring(i, close + 1));
                    i = close + 1;
                } else {
                    throw new SpecException(where, "'" + text + "': expected '.' or '['");
                }
            }
            if (parts.isEmpty()) throw new SpecException(where, "'" + text + "': names a whole step result; add the value, e.g. .coefficients[0].estimate");
            return new Path(text, best, group, parts);
        }
    }

    /** Fills in the {@code {dimension}} references with the specification's labels. */
    static String fill(String text, Map<String, String> labels) {
        Matcher m = DIMENSION_REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), m.group())));
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The collected values of a run, in the order of {@code paths}: {@code Long}, {@code Double},
     * {@code String}, {@code Boolean}, {@code null} (JSON null or non-finite), or {@link Missing}.
     */
    static List<Object> collect(RunResult run, Map<String, String> paths, Map<String, String> labels, List<String> ids) {
        Map<String, JsonNode> trees = new HashMap<>();
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, String> e : paths.entrySet()) {
            Path p = Path.of(fill(e.getValue(), labels), "sweep.collect." + e.getKey(), ids);
            String key = p.step() + "\u0000" + p.group();
            JsonNode tree = trees.computeIfAbsent(key, k -> tree(run, p));
            out.add(tree == null ? new Missing("step '" + p.step() + "'" + (p.group() == null ? "" : " group '" + p.group() + "'")
                    + " has no result (it failed, or the group does not occur)") : read(tree, p));
        }
        return out;
    }

    private static JsonNode tree(RunResult run, Path p) {
        for (StepOutcome o : run.outcomes()) {
            if (o.stepId().equals(p.step()) && java.util.Objects.equals(o.group(), p.group()) && !o.failed()) {
                return Json.mapper().valueToTree(o.result());
            }
        }
        return null;
    }

    private static Object read(JsonNode tree, Path p) {
        JsonNode cur = tree;
        StringBuilder at = new StringBuilder("steps." + p.step() + (p.group() == null ? "" : "[" + p.group() + "]"));
        for (String part : p.parts()) {
            if (part.startsWith("[")) {
                String inner = part.substring(1, part.length() - 1);
                if (!cur.isArray()) return new Missing(at + " is not a list");
                JsonNode next = null;
                if (inner.matches("\\d{1,9}")) {
                    int i = Integer.parseInt(inner);
                    if (i < cur.size()) next = cur.get(i);
                    else return new Missing(at + " has " + cur.size() + " entries, no [" + i + "]");
                } else {
                    List<String> names = new ArrayList<>();
                    for (JsonNode el : cur) {
                        for (String k : ELEMENT_KEYS) {
                            if (el.path(k).isTextual()) {
                                names.add(el.path(k).asText());
                                if (el.path(k).asText().equals(inner) && next == null) next = el;
                                break;
                            }
                        }
                    }
                    if (next == null) return new Missing(at + " has no entry '" + inner + "'" + Suggestions.hint(inner, names) + "; entries: " + String.join(", ", names));
                }
                cur = next;
            } else {
                if (!cur.isObject()) return new Missing(at + " is not a map");
                JsonNode next = cur.get(part);
                if (next == null) {
                    List<String> keys = new ArrayList<>();
                    for (Iterator<String> it = cur.fieldNames(); it.hasNext(); ) keys.add(it.next());
                    return new Missing(at + " has no key '" + part + "'" + Suggestions.hint(part, keys) + "; keys: " + String.join(", ", keys));
                }
                cur = next;
            }
            at.append(part.startsWith("[") ? part : "." + part);
        }
        if (cur.isNull()) return null;
        if (cur.isIntegralNumber() && cur.canConvertToLong()) return cur.asLong();
        if (cur.isNumber()) return cur.asDouble();
        if (cur.isTextual()) return cur.asText();
        if (cur.isBoolean()) return cur.asBoolean();
        return new Missing(at + " is a " + (cur.isArray() ? "list" : "map") + ", not a value");
    }
}
