package eres.plugins.formats;

import eres.api.NoParameters;
import eres.api.ReportWriter;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * LaTeX tables in the layout of Stata's {@code esttab ..., booktabs}: {@code \toprule}/{@code \midrule}/
 * {@code \bottomrule} and no vertical rules, spanning headers with {@code \cmidrule}, one column per model
 * (a combined table puts models side by side), stars as superscripts through esttab's {@code \sym}
 * macro, the standard error in parentheses on the line under each estimate, a rule wherever the block changes
 * (coefficients, indicator rows, statistics rows, panels) and the notes under the bottom rule, set in a
 * paragraph exactly as wide as the table (the tabular is typeset in a box first and the notes take its
 * width, so long notes wrap instead of running into the margin; no package beyond booktabs needed).
 *
 * <p>Writes {@code tables/<step>-<table>.tex} (a {@code table} float with caption and label, for
 * {@code \input} into a paper; needs {@code &#92;usepackage{booktabs}}) and {@code report.tex}, a complete
 * document with every table (as {@code longtable}, so long tables break across pages), the provenance
 * and warnings. {@code report.tex} compiles with pdfLaTeX; when the report contains Chinese text it uses
 * the {@code ctex} package instead and must be compiled with XeLaTeX.
 */
@Extension
public final class LatexWriter implements ReportWriter<NoParameters> {

    @Override
    public String id() {
        return "latex";
    }

    @Override
    public String description() {
        return "LaTeX booktabs tables (esttab layout) in tables/*.tex and a compilable report.tex";
    }

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public void write(Report report, NoParameters options, OutputSink sink) {
        StringBuilder body = new StringBuilder();
        body.append("\\section*{").append(escape(report.title())).append("}\n\n");
        for (String n : report.notices()) body.append("\\noindent\\textbf{").append(escape(n)).append("}\n\n");
        body.append("\\subsection*{Provenance}\n\\begin{itemize}\n");
        for (Map.Entry<String, Object> e : report.provenance().entrySet()) {
            body.append("\\item ").append(escape(e.getKey())).append(": ").append(breakable(String.valueOf(e.getValue()))).append('\n');
        }
        body.append("\\end{itemize}\n\n");
        if (report.tablesFirst()) {
            combined(body, report, sink, "Tables");
            body.append("\\section*{Appendix: the output of every step}\n\n");
        }
        for (Report.Entry e : report.entries()) {
            body.append("\\section{").append(escape(Reports.heading(e))).append("}\n\n");
            if (e.error() != null) body.append("\\textbf{Failed:} ").append(escape(e.error())).append("\n\n");
            for (Table t : e.tables()) {
                sink.writeString(Reports.tablePath(e, t.id(), "tex"), floatTable(t, Reports.key(e) + "-" + t.id(), report.fileNotice()));
                body.append(longTable(t)).append('\n');
            }
            for (int i = 0; i < e.figures().size(); i++) {
                body.append("\\noindent Figure: ").append(escape(e.figures().get(i).title())).append(" (\\texttt{")
                        .append(escape(e.figurePaths().get(i))).append("}, SVG)\n\n");
            }
            if (!e.warnings().isEmpty()) {
                body.append("\\noindent Warnings:\n\\begin{itemize}\n");
                for (Warning w : e.warnings()) {
                    body.append("\\item \\texttt{").append(escape(w.code())).append("} ").append(escape(w.message())).append('\n');
                }
                body.append("\\end{itemize}\n\n");
            }
        }
        if (!report.tablesFirst()) combined(body, report, sink, "Combined tables");
        sink.writeString("report.tex", document(body.toString()));
    }

    /** The tables combined across steps, each also written to {@code tables/combined-<id>.tex}. */
    private static void combined(StringBuilder body, Report report, OutputSink sink, String title) {
        if (report.combined().isEmpty()) return;
        body.append("\\section{").append(title).append("}\n\n");
        for (Table t : report.combined()) {
            sink.writeString(Reports.combinedPath(t.id(), "tex"), floatTable(t, "combined-" + t.id(), report.fileNotice()));
            body.append(longTable(t)).append('\n');
        }
    }

    /** A complete document around {@code body}: pdfLaTeX, or XeLaTeX with ctex when there is Chinese text. */
    static String document(String body) {
        boolean cjk = body.codePoints().anyMatch(LatexWriter::isCjk);
        StringBuilder d = new StringBuilder();
        if (cjk) {
            d.append("% Contains Chinese text: compile with xelatex (needs the ctex package, e.g. Debian texlive-lang-chinese).\n");
            d.append("\\documentclass[11pt]{ctexart}\n");
        } else {
            d.append("% Compile with pdflatex (packages from texlive-latex-recommended).\n");
            d.append("\\documentclass[11pt]{article}\n");
            d.append("\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n");
        }
        d.append("\\usepackage[a4paper,margin=2cm]{geometry}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n");
        d.append("\\def\\sym#1{\\ifmmode^{#1}\\else\\(^{#1}\\)\\fi}\n");
        d.append("\\begin{document}\n\\sloppy\n\n").append(body).append("\\end{document}\n");
        return d.toString();
    }

    /** A {@code table} float without a file notice. */
    static String floatTable(Table t, String label) {
        return floatTable(t, label, null);
    }

    /**
     * A {@code table} float for {@code \input}: caption, label, the tabular; the file notice (synthetic
     * data) as a comment on the first line and as the first note under the table.
     */
    static String floatTable(Table t, String label, String notice) {
        int n = t.columns().size() + 1;
        StringBuilder sb = new StringBuilder();
        if (notice != null) sb.append("% ").append(oneLine(notice)).append('\n');
        sb.append("% ").append(oneLine(t.title())).append(" -- written by eres; needs \\usepackage{booktabs}\n");
        if (hasCjk(t)) sb.append("% contains Chinese text: compile with xelatex and \\usepackage{ctex} (Debian texlive-lang-chinese)\n");
        sb.append("\\begin{table}[htbp]\n\\centering\n");
        sb.append("\\caption{").append(escape(caption(t.title()))).append("}\n");
        sb.append("\\label{tab:").append(label).append("}\n");
        sb.append("{\\def\\sym#1{\\ifmmode^{#1}\\else\\(^{#1}\\)\\fi}\n");
        // the tabular is set in box 0 first, so that the notes below can take exactly its width
        sb.append("\\sbox0{\\begin{tabular}{l*{").append(n - 1).append("}{c}}\n");
        sb.append("\\toprule\n");
        header(sb, t);
        body(sb, t);
        sb.append("\\bottomrule\n");
        sb.append("\\end{tabular}}%\n\\usebox0\n");
        List<String> notes = new java.util.ArrayList<>();
        if (notice != null) notes.add("\\textbf{" + escape(notice) + "}");
        for (String note : t.notes()) notes.add(escape(note));
        if (!notes.isEmpty()) {
            sb.append("\\par\\smallskip\n\\parbox{\\wd0}{\\raggedright\\footnotesize ").append(String.join("\\par\n", notes)).append("}\n");
        }
        sb.append("}\n\\end{table}\n");
        return sb.toString();
    }

    /** The same table as a {@code longtable} (report.tex): breaks across pages, no float. */
    static String longTable(Table t) {
        int n = t.columns().size() + 1;
        StringBuilder sb = new StringBuilder();
        sb.append("\\begin{longtable}{l*{").append(n - 1).append("}{c}}\n");
        sb.append("\\caption{").append(escape(caption(t.title()))).append("}\\\\\n");
        sb.append("\\toprule\n");
        header(sb, t);
        body(sb, t);
        sb.append("\\bottomrule\n");
        sb.append("\\end{longtable}\n");
        if (!t.notes().isEmpty()) {
            sb.append("\\vspace{-0.8\\baselineskip}\n{\\footnotesize\\noindent ");
            sb.append(String.join("\\par\\noindent\n", t.notes().stream().map(LatexWriter::escape).toList())).append("\\par}\n");
        }
        return sb.toString();
    }

    private static void header(StringBuilder sb, Table t) {
        int cols = t.columns().size();
        if (!t.spans().isEmpty()) {
            StringBuilder rules = new StringBuilder();
            int next = 0;
            for (Table.Span s : t.spans()) {
                int first = Math.max(s.first(), next);
                int last = Math.min(s.last(), cols - 1);
                if (first > last) continue;
                for (; next < first; next++) sb.append(" &");
                sb.append(" & \\multicolumn{").append(last - first + 1).append("}{c}{").append(escape(s.label())).append('}');
                rules.append("\\cmidrule(lr){").append(first + 2).append('-').append(last + 2).append('}');
                next = last + 1;
            }
            for (; next < cols; next++) sb.append(" &");
            sb.append(" \\\\\n").append(rules).append('\n');
        }
        sb.append(label(t.stub()));
        for (String c : t.columns()) sb.append(" & ").append(cell(c));
        sb.append(" \\\\\n");
        for (Table.Row h : t.heads()) row(sb, h);
        sb.append("\\midrule\n");
    }

    /** The rows, with a {@code \\midrule} wherever the block changes (coefficients, indicators, statistics, panels). */
    private static void body(StringBuilder sb, Table t) {
        int n = t.columns().size() + 1;
        for (int i = 0; i < t.rows().size(); i++) {
            Table.Row r = t.rows().get(i);
            if (t.ruleAbove(i)) sb.append("\\midrule\n");
            if (r.kind() == Table.Row.Kind.SECTION) {
                sb.append("\\multicolumn{").append(n).append("}{l}{\\textit{").append(escape(r.label())).append("}} \\\\\n");
            } else {
                row(sb, r);
            }
        }
    }

    private static void row(StringBuilder sb, Table.Row r) {
        sb.append(label(r.label()));
        for (String c : r.cells()) sb.append(" & ").append(cell(c));
        sb.append(" \\\\\n");
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^(Table|表)\\s*[A-Za-z]?\\d+[A-Za-z]?\\s*[:.：]\\s*");

    /** The caption without a leading "Table 3:" (LaTeX numbers tables itself; the file's first comment keeps the title). */
    static String caption(String title) {
        if (title == null) return "";
        String c = NUMBERED.matcher(title).replaceFirst("");
        return c.isEmpty() ? title : c;
    }

    /** A row label; {@code {}} first so that a label starting with '[' is not read as {@code \\[...]}. */
    private static String label(String s) {
        return "{}" + escape(s);
    }

    /** A data cell: an estimate's stars become {@code \sym{***}}. */
    static String cell(String c) {
        String[] p = Reports.stars(c);
        return p[1].isEmpty() ? escape(c) : escape(p[0]) + "\\sym{" + p[1] + "}";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    /** Long unbroken strings (hashes, paths) get break points. */
    private static String breakable(String s) {
        return escape(s).replace("/", "/\\allowbreak{}");
    }

    /**
     * Text in LaTeX: the ten special characters escaped, {@code < >} as text symbols (they print as other
     * glyphs in the OT1 encoding; {@code "} is left as it is, a straight quote in T1 and a closing quote in
     * OT1, since no command for it works in both), common Unicode math (Greek letters, superscript digits, minus, times,
     * inequalities) as math, line breaks as spaces. Other Unicode (accented and CJK letters) stays as UTF-8.
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            // a letter with a combining circumflex (γ̂): \hat in math
            if (i + 1 < cps.length && cps[i + 1] == 0x302) {
                String greek = GREEK.get(cp);
                sb.append("\\(\\hat{").append(greek != null ? "\\" + greek : new String(Character.toChars(cp))).append("}\\)");
                i++;
                continue;
            }
            if (cp >= 0x2080 && cp <= 0x2089) {
                sb.append("\\(_{").append(cp - 0x2080).append("}\\)");
                continue;
            }
            if (cp == 0xB7) {
                sb.append("\\(\\cdot\\)");
                continue;
            }
            appendEscaped(sb, cp);
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, int cp) {
        switch (cp) {
            case '\\' -> sb.append("\\textbackslash{}");
            case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').appendCodePoint(cp);
            case '~' -> sb.append("\\textasciitilde{}");
            case '^' -> sb.append("\\textasciicircum{}");
            case '<' -> sb.append("\\textless{}");
            case '>' -> sb.append("\\textgreater{}");
            case '\n', '\r', '\t' -> sb.append(' ');
            case 0xB2 -> sb.append("\\textsuperscript{2}");
            case 0xB3 -> sb.append("\\textsuperscript{3}");
            case 0xB9 -> sb.append("\\textsuperscript{1}");
            case 0x2212 -> sb.append("\\(-\\)");
            case 0xD7 -> sb.append("\\(\\times\\)");
            case 0xB1 -> sb.append("\\(\\pm\\)");
            case 0x2264 -> sb.append("\\(\\leq\\)");
            case 0x2265 -> sb.append("\\(\\geq\\)");
            case 0x2260 -> sb.append("\\(\\neq\\)");
            case 0x2248 -> sb.append("\\(\\approx\\)");
            case 0x221E -> sb.append("\\(\\infty\\)");
            default -> {
                String greek = GREEK.get(cp);
                if (greek != null) sb.append("\\(\\").append(greek).append("\\)");
                else sb.appendCodePoint(cp);
            }
        }
    }

    private static final Map<Integer, String> GREEK = greek();

    private static Map<Integer, String> greek() {
        String[] lower = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", null, "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};
        java.util.HashMap<Integer, String> m = new java.util.HashMap<>();
        for (int i = 0; i < lower.length; i++) if (lower[i] != null) m.put(0x3B1 + i, lower[i]);
        List<String> upper = List.of("Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");
        int[] upperCp = {0x393, 0x394, 0x398, 0x39B, 0x39E, 0x3A0, 0x3A3, 0x3A5, 0x3A6, 0x3A8, 0x3A9};
        for (int i = 0; i < upperCp.length; i++) m.put(upperCp[i], upper.get(i));
        return Map.copyOf(m);
    }

    static boolean hasCjk(Table t) {
        StringBuilder all = new StringBuilder(t.title());
        t.columns().forEach(all::append);
        t.heads().forEach(r -> {
            all.append(r.label());
            r.cells().forEach(all::append);
        });
        t.rows().forEach(r -> all.append(r.label()));
        t.notes().forEach(all::append);
        return all.codePoints().anyMatch(LatexWriter::isCjk);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
