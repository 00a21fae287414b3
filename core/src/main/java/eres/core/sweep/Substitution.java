package eres.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.SpecException;
import eres.api.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One substitution of a sweep alternative: a value put at a path of the chain.
 *
 * <p>Paths: keys separated by dots ({@code data.seed}, {@code weights.wg.power}), list positions in
 * brackets ({@code transforms[2]}), {@code [+]} to append to a list ({@code transforms[+]}), and steps
 * by id ({@code steps.fe.with.controls}). Every part but the last must exist in the chain; the last
 * may be a new key (a parameter the chain leaves at its default). A value at a step
 * ({@code steps.index}) must be a map whose keys replace the step's own (its id stays); anywhere else
 * the value replaces what is there.
 */
public record Substitution(Path path, JsonNode value) {

    /** Puts the value into {@code chain} (Modified). */
    void apply(ObjectNode chain) {
        path.put(chain, value.deepCopy());
    }

    /** A parsed path. */
    public record Path(String text, List<Segment> segments) {
        public Path {
            segments = List.copyOf(segments);
        }

        /** One part: a map key, a step id, a list position, or "append". */
        record Segment(Kind kind, String key, int index) {
            enum Kind { KEY, STEP, INDEX, APPEND }

            @Override
            public String toString() {
                return switch (kind) {
                    case KEY, STEP -> key;
                    case INDEX -> "[" + index + "]";
                    case APPEND -> "[+]";
                };
            }
        }

        /**
         * Parses {@code text} and checks it against {@code chain}.
         *
         * @throws SpecException naming {@code where} and the first part that does not exist
         */
        static Path parse(String text, String where, JsonNode chain) {
            List<Segment> segs = new ArrayList<>();
            String t = text.strip();
            if (t.isEmpty()) throw new SpecException(where, "is an empty path");
            int i = 0;
            boolean first = true;
            while (i < t.length()) {
                if (t.charAt(i) == '[') {
                    int close = t.indexOf(']', i);
                    if (close < 0) throw new SpecException(where, "'" + text + "': '[' without ']'");
                    String inner = t.substring(i + 1, close).strip();
                    if (inner.equals("+")) {
                        segs.add(new Segment(Segment.Kind.APPEND, null, -1));
                    } else if (inner.matches("\\d{1,6}")) {
                        segs.add(new Segment(Segment.Kind.INDEX, null, Integer.parseInt(inner)));
                    } else {
                        throw new SpecException(where, "'" + text + "': a list position is a number or '+', got [" + inner + "]");
                    }
                    i = close + 1;
                    continue;
                }
                if (!first) {
                    if (t.charAt(i) != '.') throw new SpecException(where, "'" + text + "': expected '.' or '[' at character " + (i + 1));
                    i++;
                }
                first = false;
                if (!segs.isEmpty() && segs.size() == 1 && segs.get(0).kind() == Segment.Kind.KEY && segs.get(0).key().equals("steps")) {
                    String id = stepId(t, i, chain, text, where);
                    segs.add(new Segment(Segment.Kind.STEP, id, -1));
                    i += id.length();
                    continue;
                }
                int j = i;
                while (j < t.length() && t.charAt(j) != '.' && t.charAt(j) != '[') j++;
                if (j == i) throw new SpecException(where, "'" + text + "': empty key at character " + (i + 1));
                segs.add(new Segment(Segment.Kind.KEY, t.substring(i, j), -1));
                i = j;
            }
            Path p = new Path(text, segs);
            p.check(chain, where);
            return p;
        }

        /** The longest step id of the chain that starts at {@code from} and ends at a '.', '[' or the end. */
        private static String stepId(String t, int from, JsonNode chain, String text, String where) {
            List<String> ids = new ArrayList<>();
            for (JsonNode s : chain.path("steps")) if (s.path("id").isTextual()) ids.add(s.path("id").asText());
            String best = null;
            for (String id : ids) {
                if (t.startsWith(id, from)) {
                    int end = from + id.length();
                    if ((end == t.length() || t.charAt(end) == '.' || t.charAt(end) == '[') && (best == null || id.length() > best.length())) best = id;
                }
            }
            if (best == null) {
                int j = from;
                while (j < t.length() && t.charAt(j) != '.' && t.charAt(j) != '[') j++;
                String given = t.substring(from, j);
                throw new SpecException(where, "'" + text + "': no step '" + given + "'" + Suggestions.hint(given, ids) + "; steps: " + String.join(", ", ids));
            }
            return best;
        }

