package eres.core.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.inject.Guice;
import eres.api.Extension;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.spatial.Weights;
import eres.core.io.CsvReader;
import eres.core.plugin.PluginHost;
import eres.core.spatial.WeightsFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A geography of another country from the user's files: the 48 contiguous US states of
 * {@code examples/us-states} (centroids and TIGER/Line outlines), checked against R: spdep 1.2-7
 * neighbour sets (knearneigh, dnearneigh, poly2nb), geosphere 1.5-18 distances (Karney's distGeo,
 * distHaversine) and sf's planar centroids, and the GAL/GWT/Matrix Market files spdep and Matrix wrote
 * read back as spdep reads them (fixtures and script: {@code examples/us-states/reference/make.R}).
 */
class UsStatesGeographyTest {
    static final Path DIR = Path.of("../examples/us-states");
    static final Path REF = DIR.resolve("reference");
    static List<String> states;
    static Panel panel;
    static Geography geography;
    static PluginHost host;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void load() throws Exception {
        List<Extension<?>> builtins = List.of(new CsvReader());
        host = new PluginHost(tmp.resolve("none"), "0.1.0", Guice.createInjector(), builtins);
        states = new ArrayList<>();
        for (String[] r : csv(DIR.resolve("states.csv"))) states.add(r[0]);
        String[] ids = states.toArray(new String[0]);
        panel = Panel.of("state", "year", null, ids, new int[ids.length], Map.of(), Map.of());
        geography = geography("points: {file: states.csv, lat: lat, lon: lon, name: name}\n"
                + "boundaries: {file: us-states.geojson, id: state, name: NAME}\ndistance: ellipsoidal\n", new ArrayList<>());
    }

    static Geography geography(String yaml, List<String> notes) throws IOException {
        JsonNode n = new YAMLMapper().readTree(yaml);
        return GeographyLoader.load(GeographySpec.parse(n), DIR, host.registry(), panel, Geography.EMPTY, notes);
    }

