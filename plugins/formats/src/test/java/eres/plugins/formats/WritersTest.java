package eres.plugins.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.io.CsvReader;
import eres.api.NoParameters;
import eres.api.data.RawTable;
import eres.api.result.Report;
import eres.api.result.Table;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * The four writers on reports built from real two-way FE estimates (SampleReports). LaTeX is compiled
 * with pdflatex and the Word document converted to PDF by LibreOffice where those are installed
 * (.ci/run installs both, so CI always runs them); elsewhere those two tests are skipped with the reason.
 */
class WritersTest {
    private static Report ascii;
    private static Report chinese;

    @BeforeAll
    static void reports() {
        ascii = SampleReports.report(false);
        chinese = SampleReports.report(true);
    }

    // ------------------------------------------------------------------ LaTeX

    @Test
    void latexHasTheEsttabBooktabsLayout(@TempDir Path dir) throws IOException {
        new LatexWriter().write(ascii, new NoParameters(), SampleReports.sink(dir));
        String t = Files.readString(dir.resolve("tables/combined-by-region.tex"));
        assertThat(t).contains("\\begin{table}[htbp]", "\\caption{ln GDP by sample}", "\\label{tab:combined-by-region}",
                "\\begin{tabular}{l*{2}{c}}", "\\def\\sym#1");
        assertThat(count(t, "\\toprule")).isEqualTo(1);
        assertThat(count(t, "\\bottomrule")).isEqualTo(1);
        // under the header, and above the footer rows
        assertThat(count(t, "\\midrule")).isEqualTo(2);
        assertThat(t).contains(" & \\multicolumn{2}{c}{Two-way fixed effects} \\\\\n\\cmidrule(lr){2-3}\n");
        assertThat(t).contains("{} & All & East \\\\");
        // estimates with stars as \sym{}, SE in brackets on the next line, models side by side
        Matcher m = Pattern.compile("\\{\\}ln population & (-?[0-9.]+)(\\\\sym\\{\\*+\\})? & (-?[0-9.]+)(\\\\sym\\{\\*+\\})? \\\\\\\\\n"
                + "\\{\\} & \\((-?[0-9.]+)\\) & \\((-?[0-9.]+)\\) \\\\\\\\").matcher(t);
        assertThat(m.find()).as(t).isTrue();
        assertThat(t).contains("{}Observations & 465 & 150 \\\\");
        assertThat(t).contains("\\multicolumn{3}{l}{\\footnotesize Standard errors in parentheses; *** p\\textless{}0.01");
        assertThat(t.indexOf("\\bottomrule")).isLessThan(t.indexOf("\\footnotesize"));

        String base = Files.readString(dir.resolve("tables/baseline-coefficients.tex"));
        assertThat(base).contains("urbanization\\_rate (\\%)", "100\\% of rows used, x\\_1 \\textless{} x\\_2", "\\& urbanization");
        String sections = Files.readString(dir.resolve("tables/baseline-sections.tex"));
        assertThat(sections).contains("\\multicolumn{3}{l}{\\textit{Panel A: levels}} \\\\", "{}[y] & -0.5\\sym{*} &  \\\\",
                "{}x & 1.0\\sym{***} & 2.0 \\\\");
        assertThat(Files.exists(dir.resolve("tables/baseline--east-coefficients.tex"))).isTrue();
        String report = Files.readString(dir.resolve("report.tex"));
        assertThat(report).startsWith("% Compile with pdflatex").contains("\\documentclass[11pt]{article}", "\\usepackage{booktabs}",
                "\\begin{longtable}", "\\section{Baseline (baseline) - east}", "\\textbf{Failed:} regime variable 'opt' is constant",
                "\\texttt{figures/baseline-lr.svg}", "\\item \\texttt{few-clusters} only 31 clusters");
    }

