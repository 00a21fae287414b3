package eres.plugins.formats;

import eres.api.Param;
import eres.api.ReportWriter;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Every table as {@code tables/<step>-<table>.csv} (RFC 4180, UTF-8 with a byte-order mark so that Excel
 * shows Chinese text correctly; CRLF line ends). Layout: the file notice (synthetic data) alone on the first
 * line when there is one, the spanning-header row when there is one, the header row (stub, then the
 * columns), the further header lines (column titles, dependent variable), one line per table row (sections
 * as a label alone, standard-error lines with an empty label), then each note alone in the first field. Cells are the formatted text of
 * the other writers, stars included.
 *
 * <p>Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with {@code = + - @ | %},
 * a tab or a carriage return (or their full-width forms) would be run as a formula by Excel or
 * LibreOffice when the file is opened; such cells get a leading apostrophe, which spreadsheets take as
 * "text". Numbers (with optional stars, e.g. {@code -0.0123**}) are left alone: they cannot be formulas
 * and must stay numbers.
 */
@Extension
public final class CsvTableWriter implements ReportWriter<CsvTableWriter.Options> {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\*{0,3}");

    /** Options from {@code report: {options: {csv: {...}}}}. */
    public record Options(@Param(value = "start files with a UTF-8 byte-order mark (Excel needs it for Chinese text)",
            defaultValue = "true") Boolean bom) {
        public Options {
            if (bom == null) bom = true;
        }
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "Tables as CSV in tables/*.csv (UTF-8, protected against spreadsheet formula injection)";
    }

    @Override
    public Class<Options> parameterType() {
        return Options.class;
    }

    @Override
    public void write(Report report, Options options, OutputSink sink) {
        boolean bom = options == null || options.bom();
        for (Report.Entry e : report.entries()) {
            for (Table t : e.tables()) sink.write(Reports.tablePath(e, t.id(), "csv"), bytes(render(t, report.fileNotice()), bom));
        }
        for (Table t : report.combined()) sink.write(Reports.combinedPath(t.id(), "csv"), bytes(render(t, report.fileNotice()), bom));
    }

    private static byte[] bytes(String csv, boolean bom) {
        return ((bom ? "\uFEFF" : "") + csv).getBytes(StandardCharsets.UTF_8);
    }

    /** One table as CSV text (no byte-order mark), without a notice. */
    static String render(Table t) {
        return render(t, null);
    }

    /** One table as CSV text (no byte-order mark); the notice (synthetic data), when given, alone on the first line. */
    static String render(Table t, String notice) {
        int width = t.columns().size() + 1;
        StringBuilder sb = new StringBuilder();
        if (notice != null) {
            List<String> cells = new ArrayList<>(Collections.nCopies(width, ""));
            cells.set(0, notice);
            line(sb, cells);
        }
        if (!t.spans().isEmpty()) {
            List<String> spanRow = new ArrayList<>(Collections.nCopies(width, ""));
            for (Table.Span s : t.spans()) if (s.first() >= 0 && s.first() < width - 1) spanRow.set(s.first() + 1, s.label());
            line(sb, spanRow);
        }
        List<String> header = new ArrayList<>();
        header.add(t.stub());
        header.addAll(t.columns());
        line(sb, header);
        for (Table.Row h : t.heads()) {
            List<String> cells = new ArrayList<>();
            cells.add(h.label());
            cells.addAll(h.cells());
            line(sb, cells);
        }
        for (Table.Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.label());
            if (r.kind() == Table.Row.Kind.SECTION) cells.addAll(Collections.nCopies(width - 1, ""));
            else cells.addAll(r.cells());
            line(sb, cells);
        }
        for (String n : t.notes()) {
            List<String> cells = new ArrayList<>(Collections.nCopies(width, ""));
            cells.set(0, n);
            line(sb, cells);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(defuse(cells.get(i))));
        }
        sb.append("\r\n");
    }

    /** The cell with a leading apostrophe if a spreadsheet would read it as a formula. */
    static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        if (NUMBER.matcher(cell).matches()) return cell;
        char c = cell.charAt(0);
        boolean risky = switch (c) {
            case '=', '+', '-', '@', '|', '%', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
        return risky ? "'" + cell : cell;
    }

    /** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
