package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's acceptance: {@code examples/tables-3-4.yaml} combines the study's Tables 3 and 4 into one
 * esttab-style table, and the six formats hold the same content. Each file is read back the way a person or
 * a program would read it (CSV and JSON parsed, Markdown and HTML cells split and unescaped, LaTeX cells
 * de-TeXed, the Word table read with Apache POI) and must give exactly the grid of the JSON table: column
 * heads, the title and dependent-variable lines, every coefficient, standard error, indicator and statistic
 * with its label; the spanning headers, notes and the SYNTHETIC notice are in every file. A second run in
 * Chinese checks the generated words.
 */
class TablesSixFormatsIT {
    static final Path PLUGINS = Path.of(System.getProperty("eres.dist", "target/eres")).resolve("plugins");
    static final Path CHAIN = Path.of("../examples/tables-3-4.yaml").toAbsolutePath().normalize();
    static final String ID = "combined-table3-4";

    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void run() throws Exception {
        out = dir.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), "run", CHAIN.toString(), "--plugins", PLUGINS.toString(), "--out",
                out.toString(), "--threads", "1");
        assertThat(code).as(o + "\n" + e).isZero();
    }

    static String read(String ext) throws Exception {
        return Files.readString(out.resolve("tables/" + ID + "." + ext), StandardCharsets.UTF_8);
    }

    /** The reference: the JSON table's grid from the column heads on. */
    static JsonNode json() throws Exception {
        return new ObjectMapper().readTree(read("json"));
    }

    static List<List<String>> grid(JsonNode t) {
        List<List<String>> g = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(t.get("stub").asText()));
        t.get("columns").forEach(c -> head.add(c.asText()));
        g.add(head);
        for (JsonNode h : t.get("heads")) g.add(row(h));
        for (JsonNode r : t.get("rows")) g.add(row(r));
        return g;
    }

    private static List<String> row(JsonNode r) {
        List<String> cells = new ArrayList<>(List.of(r.get("label").asText()));
        r.get("cells").forEach(c -> cells.add(c.asText()));
        return cells;
    }

    @Test
    void theTableHasTheEsttabShape() throws Exception {
        JsonNode t = json();
        assertThat(t.get("notice").asText()).startsWith("SYNTHETIC DATA");
        assertThat(t.get("columns")).hasSize(8);
        assertThat(t.get("columns").get(0).asText()).isEqualTo("(1)");
        assertThat(t.get("spans").get(0).get("label").asText()).isEqualTo("Two-way FE");
        List<List<String>> g = grid(t);
        assertThat(g.get(2)).startsWith("Dependent variable", "Eres").contains("ln Opt", "ln Int");
        List<String> labels = g.stream().map(r -> r.get(0)).toList();
        assertThat(labels).contains("ln Opt", "ln Int", "IV (post offices 1984 × internet users)", "FDI", "Province fixed effects",
                "Observations", "R² (within)", "Breusch-Pagan χ²", "First-stage F", "Kleibergen-Paap rk Wald F",
                "Durbin-Wu-Hausman χ²");
        // standard errors in parentheses, never brackets or scientific notation
        for (List<String> r : g.subList(3, g.size())) {
            for (String c : r.subList(1, r.size())) assertThat(c).doesNotContain("e-0").doesNotStartWith("[");
        }
        assertThat(t.get("notes").get(1).asText()).isEqualTo("Standard errors: clustered by code (31 clusters).");
    }

    @Test
    void csvHoldsTheSameCells() throws Exception {
        JsonNode t = json();
        List<List<String>> rows = Csv.parse(read("csv").substring(1)); // after the byte-order mark
        assertThat(rows.get(0).get(0)).isEqualTo(t.get("notice").asText());
        assertThat(rows.get(1).get(1)).isEqualTo("Two-way FE");
        List<List<String>> expected = grid(t);
        assertThat(rows.subList(2, 2 + expected.size())).isEqualTo(expected);
        assertThat(rows.subList(2 + expected.size(), rows.size()).stream().map(r -> r.get(0)).toList())
                .containsExactlyElementsOf(strings(t.get("notes")));
    }

    @Test
    void markdownHoldsTheSameCells() throws Exception {
        JsonNode t = json();
        String md = read("md");
        List<List<String>> rows = new ArrayList<>();
        for (String line : md.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| --- ")) continue;
            rows.add(markdownCells(line));
        }
        assertThat(rows.get(0).get(1)).isEqualTo("Two-way FE");
        assertThat(rows.subList(1, rows.size())).isEqualTo(grid(t));
        for (String n : strings(t.get("notes"))) assertThat(md).contains("*" + n.replace("*", "\\*").replace("_", "\\_") + "*");
        assertThat(md).startsWith("> **SYNTHETIC DATA");
    }

    @Test
    void htmlHoldsTheSameCells() throws Exception {
        JsonNode t = json();
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        int start = html.indexOf("<div class=\"table\" id=\"" + ID + "\">");
        assertThat(start).isPositive();
        String div = html.substring(start, html.indexOf("</div>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr( class=\"([^\"]*)\")?>(.*?)</tr>").matcher(div);
        while (tr.find()) {
            if ("spans".equals(tr.group(2))) continue;
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>").matcher(tr.group(3));
            while (cell.find()) cells.add(unhtml(cell.group(1)));
            rows.add(cells);
        }
        assertThat(rows).isEqualTo(grid(t));
        assertThat(div).contains("class=\"table-notice\">SYNTHETIC DATA", ">Two-way FE</th>");
        for (String n : strings(t.get("notes"))) assertThat(div).contains("<p class=\"note\">" + html(n) + "</p>");
    }

    @Test
    void latexHoldsTheSameCells() throws Exception {
        JsonNode t = json();
        String tex = read("tex");
        assertThat(tex).startsWith("% SYNTHETIC DATA");
        String body = tex.substring(tex.indexOf("\\toprule"), tex.indexOf("\\bottomrule"));
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.endsWith(" \\\\") || line.contains("\\multicolumn")) continue;
            List<String> cells = new ArrayList<>();
            for (String c : line.substring(0, line.length() - 3).split("(?<!\\\\) & ", -1)) cells.add(detex(c.strip()));
            rows.add(cells);
        }
        assertThat(rows).isEqualTo(grid(t));
        assertThat(tex).contains("\\multicolumn{4}{c}{Two-way FE}", "\\cmidrule(lr){2-5}");
        String notes = detex(tex.substring(tex.indexOf("\\parbox")));
        for (String n : strings(t.get("notes"))) assertThat(notes).contains(n);
    }

    @Test
    void wordHoldsTheSameCells() throws Exception {
        JsonNode t = json();
        try (InputStream in = Files.newInputStream(out.resolve("tables/" + ID + ".docx")); XWPFDocument doc = new XWPFDocument(in)) {
            XWPFTable table = doc.getTables().get(0);
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTableRow r : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell c : r.getTableCells()) cells.add(c.getText());
                rows.add(cells);
            }
            assertThat(rows.get(0)).containsExactly("", "Two-way FE", "FE-2SLS (instrument - post offices 1984)");
            assertThat(rows.subList(1, rows.size())).isEqualTo(grid(t));
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains(t.get("notice").asText(), t.get("title").asText());
            for (String n : strings(t.get("notes"))) assertThat(text).contains(n);
        }
    }

    @Test
    void chineseNotesStatisticsAndTests(@TempDir Path zh) throws Exception {
        String chain = Files.readString(CHAIN).replace("report:\n  formats: [html, markdown, latex, docx, csv, json]",
                "report:\n  language: zh\n  formats: [markdown, docx]");
        Files.writeString(zh.resolve("c.yaml"), chain);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(new PrintWriter(o), new PrintWriter(e), "run", zh.resolve("c.yaml").toString(), "--plugins",
                PLUGINS.toString(), "--out", zh.resolve("out").toString(), "--threads", "1");
        assertThat(code).as(o + "\n" + e).isZero();
        String md = Files.readString(zh.resolve("out/tables/" + ID + ".md"));
        assertThat(md).contains("合成数据", "| 被解释变量 |", "| 观测值 |", "Breusch-Pagan 检验 χ²", "| 第一阶段 F 值 |",
                "括号内为标准误；\\* p<0.1，\\*\\* p<0.05，\\*\\*\\* p<0.01。", "标准误：按 code 聚类（31 个聚类）。");
        try (InputStream in = Files.newInputStream(zh.resolve("out/tables/" + ID + ".docx")); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getTables().get(0).getRow(3).getCell(0).getText()).isEqualTo("被解释变量");
            String xml = doc.getDocument().xmlText();
            assertThat(xml).contains("w:eastAsia=\"SimSun\"");
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> s = new ArrayList<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }

    static List<String> markdownCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder c = new StringBuilder();
        String body = line.substring(2, line.length() - 2); // "| " ... " |"
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                c.append(body.charAt(++i));
            } else if (ch == '|' && i > 0 && body.charAt(i - 1) == ' ' && i + 1 < body.length() && body.charAt(i + 1) == ' ') {
                cells.add(c.toString().strip());
                c.setLength(0);
                i++;
            } else {
                c.append(ch);
            }
        }
        cells.add(c.toString().strip());
        return cells;
    }

    static String unhtml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static final Map<String, String> MATH = Map.of("\\times", "×", "\\chi", "χ", "\\gamma", "γ", "\\rho", "ρ", "\\leq", "≤",
            "\\geq", "≥", "\\cdot", "·", "-", "−", "\\beta", "β", "\\hat{\\gamma}", "γ̂");

    /** The text of a LaTeX cell as the writer escapes it (the inverse of its escape table for what tables contain). */
    static String detex(String s) {
        String r = s.startsWith("{}") ? s.substring(2) : s;
        r = r.replaceAll("\\\\sym\\{(\\*+)\\}", "$1");
        r = r.replace("\\textsuperscript{2}", "²").replace("\\textless{}", "<").replace("\\textgreater{}", ">");
        Matcher sub = Pattern.compile("\\\\\\(_\\{(\\d)\\}\\\\\\)").matcher(r);
        StringBuilder b = new StringBuilder();
        while (sub.find()) sub.appendReplacement(b, Character.toString(0x2080 + Integer.parseInt(sub.group(1))));
        sub.appendTail(b);
        r = b.toString();
        for (Map.Entry<String, String> m : MATH.entrySet()) r = r.replace("\\(" + m.getKey() + "\\)", m.getValue());
        r = r.replace("\\&", "&").replace("\\%", "%").replace("\\_", "_").replace("\\#", "#").replace("\\$", "$").replace("\\{", "{")
                .replace("\\}", "}").replace("\\par", "").replace("\\textbf{", "");
        return r;
    }

    /** RFC 4180 with CRLF line ends. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
