package eres.core.geography;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.spatial.Distances;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chain's {@code geography:} block: where the entities are, for distance weights, contiguity,
 * GTWR and maps of any country.
 *
 * <pre>
 * geography:
 *   points: {file: states.csv, entity: state, lat: lat, lon: lon, name: name}     # WGS84 degrees
 *   points: {file: nuts2.csv, entity: id, x: x, y: y, unit: m}                     # projected, with its unit
 *   points: {lat: lat, lon: lon}                                                  # columns of the data
 *   points: centroids                                                             # of the boundaries
 *   boundaries: {file: us_states.geojson, id: NAME, name: NAME, repair: false}
 *   distance: ellipsoidal                                                         # or haversine (default)
 * </pre>
 *
 * Parsed and checked when the chain is read; files are read when the chain runs
 * ({@link GeographyLoader}).
 */
public record GeographySpec(Points points, Boundary boundaries, Distances.Metric distance) {
    /** Units of projected coordinates and their length in km. */
    static final Map<String, Double> UNITS = Map.of("m", 0.001, "km", 1.0, "ft", 0.0003048, "us-ft", 1.2 / 3937.0, "mi", 1.609344);

    /**
     * Point locations.
     *
     * @param file      a table of points (any reader: CSV, Excel ...), or null for columns of the data
     * @param entity    the id column of the file (default: the data's entity column name)
     * @param unitKm    km per coordinate unit for x/y; NaN for lat/lon
     * @param centroids the area centroids of the boundaries instead of a table
     * @param reader    other keys: the reader's options (e.g. sheet)
     */
    public record Points(String file, String entity, String lat, String lon, String x, String y, String unit, double unitKm,
                         String name, boolean centroids, String format, Map<String, Object> reader) {
        public boolean planar() {
            return x != null;
        }
    }

    /** Boundary polygons: a GeoJSON file whose features carry the entity id in property {@code id}. */
    public record Boundary(String file, String id, String name, boolean repair) {
    }

    private static final Set<String> KEYS = Set.of("points", "boundaries", "distance");
    private static final Set<String> POINT_KEYS = Set.of("file", "entity", "lat", "lon", "x", "y", "unit", "name", "format");
    private static final Set<String> BOUNDARY_KEYS = Set.of("file", "id", "name", "repair");

    /** Parses the block; every problem is reported at once. */
    public static GeographySpec parse(JsonNode node) {
        List<SpecException.Problem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new SpecException("geography", "must be a map with points, boundaries and/or distance");
        }
        unknownKeys("geography", node, KEYS, problems);
        Points points = null;
        Boundary boundary = null;
        Distances.Metric metric = null;
        if (node.has("distance")) {
            String d = node.get("distance").asText("").toLowerCase(Locale.ROOT);
            metric = switch (d) {
                case "haversine", "great-circle" -> Distances.Metric.HAVERSINE;
                case "ellipsoidal", "wgs84", "karney" -> Distances.Metric.ELLIPSOIDAL;
                default -> {
                    problems.add(new SpecException.Problem("geography.distance", "must be haversine or ellipsoidal, got '"
                            + node.get("distance").asText() + "'"));
                    yield null;
                }
            };
        }
        if (node.has("boundaries")) boundary = boundary(node.get("boundaries"), problems);
        if (node.has("points")) points = points(node.get("points"), problems, boundary != null);
        if (points != null && points.planar() && metric != null) {
            problems.add(new SpecException.Problem("geography.distance", "applies to lat/lon points; projected x/y points are measured"
                    + " in straight lines"));
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
        return new GeographySpec(points, boundary, metric);
    }

    private static Boundary boundary(JsonNode b, List<SpecException.Problem> problems) {
        String at = "geography.boundaries";
        if (b.isTextual()) {
            problems.add(new SpecException.Problem(at, "must be a map: {file: areas.geojson, id: <property with the entity id>}"));
            return null;
        }
        if (!b.isObject()) {
            problems.add(new SpecException.Problem(at, "must be a map: {file: areas.geojson, id: <property>}"));
            return null;
        }
        unknownKeys(at, b, BOUNDARY_KEYS, problems);
        String file = text(b, "file", at, problems);
        String id = text(b, "id", at, problems);
        if (file == null) problems.add(new SpecException.Problem(at + ".file", "is required (a GeoJSON FeatureCollection)"));
        if (id == null) problems.add(new SpecException.Problem(at + ".id", "is required: the feature property holding the entity id"));
        boolean repair = false;
        if (b.has("repair")) {
            if (!b.get("repair").isBoolean()) problems.add(new SpecException.Problem(at + ".repair", "must be true or false"));
            else repair = b.get("repair").asBoolean();
        }
        return new Boundary(file, id, text(b, "name", at, problems), repair);
    }

