package eres.api.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.DataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal GeoJSON (RFC 7946) reader for area maps: the {@code Polygon} and {@code MultiPolygon}
 * features of a {@code FeatureCollection}, with their scalar properties as text. Coordinates are
 * {@code [longitude, latitude]} in degrees; other geometry types are skipped.
 */
public final class GeoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GeoJson() {
    }

    /**
     * One area feature.
     *
     * @param properties scalar properties as text (numbers in their JSON spelling)
     * @param polygons   polygons, each a list of rings (outer ring first, then holes); a ring is
     *                   {@code [lon0, lat0, lon1, lat1, ...]}
     */
    public record Feature(Map<String, String> properties, List<List<double[]>> polygons) {
        public Feature {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            List<List<double[]>> p = new ArrayList<>();
            for (List<double[]> poly : polygons) p.add(List.copyOf(poly));
            polygons = List.copyOf(p);
        }

        /** A property as text, or {@code null}. */
        public String property(String name) {
            return properties.get(name);
        }

        /** Bounding box {@code [minLon, minLat, maxLon, maxLat]}. */
        public double[] bounds() {
            double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (List<double[]> poly : polygons) {
                for (double[] ring : poly) {
                    for (int i = 0; i + 1 < ring.length; i += 2) {
                        b[0] = Math.min(b[0], ring[i]);
                        b[1] = Math.min(b[1], ring[i + 1]);
                        b[2] = Math.max(b[2], ring[i]);
                        b[3] = Math.max(b[3], ring[i + 1]);
                    }
                }
            }
            return b;
        }
    }

    /**
     * Parses a FeatureCollection.
     *
     * @throws DataException if the text is not a GeoJSON FeatureCollection
     */
    public static List<Feature> features(String geoJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new DataException("boundaries are not valid GeoJSON: " + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
            throw new DataException("boundaries GeoJSON must be a FeatureCollection with a 'features' array");
        }
        List<Feature> out = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            Map<String, String> props = new LinkedHashMap<>();
            f.path("properties").fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) props.put(e.getKey(), e.getValue().asText());
            });
            JsonNode g = f.path("geometry");
            String type = g.path("type").asText();
            List<List<double[]>> polys = new ArrayList<>();
            if ("Polygon".equals(type)) {
                polys.add(rings(g.path("coordinates")));
            } else if ("MultiPolygon".equals(type)) {
                for (JsonNode p : g.path("coordinates")) polys.add(rings(p));
            } else {
                continue;
            }
            out.add(new Feature(props, polys));
        }
        return out;
    }

    private static List<double[]> rings(JsonNode polygon) {
        List<double[]> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            double[] r = new double[2 * ring.size()];
            int i = 0;
            for (JsonNode pt : ring) {
                r[i++] = pt.path(0).asDouble();
                r[i++] = pt.path(1).asDouble();
            }
            rings.add(r);
        }
        return rings;
    }
}