    @Test
    void latexCompilesWithPdflatex(@TempDir Path dir) throws Exception {
        String pdflatex = onPath("pdflatex");
        skipUnless(pdflatex != null,
                "pdflatex is not installed (Debian texlive-latex-recommended; .ci/run installs it): LaTeX compile check skipped");
        new LatexWriter().write(ascii, new NoParameters(), SampleReports.sink(dir));
        // a paper that \input's one of the table files, as a user would
        Files.writeString(dir.resolve("paper.tex"), "\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n"
                + "\\input{tables/combined-by-region.tex}\n\\input{tables/baseline-sections.tex}\n\\input{tables/baseline-tests.tex}\n\\end{document}\n");
        for (String doc : List.of("report", "paper")) {
            Run r = run(dir, 180, pdflatex, "-interaction=nonstopmode", "-halt-on-error", doc + ".tex");
            assertThat(r.exit).as(doc + ".tex with pdflatex:\n" + r.tail()).isZero();
            assertThat(dir.resolve(doc + ".pdf")).exists();
            assertThat(r.output).as("no overfull tables").doesNotContain("Overfull \\hbox");
        }
        String text = pdfText(dir.resolve("report.pdf"));
        if (text != null) assertThat(text).contains("Resilience study", "ln GDP by sample", "Two-way fixed effects", "Observations");
    }

    @Test
    void latexWithChineseTextUsesCtexForXelatex(@TempDir Path dir) throws Exception {
        new LatexWriter().write(chinese, new NoParameters(), SampleReports.sink(dir));
        String report = Files.readString(dir.resolve("report.tex"));
        assertThat(report).startsWith("% Contains Chinese text: compile with xelatex").contains("\\documentclass[11pt]{ctexart}",
                "城镇化率 (\\%)", "\\section{Baseline (baseline) - 东部}");
        assertThat(report).doesNotContain("inputenc");
        String xelatex = onPath("xelatex");
        boolean ctex = xelatex != null && run(dir, 30, "kpsewhich", "ctexart.cls").exit == 0;
        skipUnless(ctex, "xelatex with the ctex package is not installed (Debian texlive-xetex, texlive-lang-chinese): "
                + "compile of the Chinese report skipped, structure checked");
        Run r = run(dir, 300, xelatex, "-interaction=nonstopmode", "-halt-on-error", "report.tex");
        assertThat(r.exit).as(r.tail()).isZero();
    }

    @Test
    void latexEscapesSpecialCharactersAndMath() {
        assertThat(LatexWriter.escape("a_b & 50% $x$ #1 {y} ~ ^ \\ <>")).isEqualTo(
                "a\\_b \\& 50\\% \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{}\\textgreater{}");
        assertThat(LatexWriter.escape("γ̂ ≤ R² × β")).isEqualTo("\\(\\gamma\\)\u0302 \\(\\leq\\) R\\textsuperscript{2} \\(\\times\\) \\(\\beta\\)");
        assertThat(LatexWriter.cell("-0.1234**")).isEqualTo("-0.1234\\sym{**}");
        assertThat(LatexWriter.cell("(0.0100)")).isEqualTo("(0.0100)");
    }

    // ------------------------------------------------------------------ DOCX

