package eres.core.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import eres.api.Choices;
import eres.api.EresException;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.WeightsRef;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a step's {@code with:} block to the extension's parameter record: kebab-case keys, unknown
 * keys rejected (with a did-you-mean hint, also inside nested records), no coercion of text to
 * numbers or booleans, a single value accepted where a list is expected ({@code x: opt} =
 * {@code x: [opt]}), enum components spelt as their {@link eres.api.Choice} names or aliases
 * ({@code se: hc1}; an enum with its own {@code @JsonCreator} keeps its own rules), {@link WeightsRef} components checked against the chain's declared weights,
 * validation errors from the record's constructor reported with the parameter path.
 */
public final class ParameterBinder {
    /**
     * The binding mapper, built on first use (a holder class): {@code eres describe} and {@code eres plugins}
     * never bind, so they do not pay for Jackson's set-up (docs/benchmarks.md, "Start-up").
     */
    private static final class Strict {
        static final ObjectMapper MAPPER = mapper();
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("eres-choices").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                @SuppressWarnings({"unchecked", "rawtypes"})
                public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                  BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                    // an enum with a @JsonCreator factory keeps its own spelling rules
                    for (java.lang.reflect.Method m : type.getRawClass().getDeclaredMethods()) {
                        if (java.lang.reflect.Modifier.isStatic(m.getModifiers())
                                && m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonCreator.class)) {
                            return deserializer;
                        }
                    }
                    return new ChoiceDeserializer((Class) type.getRawClass());
                }
            }))
            .build();
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /** Enums from their {@link eres.api.Choice} spellings (text only: numbers are not ordinals here). */
    private static final class ChoiceDeserializer<E extends Enum<E>> extends StdScalarDeserializer<E> {
        private static final long serialVersionUID = 1L;
        private final Class<E> type;

        ChoiceDeserializer(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new SpecException("", "must be one of " + String.join(", ", Choices.names(type)) + ", got " + p.getText());
            }
            return Choices.parse("", type, p.getText());
        }
    }

    private ParameterBinder() {
    }

    /**
     * Binds {@code with} to {@code type}.
     *
     * @param where prefix for messages, e.g. {@code step 'baseline'}
     */
    public static <P> P bind(String where, JsonNode with, Class<P> type) {
        return bind(where, with, type, null);
    }

    /**
     * Binds {@code with} to {@code type} and checks every {@link WeightsRef} in the bound record
     * (nested records and lists included) against {@code declaredWeights}.
     *
     * @param declaredWeights names under the chain's {@code weights:}; {@code null} skips the check
     */
    public static <P> P bind(String where, JsonNode with, Class<P> type, Collection<String> declaredWeights) {
        P bound = bindOnly(where, with, type);
        if (declaredWeights != null) {
            List<SpecException.Problem> problems = new ArrayList<>();
            checkWeights(where, bound, declaredWeights, problems);
            if (!problems.isEmpty()) throw new SpecException(problems);
        }
        return bound;
    }

    private static void checkWeights(String path, Object value, Collection<String> declared, List<SpecException.Problem> problems) {
        if (value instanceof WeightsRef w) {
            if (!declared.contains(w.name())) {
                problems.add(new SpecException.Problem(path, "no spatial weights named '" + w.name() + "'" + Suggestions.hint(w.name(), declared)
                        + (declared.isEmpty() ? "; the chain declares none (add a weights: block)" : "; declared: " + String.join(", ", declared))));
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) checkWeights(path, o, declared, problems);
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) checkWeights(path + "." + e.getKey(), e.getValue(), declared, problems);
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                Object v;
                try {
                    rc.getAccessor().setAccessible(true);
                    v = rc.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                checkWeights(path + "." + kebab(rc), v, declared, problems);
            }
        }
    }

    private static String kebab(RecordComponent rc) {
        com.fasterxml.jackson.annotation.JsonProperty jp = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return jp != null && !jp.value().isEmpty() ? jp.value() : PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(rc.getName());
    }

    private static <P> P bindOnly(String where, JsonNode with, Class<P> type) {
        if (type.isRecord() && with != null && with.isObject()) {
            // unknown keys first: a typo must not surface as "required parameter missing"
            List<String> allowed = describe(type).stream().map(ParameterDoc::name).filter(n -> !n.contains(".")).toList();
            List<SpecException.Problem> unknown = new ArrayList<>();
            with.fieldNames().forEachRemaining(k -> {
                if (!allowed.contains(k)) {
                    unknown.add(new SpecException.Problem(where, "unknown parameter '" + k + "'" + eres.api.Suggestions.hint(k, allowed)
                            + "; parameters: " + String.join(", ", allowed)));
                }
            });
            if (!unknown.isEmpty()) throw new SpecException(unknown);
        }
        try {
            return Strict.MAPPER.treeToValue(with, type);
        } catch (JsonProcessingException e) {
            EresException t = ChainLoader.translate("with", e);
            String msg = t.getMessage().replaceFirst("^'?with'? ", "").replace("with: ", "").replace("with line", "line");
            throw new SpecException(where, msg.replaceAll(" line \\d+ column \\d+", ""));
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof EresException ee) throw new SpecException(where, ee.getMessage());
            throw new SpecException(where, ChainLoader.firstLine(e.getMessage()));
        }
    }

    /**
     * One documented parameter for {@code eres describe}; nested record components appear as
     * {@code parent.child} after their parent.
     *
     * @param defaultValue the literal default ({@link Param#defaultValue()}) or the description of a
     *                     computed one ({@link Param#computedDefault()}), empty if none
     * @param computed     true when the default is decided at run time (the record binds {@code null})
     * @param aliases      for enum parameters: canonical spelling -&gt; other accepted spellings
     */
    public record ParameterDoc(String name, String type, String defaultValue, boolean required, String description,
                               boolean computed, Map<String, List<String>> aliases) {
        public ParameterDoc {
            aliases = aliases == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aliases));
        }

        public ParameterDoc(String name, String type, String defaultValue, boolean required, String description) {
            this(name, type, defaultValue, required, description, false, Map.of());
        }
    }

    /** The documented parameters of a parameter record, in declaration order (nested records flattened). */
    public static List<ParameterDoc> describe(Class<?> type) {
        List<ParameterDoc> out = new ArrayList<>();
        describe(type, "", out, 0);
        return out;
    }

    private static void describe(Class<?> type, String prefix, List<ParameterDoc> out, int depth) {
        if (!type.isRecord() || depth > 8) return;
        for (RecordComponent rc : type.getRecordComponents()) {
            Param p = param(type, rc);
            String name = prefix + kebab(rc);
            String dflt = p == null ? "" : !p.computedDefault().isEmpty() ? p.computedDefault() : p.defaultValue();
            Class<?> raw = rc.getType();
            Map<String, List<String>> aliases = new java.util.LinkedHashMap<>();
            Class<?> choice = raw.isEnum() ? raw : elementType(rc.getGenericType());
            if (choice != null && choice.isEnum()) {
                for (Object c : choice.getEnumConstants()) {
                    List<String> al = Choices.aliases((Enum<?>) c);
                    if (!al.isEmpty()) aliases.put(Choices.name((Enum<?>) c), al);
                }
            }
            out.add(new ParameterDoc(name, typeName(rc.getGenericType()), dflt, p != null && p.required(), p == null ? "" : p.value(),
                    p != null && !p.computedDefault().isEmpty(), aliases));
            if (isBlock(raw)) describe(raw, name + ".", out, depth + 1);
        }
    }

    /**
     * A record component is a nested block of parameters unless its record is a single value spelt
     * as a scalar (it has a {@code @JsonValue}, like {@link WeightsRef}).
     */
    static boolean isBlock(Class<?> raw) {
        if (!raw.isRecord()) return false;
        for (java.lang.reflect.Method m : raw.getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) return false;
        }
        return true;
    }

    private static Param param(Class<?> type, RecordComponent rc) {
        Param p = rc.getAnnotation(Param.class);
        if (p != null) return p;
        try {
            return type.getDeclaredField(rc.getName()).getAnnotation(Param.class);
        } catch (NoSuchFieldException ignored) {
            return null;
        }
    }

    private static Class<?> elementType(Type t) {
        if (t instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1 && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    static String typeName(Type t) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw)) return "list of " + typeName(pt.getActualTypeArguments()[0]);
            if (java.util.Map.class.isAssignableFrom(raw)) return "map of " + typeName(pt.getActualTypeArguments()[1]);
            return raw.getSimpleName();
        }
        if (t instanceof Class<?> c) {
            if (c == String.class) return "text";
            if (c == Integer.class || c == int.class || c == Long.class || c == long.class) return "integer";
            if (c == Double.class || c == double.class) return "number";
            if (c == Boolean.class || c == boolean.class) return "boolean";
            if (c.isEnum()) {
                @SuppressWarnings("unchecked")
                Class<? extends Enum<?>> e = (Class<? extends Enum<?>>) c;
                return "one of " + String.join("|", Choices.names(e));
            }
            if (c == WeightsRef.class) return "weights name";
            if (c.isRecord()) return isBlock(c) ? "map" : c.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            return c.getSimpleName();
        }
        return t.getTypeName();
    }
}
