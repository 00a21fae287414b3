package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.Choices;
import eres.api.EresException;
import eres.app.wiring.Platform;
import eres.core.chain.ParameterBinder;
import eres.core.chain.ParameterBinder.ParameterDoc;
import eres.core.plugin.ExtensionInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The one generic test of documented defaults, over every extension of the distribution (built-in and
 * bundled plugins): for each parameter {@code eres describe} lists,
 * <ul>
 *   <li>a literal default ({@code @Param(defaultValue)}) binds to the same record as leaving the
 *       parameter out;</li>
 *   <li>a computed default ({@code @Param(computedDefault)}) and a parameter without a default bind
 *       {@code null} when left out (the step decides at run time);</li>
 *   <li>a required parameter left out is an error naming it.</li>
 * </ul>
 * and {@code docs/parameters.md}, the parameter reference, is exactly what {@code describe} prints
 * (regenerate it with {@code -Deres.docs.write=true}).
 */
class DocumentedDefaultsIT {
    static final Path DIST = Path.of(System.getProperty("eres.dist", "target/eres"));
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final ObjectMapper YAML = new YAMLMapper();

    /**
     * Known violations, each to be removed by the plugin's owner when its parameter record is converted
     * (issue 20 item 4: enums instead of re-parsed strings, defaults applied in the record, computed
     * defaults marked as such). The list may only shrink: an entry that passes fails this test.
     * Keys are {@code extension-id:parameter}.
     */
    static final java.util.Set<String> KNOWN = java.util.Set.of(
            // panel-fe, iv, mediation, threshold: computed defaults (from the inference layer) written as literals
            "panel-fe:cluster", "iv-2sls:cluster", "mediation:cluster",
            "iv-2sls:dk-lag", "iv-2sls:wild-bootstrap", "mediation:dk-lag", "panel-fe:dk-lag", "panel-fe:wild-bootstrap",
            "threshold:cluster", "threshold:dk-lag", "threshold:wild-bootstrap",
            // gmm: defaults derived from y and x are filled in by the record
            "gmm:gmm", "gmm:iv",
            // sdm family: durbin defaults to the regressors
            "sdm:durbin", "sar:durbin", "sem:durbin", "slx:durbin",
            // gwr, gtwr: bandwidth range, coordinates, periods and map terms come from the data
            "gtwr:bandwidth", "gtwr:bandwidth-min", "gtwr:bandwidth-max", "gtwr:interval-step", "gtwr:lat", "gtwr:lon",
            "gtwr:tau", "gtwr:tau-range", "gtwr:map-terms", "gtwr:periods",
            "gwr:bandwidth", "gwr:bandwidth-min", "gwr:bandwidth-max", "gwr:interval-step", "gwr:lat", "gwr:lon",
            "gwr:map-terms", "gwr:periods");

    @Test
    void everyDocumentedDefaultIsTheBoundDefault() throws Exception {
        Map<String, String> failures = new java.util.TreeMap<>();
        int checked = 0;
        try (Platform p = new Platform(DIST.resolve("plugins"), 1, false)) {
            assertThat(p.registry().problems()).isEmpty();
            for (ExtensionInfo e : p.registry().all()) {
                Class<?> type = e.extension().parameterType();
                if (!type.isRecord()) continue;
                String who = e.kind().label() + " '" + e.id() + "'";
                java.util.function.BiConsumer<String, String> fail = (param, msg) -> failures.put(e.id() + ":" + param, msg);
                List<ParameterDoc> docs = ParameterBinder.describe(type);
                ObjectNode minimal = JsonNodeFactory.instance.objectNode();
                for (ParameterDoc d : docs) {
                    if (d.required() && !d.name().contains(".")) minimal.set(d.name(), example(component(type, d.name())));
                }
                Object base;
                try {
                    base = ParameterBinder.bind("with", minimal, type);
                } catch (EresException ex) {
                    fail.accept("*", who + ": the required parameters " + minimal + " alone do not bind: " + ex.getMessage());
                    continue;
                }
                for (ParameterDoc d : docs) {
                    checked++;
                    if (d.required()) {
                        if (d.name().contains(".")) continue;
                        ObjectNode without = minimal.deepCopy();
                        without.remove(d.name());
                        try {
                            ParameterBinder.bind("with", without, type);
                            fail.accept(d.name(), who + ": '" + d.name() + "' is documented as required but binds without it");
                        } catch (EresException ex) {
                            if (!ex.getMessage().contains(d.name())) fail.accept(d.name(), who + ": leaving out '" + d.name() + "' fails without naming it: " + ex.getMessage());
                        }
                        continue;
                    }
                    Object value = valueAt(base, d.name());
                    if (d.computed() || d.defaultValue().isEmpty()) {
                        if (value != null) {
                            fail.accept(d.name(), who + ": '" + d.name() + "' has " + (d.computed() ? "the computed default '" + d.defaultValue() + "'" : "no documented default")
                                    + " but binds " + value + " when left out" + (d.computed() ? "" : " (document it with @Param(defaultValue = ...))"));
                        }
                        continue;
                    }
                    ObjectNode with = minimal.deepCopy();
                    JsonNode literal;
                    try {
                        literal = YAML.readTree(d.defaultValue());
                        // a text parameter's default is text even where it reads as YAML ("Replication: published ...")
                        if (literal.isObject() && valueAt(base, d.name()) instanceof String) literal = JsonNodeFactory.instance.textNode(d.defaultValue());
                    } catch (Exception ex) {
                        literal = JsonNodeFactory.instance.textNode(d.defaultValue());    // e.g. ',' is text, not YAML
                    }
                    put(with, d.name(), literal);
                    try {
                        Object explicit = ParameterBinder.bind("with", with, type);
                        if (!Objects.equals(explicit, base)) {
                            fail.accept(d.name(), who + ": '" + d.name() + "' documents the default '" + d.defaultValue() + "' which binds "
                                    + valueAt(explicit, d.name()) + ", but leaving it out binds " + value);
                        }
                    } catch (EresException ex) {
                        fail.accept(d.name(), who + ": the documented default of '" + d.name() + "', '" + d.defaultValue() + "', does not bind: " + ex.getMessage());
                    }
                }
            }
        }
        List<String> unexpected = failures.entrySet().stream().filter(f -> !KNOWN.contains(f.getKey())).map(Map.Entry::getValue).toList();
        List<String> fixed = KNOWN.stream().filter(k -> !failures.containsKey(k)).toList();
        assertThat(unexpected).as("documented vs bound defaults").isEmpty();
        assertThat(fixed).as("entries of KNOWN that now pass: remove them").isEmpty();
        assertThat(checked).as("parameters checked").isGreaterThan(150);
    }

