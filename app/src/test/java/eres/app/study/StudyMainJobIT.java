package eres.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.plugins.studychina.SimulatedStudy;
import eres.plugins.studychina.StudySimulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's main job, {@code eres run} without a chain, through the assembled distribution: it runs
 * the whole study chain on the synthetic default panel. Checks that (1) the planted truths are recovered
 * within the estimators' own confidence intervals ({@link StudyRecovery}; one draw of the Monte Carlo in
 * {@link StudyMonteCarlo}), (2) every table and figure of the study is written, labelled synthetic, and
 * (3) report.html renders in a real browser (headless Chromium over the DevTools protocol) without
 * console errors or network requests, with the expected tables and figures in the rendered DOM; a
 * screenshot is saved as target/study-report.png.
 */
class StudyMainJobIT {
    private static final Path DIST = Path.of(System.getProperty("eres.dist", "target/eres")).toAbsolutePath();
    private static Path work;
    private static Path out;
    private static String summary;
    private static long millis;

    @BeforeAll
    static void runTheMainJob() throws Exception {
        work = Files.createTempDirectory("eres-study-it");
        out = work.resolve("out");
        Path log = work.resolve("run.log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(DIST.resolve("bin/eres").toString(), "run", "--out", out.toString(), "--threads", "2")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the main job finishes within 10 minutes").isTrue();
        millis = (System.nanoTime() - t0) / 1_000_000;
        summary = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(summary).isZero();
        System.out.println("main job: " + millis + " ms (2 threads)\n" + summary);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (work == null) return;
        Files.walkFileTree(work, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Test
    void recoversThePlantedTruths() throws Exception {
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        SimulatedStudy sim = StudySimulation.generate(StudySimulation.DEFAULT_SEED);
        List<StudyRecovery.Check> checks = new StudyRecovery(results, out, sim).run();
        StringBuilder report = new StringBuilder("recovery of the planted truths (data seed " + sim.seed() + "):\n");
        List<StudyRecovery.Check> failed = new ArrayList<>();
        for (StudyRecovery.Check c : checks) {
            report.append(c).append('\n');
            if (c.required() && !c.passed()) failed.add(c);
        }
        System.out.println(report);
        assertThat(checks).hasSizeGreaterThan(40);
        assertThat(failed).as(report.toString()).isEmpty();
    }

    /**
     * The calibration bounds of the synthetic panel (docs/synthetic-data.md), from the replication table the
     * main job writes: Table 2's means and standard deviations within 15% and its ranges of the same order,
     * every Table 3 coefficient with the published sign and within two published SEs, the published thresholds
     * of Table 5 (1)-(2) inside the run's LR intervals, Table 6's regional pattern, the signs of Tables 7-8,
     * rho of Table A2 positive and significant.
     */
    @Test
    void meetsTheCalibrationBoundsOfThePublishedTablesOnTheDefaultSeed() throws Exception {
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode replication = null;
        for (JsonNode s : results.get("steps")) if (s.get("id").asText().equals("replication")) replication = s.get("result");
        assertThat(replication).as("the main job has a replication step").isNotNull();
        StringBuilder report = new StringBuilder("calibration bounds (data seed " + StudySimulation.DEFAULT_SEED + "):\n");
        List<String> failed = new ArrayList<>();
        int checked = 0;
        for (JsonNode r : replication.get("replication")) {
            if (r.get("passed").isNull()) continue;
            checked++;
            String line = String.format(java.util.Locale.ROOT, "%-58s published %10.4f  eres %10.4f  %-24s %s", r.get("id").asText(),
                    r.get("published").asDouble(), r.get("eres").asDouble(), r.get("check").asText(), r.get("passed").asBoolean() ? "met" : "NOT MET");
            report.append(line).append('\n');
            if (!r.get("passed").asBoolean()) failed.add(line);
        }
        System.out.println(report);
        assertThat(checked).as("bounds checked").isGreaterThanOrEqualTo(90);
        for (String table : List.of("Table 2", "Table 3", "Table 5", "Table 6", "Table 7", "Table 8", "Table A2")) {
            assertThat(report.toString()).as("bounds of " + table).contains(table + "|");
        }
        assertThat(failed).as(report.toString()).isEmpty();
    }

    @Test
    void writesEveryTableAndFigureOfTheStudyLabelledSynthetic() throws Exception {
        for (String t : List.of("index-weights", "descriptives-descriptives", "combined-table3", "t3-opt-controls-vif", "t4-iv-opt-iv",
                "t4-iv-int-iv", "t5-opt-threshold-tests", "t5-opt-regime-coefficients", "t5-int-threshold-tests", "t5-int-regime-coefficients",
                "t5-opt-dynamic-regime-coefficients", "t5-users-regime-coefficients", "combined-t6-opt-by-group", "combined-t6-int-by-group",
                "t7-opt-mediation", "t7-opt-bootstrap", "t7-int-mediation", "t7-int-bootstrap", "combined-f3-mediation-region-by-group",
                "a2-sdm-opt-table-a2", "a2-sdm-int-table-a2", "f2-gtwr-opt-local-coefficients", "f2-gtwr-int-map-breaks",
                "replication-replication", "replication-replication-summary")) {
            assertThat(out.resolve("tables/" + t + ".md")).as("Markdown table " + t).exists();
            assertThat(out.resolve("tables/" + t + ".csv")).as("CSV table " + t).exists();
        }
        for (String f : List.of("t5-opt-lr-plot", "t5-int-lr-plot", "t7-opt-path-div", "t7-int-path-spe", "f2-gtwr-opt-map-ln_opt-2008-2012",
                "f2-gtwr-opt-map-ln_opt-2013-2017", "f2-gtwr-opt-map-ln_opt-2018-2022", "f2-gtwr-int-map-ln_int-2018-2022")) {
            assertThat(out.resolve("figures/" + f + ".svg")).as("figure " + f).exists();
        }
        for (String t : List.of("combined-table3", "combined-table4", "combined-table5", "combined-table6", "combined-table7", "combined-table-a2")) {
            assertThat(out.resolve("tables/" + t + ".md")).as("table block " + t).exists();
        }
        // every table file and figure file carries the synthetic notice on its own; every figure has a 300 dpi PNG
        try (var files = Files.list(out.resolve("tables"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.getFileName().toString()).contains("SYNTHETIC DATA");
            }
        }
        try (var files = Files.list(out.resolve("figures"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".svg")).toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.getFileName().toString()).contains(">SYNTHETIC DATA");
                Path png = Path.of(f.toString().replaceAll("\\.svg$", ".png"));
                assertThat(png).as("PNG of " + f.getFileName()).exists();
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
                assertThat(img.getWidth()).as("300 dpi: 300/96 pixels per SVG unit").isGreaterThan(1000);
            }
        }
        // the China maps carry the South China Sea inset
        assertThat(Files.readString(out.resolve("figures/f2-gtwr-opt-map-ln_opt-2008-2012.svg"))).contains("South China Sea", "clip-path");
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.get("data").get("synthetic").asBoolean()).isTrue();
        assertThat(run.get("chain").get("file").asText()).isEqualTo("builtin:study.yaml");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("[SYNTHETIC DATA]</h1>", "class=\"notice synthetic\"");
        assertThat(Files.readString(out.resolve("report.md"))).contains("[SYNTHETIC DATA]", "Synthetic data:");
        assertThat(summary).contains("[SYNTHETIC]");
        // self-contained: no script, no external reference
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("https://", "src=\"", "<link", "<iframe");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).as("no reference other than the SVG namespace")
                .doesNotContain("http://");
    }

    @Test
    void reportRendersInChromium() throws Exception {
        Optional<Path> chromium = Chromium.find();
        if (chromium.isEmpty()) {
            String msg = "SKIPPED: chromium is not installed (Debian package 'chromium'; .ci/run installs it), so report.html was not"
                    + " checked in a browser";
            System.err.println(msg);
            System.out.println(msg);
        }
        Assumptions.assumeTrue(chromium.isPresent(), "chromium not installed");
        int tables = count(summary, "wrote .*?: results\\.json, run\\.json, (\\d+) table\\(s\\)");
        int figures = count(summary, "wrote .*? table\\(s\\), (\\d+) figure\\(s\\)");
        Path html = out.resolve("report.html");
        try (Chromium browser = new Chromium(chromium.get(), work)) {
            browser.openPage();
            browser.load(html.toUri().toString());
            JsonNode dom = browser.evaluate("""
                    (() => {
                      const notice = document.querySelector('header .notice.synthetic');
                      const box = notice ? notice.getBoundingClientRect() : null;
                      const svgs = [...document.querySelectorAll('figure > svg')];
                      return {
                        title: document.title,
                        tables: document.querySelectorAll('table').length,
                        figures: document.querySelectorAll('figure').length,
                        svgRendered: svgs.filter(s => s.getBoundingClientRect().width > 100 && s.getBoundingClientRect().height > 100).length,
                        contents: document.querySelectorAll('nav#contents li').length,
                        steps: document.querySelectorAll('section.step').length,
                        notice: notice ? notice.innerText : null,
                        noticeVisible: !!box && box.height > 0 && box.top < window.innerHeight,
                        provenance: document.querySelector('#provenance') ? document.querySelector('#provenance').innerText : '',
                        brokenLinks: [...document.querySelectorAll('a[href^="#"]')].filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
                        scripts: document.scripts.length
                      };
                    })()""");
            browser.screenshot(Path.of("target", "study-report.png"), 1280, 2400);
            System.out.println("rendered DOM: " + dom);
            assertThat(browser.errors()).as("console errors, exceptions, failed requests").isEmpty();
            assertThat(browser.requests()).as("requests of a self-contained page").allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));
            assertThat(dom.get("tables").asInt()).isEqualTo(tables).isGreaterThan(50);
            assertThat(dom.get("figures").asInt()).isEqualTo(figures).isGreaterThanOrEqualTo(11);
            assertThat(dom.get("svgRendered").asInt()).isEqualTo(figures);
            assertThat(dom.get("steps").asInt()).isEqualTo(dom.get("contents").asInt());
            assertThat(dom.get("title").asText()).contains("SYNTHETIC DATA");
            assertThat(dom.get("notice").asText()).contains("Synthetic data").contains("not real data");
            assertThat(dom.get("noticeVisible").asBoolean()).as("the synthetic notice is in the first screen").isTrue();
            assertThat(dom.get("provenance").asText()).contains("data sha256", "seed", "plugins", "threshold 0.1.0");
            assertThat(dom.get("brokenLinks").asInt()).isZero();
            assertThat(dom.get("scripts").asInt()).isZero();
        }
        assertThat(Path.of("target", "study-report.png")).isRegularFile();
        assertThat(Files.size(Path.of("target", "study-report.png"))).isGreaterThan(20_000);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) throw new AssertionError("no '" + regex + "' in the run summary: " + text);
        return Integer.parseInt(m.group(1));
    }
}
