package eres.api.data;

import eres.api.map.AlbersProjection;
import eres.api.spatial.Distances;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the panel's entities are: a point per entity and optionally polygon boundaries as a GeoJSON
 * FeatureCollection (RFC 7946: WGS84 longitude/latitude) whose features carry the entity id in the
 * property named {@code idProperty}.
 *
 * <p>Points are either WGS84 degrees ({@link #locations}, distances on the sphere or the ellipsoid) or
 * planar coordinates of a projected coordinate system converted to kilometres ({@link #planar},
 * Euclidean distances); one of the two maps is empty. {@link #distance} says how distances between
 * entities are measured ({@link Distances}).
 *
 * <p>A dataset provider may add how maps of these entities are best drawn: outlines drawn for context
 * but not part of the sample ({@code contextGeoJson}, e.g. areas a national map shows that the panel
 * lacks) and a projection suited to the region.
 *
 * @param contextGeoJson outlines drawn grey under maps (a FeatureCollection), or {@code null}
 * @param projection     the projection maps use, or {@code null} for one fitted to the areas
 * @param planar         projected points in km (empty for WGS84 points)
 * @param distance       how distances are measured; {@code null} means great-circle (haversine) for
 *                       WGS84 points and Euclidean for planar ones
 */
public record Geography(Map<String, Location> locations, Map<String, String> names, String boundariesGeoJson,
                        String idProperty, String description, String contextGeoJson, AlbersProjection projection,
                        Map<String, PlanarPoint> planar, Distances.Metric distance) {
    public static final Geography EMPTY = new Geography(Map.of(), Map.of(), null, null, "none");

    public Geography {
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        planar = planar == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(planar));
        if (!locations.isEmpty() && !planar.isEmpty()) throw new IllegalArgumentException("give WGS84 locations or planar points, not both");
        if (distance == null) distance = planar.isEmpty() ? Distances.Metric.HAVERSINE : Distances.Metric.EUCLIDEAN;
        if (!planar.isEmpty() && distance != Distances.Metric.EUCLIDEAN || !locations.isEmpty() && distance == Distances.Metric.EUCLIDEAN) {
            throw new IllegalArgumentException("Euclidean distances go with planar points, great-circle and ellipsoidal ones with WGS84 points");
        }
    }

    /** A geography of WGS84 points without map hints. */
    public Geography(Map<String, Location> locations, Map<String, String> names, String boundariesGeoJson, String idProperty,
                     String description) {
        this(locations, names, boundariesGeoJson, idProperty, description, null, null, Map.of(), null);
    }

    /** A geography of WGS84 points with map hints. */
    public Geography(Map<String, Location> locations, Map<String, String> names, String boundariesGeoJson, String idProperty,
                     String description, String contextGeoJson, AlbersProjection projection) {
        this(locations, names, boundariesGeoJson, idProperty, description, contextGeoJson, projection, Map.of(), null);
    }

    public Optional<Location> location(String entity) {
        return Optional.ofNullable(locations.get(entity));
    }

    /** The projected point of an entity (km), for a planar geography. */
    public Optional<PlanarPoint> planarPoint(String entity) {
        return Optional.ofNullable(planar.get(entity));
    }

    /** True for projected (planar) points. */
    public boolean isPlanar() {
        return !planar.isEmpty();
    }

    /** True when the entity has a point (WGS84 or planar). */
    public boolean hasPoint(String entity) {
        return locations.containsKey(entity) || planar.containsKey(entity);
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

    /** True when every one of {@code entities} has a point here. */
    public boolean covers(List<String> entities) {
        if (locations.isEmpty() && planar.isEmpty()) return false;
        for (String e : entities) if (!hasPoint(e)) return false;
        return true;
    }

    /** The same geography measuring distances another way ({@link Distances.Metric#EUCLIDEAN} only for planar points). */
    public Geography withDistance(Distances.Metric metric) {
        return new Geography(locations, names, boundariesGeoJson, idProperty, description, contextGeoJson, projection, planar, metric);
    }

    /**
     * Distance in km between two entities' points, by this geography's metric.
     *
     * @throws eres.api.DataException if either has no point
     */
    public double distanceKm(String a, String b) {
        if (isPlanar()) {
            PlanarPoint p = planar.get(a);
            PlanarPoint q = planar.get(b);
            if (p == null || q == null) throw noPoint(p == null ? a : b);
            return Math.hypot(p.x() - q.x(), p.y() - q.y());
        }
        Location p = locations.get(a);
        Location q = locations.get(b);
        if (p == null || q == null) throw noPoint(p == null ? a : b);
        return Distances.km(distance, p, q);
    }

    private eres.api.DataException noPoint(String entity) {
        return new eres.api.DataException("no coordinates for unit '" + entity + "' (geography: " + description + ")");
    }
}
