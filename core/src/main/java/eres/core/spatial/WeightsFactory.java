package eres.core.spatial;

import com.fasterxml.jackson.databind.JsonNode;
import eres.spi.DataException;
import eres.spi.SpecException;
import eres.spi.Suggestions;
import eres.spi.data.Geography;
import eres.spi.data.Location;
import eres.spi.data.SpatialWeights;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the spatial weights a chain declares under {@code weights:}, e.g.
 *
 * <pre>
 * weights:
 *   wg: {type: inverse-distance, power: 2, standardize: row}   # W^G of the study: 1/d^2 between capitals
 * </pre>
 *
 * Distances are great-circle kilometres between the entities' locations (the capitals for the
 * bundled provinces).
 */
public final class WeightsFactory {
    private static final List<String> TYPES = List.of("inverse-distance");

    private WeightsFactory() {
    }

    /**
     * @param entities the units, in panel order
     */
    public static SpatialWeights build(String name, JsonNode spec, Geography geography, List<String> entities) {
        String path = "weights." + name;
        if (spec == null || !spec.isObject()) throw new SpecException(path, "must be a map with a 'type'");
        String type = spec.path("type").asText(null);
        if (type == null) throw new SpecException(path + ".type", "is required; types: " + TYPES);
        return switch (type) {
            case "inverse-distance" -> inverseDistance(path, spec, geography, entities);
            default -> throw new SpecException(path + ".type", "unknown weights type '" + type + "'" + Suggestions.hint(type, TYPES)
                    + "; types: " + TYPES);
        };
    }

    /** {@code w_ij = d_ij^-p} (i != j), optionally row-standardised. */
    static SpatialWeights inverseDistance(String path, JsonNode spec, Geography geography, List<String> entities) {
        allowKeys(path, spec, Set.of("type", "power", "standardize"));
        double power = spec.has("power") ? number(path + ".power", spec.get("power")) : 1.0;
        if (!(power > 0) || power > 10) throw new SpecException(path + ".power", "must be in (0, 10], got " + power);
        String std = spec.has("standardize") ? spec.get("standardize").asText() : "row";
        if (!std.equals("row") && !std.equals("none")) throw new SpecException(path + ".standardize", "must be 'row' or 'none'");
        int n = entities.size();
        Location[] loc = locations(path, geography, entities);
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double d = GreatCircle.km(loc[i], loc[j]);
                if (!(d > 0)) {
                    throw new DataException(path + ": units '" + entities.get(i) + "' and '" + entities.get(j) + "' share a location");
                }
                w[i][j] = Math.pow(d, -power);
            }
        }
        SpatialWeights sw = SpatialWeights.fromDense(entities, w, false,
                name(path) + ": inverse great-circle distance ^ " + power);
        return std.equals("row") ? sw.rowStandardize() : sw;
    }

    static Location[] locations(String path, Geography geography, List<String> entities) {
        Location[] loc = new Location[entities.size()];
        for (int i = 0; i < loc.length; i++) {
            String e = entities.get(i);
            loc[i] = geography.location(e).orElseThrow(() -> new DataException(path + ": no coordinates for unit '" + e
                    + "' (geography: " + geography.description() + ")"));
        }
        return loc;
    }

    static void allowKeys(String path, JsonNode spec, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            String k = it.next().getKey();
            if (!allowed.contains(k)) {
                throw new SpecException(path, "unknown key '" + k + "'" + Suggestions.hint(k, allowed) + "; allowed: " + allowed);
            }
        }
    }

    static double number(String path, JsonNode n) {
        if (!n.isNumber()) throw new SpecException(path, "must be a number, got " + n);
        return n.asDouble();
    }

    private static String name(String path) {
        return path.substring(path.indexOf('.') + 1);
    }
}
