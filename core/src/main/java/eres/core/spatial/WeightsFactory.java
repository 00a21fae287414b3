package eres.core.spatial;

import eres.api.spatial.Contiguity;
import eres.api.spatial.Distances;
import eres.api.spatial.Weights;
import com.fasterxml.jackson.databind.JsonNode;
import eres.core.io.CsvReader;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.Geography;
import eres.api.data.RawTable;
import eres.api.data.SpatialWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds the spatial weights a chain declares under {@code weights:}, e.g.
 *
 * <pre>
 * weights:
 *   wg:    {type: inverse-distance, power: 2}                # W^G of the study: 1/d^2 between capitals
 *   knn5:  {type: knn, k: 5}
 *   band:  {type: distance-band, threshold: 800}             # km
 *   queen: {type: contiguity, rule: queen, links: [[46, 44]]} # Hainan linked to Guangdong by choice
 *   file:  {type: matrix, file: w.csv}                       # square CSV, path relative to the chain file
 *   edges: {type: edges, file: edges.csv, symmetric: true}   # from,to[,weight]
 * </pre>
 *
 * Distances are kilometres ({@link Distances}: great-circle by default, ellipsoidal or projected) between the entities' locations (the
 * capitals for the bundled provinces); contiguity comes from the geography's boundary polygons
 * ({@link Contiguity}). Every type takes {@code standardize: row} (default) or {@code none}; row
 * standardisation fails naming the units without neighbours (islands).
 */
public final class WeightsFactory {
    private static final List<String> TYPES = List.of("inverse-distance", "knn", "distance-band", "contiguity", "matrix", "edges", "gal",
            "gwt", "matrix-market");

    private WeightsFactory() {
    }

    /** As {@link #build(String, JsonNode, Geography, List, Path)} with file paths relative to the working directory. */
    public static SpatialWeights build(String name, JsonNode spec, Geography geography, List<String> entities) {
        return build(name, spec, geography, entities, Path.of("."));
    }

    /**
     * @param entities the units, in panel order
     * @param baseDir  directory that relative {@code file:} paths are resolved against (the chain file's)
     */
    public static SpatialWeights build(String name, JsonNode spec, Geography geography, List<String> entities, Path baseDir) {
        String path = "weights." + name;
        if (spec == null || !spec.isObject()) throw new SpecException(path, "must be a map with a 'type'");
        String type = spec.path("type").asText(null);
        if (type == null) throw new SpecException(path + ".type", "is required; types: " + TYPES);
        SpatialWeights raw = switch (type) {
            case "inverse-distance" -> inverseDistance(path, spec, geography, entities);
            case "knn" -> knn(path, spec, geography, entities);
            case "distance-band" -> distanceBand(path, spec, geography, entities);
            case "contiguity" -> contiguity(path, spec, geography, entities);
            case "matrix" -> matrix(path, spec, entities, baseDir);
            case "edges" -> edges(path, spec, entities, baseDir);
            case "gal", "gwt", "matrix-market", "mtx" -> sparseFile(path, type, spec, entities, baseDir);
            default -> throw new SpecException(path + ".type", "unknown weights type '" + type + "'" + Suggestions.hint(type, TYPES)
                    + "; types: " + TYPES);
        };
        return standardize(path, spec, raw);
    }

