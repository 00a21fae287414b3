package eres.api.data;

import eres.api.map.AlbersProjection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the panel's entities are: a point per entity (e.g. the provincial capital) and optionally
 * polygon boundaries as a GeoJSON FeatureCollection whose features carry the entity id in the
 * property named {@code idProperty}. A dataset provider may add how maps of these entities are best
 * drawn: outlines drawn for context but not part of the sample ({@code contextGeoJson}, e.g. areas a
 * national map shows that the panel lacks) and a projection suited to the region.
 *
 * @param contextGeoJson outlines drawn grey under maps (a FeatureCollection), or {@code null}
 * @param projection     the projection maps use, or {@code null} for one fitted to the areas
 */
public record Geography(Map<String, Location> locations, Map<String, String> names, String boundariesGeoJson,
                        String idProperty, String description, String contextGeoJson, AlbersProjection projection) {
    public static final Geography EMPTY = new Geography(Map.of(), Map.of(), null, null, "none");

    public Geography {
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** A geography without map hints. */
    public Geography(Map<String, Location> locations, Map<String, String> names, String boundariesGeoJson, String idProperty,
                     String description) {
        this(locations, names, boundariesGeoJson, idProperty, description, null, null);
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

    /** Context outlines for maps, if the provider gave any. */
    public Optional<String> context() {
        return Optional.ofNullable(contextGeoJson);
    }

    /** The map projection the provider suggests, if any. */
    public Optional<AlbersProjection> mapProjection() {
        return Optional.ofNullable(projection);
    }

    /** True when every one of {@code entities} has a location here. */
    public boolean covers(List<String> entities) {
        return !locations.isEmpty() && locations.keySet().containsAll(entities);
    }
}
