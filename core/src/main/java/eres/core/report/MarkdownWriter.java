package eres.core.report;

import eres.api.NoParameters;
import eres.api.ReportWriter;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Markdown report: {@code report.md} (provenance, contents, every table and figure link, warnings)
 * and one {@code tables/<entry>-<table>.md} per table, in GitHub table syntax.
 */
public final class MarkdownWriter implements ReportWriter<NoParameters> {
    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public String description() {
        return "Markdown report.md and tables/*.md (GitHub tables)";
    }

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public void write(Report report, NoParameters options, OutputSink sink) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(report.title()).append("\n\n");
        for (String n : report.notices()) md.append("> **").append(escape(n)).append("**\n\n");
        md.append("## Provenance\n\n");
        for (Map.Entry<String, Object> e : report.provenance().entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(escape(String.valueOf(e.getValue()))).append('\n');
        }
        md.append("\n## Contents\n\n");
        String combinedTitle = report.tablesFirst() ? "Tables" : "Combined tables";
        if (report.tablesFirst()) md.append("- [Tables](#tables)\n- [Appendix: the output of every step](#appendix-the-output-of-every-step)\n");
        for (Report.Entry e : report.entries()) {
            md.append(report.tablesFirst() ? "  - [" : "- [").append(heading(e)).append("](#").append(anchor(heading(e))).append(")\n");
        }
        if (!report.combined().isEmpty() && !report.tablesFirst()) md.append("- [Combined tables](#combined-tables)\n");
        md.append('\n');
        if (report.tablesFirst()) {
            combined(md, report, sink, combinedTitle);
            md.append("## Appendix: the output of every step\n\n");
        }
        for (Report.Entry e : report.entries()) {
            md.append("## ").append(heading(e)).append("\n\n");
            if (e.error() != null) md.append("**Failed:** ").append(escape(e.error())).append("\n\n");
            for (Table t : e.tables()) {
                md.append(render(t, null)).append('\n');
                sink.writeString("tables/" + RunWriter.entryKey(e.stepId(), e.group()) + "-" + t.id() + ".md", render(t, report.fileNotice()));
            }
            for (int i = 0; i < e.figures().size(); i++) {
                md.append("![").append(escape(e.figures().get(i).title())).append("](").append(e.figurePaths().get(i)).append(")\n\n");
            }
            if (!e.warnings().isEmpty()) {
                md.append("Warnings:\n\n");
                for (Warning w : e.warnings()) md.append("- `").append(w.code()).append("` ").append(escape(w.message())).append('\n');
                md.append('\n');
            }
        }
        if (!report.tablesFirst()) combined(md, report, sink, combinedTitle);
        sink.writeString("report.md", md.toString());
    }

    /** The tables combined across steps, each also written to {@code tables/combined-<id>.md}. */
    private static void combined(StringBuilder md, Report report, OutputSink sink, String title) {
        if (report.combined().isEmpty()) return;
        md.append("## ").append(title).append("\n\n");
        for (Table t : report.combined()) {
            md.append(render(t, null)).append('\n');
            sink.writeString("tables/combined-" + t.id() + ".md", render(t, report.fileNotice()));
        }
    }

    static String heading(Report.Entry e) {
        String base = e.title() != null ? e.title() + " (" + e.stepId() + ")" : e.stepId() + " (" + e.use() + ")";
        return e.group() == null ? base : base + " - " + e.group();
    }

    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    /** One table as Markdown, without a file notice. */
    public static String render(Table t) {
        return render(t, null);
    }

    /**
     * One table as Markdown: the file notice (when given) as a bold quote, the bold title, the header (the
     * spanning groups as the first line, a group's label in its first column; then the column heads and the
     * further header lines), the rows (section headings in bold), the notes in italics. Markdown has no
     * rules inside a table, so the blocks are not separated.
     */
    public static String render(Table t, String notice) {
        StringBuilder sb = new StringBuilder();
        if (notice != null) sb.append("> **").append(escape(notice)).append("**\n\n");
        sb.append("**").append(escape(t.title())).append("**\n\n");
        int cols = t.columns().size();
        if (!t.spans().isEmpty()) {
            List<String> spanRow = new ArrayList<>();
            for (int j = 0; j < cols; j++) spanRow.add("");
            for (Table.Span s : t.spans()) spanRow.set(s.first(), s.label());
            row(sb, "", spanRow);
            sb.append('|').append(" --- |".repeat(cols + 1)).append('\n');
            row(sb, t.stub(), t.columns());
        } else {
            row(sb, t.stub(), t.columns());
            sb.append('|').append(" --- |".repeat(cols + 1)).append('\n');
        }
        for (Table.Row h : t.heads()) row(sb, h.label(), h.cells());
        for (Table.Row r : t.rows()) {
            switch (r.kind()) {
                case SECTION -> {
                    List<String> empty = new ArrayList<>();
                    for (int j = 0; j < cols; j++) empty.add("");
                    rowRaw(sb, "**" + escape(r.label()) + "**", empty);
                }
                default -> row(sb, r.label(), r.cells());
            }
        }
        sb.append('\n');
        for (String n : t.notes()) sb.append("*").append(escape(n)).append("*\n\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, List<String> cells) {
        rowRaw(sb, escape(label), cells);
    }

    private static void rowRaw(StringBuilder sb, String label, List<String> cells) {
        sb.append("| ").append(label).append(" |");
        for (String c : cells) sb.append(' ').append(escape(c)).append(" |");
        sb.append('\n');
    }

    static String escape(String s) {
        if (s == null) return "";
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*").replace("_", "\\_");
    }
}
