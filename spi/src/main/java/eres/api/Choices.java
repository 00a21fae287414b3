package eres.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spellings of enum parameters (see {@link Choice}): parse a user's text to a constant with a clear
 * error, and name a constant the way a chain file writes it. The chain binder uses this for every enum
 * component of a parameter record, so a plugin declares {@code VcovType se} and never re-parses text.
 */
public final class Choices {
    private static final Map<Class<?>, Spellings> CACHE = new ConcurrentHashMap<>();

    private Choices() {
    }

    /** The canonical spelling and the aliases of every constant of one enum. */
    private record Spellings(Map<String, Enum<?>> byText, Map<Enum<?>, String> canonical, Map<Enum<?>, List<String>> aliases) {
    }

    private static Spellings spellings(Class<? extends Enum<?>> type) {
        return CACHE.computeIfAbsent(type, t -> {
            Map<String, Enum<?>> byText = new LinkedHashMap<>();
            Map<Enum<?>, String> canonical = new LinkedHashMap<>();
            Map<Enum<?>, List<String>> aliases = new LinkedHashMap<>();
            for (Enum<?> e : type.getEnumConstants()) {
                Choice c;
                try {
                    c = type.getField(e.name()).getAnnotation(Choice.class);
                } catch (NoSuchFieldException ex) {
                    throw new IllegalStateException(ex);
                }
                String name = c != null ? c.value() : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
                canonical.put(e, name);
                List<String> al = new ArrayList<>();
                put(byText, type, name, e);
                if (c != null) {
                    for (String a : c.aliases()) {
                        put(byText, type, a, e);
                        al.add(a);
                    }
                }
                aliases.put(e, List.copyOf(al));
            }
            return new Spellings(Collections.unmodifiableMap(byText), Collections.unmodifiableMap(canonical),
                    Collections.unmodifiableMap(aliases));
        });
    }

    private static void put(Map<String, Enum<?>> byText, Class<?> type, String text, Enum<?> e) {
        Enum<?> prev = byText.put(normalize(text), e);
        if (prev != null && prev != e) {
            throw new IllegalStateException(type.getName() + ": spelling '" + text + "' names both " + prev + " and " + e);
        }
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant spelt {@code text} (canonical or alias, any case).
     *
     * @param path the parameter path for the error, e.g. {@code "se"}
     * @throws SpecException naming the accepted spellings and the closest one
     */
    public static <E extends Enum<E>> E parse(String path, Class<E> type, String text) {
        if (text == null) throw new SpecException(path, "is required: one of " + String.join(", ", names(type)));
        Enum<?> e = spellings(type).byText().get(normalize(text));
        if (e == null) {
            throw new SpecException(path, "'" + text + "' is not one of " + String.join(", ", names(type))
                    + Suggestions.hint(text, spellings(type).byText().keySet()));
        }
        return type.cast(e);
    }

    /** The canonical spelling of a constant. */
    public static String name(Enum<?> constant) {
        @SuppressWarnings("unchecked")
        Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) constant.getDeclaringClass();
        return spellings(type).canonical().get(constant);
    }

    /** Canonical spellings in declaration order. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return List.copyOf(spellings(type).canonical().values());
    }

    /** The aliases of a constant (without its canonical spelling). */
    public static List<String> aliases(Enum<?> constant) {
        @SuppressWarnings("unchecked")
        Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) constant.getDeclaringClass();
        return spellings(type).aliases().get(constant);
    }
}
