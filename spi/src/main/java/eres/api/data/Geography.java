package eres.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the panel's entities are: a point per entity (e.g. the provincial capital) and optionally
 * polygon boundaries as a GeoJSON FeatureCollection whose features carry the entity id in the
 * property named {@code idProperty}.
 */
public record Geography(Map<String, Location> locations, Map<String, String> names, String boundariesGeoJson,
                        String idProperty, String description) {
    public static final Geography EMPTY = new Geography(Map.of(), Map.of(), null, null, "none");

    public Geography {
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    public Optional<Location> location(String entity) {
        return Optional.ofNullable(locations.get(entity));
    }

    /** Display name of an entity, or the id itself. */
    public String name(String entity) {
        return names.getOrDefault(entity, entity);
    }

    public Optional<String> boundaries() {
        return Optional.ofNullable(boundariesGeoJson);
    }
}
