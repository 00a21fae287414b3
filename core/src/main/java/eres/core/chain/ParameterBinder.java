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
import eres.api.EresException;
import eres.api.Param;
import eres.api.SpecException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a step's {@code with:} block to the extension's parameter record: kebab-case keys, unknown
 * keys rejected (with a did-you-mean hint), no coercion of text to numbers or booleans, a single value
 * accepted where a list is expected ({@code x: opt} = {@code x: [opt]}), validation errors from the
 * record's constructor reported with the parameter path.
 */
public final class ParameterBinder {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static {
        MAPPER.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private ParameterBinder() {
    }

    /**
     * Binds {@code with} to {@code type}.
     *
     * @param where prefix for messages, e.g. {@code step 'baseline'}
     */
    public static <P> P bind(String where, JsonNode with, Class<P> type) {
        if (type.isRecord() && with != null && with.isObject()) {
            // unknown keys first: a typo must not surface as "required parameter missing"
            List<String> allowed = describe(type).stream().map(ParameterDoc::name).toList();
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
            return MAPPER.treeToValue(with, type);
        } catch (JsonProcessingException e) {
            EresException t = ChainLoader.translate("with", e);
            String msg = t.getMessage().replaceFirst("^'?with'? ", "").replace("with: ", "").replace("with line", "line");
            throw new SpecException(where, msg.replaceAll(" line \\d+ column \\d+", ""));
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof EresException ee) throw new SpecException(where, ee.getMessage());
            throw new SpecException(where, ChainLoader.firstLine(e.getMessage()));
        }
    }

    /** One documented parameter for {@code eres describe}. */
    public record ParameterDoc(String name, String type, String defaultValue, boolean required, String description) {
    }

    /** The documented parameters of a parameter record, in declaration order. */
    public static List<ParameterDoc> describe(Class<?> type) {
        List<ParameterDoc> out = new ArrayList<>();
        if (!type.isRecord()) return out;
        for (RecordComponent rc : type.getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            if (p == null) {
                try {
                    p = type.getDeclaredField(rc.getName()).getAnnotation(Param.class);
                } catch (NoSuchFieldException ignored) {
                    p = null;
                }
            }
            com.fasterxml.jackson.annotation.JsonProperty jp = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            String name = jp != null && !jp.value().isEmpty() ? jp.value()
                    : PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(rc.getName());
            out.add(new ParameterDoc(name, typeName(rc.getGenericType()), p == null ? "" : p.defaultValue(),
                    p != null && p.required(), p == null ? "" : p.value()));
        }
        return out;
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
                List<String> v = new ArrayList<>();
                for (Object o : c.getEnumConstants()) v.add(o.toString().toLowerCase(java.util.Locale.ROOT));
                return "one of " + String.join("|", v);
            }
            if (c.isRecord()) return "map";
            return c.getSimpleName();
        }
        return t.getTypeName();
    }
}
