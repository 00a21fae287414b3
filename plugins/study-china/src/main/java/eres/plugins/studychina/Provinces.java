package eres.plugins.studychina;

import eres.api.data.Geography;
import eres.api.data.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 31 mainland provinces bundled with eres (real data; see {@code eres-data/china/PROVENANCE.md}):
 * GB/T 2260 codes, names, NBS four-region split, capital-city coordinates, boundaries.
 */
public final class Provinces {
    /** One province. Coordinates in WGS84 degrees. */
    public record Province(String code, String adcode, String nameEn, String nameZh, String region, String capitalEn,
                           double capitalLat, double capitalLon, double centroidLat, double centroidLon) {
    }

    private static final String BASE = "/eres-data/china/";
    private static volatile List<Province> cache;

    private Provinces() {
    }

    /** All 31 provinces in code order. */
    public static List<Province> all() {
        List<Province> c = cache;
        if (c == null) {
            c = load();
            cache = c;
        }
        return c;
    }

    /**
     * Geography keyed by province code: capital coordinates as locations, English names, and the
     * boundaries GeoJSON (feature property {@code code}).
     */
    public static Geography geography() {
        Map<String, Location> loc = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Province p : all()) {
            loc.put(p.code(), new Location(p.capitalLat(), p.capitalLon()));
            names.put(p.code(), p.nameEn());
        }
        return new Geography(loc, names, resource("china_provinces_31.geojson"), "code",
                "31 Chinese provinces: capital coordinates (pyecharts, MIT), boundaries (Apache ECharts 4.9.0 map data, Apache-2.0)",
                contextGeoJson(), eres.api.map.AlbersProjection.china());
    }

    /** Outline of Taiwan, Hong Kong and Macao for drawing a complete base map (not in the sample). */
    public static String contextGeoJson() {
        return resource("china_context_tw_hk_mo.geojson");
    }

    /** A bundled text resource under {@code eres-data/china/}. */
    public static String resource(String name) {
        try (InputStream in = Provinces.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("bundled resource missing: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Province> load() {
        String[] lines = resource("provinces.csv").split("\\R");
        List<String> h = List.of(lines[0].split(","));
        List<Province> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split(",", -1);
            out.add(new Province(f[h.indexOf("code")], f[h.indexOf("adcode")], f[h.indexOf("name_en")], f[h.indexOf("name_zh")],
                    f[h.indexOf("region")], f[h.indexOf("capital_en")],
                    Double.parseDouble(f[h.indexOf("capital_lat")]), Double.parseDouble(f[h.indexOf("capital_lon")]),
                    Double.parseDouble(f[h.indexOf("centroid_lat")]), Double.parseDouble(f[h.indexOf("centroid_lon")])));
        }
        return List.copyOf(out);
    }
}
