package eres.core.geography;

import eres.api.DataException;
import eres.api.DataReader;
import eres.api.SpecException;
import eres.api.Suggestions;
import eres.api.data.Geography;
import eres.api.data.Location;
import eres.api.data.Panel;
import eres.api.data.PlanarPoint;
import eres.api.data.RawTable;
import eres.api.spatial.Boundaries;
import eres.api.spatial.Distances;
import eres.core.chain.ParameterBinder;
import eres.core.io.Numbers;
import eres.core.plugin.ExtensionRegistry;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Builds the entities' {@link Geography} from a chain's {@code geography:} block: points from a table
 * (any reader), from columns of the data or as the boundaries' centroids; boundaries from a GeoJSON
 * file validated with JTS ({@link Boundaries}). Every entity of the panel must have a point (and a
 * polygon, when boundaries are given); what was loaded goes to {@code run.json}'s notes.
 *
 * <p>Generic engine code: a dataset provider builds the same {@link Geography} record for its bundled
 * geography (e.g. with {@link Boundaries#read} for its outlines).
 */
public final class GeographyLoader {
    private GeographyLoader() {
    }

    /**
     * @param existing the dataset's own geography (e.g. the bundled provinces), used when the block only
     *                 sets {@code distance}
     * @param notes    receives what was loaded
     */
    public static Geography load(GeographySpec spec, Path baseDir, ExtensionRegistry registry, Panel panel, Geography existing,
                                 List<String> notes) {
        if (spec.points() == null && spec.boundaries() == null) {
            if (spec.distance() == null || existing.locations().isEmpty()) return existing;
            notes.add("geography: " + existing.description() + "; distances " + label(spec.distance()));
            return existing.withDistance(spec.distance());
        }
        Boundaries.Result bounds = null;
        String boundsFile = null;
        if (spec.boundaries() != null) {
            GeographySpec.Boundary b = spec.boundaries();
            Path f = file(baseDir, b.file(), "geography.boundaries.file");
            boundsFile = f.getFileName().toString();
            bounds = Boundaries.read(text(f), boundsFile, b.id(), b.name(), b.repair());
            notes.add("geography: " + bounds.shapes().size() + " boundary polygon(s) from " + boundsFile + " (property '" + b.id() + "')"
                    + (bounds.repaired().isEmpty() ? "" : "; " + bounds.repaired().size() + " repaired: "
                    + String.join("; ", bounds.repaired().subList(0, Math.min(5, bounds.repaired().size())))
                    + (bounds.repaired().size() > 5 ? "; ..." : "")));
            requireAll(panel, bounds.shapes().keySet(), "geography.boundaries", "no boundary polygon", boundsFile);
        }
        Map<String, Location> wgs = new LinkedHashMap<>();
        Map<String, PlanarPoint> planar = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        if (bounds != null) names.putAll(bounds.names());
        String pointsFrom;
        GeographySpec.Points p = spec.points();
        if (p == null) {
            throw new SpecException("geography.points", "is required with boundaries (a table of points, columns of the data, or"
                    + " 'centroids' of the boundaries)");
        }
        if (p.centroids()) {
            for (Map.Entry<String, Geometry> e : bounds.shapes().entrySet()) {
                Point c = e.getValue().getCentroid();
                wgs.put(e.getKey(), new Location(c.getY(), c.getX()));
            }
            pointsFrom = "centroids of " + boundsFile + " (planar in degrees)";
        } else if (p.file() != null) {
            pointsFrom = fromFile(p, baseDir, registry, panel, wgs, planar, names);
        } else {
            pointsFrom = fromColumns(p, panel, wgs, planar, names);
        }
        Map<String, ?> points = p.planar() ? planar : wgs;
        requireAll(panel, points.keySet(), "geography.points", "no coordinates", pointsFrom);
        int extra = 0;
        java.util.Set<String> inData = new java.util.HashSet<>(panel.entities());
        for (String k : points.keySet()) if (!inData.contains(k)) extra++;
        Distances.Metric metric = p.planar() ? Distances.Metric.EUCLIDEAN : spec.distance() == null ? Distances.Metric.HAVERSINE : spec.distance();
        notes.add("geography: " + points.size() + " point(s) from " + pointsFrom + (p.planar() ? " (projected, " + p.unit() + ")" : " (WGS84)")
                + (extra > 0 ? ", " + extra + " of them not in the data" : "") + "; distances " + label(metric));
        String description = points.size() + " points from " + pointsFrom + (bounds == null ? "" : ", boundaries " + boundsFile);
        return new Geography(wgs, names, bounds == null ? null : bounds.geoJson(), bounds == null ? null : spec.boundaries().id(),
                description, null, null, planar, metric);
    }

    private static String label(Distances.Metric m) {
        return switch (m) {
            case HAVERSINE -> "great-circle (haversine, R = 6371.0088 km)";
            case ELLIPSOIDAL -> "ellipsoidal (WGS84 geodesic, Karney)";
            case EUCLIDEAN -> "Euclidean (projected, km)";
        };
    }

    /** Every panel entity must be among {@code have}: the "units without coordinates" error lists those that are not. */
    private static void requireAll(Panel panel, java.util.Set<String> have, String path, String what, String from) {
        List<String> missing = new ArrayList<>();
        for (String e : panel.entities()) if (!have.contains(e)) missing.add(e);
        if (missing.isEmpty()) return;
        List<String> sample = new ArrayList<>(have).subList(0, Math.min(5, have.size()));
        String hint = missing.size() == 1 ? Suggestions.hint(missing.get(0), have) : "";
        throw new DataException(path + ": " + what + " for " + missing.size() + " unit(s) of the data: '"
                + String.join("', '", missing.subList(0, Math.min(10, missing.size()))) + "'" + (missing.size() > 10 ? ", ..." : "")
                + hint + " (" + from + " has " + have.size() + " unit(s), e.g. '" + String.join("', '", sample) + "'; ids are matched as text)");
    }

    private static String fromFile(GeographySpec.Points p, Path baseDir, ExtensionRegistry registry, Panel panel, Map<String, Location> wgs,
                                   Map<String, PlanarPoint> planar, Map<String, String> names) {
        Path f = file(baseDir, p.file(), "geography.points.file");
        String ext = p.format() != null ? p.format() : extension(f);
        DataReader<?> reader = registry.reader("geography.points.format", ext);
        RawTable t = read(reader, f, p.reader());
        String entity = p.entity() != null ? p.entity() : panel.entityName();
        int ce = column(t, entity, "geography.points.entity");
        int c1 = column(t, p.planar() ? p.x() : p.lat(), p.planar() ? "geography.points.x" : "geography.points.lat");
        int c2 = column(t, p.planar() ? p.y() : p.lon(), p.planar() ? "geography.points.y" : "geography.points.lon");
        int cn = p.name() == null ? -1 : column(t, p.name(), "geography.points.name");
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int r = 0; r < t.rows().size(); r++) {
            String[] row = t.rows().get(r);
            String id = cell(row, ce);
            if (id == null) throw new DataException(t.locate(r) + ": " + entity + " is missing");
            Integer prev = first.put(id, r);
            if (prev != null) {
                throw new DataException(t.locate(r) + ": " + entity + " '" + id + "' has a second point (first at " + t.lineWord() + " "
                        + t.lineNumbers()[prev] + ")");
            }
            double a = number(t, r, row, c1);
            double b = number(t, r, row, c2);
            put(p, id, a, b, t.locate(r), wgs, planar);
            if (cn >= 0 && cell(row, cn) != null) names.put(id, cell(row, cn));
        }
        return f.getFileName().toString();
    }

    private static String fromColumns(GeographySpec.Points p, Panel panel, Map<String, Location> wgs, Map<String, PlanarPoint> planar,
                                      Map<String, String> names) {
        String a = p.planar() ? p.x() : p.lat();
        String b = p.planar() ? p.y() : p.lon();
        double[] va = column(panel, a, p.planar() ? "geography.points.x" : "geography.points.lat");
        double[] vb = column(panel, b, p.planar() ? "geography.points.y" : "geography.points.lon");
        String[] nm = p.name() == null ? null : panel.textColumn(p.name());
        for (int e = 0; e < panel.entityCount(); e++) {
            String id = panel.entities().get(e);
            int s = panel.entityStart(e);
            double x = Double.NaN;
            double y = Double.NaN;
            for (int r = s; r < s + panel.entityRows(e); r++) {
                if (Double.isNaN(va[r]) || Double.isNaN(vb[r])) continue;
                if (Double.isNaN(x)) {
                    x = va[r];
                    y = vb[r];
                } else if (va[r] != x || vb[r] != y) {
                    throw new DataException("geography.points: the location of " + panel.entityName() + " '" + id + "' changes over time ("
                            + a + ", " + b + " = " + x + ", " + y + " and " + va[r] + ", " + vb[r] + " in " + panel.time(r)
                            + "); a point must be fixed (give a file of points)");
                }
            }
            if (Double.isNaN(x)) continue;
            put(p, id, x, y, "(" + id + ")", wgs, planar);
            if (nm != null && nm[s] != null) names.put(id, nm[s]);
        }
        return "columns " + a + ", " + b + " of the data";
    }

    private static void put(GeographySpec.Points p, String id, double a, double b, String where, Map<String, Location> wgs,
                            Map<String, PlanarPoint> planar) {
        if (p.planar()) {
            planar.put(id, new PlanarPoint(a * p.unitKm(), b * p.unitKm()));
            return;
        }
        if (!(a >= -90 && a <= 90) || !(b >= -180 && b <= 180)) {
            throw new DataException(where + ": coordinates out of range: " + p.lat() + " = " + a + " (must be -90..90), " + p.lon() + " = " + b
                    + " (must be -180..180)" + (Math.abs(a) > 90 && Math.abs(b) <= 90 ? "; are lat and lon swapped?"
                    : Math.abs(a) > 180 || Math.abs(b) > 180 ? "; projected coordinates go in x, y and unit" : ""));
        }
        wgs.put(id, new Location(a, b));
    }

    private static double[] column(Panel panel, String name, String path) {
        if (!panel.hasNumeric(name)) {
            throw new SpecException(path, "no numeric column '" + name + "' in the data" + Suggestions.hint(name, panel.numericColumns()));
        }
        return panel.column(name);
    }

    private static <P> RawTable read(DataReader<P> reader, Path file, Map<String, Object> options) {
        P o = ParameterBinder.bind("geography.points", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(options), reader.parameterType());
        return reader.read(file, o);
    }

    private static int column(RawTable t, String name, String path) {
        for (int j = 0; j < t.columns().size(); j++) if (t.columns().get(j).strip().equals(name)) return j;
        throw new SpecException(path, t.source() + " has no column '" + name + "'" + Suggestions.hint(name, t.columns()) + "; columns: "
                + String.join(", ", t.columns()));
    }

    private static String cell(String[] row, int j) {
        if (j >= row.length || row[j] == null) return null;
        String s = row[j].strip();
        return s.isEmpty() ? null : s;
    }

    private static double number(RawTable t, int r, String[] row, int j) {
        String s = cell(row, j);
        Double v = Numbers.cell(s);
        if (v == null) throw new DataException(t.locate(r) + ", column '" + t.columns().get(j) + "': '" + s + "' is not a number");
        if (v.isNaN()) throw new DataException(t.locate(r) + ", column '" + t.columns().get(j) + "' is missing; every point needs coordinates");
        return v;
    }

    private static Path file(Path baseDir, String name, String path) {
        Path p = Path.of(name);
        Path f = p.isAbsolute() ? p : baseDir.resolve(p).normalize();
        if (!Files.isRegularFile(f)) throw new SpecException(path, "no file " + f + " (paths are relative to the chain file)");
        return f;
    }

    private static String text(Path f) {
        try {
            byte[] b = Files.readAllBytes(f);
            if (b.length > Boundaries.MAX_CHARS) throw new DataException(f.getFileName() + " is larger than " + (Boundaries.MAX_CHARS >> 20) + " MB");
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new DataException(f.getFileName() + " is not UTF-8 text (GeoJSON is UTF-8, RFC 7946)");
        } catch (IOException e) {
            throw new DataException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
