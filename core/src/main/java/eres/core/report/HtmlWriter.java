package eres.core.report;

import eres.api.NoParameters;
import eres.api.ReportWriter;
import eres.api.result.Figure;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A self-contained HTML report, {@code report.html}: one file with inline CSS and inline SVG figures,
 * no scripts and no external references (it opens offline and can be mailed or archived as is).
 *
 * <p>Layout: a header with the title and the run's notices (the synthetic-data notice first, in a
 * banner), the provenance block (data hash, seed, eres and plugin versions), a table of contents by
 * step, then one section per step (and group) with its tables in the study's layout (spanning column
 * headers, coefficients with stars, standard errors in parentheses on the line below, footer rows under
 * a rule, notes), its figures and its warnings, and finally the tables combined across steps.
 * The output is a function of the report only (no clock), so reruns give identical files.
 */
public final class HtmlWriter implements ReportWriter<NoParameters> {
    @Override
    public String id() {
        return "html";
    }

    @Override
    public String description() {
        return "Self-contained HTML report.html (inline CSS and SVG figures, no scripts, no network)";
    }

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public void write(Report report, NoParameters options, OutputSink sink) {
        sink.writeString("report.html", render(report));
    }

    /** The whole document. */
    public static String render(Report report) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(report.chinese() ? "zh" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"eres\">\n")
                .append("<title>").append(esc(report.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>").append(esc(report.title())).append("</h1>\n");
        for (String n : report.notices()) {
            boolean synthetic = n.toLowerCase(Locale.ROOT).contains("synthetic");
            h.append("<div class=\"notice").append(synthetic ? " synthetic" : "").append("\" role=\"note\">")
                    .append(synthetic ? "<strong>Synthetic data.</strong> " : "").append(esc(synthetic ? stripLead(n) : n)).append("</div>\n");
        }
        h.append("</header>\n<main>\n");

        // provenance
        h.append("<section id=\"provenance\" class=\"provenance\">\n<h2>Provenance</h2>\n<dl>\n");
        for (Map.Entry<String, Object> e : report.provenance().entrySet()) {
            h.append("<dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(String.valueOf(e.getValue()))).append("</dd>\n");
        }
        h.append("</dl>\n</section>\n");

        // contents
        Anchors anchors = new Anchors();
        List<String> ids = new ArrayList<>();
        for (Report.Entry e : report.entries()) ids.add(anchors.of("step-" + e.stepId() + (e.group() == null ? "" : "-" + e.group())));
        h.append("<nav id=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
        for (int i = 0; i < report.entries().size(); i++) {
            Report.Entry e = report.entries().get(i);
            h.append("<li><a href=\"#").append(ids.get(i)).append("\">").append(esc(MarkdownWriter.heading(e))).append("</a>");
            int t = e.tables().size();
            int f = e.figures().size();
            if (e.error() != null) h.append(" <span class=\"failed\">failed</span>");
            else h.append(" <span class=\"counts\">").append(t).append(t == 1 ? " table" : " tables")
                    .append(f == 0 ? "" : ", " + f + (f == 1 ? " figure" : " figures")).append("</span>");
            h.append("</li>\n");
        }
        String combinedTitle = report.tablesFirst() ? "Tables" : "Tables across steps";
        if (!report.combined().isEmpty()) {
            String item = "<li><a href=\"#combined-tables\">" + combinedTitle + "</a></li>\n";
            if (report.tablesFirst()) h.insert(h.lastIndexOf("<ol>\n") + 5, item);
            else h.append(item);
        }
        h.append("</ol>\n</nav>\n");
        if (report.tablesFirst()) {
            combined(h, report, anchors, combinedTitle);
            h.append("<h2 id=\"appendix\" class=\"appendix\">Appendix: the output of every step</h2>\n");
        }

        // steps
        int figureNo = 0;
        for (int i = 0; i < report.entries().size(); i++) {
            Report.Entry e = report.entries().get(i);
            h.append("<section class=\"step\" id=\"").append(ids.get(i)).append("\">\n<h2>").append(esc(MarkdownWriter.heading(e)))
                    .append("</h2>\n<p class=\"meta\">step <code>").append(esc(e.stepId())).append("</code>, extension <code>")
                    .append(esc(e.use())).append("</code>").append(e.group() == null ? "" : ", group <code>" + esc(e.group()) + "</code>")
                    .append("</p>\n");
            if (e.error() != null) h.append("<p class=\"error\"><strong>Failed:</strong> ").append(esc(e.error())).append("</p>\n");
            for (Table t : e.tables()) table(h, t, anchors.of(ids.get(i) + "-" + t.id()), report.fileNotice());
            for (int k = 0; k < e.figures().size(); k++) {
                figure(h, e.figures().get(k), k < e.figurePaths().size() ? e.figurePaths().get(k) : null, "fig" + (++figureNo));
            }
            if (!e.warnings().isEmpty()) {
                h.append("<div class=\"warnings\"><h3>Warnings</h3>\n<ul>\n");
                for (Warning w : e.warnings()) {
                    h.append("<li><code>").append(esc(w.code())).append("</code> ").append(esc(w.message())).append("</li>\n");
                }
                h.append("</ul></div>\n");
            }
            h.append("</section>\n");
        }
        if (!report.tablesFirst()) combined(h, report, anchors, combinedTitle);
        h.append("</main>\n<footer><p>Written by eres. Every number is also in <code>results.json</code>; provenance in "
                + "<code>run.json</code>; <code>eres rerun &lt;this directory&gt;</code> reproduces the run.</p></footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The tables combined across steps (the chain's tables: blocks and the by-group tables). */
    private static void combined(StringBuilder h, Report report, Anchors anchors, String title) {
        if (report.combined().isEmpty()) return;
        h.append("<section class=\"step\" id=\"combined-tables\">\n<h2>").append(esc(title)).append("</h2>\n");
        for (Table t : report.combined()) table(h, t, anchors.of("combined-" + t.id()), report.fileNotice());
        h.append("</section>\n");
    }

    private static String stripLead(String notice) {
        return notice.regionMatches(true, 0, "Synthetic data: ", 0, 16) ? notice.substring(16) : notice;
    }

    /** One table without a notice. */
    static void table(StringBuilder h, Table t, String id) {
        table(h, t, id, null);
    }

    /**
     * One table: caption, header (spanning groups with a rule under each, the column heads, further header
     * lines), body (a rule where the block changes: coefficients, indicators, statistics; section rows in
     * italics), notes; {@code notice} (the synthetic-data line) above the caption when given.
     */
    static void table(StringBuilder h, Table t, String id, String notice) {
        int cols = t.columns().size();
        h.append("<div class=\"table\" id=\"").append(id).append("\">\n");
        if (notice != null) h.append("<p class=\"table-notice\">").append(esc(notice)).append("</p>\n");
        h.append("<table>\n<caption>").append(esc(t.title())).append("</caption>\n<thead>\n");
        if (!t.spans().isEmpty()) {
            h.append("<tr class=\"spans\"><th></th>");
            int j = 0;
            List<Table.Span> spans = new ArrayList<>(t.spans());
            spans.sort((a, b) -> Integer.compare(a.first(), b.first()));
            for (Table.Span s : spans) {
                int first = Math.max(s.first(), j);
                int last = Math.min(s.last(), cols - 1);
                if (last < first) continue;
                for (; j < first; j++) h.append("<th></th>");
                h.append("<th colspan=\"").append(last - first + 1).append("\" scope=\"colgroup\" class=\"span\">").append(esc(s.label()))
                        .append("</th>");
                j = last + 1;
            }
            for (; j < cols; j++) h.append("<th></th>");
            h.append("</tr>\n");
        }
        h.append("<tr><th scope=\"col\" class=\"stub\">").append(esc(t.stub())).append("</th>");
        for (String c : t.columns()) h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
        h.append("</tr>\n");
        for (Table.Row r : t.heads()) {
            h.append("<tr class=\"head\"><th scope=\"row\" class=\"stub\">").append(esc(r.label())).append("</th>");
            for (String c : r.cells()) h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
            h.append("</tr>\n");
        }
        h.append("</thead>\n<tbody>\n");
        for (int i = 0; i < t.rows().size(); i++) {
            Table.Row r = t.rows().get(i);
            String rule = t.ruleAbove(i) ? " rule" : "";
            switch (r.kind()) {
                case SECTION -> h.append("<tr class=\"section").append(rule).append("\"><th colspan=\"").append(cols + 1)
                        .append("\" scope=\"rowgroup\">").append(esc(r.label())).append("</th></tr>\n");
                case DETAIL -> row(h, "detail" + rule, r);
                case FOOTER -> row(h, "footer" + rule, r);
                case INDICATOR -> row(h, "indicator" + rule, r);
                default -> row(h, "body" + rule, r);
            }
        }
        h.append("</tbody>\n</table>\n");
        for (String n : t.notes()) h.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        h.append("</div>\n");
    }

    private static void row(StringBuilder h, String cls, Table.Row r) {
        h.append("<tr class=\"").append(cls).append("\"><th scope=\"row\">").append(esc(r.label())).append("</th>");
        for (String c : r.cells()) h.append("<td>").append(esc(c)).append("</td>");
        h.append("</tr>\n");
    }

    /** A figure: the SVG inline (ids prefixed so that figures cannot clash), title and caption below. */
    static void figure(StringBuilder h, Figure f, String path, String prefix) {
        h.append("<figure id=\"").append(prefix).append("\">\n").append(inlineSvg(f.svg(), prefix)).append("\n<figcaption><strong>")
                .append(esc(f.title())).append("</strong>");
        if (f.caption() != null && !f.caption().isBlank()) h.append(" ").append(esc(f.caption()));
        if (path != null) h.append(" <span class=\"file\">(<code>").append(esc(path)).append("</code>)</span>");
        h.append("</figcaption>\n</figure>\n");
    }

    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");
    private static final Pattern DOCTYPE = Pattern.compile("^\\s*<!DOCTYPE[^>]*>\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern REF = Pattern.compile("(url\\(#|href=\"#)([^)\"]+)");
    private static final Pattern SCRIPTISH = Pattern.compile("<\\s*(script|foreignObject|iframe)|\\son[a-z]+\\s*=|javascript:",
            Pattern.CASE_INSENSITIVE);

    /**
     * The SVG document as an inline element: XML declaration and doctype removed, ids and the
     * references to them prefixed. SVG with scripts, event handlers or foreign objects is not inlined
     * (a notice in its place says so): figures come from plugins and the report must stay script-free.
     */
    static String inlineSvg(String svg, String prefix) {
        if (svg == null || svg.isBlank()) return "<p class=\"error\">(figure without SVG content)</p>";
        if (SCRIPTISH.matcher(svg).find()) return "<p class=\"error\">(figure not inlined: its SVG contains scripting)</p>";
        String s = XML_DECL.matcher(svg).replaceFirst("");
        s = DOCTYPE.matcher(s).replaceFirst("");
        Map<String, String> renamed = new HashMap<>();
        Matcher m = ID.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String nid = prefix + "-" + m.group(1);
            renamed.put(m.group(1), nid);
            m.appendReplacement(out, Matcher.quoteReplacement("id=\"" + nid + "\""));
        }
        m.appendTail(out);
        s = out.toString();
        if (!renamed.isEmpty()) {
            Matcher r = REF.matcher(s);
            StringBuilder o2 = new StringBuilder();
            while (r.find()) {
                String target = renamed.getOrDefault(r.group(2), r.group(2));
                r.appendReplacement(o2, Matcher.quoteReplacement(r.group(1) + target));
            }
            r.appendTail(o2);
            s = o2.toString();
        }
        return s.strip();
    }

    /** Unique, safe fragment ids. */
    private static final class Anchors {
        private final Map<String, Integer> used = new HashMap<>();

        String of(String raw) {
            String a = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("-+", "-").replaceAll("(^-|-$)", "");
            if (a.isEmpty() || !Character.isLetter(a.charAt(0))) a = "s-" + a;
            int n = used.merge(a, 1, Integer::sum);
            return n == 1 ? a : a + "-" + n;
        }
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            :root { --ink: #1a1a1a; --muted: #5b5b5b; --rule: #222; --light: #e6e6e6; --warn: #8a5a00; --bad: #a11; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 Georgia, "Times New Roman", serif; }
            header { padding: 1.2rem 2rem 0.8rem; border-bottom: 3px double var(--rule); }
            h1 { font-size: 1.6rem; margin: 0 0 0.6rem; }
            h2 { font-size: 1.2rem; margin: 1.6rem 0 0.4rem; border-bottom: 1px solid var(--light); padding-bottom: 0.2rem; }
            h3 { font-size: 1rem; margin: 0.8rem 0 0.3rem; }
            main { padding: 0 2rem 2rem; max-width: 78rem; }
            .notice { margin: 0.5rem 0; padding: 0.6rem 0.9rem; border: 1px solid #c9c9c9; background: #f4f4f4; }
            .notice.synthetic { border: 2px solid #b8860b; background: #fff4d6; font-size: 1.05rem; }
            .provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; font-size: 0.85rem; }
            .provenance dt { font-weight: bold; }
            .provenance dd { margin: 0; word-break: break-all; font-family: Menlo, Consolas, monospace; }
            nav ol { columns: 2; column-gap: 2rem; font-size: 0.9rem; padding-left: 1.4rem; }
            nav .counts { color: var(--muted); font-size: 0.8rem; }
            .failed, .error { color: var(--bad); }
            .meta { color: var(--muted); font-size: 0.8rem; margin: 0 0 0.6rem; }
            .table { display: table; margin: 1rem 0 1.4rem; }
            table { border-collapse: collapse; font: 0.85rem/1.3 "Helvetica Neue", Arial, sans-serif; font-variant-numeric: tabular-nums; }
            caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.35rem; font-size: 0.95rem; }
            thead { border-top: 2px solid var(--rule); border-bottom: 1px solid var(--rule); }
            thead tr.spans th.span { background: linear-gradient(#555, #555) no-repeat center bottom / calc(100% - 0.8rem) 1px; }
            th, td { padding: 0.18rem 0.7rem; text-align: center; white-space: nowrap; }
            th[scope=row], th.stub { text-align: left; font-weight: normal; }
            thead th { font-weight: bold; }
            tbody { border-bottom: 2px solid var(--rule); }
            tr.detail td { color: #333; padding-top: 0; }
            tr.section th { text-align: left; font-style: italic; padding-top: 0.5rem; }
            tr.rule th, tr.rule td { border-top: 1px solid var(--rule); }
            tr.section th { font-weight: normal; }
            p.table-notice { font: bold 0.8rem/1.3 "Helvetica Neue", Arial, sans-serif; color: #8a5a00; margin: 0 0 0.2rem; }
            p.note { font-size: 0.78rem; color: var(--muted); margin: 0.25rem 0; }
            .table > p.note, .table > p.table-notice { width: 0; min-width: 100%; }
            figure { margin: 1rem 0 1.4rem; }
            figure svg { max-width: 100%; height: auto; border: 1px solid var(--light); }
            figcaption { font-size: 0.85rem; color: #333; max-width: 60rem; margin-top: 0.3rem; }
            figcaption .file { color: var(--muted); }
            .warnings { border-left: 3px solid var(--warn); padding: 0.1rem 0.8rem; background: #fffaf0; font-size: 0.85rem; }
            .warnings code { color: var(--warn); }
            code { font-family: Menlo, Consolas, monospace; font-size: 0.85em; }
            footer { border-top: 1px solid var(--light); padding: 0.6rem 2rem 2rem; color: var(--muted); font-size: 0.8rem; }
            @media print { nav { display: none; } .step { break-inside: avoid-page; } }
            """;
}
