package eres.app.cli;

import eres.app.wiring.Platform;
import eres.api.DataException;
import eres.api.DataReader;
import eres.api.data.RawTable;
import eres.core.chain.ParameterBinder;
import eres.core.io.CsvReader;
import eres.core.io.Inspection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres inspect FILE}: what a data file holds before a chain is written: its sheets (Excel), the
 * header row, each column's type as eres would load it, its missing cells and examples, and hints for
 * the chain's {@code data:} block (reshape, missing codes).
 */
@Command(name = "inspect", description = "Show a data file's sheets, header row and columns (type, missing, examples) before writing a chain.")
public final class InspectCommand implements Callable<Integer> {
    /** CSV files are inspected on their first rows only, streamed. */
    static final int CSV_ROWS = 100_000;

    @Parameters(paramLabel = "FILE", description = "data file (.csv, .csv.gz, .xlsx, .xls, .dta, ...)")
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME|N", description = "Excel: the sheet by name or 1-based position (default 1)")
    String sheet;

    @Option(names = "--header-row", paramLabel = "N", description = "Excel: the row with the column names")
    Integer headerRow;

    @Option(names = "--last-row", paramLabel = "N", description = "Excel: the last row to read")
    Integer lastRow;

    @Option(names = "--delimiter", paramLabel = "C", description = "CSV: field delimiter (\\t for tab)")
    String delimiter;

    @Option(names = "--decimal", paramLabel = "C", description = "CSV: decimal mark, . or ,")
    String decimal;

    @Option(names = "--encoding", paramLabel = "NAME", description = "CSV, Stata: character encoding")
    String encoding;

    @Option(names = "--format", paramLabel = "ID", description = "reader id when the extension is not enough")
    String format;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) throw new DataException("no file " + file);
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            String ext = format != null ? format : extension(file);
            DataReader<?> reader = p.registry().reader("--format", ext);
            Map<String, Object> options = new LinkedHashMap<>();
            if (sheet != null) options.put("sheet", sheet.matches("\\d+") ? (Object) Integer.valueOf(sheet) : sheet);
            if (headerRow != null) options.put("header-row", headerRow);
            if (lastRow != null) options.put("last-row", lastRow);
            if (delimiter != null) options.put("delimiter", delimiter);
            else if (reader instanceof CsvReader) {
                String guessed = guessDelimiter(file);
                if (guessed != null) {
                    options.put("delimiter", guessed);
                    out.println("delimiter: '" + (guessed.equals("\t") ? "\\t" : guessed) + "' (guessed from the header; in a chain: delimiter: '"
                            + (guessed.equals("\t") ? "\\t" : guessed) + "')");
                }
            }
            if (decimal != null) options.put("decimal", decimal);
            if (encoding != null) options.put("encoding", encoding);
            inspect(out, reader, options);
            out.flush();
            return 0;
        }
    }

    private <P> void inspect(PrintWriter out, DataReader<P> reader, Map<String, Object> given) {
        P options = ParameterBinder.bind("options", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(given), reader.parameterType());
        String name = file.getFileName().toString();
        List<String> tables = reader.tables(file);
        if (!tables.isEmpty()) {
            out.println(name + ": " + tables.size() + " sheet(s): " + String.join(", ", tables));
            out.println("  showing sheet " + (sheet == null ? "1 '" + tables.get(0) + "'" : sheet) + "; --sheet NAME for another (in a chain: sheet: NAME)");
        }
        RawTable t;
        boolean head = false;
        if (reader instanceof CsvReader csv) {
            t = csv.readHead(file, (CsvReader.Options) options, CSV_ROWS);
            head = t.rows().size() == CSV_ROWS;
        } else {
            t = reader.read(file, options);
        }
        java.util.OptionalInt h = reader.headerRow(file, options);
        String unit = t.lineWord();
        if (h.isPresent()) {
            out.println("header: " + unit + " " + h.getAsInt() + (headerRow == null ? " (the first row with at least two filled cells;"
                    + " --header-row N, in a chain header-row: N, to choose another)" : ""));
        } else {
            out.println("header: " + unit + " 1");
        }
        int[] lines = t.lineNumbers();
        out.println("data: " + t.rows().size() + " row(s)" + (head ? " (the first " + CSV_ROWS + "; counts below cover these)" : "")
                + ", " + unit + "s " + lines[0] + "-" + lines[lines.length - 1] + "; " + t.columns().size() + " column(s)");
        Map<String, String> labels = reader.labels(file, options);
        Inspection.Result r = Inspection.of(t, decimal != null && decimal.equals(",") ? ',' : '.');
        int w = 6;
        for (Inspection.Column c : r.columns()) w = Math.max(w, Math.min(28, width(c.name())));
        out.println(String.format(Locale.ROOT, "  %s  %-16s %8s  %s", pad("COLUMN", w), "TYPE", "MISSING", labels.isEmpty() ? "EXAMPLES"
                : "EXAMPLES / LABEL"));
        for (Inspection.Column c : r.columns()) {
            String ex = String.join(", ", c.examples().stream().map(InspectCommand::shorten).toList());
            String label = labels.get(c.name());
            out.println(String.format(Locale.ROOT, "  %s  %-16s %8d  %s", pad(c.name(), w), c.type(), c.missing(), ex
                    + (label == null ? "" : "  [" + label + "]")));
        }
        for (String hint : r.hints()) out.println("hint: " + hint);
    }

    /** The delimiter of a CSV header line when it is not a comma: the most frequent of ';', tab and '|'; null for a comma. */
    static String guessDelimiter(Path file) {
        String first;
        try (java.io.InputStream raw = Files.newInputStream(file);
             java.io.InputStream in = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new java.util.zip.GZIPInputStream(raw) : raw;
             java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            first = r.readLine();
        } catch (java.io.IOException e) {
            return null;
        }
        if (first == null) return null;
        int commas = count(first, ',');
        String best = null;
        int most = commas;
        for (char c : new char[] {';', '\t', '|'}) {
            int k = count(first, c);
            if (k > most) {
                most = k;
                best = c == '\t' ? "\t" : String.valueOf(c);
            }
        }
        return best;
    }

    private static int count(String s, char c) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) k++;
        return k;
    }

    /** Display width: CJK and other wide characters take two columns. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.isIdeographic(cp) || cp >= 0xFF00 && cp <= 0xFFEF || cp >= 0x3000 && cp <= 0x303F ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - width(s)));
    }

    static String shorten(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 24 ? t.substring(0, 23) + "…" : t;
    }

    static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) n = n.substring(0, n.length() - 3);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
