package eres.api.spatial;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.DataException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads and validates area boundaries from a GeoJSON FeatureCollection (RFC 7946): each feature a
 * Polygon or MultiPolygon in WGS84 longitude/latitude, identified by a property. Every problem is a
 * one-line {@link DataException} naming the feature: not GeoJSON, no features, a feature without the
 * id property or with an id given twice, another geometry type, a malformed or out-of-range
 * coordinate, a ring with fewer than four positions.
 *
 * <p>Each polygon is checked with the JTS Topology Suite ({@link IsValidOp}, OGC simple-features
 * validity: rings closed and simple, holes inside shells, no self-intersection). An invalid polygon is
 * an error naming the feature, the problem and where it is, unless {@code repair} is set: then unclosed
 * rings are closed and the geometry is rebuilt by JTS's {@link GeometryFixer} (the analogue of
 * {@code sf::st_make_valid}), and the repair is reported. The validated boundaries are written back as
 * a plain FeatureCollection ({@link Result#geoJson()}) with the id (and name) as properties, so that
 * everything downstream (contiguity, maps) reads valid polygons.
 */
public final class Boundaries {
    /** Larger GeoJSON texts are refused (a national boundary file is a few MB; 256 MB leaves room for detail). */
    public static final long MAX_CHARS = 256L << 20;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Boundaries() {
    }

    /**
     * The validated boundaries.
     *
     * @param geoJson  a clean FeatureCollection: properties {@code idProperty} (and {@code name} when read)
     * @param shapes   polygonal geometry per id, in file order
     * @param names    display names per id, from {@code nameProperty} (empty if none)
     * @param repaired one line per repaired feature (id and what was wrong)
     */
    public record Result(String geoJson, Map<String, Geometry> shapes, Map<String, String> names, List<String> repaired) {
        public Result {
            shapes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
            names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
            repaired = List.copyOf(repaired);
        }
    }

    /**
     * @param source       the file name, for messages
     * @param idProperty   the feature property holding the entity id (a number is read as an integer
     *                     without a fraction when it is one: {@code 1}, not {@code 1.0})
     * @param nameProperty a property with a display name, or null
     * @param repair       repair invalid polygons instead of refusing them
     */
    public static Result read(String geoJson, String source, String idProperty, String nameProperty, boolean repair) {
        if (geoJson.length() > MAX_CHARS) throw new DataException(source + " is larger than " + (MAX_CHARS >> 20) + " MB");
        JsonNode root = parse(geoJson, source);
        if (!root.isObject() || !"FeatureCollection".equals(root.path("type").asText(null))) {
            throw new DataException(source + " is not a GeoJSON FeatureCollection (its top level has no \"type\": \"FeatureCollection\")");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) throw new DataException(source + " has no \"features\" array");
        if (features.isEmpty()) throw new DataException(source + " has no features");
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> repaired = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int index = 0;
        for (JsonNode f : features) {
            String where = source + " feature " + (index + 1);
            index++;
            if (!f.isObject()) throw new DataException(where + " is not an object");
            JsonNode props = f.get("properties");
            JsonNode idNode = props == null || !props.isObject() ? null : props.get(idProperty);
            if (idNode == null || idNode.isNull() || idNode.isContainerNode()) {
                List<String> keys = new ArrayList<>();
                if (props != null && props.isObject()) props.fieldNames().forEachRemaining(keys::add);
                throw new DataException(where + " has no property '" + idProperty + "'" + eres.api.Suggestions.hint(idProperty, keys)
                        + (keys.isEmpty() ? "" : "; its properties: " + String.join(", ", keys.subList(0, Math.min(12, keys.size())))));
            }
            String id = idText(idNode);
            if (id.isBlank()) throw new DataException(where + " has an empty '" + idProperty + "'");
            String at = source + " feature '" + oneLine(id) + "'";
            if (shapes.containsKey(id)) {
                throw new DataException(at + " appears twice (features " + (ids.indexOf(id) + 1) + " and " + index
                        + "); merge its parts into one MultiPolygon");
            }
            Geometry g;
            try {
                g = checked(geometry(f.get("geometry"), at, repair, repaired), at, repair, repaired, id);
            } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
                // JTS refuses some degenerate input with unchecked exceptions: a data problem, named as such
                throw new DataException(at + " cannot be read as a polygon: " + oneLine(String.valueOf(e.getMessage())));
            }
            if (g.isEmpty() || !(g.getArea() > 0)) throw new DataException(at + " has no area");
            shapes.put(id, g);
            ids.add(id);
            if (nameProperty != null) {
                JsonNode n = props.get(nameProperty);
                if (n != null && !n.isNull() && !n.isContainerNode()) names.put(id, idText(n));
            }
        }
        return new Result(write(shapes, names, idProperty), shapes, names, repaired);
    }

    /** The geometry if valid; repaired (and reported) or refused otherwise. */
    private static Geometry checked(Geometry g, String at, boolean repair, List<String> repaired, String id) {
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            TopologyValidationError e = valid.getValidationError();
            String problem = e.getMessage() + (e.getCoordinate() == null ? "" : " at (" + fmt(e.getCoordinate().x) + ", "
                    + fmt(e.getCoordinate().y) + ")");
            if (!repair) {
                throw new DataException(at + " is not a valid polygon: " + problem + "; set geography.boundaries.repair: true to"
                        + " repair it (JTS GeometryFixer) or fix the file");
            }
            Geometry fixed = polygonal(GeometryFixer.fix(g));
            if (fixed == null || fixed.isEmpty() || !fixed.isValid()) {
                throw new DataException(at + " is not a valid polygon (" + problem + ") and cannot be repaired into one");
            }
            repaired.add("'" + oneLine(id) + "': " + problem);
            return fixed;
        }
        return g;
    }

    private static JsonNode parse(String text, String source) {
        JsonFactory jf = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(400).build()).build();
        try {
            JsonNode n = new ObjectMapper(jf).readTree(text);
            if (n == null) throw new DataException(source + " is empty");
            return n;
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\\R", 2)[0];
            throw new DataException(source + " is not valid JSON" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")") + ": " + m);
        }
    }

    /** An id as text: integral numbers without a fraction ({@code 6}, {@code 6.0} and {@code "6"} are all {@code 6}). */
    static String idText(JsonNode n) {
        if (n.isNumber()) {
            double d = n.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return n.asText();
        }
        return n.asText().strip();
    }

    private static Geometry geometry(JsonNode g, String at, boolean repair, List<String> repaired) {
        if (g == null || g.isNull()) throw new DataException(at + " has no geometry");
        String type = g.path("type").asText("");
        JsonNode coords = g.get("coordinates");
        switch (type) {
            case "Polygon" -> {
                return polygon(coords, at, repair, repaired);
            }
            case "MultiPolygon" -> {
                if (coords == null || !coords.isArray() || coords.isEmpty()) throw new DataException(at + " has an empty MultiPolygon");
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) parts[i] = polygon(coords.get(i), at, repair, repaired);
                return FACTORY.createMultiPolygon(parts);
            }
            default -> throw new DataException(at + " is a " + (type.isEmpty() ? "geometry without a type" : type)
                    + ", not a Polygon or MultiPolygon");
        }
    }

    private static Polygon polygon(JsonNode rings, String at, boolean repair, List<String> repaired) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) throw new DataException(at + " has an empty polygon");
        LinearRing shell = ring(rings.get(0), at, repair, repaired);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i), at, repair, repaired);
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode pts, String at, boolean repair, List<String> repaired) {
        if (pts == null || !pts.isArray()) throw new DataException(at + " has a ring that is not a list of positions");
        int n = pts.size();
        List<Coordinate> c = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            JsonNode p = pts.get(i);
            if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new DataException(at + " has a malformed position " + shorten(String.valueOf(p)) + " (positions are [longitude, latitude])");
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
                throw new DataException(at + " has the position [" + fmt(lon) + ", " + fmt(lat) + "] outside longitude -180..180 and"
                        + " latitude -90..90 (GeoJSON is WGS84 longitude, latitude; reproject projected boundaries)");
            }
            c.add(new Coordinate(lon, lat));
        }
        if (n > 0 && !c.get(0).equals2D(c.get(n - 1))) {
            if (!repair) {
                throw new DataException(at + " has a ring that is not closed (its last position differs from its first); set"
                        + " geography.boundaries.repair: true to close it");
            }
            c.add(new Coordinate(c.get(0)));
            repaired.add(at.substring(at.indexOf('\'')) + ": ring closed");
        }
        if (c.size() < 4) throw new DataException(at + " has a ring with " + n + " position(s); a ring needs at least 4 (closed)");
        return FACTORY.createLinearRing(c.toArray(new Coordinate[0]));
    }

    /** The polygonal part of a repaired geometry (GeometryFixer may return a collection with lines). */
    private static Geometry polygonal(Geometry g) {
        if (g instanceof Polygon || g instanceof MultiPolygon) return g;
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon q) parts.add(q);
            else if (p instanceof MultiPolygon m) for (int k = 0; k < m.getNumGeometries(); k++) parts.add((Polygon) m.getGeometryN(k));
        }
        if (parts.isEmpty()) return null;
        return parts.size() == 1 ? parts.get(0) : FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
    }

    /** A FeatureCollection of the shapes with the id (and name) as properties. */
    static String write(Map<String, Geometry> shapes, Map<String, String> names, String idProperty) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Iterator<Map.Entry<String, Geometry>> it = shapes.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Geometry> e = it.next();
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField(idProperty, e.getKey());
                String name = names.get(e.getKey());
                if (name != null && !idProperty.equals("name")) g.writeStringField("name", name);
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                Geometry geom = e.getValue();
                if (geom instanceof Polygon p) {
                    g.writeStringField("type", "Polygon");
                    g.writeFieldName("coordinates");
                    writePolygon(g, p);
                } else {
                    g.writeStringField("type", "MultiPolygon");
                    g.writeArrayFieldStart("coordinates");
                    for (int i = 0; i < geom.getNumGeometries(); i++) writePolygon(g, (Polygon) geom.getGeometryN(i));
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void writePolygon(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        writeRing(g, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) writeRing(g, p.getInteriorRingN(i).getCoordinates());
        g.writeEndArray();
    }

    private static void writeRing(JsonGenerator g, Coordinate[] c) throws IOException {
        g.writeStartArray();
        for (Coordinate k : c) {
            g.writeStartArray();
            g.writeNumber(k.x);
            g.writeNumber(k.y);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }

    private static String shorten(String s) {
        String t = oneLine(s);
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