    @Test
    void docxHoldsRealWordTablesInTheThreeRuleLayout(@TempDir Path dir) throws IOException {
        new DocxWriter().write(chinese, new DocxWriter.Options(null, null, null), SampleReports.sink(dir));
        assertThat(dir.resolve("report.docx")).exists();
        assertThat(dir.resolve("tables/combined-by-region.docx")).exists();
        assertThat(dir.resolve("tables/baseline--+E4+B8+9C+E9+83+A8-coefficients.docx")).exists(); // group 东部, +XX-escaped (OutputNames.encode)
        try (InputStream in = Files.newInputStream(dir.resolve("tables/combined-by-region.docx"));
             XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getTables()).hasSize(1);
            XWPFTable t = doc.getTables().get(0);
            Table expected = chinese.combined().get(0);
            // span row + header row + table rows
            assertThat(t.getRows()).hasSize(2 + expected.rows().size());
            XWPFTableRow span = t.getRow(0);
            assertThat(span.getTableCells()).hasSize(2); // stub + one cell spanning both models
            assertThat(span.getCell(1).getText()).isEqualTo("Two-way fixed effects");
            assertThat(span.getCell(1).getCTTc().getTcPr().getGridSpan().getVal()).isEqualTo(BigInteger.TWO);
            assertThat(texts(t.getRow(1))).containsExactly("", "All", "东部");
            for (int i = 0; i < expected.rows().size(); i++) {
                Table.Row r = expected.rows().get(i);
                List<String> want = new ArrayList<>();
                want.add(r.label());
                want.addAll(r.cells());
                assertThat(texts(t.getRow(2 + i))).as("row " + i).containsExactlyElementsOf(want);
            }
            assertThat(t.getRow(1).isRepeatHeader()).isTrue();
            CTTblBorders b = t.getCTTbl().getTblPr().getTblBorders();
            assertThat(b.getTop().getVal()).isEqualTo(STBorder.SINGLE);
            assertThat(b.getTop().getSz()).isEqualTo(BigInteger.valueOf(12));
            assertThat(b.getBottom().getSz()).isEqualTo(BigInteger.valueOf(12));
            assertThat(b.getInsideV().getVal()).isEqualTo(STBorder.NONE);
            assertThat(b.getInsideH().getVal()).isEqualTo(STBorder.NONE);
            assertThat(t.getRow(1).getCell(1).getCTTc().getTcPr().getTcBorders().getBottom().getVal()).isEqualTo(STBorder.SINGLE);
            // the first footer row carries the light rule above the statistics
            int firstFooter = 2 + indexOfFirstFooter(expected);
            assertThat(t.getRow(firstFooter).getCell(0).getCTTc().getTcPr().getTcBorders().getTop().getVal()).isEqualTo(STBorder.SINGLE);
            String xml = doc.getDocument().xmlText();
            assertThat(xml).contains("w:eastAsia=\"SimSun\"", "w:ascii=\"Times New Roman\"");
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("ln GDP by sample");
            assertThat(doc.getParagraphs()).extracting(p -> p.getText()).contains("Clustered by province.");
        }
        try (InputStream in = Files.newInputStream(dir.resolve("report.docx")); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getTables()).hasSize(3 + 1 + 1); // baseline's three, the group's one, the combined one
            assertThat(doc.getParagraphs()).extracting(p -> p.getStyle()).contains("Title", "Heading1", "Heading2");
            assertThat(doc.getParagraphs()).extracting(p -> p.getText())
                    .contains("韧性研究 resilience study", "Baseline (baseline) - 东部", "Failed: regime variable 'opt' is constant",
                            "Figure: LR profile (figures/baseline-lr.svg, SVG)");
            // a section row spans the whole table
            XWPFTable sections = doc.getTables().get(2);
            assertThat(sections.getRow(1).getTableCells()).hasSize(1);
            assertThat(sections.getRow(1).getCell(0).getText()).isEqualTo("Panel A: levels");
        }
    }

    @Test
    void docxBytesAreTheSameForTheSameReport(@TempDir Path a, @TempDir Path b) throws Exception {
        new DocxWriter().write(ascii, new DocxWriter.Options(null, null, null), SampleReports.sink(a));
        Thread.sleep(1100); // POI would otherwise stamp a different time
        new DocxWriter().write(ascii, new DocxWriter.Options(null, null, null), SampleReports.sink(b));
        assertThat(Files.readAllBytes(b.resolve("report.docx"))).isEqualTo(Files.readAllBytes(a.resolve("report.docx")));
        try (InputStream in = Files.newInputStream(a.resolve("report.docx")); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("eres");
            assertThat(doc.getTables()).isNotEmpty();
        }
    }

    @Test
    void docxConvertsToPdfWithLibreOffice(@TempDir Path dir) throws Exception {
        String soffice = onPath("soffice");
        if (soffice == null) soffice = onPath("libreoffice");
        skipUnless(soffice != null,
                "LibreOffice is not installed (Debian libreoffice-writer-nogui; .ci/run installs it): DOCX-to-PDF check skipped");
        new DocxWriter().write(ascii, new DocxWriter.Options(null, null, 9), SampleReports.sink(dir));
        Path profile = dir.resolve("lo-profile");
        Run r = run(dir, 240, soffice, "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", dir.toString(), dir.resolve("report.docx").toString());
        assertThat(r.exit).as(r.tail()).isZero();
        Path pdf = dir.resolve("report.pdf");
        assertThat(pdf).exists();
        byte[] head = Files.readAllBytes(pdf);
        assertThat(new String(head, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        if (text != null) {
            Table combined = ascii.combined().get(0);
            assertThat(text).contains("Resilience study", "ln GDP by sample", "Two-way fixed effects", "Observations",
                    combined.rows().get(0).cells().get(0), combined.rows().get(1).cells().get(1));
        }
    }

    // ------------------------------------------------------------------ CSV

    @Test
    void csvDefusesFormulasButKeepsNumbers() {
        assertThat(CsvTableWriter.defuse("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvTableWriter.defuse("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(CsvTableWriter.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTableWriter.defuse("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvTableWriter.defuse("\t=x")).isEqualTo("'\t=x");
        assertThat(CsvTableWriter.defuse("＝1+1")).isEqualTo("'＝1+1");
        assertThat(CsvTableWriter.defuse("-0.1234***")).isEqualTo("-0.1234***");
        assertThat(CsvTableWriter.defuse("-1.5e-05")).isEqualTo("-1.5e-05");
        assertThat(CsvTableWriter.defuse("(0.0123)")).isEqualTo("(0.0123)");
        assertThat(CsvTableWriter.defuse("<0.0001")).isEqualTo("<0.0001");
    }

    @Test
    void csvTablesParseBackAsRfc4180(@TempDir Path dir) throws IOException {
        new CsvTableWriter().write(chinese, new CsvTableWriter.Options(null), SampleReports.sink(dir));
        byte[] bytes = Files.readAllBytes(dir.resolve("tables/baseline-tests.csv"));
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF); // UTF-8 byte-order mark
        RawTable t = CsvReader.parse("t.csv", new String(bytes, StandardCharsets.UTF_8), ',');
        assertThat(t.columns()).containsExactly("Test", "Statistic", "df", "p-value");
        assertThat(t.rows().get(0)[2]).isEqualTo("2, 30");
        assertThat(t.rows().get(1)).containsExactly("'=HYPERLINK(\"http://x\")", "-1.5", "", "'@risk");
        List<String> lines = Files.readAllLines(dir.resolve("tables/combined-by-region.csv"));
        assertThat(lines.get(0)).isEqualTo("\uFEFF,Two-way fixed effects,"); // the span row, then the header
        assertThat(lines.get(1)).isEqualTo(",All,东部");
        assertThat(lines.get(2)).matches("ln 人口,-?[0-9.]+\\**,-?[0-9.]+\\**");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Clustered by province.,,");
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void jsonKeepsTheLayoutAndCells(@TempDir Path dir) throws IOException {
        new JsonTableWriter().write(chinese, new NoParameters(), SampleReports.sink(dir));
        ObjectMapper m = new ObjectMapper();
        JsonNode root = m.readTree(dir.resolve("report.json").toFile());
        assertThat(root.get("title").asText()).isEqualTo("韧性研究 resilience study");
        assertThat(root.get("entries")).hasSize(3);
        JsonNode first = root.get("entries").get(0);
        assertThat(first.get("tableFiles").get(0).asText()).isEqualTo("tables/baseline-coefficients.json");
        assertThat(first.get("figures").get(0).get("path").asText()).isEqualTo("figures/baseline-lr.svg");
        assertThat(root.get("entries").get(2).get("error").asText()).isEqualTo("regime variable 'opt' is constant");
        JsonNode table = m.readTree(dir.resolve("tables/combined-by-region.json").toFile());
        Table expected = chinese.combined().get(0);
        assertThat(table.get("columns").get(1).asText()).isEqualTo("东部");
        assertThat(table.get("spans").get(0).get("last").asInt()).isEqualTo(1);
        assertThat(table.get("rows")).hasSize(expected.rows().size());
        assertThat(table.get("rows").get(0).get("cells").get(0).asText()).isEqualTo(expected.rows().get(0).cells().get(0));
        assertThat(table.get("rows").get(1).get("kind").asText()).isEqualTo("detail");
        assertThat(table.get("notes").get(0).asText()).startsWith("Standard errors in parentheses");
    }

    // ------------------------------------------------------------------ helpers

    /** Skips the test when {@code condition} is false, saying why on the build's console and in the report. */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) System.err.println("[WARNING] SKIPPED WritersTest: " + reason);
        Assumptions.assumeTrue(condition, reason);
    }

    private static int indexOfFirstFooter(Table t) {
        for (int i = 0; i < t.rows().size(); i++) if (t.rows().get(i).kind() == Table.Row.Kind.FOOTER) return i;
        throw new AssertionError("no footer");
    }

    private static List<String> texts(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    record Run(int exit, String output) {
        String tail() {
            return output.length() > 3000 ? output.substring(output.length() - 3000) : output;
        }
    }

    static Run run(Path dir, int seconds, String... cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    /** The PDF's text by pdftotext (poppler-utils), or null when that is not installed. */
    static String pdfText(Path pdf) throws IOException, InterruptedException {
        String tool = onPath("pdftotext");
        if (tool == null) return null;
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        Run r = run(pdf.getParent(), 60, tool, "-layout", pdf.toString(), out.toString());
        assertThat(r.exit).as(r.tail()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    static String onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
