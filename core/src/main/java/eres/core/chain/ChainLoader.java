package eres.core.chain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.EresException;
import eres.api.Limits;
import eres.api.SpecException;
import eres.api.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;


/**
 * Reads a chain file (YAML, or JSON for {@code .json}) into a {@link Chain}. Strict: unknown keys,
 * duplicate keys and wrong types are errors with the location and a did-you-mean hint. No
 * polymorphic typing is enabled, so a chain file cannot name Java classes.
 */
public final class ChainLoader {
    private ChainLoader() {
    }

    static LoaderOptions loaderOptions() {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(20);
        lo.setCodePointLimit((int) Limits.MAX_CHAIN_BYTES);
        lo.setAllowDuplicateKeys(false);
        return lo;
    }

    static ObjectMapper strictMapper(boolean yaml) {
        ObjectMapper m;
        if (yaml) {
            m = new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build());
        } else {
            m = new ObjectMapper();
        }
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    /** Loads and validates a chain file. */
    public static Chain load(Path file) {
        return ChainSource.read(file).parse();
    }

    /** Parses chain text; {@code name} decides the syntax ({@code .json} = JSON, otherwise YAML). */
    public static Chain parse(String name, String text) {
        boolean yaml = !name.toLowerCase(Locale.ROOT).endsWith(".json");
        if (text.isBlank()) throw new SpecException("chain", name + " is empty");
        if (yaml) rejectAnchorsAndAliases(name, text);
        ObjectMapper m = strictMapper(yaml);
        Chain chain;
        try {
            chain = m.readValue(text, Chain.class);
        } catch (JsonProcessingException e) {
            throw translate(name, e);
        } catch (RuntimeException e) {
            // snakeyaml reports some syntax problems (e.g. duplicate keys, alias limits) as runtime exceptions
            throw new SpecException("chain", name + ": " + firstLine(e.getMessage()));
        }
        if (chain == null) throw new SpecException("chain", name + " is not a chain file (empty or null document)");
        validate(chain);
        return chain;
    }

    /**
     * Chain files may not use YAML anchors ({@code &w}) or aliases ({@code *w}, also in merge keys
     * {@code <<: *w}). Jackson's YAML parser would read an alias as the plain text of the anchor's name
     * ({@code y: *w} as the column {@code w}), silently changing the model; resolving aliases would
     * lose the line numbers every message gives. Refused with the location of the first one.
     */
    static void rejectAnchorsAndAliases(String name, String text) {
        if (text.indexOf('&') < 0 && text.indexOf('*') < 0) return;
        String found = null;
        Mark mark = null;
        try {
            for (Event e : new Yaml(loaderOptions()).parse(new StringReader(text))) {
                if (e instanceof AliasEvent a) found = "alias '*" + a.getAnchor() + "'";
                else if (e instanceof NodeEvent n && n.getAnchor() != null) found = "anchor '&" + n.getAnchor() + "'";
                if (found != null) {
                    mark = e.getStartMark();
                    break;
                }
            }
        } catch (RuntimeException syntax) {
            // not well-formed YAML (snakeyaml signals it with runtime exceptions): the parse below reports it with its location
        }
        if (found != null) {
            throw new SpecException("chain", name + (mark == null ? "" : " line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1))
                    + ": YAML " + found + " is not supported in chain files (anchors, aliases and '<<' merge keys are"
                    + " refused); write the value out where it is used");
        }
    }

    static void validate(Chain chain) {
        List<SpecException.Problem> problems = new ArrayList<>();
        if (chain.name() == null || chain.name().isBlank()) problems.add(new SpecException.Problem("name", "is required"));
        if (chain.data() == null) problems.add(new SpecException.Problem("data", "is required"));
        if (chain.steps().isEmpty()) problems.add(new SpecException.Problem("steps", "must list at least one step"));
        for (int i = 0; i < chain.steps().size(); i++) problems.addAll(chain.steps().get(i).problems(i));
        if (!problems.isEmpty()) throw new SpecException(problems);
        List<String> ids = new ArrayList<>();
        for (StepSpec s : chain.steps()) {
            if (ids.contains(s.id())) problems.add(new SpecException.Problem("steps." + s.id(), "step id is used twice"));
            for (String need : s.needs()) {
                if (need.equals(s.id())) {
                    problems.add(new SpecException.Problem("steps." + s.id() + ".needs", "a step cannot need itself (cycle)"));
                } else if (!ids.contains(need)) {
                    boolean later = chain.steps().stream().anyMatch(o -> o.id().equals(need));
                    problems.add(new SpecException.Problem("steps." + s.id() + ".needs", later
                            ? "'" + need + "' comes later in the chain; steps run in file order, so this would be a cycle or a forward reference"
                            : "no step '" + need + "'" + Suggestions.hint(need, ids)));
                }
            }
            ids.add(s.id());
        }
        for (ReportSpec.CombinedTable t : chain.report().tables()) {
            for (String s : t.steps()) {
                if (!ids.contains(s)) {
                    problems.add(new SpecException.Problem("report.tables." + t.id(), "no step '" + s + "'" + Suggestions.hint(s, ids)));
                }
            }
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
    }

    /** Turns a Jackson problem into one line with location and hint. */
    static EresException translate(String name, JsonProcessingException e) {
        if (e instanceof ValueInstantiationException vie && vie.getCause() instanceof EresException ee) {
            String path = path(vie);
            return new SpecException(path, ee.getMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            String where = path(u);
            return new SpecException(where.isEmpty() ? "chain" : where, name + location(u.getLocation()) + ": unknown key '"
                    + u.getPropertyName() + "'" + Suggestions.hint(u.getPropertyName(), known)
                    + (known.isEmpty() ? "" : "; allowed: " + String.join(", ", known)));
        }
        if (e instanceof InvalidFormatException f) {
            return new SpecException(path(f), name + location(f.getLocation()) + ": '" + f.getValue() + "' is not a valid "
                    + typeName(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException mi) {
            return new SpecException(path(mi), name + location(mi.getLocation()) + ": expected " + typeName(mi.getTargetType())
                    + " (" + firstLine(mi.getOriginalMessage()) + ")");
        }
        if (e instanceof JsonMappingException jm && jm.getCause() instanceof EresException ee) {
            return new SpecException(path(jm), ee.getMessage());
        }
        return new SpecException("chain", name + location(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String location(JsonLocation l) {
        if (l == null || l.getLineNr() < 1) return "";
        return " line " + l.getLineNr() + " column " + l.getColumnNr();
    }

    static String typeName(Class<?> c) {
        if (c == null) return "a value";
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) return "an integer";
        if (c == Double.class || c == double.class) return "a number";
        if (c == Boolean.class || c == boolean.class) return "true or false";
        if (c == String.class) return "text";
        if (List.class.isAssignableFrom(c) || c.isArray()) return "a list";
        if (java.util.Map.class.isAssignableFrom(c)) return "a map";
        if (c.isRecord()) return "a map";
        return c.getSimpleName();
    }

    static String firstLine(String s) {
        if (s == null) return "invalid input";
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }
}
