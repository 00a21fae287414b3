package eres.core.spatial;

import eres.api.spatial.GreatCircle;
import eres.api.spatial.Weights;
import eres.api.spatial.WeightsSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.plugins.studychina.Provinces;
import eres.api.DataException;
import eres.api.SpecException;
import eres.api.data.Geography;
import eres.api.data.Location;
import eres.api.data.SpatialWeights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weights builders against R spdep 1.2-7 (fixture spatial/neighbours.csv, see its make.R). */
class WeightsFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Geography CHINA = Provinces.geography();
    private static final List<String> CODES = Provinces.all().stream().map(Provinces.Province::code).toList();

    static JsonNode spec(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static SpatialWeights build(String json) {
        return WeightsFactory.build("w", spec(json), CHINA, CODES);
    }

    /** case -> unit -> sorted neighbour codes, from the spdep fixture. */
    static Map<String, Map<String, List<String>>> spdep() throws IOException {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        try (InputStream in = WeightsFactoryTest.class.getResourceAsStream("/spatial/neighbours.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                List<String> nb = f[2].isBlank() ? List.of() : List.of(f[2].trim().split(" "));
                out.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], nb);
            }
        }
        return out;
    }

    static Map<String, List<String>> sortedNeighbours(SpatialWeights w) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        Weights.neighbours(w).forEach((k, v) -> m.put(k, v.stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).toList()));
        return m;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"knn1| {'type':'knn','k':1}", "knn4| {'type':'knn','k':4}", "knn6| {'type':'knn','k':6}",
            "band488| {'type':'distance-band','threshold':488,'standardize':'none'}",
            "band846| {'type':'distance-band','threshold':846,'standardize':'none'}",
            "queen| {'type':'contiguity','rule':'queen','standardize':'none'}",
            "rook| {'type':'contiguity','rule':'rook','standardize':'none'}"})
    void neighboursMatchSpdep(String kase, String json) throws IOException {
        assertThat(sortedNeighbours(build(json))).isEqualTo(spdep().get(kase));
    }

    @Test
    void inverseSquaredDistanceIsTheStudysWg() {
        SpatialWeights w = build("{'type':'inverse-distance','power':2}");
        assertThat(w.isRowStandardized()).isTrue();
        assertThat(w.nonZeros()).isEqualTo(31 * 30);
        // row sums 1; ratio of two weights in a row = inverse ratio of squared distances
        Location bj = CHINA.location("11").orElseThrow();
        Location tj = CHINA.location("12").orElseThrow();
        Location sh = CHINA.location("31").orElseThrow();
        int i = CODES.indexOf("11");
        double ratio = w.get(i, CODES.indexOf("12")) / w.get(i, CODES.indexOf("31"));
        double expected = Math.pow(GreatCircle.km(bj, sh), 2) / Math.pow(GreatCircle.km(bj, tj), 2);
        assertThat(ratio).isCloseTo(expected, within(1e-12 * expected));
        WeightsSummary s = Weights.summary(w);
        assertThat(s.symmetric()).isFalse();
        assertThat(s.symmetrizable()).isTrue();   // row-standardised symmetric matrix
        assertThat(s.islands()).isEmpty();
        SpatialWeights raw = build("{'type':'inverse-distance','power':2,'standardize':'none'}");
        assertThat(Weights.summary(raw).symmetric()).isTrue();
        assertThat(raw.get(0, 1)).isCloseTo(Math.pow(GreatCircle.km(bj, tj), -2), within(1e-18));
    }

    @Test
    void inverseDistanceCutoffDropsFarPairs() {
        SpatialWeights w = build("{'type':'inverse-distance','power':1,'cutoff':846,'standardize':'none'}");
        SpatialWeights band = build("{'type':'distance-band','threshold':846,'standardize':'none'}");
        assertThat(Weights.neighbours(w)).isEqualTo(Weights.neighbours(band));
    }

    @Test
    void hainanIsAnIslandForContiguityAndAnExplicitLinkFixesIt() {
        assertThatThrownBy(() -> build("{'type':'contiguity'}"))
                .isInstanceOf(DataException.class).hasMessageContaining("46").hasMessageContaining("without a neighbour");
        SpatialWeights w = build("{'type':'contiguity','links':[['46','44']]}");
        assertThat(w.islands()).isEmpty();
        assertThat(w.get(CODES.indexOf("46"), CODES.indexOf("44"))).isEqualTo(1.0);
        assertThat(w.get(CODES.indexOf("44"), CODES.indexOf("46"))).isEqualTo(0.2);   // Guangdong: 4 land neighbours + Hainan
        assertThat(w.description()).contains("1 explicit link");
        SpatialWeights raw = build("{'type':'contiguity','standardize':'none'}");
        assertThat(Weights.summary(raw).islands()).containsExactly("46");
        assertThat(Weights.summary(raw).symmetric()).isTrue();
        assertThat(Weights.summary(raw).links()).isEqualTo(136);
    }

    /** A 3 x 3 grid of unit squares: the centre has 8 queen and 4 rook neighbours, a corner 3 and 2. */
    @Test
    void rookAndQueenDifferOnAGrid() {
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        List<String> ids = new ArrayList<>();
        Map<String, Location> loc = new LinkedHashMap<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                String id = Integer.toString(r * 3 + c + 1);
                ids.add(id);
                loc.put(id, new Location(r + 0.5, c + 0.5));
                if (fc.charAt(fc.length() - 1) != '[') fc.append(',');
                fc.append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(id).append("\"},\"geometry\":{\"type\":\"Polygon\",")
                        .append("\"coordinates\":[[[").append(c).append(',').append(r).append("],[").append(c + 1).append(',').append(r)
                        .append("],[").append(c + 1).append(',').append(r + 1).append("],[").append(c).append(',').append(r + 1)
                        .append("],[").append(c).append(',').append(r).append("]]]}}");
            }
        }
        fc.append("]}");
        Geography grid = new Geography(loc, Map.of(), fc.toString(), "id", "grid");
        SpatialWeights queen = WeightsFactory.build("q", spec("{'type':'contiguity','rule':'queen','standardize':'none'}"), grid, ids);
        SpatialWeights rook = WeightsFactory.build("r", spec("{'type':'contiguity','rule':'rook','standardize':'none'}"), grid, ids);
        assertThat(Weights.neighbours(queen).get("5")).hasSize(8);
        assertThat(Weights.neighbours(rook).get("5")).containsExactly("2", "4", "6", "8");
        assertThat(Weights.neighbours(queen).get("1")).containsExactly("2", "4", "5");
        assertThat(Weights.neighbours(rook).get("1")).containsExactly("2", "4");
        // a small gap closed by snap
        String gapped = fc.toString().replace("[[[1,0],[2,0]", "[[[1.001,0],[2,0]").replace("[2,1],[1,1],[1,0]]", "[2,1],[1.001,1],[1.001,0]]");
        Geography g2 = new Geography(loc, Map.of(), gapped, "id", "grid");
        assertThat(Weights.neighbours(WeightsFactory.build("r", spec("{'type':'contiguity','rule':'rook','standardize':'none'}"), g2, ids))
                .get("1")).containsExactly("4");
        assertThat(Weights.neighbours(WeightsFactory.build("r", spec("{'type':'contiguity','rule':'rook','snap':0.01,'standardize':'none'}"),
                g2, ids)).get("1")).containsExactly("2", "4");
    }

    @Test
    void matrixAndEdgeFilesResolveAgainstTheBaseDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("w.csv"), "id,a,b,c\na,0,1,3\nb,1,0,0\nc,3,0,0\n");
        Files.writeString(dir.resolve("e.csv"), "src,dst,w\na,b,1\na,c,3\nz,a,9\n");
        Geography none = Geography.EMPTY;
        List<String> units = List.of("a", "b", "c");
        SpatialWeights m = WeightsFactory.build("m", spec("{'type':'matrix','file':'w.csv'}"), none, units, dir);
        assertThat(m.get(0, 2)).isEqualTo(0.75);
        assertThat(m.get(2, 0)).isEqualTo(1.0);
        SpatialWeights e = WeightsFactory.build("e", spec("{'type':'edges','file':'e.csv','from':'src','to':'dst','weight':'w','symmetric':true,"
                + "'standardize':'none'}"), none, units, dir);
        assertThat(e.toDense()).isEqualTo(new double[][] {{0, 1, 3}, {1, 0, 0}, {3, 0, 0}});
        // a subset of the file's units, in panel order
        SpatialWeights sub = WeightsFactory.build("m", spec("{'type':'matrix','file':'w.csv','standardize':'none'}"), none, List.of("c", "a"), dir);
        assertThat(sub.toDense()).isEqualTo(new double[][] {{0, 3}, {3, 0}});
        assertThatThrownBy(() -> WeightsFactory.build("m", spec("{'type':'matrix','file':'nope.csv'}"), none, units, dir))
                .isInstanceOf(SpecException.class).hasMessageContaining("weights.m.file").hasMessageContaining("nope.csv");
        Files.writeString(dir.resolve("bad.csv"), "id,a,b\na,1,1\nb,1,0\n");
        assertThatThrownBy(() -> WeightsFactory.build("m", spec("{'type':'matrix','file':'bad.csv'}"), none, List.of("a", "b"), dir))
                .isInstanceOf(DataException.class).hasMessageContaining("diagonal weight of unit 'a'");
        assertThatThrownBy(() -> WeightsFactory.build("m", spec("{'type':'matrix','file':'w.csv'}"), none, List.of("a", "x"), dir))
                .isInstanceOf(DataException.class).hasMessageContaining("no column for unit 'x'");
    }

    @Test
    void specErrorsNameTheKey() {
        assertThatThrownBy(() -> build("{'type':'knn'}")).isInstanceOf(SpecException.class).hasMessageContaining("weights.w.k");
        assertThatThrownBy(() -> build("{'type':'knn','k':31}")).hasMessageContaining("[1, 30]");
        assertThatThrownBy(() -> build("{'type':'inverse-distance','powr':2}")).hasMessageContaining("unknown key 'powr'")
                .hasMessageContaining("power");
        assertThatThrownBy(() -> build("{'type':'contiguity','rule':'bishop'}")).hasMessageContaining("queen");
        assertThatThrownBy(() -> build("{'type':'knnn'}")).hasMessageContaining("knn");
        assertThatThrownBy(() -> build("{'type':'distance-band','threshold':100}")).isInstanceOf(DataException.class)
                .hasMessageContaining("without a neighbour");
    }

    @Test
    void restrictionReStandardisesAndReportsIslands() {
        SpatialWeights w = build("{'type':'inverse-distance','power':2}");
        List<String> east = List.of("11", "12", "13", "31", "32", "33", "35", "37", "44", "46");
        SpatialWeights r = Weights.restrict(w, east, "group east");
        assertThat(r.ids()).isEqualTo(east);
        assertThat(r.isRowStandardized()).isTrue();
        for (int i = 0; i < r.size(); i++) {
            double s = 0;
            for (int k = r.rowStart(i); k < r.rowEnd(i); k++) s += r.value(k);
            assertThat(s).isCloseTo(1.0, within(1e-14));
        }
        // same ratios as the full raw matrix
        SpatialWeights raw = build("{'type':'inverse-distance','power':2,'standardize':'none'}");
        assertThat(r.get(0, 1) / r.get(0, 2)).isCloseTo(raw.get(0, 1) / raw.get(0, 2), within(1e-12));
        assertThat(Weights.restrict(w, CODES, null)).isSameAs(w);
        // unstandardised weights are restricted as they are
        SpatialWeights rawSub = Weights.restrict(raw, List.of("12", "11"), null);
        assertThat(rawSub.get(0, 1)).isEqualTo(raw.get(1, 0));
        SpatialWeights queen = build("{'type':'contiguity','links':[['46','44']]}");
        assertThatThrownBy(() -> Weights.restrict(queen, List.of("11", "12", "65"), "group x"))
                .isInstanceOf(DataException.class).hasMessageContaining("group x").hasMessageContaining("65");
    }

    @Test
    void knnIsAsymmetricAndNotSymmetrizable() {
        SpatialWeights w = build("{'type':'knn','k':4}");
        WeightsSummary s = Weights.summary(w);
        assertThat(s.symmetric()).isFalse();
        assertThat(s.symmetrizable()).isFalse();
        assertThat(s.minNeighbours()).isEqualTo(4);
        assertThat(s.maxNeighbours()).isEqualTo(4);
        assertThat(Arrays.stream(new int[] {s.links()}).sum()).isEqualTo(124);
        assertThat(s.rowStandardized()).isTrue();
        assertThat(Weights.neighbours(w).values().stream().map(List::size).collect(Collectors.toSet())).containsExactly(4);
    }
}