    private static Points points(JsonNode p, List<SpecException.Problem> problems, boolean haveBoundaries) {
        String at = "geography.points";
        if (p.isTextual()) {
            if (!p.asText().equals("centroids")) {
                problems.add(new SpecException.Problem(at, "must be a map {file: ..., lat: ..., lon: ...} or 'centroids', got '" + p.asText() + "'"));
                return null;
            }
            if (!haveBoundaries) problems.add(new SpecException.Problem(at, "centroids need geography.boundaries"));
            return new Points(null, null, null, null, null, null, null, Double.NaN, null, true, null, Map.of());
        }
        if (!p.isObject()) {
            problems.add(new SpecException.Problem(at, "must be a map {file: ..., lat: ..., lon: ...} or 'centroids'"));
            return null;
        }
        Map<String, Object> reader = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (POINT_KEYS.contains(e.getKey())) continue;
            if (!p.has("file")) {
                problems.add(new SpecException.Problem(at, "unknown key '" + e.getKey() + "'" + Suggestions.hint(e.getKey(), POINT_KEYS)
                        + "; allowed: " + new TreeSet<>(POINT_KEYS)));
            } else {
                reader.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue() : e.getValue().isBoolean() ? e.getValue().asBoolean()
                        : e.getValue().asText());
            }
        }
        String file = text(p, "file", at, problems);
        String lat = text(p, "lat", at, problems);
        String lon = text(p, "lon", at, problems);
        String x = text(p, "x", at, problems);
        String y = text(p, "y", at, problems);
        String unit = text(p, "unit", at, problems);
        boolean geo = lat != null || lon != null;
        boolean planar = x != null || y != null;
        if (geo && planar) problems.add(new SpecException.Problem(at, "give lat/lon (WGS84 degrees) or x/y (projected), not both"));
        if (!geo && !planar) problems.add(new SpecException.Problem(at, "needs the coordinate columns: lat and lon (WGS84 degrees), or x, y"
                + " and unit (projected)"));
        if (geo && (lat == null || lon == null)) problems.add(new SpecException.Problem(at, "lat and lon go together"));
        if (planar && (x == null || y == null)) problems.add(new SpecException.Problem(at, "x and y go together"));
        double km = Double.NaN;
        if (planar) {
            if (unit == null) {
                problems.add(new SpecException.Problem(at + ".unit", "is required with x and y: the unit of the projected coordinates, one of "
                        + new TreeSet<>(UNITS.keySet())));
            } else if (!UNITS.containsKey(unit)) {
                problems.add(new SpecException.Problem(at + ".unit", "'" + unit + "' is not a unit" + Suggestions.hint(unit, UNITS.keySet())
                        + "; units: " + new TreeSet<>(UNITS.keySet())));
            } else {
                km = UNITS.get(unit);
            }
        } else if (unit != null) {
            problems.add(new SpecException.Problem(at + ".unit", "applies to projected x/y; lat/lon are WGS84 degrees"));
        }
        return new Points(file, text(p, "entity", at, problems), lat, lon, x, y, unit, km, text(p, "name", at, problems), false,
                text(p, "format", at, problems), reader);
    }

    private static String text(JsonNode n, String key, String at, List<SpecException.Problem> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() && !v.isNumber()) {
            problems.add(new SpecException.Problem(at + "." + key, "must be text"));
            return null;
        }
        return v.asText();
    }

    private static void unknownKeys(String at, JsonNode n, Set<String> allowed, List<SpecException.Problem> problems) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k) && !(at.equals("geography.points"))) {
                problems.add(new SpecException.Problem(at, "unknown key '" + k + "'" + Suggestions.hint(k, allowed) + "; allowed: "
                        + new TreeSet<>(allowed)));
            }
        }
    }
}
