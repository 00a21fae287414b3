package eres.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two own-data examples of docs/own-data.md, run exactly as the page says ({@code eres run
 * examples/... --out ...} from the repository root, through the distribution's launcher), and their
 * numbers checked against R computed from the same raw files: plm's two-way fixed effects on the panel
 * R joins itself ({@code examples/*}{@code /reference/make.R}, {@code plm.csv}). The US geography's
 * weights are checked against spdep in core's {@code UsStatesGeographyTest}; here the run must use them
 * (the same SDM estimates from the GeoDa GAL file as from the outlines' queen contiguity) and draw maps.
 */
class OwnDataExamplesIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Path dist() {
        return Path.of(System.getProperty("eres.dist", "target/eres")).toAbsolutePath();
    }

    static String eres(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(dist().resolve("bin/eres").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** The overall (no group) result of a step in results.json. */
    static JsonNode step(JsonNode results, String id) {
        for (JsonNode s : results.get("steps")) if (s.get("id").asText().equals(id) && s.get("group").isNull()) return s.get("result");
        throw new AssertionError("no step " + id);
    }

    static JsonNode coefficient(JsonNode result, String term) {
        for (JsonNode c : result.get("coefficients")) if (c.get("term").asText().equals(term)) return c;
        throw new AssertionError("no coefficient " + term + " in " + result.get("coefficients"));
    }

    /**
     * Checks a step against rows of plm.csv: slopes to 1e-9 and cluster SEs to 1e-8 relative (the
     * tolerances of panel-fe's own plm known-answer tests; both sides solve the same least-squares
     * problem in double precision, R printing 17 digits).
     */
    static void samePlm(JsonNode result, Path csv, String model, int termColumn) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int checked = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (model != null && !f[0].strip().equals(model)) continue;
            JsonNode c = coefficient(result, f[termColumn].strip());
            double est = Double.parseDouble(f[header.indexOf("estimate")].strip());
            double se = Double.parseDouble(f[header.indexOf("se_cluster")].strip());
            assertThat(c.get("estimate").asDouble()).as(f[termColumn]).isCloseTo(est, within(1e-9 * Math.abs(est)));
            assertThat(c.get("stdError").asDouble()).as(f[termColumn] + " se").isCloseTo(se, within(1e-8 * se));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void usStatesFromFourRawFilesAndOwnGeography(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("us");
        String console = eres("run", "examples/us-states/us-states.yaml", "--out", out.toString());
        assertThat(console).contains("data: output-labour.csv + public-capital-wide.csv + private-capital.csv.gz + states.csv");
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode fe = step(results, "fe");
        samePlm(fe, ROOT.resolve("examples/us-states/reference/plm.csv"), null, 0);
        assertThat(fe.get("statistics").get("nobs").asInt()).isEqualTo(816);
        // the GeoDa GAL file written by spdep is the outlines' queen contiguity: the same SDM to the last digit
        JsonNode sdm = step(results, "sdm");
        JsonNode geoda = step(results, "sdm-geoda");
        assertThat(coefficient(geoda, "lpcap").get("estimate").asDouble()).isEqualTo(coefficient(sdm, "lpcap").get("estimate").asDouble());
        assertThat(sdm.toString()).contains("\"links\":214");
        // run.json reports the joins and the geography
        JsonNode data = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("data");
        assertThat(data.get("joins")).hasSize(3);
        assertThat(data.get("joins").get(2).get("on").asText()).isEqualTo("state");
        assertThat(data.get("notes").toString()).contains("48 boundary polygon(s) from us-states.geojson",
                "distances ellipsoidal (WGS84 geodesic, Karney)");
        // choropleth maps of the local GWR slope on the states' outlines
        try (var s = Files.list(out.resolve("figures"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("gwr-map-lpcap-1970-1975.svg",
                    "gwr-map-lpcap-1976-1981.svg", "gwr-map-lpcap-1982-1986.svg");
        }
        assertThat(Files.readString(out.resolve("figures/gwr-map-lpcap-1982-1986.svg"))).contains("New Hampshire");
    }

    @Test
    void chineseYearbookWorkbookWithSheetsPerIndicator(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cn");
        String console = eres("run", "examples/china-yearbook/分省年度数据.yaml", "--out", out.toString());
        assertThat(console).contains("data: 分省年度数据.xlsx (6 sources)");
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        Path plm = ROOT.resolve("examples/china-yearbook/reference/plm.csv");
        samePlm(step(results, "fe"), plm, "fe", 1);
        samePlm(step(results, "fe-fai"), plm, "fe-fai", 1);
        assertThat(step(results, "fe-fai").get("statistics").get("nobs").asInt()).isEqualTo(310);
        JsonNode data = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("data");
        assertThat(data.get("notes").toString()).contains("155 numeric cell(s) of 分省年度数据.xlsx sheet '固定资产投资' read as missing");
        assertThat(Files.readString(out.resolve("report.md"))).contains("人均财政支出（对数）");
        try (var s = Files.list(out.resolve("figures"))) {
            assertThat(s.count()).isEqualTo(3);
        }
    }
}
