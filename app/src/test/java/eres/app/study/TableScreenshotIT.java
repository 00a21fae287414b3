package eres.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eres.app.Main;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered publication table, as a reader sees it: {@code examples/tables-3-4.yaml}'s combined table in
 * report.html, rendered by headless Chromium and photographed. The picture is checked, not compared with a
 * stored picture (fonts differ between machines): it has the five horizontal rules of the three-rule
 * layout with its two inner rules (top, under the header, above the indicator rows, above the statistics,
 * bottom) running across the table, the two spanning headers each underlined by its own rule with a gap
 * between them, and every cell on one line. With {@code -Deres.docs.pictures=DIR} it also writes the
 * picture used in docs/tables.md.
 */
class TableScreenshotIT {
    static final Path PLUGINS = Path.of(System.getProperty("eres.dist", "target/eres")).resolve("plugins");

    @Test
    void combinedTableRendersWithItsRules(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = Chromium.find();
        if (chromium.isEmpty()) System.out.println("SKIPPED: chromium is not installed (Debian package 'chromium'; .ci/run installs it)");
        Assumptions.assumeTrue(chromium.isPresent(), "chromium not installed");
        Path chain = Path.of("../examples/tables-3-4.yaml").toAbsolutePath().normalize();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), "run", chain.toString(), "--plugins", PLUGINS.toString(), "--out",
                dir.resolve("out").toString(), "--format", "html", "--threads", "1");
        assertThat(code).as(o + "\n" + e).isZero();
        Path png = Path.of("target", "table3-4-html.png");
        double[] box;
        JsonNode dom;
        try (Chromium browser = new Chromium(chromium.get(), dir)) {
            browser.openPage();
            browser.load(dir.resolve("out/report.html").toUri().toString());
            String table = "#combined-table3-4 table";
            dom = browser.evaluate("""
                    (() => {
                      const t = document.querySelector('#combined-table3-4 table');
                      const cells = [...t.querySelectorAll('td, th')];
                      const lh = parseFloat(getComputedStyle(t).lineHeight) || 16;
                      return {
                        wrapped: cells.filter(c => c.innerText.trim() !== '' && c.getBoundingClientRect().height > 2.2 * lh).map(c => c.innerText),
                        overflow: cells.filter(c => c.scrollWidth > c.clientWidth + 1).length,
                        spans: [...t.querySelectorAll('th.span')].map(c => c.innerText),
                        rows: t.querySelectorAll('tbody tr').length
                      };
                    })()""");
            box = browser.screenshotElement(png, table, 1400, 2);
            // the picture for the docs: notice, caption, table and notes
            browser.screenshotElement(Path.of("target", "table3-4-html-with-notes.png"), "#combined-table3-4", 1400, 1.5);
            assertThat(browser.errors()).isEmpty();
        }
        assertThat(dom.get("wrapped")).as("cells on one line").isEmpty();
        assertThat(dom.get("overflow").asInt()).isZero();
        assertThat(dom.get("spans").toString()).contains("Two-way FE", "FE-2SLS");

        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isCloseTo((int) Math.round(box[2] * 2), org.assertj.core.api.Assertions.within(2));
        List<int[]> lines = horizontalRules(img, 0.97);
        assertThat(lines).as("rules across the table (top, header, indicators, statistics, bottom): " + describe(lines)).hasSize(5);
        // the spanning headers: a y where exactly two long dark runs exist, with a gap between them
        boolean twoUnderlines = false;
        for (int y = 0; y < img.getHeight() / 3 && !twoUnderlines; y++) {
            List<int[]> runs = runs(img, y);
            long longRuns = runs.stream().filter(r -> r[1] - r[0] > img.getWidth() / 5).count();
            twoUnderlines = longRuns == 2;
        }
        assertThat(twoUnderlines).as("two separate span underlines").isTrue();
        String docs = System.getProperty("eres.docs.pictures");
        if (docs != null && !docs.isBlank()) {
            Files.copy(Path.of("target", "table3-4-html-with-notes.png"), Path.of(docs).resolve("table3-4-html.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return 0.299 * r + 0.587 * g + 0.114 * b < 110;
    }

    /** Rows of pixels dark over at least {@code share} of the width, grouped into lines {first y, last y}. */
    static List<int[]> horizontalRules(BufferedImage img, double share) {
        List<int[]> lines = new ArrayList<>();
        for (int y = 0; y < img.getHeight(); y++) {
            int n = 0;
            for (int x = 0; x < img.getWidth(); x++) if (dark(img.getRGB(x, y))) n++;
            if (n >= share * img.getWidth()) {
                if (!lines.isEmpty() && lines.get(lines.size() - 1)[1] == y - 1) lines.get(lines.size() - 1)[1] = y;
                else lines.add(new int[] {y, y});
            }
        }
        return lines;
    }

    /** Dark runs {first x, last x} of one pixel row. */
    static List<int[]> runs(BufferedImage img, int y) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int x = 0; x <= img.getWidth(); x++) {
            boolean d = x < img.getWidth() && dark(img.getRGB(x, y));
            if (d && start < 0) start = x;
            if (!d && start >= 0) {
                runs.add(new int[] {start, x - 1});
                start = -1;
            }
        }
        return runs;
    }

    static String describe(List<int[]> lines) {
        StringBuilder b = new StringBuilder();
        for (int[] l : lines) b.append('[').append(l[0]).append('-').append(l[1]).append(']');
        return b.toString();
    }
}
