package eres.core.io;

import eres.api.DataException;
import eres.api.DataReader;
import eres.api.Limits;
import eres.api.Param;
import eres.api.data.RawTable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 4180 CSV: a header row, comma (or another one-character) delimiter, double-quoted fields with
 * {@code ""} escapes and embedded line breaks, LF or CRLF line ends, an optional UTF-8 byte-order
 * mark. Blank lines are skipped. Malformed input (ragged rows, unterminated quotes, invalid UTF-8,
 * duplicate column names) fails with the line number.
 */
public final class CsvReader implements DataReader<CsvReader.Options> {

    /** CSV options from the chain's {@code data:} block. */
    public record Options(@Param(value = "field delimiter (one character)", defaultValue = ",") String delimiter,
                          @Param(value = "character encoding", defaultValue = "UTF-8") String encoding) {
        public Options {
            if (delimiter == null) delimiter = ",";
            if (encoding == null) encoding = "UTF-8";
            if (delimiter.length() != 1 || delimiter.equals("\"")) {
                throw new eres.api.SpecException("data.delimiter", "must be one character other than '\"', got '" + delimiter + "'");
            }
        }
    }

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "Comma-separated values with a header row (RFC 4180, UTF-8)";
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
        Options o = options == null ? new Options(null, null) : options;
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            Charset cs = Charset.forName(o.encoding());
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataException(name + " is not valid " + o.encoding() + " text (set data.encoding, e.g. GB18030)");
        } catch (IllegalArgumentException e) {
            throw new DataException("unknown encoding '" + o.encoding() + "'");
        }
        return parse(name, text, o.delimiter().charAt(0));
    }

    /** Parses CSV text. */
    public static RawTable parse(String source, String text, char delimiter) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        boolean afterQuote = false;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            boolean eof = i == n;
            if (quoted) {
                if (eof) throw new DataException(source + " line " + recordLine + ": unterminated quoted field");
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                afterQuote = false;
                continue;
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') continue;
            if (c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                boolean blank = fields.size() == 1 && fields.get(0).isBlank() && !afterQuote;
                if (!blank) {
                    records.add(fields.toArray(new String[0]));
                    lines.add(recordLine);
                    if (records.size() > Limits.MAX_ROWS + 1) {
                        throw new DataException(source + " has more than " + Limits.MAX_ROWS + " rows, the limit");
                    }
                }
                fields.clear();
                fieldStarted = false;
                afterQuote = false;
                line++;
                recordLine = line;
                if (eof) break;
                continue;
            }
            if (afterQuote) {
                throw new DataException(source + " line " + recordLine + ": text after a closing quote");
            }
            field.append(c);
            fieldStarted = true;
        }
        if (records.isEmpty()) throw new DataException(source + " is empty");
        String[] header = records.get(0);
        Set<String> seen = new HashSet<>();
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            String h = header[j].strip();
            if (h.isEmpty()) throw new DataException(source + " line " + lines.get(0) + ": column " + (j + 1) + " has an empty name");
            if (!seen.add(h)) throw new DataException(source + " line " + lines.get(0) + ": duplicate column name '" + h + "'");
            columns.add(h);
        }
        if (records.size() == 1) throw new DataException(source + " has a header but no data rows");
        List<String[]> rows = new ArrayList<>(records.size() - 1);
        int[] lineNumbers = new int[records.size() - 1];
        for (int r = 1; r < records.size(); r++) {
            String[] rec = records.get(r);
            if (rec.length != columns.size()) {
                throw new DataException(source + " line " + lines.get(r) + ": " + rec.length + " fields, the header has "
                        + columns.size());
            }
            rows.add(rec);
            lineNumbers[r - 1] = lines.get(r);
        }
        return new RawTable(source, columns, rows, lineNumbers, "line");
    }
}
