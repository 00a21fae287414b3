package eres.core.io;

import eres.api.DataException;
import eres.api.DataReader;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.data.RawTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * RFC 4180 CSV: a header row, comma (or another one-character) delimiter, double-quoted fields with
 * {@code ""} escapes and embedded line breaks, LF or CRLF line ends, an optional UTF-8 byte-order
 * mark; {@code .gz} files are decompressed as they are read. Blank lines are skipped. Malformed input
 * (ragged rows, unterminated quotes, invalid UTF-8, duplicate column names) fails with the line
 * number.
 *
 * <p>The engine loads CSV panels through {@link #load}, which streams the file through a byte-level
 * tokenizer ({@link CsvTokenizer}) straight into primitive columns ({@link ColumnarLoader}): no string
 * per cell, no regular expression per cell, memory about 8 bytes per numeric cell. Before it fills
 * the columns it checks the expected size against the heap. {@link #read} (the {@link RawTable} of
 * text cells) remains for reshaping and for callers that want the cells.
 */
public final class CsvReader implements DataReader<CsvReader.Options> {

    /** CSV options from the chain's {@code data:} block. */
    public record Options(@Param(value = "field delimiter (one character, \"\\t\" for tab)", defaultValue = ",") String delimiter,
                          @Param(value = "character encoding", defaultValue = "UTF-8") String encoding,
                          @Param(value = "decimal mark of numbers: '.' or ',' (with delimiter ';')", defaultValue = ".") String decimal) {
        public Options {
            if (delimiter == null) delimiter = ",";
            if (encoding == null) encoding = "UTF-8";
            if (decimal == null) decimal = ".";
            if (delimiter.equals("\\t")) delimiter = "\t";
            if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.charAt(0) > 0x7f
                    || delimiter.equals("\n") || delimiter.equals("\r")) {
                throw new SpecException("data.delimiter", "must be one ASCII character other than '\"' or a line break, got '"
                        + delimiter + "'");
            }
            if (!decimal.equals(".") && !decimal.equals(",")) {
                throw new SpecException("data.decimal", "must be '.' or ',', got '" + decimal + "'");
            }
            if (decimal.equals(delimiter)) {
                throw new SpecException("data.decimal", "is the same character as data.delimiter ('" + delimiter
                        + "'); files with decimal commas use delimiter: ';'");
            }
        }

        public Options(String delimiter, String encoding) {
            this(delimiter, encoding, null);
        }
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "Comma-separated values with a header row (RFC 4180, UTF-8; .csv.gz read directly)";
    }

    @Override
    public Class<Options> parameterType() {
        return Options.class;
    }

    @Override
    public Set<String> fileExtensions() {
        return Set.of("csv", "txt");
    }

    @Override
    public RawTable read(Path file, Options options) {
        Options o = options == null ? new Options(null, null, null) : options;
        String name = file.getFileName().toString();
        try (InputStream in = open(file, o, null)) {
            return parse(name, in, o.delimiter().charAt(0), isUtf8(o));
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and types a CSV panel in one streaming pass (the engine's path for CSV files).
     *
     * @param heap the memory check to apply once the first rows show the row width, or null
     */
    public PanelLoader.Loaded load(Path file, Options options, DataSpec spec, HeapCheck heap) {
        return load(file, options, spec, heap, null);
    }

    /** As {@link #load(Path, Options, DataSpec, HeapCheck)}, also feeding the file's bytes to {@code digest} (may be null). */
    public PanelLoader.Loaded load(Path file, Options options, DataSpec spec, HeapCheck heap, java.security.MessageDigest digest) {
        Options o = options == null ? new Options(null, null, null) : options;
        String name = file.getFileName().toString();
        long size;
        try {
            size = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? -1 : Files.size(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ColumnarLoader.MemoryCheck check = heap == null ? null : (rows, bytes, numeric, text) -> heap.check(name, size, rows, bytes,
                numeric, text);
        ColumnarLoader loader = new ColumnarLoader(name, spec, "line", o.decimal().charAt(0), check);
        try (InputStream in = open(file, o, digest)) {
            tokenize(name, in, o.delimiter().charAt(0), isUtf8(o), new HeaderFirst(name, loader));
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return loader.finish();
    }

    /** Estimates the memory a table needs from its first rows and refuses what the heap cannot hold. */
    public interface HeapCheck {
        /** @return the expected number of rows (to reserve room), or 0 if unknown */
        int check(String source, long fileBytes, int rowsSoFar, long bytesSoFar, int numericColumns, int textColumns);
    }

    private static boolean isUtf8(Options o) {
        return Charset.forName(o.encoding()).equals(StandardCharsets.UTF_8);
    }

    /** The file's bytes as UTF-8 (decoded and re-encoded for other encodings), decompressed if .gz. */
    private static InputStream open(Path file, Options o, java.security.MessageDigest digest) throws IOException {
        Charset cs;
        try {
            cs = Charset.forName(o.encoding());
        } catch (IllegalArgumentException e) {
            throw new DataException("unknown encoding '" + o.encoding() + "'");
        }
        InputStream in = Files.newInputStream(file);
        if (digest != null) in = new java.security.DigestInputStream(in, digest);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        if (cs.equals(StandardCharsets.UTF_8)) return in;
        byte[] bytes;
        try (InputStream i = in) {
            bytes = i.readAllBytes();
        }
        String text;
        try {
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataException(file.getFileName() + " is not valid " + o.encoding() + " text (set data.encoding, e.g. GB18030)");
        }
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses CSV text. */
    public static RawTable parse(String source, String text, char delimiter) {
        return parse(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), delimiter, false);
    }

    private static RawTable parse(String source, InputStream in, char delimiter, boolean validate) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        tokenize(source, in, delimiter, validate, (buf, start, end, escaped, fields, line) -> {
            if (header.isEmpty()) {
                header.addAll(headerNames(source, buf, start, end, escaped, fields, line));
                return;
            }
            if (fields != header.size()) {
                throw new DataException(source + " line " + line + ": " + fields + " fields, the header has " + header.size());
            }
            String[] rec = new String[fields];
            for (int j = 0; j < fields; j++) rec[j] = cell(buf, start[j], end[j], escaped[j]);
            rows.add(rec);
            lines.add(line);
        });
        if (header.isEmpty()) throw new DataException(source + " is empty");
        if (rows.isEmpty()) throw new DataException(source + " has a header but no data rows");
        int[] ln = new int[lines.size()];
        for (int i = 0; i < ln.length; i++) ln[i] = lines.get(i);
        return new RawTable(source, header, rows, ln, "line");
    }

    private static void tokenize(String source, InputStream in, char delimiter, boolean validate, CsvTokenizer.Sink sink) {
        new CsvTokenizer(in, source, delimiter, validate).run(sink);
    }

    private static String cell(byte[] buf, int s, int e, boolean escaped) {
        if (escaped) {
            byte[] u = CsvTokenizer.unescape(buf, s, e);
            return new String(u, StandardCharsets.UTF_8);
        }
        return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    static List<String> headerNames(String source, byte[] buf, int[] start, int[] end, boolean[] escaped, int fields, int line) {
        Set<String> seen = new HashSet<>();
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < fields; j++) {
            String h = cell(buf, start[j], end[j], escaped[j]).strip();
            if (h.isEmpty()) throw new DataException(source + " line " + line + ": column " + (j + 1) + " has an empty name");
            if (!seen.add(h)) throw new DataException(source + " line " + line + ": duplicate column name '" + ColumnarLoader.shown(h) + "'");
            columns.add(h);
        }
        return columns;
    }

    /** Routes the first record to the header, the others to the loader. */
    private static final class HeaderFirst implements CsvTokenizer.Sink {
        private final String source;
        private final ColumnarLoader loader;
        private boolean header = true;

        HeaderFirst(String source, ColumnarLoader loader) {
            this.source = source;
            this.loader = loader;
        }

        @Override
        public void record(byte[] buf, int[] start, int[] end, boolean[] escaped, int fields, int line) {
            if (header) {
                loader.header(headerNames(source, buf, start, end, escaped, fields, line));
                header = false;
                return;
            }
            loader.record(buf, start, end, escaped, fields, line);
        }
    }
}
