package eres.api.spatial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.DataException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Dimension;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.IntersectionMatrix;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Queen and rook contiguity from polygon boundaries (GeoJSON), computed with the JTS Topology Suite:
 * <ul>
 *   <li>queen: two units are neighbours if their polygons share at least one point
 *       (with {@code snap > 0}: lie within {@code snap} coordinate units of each other);</li>
 *   <li>rook: they share a stretch of boundary of positive length (with {@code snap > 0}: the part of
 *       one boundary within {@code snap} of the other is longer than {@code 4 snap}, which a mere
 *       corner contact never is).</li>
 * </ul>
 * Coordinates are used as given (degrees for GeoJSON); the tests are planar, which is exact for
 * shared vertices and edges. Candidate pairs come from an STR-tree on the envelopes, so the cost is
 * close to linear in the number of units.
 */
public final class Contiguity {
    /** The contiguity rule. */
    public enum Rule { QUEEN, ROOK }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Contiguity() {
    }

    /**
     * Reads the features of a GeoJSON FeatureCollection keyed by the property {@code idProperty}
     * (Polygon and MultiPolygon geometries; other geometry types are an error).
     */
    public static Map<String, Geometry> polygons(String geoJson, String idProperty) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new DataException("boundaries are not valid GeoJSON: " + e.getOriginalMessage());
        }
        JsonNode features = root.path("features");
        if (!features.isArray()) throw new DataException("boundaries GeoJSON has no 'features' array");
        Map<String, Geometry> out = new HashMap<>();
        for (JsonNode f : features) {
            JsonNode idNode = f.path("properties").path(idProperty);
            if (idNode.isMissingNode() || idNode.isNull()) {
                throw new DataException("a boundaries feature has no property '" + idProperty + "'");
            }
            String id = idNode.asText();
            JsonNode g = f.path("geometry");
            String type = g.path("type").asText();
            Geometry geom = switch (type) {
                case "Polygon" -> polygon(id, g.path("coordinates"));
                case "MultiPolygon" -> {
                    List<Polygon> parts = new ArrayList<>();
                    for (JsonNode p : g.path("coordinates")) parts.add(polygon(id, p));
                    yield FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
                }
                default -> throw new DataException("boundary of unit '" + id + "' is a " + type + ", not a Polygon or MultiPolygon");
            };
            if (out.put(id, geom) != null) throw new DataException("boundaries list unit '" + id + "' twice");
        }
        return out;
    }

    private static Polygon polygon(String id, JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) throw new DataException("boundary of unit '" + id + "' has an empty polygon");
        LinearRing shell = ring(id, rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(id, rings.get(i));
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(String id, JsonNode pts) {
        int n = pts.size();
        if (n < 4) throw new DataException("boundary of unit '" + id + "' has a ring with fewer than 4 points");
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            JsonNode p = pts.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new DataException("boundary of unit '" + id + "' has a malformed coordinate " + p);
            }
            c[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        if (!c[0].equals2D(c[n - 1])) throw new DataException("boundary of unit '" + id + "' has a ring that is not closed");
        return FACTORY.createLinearRing(c);
    }

    /**
     * Neighbour lists of {@code units} (indices into {@code units}, ascending).
     *
     * @param shapes polygon per unit id; every unit must have one
     * @param snap   tolerance in coordinate units (0 = exact topology)
     * @throws DataException naming the first unit without a polygon
     */
    public static int[][] neighbours(List<String> units, Map<String, Geometry> shapes, Rule rule, double snap) {
        int n = units.size();
        Geometry[] g = new Geometry[n];
        STRtree tree = new STRtree();
        for (int i = 0; i < n; i++) {
            g[i] = shapes.get(units.get(i));
            if (g[i] == null) throw new DataException("no boundary polygon for unit '" + units.get(i) + "'");
            var env = g[i].getEnvelopeInternal().copy();
            env.expandBy(snap);
            tree.insert(env, i);
        }
        List<List<Integer>> nb = new ArrayList<>();
        for (int i = 0; i < n; i++) nb.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            PreparedGeometry pi = PreparedGeometryFactory.prepare(g[i]);
            var env = g[i].getEnvelopeInternal().copy();
            env.expandBy(snap);
            @SuppressWarnings("unchecked")
            List<Integer> cand = tree.query(env);
            for (int j : cand) {
                if (j <= i) continue;
                if (adjacent(g[i], pi, g[j], rule, snap)) {
                    nb.get(i).add(j);
                    nb.get(j).add(i);
                }
            }
        }
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) out[i] = nb.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        return out;
    }

    private static boolean adjacent(Geometry a, PreparedGeometry pa, Geometry b, Rule rule, double snap) {
        if (snap <= 0) {
            if (!pa.intersects(b)) return false;
            if (rule == Rule.QUEEN) return true;
            IntersectionMatrix m = a.relate(b);
            // a shared boundary line, or overlapping interiors (then they share boundary length too)
            return m.get(Location.BOUNDARY, Location.BOUNDARY) >= Dimension.L
                    || m.get(Location.INTERIOR, Location.INTERIOR) == Dimension.A;
        }
        if (a.distance(b) > snap) return false;
        if (rule == Rule.QUEEN) return true;
        Geometry near = a.getBoundary().intersection(b.getBoundary().buffer(snap));
        return near.getLength() > 4 * snap;   // a corner contact contributes at most 2 sqrt(2) snap
    }
}
