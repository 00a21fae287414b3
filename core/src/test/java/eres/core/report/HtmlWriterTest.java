package eres.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import eres.api.NoParameters;
import eres.api.result.Figure;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {
    private static Table table() {
        return Table.builder("coefficients", "Table 3 <baseline> & more").stub("Variable").columns("(1)", "(2)")
                .span("Two-way FE", 0, 1)
                .row("ln_opt", "0.0913***", "0.0903***").detail(List.of("(0.0285)", "(0.0294)"))
                .section("Panel B: tests")
                .footer("Observations", "465", "465").footer("R-squared", "0.94", "0.94")
                .note("Standard errors in parentheses; *** p<0.01.").build();
    }

    private static Report report(String svg) {
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data sha256", "abc123");
        prov.put("seed", "20250101");
        Report.Entry a = new Report.Entry("t3", "panel-fe", null, "Baseline", List.of(table()),
                List.of(new Figure("lr-plot", "LR plot", svg, "dashed: c(alpha)")), List.of("figures/t3-lr-plot.svg"),
                List.of(new Warning("few-clusters", "only 3 clusters <warn>")), null);
        Report.Entry b = new Report.Entry("t3", "panel-fe", "north east", null, List.of(), List.of(), List.of(), List.of(),
                "step failed: singular");
        return new Report("Study [SYNTHETIC DATA]", prov, List.of(a, b), List.of(table()),
                List.of("Synthetic data: SYNTHETIC panel - not real data.", "Some steps failed; see their sections."));
    }

    private static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            + "<defs><clipPath id=\"clip\"><rect width=\"5\" height=\"5\"/></clipPath></defs>"
            + "<rect clip-path=\"url(#clip)\" width=\"10\" height=\"10\"/><use href=\"#clip\"/></svg>";

    @Test
    void thePaperLayoutPutsTheTablesFirstAndTheStepsInAnAppendix() {
        Report steps = report(SVG);
        Report paper = new Report(steps.title(), steps.provenance(), steps.entries(), steps.combined(), steps.notices(), null, "en", true);
        String h = HtmlWriter.render(paper);
        int tables = h.indexOf("<section class=\"step\" id=\"combined-tables\">\n<h2>Tables</h2>");
        int appendix = h.indexOf("<h2 id=\"appendix\" class=\"appendix\">Appendix: the output of every step</h2>");
        int firstStep = h.indexOf("<section class=\"step\" id=\"step-t3\"");
        assertThat(tables).isPositive();
        assertThat(appendix).isGreaterThan(tables);
        assertThat(firstStep).isGreaterThan(appendix);
        // the contents list the tables first too
        assertThat(h.indexOf("<li><a href=\"#combined-tables\">Tables</a></li>")).isLessThan(h.indexOf("<li><a href=\"#step-t3\""));
        // the default keeps the steps first and the combined tables last
        String d = HtmlWriter.render(steps);
        assertThat(d.indexOf("id=\"combined-tables\"")).isGreaterThan(d.indexOf("id=\"step-t3\""));
        assertThat(d).doesNotContain("Appendix: the output of every step");
    }

    @Test
    void writesOneSelfContainedDocument() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        OutputSink sink = (path, content) -> files.put(path, content);
        new HtmlWriter().write(report(SVG), new NoParameters(), sink);
        assertThat(files).containsOnlyKeys("report.html");
        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">").endsWith("</html>\n");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("src=\"", "<link", "@import");
        assertThat(html).contains("<div class=\"notice synthetic\" role=\"note\"><strong>Synthetic data.</strong> SYNTHETIC panel - not real data.</div>");
        assertThat(html.indexOf("notice synthetic")).isLessThan(html.indexOf("id=\"provenance\""));
        assertThat(html).contains("<dt>data sha256</dt><dd>abc123</dd>");
    }

    @Test
    void tablesKeepTheStudyLayout() {
        String html = HtmlWriter.render(report(SVG));
        assertThat(html).contains("<caption>Table 3 &lt;baseline&gt; &amp; more</caption>")
                .contains("<tr class=\"spans\"><th></th><th colspan=\"2\" scope=\"colgroup\" class=\"span\">Two-way FE</th></tr>")
                .contains("<tr class=\"body\"><th scope=\"row\">ln_opt</th><td>0.0913***</td><td>0.0903***</td></tr>")
                .contains("<tr class=\"detail\"><th scope=\"row\"></th><td>(0.0285)</td><td>(0.0294)</td></tr>")
                .contains("<tr class=\"section rule\"><th colspan=\"3\" scope=\"rowgroup\">Panel B: tests</th></tr>")
                .contains("<tr class=\"footer\"><th scope=\"row\">Observations</th>")
                .contains("<tr class=\"footer\"><th scope=\"row\">R-squared</th>")
                .contains("<p class=\"note\">Standard errors in parentheses; *** p&lt;0.01.</p>")
                .contains("<code>few-clusters</code> only 3 clusters &lt;warn&gt;")
                .contains("<strong>Failed:</strong> step failed: singular");
        assertThat(count(html, "<table>")).isEqualTo(2);
    }

    @Test
    void figuresAreInlinedWithPrefixedIdsAndContentsLinksResolve() {
        String html = HtmlWriter.render(report(SVG));
        assertThat(html).doesNotContain("<?xml").contains("<figure id=\"fig1\">")
                .contains("<clipPath id=\"fig1-clip\">").contains("clip-path=\"url(#fig1-clip)\"").contains("href=\"#fig1-clip\"")
                .contains("<figcaption><strong>LR plot</strong> dashed: c(alpha)");
        Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        while (links.find()) assertThat(html).contains("id=\"" + links.group(1) + "\"");
        assertThat(html).contains("href=\"#step-t3\"", "href=\"#step-t3-north-east\"", "href=\"#combined-tables\"");
    }

    @Test
    void refusesToInlineScriptingSvg() {
        String html = HtmlWriter.render(report("<svg onload=\"alert(1)\"><script>alert(2)</script></svg>"));
        assertThat(html).doesNotContain("alert").contains("figure not inlined: its SVG contains scripting");
    }

    @Test
    void isAFunctionOfTheReport() {
        assertThat(HtmlWriter.render(report(SVG))).isEqualTo(HtmlWriter.render(report(SVG)));
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }
}