    @Test
    void theParameterReferenceInDocsIsWhatDescribePrints() throws Exception {
        String text;
        try (Platform p = new Platform(DIST.resolve("plugins"), 1, false)) {
            text = reference(p);
        }
        Path doc = REPO.resolve("docs/parameters.md");
        if (Boolean.getBoolean("eres.docs.write")) Files.writeString(doc, text, StandardCharsets.UTF_8);
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/parameters.md is generated from eres describe; regenerate with -Deres.docs.write=true").isEqualTo(text);
    }

    /** The generated parameter reference of every bundled extension. */
    static String reference(Platform p) {
        StringBuilder sb = new StringBuilder("""
                # Parameters of every bundled extension

                Generated from the parameter records (what `eres describe ID` prints) by `DocumentedDefaultsIT`, which
                also checks that every default below is the one the chain binder applies. Keys are written under a
                step's `with:` (writers: `report: {options: {ID: ...}}`, readers: the `data:` block). A name
                `a.b` is key `b` of the nested block `a`. Enum values accept the listed aliases in any case.
                """);
        for (ExtensionInfo e : p.registry().all()) {
            sb.append("\n## ").append(e.id()).append(" (").append(e.kind().label()).append(", plugin ").append(e.pluginId()).append(")\n\n");
            sb.append(e.description()).append("\n\n");
            List<ParameterDoc> docs = ParameterBinder.describe(e.extension().parameterType());
            if (docs.isEmpty()) {
                sb.append("No parameters.\n");
                continue;
            }
            sb.append("| parameter | type | default | meaning |\n|---|---|---|---|\n");
            for (ParameterDoc d : docs) {
                String dflt = d.required() ? "required" : d.defaultValue().isEmpty() ? "none" : d.computed() ? d.defaultValue() : "`" + d.defaultValue() + "`";
                StringBuilder meaning = new StringBuilder(d.description());
                for (Map.Entry<String, List<String>> a : d.aliases().entrySet()) {
                    meaning.append("; `").append(a.getKey()).append("` also ").append(String.join(", ", a.getValue().stream().map(x -> "`" + x + "`").toList()));
                }
                sb.append("| `").append(d.name()).append("` | ").append(d.type().replace("|", "\\|")).append(" | ").append(dflt.replace("|", "\\|"))
                        .append(" | ").append(meaning.toString().replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static void put(ObjectNode into, String dotted, JsonNode value) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            into.set(dotted, value);
            return;
        }
        String head = dotted.substring(0, dot);
        JsonNode child = into.get(head);
        ObjectNode obj = child instanceof ObjectNode o ? o : into.putObject(head);
        put(obj, dotted.substring(dot + 1), value);
    }

    private static Object valueAt(Object record, String dotted) throws ReflectiveOperationException {
        Object v = record;
        for (String part : dotted.split("\\.")) {
            if (v == null) return null;
            RecordComponent rc = byName(v.getClass(), part);
            rc.getAccessor().setAccessible(true);
            v = rc.getAccessor().invoke(v);
        }
        return v;
    }

    private static RecordComponent byName(Class<?> type, String kebab) {
        for (RecordComponent rc : type.getRecordComponents()) {
            com.fasterxml.jackson.annotation.JsonProperty jp = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            String name = jp != null && !jp.value().isEmpty() ? jp.value()
                    : com.fasterxml.jackson.databind.PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(rc.getName());
            if (name.equals(kebab)) return rc;
        }
        throw new IllegalArgumentException(type.getName() + " has no component " + kebab);
    }

    private static Type component(Class<?> type, String kebab) {
        return byName(type, kebab).getGenericType();
    }

    /** A plausible value of a required parameter: its own name for text (distinct names keep cross-checks happy). */
    private static JsonNode example(Type t) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                ArrayNode a = f.arrayNode();
                a.add(example(pt.getActualTypeArguments()[0]));
                a.add(example(pt.getActualTypeArguments()[0]));      // two: some lists need at least two items
                return a;
            }
            return f.objectNode();
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) return f.textNode("v" + Integer.toHexString(System.identityHashCode(new Object())));
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) return f.numberNode(1);
        if (c == Double.class || c == double.class) return f.numberNode(0.5);
        if (c == Boolean.class || c == boolean.class) return f.booleanNode(true);
        if (c.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> e = (Class<? extends Enum<?>>) c;
            return f.textNode(Choices.names(e).get(0));
        }
        if (c == eres.api.data.WeightsRef.class) return f.textNode("w");
        return f.objectNode();
    }
}