        /** Every part but the last must exist; the last may be a new map key or an append. */
        private void check(JsonNode chain, String where) {
            JsonNode cur = chain;
            StringBuilder at = new StringBuilder();
            for (int k = 0; k < segments.size(); k++) {
                Segment s = segments.get(k);
                boolean last = k == segments.size() - 1;
                String here = at.length() == 0 ? "the chain" : at.toString();
                switch (s.kind()) {
                    case KEY -> {
                        if (cur != null && !cur.isObject()) throw new SpecException(where, "'" + text + "': " + here + " is not a map");
                        JsonNode next = cur == null ? null : cur.get(s.key());
                        if (next == null && !last) {
                            // a missing list may be appended to (transforms[+] in a chain without transforms)
                            boolean appendNext = k + 1 < segments.size() && segments.get(k + 1).kind() == Segment.Kind.APPEND && k + 2 == segments.size();
                            if (!appendNext) {
                                List<String> keys = new ArrayList<>();
                                if (cur != null) cur.fieldNames().forEachRemaining(keys::add);
                                throw new SpecException(where, "'" + text + "': " + here + " has no '" + s.key() + "'" + Suggestions.hint(s.key(), keys)
                                        + (keys.isEmpty() ? "" : "; it has: " + String.join(", ", keys)));
                            }
                        }
                        cur = next;
                    }
                    case STEP -> {
                        JsonNode found = null;
                        for (JsonNode st : chain.path("steps")) if (s.key().equals(st.path("id").asText(null))) found = st;
                        cur = found;
                        if (last && found != null && !found.isObject()) throw new SpecException(where, "'" + text + "': step is not a map");
                    }
                    case INDEX -> {
                        if (cur == null || !cur.isArray()) throw new SpecException(where, "'" + text + "': " + here + " is not a list");
                        if (s.index() >= cur.size()) {
                            throw new SpecException(where, "'" + text + "': " + here + " has " + cur.size() + " entries (positions 0.." + (cur.size() - 1) + ")");
                        }
                        cur = cur.get(s.index());
                    }
                    case APPEND -> {
                        if (!last) throw new SpecException(where, "'" + text + "': '[+]' (append) can only end a path");
                        if (cur != null && !cur.isArray()) throw new SpecException(where, "'" + text + "': " + here + " is not a list");
                    }
                }
                at.append(at.length() == 0 || s.kind() == Segment.Kind.INDEX || s.kind() == Segment.Kind.APPEND ? "" : ".").append(s);
            }
            if (segments.get(0).kind() == Segment.Kind.KEY && segments.get(0).key().equals("sweep")) {
                throw new SpecException(where, "'" + text + "': a sweep cannot substitute into its own sweep: block");
            }
            if (segments.size() == 1 && segments.get(0).kind() == Segment.Kind.KEY && segments.get(0).key().equals("steps")) {
                throw new SpecException(where, "'" + text + "': substitute into one step (steps.ID...), not the whole list");
            }
        }

        /** Puts {@code value} at this path of {@code root} (Modified). */
        void put(ObjectNode root, JsonNode value) {
            JsonNode cur = root;
            for (int k = 0; k < segments.size(); k++) {
                Segment s = segments.get(k);
                boolean last = k == segments.size() - 1;
                switch (s.kind()) {
                    case KEY -> {
                        ObjectNode o = (ObjectNode) cur;
                        if (last) {
                            o.set(s.key(), value);
                            return;
                        }
                        JsonNode next = o.get(s.key());
                        if (next == null) {
                            next = o.arrayNode();   // checked: only an appended list may be missing
                            o.set(s.key(), next);
                        }
                        cur = next;
                    }
                    case STEP -> {
                        ObjectNode step = null;
                        for (JsonNode st : root.path("steps")) if (s.key().equals(st.path("id").asText(null))) step = (ObjectNode) st;
                        if (step == null) throw new SpecException(text, "no step '" + s.key() + "' (a substitution removed it)");
                        if (last) {
                            if (!value.isObject()) {
                                throw new SpecException(text, "a step is replaced by a map of its keys ({use: ..., with: {...}}), got " + value);
                            }
                            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                                String key = it.next();
                                if (!key.equals("id")) step.set(key, value.get(key));
                            }
                            return;
                        }
                        cur = step;
                    }
                    case INDEX -> {
                        ArrayNode a = (ArrayNode) cur;
                        if (last) {
                            a.set(s.index(), value);
                            return;
                        }
                        cur = a.get(s.index());
                    }
                    case APPEND -> ((ArrayNode) cur).add(value);
                }
            }
        }
    }
}