    /** The keys each type takes: checked when the chain is bound ({@link #problems}) and by each builder. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "inverse-distance", Set.of("type", "power", "cutoff", "standardize", "distance"),
            "knn", Set.of("type", "k", "standardize", "distance"),
            "distance-band", Set.of("type", "threshold", "standardize", "distance"),
            "contiguity", Set.of("type", "rule", "snap", "links", "standardize"),
            "matrix", Set.of("type", "file", "standardize"),
            "edges", Set.of("type", "file", "from", "to", "weight", "symmetric", "standardize"),
            "gal", Set.of("type", "file", "ids", "standardize"),
            "gwt", Set.of("type", "file", "ids", "standardize"),
            "matrix-market", Set.of("type", "file", "ids", "standardize"),
            "mtx", Set.of("type", "file", "ids", "standardize"));

    /**
     * The problems of a {@code weights:} entry that need no data: a missing or unknown type, keys the type
     * does not take, a bad {@code standardize}, numbers that are not numbers. The runner reports them
     * with the steps' parameter problems, before any data is read; the rest (ranges that depend on the
     * number of units, files, geography) is checked when the weights are built.
     */
    public static List<SpecException.Problem> problems(String name, JsonNode spec) {
        String path = "weights." + name;
        List<SpecException.Problem> out = new ArrayList<>();
        if (spec == null || !spec.isObject()) {
            out.add(new SpecException.Problem(path, "must be a map with a 'type'"));
            return out;
        }
        String type = spec.path("type").asText(null);
        if (type == null) {
            out.add(new SpecException.Problem(path + ".type", "is required; types: " + TYPES));
            return out;
        }
        Set<String> keys = KEYS.get(type);
        if (keys == null) {
            out.add(new SpecException.Problem(path + ".type", "unknown weights type '" + type + "'" + Suggestions.hint(type, TYPES)
                    + "; types: " + TYPES));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!keys.contains(e.getKey())) {
                out.add(new SpecException.Problem(path, "unknown key '" + e.getKey() + "'" + Suggestions.hint(e.getKey(), keys)
                        + "; allowed: " + new java.util.TreeSet<>(keys)));
            } else if (List.of("power", "cutoff", "k", "threshold", "snap").contains(e.getKey()) && !e.getValue().isNumber()) {
                out.add(new SpecException.Problem(path + "." + e.getKey(), "must be a number, got " + e.getValue()));
            }
        }
        if (spec.has("standardize") && !List.of("row", "none").contains(spec.get("standardize").asText())) {
            out.add(new SpecException.Problem(path + ".standardize", "must be 'row' or 'none', got '" + spec.get("standardize").asText() + "'"));
        }
        return out;
    }

    private static SpatialWeights standardize(String path, JsonNode spec, SpatialWeights w) {
        String std = spec.has("standardize") ? spec.get("standardize").asText() : "row";
        if (!std.equals("row") && !std.equals("none")) {
            throw new SpecException(path + ".standardize", "must be 'row' or 'none', got '" + std + "'");
        }
        if (std.equals("none")) return w;
        List<String> islands = w.islands();
        if (!islands.isEmpty()) {
            throw new DataException(path + " (" + w.description() + "): " + islands.size() + " unit(s) without a neighbour cannot be"
                    + " row-standardised: " + String.join(", ", islands.subList(0, Math.min(10, islands.size())))
                    + (islands.size() > 10 ? ", ..." : "") + " (add links, use another type, or standardize: none)");
        }
        return w.rowStandardize();
    }

    /** {@code w_ij = d_ij^-p} (i != j), optionally only for {@code d_ij <= cutoff}. */
    static SpatialWeights inverseDistance(String path, JsonNode spec, Geography geography, List<String> entities) {
        allowKeys(path, spec, KEYS.get("inverse-distance"));
        double power = spec.has("power") ? number(path + ".power", spec.get("power")) : 1.0;
        if (!(power > 0) || power > 10) throw new SpecException(path + ".power", "must be in (0, 10], got " + power);
        double cutoff = spec.has("cutoff") ? number(path + ".cutoff", spec.get("cutoff")) : Double.POSITIVE_INFINITY;
        if (!(cutoff > 0)) throw new SpecException(path + ".cutoff", "must be a positive distance in km, got " + cutoff);
        int n = entities.size();
        Geography geo = metric(path, spec, geography, entities);
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            int[] c = new int[n];
            double[] v = new double[n];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double d = distance(path, entities, geo, i, j);
                if (d <= cutoff) {
                    c[m] = j;
                    v[m++] = Math.pow(d, -power);
                }
            }
            cols[i] = Arrays.copyOf(c, m);
            vals[i] = Arrays.copyOf(v, m);
        }
        return Weights.fromRows(entities, cols, vals, false, name(path) + ": inverse " + distanceWord(geo) + " distance ^ " + fmt(power)
                + (Double.isInfinite(cutoff) ? "" : " within " + fmt(cutoff) + " km"));
    }

    /** Binary weights to the k nearest units (ties broken by panel order); generally not symmetric. */
    static SpatialWeights knn(String path, JsonNode spec, Geography geography, List<String> entities) {
        allowKeys(path, spec, KEYS.get("knn"));
        if (!spec.has("k")) throw new SpecException(path + ".k", "is required (number of neighbours)");
        double kk = number(path + ".k", spec.get("k"));
        int n = entities.size();
        if (kk != Math.rint(kk) || kk < 1 || kk > n - 1) {
            throw new SpecException(path + ".k", "must be an integer in [1, " + (n - 1) + "], got " + spec.get("k"));
        }
        int k = (int) kk;
        Geography geo = metric(path, spec, geography, entities);
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        double[] d = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[j] = i == j ? Double.POSITIVE_INFINITY : distance(path, entities, geo, i, j);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(d[a], d[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            cols[i] = new int[k];
            vals[i] = new double[k];
            for (int q = 0; q < k; q++) {
                cols[i][q] = order[q];
                vals[i][q] = 1.0;
            }
        }
        return Weights.fromRows(entities, cols, vals, false, name(path) + ": " + k + " nearest neighbours (" + distanceWord(geo) + ")");
    }

    /** Binary weights {@code w_ij = 1} for {@code 0 < d_ij <= threshold} km. */
    static SpatialWeights distanceBand(String path, JsonNode spec, Geography geography, List<String> entities) {
        allowKeys(path, spec, KEYS.get("distance-band"));
        if (!spec.has("threshold")) throw new SpecException(path + ".threshold", "is required (km)");
        double t = number(path + ".threshold", spec.get("threshold"));
        if (!(t > 0)) throw new SpecException(path + ".threshold", "must be a positive distance in km, got " + t);
        int n = entities.size();
        Geography geo = metric(path, spec, geography, entities);
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            int[] c = new int[n];
            int m = 0;
            for (int j = 0; j < n; j++) if (i != j && distance(path, entities, geo, i, j) <= t) c[m++] = j;
            cols[i] = Arrays.copyOf(c, m);
            vals[i] = new double[m];
            Arrays.fill(vals[i], 1.0);
        }
        return Weights.fromRows(entities, cols, vals, false, name(path) + ": distance band " + fmt(t) + " km (" + distanceWord(geo) + ", binary)");
    }

    /** Queen or rook contiguity from the geography's boundary polygons, plus explicit extra links. */
    static SpatialWeights contiguity(String path, JsonNode spec, Geography geography, List<String> entities) {
        allowKeys(path, spec, KEYS.get("contiguity"));
        String r = spec.has("rule") ? spec.get("rule").asText() : "queen";
        Contiguity.Rule rule = switch (r) {
            case "queen" -> Contiguity.Rule.QUEEN;
            case "rook" -> Contiguity.Rule.ROOK;
            default -> throw new SpecException(path + ".rule", "must be 'queen' or 'rook', got '" + r + "'");
        };
        double snap = spec.has("snap") ? number(path + ".snap", spec.get("snap")) : 0.0;
        if (!(snap >= 0) || snap > 1) throw new SpecException(path + ".snap", "must be in [0, 1] coordinate units (degrees), got " + snap);
        String geo = geography.boundaries().orElseThrow(() -> new DataException(path + ": the data has no boundary polygons"
                + " (geography: " + geography.description() + "); use distance-based weights or a matrix/edges file"));
        Map<String, Geometry> shapes = Contiguity.polygons(geo, geography.idProperty() == null ? "id" : geography.idProperty());
        for (String e : entities) {
            if (!shapes.containsKey(e)) throw new DataException(path + ": no boundary polygon for unit '" + e + "'");
        }
        int[][] nb = Contiguity.neighbours(entities, shapes, rule, snap);
        int n = entities.size();
        List<Set<Integer>> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Integer> s = new LinkedHashSet<>();
            for (int j : nb[i]) s.add(j);
            sets.add(s);
        }
        int added = 0;
        if (spec.has("links")) {
            JsonNode links = spec.get("links");
            if (!links.isArray()) throw new SpecException(path + ".links", "must be a list of [unit, unit] pairs");
            Map<String, Integer> pos = index(entities);
            for (JsonNode l : links) {
                if (!l.isArray() || l.size() != 2) throw new SpecException(path + ".links", "each link must be a pair [unit, unit], got " + l);
                Integer a = pos.get(l.get(0).asText());
                Integer b = pos.get(l.get(1).asText());
                if (a == null || b == null) {
                    String bad = a == null ? l.get(0).asText() : l.get(1).asText();
                    throw new SpecException(path + ".links", "unknown unit '" + bad + "'" + Suggestions.hint(bad, entities));
                }
                if (a.equals(b)) throw new SpecException(path + ".links", "a unit cannot be linked to itself: " + l);
                if (sets.get(a).add(b)) added++;
                sets.get(b).add(a);
            }
        }
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            cols[i] = sets.get(i).stream().mapToInt(Integer::intValue).toArray();
            vals[i] = new double[cols[i].length];
            Arrays.fill(vals[i], 1.0);
        }
        return Weights.fromRows(entities, cols, vals, false, name(path) + ": " + r + " contiguity"
                + (snap > 0 ? " (snap " + fmt(snap) + ")" : "") + (added > 0 ? " + " + added + " explicit link(s)" : ""));
    }

    /**
     * A square matrix from a CSV file: header {@code id,<id_1>,...,<id_m>}, then one row per unit
     * starting with its id. Units of the file that are not in the panel are dropped; every panel unit
     * must be present.
     */
    static SpatialWeights matrix(String path, JsonNode spec, List<String> entities, Path baseDir) {
        allowKeys(path, spec, KEYS.get("matrix"));
        Path file = file(path, spec, baseDir);
        eres.core.io.DenseMatrixCsv.Sparse m = eres.core.io.DenseMatrixCsv.read(file, entities);
        return Weights.fromRows(entities, m.columns(), m.values(), false, name(path) + ": matrix from " + file.getFileName());
    }

    /**
     * GAL, GWT or Matrix Market files ({@link WeightsFiles}); {@code ids:} (a list, or a file with one id
     * per line) names the units of a Matrix Market file, or of GAL/GWT files that number their records.
     */
    static SpatialWeights sparseFile(String path, String type, JsonNode spec, List<String> entities, Path baseDir) {
        allowKeys(path, spec, KEYS.get(type));
        Path file = file(path, spec, baseDir);
        List<String> ids = null;
        if (spec.has("ids")) {
            JsonNode n = spec.get("ids");
            if (n.isArray()) {
                ids = new ArrayList<>();
                for (JsonNode e : n) ids.add(e.asText());
            } else if (n.isTextual()) {
                Path p = Path.of(n.asText());
                Path f = p.isAbsolute() ? p : (baseDir == null ? p : baseDir.resolve(p));
                if (!Files.isRegularFile(f)) throw new SpecException(path + ".ids", "no file at " + f + " (a list of ids, or a file with one id per line)");
                ids = WeightsFiles.idsFile(f);
            } else {
                throw new SpecException(path + ".ids", "must be a list of ids or a file with one id per line");
            }
        }
        WeightsFiles.Links links = switch (type) {
            case "gal" -> WeightsFiles.gal(file, entities, ids);
            case "gwt" -> WeightsFiles.gwt(file, entities, ids);
            default -> WeightsFiles.matrixMarket(file, entities, ids);
        };
        int n = entities.size();
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            cols[i] = links.rows().get(i).keySet().stream().mapToInt(Integer::intValue).toArray();
            vals[i] = links.rows().get(i).values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        String kind = type.equals("mtx") ? "matrix-market" : type;
        return Weights.fromRows(entities, cols, vals, false, name(path) + ": " + kind.toUpperCase(Locale.ROOT).replace("MATRIX-MARKET",
                "Matrix Market") + " file " + file.getFileName() + " (" + links.note() + ")");
    }

    /**
     * An edge list from a CSV file with columns {@code from}, {@code to} and optionally {@code weight}
     * (default 1); {@code symmetric: true} adds each edge in both directions. Edges touching units
     * that are not in the panel are dropped.
     */
    static SpatialWeights edges(String path, JsonNode spec, List<String> entities, Path baseDir) {
        allowKeys(path, spec, KEYS.get("edges"));
        Path file = file(path, spec, baseDir);
        String from = spec.has("from") ? spec.get("from").asText() : "from";
        String to = spec.has("to") ? spec.get("to").asText() : "to";
        String weight = spec.has("weight") ? spec.get("weight").asText() : "weight";
        boolean symmetric = spec.has("symmetric") && bool(path + ".symmetric", spec.get("symmetric"));
        RawTable t = read(path, file);
        int cf = column(path + ".from", t, from, true);
        int ct = column(path + ".to", t, to, true);
        int cw = column(path + ".weight", t, weight, spec.has("weight"));
        Map<String, Integer> pos = index(entities);
        int n = entities.size();
        List<Map<Integer, Double>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(new java.util.TreeMap<>());
        for (int r = 0; r < t.rows().size(); r++) {
            String[] row = t.rows().get(r);
            Integer a = pos.get(cell(row, cf));
            Integer b = pos.get(cell(row, ct));
            if (a == null || b == null) continue;
            double w = cw < 0 ? 1.0 : value(t, r, row, cw, weight);
            if (a.equals(b)) {
                if (w != 0) throw new DataException(t.locate(r) + ": self-link of unit '" + entities.get(a) + "' (the diagonal must be 0)");
                continue;
            }
            put(t, r, entities, rows, a, b, w);
            if (symmetric) put(t, r, entities, rows, b, a, w);
        }
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        for (int i = 0; i < n; i++) {
            cols[i] = rows.get(i).keySet().stream().mapToInt(Integer::intValue).toArray();
            vals[i] = rows.get(i).values().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return Weights.fromRows(entities, cols, vals, false, name(path) + ": edges from " + file.getFileName() + (symmetric ? " (symmetric)" : ""));
    }

    private static void put(RawTable t, int r, List<String> entities, List<Map<Integer, Double>> rows, int a, int b, double w) {
        Double old = rows.get(a).put(b, w);
        if (old != null && old != w) {
            throw new DataException(t.locate(r) + ": edge (" + entities.get(a) + ", " + entities.get(b) + ") is given twice with weights "
                    + old + " and " + w);
        }
    }

    private static Path file(String path, JsonNode spec, Path baseDir) {
        if (!spec.has("file") || !spec.get("file").isTextual()) throw new SpecException(path + ".file", "is required (a CSV file)");
        Path p = Path.of(spec.get("file").asText());
        Path f = p.isAbsolute() ? p : (baseDir == null ? p : baseDir.resolve(p));
        if (!Files.isRegularFile(f)) throw new SpecException(path + ".file", "no file at " + f);
        return f;
    }

    private static RawTable read(String path, Path f) {
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            RawTable t = CsvReader.parse(f.getFileName().toString(), text, ',');
            if (t.columns().size() < 2) throw new DataException(f.getFileName() + ": needs at least two columns");
            return t;
        } catch (IOException e) {
            throw new DataException(path + ": cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static int column(String path, RawTable t, String name, boolean required) {
        for (int j = 0; j < t.columns().size(); j++) if (t.columns().get(j).strip().equals(name)) return j;
        if (required) {
            throw new SpecException(path, t.source() + " has no column '" + name + "'" + Suggestions.hint(name, t.columns())
                    + "; columns: " + t.columns());
        }
        return -1;
    }

    private static String cell(String[] row, int j) {
        return j < row.length && row[j] != null ? row[j].strip() : "";
    }

    private static double value(RawTable t, int r, String[] row, int j, String col) {
        String s = cell(row, j);
        double x;
        try {
            x = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataException(t.locate(r) + ": weight in column '" + col + "' is not a number: '" + s + "'");
        }
        if (!Double.isFinite(x) || x < 0) throw new DataException(t.locate(r) + ": weight in column '" + col + "' must be finite and >= 0, got " + s);
        return x;
    }

    private static double distance(String path, List<String> entities, Geography geo, int i, int j) {
        double d = geo.distanceKm(entities.get(i), entities.get(j));
        if (!(d > 0)) throw new DataException(path + ": units '" + entities.get(i) + "' and '" + entities.get(j) + "' share a location");
        return d;
    }

    private static Map<String, Integer> index(List<String> entities) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) pos.put(entities.get(i), i);
        return pos;
    }

    /**
     * The geography with the metric of {@code distance:} (haversine or ellipsoidal) when the weights set
     * one, after checking that every unit has a point.
     */
    static Geography metric(String path, JsonNode spec, Geography geography, List<String> entities) {
        List<String> missing = new ArrayList<>();
        for (String e : entities) if (!geography.hasPoint(e)) missing.add(e);
        if (!missing.isEmpty()) {
            throw new DataException(path + ": no coordinates for " + (missing.size() == 1 ? "unit '" + missing.get(0) + "'"
                    : missing.size() + " units: '" + String.join("', '", missing.subList(0, Math.min(10, missing.size()))) + "'"
                    + (missing.size() > 10 ? ", ..." : "")) + " (geography: " + geography.description() + "); give their points in the"
                    + " chain's geography: block");
        }
        if (!spec.has("distance")) return geography;
        String d = spec.get("distance").asText("");
        Distances.Metric m = switch (d) {
            case "haversine", "great-circle" -> Distances.Metric.HAVERSINE;
            case "ellipsoidal", "wgs84", "karney" -> Distances.Metric.ELLIPSOIDAL;
            default -> throw new SpecException(path + ".distance", "must be haversine or ellipsoidal, got '" + d + "'");
        };
        if (geography.isPlanar()) {
            throw new SpecException(path + ".distance", "applies to WGS84 points; the geography's points are projected (straight-line distances)");
        }
        return geography.withDistance(m);
    }

    private static String distanceWord(Geography g) {
        return switch (g.distance()) {
            case HAVERSINE -> "great-circle";
            case ELLIPSOIDAL -> "ellipsoidal";
            case EUCLIDEAN -> "Euclidean";
        };
    }

    static void allowKeys(String path, JsonNode spec, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
            String k = it.next().getKey();
            if (!allowed.contains(k)) {
                throw new SpecException(path, "unknown key '" + k + "'" + Suggestions.hint(k, allowed) + "; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    static double number(String path, JsonNode n) {
        if (!n.isNumber()) throw new SpecException(path, "must be a number, got " + n);
        return n.asDouble();
    }

    static boolean bool(String path, JsonNode n) {
        if (!n.isBoolean()) throw new SpecException(path, "must be true or false, got " + n);
        return n.asBoolean();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    private static String name(String path) {
        return path.substring(path.indexOf('.') + 1);
    }
}