    static List<String[]> csv(Path p) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(p);
        for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) rows.add(l.replace("\"", "").split(",", -1));
        return rows;
    }

    static SpatialWeights weights(String yaml, Geography g) throws IOException {
        return WeightsFactory.build("w", new YAMLMapper().readTree(yaml), g, states, DIR);
    }

    static Map<String, List<String>> sorted(SpatialWeights w) {
        Map<String, List<String>> m = new TreeMap<>();
        Weights.neighbours(w).forEach((k, v) -> m.put(k, v.stream().sorted().toList()));
        return m;
    }

    static Map<String, List<String>> spdep(String kase) throws IOException {
        Map<String, List<String>> m = new TreeMap<>();
        for (String[] r : csv(REF.resolve("neighbours.csv"))) {
            if (r[0].equals(kase)) m.put(r[1], r[2].isBlank() ? List.of() : List.of(r[2].strip().split(" ")));
        }
        assertThat(m).hasSize(48);
        return m;
    }

    @Test
    void distancesMatchGeosphere() throws IOException {
        Geography hav = geography.withDistance(eres.api.spatial.Distances.Metric.HAVERSINE);
        Geography alb = geography("points: {file: states.csv, x: x_m, y: y_m, unit: m}\n", new ArrayList<>());
        int pairs = 0;
        for (String[] r : csv(REF.resolve("distances.csv"))) {
            double ell = Double.parseDouble(r[2].strip());
            double h = Double.parseDouble(r[3].strip());
            double xy = Double.parseDouble(r[4].strip());
            // Karney's algorithm in GeographicLib-Java and in geosphere's C GeographicLib: agree to rounding (1e-12 relative)
            assertThat(geography.distanceKm(r[0], r[1])).as(r[0] + "-" + r[1]).isCloseTo(ell, within(1e-12 * ell));
            // the haversine formula with R = 6371.0088 km (geosphere: r = 6371008.8 m): the same formula, to rounding
            assertThat(hav.distanceKm(r[0], r[1])).isCloseTo(h, within(1e-12 * h));
            // straight lines between the EPSG:5070 points, metres to km
            assertThat(alb.distanceKm(r[0], r[1])).isCloseTo(xy, within(1e-12 * xy));
            pairs++;
        }
        assertThat(pairs).isEqualTo(48 * 47 / 2);
    }

    /** spdep's longlat distances are ellipsoidal; the k-th and (k+1)-th neighbours differ by at least 0.11 % (make.R prints it). */
    @ParameterizedTest
    @CsvSource({"knn1, 1", "knn4, 4", "knn6, 6"})
    void knnMatchesSpdep(String kase, int k) throws IOException {
        assertThat(sorted(weights("{type: knn, k: " + k + "}", geography))).isEqualTo(spdep(kase));
    }

    /** Thresholds at least 4.8 km from every pairwise distance on both sphere and ellipsoid: both metrics give spdep's sets. */
    @ParameterizedTest
    @CsvSource({"band412, 412", "band983, 983"})
    void distanceBandsMatchSpdep(String kase, int km) throws IOException {
        Map<String, List<String>> want = spdep(kase);
        assertThat(sorted(weights("{type: distance-band, threshold: " + km + ", standardize: none}", geography))).isEqualTo(want);
        assertThat(sorted(weights("{type: distance-band, threshold: " + km + ", standardize: none, distance: haversine}", geography)))
                .isEqualTo(want);
    }

    /** Queen and rook contiguity from the outlines: poly2nb's 214 and 210 links (the Four Corners are queen-only). */
    @ParameterizedTest
    @CsvSource({"queen, queen", "rook, rook"})
    void contiguityMatchesPoly2nb(String kase, String rule) throws IOException {
        SpatialWeights w = weights("{type: contiguity, rule: " + rule + ", standardize: none}", geography);
        assertThat(sorted(w)).isEqualTo(spdep(kase));
        assertThat(w.nonZeros()).isEqualTo(rule.equals("queen") ? 214 : 210);
    }

    @Test
    void weightsFilesReadAsSpdepReadsThem() throws IOException {
        Map<String, Map<String, Double>> gal = new HashMap<>();
        Map<String, Map<String, Double>> gwt = new HashMap<>();
        for (String[] r : csv(REF.resolve("weights-files.csv"))) {
            (r[0].equals("gal") ? gal : gwt).computeIfAbsent(r[1], k -> new HashMap<>()).put(r[2], Double.parseDouble(r[3].strip()));
        }
        SpatialWeights g = weights("{type: gal, file: us-queen.gal, standardize: none}", geography);
        SpatialWeights t = weights("{type: gwt, file: us-knn4.gwt, standardize: none}", geography);
        for (int i = 0; i < states.size(); i++) {
            assertThat(row(g, i)).as("gal " + states.get(i)).isEqualTo(gal.get(states.get(i)));
            Map<String, Double> want = gwt.get(states.get(i));
            Map<String, Double> got = row(t, i);
            assertThat(got.keySet()).isEqualTo(want.keySet());
            want.forEach((k, v) -> assertThat(got.get(k)).isCloseTo(v, within(1e-12 * v)));
        }
        // the GAL file is the queen contiguity, the GWT the ellipsoidal 4 nearest with their distances
        assertThat(sorted(g)).isEqualTo(spdep("queen"));
        SpatialWeights knn = weights("{type: knn, k: 4, standardize: none}", geography);
        assertThat(sorted(t)).isEqualTo(sorted(knn));
        // Matrix Market (written by R Matrix::writeMM, symmetric lower triangle) = eres's own 1/d^2 within 800 km
        SpatialWeights mtx = weights("{type: matrix-market, file: us-idw2.mtx, ids: us-idw2.ids, standardize: none}", geography);
        SpatialWeights idw = weights("{type: inverse-distance, power: 2, cutoff: 800, standardize: none}", geography);
        assertThat(mtx.nonZeros()).isEqualTo(idw.nonZeros());
        for (int i = 0; i < states.size(); i++) {
            Map<String, Double> a = row(mtx, i);
            Map<String, Double> b = row(idw, i);
            assertThat(a.keySet()).isEqualTo(b.keySet());
            // writeMM prints 17 significant digits; R's 1/d^2 comes from geosphere's distances, which agree with GeographicLib-Java
            // to about 1e-15 relative (above), so 1/d^2 to a few 1e-15: 1e-12 relative leaves room
            a.forEach((k, v) -> assertThat(v).isCloseTo(b.get(k), within(1e-12 * v)));
        }
    }

    static Map<String, Double> row(SpatialWeights w, int i) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = w.rowStart(i); k < w.rowEnd(i); k++) m.put(w.ids().get(w.column(k)), w.value(k));
        return m;
    }

    /** JTS's centroid of the outlines is sf's st_centroid with s2 off (planar in degrees), written to states.csv by make.R. */
    @Test
    void centroidsOfTheOutlinesAreTheStatesFilePoints() throws IOException {
        List<String> notes = new ArrayList<>();
        Geography c = geography("points: centroids\nboundaries: {file: us-states.geojson, id: state}\n", notes);
        for (String s : states) {
            assertThat(c.location(s).orElseThrow().lat()).isCloseTo(geography.location(s).orElseThrow().lat(), within(1e-9));
            assertThat(c.location(s).orElseThrow().lon()).isCloseTo(geography.location(s).orElseThrow().lon(), within(1e-9));
        }
        assertThat(notes.get(0)).isEqualTo("geography: 48 boundary polygon(s) from us-states.geojson (property 'state')");
        assertThat(geography.name("NEW_HAMPSHIRE")).isEqualTo("New Hampshire");
    }
}
