package eres.core.map;

import eres.api.map.AlbersProjection;
import eres.api.map.ChoroplethMap;
import eres.api.map.GeoJson;
import eres.api.map.NaturalBreaks;
import static org.assertj.core.api.Assertions.assertThat;

import eres.plugins.studychina.Provinces;
import eres.api.data.Geography;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoroplethMapTest {

    @Test
    void provincesMapIsSelfContainedWellFormedSvg() throws Exception {
        Geography geo = Provinces.geography();
        List<GeoJson.Feature> areas = GeoJson.features(geo.boundaries().orElseThrow());
        List<GeoJson.Feature> context = GeoJson.features(Provinces.contextGeoJson());
        assertThat(areas).hasSize(31);
        assertThat(context).isNotEmpty();
        Map<String, Double> values = new LinkedHashMap<>();
        int i = 0;
        for (Provinces.Province p : Provinces.all()) {
            if (!p.code().equals("54")) values.put(p.code(), (double) (i++ % 7)); // Tibet left without data
        }
        double[] v = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        NaturalBreaks.Classification c = NaturalBreaks.jenks(v, 5);
        String svg = ChoroplethMap.builder("Local coefficient").subtitle("2008-2012 mean")
                .areas(areas, "code").context(context).values(values).names(geo.names())
                .classification(c).legendTitle("Jenks classes").decimals(2).projection(AlbersProjection.china()).svg();

        // (well-formedness is checked with an XML parser in the gtwr plugin's tests; core's module does not read java.xml)
        assertThat(svg).startsWith("<svg ").endsWith("</svg>\n");
        assertThat(svg.split("<path ", -1)).hasSize(31 + context.size() + 1);
        // no external reference: the only URL is the SVG namespace
        assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http").doesNotContain("href");
        List<String> palette = ChoroplethMap.sequentialPalette(5);
        for (int k = 0; k < 5; k++) assertThat(svg).contains("fill=\"" + palette.get(k) + "\"");
        assertThat(svg).contains("no data").contains(ChoroplethMap.NO_DATA).contains(ChoroplethMap.CONTEXT);
        assertThat(svg).contains("[0.00, 0.00]  n = ").contains("Beijing: ").contains("Taiwan (not in sample)");
    }

    @Test
    void theSouthChinaSeaInsetDrawsTheOutlinesInItsWindowInAClippedBox() {
        Geography geo = Provinces.geography();
        List<GeoJson.Feature> areas = GeoJson.features(geo.boundaries().orElseThrow());
        List<GeoJson.Feature> context = GeoJson.features(Provinces.contextGeoJson());
        Map<String, Double> values = new LinkedHashMap<>();
        int i = 0;
        for (Provinces.Province p : Provinces.all()) values.put(p.code(), (double) (i++ % 5));
        NaturalBreaks.Classification c = NaturalBreaks.jenks(values.values().stream().mapToDouble(Double::doubleValue).toArray(), 5);
        ChoroplethMap.Builder b = ChoroplethMap.builder("Map").areas(areas, "code").context(context).values(values).names(geo.names())
                .classification(c).projection(AlbersProjection.china());
        String plain = b.svg();
        String inset = b.inset(105, 3, 125, 24.5, "South China Sea").svg();
        // outlines overlapping 105-125E, 3-24.5N: Guangdong, Guangxi, Hainan, Fujian, Yunnan and Taiwan, Hong Kong, Macao
        int within = 0;
        for (GeoJson.Feature f : areas) {
            double[] bb = f.bounds();
            if (bb[0] <= 125 && bb[2] >= 105 && bb[1] <= 24.5 && bb[3] >= 3) within++;
        }
        for (GeoJson.Feature f : context) {
            double[] bb = f.bounds();
            if (bb[0] <= 125 && bb[2] >= 105 && bb[1] <= 24.5 && bb[3] >= 3) within++;
        }
        assertThat(within).isBetween(5, 12);
        // (outlines smaller than a pixel at the inset's scale, Macao for one, leave no path)
        assertThat(inset.split("<path ", -1).length - plain.split("<path ", -1).length).isBetween(within - 3, within);
        assertThat(inset).contains("<clipPath id=\"inset-", "clip-path=\"url(#inset-", "South China Sea");
        // the canvas grows by half the box so the box does not cover the mainland
        assertThat(height(inset)).isGreaterThan(height(plain));
        // a different title gives a different clip id (several maps inline in one HTML page)
        String other = ChoroplethMap.builder("Other").areas(areas, "code").context(context).values(values).classification(c)
                .projection(AlbersProjection.china()).inset(105, 3, 125, 24.5, "x").svg();
        assertThat(clipId(other)).isNotEqualTo(clipId(inset));
    }

    private static double height(String svg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("height=\"([0-9.]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String clipId(String svg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<clipPath id=\"([^\"]+)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void albersIsEqualArea() {
        // equal-area: the projected area of a 1x1 degree cell at 30N and at 45N scales with cos(lat)
        AlbersProjection p = AlbersProjection.china();
        double a30 = cellArea(p, 105, 30);
        double a45 = cellArea(p, 105, 45);
        double expected = (Math.sin(Math.toRadians(45.5)) - Math.sin(Math.toRadians(44.5)))
                / (Math.sin(Math.toRadians(30.5)) - Math.sin(Math.toRadians(29.5)));
        assertThat(a45 / a30).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
    }

    private static double cellArea(AlbersProjection p, double lon, double lat) {
        double[][] c = {p.project(lon - 0.5, lat - 0.5), p.project(lon + 0.5, lat - 0.5), p.project(lon + 0.5, lat + 0.5),
            p.project(lon - 0.5, lat + 0.5)};
        double s = 0;
        for (int i = 0; i < 4; i++) s += c[i][0] * c[(i + 1) % 4][1] - c[(i + 1) % 4][0] * c[i][1];
        return Math.abs(s) / 2;
    }

    @Test
    void paletteRunsLightToDark() {
        List<String> p = ChoroplethMap.sequentialPalette(5);
        assertThat(p).hasSize(5).doesNotHaveDuplicates();
        assertThat(p.get(0)).isEqualTo("#fff5c8");
        assertThat(p.get(4)).isEqualTo("#780a14");
    }
}
